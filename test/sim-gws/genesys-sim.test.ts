// Our GWS simulator in 'genesys-sim' mode: the quirks of Genesys' Agent API Simulator (gws-protocol.md §7).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { GwsTestAgent } from './support/gws-client';

const KATE_DN = '+33298025000';
let sim: GwsSimulator;
const agents: GwsTestAgent[] = [];

beforeEach(async () => {
  sim = await startGwsSimulator({ mode: 'genesys-sim', initialDnDelayMs: 60, activeSessionDelayMs: 120, dialAnswerMs: 100 });
});

afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.disconnect()));
  await sim.close();
});

/** Signed in through the sign-in form, CometD connected, the agent's activeSession there. */
async function online(userName = 'JohnSmith'): Promise<GwsTestAgent> {
  const agent = new GwsTestAgent(sim.url);
  agents.push(agent);
  await agent.signIn(userName, userName, 'simulator');
  await agent.connect();
  await agent.nextOfType('WorkspaceInitializationComplete');
  await agent.nextDn('Ready');
  await expect.poll(async () => (await agent.rest('GET', '/workspace/v3/current-session')).status).toBe(200);
  return agent;
}

describe('when signing in', () => {
  it('redirects good credentials to /workspace/v3/start with a 4-hex code, bad ones to the error page', async () => {
    const agent = new GwsTestAgent(sim.url);
    const good = await agent.rest('POST', '/auth/v3/sign-in', { username: 'JohnSmith', password: 'JohnSmith', tenant: '' }, { form: true });
    expect(good.status).toBe(302);
    expect(good.headers.get('location')).toMatch(/\/workspace\/v3\/start\?code=[0-9a-f]{4}&redirect_uri=/);
    const bad = await agent.rest('POST', '/auth/v3/sign-in', { username: 'JohnSmith', password: 'nope' });
    expect([bad.status, bad.headers.get('location')]).toEqual([302, `${sim.url}/auth/sign-in.html?error&type=workspace`]);
  });

  it('sets WWE_CODE, not WORKSPACE_SESSIONID', async () => {
    const agent = new GwsTestAgent(sim.url);
    await agent.signIn('KateLondon', 'KateLondon', 'simulator');
    expect(Object.keys(agent.cookies)).toEqual(['WWE_CODE']);
    expect(agent.cookies['WWE_CODE']).toMatch(/^[0-9a-f]{4}$/);
  });

  it('gives a token for any password, which the workspace ignores', async () => {
    const agent = new GwsTestAgent(sim.url);
    const token = await agent.rest('POST', '/auth/v3/oauth/token', { grant_type: 'password', username: 'JohnSmith', password: 'wrong' }, { form: true });
    expect(token.json).toMatchObject({ expires_in: 1800, user: { cmeUserName: 'JohnSmith' } });
    const init = await agent.rest('POST', '/workspace/v3/initialize-workspace', undefined, { headers: { Authorization: `Bearer ${String(token.json?.['access_token'])}` } });
    expect([init.status, agent.cookies['WWE_CODE']]).toEqual([200, 'undefined']);
  });

  it('never answers a token request of another grant type', async () => {
    const agent = new GwsTestAgent(sim.url);
    const refresh = agent.rest('POST', '/auth/v3/oauth/token', { grant_type: 'refresh_token', refresh_token: 'x' }, { form: true, signal: AbortSignal.timeout(300) });
    await expect(refresh).rejects.toThrow(/aborted|timeout/i);
  });
});

describe('before the agent has a session', () => {
  it('accepts a voice request without a cookie with 200 and does nothing', async () => {
    const stranger = new GwsTestAgent(sim.url);
    const ready = await stranger.voice('/voice/ready');
    expect([ready.status, ready.json?.['status']]).toEqual([200, { code: 1 }]);
  });

  it('accepts a handshake without a valid code, then disconnects that session itself', async () => {
    const stranger = new GwsTestAgent(sim.url);
    agents.push(stranger);
    stranger.cookies['WWE_CODE'] = 'beef';
    const outcome = await stranger.connect().then(() => 'subscribed', (error: Error) => error.message);
    expect(outcome).not.toMatch(/handshake refused/);
    expect(stranger.metaFailures.filter((m) => m.channel === '/meta/handshake')).toEqual([]);
    await expect.poll(() => stranger.connected).toBe(false);
  });

  it('answers current-session 403 until the activeSession exists', async () => {
    // Delays long enough that a loaded machine still asks before the activeSession exists.
    await sim.close();
    sim = await startGwsSimulator({ mode: 'genesys-sim', initialDnDelayMs: 600, activeSessionDelayMs: 1200 });
    const agent = new GwsTestAgent(sim.url);
    agents.push(agent);
    await agent.signIn('JohnSmith', 'JohnSmith', 'simulator');
    await agent.connect();
    expect((await agent.rest('GET', '/workspace/v3/current-session')).status).toBe(403);
    const dn = await agent.nextDn();
    expect(dn).toMatchObject({ agentState: 'Ready', agentWorkMode: 'Unknown', capabilities: ['ready', 'not-ready', 'dnd-on', 'set-forward', 'start-monitoring'] });
    await agent.nextOfType('ChannelStateChanged');
    expect((await agent.rest('GET', '/workspace/v3/current-session')).status).toBe(200);
  });

  it('answers activate-channels with the four channels and changes nothing', async () => {
    const agent = await online();
    const activate = await agent.voice('/activate-channels', { agentId: '+33298025003', placeName: 'Place_JohnSmith' });
    expect(activate.json).toEqual({ status: { code: 0 }, data: { channels: ['voice', 'email', 'workitem', 'outboundpreview'] } });
  });
});

describe('when an inbound call rings', () => {
  it('has no ani, carries the three default KVs, and is never completed for the agent', async () => {
    const agent = await online();
    const callId = sim.ring('JohnSmith', { ani: '+33175001234' });
    const ringing = await agent.nextCall({ id: callId, state: 'Ringing' });
    expect(ringing.ani).toBeUndefined();
    expect(ringing).toMatchObject({ phoneNumber: '+33175001234', participants: [{ number: '+33175001234', role: 'RoleOrigination' }] });
    expect(ringing.userData.map((kv) => kv.key)).toEqual(['Segment', 'Priority', 'CallType']);
    expect(ringing.capabilities).not.toContain('release');
    await agent.voice(`/voice/calls/${callId}/answer`);
    await agent.nextCall({ id: callId, state: 'Established' });
    await agent.voice(`/voice/calls/${callId}/release`);
    await agent.nextCall({ id: callId, state: 'Released' });
    expect(sim.calls('JohnSmith')).toEqual([expect.objectContaining({ id: callId, state: 'Released' })]);
    await agent.voice(`/voice/calls/${callId}/complete`, undefined, 'op-complete');
    expect(await agent.nextCall({ id: callId })).toMatchObject({ state: 'Completed', operationId: 'op-complete' });
  });

  it('answers an unknown call id with a plain-text 500', async () => {
    const agent = await online();
    const answer = await agent.voice('/voice/calls/doesnotexist/answer');
    expect([answer.status, answer.text]).toEqual([500, 'Call with doesnotexist id does not exist for JohnSmith']);
  });

  it('answers 501 for initiate-conference, alternate, reconnect, redirect and clear', async () => {
    const agent = await online();
    const callId = sim.ring('JohnSmith');
    for (const request of ['initiate-conference', 'alternate', 'reconnect', 'redirect', 'clear']) {
      const answer = await agent.voice(`/voice/calls/${callId}/${request}`, { destination: '+100' });
      expect([request, answer.status, answer.text]).toEqual([request, 501, 'Not Implemented']);
    }
  });

  it('reaches every CometD session of the user', async () => {
    const first = await online();
    const second = new GwsTestAgent(sim.url);
    agents.push(second);
    second.cookies['WWE_CODE'] = first.cookies['WWE_CODE'] ?? '';
    await second.connect();
    const callId = sim.ring('JohnSmith');
    await first.nextCall({ id: callId, state: 'Ringing' });
    await second.nextCall({ id: callId, state: 'Ringing' });
  });
});

describe('when John transfers to Kate', () => {
  it('never answers complete-transfer, gives Kate the same id without previousConnId, and leaves John a ghost', async () => {
    const [john, kate] = await Promise.all([online('JohnSmith'), online('KateLondon')]);
    const parent = sim.ring('JohnSmith');
    await john.voice(`/voice/calls/${parent}/answer`);
    await john.nextCall({ id: parent, state: 'Established' });
    await john.voice(`/voice/calls/${parent}/initiate-transfer`, { destination: KATE_DN });
    await john.nextCall({ id: parent, state: 'Held' });
    const consult = await kate.nextCall({ state: 'Ringing' });
    await john.nextCall({ id: consult.id, state: 'Dialing' });
    await kate.voice(`/voice/calls/${consult.id}/answer`);
    await kate.nextCall({ id: consult.id, state: 'Established' });
    const complete = john.rest('POST', `/workspace/v3/voice/calls/${consult.id}/complete-transfer`, { data: { parentConnId: parent } }, { signal: AbortSignal.timeout(500) });
    await john.nextCall({ id: parent, state: 'Released' });
    await kate.nextCall({ id: consult.id, state: 'Completed' });
    const transferred = await kate.nextCall({ id: parent, state: 'Established' });
    expect(transferred.previousConnId).toBeUndefined();
    await john.nextCall({ id: consult.id, state: 'Completed' });
    await expect(complete).rejects.toThrow(/aborted|timeout/i);
    expect(sim.calls('JohnSmith')).toEqual([expect.objectContaining({ id: parent, state: 'Established' })]);
  });
});

describe('when John conferences Kate in', () => {
  it('needs a seventh attached-data entry, then never answers complete-conference and lists [caller, John] on both sides', async () => {
    const [john, kate] = await Promise.all([online('JohnSmith'), online('KateLondon')]);
    const consultOf = async (parent: string): Promise<string> => {
      await john.voice(`/voice/calls/${parent}/answer`);
      await john.voice(`/voice/calls/${parent}/initiate-transfer`, { destination: KATE_DN });
      const consult = await kate.nextCall({ state: 'Ringing', notificationType: 'StateChange' });
      await kate.voice(`/voice/calls/${consult.id}/answer`);
      await kate.nextCall({ id: consult.id, state: 'Established' });
      return consult.id;
    };
    const plain = sim.ring('JohnSmith', { ani: '+33647001' });
    const refused = await john.voice(`/voice/calls/${await consultOf(plain)}/complete-conference`, { parentConnId: plain });
    expect(refused.status).toBe(500);
    const pad = Array.from({ length: 4 }, (_, i) => ({ key: `Pad${i}`, type: 'str', value: String(i) }));
    const parent = sim.ring('JohnSmith', { ani: '+33647001', userData: pad });
    const consult = await consultOf(parent);
    kate.drain();
    const complete = john.rest('POST', `/workspace/v3/voice/calls/${consult}/complete-conference`, { data: { parentConnId: parent } }, { signal: AbortSignal.timeout(500) });
    const conference = await kate.nextCall({ id: parent, state: 'Established' });
    expect(conference.participants).toEqual([{ number: '+33647001', role: 'RoleOrigination' }, { number: '+33298025003', role: 'RoleDestination' }]);
    await expect(complete).rejects.toThrow(/aborted|timeout/i);
  });
});

describe('when John transfers to Kate in a single step', () => {
  it('tells John Released twice and never Completed, and rings Kate on the same id', async () => {
    const [john, kate] = await Promise.all([online('JohnSmith'), online('KateLondon')]);
    const callId = sim.ring('JohnSmith');
    await john.voice(`/voice/calls/${callId}/answer`);
    await john.nextCall({ id: callId, state: 'Established' });
    await john.voice(`/voice/calls/${callId}/single-step-transfer`, { destination: KATE_DN });
    await john.nextCall({ id: callId, state: 'Released' });
    await kate.nextCall({ id: callId, state: 'Ringing' });
    await john.nextCall({ id: callId, state: 'Released' });
    expect(sim.calls('JohnSmith')).toEqual([expect.objectContaining({ id: callId, state: 'Released' })]);
  });
});

describe('when the outside party is dialled', () => {
  it('answers after dialAnswerMs even for a number ending in 486', async () => {
    const agent = await online();
    await agent.voice('/voice/make-call', { destination: '+14155550486' });
    const dialing = await agent.nextCall({ state: 'Dialing' });
    expect(dialing.phoneNumber).toBe('+33298025003');
    await agent.nextCall({ id: dialing.id, state: 'Established' });
  });
});

describe('when the workspace session ends', () => {
  it('forgets the code and the DN state', async () => {
    const agent = await online();
    await agent.voice('/voice/not-ready', { agentWorkMode: 'AfterCallWork', reasonCode: 'Break' });
    await agent.nextDn('NotReady');
    const logout = await agent.rest('POST', `/workspace/v3/logout?redirect_uri=${encodeURIComponent('http://localhost/')}`);
    expect([logout.status, logout.headers.get('location')]).toEqual([302, 'http://localhost/']);
    expect((await agent.rest('GET', '/workspace/v3/current-session')).status).toBe(403);
    const again = await online();
    expect(((await again.rest('GET', '/workspace/v3/current-session')).json?.['data'] as { user: { activeSession: { dn: unknown } } }).user.activeSession.dn).toMatchObject({ agentState: 'Ready', agentWorkMode: 'Unknown' });
  });
});
