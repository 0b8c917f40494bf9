/** Genesys sequences that used to put the toolbar in a wrong place (issue 10, items 3-6). */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('when EventPartyChanged names the ConnID of another live call', () => {
  test('it is refused with PARTY_CONFLICT: each ConnID stays with its own call', () => {
    const d = createDriver().login().ring('c1', '+1', 'e1').ring('c2', '+2', 'e2');
    d.genesys({ type: 'genesys.partyChanged', connectionId: 'c2', previousConnectionId: 'c1' });
    expect(d.snapshot().context.notices.at(-1)).toMatchObject({ code: 'PARTY_CONFLICT', detail: 'c1 → c2' });
    expect(d.snapshot().context.calls[keyOf('c1')]?.connectionIds).toEqual(['c1']);
    expect(d.snapshot().context.calls[keyOf('c2')]?.connectionIds).toEqual(['c2']);
    // Later events for c2 still reach c2, and c1 keeps its own.
    d.established('c2').expectState('call.established.talking', 'c2').expectState('call.ringing.alerting', 'c1');
    d.answer('c1');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.accept', connectionId: 'c1', eventId: 'e1' });
  });
});

describe('when Genesys reuses an eventId after its call closed', () => {
  test('the second call gets a fresh eventId, so Fusion never sees one twice', () => {
    const d = createDriver().login().ring('c1', '+1', 'reused');
    d.genesys({ type: 'genesys.abandoned', connectionId: 'c1' });
    d.ring('c2', '+2', 'reused');
    const offered = d.fusionOf('fusion.cmd.newComm').map((c) => c.eventId);
    expect(offered).toHaveLength(2);
    expect(offered[0]).toBe('reused');
    expect(offered[1]).not.toBe('reused');
    expect(new Set(offered).size).toBe(2);
  });

  test('after a reload too: the eventIds Fusion saw come back through the restore and are not given again', () => {
    const d = createDriver({ restored: { presence: 'available', calls: [], seenEventIds: ['before-reload'] } }).login();
    expect(d.snapshot().context.seenEventIds).toEqual(['before-reload']);
    d.ring('c2', '+2', 'before-reload');
    const offered = d.fusionOf('fusion.cmd.newComm').map((c) => c.eventId);
    expect(offered).toHaveLength(1);
    expect(offered[0]).not.toBe('before-reload');
  });
});

describe('when a call ends by EventAbandoned or EventDestinationBusy', () => {
  test('busy: the EventReleased that follows is expected, the agent sees BUSY only', () => {
    const d = createDriver().login().send({ type: 'agent.dial', number: '+15550000486' });
    d.genesys({ type: 'genesys.dialing', connectionId: 'o1', number: '+15550000486' });
    d.genesys({ type: 'genesys.destinationBusy', connectionId: 'o1' });
    d.released('o1', 'Busy');
    expect(d.snapshot().context.notices.map((n) => n.code)).toEqual(['BUSY']);
  });

  test('a release for a call never seen is still UNKNOWN_CALL', () => {
    const d = createDriver().login().ring('c1');
    d.genesys({ type: 'genesys.abandoned', connectionId: 'c1' });
    d.released('zz');
    expect(d.snapshot().context.notices.map((n) => n.code)).toEqual(['UNKNOWN_CALL']);
  });
});

describe('when the event that settles a call comes after a timeout', () => {
  test('accept timed out, then EventEstablished: the call connects and its error is gone', () => {
    const d = createDriver().login().ring('c1').answer('c1');
    vi.advanceTimersByTime(8_000);
    expect(d.callSnapshot('c1')?.context.error?.code).toBe('COMMAND_TIMEOUT');
    d.established('c1').expectState('call.established.talking');
    expect(d.callSnapshot('c1')?.context.error).toBeNull();
  });

  test('hold timed out, then EventHeld: held without the stale error', () => {
    const d = createDriver().login().ring('c1').established('c1').send({ type: 'call.hold', key: keyOf('c1') });
    vi.advanceTimersByTime(8_000);
    expect(d.callSnapshot('c1')?.context.error?.code).toBe('COMMAND_TIMEOUT');
    d.genesys({ type: 'genesys.held', connectionId: 'c1' }).expectState('call.established.held');
    expect(d.callSnapshot('c1')?.context.error).toBeNull();
  });

  test('a decline that lands too late keeps saying so: that error is the outcome', () => {
    const d = createDriver().login().ring('c1').decline('c1').established('c1');
    expect(d.callSnapshot('c1')?.context.error?.code).toBe('DECLINE_TOO_LATE');
  });
});
