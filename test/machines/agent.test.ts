import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('when logged out', () => {
  test('starts logged out, connecting, and registers as soon as the socket opens', () => {
    const d = createDriver();
    d.expectState('agent.loggedOut').expectState('connection.connecting');
    expect(d.genesysCommands).toEqual([]);
    d.genesys({ type: 'genesys.connected' });
    d.expectState('agent.registering').expectState('connection.open.linked');
    expect(d.genesysCommands).toEqual([{ type: 'genesys.cmd.register' }]);
  });

  test('EventRegistered makes the agent available and tells Fusion', () => {
    const d = createDriver().login();
    d.expectState('agent.available');
    expect(d.fusionOf('fusion.cmd.agentState').at(-1)).toEqual({ type: 'fusion.cmd.agentState', presence: 'available' });
  });

  test('with readyOnRegister=false EventRegistered leaves the agent not ready', () => {
    const d = createDriver({ config: { readyOnRegister: false } }).login();
    d.expectState('agent.unavailable');
  });

  test('register that never answers rolls back with REGISTER_TIMEOUT', () => {
    const d = createDriver();
    d.genesys({ type: 'genesys.connected' });
    vi.advanceTimersByTime(8_000);
    d.expectState('agent.loggedOut');
    expect(d.snapshot().context.agentError).toEqual({ code: 'REGISTER_TIMEOUT' });
  });

  test('a failed register POST rolls back with its code', () => {
    const d = createDriver();
    d.genesys({ type: 'genesys.connected' });
    d.genesys({ type: 'genesys.commandFailed', command: 'register', code: 'REST_HTTP_500', message: 'boom' });
    d.expectState('agent.loggedOut');
    expect(d.snapshot().context.agentError).toEqual({ code: 'REST_HTTP_500', detail: 'boom' });
  });

  test('Fusion makeAvailable while logged out and offline is refused, not left pending', () => {
    const d = createDriver();
    d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' });
    d.fusion({ type: 'fusion.makeAvailable', requestId: 'r1' });
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([
      { type: 'fusion.cmd.respond', requestId: 'r1', ok: false, message: 'OFFLINE: Genesys is not connected' },
    ]);
  });
});

describe('when available', () => {
  test('going not ready is pending until EventAgentNotReady', () => {
    const d = createDriver().login();
    d.send({ type: 'agent.goUnavailable', reason: 'Break' });
    d.expectState('agent.goingUnavailable');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.notReady', reason: 'Break' });
    expect(d.fusionOf('fusion.cmd.agentState').at(-1)?.presence).toBe('available');
    d.genesys({ type: 'genesys.agentNotReady', reason: 'Break' });
    d.expectState('agent.unavailable');
    expect(d.fusionOf('fusion.cmd.agentState').at(-1)).toEqual({ type: 'fusion.cmd.agentState', presence: 'unavailable', reason: 'Break', reasonLabel: 'Break' });
  });

  test('a NotReady without answer rolls back to available with AGENT_TIMEOUT', () => {
    const d = createDriver().login();
    d.send({ type: 'agent.goUnavailable' });
    vi.advanceTimersByTime(8_000);
    d.expectState('agent.available');
    expect(d.snapshot().context.agentError?.code).toBe('AGENT_TIMEOUT');
  });

  test('Fusion makeUnavailable resolves only when Genesys confirmed', () => {
    const d = createDriver().login();
    d.fusion({ type: 'fusion.makeUnavailable', requestId: 'r9', reason: 'Lunch' });
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([]);
    d.genesys({ type: 'genesys.agentNotReady', reason: 'Lunch' });
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([{ type: 'fusion.cmd.respond', requestId: 'r9', ok: true }]);
  });

  test('Fusion makeUnavailable that fails resolves with the failure', () => {
    const d = createDriver().login();
    d.fusion({ type: 'fusion.makeUnavailable', requestId: 'r9' });
    d.genesys({ type: 'genesys.commandFailed', command: 'notReady', code: 'REST_STATUS', message: 'status Error' });
    d.expectState('agent.available');
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([
      { type: 'fusion.cmd.respond', requestId: 'r9', ok: false, message: 'REST_STATUS: status Error' },
    ]);
  });

  test('Fusion makeAvailable while already available succeeds at once', () => {
    const d = createDriver().login();
    d.fusion({ type: 'fusion.makeAvailable', requestId: 'r2' });
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([{ type: 'fusion.cmd.respond', requestId: 'r2', ok: true }]);
  });

  test('a softphone or supervisor change arrives as an event and is followed', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.agentNotReady', reason: 'ACW' });
    d.expectState('agent.unavailable');
    expect(d.snapshot().context.notReadyReason).toBe('ACW');
  });

  test('log out is pending until EventAgentLogout, and a reconnect does not log back in', () => {
    const d = createDriver().login();
    d.send({ type: 'agent.logout' });
    d.expectState('agent.loggingOut');
    d.genesys({ type: 'genesys.agentLogout' });
    d.expectState('agent.loggedOut');
    const before = d.genesysCommands.length;
    d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' });
    d.genesys({ type: 'genesys.connected' });
    d.expectState('agent.loggedOut');
    expect(d.genesysCommands.length).toBe(before);
    d.send({ type: 'agent.login' });
    d.expectState('agent.registering');
  });
});

describe('when unavailable', () => {
  test('going available is pending until EventAgentReady', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.agentNotReady' });
    d.send({ type: 'agent.goAvailable' });
    d.expectState('agent.goingAvailable');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.ready' });
    d.genesys({ type: 'genesys.agentReady' });
    d.expectState('agent.available');
  });

  test('a Ready refused by Genesys (EventAgentNotReady) rolls back with AGENT_REFUSED', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.agentNotReady' });
    d.fusion({ type: 'fusion.makeAvailable', requestId: 'r3' });
    d.genesys({ type: 'genesys.agentNotReady' });
    d.expectState('agent.unavailable');
    expect(d.fusionOf('fusion.cmd.respond').at(-1)).toMatchObject({ requestId: 'r3', ok: false });
  });
});

describe('when the socket drops', () => {
  test('commands are refused with OFFLINE and the agent re-registers when it is back', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 1000, reason: 'closed 1006' });
    d.expectState('connection.reconnecting');
    expect(d.snapshot().context.reconnect).toMatchObject({ attempt: 1, reason: 'closed 1006' });
    d.send({ type: 'agent.goUnavailable' });
    d.expectState('agent.available');
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('OFFLINE');
    d.genesys({ type: 'genesys.connected' });
    d.expectState('connection.open.linked').expectState('agent.registering');
    expect(d.snapshot().context.reconnect).toBeNull();
    d.genesys({ type: 'genesys.registered' });
    d.expectState('agent.available');
    expect(d.fusionOf('fusion.cmd.agentState').filter((c) => c.presence === 'available')).toHaveLength(2);
  });

  test('T-Server losing the switch makes the agent unavailable until the link is back', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.linkDisconnected' });
    d.expectState('connection.open.switchDown').expectState('agent.unavailable');
    expect(d.snapshot().context.notReadyReason).toBe('LINK_DOWN');
    d.genesys({ type: 'genesys.linkConnected' });
    d.expectState('connection.open.linked').expectState('agent.registering');
  });
});

describe('Fusion readiness', () => {
  test('Fusion ready after the agent settled gets the current agent state', () => {
    const d = createDriver({ fusionReady: false }).login();
    d.expectState('fusion.initializing');
    d.fusion({ type: 'fusion.ready' });
    d.expectState('fusion.ready');
    expect(d.fusionOf('fusion.cmd.agentState').at(-1)).toEqual({ type: 'fusion.cmd.agentState', presence: 'available' });
  });

  test('outside Fusion the toolbar works alone', () => {
    const d = createDriver({ fusionReady: false });
    d.fusion({ type: 'fusion.absent', reason: 'not framed' });
    d.expectState('fusion.absent');
    d.login().ring('c1').answer().established('c1');
    d.expectState('call.established.talking');
  });

  test('a failed UEF start-up is shown as a notice', () => {
    const d = createDriver({ fusionReady: false });
    d.fusion({ type: 'fusion.failed', code: 'UEF_INIT_FAILED', message: 'initialize rejected' });
    d.expectState('fusion.failed');
    expect(d.snapshot().context.notices.at(-1)).toMatchObject({ code: 'UEF_INIT_FAILED' });
  });
});

describe('agent commands with calls', () => {
  test('logging out with a live call is refused with CALLS_ACTIVE', () => {
    const d = createDriver().login().ring('c1');
    d.send({ type: 'agent.logout' });
    d.expectState('agent.available');
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('CALLS_ACTIVE');
  });

  test('the agent error can be dismissed', () => {
    const d = createDriver();
    d.genesys({ type: 'genesys.connected' });
    d.genesys({ type: 'genesys.commandFailed', command: 'register', code: 'REST_HTTP_500', message: 'x' });
    d.send({ type: 'agent.dismissError' });
    expect(d.snapshot().context.agentError).toBeNull();
  });

  test('before the socket first opens, commands are refused as offline', () => {
    const d = createDriver();
    d.send({ type: 'agent.dial', number: '+15551234567' });
    expect(d.genesysCommands).toEqual([]);
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('OFFLINE');
  });
});

describe('when an agent change is not confirmed', () => {
  test('a failed NotReady while not ready (new reason) stays not ready with the old reason', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.agentNotReady', reason: 'Lunch' });
    d.send({ type: 'agent.goUnavailable', reason: 'Break' });
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.notReady', reason: 'Break' });
    expect(d.snapshot().context.notReadyReason).toBe('Lunch');
    d.genesys({ type: 'genesys.commandFailed', command: 'notReady', code: 'REST_HTTP_500', message: 'x' });
    d.expectState('agent.unavailable');
    expect(d.snapshot().context.notReadyReason).toBe('Lunch');
    expect(d.fusionOf('fusion.cmd.agentState').at(-1)).toMatchObject({ presence: 'unavailable', reason: 'Lunch' });
  });

  test('a logout that times out goes back to where the agent was (available), not unavailable', () => {
    const d = createDriver().login();
    d.send({ type: 'agent.logout' });
    vi.advanceTimersByTime(8_000);
    d.expectState('agent.available');
    expect(d.snapshot().context.wantsLogin).toBe(true);
  });

  test('EventLinkDisconnected does not sign in a logged-out agent', () => {
    const d = createDriver().login();
    d.send({ type: 'agent.logout' }).genesys({ type: 'genesys.agentLogout' });
    d.genesys({ type: 'genesys.linkDisconnected' });
    d.expectState('agent.loggedOut');
  });
});

