import { afterEach, describe, expect, test } from 'vitest';
import { createSessionFactory } from '../../src/bridge/session/factory';
import { AGENT, FakeGws } from './support/fake-gws';
import { FAST, signedIn, type Driver } from './support/session-driver';

let driver: Driver | undefined;
afterEach(async () => {
  await driver?.close();
  driver = undefined;
});

async function online(gws?: FakeGws): Promise<Driver> {
  driver = await signedIn(gws ? { gws } : {});
  return driver;
}

describe('when signing in', () => {
  test('signs in, waits for WorkspaceInitializationComplete, activates the agent login and place, then is online', async () => {
    const d = await online();
    expect(d.session.state()).toBe('online');
    expect(d.session.agentId).toBe(AGENT.agentLogin);
    expect(d.gws.requests[0]).toEqual({ method: 'POST', path: '/activate-channels', body: { data: { agentId: AGENT.agentLogin, placeName: AGENT.defaultPlace } } });
    expect(d.gws.paths()[1]).toBe('GET /current-session');
  });
  test.each([
    ['SIGN_IN_FAILED', 'SIGN_IN_FAILED'],
    ['GWS_UNREACHABLE', 'GWS_UNREACHABLE'],
  ])('a sign-in that fails with %s → %s', async (thrown, code) => {
    const gws = new FakeGws();
    gws.signInError = { code: thrown, message: 'no' };
    const result = await createSessionFactory({ timings: FAST }, () => gws).signIn({ username: 'x', password: 'y' });
    expect(result).toMatchObject({ ok: false, code });
  });
  test('initialization Failed → GWS_INIT_FAILED, and the GWS session is logged out', async () => {
    const gws = new FakeGws();
    gws.onConnect = [{ type: 'cometd.connected' }, { type: 'gws.notification', notification: { messageType: 'WorkspaceInitializationComplete', state: 'Failed' } }];
    const result = await createSessionFactory({ timings: FAST }, () => gws).signIn({ username: 'x', password: 'y' });
    expect(result).toMatchObject({ ok: false, code: 'GWS_INIT_FAILED' });
    await expect.poll(() => gws.paths()).toContain('POST /logout');
  });
  test('no initialization at all → GWS_INIT_FAILED after the deadline', async () => {
    const gws = new FakeGws();
    gws.onConnect = [{ type: 'cometd.connected' }];
    const result = await createSessionFactory({ timings: FAST }, () => gws).signIn({ username: 'x', password: 'y' });
    expect(result).toMatchObject({ ok: false, code: 'GWS_INIT_FAILED' });
  });
  test('activate-channels refused → GWS_INIT_FAILED', async () => {
    const gws = new FakeGws();
    gws.answerNext('/activate-channels', { ok: false, status: 500, code: 'GWS_HTTP_500', message: 'boom' });
    expect(await createSessionFactory({ timings: FAST }, () => gws).signIn({ username: 'x', password: 'y' })).toMatchObject({ ok: false, code: 'GWS_INIT_FAILED' });
  });
});

describe('when the toolbar registers', () => {
  test('before GWS said the agent state: EventRegistered and the state follow the first DnStateChanged', async () => {
    const gws = new FakeGws();
    gws.sessionDn = undefined;
    const d = await online(gws);
    expect(d.command({ type: 'initialize' })).toEqual({ status: 200 });
    expect(d.frames).toEqual([]);
    d.gws.dn('NotReady', { agentWorkMode: 'AuxWork', reasons: [{ key: 'ReasonCode', type: 'str', value: 'Lunch' }] });
    await d.frame('EventAgentNotReady', { reason: 'Lunch', workMode: 'AuxWork' });
    expect(d.names()).toEqual(['EventRegistered', 'EventAgentNotReady']);
    expect(d.frames[0]).toEqual({ eventName: 'EventRegistered', ThisDN: AGENT.agentLogin, AgentID: AGENT.agentLogin });
  });
  test('after: EventRegistered and the agent state at once', async () => {
    const d = await online();
    d.gws.dn('Ready');
    await expect.poll(() => d.session.command({ type: 'INITIALIZE' })).toEqual({ status: 200 });
    await d.frame('EventAgentReady');
    expect(d.names().slice(-2)).toEqual(['EventRegistered', 'EventAgentReady']);
  });
  test('a logged-out agent is activated again and made ready', async () => {
    const d = await online();
    d.gws.dn('LoggedOut');
    await expect.poll(() => d.session.command({ type: 'initialize' })).toEqual({ status: 200 });
    await d.request('POST /voice/ready');
    expect(d.gws.paths().filter((p) => p === 'POST /activate-channels')).toHaveLength(2);
    d.gws.dn('Ready');
    await d.frame('EventAgentReady');
    expect(d.names()).toEqual(['EventAgentLogout', 'EventRegistered', 'EventAgentReady']);
  });
});

describe('when a call comes in', () => {
  test('ring, answer, hold, retrieve, DTMF, hang up: every frame once, each command proven by CometD', async () => {
    const d = await online();
    await d.established();
    expect(d.command({ type: 'Hold', connectionId: 'c1' })).toEqual({ status: 200 });
    await d.request('POST /voice/calls/c1/hold');
    d.gws.call({ id: 'c1', state: 'Held' });
    await d.frame('EventHeld');
    d.command({ type: 'Retrieve', connectionId: 'c1' });
    await d.request('POST /voice/calls/c1/retrieve');
    d.gws.call({ id: 'c1', state: 'Established' });
    await d.frame('EventRetrieved');
    d.command({ type: 'SendDTMF', connectionId: 'c1', digits: '12#' });
    await d.request('POST /voice/calls/c1/send-dtmf');
    expect(d.gws.requests.at(-1)?.body).toMatchObject({ data: { dtmfDigits: '12#' } });
    d.gws.call({ id: 'c1', state: 'Established' });
    await d.frame('EventDtmfSent', { digits: '12#' });
    d.command({ type: 'Hangup', connectionId: 'c1' });
    await d.request('POST /voice/calls/c1/release');
    d.gws.call({ id: 'c1', state: 'Released', capabilities: ['complete'] });
    await d.frame('EventReleased');
    await d.request('POST /voice/calls/c1/complete');
    d.gws.call({ id: 'c1', state: 'Completed' });
    await new Promise((r) => setTimeout(r, FAST.commandDeadlineMs! + 50));
    expect(d.names()).toEqual(['EventRinging', 'EventEstablished', 'EventHeld', 'EventRetrieved', 'EventDtmfSent', 'EventReleased']);
    expect(d.frames.every((f) => f['eventId'] === d.frames[0]?.['eventId'])).toBe(true);
  });
  test('operationIds go with every voice request', async () => {
    const d = await online();
    await d.established();
    expect(d.gws.requests.find((r) => r.path.endsWith('/answer'))?.body?.['operationId']).toMatch(/^op-/);
  });
  test('decline: Reject releases the ringing call, EventReleased without a cause', async () => {
    const d = await online();
    d.gws.call({ id: 'c1', state: 'Ringing' });
    await d.frame('EventRinging');
    d.command({ type: 'Reject', connectionId: 'c1' });
    await d.request('POST /voice/calls/c1/release');
    d.gws.call({ id: 'c1', state: 'Released' });
    const released = await d.frame('EventReleased');
    expect(released).not.toHaveProperty('CallState');
  });
});

describe('when a command fails', () => {
  test('GWS 500 → EventError with the code, for the call', async () => {
    const d = await online();
    d.gws.call({ id: 'c1', state: 'Ringing' });
    await d.frame('EventRinging');
    d.gws.answerNext('/answer', { ok: false, status: 500, code: 'GWS_HTTP_500', message: 'Call with c1 id does not exist' });
    d.command({ type: 'Accept', connectionId: 'c1' });
    const error = await d.frame('EventError');
    expect(error).toMatchObject({ connectionId: 'c1', ErrorCode: 'GWS_HTTP_500' });
  });
  test('no CometD event → EventError COMMAND_TIMEOUT at the deadline', async () => {
    const d = await online();
    d.gws.call({ id: 'c1', state: 'Ringing' });
    await d.frame('EventRinging');
    d.command({ type: 'Accept', connectionId: 'c1' });
    expect(await d.frame('EventError')).toMatchObject({ connectionId: 'c1', ErrorCode: 'COMMAND_TIMEOUT' });
  });
  test('a request that never answers → COMMAND_TIMEOUT too', async () => {
    const d = await online();
    d.gws.call({ id: 'c1', state: 'Ringing' });
    await d.frame('EventRinging');
    d.gws.answerNext('/answer', 'hang');
    d.command({ type: 'Accept', connectionId: 'c1' });
    expect(await d.frame('EventError')).toMatchObject({ ErrorCode: 'COMMAND_TIMEOUT' });
    d.gws.release();
  });
  test('EventError from GWS fails the command that was asked, by operationId', async () => {
    const d = await online();
    d.command({ type: 'MakeCall', toNumber: '+33298025003', connectionId: 'dial-1', eventId: 'dial-1' });
    await d.request('POST /voice/make-call');
    const operationId = d.gws.requests.at(-1)?.body?.['operationId'] as string;
    d.gws.notify({ messageType: 'EventError', operationId, error: { errorCode: 415, errorMessage: 'Invalid Destination DN' } });
    expect(await d.frame('EventError')).toMatchObject({ connectionId: 'dial-1', eventId: 'dial-1', ErrorCode: '415' });
  });
  test('EventError without an operationId fails the oldest command GWS was asked', async () => {
    const d = await online();
    await d.established();
    d.command({ type: 'Hold', connectionId: 'c1' });
    await d.request('POST /voice/calls/c1/hold');
    d.gws.notify({ messageType: 'EventError', error: { errorCode: 53, errorMessage: 'Invalid state' } });
    expect(await d.frame('EventError')).toMatchObject({ connectionId: 'c1', ErrorCode: '53' });
  });
});

describe('when GWS cannot do what the toolbar asks (501 and missing requests)', () => {
  test('AlternateCall answered 501 → hold + retrieve', async () => {
    const d = await online();
    await d.established();
    d.gws.call({ id: 'c1', state: 'Held' });
    d.gws.call({ id: 'c2', state: 'Established', callType: 'Consult', parentConnId: 'c1' });
    await d.frame('EventHeld');
    d.gws.answerNext('/alternate', { ok: false, status: 501, code: 'GWS_HTTP_501', message: 'Not Implemented' });
    expect(d.command({ type: 'AlternateCall', connectionId: 'c2', heldConnectionId: 'c1' })).toEqual({ status: 200 });
    await d.request('POST /voice/calls/c1/retrieve');
    expect(d.gws.paths().slice(-3)).toEqual(['POST /voice/calls/c2/alternate', 'POST /voice/calls/c2/hold', 'POST /voice/calls/c1/retrieve']);
  });
  test('Reject of a call that offers neither release nor a redirect destination: 409 NOT_SUPPORTED, nothing sent', async () => {
    const d = await online();
    d.gws.call({ id: 'c1', state: 'Ringing', capabilities: ['answer', 'redirect'] });
    await d.frame('EventRinging');
    const before = d.gws.requests.length;
    expect(d.command({ type: 'Reject', connectionId: 'c1' })).toEqual({ status: 409, code: 'NOT_SUPPORTED' });
    expect(d.gws.requests.length).toBe(before);
  });
});

describe('when the toolbar dials', () => {
  test('EventDialing carries the dial id as eventId; Hangup by the dial id reaches the GWS call', async () => {
    const d = await online();
    d.command({ type: 'MakeCall', toNumber: '+14155550100', connectionId: 'dial-1', eventId: 'dial-1' });
    await d.request('POST /voice/make-call');
    d.gws.call({ id: 'g1', state: 'Dialing', callType: 'Outbound', dnis: '+14155550100', participants: [{ number: '+14155550100', role: 'RoleDestination' }] });
    expect(await d.frame('EventDialing')).toMatchObject({ connectionId: 'g1', eventId: 'dial-1', toNumber: '+14155550100' });
    d.command({ type: 'Hangup', connectionId: 'dial-1' });
    await d.request('POST /voice/calls/g1/release');
  });
});

describe('when GWS sends something the bridge cannot use', () => {
  test('an invalid or unknown message is a coded log line; nothing else changes, the session stays online', async () => {
    const d = await online();
    d.gws.emit({ type: 'gws.invalid', code: 'GWS_BAD_MESSAGE', detail: 'CallStateChanged call.state: Invalid type' });
    d.gws.emit({ type: 'gws.invalid', code: 'GWS_UNKNOWN_MESSAGE', detail: 'messageType Surprise' });
    await expect.poll(() => d.logs.filter((line) => line.startsWith('warn GWS_BAD_MESSAGE') || line.startsWith('warn GWS_UNKNOWN_MESSAGE'))).toHaveLength(2);
    expect(d.session.state()).toBe('online');
    expect(d.frames).toEqual([]);
    await d.established();
  });
});

describe('admission', () => {
  test('NOT_YOUR_CALL for an unknown connectionId, BAD_COMMAND for missing fields, nothing sent', async () => {
    const d = await online();
    expect(d.command({ type: 'Hangup', connectionId: 'someone-else' })).toEqual({ status: 403, code: 'NOT_YOUR_CALL' });
    expect(d.command({ type: 'Hangup' })).toMatchObject({ status: 400, code: 'BAD_COMMAND' });
    expect(d.command({ type: 'MakeCall', connectionId: 'x' })).toMatchObject({ status: 400, code: 'BAD_COMMAND' });
    expect(d.gws.paths()).toEqual(['POST /activate-channels', 'GET /current-session']);
  });
});

describe('when the toolbar asks for a snapshot', () => {
  test('current-session → EventSnapshot', async () => {
    const d = await online();
    await d.established();
    d.gws.sessionCalls = [{ id: 'c1', state: 'Established', callType: 'Inbound' }];
    d.command({ type: 'snapshot' });
    const snapshot = await d.frame('EventSnapshot');
    expect(snapshot).toMatchObject({ agentState: 'Ready', calls: [{ connectionId: 'c1', state: 'Established', direction: 'inbound' }] });
  });
  test('GWS silent → EventSnapshot from what the bridge knows, within the deadline', async () => {
    const d = await online();
    await d.established();
    d.gws.answerNext('/current-session', 'hang');
    const asked = Date.now();
    d.command({ type: 'snapshot' });
    const snapshot = await d.frame('EventSnapshot');
    expect(Date.now() - asked).toBeLessThan(1000);
    expect((snapshot['calls'] as unknown[]).length).toBe(1);
    d.gws.release();
  });
});

describe('when recovering', () => {
  test('402::session_unknown → re-handshake, current-session, the missed events, then online; no call lost or doubled', async () => {
    const d = await online();
    await d.established('c1');
    d.gws.call({ id: 'c3', state: 'Ringing' });
    await d.frame('EventRinging', { connectionId: 'c3' });
    d.gws.onConnect = [{ type: 'cometd.connected' }];
    d.gws.sessionCalls = [
      { id: 'c3', state: 'Established', callType: 'Inbound' },
      { id: 'c2', state: 'Ringing', callType: 'Inbound', participants: [{ number: '+1777', role: 'RoleOrigination' }] },
    ];
    d.gws.emit({ type: 'cometd.unknownSession' });
    await d.expectState('online');
    await d.frame('EventRinging', { connectionId: 'c2' });
    const after = d.frames.filter((f) => 'connectionId' in f).map((f) => f.eventName).slice(3);
    expect(after.sort()).toEqual(['EventEstablished', 'EventReleased', 'EventRinging']);
    expect(d.frames.find((f) => f.eventName === 'EventReleased')).toMatchObject({ connectionId: 'c1' });
    expect(d.gws.connects).toBe(2);
    d.command({ type: 'snapshot' });
    const snapshot = await d.frame('EventSnapshot');
    expect((snapshot['calls'] as { connectionId: string }[]).map((c) => c.connectionId).sort()).toEqual(['c2', 'c3']);
  });
  test('while recovering, call commands are refused (NOT_ONLINE) and a snapshot waits for the resync', async () => {
    const d = await online();
    await d.established('c1');
    d.gws.onConnect = [];
    d.gws.emit({ type: 'cometd.lost', reason: 'socket closed' });
    await d.expectState('recovering');
    expect(d.command({ type: 'Hangup', connectionId: 'c1' })).toEqual({ status: 409, code: 'NOT_ONLINE' });
    expect(d.command({ type: 'snapshot' })).toEqual({ status: 200 });
    const snapshot = await d.frame('EventSnapshot');
    expect((snapshot['calls'] as unknown[]).length).toBe(1);
  });
  test('GWS lost the session (unauthorized) → sign in again, initialize, activate, resync', async () => {
    const d = await online();
    await d.established('c1');
    d.gws.sessionCalls = [{ id: 'c1', state: 'Established', callType: 'Inbound' }];
    d.gws.emit({ type: 'cometd.unauthorized', reason: 'handshake denied' });
    await d.expectState('recovering');
    await d.expectState('online');
    expect(d.gws.signIns).toBe(2);
    expect(d.gws.paths().filter((p) => p === 'POST /activate-channels')).toHaveLength(2);
    expect(d.frames.filter((f) => 'connectionId' in f).map((f) => f.eventName)).toEqual(['EventRinging', 'EventEstablished']);
  });
  test('VOICE UNAVAILABLE → EventLinkDisconnected, waits for VOICE AVAILABLE → EventLinkConnected, then resyncs', async () => {
    const d = await online();
    d.gws.notify({ messageType: 'ServiceStateChanged', serviceName: 'VOICE', serviceState: 'UNAVAILABLE' });
    await d.expectState('recovering');
    await d.frame('EventLinkDisconnected', { ThisDN: AGENT.agentLogin });
    d.gws.sessionCalls = [{ id: 'c5', state: 'Ringing', callType: 'Inbound' }];
    d.gws.notify({ messageType: 'ServiceStateChanged', serviceName: 'VOICE', serviceState: 'AVAILABLE' });
    await d.expectState('online');
    await d.frame('EventRinging', { connectionId: 'c5' });
    d.gws.notify({ messageType: 'ServiceStateChanged', serviceName: 'VOICE', serviceState: 'AVAILABLE' });
    await new Promise((r) => setTimeout(r, 20));
    expect(d.names().filter((n) => n.startsWith('EventLink'))).toEqual(['EventLinkDisconnected', 'EventLinkConnected']);
  });
  test('a resync that GWS refuses is retried', async () => {
    const d = await online();
    d.gws.onConnect = [{ type: 'cometd.connected' }];
    d.gws.answerNext('/current-session', { ok: false, status: 403, code: 'GWS_HTTP_403', message: 'not yet' });
    d.gws.emit({ type: 'cometd.unknownSession' });
    await d.expectState('online');
    // One at sign-in, the refused one, its retry.
    expect(d.gws.paths().filter((p) => p === 'GET /current-session')).toHaveLength(3);
  });
});

describe('when the bridge shuts down (closeAll)', () => {
  test('a sign-in still waiting for GWS ends too, and later sign-ins are refused', async () => {
    const gws = new FakeGws();
    gws.signInHangs = true;
    const factory = createSessionFactory({ timings: FAST }, () => gws);
    const waiting = factory.signIn({ username: 'x', password: 'y' });
    await expect.poll(() => gws.signIns).toBe(1);
    await factory.closeAll();
    expect(await waiting).toMatchObject({ ok: false });
    expect(await factory.signIn({ username: 'x', password: 'y' })).toMatchObject({ ok: false, code: 'GWS_UNREACHABLE' });
  });
  test('online sessions are signed out of GWS', async () => {
    const d = await online();
    await d.factory.closeAll();
    driver = undefined;
    expect(d.session.state()).toBe('signedOut');
    expect(d.gws.paths()).toContain('POST /logout');
  });
});

describe('when the agent signs out', () => {
  test('CometD off, workspace logout, signedOut; commands then NOT_ONLINE', async () => {
    const d = await online();
    await d.session.signOut();
    driver = undefined;
    expect(d.session.state()).toBe('signedOut');
    expect(d.gws.disconnects).toBeGreaterThan(0);
    expect(d.gws.paths()).toContain('POST /logout');
    expect(d.command({ type: 'Ready' })).toEqual({ status: 409, code: 'NOT_ONLINE' });
    await d.session.signOut();
  });
});
