import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PROFILES } from '../../src/capabilities';
import { createDriver, keyOf } from '../support/driver';

const C1 = keyOf('c1');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const tutorial = () => createDriver({ config: { profile: 'tutorial', capabilities: PROFILES.tutorial } }).login();

describe('with profile=tutorial (no agent events)', () => {
  test('a 2xx answer to NotReady, Ready and Logout confirms each change', () => {
    const d = tutorial();
    d.send({ type: 'agent.goUnavailable', reason: 'Lunch' }).expectState('agent.goingUnavailable');
    d.genesys({ type: 'genesys.commandAccepted', command: 'notReady' }).expectState('agent.unavailable');
    expect(d.snapshot().context.notReadyReason).toBe('Lunch');
    expect(d.fusionOf('fusion.cmd.agentState').at(-1)).toEqual({ type: 'fusion.cmd.agentState', presence: 'unavailable', reason: 'Lunch', reasonLabel: 'Lunch' });
    d.send({ type: 'agent.goAvailable' }).genesys({ type: 'genesys.commandAccepted', command: 'ready' }).expectState('agent.available');
    d.send({ type: 'agent.logout' }).genesys({ type: 'genesys.commandAccepted', command: 'logout' }).expectState('agent.loggedOut');
    // Nothing waited for the 8 s deadline.
    vi.advanceTimersByTime(10_000);
    d.expectState('agent.loggedOut');
    expect(d.snapshot().context.agentError).toBeNull();
  });

  test('the answer to another command confirms nothing', () => {
    const d = tutorial();
    d.send({ type: 'agent.goUnavailable', reason: 'Lunch' });
    d.genesys({ type: 'genesys.commandAccepted', command: 'ready' }).expectState('agent.goingUnavailable');
  });

  test('hold and retrieve are refused as NOT_SUPPORTED, never sent', () => {
    const d = tutorial().ring().established();
    d.send({ type: 'call.hold', key: C1 });
    expect(d.genesysOf('genesys.cmd.hold')).toEqual([]);
    expect(d.snapshot().context.notices.at(-1)).toMatchObject({ code: 'NOT_SUPPORTED', detail: 'call.hold' });
    d.send({ type: 'call.retrieve', key: C1 });
    expect(d.snapshot().context.notices.at(-1)).toMatchObject({ code: 'NOT_SUPPORTED', detail: 'call.retrieve' });
    d.expectState('call.established.talking');
  });
});

describe('with agent events (full profile)', () => {
  test('a 2xx answer is not the confirmation: EventAgentNotReady is', () => {
    const d = createDriver().login();
    d.send({ type: 'agent.goUnavailable', reason: 'Break' });
    d.genesys({ type: 'genesys.commandAccepted', command: 'notReady' }).expectState('agent.goingUnavailable');
    d.genesys({ type: 'genesys.agentNotReady', reason: 'Break' }).expectState('agent.unavailable');
  });
});

describe('without outbound', () => {
  test('a dial from the toolbar or from Fusion is refused as NOT_SUPPORTED; Fusion hears outboundCommError', () => {
    const d = createDriver({ config: { capabilities: [] } }).login();
    d.send({ type: 'agent.dial', number: '+15551234567' });
    d.fusion({ type: 'fusion.dial', number: '+15551234567', eventId: 'u1' });
    expect(d.genesysOf('genesys.cmd.makeCall')).toEqual([]);
    expect(d.callKeys()).toEqual([]);
    expect(d.fusionOf('fusion.cmd.outboundError')).toEqual([
      { type: 'fusion.cmd.outboundError', eventId: 'u1', code: 'NOT_SUPPORTED', message: 'The Genesys service cannot place calls' },
    ]);
    expect(d.snapshot().context.notices.map((n) => n.code)).toEqual(['NOT_SUPPORTED', 'NOT_SUPPORTED']);
  });
});
