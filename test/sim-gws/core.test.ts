// Our GWS simulator in real-GWS mode, driven over real sockets with cometd + cometd-nodejs-client.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { GwsTestAgent, onlineAgent } from './support/gws-client';

let sim: GwsSimulator;
const agents: GwsTestAgent[] = [];

async function online(userName = 'JohnSmith'): Promise<GwsTestAgent> {
  const agent = await onlineAgent(sim.url, userName);
  agents.push(agent);
  return agent;
}

beforeEach(async () => {
  sim = await startGwsSimulator({ dialAnswerMs: 150, dialBusyMs: 30, dialNoAnswerMs: 80 });
});

afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.disconnect()));
  await sim.close();
});

describe('when signing in', () => {
  it('refuses a wrong password with a 401 JSON body', async () => {
    const agent = new GwsTestAgent(sim.url);
    await expect(agent.signIn('JohnSmith', 'wrong')).rejects.toThrow(/token refused: 401 .*invalid_grant/);
  });

  it('refuses a token request whose client credentials are wrong', async () => {
    const agent = new GwsTestAgent(sim.url, 'external_api_client', 'nope');
    await expect(agent.signIn('JohnSmith')).rejects.toThrow(/401 .*invalid_client/);
  });

  it('sets WORKSPACE_SESSIONID from a Bearer token and from an authorize code', async () => {
    const byToken = new GwsTestAgent(sim.url);
    await byToken.signIn('JohnSmith');
    const byCode = new GwsTestAgent(sim.url);
    await byCode.signIn('KateLondon', 'KateLondon', 'authorize');
    expect(byToken.cookies['WORKSPACE_SESSIONID']).toMatch(/^[0-9a-f]{32}$/);
    expect(byCode.cookies['WORKSPACE_SESSIONID']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('renews a token with its refresh_token once, and refuses the same refresh_token again', async () => {
    const agent = new GwsTestAgent(sim.url);
    const headers = { Authorization: `Basic ${Buffer.from('external_api_client:secret').toString('base64')}` };
    const first = await agent.rest('POST', '/auth/v3/oauth/token', { grant_type: 'password', username: 'JohnSmith', password: 'JohnSmith' }, { form: true, headers });
    expect(first.json).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: '*' });
    const refresh = { grant_type: 'refresh_token', refresh_token: String(first.json?.['refresh_token']) };
    const renewed = await agent.rest('POST', '/auth/v3/oauth/token', refresh, { form: true, headers });
    expect(renewed.status).toBe(200);
    expect(renewed.json?.['access_token']).not.toBe(first.json?.['access_token']);
    expect((await agent.rest('POST', '/auth/v3/oauth/token', refresh, { form: true, headers })).status).toBe(401);
    const init = await agent.rest('POST', '/workspace/v3/initialize-workspace', undefined, { headers: { Authorization: `Bearer ${String(renewed.json?.['access_token'])}` } });
    expect(init.status).toBe(200);
  });

  it('answers 401 JSON to a voice request without a session, and refuses the handshake', async () => {
    const stranger = new GwsTestAgent(sim.url);
    const ready = await stranger.voice('/voice/ready');
    expect(ready.status).toBe(401);
    expect(ready.json).toMatchObject({ status: { code: 401 } });
    await expect(stranger.connect()).rejects.toThrow(/handshake refused: 403::handshake_denied/);
  });
});

describe('when the voice channel is activated', () => {
  it('sends initialization with the user, then the DN logged in NotReady', async () => {
    const agent = new GwsTestAgent(sim.url);
    agents.push(agent);
    await agent.signIn('JohnSmith');
    await agent.connect();
    const complete = await agent.nextOfType('WorkspaceInitializationComplete');
    expect(complete.data).toMatchObject({ state: 'Complete', data: { user: { userName: 'JohnSmith', agentLogin: '+33298025003', defaultPlace: 'Place_JohnSmith' } } });
    await agent.voice('/activate-channels', { agentId: '+33298025003', placeName: 'Place_JohnSmith' });
    expect(await agent.nextDn()).toMatchObject({ number: '+33298025003', agentState: 'NotReady', agentWorkMode: 'AuxWork' });
  });

  it('goes Ready, NotReady with a reason and work mode, and LoggedOut', async () => {
    const agent = await online();
    await agent.nextDn('NotReady');
    expect((await agent.voice('/voice/ready')).json).toMatchObject({ status: { code: 1 } });
    expect(await agent.nextDn('Ready')).toMatchObject({ available: true });
    await agent.voice('/voice/not-ready', { agentWorkMode: 'AfterCallWork', reasonCode: 'Break' });
    expect(await agent.nextDn('NotReady')).toMatchObject({ agentWorkMode: 'AfterCallWork', reasons: [{ key: 'ReasonCode', type: 'str', value: 'Break' }] });
    await agent.voice('/voice/logout');
    await agent.nextDn('LoggedOut');
  });

  it('lists the DN and calls in current-session', async () => {
    const agent = await online();
    const callId = sim.ring('JohnSmith', { ani: '+15550001' });
    await agent.nextCall({ id: callId, state: 'Ringing' });
    const session = await agent.rest('GET', '/workspace/v3/current-session');
    const active = (session.json?.['data'] as { user: { activeSession: { dn: unknown; calls: Array<{ id: string; state: string; ani: string }> } } }).user.activeSession;
    expect(active.dn).toMatchObject({ number: '+33298025003' });
    expect(active.calls).toEqual([expect.objectContaining({ id: callId, state: 'Ringing', ani: '+15550001' })]);
    expect(sim.calls('JohnSmith')).toHaveLength(1);
  });
});

describe('when an inbound call rings', () => {
  it('goes Ringing → Established → Held → Established → Released → Completed, echoing the operationId', async () => {
    const agent = await online();
    const callId = sim.ring('JohnSmith', { ani: '+33175001234', userData: [{ key: 'Segment', type: 'str', value: 'Gold' }] });
    const ringing = await agent.nextCall({ id: callId });
    expect(ringing).toMatchObject({ state: 'Ringing', callType: 'Inbound', ani: '+33175001234', dnis: '+33298025003', participants: [{ number: '+33175001234', role: 'RoleOrigination' }], userData: [{ key: 'Segment', value: 'Gold' }] });
    expect(ringing.capabilities).toEqual(expect.arrayContaining(['answer', 'release']));
    const answer = await agent.voice(`/voice/calls/${callId}/answer`, undefined, 'op-answer-1');
    expect(answer.json).toEqual({ status: { code: 1 }, operationId: 'op-answer-1' });
    expect(await agent.nextCall({ id: callId })).toMatchObject({ state: 'Established', operationId: 'op-answer-1' });
    await agent.voice(`/voice/calls/${callId}/hold`);
    const held = await agent.nextCall({ id: callId });
    expect(held.state).toBe('Held');
    expect(held.capabilities).toContain('retrieve');
    await agent.voice(`/voice/calls/${callId}/retrieve`);
    expect((await agent.nextCall({ id: callId })).state).toBe('Established');
    await agent.voice(`/voice/calls/${callId}/release`);
    expect((await agent.nextCall({ id: callId })).state).toBe('Released');
    expect((await agent.nextCall({ id: callId })).state).toBe('Completed');
    expect(sim.calls('JohnSmith')).toEqual([]);
  });

  it('can be rejected by release while Ringing', async () => {
    const agent = await online();
    const callId = sim.ring('JohnSmith');
    await agent.nextCall({ id: callId, state: 'Ringing' });
    await agent.voice(`/voice/calls/${callId}/release`);
    await agent.nextCall({ id: callId, state: 'Released' });
    await agent.nextCall({ id: callId, state: 'Completed' });
  });

  it('ends Released when the caller hangs up', async () => {
    const agent = await online();
    const callId = sim.ring('JohnSmith');
    await agent.voice(`/voice/calls/${callId}/answer`);
    await agent.nextCall({ id: callId, state: 'Established' });
    sim.remoteHangup(callId);
    await agent.nextCall({ id: callId, state: 'Released' });
  });

  it('answers an unknown call id with a JSON error envelope', async () => {
    const agent = await online();
    const answer = await agent.voice('/voice/calls/nosuchcall/answer');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: { code: 400, message: expect.stringContaining('nosuchcall') } });
  });
});

describe('when the agent makes a call', () => {
  it('is answered by the far end after dialAnswerMs, and released by its hang-up', async () => {
    const agent = await online();
    await agent.voice('/voice/make-call', { destination: '+14155550100' });
    const dialing = await agent.nextCall({ state: 'Dialing' });
    expect(dialing).toMatchObject({ callType: 'Outbound', dnis: '+14155550100', participants: [{ number: '+14155550100', role: 'RoleDestination' }] });
    await agent.nextCall({ id: dialing.id, state: 'Established' });
    sim.remoteHangup(dialing.id);
    await agent.nextCall({ id: dialing.id, state: 'Released' });
    await agent.nextCall({ id: dialing.id, state: 'Completed' });
  });

  it('ends Released when the number is busy (…486) or does not answer (…408)', async () => {
    const agent = await online();
    for (const destination of ['+14155550486', '+14155550408']) {
      await agent.voice('/voice/make-call', { destination });
      const dialing = await agent.nextCall({ state: 'Dialing' });
      expect(dialing.dnis).toBe(destination);
      const released = await agent.nextCall({ id: dialing.id });
      expect(released.state).toBe('Released');
    }
  });

  it('connects when remoteAnswer comes before the timer', async () => {
    sim = await restartWith({ dialAnswerMs: Number.POSITIVE_INFINITY });
    const agent = await online();
    await agent.voice('/voice/make-call', { destination: '+14155550100' });
    const dialing = await agent.nextCall({ state: 'Dialing' });
    sim.remoteAnswer(dialing.id);
    await agent.nextCall({ id: dialing.id, state: 'Established' });
  });

  it('gets EventError 415 when it dials its own DN', async () => {
    const agent = await online();
    await agent.voice('/voice/make-call', { destination: '+33298025003' });
    const error = await agent.nextOfType('EventError');
    expect(error.data['error']).toEqual({ errorCode: 415, errorMessage: 'Invalid Destination DN' });
  });
});

async function restartWith(options: Parameters<typeof startGwsSimulator>[0]): Promise<GwsSimulator> {
  await sim.close();
  return startGwsSimulator(options);
}

describe('when a failure is armed', () => {
  it('answers the next matching request with the status and body, once', async () => {
    const agent = await online();
    sim.failNext({ path: '/voice/ready', status: 500, body: 'boom' });
    const failed = await agent.voice('/voice/ready');
    expect([failed.status, failed.text]).toEqual([500, 'boom']);
    expect((await agent.voice('/voice/ready')).status).toBe(200);
  });

  it('accepts and then sends EventError instead of acting', async () => {
    const agent = await online();
    const callId = sim.ring('JohnSmith');
    sim.failNext({ path: '/voice/calls/*/answer', eventError: { errorCode: 56, errorMessage: 'No answer possible' } });
    expect((await agent.voice(`/voice/calls/${callId}/answer`)).json).toMatchObject({ status: { code: 1 } });
    expect((await agent.nextOfType('EventError')).data['error']).toEqual({ errorCode: 56, errorMessage: 'No answer possible' });
    expect(sim.calls('JohnSmith')).toEqual([expect.objectContaining({ state: 'Ringing' })]);
  });

  it('never answers a hung request', async () => {
    const agent = await online();
    sim.failNext({ path: '/voice/not-ready', hang: true });
    await expect(agent.rest('POST', '/workspace/v3/voice/not-ready', {}, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/aborted|timeout/i);
    expect((await agent.voice('/voice/not-ready')).status).toBe(200);
  });
});

describe('when the CometD sessions are dropped', () => {
  it("tells the agent's next connect 402::session_unknown and leaves other agents alone", async () => {
    const john = await online('JohnSmith');
    const kate = await online('KateLondon');
    sim.dropCometdSessions('JohnSmith');
    await expect.poll(() => john.metaFailures.map((m) => m.error), { timeout: 3000 }).toContain('402::session_unknown');
    const callId = sim.ring('KateLondon');
    await kate.nextCall({ id: callId, state: 'Ringing' });
    expect(kate.metaFailures).toEqual([]);
  });
});
