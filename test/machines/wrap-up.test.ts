import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf } from '../support/driver';

const C1 = keyOf('c1');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const ACW = { type: 'genesys.cmd.notReady', workMode: 'AfterCallWork' };
const onACallThatEnds = (config = {}) => {
  const d = createDriver({ config: { afterCallWork: true, wrapUpLimitMs: 60_000, ...config } }).login().ring().established();
  d.released('c1');
  return d;
};

describe('when a connected call ends (after-call work on)', () => {
  test('NotReady AfterCallWork, then wrap-up with its timer; Fusion hears "After-call work"; Done returns to Available', () => {
    const d = onACallThatEnds();
    d.expectState('agent.wrappingUp.requesting');
    expect(d.lastGenesys()).toEqual(ACW);
    d.genesys({ type: 'genesys.agentNotReady', workMode: 'AfterCallWork' }).expectState('agent.wrappingUp.active');
    expect(d.snapshot().context.wrapUp).toMatchObject({ eventId: 'ev-c1', limitMs: 60_000, before: { presence: 'available', reason: null } });
    expect(d.fusionOf('fusion.cmd.agentState').at(-1)).toEqual({ type: 'fusion.cmd.agentState', presence: 'unavailable', reason: 'AfterCallWork', reasonLabel: 'After-call work' });
    d.send({ type: 'agent.wrapUpDone' }).expectState('agent.goingAvailable');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.ready' });
    d.genesys({ type: 'genesys.agentReady' }).expectState('agent.available');
    expect(d.snapshot().context.wrapUp).toBeNull();
  });

  test('keeps the customer until the wrap-up ends, after the ended card has gone', () => {
    const d = createDriver({ config: { afterCallWork: true, wrapUpLimitMs: 60_000 } }).login().ring('c1', '+15551230000');
    d.fusion({ type: 'fusion.contact', eventId: 'ev-c1', name: 'Ada Lovelace' }).established('c1').released('c1');
    d.genesys({ type: 'genesys.agentNotReady', workMode: 'AfterCallWork' });
    vi.advanceTimersByTime(10_000);
    expect(d.snapshot().context.endings).toEqual([]);
    expect(d.snapshot().context.wrapUp).toMatchObject({ number: '+15551230000', contact: { name: 'Ada Lovelace' } });
  });

  test("Fusion's WRAPUP_CLOSED for that call ends it; another call's does not", () => {
    const d = onACallThatEnds();
    d.genesys({ type: 'genesys.agentNotReady', workMode: 'AfterCallWork' });
    d.fusion({ type: 'fusion.wrapupClosed', eventId: 'someone-else' }).expectState('agent.wrappingUp.active');
    d.fusion({ type: 'fusion.wrapupClosed', eventId: 'ev-c1' }).expectState('agent.goingAvailable');
  });

  test("the limit ends it: Fusion's SVCMCA_WRAPUP_TIMEOUT when given, else wrapUpSec", () => {
    const d = createDriver({ config: { afterCallWork: true, wrapUpLimitMs: 60_000 } }).login().ring().established();
    d.fusion({ type: 'fusion.wrapupTimeout', eventId: 'ev-c1', seconds: 20 }).released('c1');
    d.genesys({ type: 'genesys.agentNotReady', workMode: 'AfterCallWork' });
    vi.advanceTimersByTime(19_000);
    d.expectState('agent.wrappingUp.active');
    vi.advanceTimersByTime(1_000);
    d.expectState('agent.goingAvailable');
  });

  test('a not-ready agent returns to not ready with the reason they had', () => {
    const d = createDriver({ config: { afterCallWork: true } }).login();
    d.send({ type: 'agent.goUnavailable', reason: 'Lunch' }).genesys({ type: 'genesys.agentNotReady', reason: 'Lunch' });
    d.ring().established().released('c1');
    d.genesys({ type: 'genesys.agentNotReady', workMode: 'AfterCallWork' }).send({ type: 'agent.wrapUpDone' });
    d.expectState('agent.goingUnavailable');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.notReady', reason: 'Lunch' });
  });

  test('a refused or unanswered NotReady leaves the agent where they were, with the reason', () => {
    const d = onACallThatEnds();
    d.genesys({ type: 'genesys.commandFailed', command: 'notReady', code: 'REST_HTTP_500', message: 'x' }).expectState('agent.available');
    expect(d.snapshot().context.agentError).toEqual({ code: 'REST_HTTP_500', detail: 'x' });
    const e = onACallThatEnds();
    vi.advanceTimersByTime(8_000);
    e.expectState('agent.available');
    expect(e.snapshot().context.agentError).toEqual({ code: 'AGENT_TIMEOUT' });
  });

  test('no wrap-up after a missed or declined call, with wrapUp=off, or without the afterCallWork capability', () => {
    const missed = createDriver({ config: { afterCallWork: true } }).login().ring().released('c1', 'Abandoned');
    missed.expectState('agent.available');
    onACallThatEnds({ afterCallWork: false }).expectState('agent.available');
    onACallThatEnds({ capabilities: ['hold', 'outbound'] }).expectState('agent.available');
  });
});
