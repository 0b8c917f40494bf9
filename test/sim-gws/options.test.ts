// The simulator's options that change GWS behaviour, agents isolated from each other, and hostile input.
import { afterEach, describe, expect, it } from 'vitest';
import { startGwsSimulator, type GwsSimOptions, type GwsSimulator } from '../../src/sim/gws';
import { GwsTestAgent, onlineAgent } from './support/gws-client';

let sim: GwsSimulator | undefined;
const agents: GwsTestAgent[] = [];

async function start(options: GwsSimOptions): Promise<GwsSimulator> {
  sim = await startGwsSimulator(options);
  return sim;
}

async function online(s: GwsSimulator, userName = 'JohnSmith'): Promise<GwsTestAgent> {
  const agent = await onlineAgent(s.url, userName);
  agents.push(agent);
  return agent;
}

afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.disconnect()));
  await sim?.close();
  sim = undefined;
});

describe('when autoCompleteCall is off', () => {
  it('leaves a released call in current-session until complete', async () => {
    const s = await start({});
    const agent = new GwsTestAgent(s.url);
    agents.push(agent);
    await agent.signIn('JohnSmith');
    await agent.connect();
    await agent.nextOfType('WorkspaceInitializationComplete');
    await agent.voice('/activate-channels', { agentId: '+33298025003', autoCompleteCall: false });
    const callId = s.ring('JohnSmith');
    await agent.voice(`/voice/calls/${callId}/release`);
    await agent.nextCall({ id: callId, state: 'Released' });
    expect(s.calls('JohnSmith')).toEqual([expect.objectContaining({ id: callId, state: 'Released', capabilities: expect.arrayContaining(['complete']) })]);
    await agent.voice(`/voice/calls/${callId}/complete`);
    await agent.nextCall({ id: callId, state: 'Completed' });
    expect(s.calls('JohnSmith')).toEqual([]);
  });
});

describe('when release is not offered on a ringing call', () => {
  it('leaves release out of the capabilities and refuses it with 400', async () => {
    const s = await start({ releaseOnRinging: false });
    const agent = await online(s);
    const callId = s.ring('JohnSmith');
    const ringing = await agent.nextCall({ id: callId, state: 'Ringing' });
    expect(ringing.capabilities).not.toContain('release');
    expect((await agent.voice(`/voice/calls/${callId}/release`)).status).toBe(400);
  });
});

describe('when the agent starts Ready', () => {
  it('logs the DN in Ready on activate-channels', async () => {
    const s = await start({ initialAgentState: 'Ready' });
    const agent = await online(s);
    expect(await agent.nextDn()).toMatchObject({ agentState: 'Ready', agentWorkMode: 'ManualIn', available: true });
  });
});

describe('when an API key is required', () => {
  it('refuses REST and CometD without x-api-key with 403', async () => {
    const s = await start({ apiKey: 'k-123' });
    const agent = new GwsTestAgent(s.url);
    await expect(agent.signIn('JohnSmith')).rejects.toThrow(/token refused: 403/);
    const notifications = await fetch(`${s.url}/workspace/v3/notifications`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[{"channel":"/meta/handshake"}]' });
    expect(notifications.status).toBe(403);
    const token = await agent.rest('POST', '/auth/v3/oauth/token', { grant_type: 'password', username: 'JohnSmith', password: 'JohnSmith' }, { form: true, headers: { 'x-api-key': 'k-123', Authorization: `Basic ${Buffer.from('external_api_client:secret').toString('base64')}` } });
    expect(token.status).toBe(200);
  });
});

describe('when two agents are online', () => {
  it('gives each only its own calls and DN events', async () => {
    const s = await start({});
    const [john, kate] = await Promise.all([online(s, 'JohnSmith'), online(s, 'KateLondon')]);
    await Promise.all([john.nextDn(), kate.nextDn()]);
    john.drain();
    kate.drain();
    const johnsCall = s.ring('JohnSmith');
    await john.voice('/voice/ready');
    await john.nextCall({ id: johnsCall, state: 'Ringing' });
    await john.nextDn('Ready');
    const katesCall = s.ring('KateLondon');
    await kate.nextCall({ id: katesCall, state: 'Ringing' });
    expect(kate.drain()).toEqual([]);
    expect(john.drain()).toEqual([]);
    expect(s.calls('KateLondon')).toEqual([expect.objectContaining({ id: katesCall })]);
  });
});

describe('when the input is hostile', () => {
  it('answers malformed ids, bodies and paths with errors and keeps serving', async () => {
    const s = await start({ mode: 'genesys-sim', initialDnDelayMs: 10, activeSessionDelayMs: 20 });
    const agent = new GwsTestAgent(s.url);
    agents.push(agent);
    await agent.signIn('JohnSmith', 'JohnSmith', 'simulator');
    await agent.connect();
    await expect.poll(async () => (await agent.rest('GET', '/workspace/v3/current-session')).status).toBe(200);
    const badId = await agent.voice('/voice/calls/%E0%A4%A/answer');
    expect(badId.status).toBe(500);
    const reflected = await agent.rest('POST', '/workspace/v3/voice/%3Cscript%3E');
    expect(reflected.status).toBe(404);
    expect(reflected.text).not.toContain('<script>');
    const notJson = await fetch(`${s.url}/workspace/v3/voice/ready`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    const huge = await fetch(`${s.url}/workspace/v3/voice/ready`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { pad: 'x'.repeat(70_000) } }) });
    expect(huge.status).toBe(400);
    expect((await agent.voice('/voice/ready')).status).toBe(200);
  });
});
