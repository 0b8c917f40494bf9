/** The sign-in region (auth=bridge), driven through the test driver with a fake Genesys adapter. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const bridge = { config: { auth: 'bridge' as const } };
const SIGNED_IN = { type: 'genesys.signedIn', agentId: '+33298025003', dn: '+33298025003' } as const;

describe('when auth is none', () => {
  test('there is nothing to sign in to: the region is off and the toolbar connects as before', () => {
    const d = createDriver().login();
    d.expectState('signIn.off').expectState('agent.available');
    expect(d.genesysCommands.map((c) => c.type)).toEqual(['genesys.cmd.register', 'genesys.cmd.snapshot']);
  });
});

describe('when auth is bridge and no session is kept', () => {
  test('the form is shown, and the socket waits for the sign-in', () => {
    const d = createDriver(bridge);
    d.expectState('signIn.checking');
    d.genesys({ type: 'genesys.authRequired', code: 'NO_SESSION' });
    d.expectState('signIn.required').expectState('connection.signedOut');
    expect(d.snapshot().context.signIn.error).toBeNull();
    expect(d.genesysCommands).toEqual([]);
  });

  test('a submit sends the username only; a refusal is shown with its code; a sign-in registers the agent', () => {
    const d = createDriver(bridge).genesys({ type: 'genesys.authRequired', code: 'NO_SESSION' });
    d.send({ type: 'auth.submit', username: 'JohnSmith' });
    d.expectState('signIn.signingIn');
    expect(d.genesysCommands).toEqual([{ type: 'genesys.cmd.signIn', username: 'JohnSmith' }]);

    d.genesys({ type: 'genesys.signInFailed', code: 'SIGN_IN_FAILED', message: 'refused' });
    d.expectState('signIn.required');
    expect(d.snapshot().context.signIn).toEqual({ username: 'JohnSmith', agentId: null, error: { code: 'SIGN_IN_FAILED', detail: 'refused' } });

    d.send({ type: 'auth.submit', username: 'JohnSmith' }).genesys(SIGNED_IN);
    d.expectState('signIn.signedIn');
    expect(d.snapshot().context.signIn).toEqual({ username: 'JohnSmith', agentId: '+33298025003', error: null });
    d.genesys({ type: 'genesys.connected' });
    d.expectState('connection.open.linked').expectState('agent.registering');
  });

  test('a submit while signing in is not sent twice', () => {
    const d = createDriver(bridge).genesys({ type: 'genesys.authRequired', code: 'NO_SESSION' });
    d.send({ type: 'auth.submit', username: 'a' }).send({ type: 'auth.submit', username: 'a' });
    expect(d.genesysOf('genesys.cmd.signIn')).toHaveLength(1);
  });
});

describe('when a session was kept over a reload', () => {
  test('the adapter says who is signed in and the toolbar connects without the form', () => {
    const d = createDriver(bridge).genesys(SIGNED_IN).login();
    d.expectState('signIn.signedIn').expectState('agent.available');
    expect(d.genesysOf('genesys.cmd.signIn')).toEqual([]);
  });
});

describe('when the bridge refuses the session (401)', () => {
  test('the form comes back saying why, and the call on the toolbar is kept', () => {
    const d = createDriver(bridge).genesys(SIGNED_IN).login().ring('c1').answer('c1').established('c1');
    d.genesys({ type: 'genesys.authRequired', code: 'SESSION_INVALID' });
    d.expectState('signIn.required').expectState('connection.signedOut').expectState('call.established.talking');
    expect(d.snapshot().context.online).toBe(false);
    expect(d.snapshot().context.signIn.error).toEqual({ code: 'SESSION_INVALID' });
    expect(d.callNames()).toEqual(['c1']);

    // Commands wait for the sign-in: refused offline, the call stays.
    d.hangUp('c1');
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('OFFLINE');

    d.send({ type: 'auth.submit', username: 'JohnSmith' }).genesys(SIGNED_IN).genesys({ type: 'genesys.connected' }).genesys({ type: 'genesys.registered' });
    // Registered again, the toolbar asks what is true: the snapshot confirms the kept call.
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.snapshot' });
    expect(d.callNames()).toEqual(['c1']);
  });

  test('a refusal while reconnecting stops the countdown', () => {
    const d = createDriver(bridge).genesys(SIGNED_IN).login();
    d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' });
    d.genesys({ type: 'genesys.authRequired', code: 'SESSION_INVALID' });
    d.expectState('connection.signedOut');
    expect(d.snapshot().context.reconnect).toBeNull();
  });
});

describe('when the agent logs out', () => {
  test('the bridge session goes too; signing in again logs the agent in', () => {
    const d = createDriver(bridge).genesys(SIGNED_IN).login();
    d.send({ type: 'agent.logout' }).genesys({ type: 'genesys.agentLogout' });
    d.expectState('signIn.signingOut').expectState('agent.loggedOut');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.signOut' });
    d.genesys({ type: 'genesys.authRequired', code: 'SIGNED_OUT' });
    d.expectState('signIn.required').expectState('connection.signedOut');
    expect(d.snapshot().context.signIn.error).toBeNull();

    d.send({ type: 'auth.submit', username: 'JohnSmith' }).genesys(SIGNED_IN).genesys({ type: 'genesys.connected' });
    d.expectState('agent.registering');
  });

  test('a logout Genesys made (not the agent) keeps the bridge session', () => {
    const d = createDriver(bridge).genesys(SIGNED_IN).login();
    d.genesys({ type: 'genesys.agentLogout' });
    d.expectState('signIn.signedIn');
    expect(d.genesysOf('genesys.cmd.signOut')).toEqual([]);
  });
});

describe('when the agent signs in with Genesys (single sign-on)', () => {
  const required = () => createDriver(bridge).genesys({ type: 'genesys.authRequired', code: 'NO_SESSION' });

  test('the button asks the adapter for the popup; its session signs in and registers like a password sign-in', () => {
    const d = required();
    d.send({ type: 'auth.ssoStart' });
    d.expectState('signIn.signingInSso');
    expect(d.genesysCommands).toEqual([{ type: 'genesys.cmd.ssoStart' }]);
    d.genesys(SIGNED_IN).genesys({ type: 'genesys.connected' });
    d.expectState('signIn.signedIn').expectState('agent.registering');
    expect(d.snapshot().context.signIn.agentId).toBe('+33298025003');
  });

  test('a blocked popup keeps the wait and offers its URL; the popup closed goes back to the form with its code', () => {
    const d = required().send({ type: 'auth.ssoStart' });
    d.genesys({ type: 'genesys.ssoBlocked', url: 'http://bridge.test/genesys/sso/start?origin=x' });
    d.expectState('signIn.signingInSso');
    expect(d.snapshot().context.signIn.error).toEqual({ code: 'SSO_POPUP_BLOCKED', detail: 'http://bridge.test/genesys/sso/start?origin=x' });
    d.genesys({ type: 'genesys.signInFailed', code: 'SSO_CANCELLED', message: 'closed' });
    d.expectState('signIn.required');
    expect(d.snapshot().context.signIn.error?.code).toBe('SSO_CANCELLED');
  });

  test('another click opens the popup again and clears the notice; a password submit instead is sent once', () => {
    const d = required().send({ type: 'auth.ssoStart' }).genesys({ type: 'genesys.ssoBlocked', url: 'http://b/x' });
    d.send({ type: 'auth.ssoStart' });
    expect(d.genesysOf('genesys.cmd.ssoStart')).toHaveLength(2);
    expect(d.snapshot().context.signIn.error).toBeNull();
    d.send({ type: 'auth.submit', username: 'JohnSmith' });
    d.expectState('signIn.signingIn');
    expect(d.genesysOf('genesys.cmd.signIn')).toHaveLength(1);
  });

  test('while signed in, or signing in with a password, the button does nothing', () => {
    const d = required().send({ type: 'auth.submit', username: 'a' }).send({ type: 'auth.ssoStart' });
    d.expectState('signIn.signingIn');
    d.genesys(SIGNED_IN).send({ type: 'auth.ssoStart' });
    expect(d.genesysOf('genesys.cmd.ssoStart')).toEqual([]);
  });
});
