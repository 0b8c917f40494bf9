import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf, type Driver } from '../support/driver';

const C1 = keyOf('c1');
const TARGET = '+15550007777';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const talking = (config = {}) => createDriver({ config }).login().ring().established();

/** Consult started and the consult leg k2 dialled, as the simulator plays it. */
function consulting(kind: 'call.consult' | 'call.conference' = 'call.consult', config = {}): Driver {
  const d = talking(config);
  d.send({ type: kind, key: C1, destination: ` ${TARGET} ` });
  d.genesys({ type: 'genesys.held', connectionId: 'c1' });
  d.genesys({ type: 'genesys.dialing', connectionId: 'k2', number: TARGET, callType: 'Consult', previousConnectionId: 'c1' });
  return d;
}

const answered = (d: Driver) => d.genesys({ type: 'genesys.established', connectionId: 'k2' });

describe('when talking: consult', () => {
  test('InitiateTransfer holds the caller and dials the target; the consult leg joins the call, never a Fusion engagement', () => {
    const d = talking();
    const offers = d.fusionOf('fusion.cmd.newComm').length;
    d.send({ type: 'call.consult', key: C1, destination: ` ${TARGET} ` });
    d.expectState('call.established.consulting.initiating');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.initiateTransfer', connectionId: 'c1', eventId: 'ev-c1', destination: TARGET });
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    d.genesys({ type: 'genesys.dialing', connectionId: 'k2', number: TARGET, callType: 'Consult', previousConnectionId: 'c1' });
    d.expectState('call.established.consulting.ringingTarget');
    expect(d.callKeys()).toEqual([C1]);
    expect(d.snapshot().context.calls[C1]?.connectionIds).toEqual(['c1', 'k2']);
    expect(d.fusionOf('fusion.cmd.newComm').length).toBe(offers);
    expect(d.callSnapshot()?.context.onHold).toBe(true);
    answered(d);
    d.expectState('call.established.consulting.talkingToTarget');
  });

  test('the consult leg has its own timer: from the dial, then from the answer', () => {
    const d = talking();
    vi.advanceTimersByTime(5_000);
    d.send({ type: 'call.consult', key: C1, destination: TARGET });
    const dialled = Date.now();
    expect(d.callSnapshot()?.context.consult?.since).toBe(dialled);
    expect(d.callSnapshot()?.context.since).toBeLessThan(dialled);
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    d.genesys({ type: 'genesys.dialing', connectionId: 'k2', number: TARGET, callType: 'Consult', previousConnectionId: 'c1' });
    vi.advanceTimersByTime(3_000);
    answered(d);
    expect(d.callSnapshot()?.context.consult?.since).toBe(dialled + 3_000);
  });

  test('Complete transfer: both legs released (Transferred), Fusion closes the engagement with the wrap-up', () => {
    const d = consulting();
    answered(d);
    d.send({ type: 'call.completeTransfer', key: C1 });
    d.expectState('call.established.consulting.completing');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.completeTransfer', connectionId: 'c1', consultConnectionId: 'k2', eventId: 'ev-c1' });
    d.released('k2', 'Transferred');
    d.expectState('call.established.consulting.completing');
    d.released('c1', 'Transferred');
    expect(d.callKeys()).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev-c1', reason: 'WRAPUP' }]);
    expect(d.snapshot().context.notices).toEqual([]);
  });

  test('a transfer may complete while the target still rings; the close reason is configurable', () => {
    const d = consulting('call.consult', { transferCloseReason: 'ENDCOMMUNICATION' });
    d.send({ type: 'call.completeTransfer', key: C1 }).released('c1', 'Transferred');
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)?.reason).toBe('ENDCOMMUNICATION');
  });

  test('Complete conference: the consult leg merges, the caller is retrieved and the call shows its parties', () => {
    const d = consulting('call.conference');
    expect(d.genesysOf('genesys.cmd.initiateConference')).toHaveLength(1);
    answered(d);
    // A consult for a conference completes as a conference, not as a transfer.
    d.send({ type: 'call.completeTransfer', key: C1 });
    expect(d.genesysOf('genesys.cmd.completeTransfer')).toEqual([]);
    d.send({ type: 'call.completeConference', key: C1 });
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.completeConference', connectionId: 'c1', consultConnectionId: 'k2', eventId: 'ev-c1' });
    d.released('k2', 'Conferenced');
    d.genesys({ type: 'genesys.partyAdded', connectionId: 'c1', party: TARGET });
    d.genesys({ type: 'genesys.retrieved', connectionId: 'c1' });
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.parties).toEqual([TARGET]);
    expect(d.snapshot().context.calls[C1]?.connectionIds).toEqual(['c1']);
    d.genesys({ type: 'genesys.partyDeleted', connectionId: 'c1', party: TARGET });
    expect(d.callSnapshot()?.context.parties).toEqual([]);
    expect(d.snapshot().context.notices).toEqual([]);
  });

  test('Cancel consult: ReconnectCall drops the consult leg and takes the caller back', () => {
    const d = consulting();
    answered(d);
    d.send({ type: 'call.cancelConsult', key: C1 });
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.reconnectCall', connectionId: 'k2', heldConnectionId: 'c1', eventId: 'ev-c1' });
    d.released('k2');
    d.genesys({ type: 'genesys.retrieved', connectionId: 'c1' });
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.consult).toBeNull();
    // The consult leg's trailing events are expected, not unknown.
    d.released('k2');
    expect(d.snapshot().context.notices).toEqual([]);
    expect(d.callKeys()).toEqual([C1]);
  });

  test('Swap: AlternateCall holds the leg the agent talks to and retrieves the other, both ways', () => {
    const d = consulting();
    answered(d);
    d.send({ type: 'call.swap', key: C1 });
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.alternateCall', connectionId: 'k2', heldConnectionId: 'c1', eventId: 'ev-c1' });
    d.genesys({ type: 'genesys.held', connectionId: 'k2' });
    d.genesys({ type: 'genesys.retrieved', connectionId: 'c1' });
    d.expectState('call.established.consulting.talkingToCaller');
    expect(d.callSnapshot()?.context.onHold).toBe(false);
    d.send({ type: 'call.swap', key: C1 });
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.alternateCall', connectionId: 'c1', heldConnectionId: 'k2', eventId: 'ev-c1' });
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    d.genesys({ type: 'genesys.retrieved', connectionId: 'k2' });
    d.expectState('call.established.consulting.talkingToTarget');
  });
});

describe('when consulting: wrong orders and failures', () => {
  test('the target hangs up: the consult is over, the caller is still held, the card says why', () => {
    const d = consulting();
    answered(d);
    d.released('k2', 'RemoteRelease');
    d.expectState('call.established.held');
    expect(d.callSnapshot()?.context.error).toEqual({ code: 'CONSULT_ENDED', detail: TARGET });
    expect(d.snapshot().context.calls[C1]?.connectionIds).toEqual(['c1']);
    d.send({ type: 'call.retrieve', key: C1 }).genesys({ type: 'genesys.retrieved', connectionId: 'c1' });
    d.expectState('call.established.talking');
  });

  test('the target is busy: back to the held caller with CONSULT_BUSY; the trailing release is expected', () => {
    const d = consulting();
    d.genesys({ type: 'genesys.destinationBusy', connectionId: 'k2' });
    d.expectState('call.established.held');
    expect(d.callSnapshot()?.context.error?.code).toBe('CONSULT_BUSY');
    d.released('k2', 'Busy');
    d.expectState('call.established.held');
    expect(d.snapshot().context.notices).toEqual([]);
  });

  test('the caller hangs up during the consult: Fusion closes the engagement now; the agent can still hang up the consult leg', () => {
    const d = consulting();
    answered(d);
    d.released('c1', 'RemoteRelease');
    d.expectState('call.established.consultOnly.connected');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev-c1', reason: 'WRAPUP' }]);
    expect(d.snapshot().context.calls[C1]?.connectionIds).toEqual(['k2']);
    d.send({ type: 'call.hangup', key: C1 });
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.hangup', connectionId: 'k2', eventId: 'ev-c1' });
    d.released('k2');
    expect(d.callKeys()).toEqual([]);
    // Closed once, not again when the consult leg ended.
    expect(d.fusionOf('fusion.cmd.closeComm')).toHaveLength(1);
    expect(d.snapshot().context.notices).toEqual([]);
  });

  test('the caller leaves before the consult leg is dialled: the call simply ends', () => {
    const d = talking();
    d.send({ type: 'call.consult', key: C1, destination: TARGET }).released('c1', 'RemoteRelease');
    expect(d.callKeys()).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)).toEqual({ type: 'fusion.cmd.closeComm', eventId: 'ev-c1', reason: 'WRAPUP' });
  });

  test('a refused InitiateTransfer (REST 500) or one never answered leaves the call as Genesys says, with the reason', () => {
    const d = talking();
    d.send({ type: 'call.consult', key: C1, destination: TARGET });
    d.genesys({ type: 'genesys.commandFailed', command: 'initiateTransfer', connectionId: 'c1', eventId: 'ev-c1', code: 'REST_HTTP_500', message: 'boom' });
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.error).toEqual({ code: 'REST_HTTP_500', detail: 'boom' });
    d.send({ type: 'call.conference', key: C1, destination: TARGET }).genesys({ type: 'genesys.held', connectionId: 'c1' });
    vi.advanceTimersByTime(8_000);
    // Held by the Initiate that never produced a consult leg: held is the truth.
    d.expectState('call.established.held');
    expect(d.callSnapshot()?.context.error).toEqual({ code: 'COMMAND_TIMEOUT' });
  });

  test('a failed complete, cancel or swap returns to the consult as it stood', () => {
    const d = consulting();
    answered(d);
    d.send({ type: 'call.completeTransfer', key: C1 });
    d.genesys({ type: 'genesys.commandFailed', command: 'completeTransfer', connectionId: 'c1', eventId: 'ev-c1', code: 'REST_HTTP_409', message: 'no' });
    d.expectState('call.established.consulting.talkingToTarget');
    d.send({ type: 'call.swap', key: C1 });
    vi.advanceTimersByTime(8_000);
    d.expectState('call.established.consulting.talkingToTarget');
    expect(d.callSnapshot()?.context.error).toEqual({ code: 'COMMAND_TIMEOUT' });
    d.send({ type: 'call.cancelConsult', key: C1 }).genesys({ type: 'genesys.error', connectionId: 'c1', code: '56', message: 'Invalid state' });
    d.expectState('call.established.consulting.talkingToTarget');
  });

  test('a consult started on the softphone is followed like the toolbar\'s own', () => {
    const d = talking();
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    d.genesys({ type: 'genesys.dialing', connectionId: 'k2', number: TARGET, callType: 'Consult', previousConnectionId: 'c1' });
    d.expectState('call.established.consulting.ringingTarget');
    expect(d.callKeys()).toEqual([C1]);
  });

  test('Fusion\'s End Call during a consult is refused at once, not left to time out', () => {
    const d = consulting();
    d.fusion({ type: 'fusion.hangup', eventId: 'ev-c1', requestId: 'r1' });
    expect(d.fusionOf('fusion.cmd.respond').at(-1)).toMatchObject({ requestId: 'r1', ok: false });
  });

  test('consult controls a microservice cannot confirm are refused as NOT_SUPPORTED', () => {
    const d = talking({ capabilities: ['transfer', 'dtmf'] });
    d.send({ type: 'call.consult', key: C1, destination: TARGET }).send({ type: 'call.conference', key: C1, destination: TARGET });
    expect(d.genesysOf('genesys.cmd.initiateTransfer')).toEqual([]);
    expect(d.snapshot().context.notices.map((notice) => notice.code)).toEqual(['NOT_SUPPORTED', 'NOT_SUPPORTED']);
  });
});

describe('a snapshot (resync) during a consult', () => {
  const snapshot = (calls: { connectionId: string; state: 'Established' | 'Held' }[]) =>
    ({ type: 'genesys.snapshot', agentState: 'Ready', calls: calls.map((call) => ({ ...call, direction: 'inbound' as const })) }) as const;

  test('both legs listed, the consult leg first: the caller\'s leg speaks for the call, nothing changes', () => {
    const d = consulting();
    answered(d);
    d.genesys(snapshot([{ connectionId: 'k2', state: 'Established' }, { connectionId: 'c1', state: 'Held' }]));
    d.expectState('call.established.consulting.talkingToTarget');
    expect(d.snapshot().context.calls[C1]?.connectionIds).toEqual(['c1', 'k2']);
    expect(d.snapshot().context.notices).toEqual([]);
  });

  test('the consult leg is not listed: it ended unheard, the consult is over and the caller waits on hold', () => {
    const d = consulting();
    answered(d);
    d.genesys(snapshot([{ connectionId: 'c1', state: 'Held' }]));
    d.expectState('call.established.held');
    expect(d.callSnapshot()?.context.consult).toBeNull();
    expect(d.callSnapshot()?.context.error?.code).toBe('CONSULT_ENDED');
    expect(d.snapshot().context.calls[C1]?.connectionIds).toEqual(['c1']);
    // The leg's late release is expected, not an unknown call.
    d.released('k2');
    expect(d.snapshot().context.notices.map((notice) => notice.code)).not.toContain('UNKNOWN_CALL');
  });

  test('the caller\'s leg is not listed: the caller left unheard, Fusion\'s engagement closes, the agent stays with the target', () => {
    const d = consulting();
    answered(d);
    d.genesys(snapshot([{ connectionId: 'k2', state: 'Established' }]));
    d.expectState('call.established.consultOnly.connected');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev-c1', reason: 'WRAPUP' }]);
    expect(d.snapshot().context.calls[C1]?.connectionIds).toEqual(['k2']);
    d.released('k2');
    expect(d.callKeys()).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm')).toHaveLength(1);
  });

  test('neither leg listed: the call ends with its wrap-up', () => {
    const d = consulting();
    d.genesys(snapshot([]));
    expect(d.callKeys()).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev-c1', reason: 'WRAPUP' }]);
  });
});
