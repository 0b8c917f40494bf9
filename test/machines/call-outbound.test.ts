import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const clickToDial = () =>
  createDriver().login().fusion({ type: 'fusion.dial', number: '+15559870000', eventId: 'uuid-1' });

describe('when dialing', () => {
  test('click-to-dial: MakeCall with the uuid, newCommEvent on EventDialing, startCommEvent on EventEstablished', () => {
    const d = clickToDial();
    d.expectState('call.dialing.requested', 'dial:uuid-1');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.makeCall', number: '+15559870000', eventId: 'uuid-1' });
    expect(d.fusionOf('fusion.cmd.newComm')).toEqual([]);
    d.genesys({ type: 'genesys.dialing', connectionId: 'o1', eventId: 'uuid-1', number: '+15559870000' });
    d.expectState('call.dialing.alerting', 'dial:uuid-1');
    expect(d.fusionOf('fusion.cmd.newComm')).toEqual([
      { type: 'fusion.cmd.newComm', eventId: 'uuid-1', direction: 'outbound', number: '+15559870000' },
    ]);
    d.genesys({ type: 'genesys.established', connectionId: 'o1' });
    d.expectState('call.established.talking', 'dial:uuid-1');
    expect(d.fusionOf('fusion.cmd.startComm')).toEqual([{ type: 'fusion.cmd.startComm', eventId: 'uuid-1', direction: 'outbound' }]);
    d.released('o1');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'uuid-1', reason: 'WRAPUP' }]);
    expect(d.callNames()).toEqual([]);
  });

  test('a microservice that skips EventDialing: EventEstablished offers and starts in one go', () => {
    const d = clickToDial();
    d.genesys({ type: 'genesys.established', connectionId: 'o1', eventId: 'uuid-1', direction: 'outbound' });
    d.expectState('call.established.talking', 'dial:uuid-1');
    expect(d.fusionCommands.filter((c) => c.type !== 'fusion.cmd.agentState').map((c) => c.type)).toEqual([
      'fusion.cmd.newComm',
      'fusion.cmd.startComm',
    ]);
  });

  test('busy: outboundCommError and closeCommEvent REJECT, with BUSY shown', () => {
    const d = clickToDial();
    d.genesys({ type: 'genesys.dialing', connectionId: 'o1', eventId: 'uuid-1', number: '+15559870000' });
    d.genesys({ type: 'genesys.destinationBusy', connectionId: 'o1' });
    expect(d.fusionOf('fusion.cmd.outboundError')).toEqual([
      { type: 'fusion.cmd.outboundError', eventId: 'uuid-1', code: 'BUSY', message: 'BUSY' },
    ]);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'uuid-1', reason: 'REJECT' }]);
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('BUSY');
    expect(d.callNames()).toEqual([]);
  });

  test('released with CallState Busy before answer is a failed dial too', () => {
    const d = clickToDial();
    d.genesys({ type: 'genesys.dialing', connectionId: 'o1', eventId: 'uuid-1', number: '+1' });
    d.released('o1', 'Busy');
    expect(d.fusionOf('fusion.cmd.outboundError')[0]?.code).toBe('BUSY');
  });

  test('MakeCall refused by the microservice: outboundCommError only (Fusion was never offered)', () => {
    const d = clickToDial();
    d.genesys({ type: 'genesys.commandFailed', command: 'makeCall', eventId: 'uuid-1', code: 'REST_HTTP_400', message: 'bad number' });
    expect(d.fusionOf('fusion.cmd.outboundError')).toEqual([
      { type: 'fusion.cmd.outboundError', eventId: 'uuid-1', code: 'REST_HTTP_400', message: 'REST_HTTP_400: bad number' },
    ]);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([]);
    expect(d.callNames()).toEqual([]);
  });

  test('no EventDialing within the deadline: DIAL_TIMEOUT', () => {
    const d = clickToDial();
    vi.advanceTimersByTime(8_000);
    expect(d.fusionOf('fusion.cmd.outboundError')[0]?.code).toBe('DIAL_TIMEOUT');
    expect(d.callNames()).toEqual([]);
  });

  test('the agent cancels a ringing dial: closeCommEvent CANCELED', () => {
    const d = clickToDial();
    d.genesys({ type: 'genesys.dialing', connectionId: 'o1', eventId: 'uuid-1', number: '+1' });
    d.hangUp('dial:uuid-1');
    d.expectState('call.dialing.canceling', 'dial:uuid-1');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.hangup', connectionId: 'o1', eventId: 'uuid-1' });
    d.released('o1');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'uuid-1', reason: 'CANCELED' }]);
  });

  test('the dial pad dials with a fresh eventId', () => {
    const d = createDriver().login().send({ type: 'agent.dial', number: ' 0312345678 ' });
    const command = d.genesysOf('genesys.cmd.makeCall')[0];
    expect(command?.number).toBe('0312345678');
    expect(command?.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('an undialable number is refused with INVALID_NUMBER, and Fusion hears it', () => {
    const d = createDriver().login();
    d.send({ type: 'agent.dial', number: 'abc' });
    d.fusion({ type: 'fusion.dial', number: '', eventId: 'u2' });
    expect(d.genesysOf('genesys.cmd.makeCall')).toEqual([]);
    expect(d.fusionOf('fusion.cmd.outboundError')).toEqual([
      { type: 'fusion.cmd.outboundError', eventId: 'u2', code: 'INVALID_NUMBER', message: 'Not a dialable number: ' },
    ]);
  });

  test('a call dialled on the softphone (EventDialing for an unknown ConnID) becomes an outbound call', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.dialing', connectionId: 's1', number: '+15550001111' });
    d.expectState('call.dialing.alerting', 's1');
    expect(d.fusionOf('fusion.cmd.newComm')[0]).toMatchObject({ direction: 'outbound', number: '+15550001111' });
  });

  test('a double click-to-dial (same uuid) is one call, not two', () => {
    const d = clickToDial().fusion({ type: 'fusion.dial', number: '+15559870000', eventId: 'uuid-1' });
    expect(d.callNames()).toEqual(['dial:uuid-1']);
    expect(d.genesysOf('genesys.cmd.makeCall')).toHaveLength(1);
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('DUPLICATE_DIAL');
  });

  test('cancel before Genesys names the call: hung up as soon as EventDialing arrives, Fusion hears CANCELED', () => {
    const d = clickToDial().hangUp('dial:uuid-1');
    d.expectState('call.dialing.cancelRequested', 'dial:uuid-1');
    d.genesys({ type: 'genesys.dialing', connectionId: 'o1', eventId: 'uuid-1', number: '+15559870000' });
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.hangup', connectionId: 'o1', eventId: 'uuid-1' });
    d.released('o1');
    expect(d.fusionOf('fusion.cmd.newComm')).toEqual([]);
    expect(d.fusionOf('fusion.cmd.outboundError')).toEqual([
      { type: 'fusion.cmd.outboundError', eventId: 'uuid-1', code: 'CANCELED', message: 'The agent cancelled the call' },
    ]);
    expect(d.callNames()).toEqual([]);
  });

  test('a cancel that lands too late (far end answered) leaves a real call with CANCEL_TOO_LATE', () => {
    const d = clickToDial().hangUp('dial:uuid-1');
    d.genesys({ type: 'genesys.established', connectionId: 'o1', eventId: 'uuid-1', direction: 'outbound' });
    d.expectState('call.established.talking', 'dial:uuid-1');
    expect(d.callSnapshot('dial:uuid-1')?.context.error?.code).toBe('CANCEL_TOO_LATE');
  });

  test('matched by number when Genesys echoes no eventId (public mock), never by guess', () => {
    const d = createDriver().login().fusion({ type: 'fusion.dial', number: '+1 555 987 0000', eventId: 'B' });
    // A late answer to another, forgotten dial: different eventId and number, so a call of its own.
    d.genesys({ type: 'genesys.dialing', connectionId: 'cA', eventId: 'A', number: '+15559999999' });
    expect(d.snapshot().context.calls[keyOf('dial:B')]?.connectionIds).toEqual([]);
    expect(d.callNames()).toEqual(['dial:B', 'cA']);
    // The mock v2 reports our dial as established, "inbound", with eventId = connectionId.
    d.genesys({ type: 'genesys.established', connectionId: 'cB', eventId: 'cB', ani: '15559870000', direction: 'inbound' });
    expect(d.snapshot().context.calls[keyOf('dial:B')]?.connectionIds).toEqual(['cB']);
    d.expectState('call.established.talking', 'dial:B');
  });

  test('a normal release before answer (softphone hang-up) is a cancel, not a failed dial', () => {
    const d = clickToDial();
    d.genesys({ type: 'genesys.dialing', connectionId: 'o1', eventId: 'uuid-1', number: '+15559870000' });
    d.released('o1', 'Ok');
    expect(d.fusionOf('fusion.cmd.outboundError')).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'uuid-1', reason: 'CANCELED' }]);
  });

  test('the far end answers while a Fusion cancel is pending: the cancel fails, the call is connected', () => {
    const d = clickToDial();
    d.genesys({ type: 'genesys.dialing', connectionId: 'o1', eventId: 'uuid-1', number: '+15559870000' });
    d.fusion({ type: 'fusion.hangup', eventId: 'uuid-1', requestId: 'h' });
    d.genesys({ type: 'genesys.established', connectionId: 'o1' });
    d.expectState('call.established.talking', 'dial:uuid-1');
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([expect.objectContaining({ requestId: 'h', ok: false })]);
  });

  test('a stale eventId reused by the microservice gets a fresh one (one Fusion engagement per call)', () => {
    const d = createDriver().login().ring('c1', '+1', 'same').ring('c2', '+2', 'same');
    const ids = d.fusionOf('fusion.cmd.newComm').map((c) => c.eventId);
    expect(ids[0]).toBe('same');
    expect(ids[1]).not.toBe('same');
  });

  test('outside a secure context (no crypto.randomUUID) the dial pad still dials', () => {
    const randomUUID = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const d = createDriver().login().send({ type: 'agent.dial', number: '0312345678' });
      expect(d.errors).toEqual([]);
      expect(d.genesysOf('genesys.cmd.makeCall')[0]?.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});

