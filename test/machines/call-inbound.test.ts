import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const ringing = () => createDriver({ config: { ringCeilingMs: 30_000 } }).login().ring('c1', '+15551230000', 'ev1');

describe('when ringing', () => {
  test('Fusion is offered the call once, with its eventId and number', () => {
    const d = ringing();
    d.expectState('call.ringing.alerting');
    expect(d.fusionOf('fusion.cmd.newComm')).toEqual([
      { type: 'fusion.cmd.newComm', eventId: 'ev1', direction: 'inbound', number: '+15551230000' },
    ]);
    expect(d.snapshot().context.activeCall).toBe(keyOf('c1'));
  });

  test('a duplicate EventRinging is ignored: one actor, one offer', () => {
    const d = ringing().ring('c1', '+15551230000', 'ev1');
    expect(d.callNames()).toEqual(['c1']);
    expect(d.fusionOf('fusion.cmd.newComm')).toHaveLength(1);
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('DUPLICATE_RINGING');
  });

  test('Accept from Fusion: Accept POST, startCommEvent on EventEstablished, then the UEF promise resolves', () => {
    const d = ringing();
    d.fusion({ type: 'fusion.accept', eventId: 'ev1', requestId: 'q1' });
    d.expectState('call.ringing.accepting');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.accept', connectionId: 'c1', eventId: 'ev1' });
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([]);
    d.established('c1');
    d.expectState('call.established.talking');
    expect(d.fusionOf('fusion.cmd.startComm')).toEqual([{ type: 'fusion.cmd.startComm', eventId: 'ev1', direction: 'inbound' }]);
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([{ type: 'fusion.cmd.respond', requestId: 'q1', ok: true }]);
  });

  test('an Accept that fails rolls back to ringing, shows the error, and answers Fusion with the failure', () => {
    const d = ringing();
    d.fusion({ type: 'fusion.accept', eventId: 'ev1', requestId: 'q1' });
    d.genesys({ type: 'genesys.commandFailed', command: 'accept', connectionId: 'c1', eventId: 'ev1', code: 'REST_HTTP_500', message: 'Internal' });
    d.expectState('call.ringing.alerting');
    expect(d.callSnapshot()?.context.error).toEqual({ code: 'REST_HTTP_500', detail: 'Internal' });
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([
      { type: 'fusion.cmd.respond', requestId: 'q1', ok: false, message: 'REST_HTTP_500: Internal' },
    ]);
  });

  test('an Accept with no answer rolls back after the deadline with COMMAND_TIMEOUT', () => {
    const d = ringing().answer();
    vi.advanceTimersByTime(8_000);
    d.expectState('call.ringing.alerting');
    expect(d.callSnapshot()?.context.error?.code).toBe('COMMAND_TIMEOUT');
  });

  test('a T-Server EventError for the call while accepting rolls back too', () => {
    const d = ringing().answer();
    d.genesys({ type: 'genesys.error', code: '56', message: 'Invalid state', connectionId: 'c1' });
    d.expectState('call.ringing.alerting');
    expect(d.callSnapshot()?.context.error).toEqual({ code: 'GENESYS_ERROR', detail: '56 Invalid state' });
  });

  test('a failure of another command does not roll back the pending accept', () => {
    const d = ringing().answer();
    d.genesys({ type: 'genesys.commandFailed', command: 'hold', connectionId: 'c1', code: 'REST_HTTP_409', message: 'x' });
    d.expectState('call.ringing.accepting');
  });

  test('Decline from the toolbar: Reject POST, closeCommEvent REJECT on EventReleased, actor gone', () => {
    const d = ringing().decline();
    d.expectState('call.ringing.rejecting');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.reject', connectionId: 'c1', eventId: 'ev1' });
    d.released('c1');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev1', reason: 'REJECT' }]);
    expect(d.callRef('c1')).toBeUndefined();
    expect(d.snapshot().children).not.toHaveProperty('c1');
    expect(d.snapshot().context.activeCall).toBeNull();
  });

  test('Decline from Fusion resolves its promise once released', () => {
    const d = ringing();
    d.fusion({ type: 'fusion.reject', eventId: 'ev1', requestId: 'q2' }).released('c1');
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([{ type: 'fusion.cmd.respond', requestId: 'q2', ok: true }]);
  });

  test('Fusion End Call while ringing means decline', () => {
    const d = ringing();
    d.fusion({ type: 'fusion.hangup', eventId: 'ev1', requestId: 'q3' });
    expect(d.lastGenesys()?.type).toBe('genesys.cmd.reject');
  });

  test('a reject that fails rolls back to ringing', () => {
    const d = ringing().decline();
    d.genesys({ type: 'genesys.commandFailed', command: 'reject', connectionId: 'c1', code: 'REST_NETWORK', message: 'down' });
    d.expectState('call.ringing.alerting');
  });

  test('the softphone answers: EventEstablished alone drives the screen pop', () => {
    const d = ringing().established('c1');
    d.expectState('call.established.talking');
    expect(d.genesysOf('genesys.cmd.accept')).toEqual([]);
    expect(d.fusionOf('fusion.cmd.startComm')).toHaveLength(1);
  });

  test.each([
    ['Abandoned', 'ABANDONED'],
    [undefined, 'ABANDONED'],
    ['RemoteRelease', 'ABANDONED'],
    ['NoAnswer', 'MISSED'],
    ['Redirected', 'MISSED'],
    ['Forwarded', 'MISSED'],
  ])('released while ringing with CallState %s closes as %s', (callState, reason) => {
    const d = ringing().released('c1', callState);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev1', reason }]);
    expect(d.callNames()).toEqual([]);
  });

  test('EventAbandoned closes as ABANDONED; the EventReleased after it is expected: no notice, nothing else', () => {
    const d = ringing();
    d.genesys({ type: 'genesys.abandoned', connectionId: 'c1' });
    d.released('c1', 'Abandoned');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev1', reason: 'ABANDONED' }]);
    expect(d.snapshot().context.notices).toEqual([]);
  });

  test('the caller leaves while the accept is pending: Fusion hears ABANDONED and its accept fails', () => {
    const d = ringing();
    d.fusion({ type: 'fusion.accept', eventId: 'ev1', requestId: 'q1' });
    d.released('c1', 'Abandoned');
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)?.reason).toBe('ABANDONED');
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([expect.objectContaining({ requestId: 'q1', ok: false })]);
  });

  test("past the ring ceiling Fusion's offer closes with TIMEOUT, but the ringing call stays until Genesys ends it", () => {
    const d = ringing();
    vi.advanceTimersByTime(29_999);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev1', reason: 'TIMEOUT' }]);
    d.expectState('call.ringing.alerting');
    // Still declinable from the toolbar; the caller leaving later publishes nothing more.
    d.released('c1', 'Abandoned');
    expect(d.fusionOf('fusion.cmd.closeComm')).toHaveLength(1);
    expect(d.callNames()).toEqual([]);
    expect(d.snapshot().context.notices.map((n) => n.code)).not.toContain('UNKNOWN_CALL');
  });

  test('answered after the offer timed out: Fusion is offered the call again, then the screen pop', () => {
    const d = ringing();
    d.fusion({ type: 'fusion.offerTimeout', eventId: 'ev1' });
    d.established('c1');
    expect(d.fusionCommands.filter((c) => c.type !== 'fusion.cmd.agentState').map((c) => c.type)).toEqual([
      'fusion.cmd.newComm',
      'fusion.cmd.closeComm',
      'fusion.cmd.newComm',
      'fusion.cmd.startComm',
    ]);
  });

  test('answered on the softphone while a Fusion decline is pending: the decline fails, the call is connected', () => {
    const d = ringing();
    d.fusion({ type: 'fusion.reject', eventId: 'ev1', requestId: 'q9' });
    d.established('c1');
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.error?.code).toBe('DECLINE_TOO_LATE');
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([expect.objectContaining({ requestId: 'q9', ok: false })]);
  });

  test('a failed accept does not restart the ring ceiling', () => {
    const d = ringing();
    vi.advanceTimersByTime(20_000);
    d.answer();
    d.genesys({ type: 'genesys.commandFailed', command: 'accept', connectionId: 'c1', code: 'REST_HTTP_500', message: '' });
    vi.advanceTimersByTime(10_000);
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)?.reason).toBe('TIMEOUT');
  });

  test("Fusion's offer timeout (onDataUpdated OFFER_TIMEOUT) closes its offer with TIMEOUT", () => {
    const d = ringing();
    d.fusion({ type: 'fusion.offerTimeout', eventId: 'ev1' });
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)?.reason).toBe('TIMEOUT');
    d.expectState('call.ringing.alerting');
  });

  test('a Fusion command for an unknown eventId is refused at once', () => {
    const d = ringing();
    d.fusion({ type: 'fusion.accept', eventId: 'nope', requestId: 'q5' });
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([
      { type: 'fusion.cmd.respond', requestId: 'q5', ok: false, message: 'UNKNOWN_CALL: no call with eventId nope' },
    ]);
  });

  test('offline, toolbar accept is refused with OFFLINE and the call stays visible', () => {
    const d = ringing();
    d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' });
    d.answer();
    d.expectState('call.ringing.alerting');
    expect(d.genesysOf('genesys.cmd.accept')).toEqual([]);
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('OFFLINE');
    d.fusion({ type: 'fusion.accept', eventId: 'ev1', requestId: 'q6' });
    expect(d.fusionOf('fusion.cmd.respond').at(-1)).toMatchObject({ requestId: 'q6', ok: false });
  });
});
