// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { command, connectAgent, pause, scenario, type FrameClient } from './client';

let sim: SimulatorHandle;
const clients: FrameClient[] = [];

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined, dialDelayMs: 20 });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await scenario(sim, 'reset');
});
afterAll(() => sim.close());

async function agent(id?: string): Promise<FrameClient> {
  const client = await connectAgent(sim, id);
  clients.push(client);
  return client;
}

const callOf = (id: string) => sim.state().calls.find((call) => call.connectionId === id);

describe('agents', () => {
  it('initialize → EventRegistered then the current state, with ThisDN from dn', async () => {
    const alice = await agent('alice');
    expect((await command(sim, { type: 'initialize', agentId: 'alice', dn: '7001' })).body).toMatchObject({ status: 'Success' });
    expect(await alice.next('EventRegistered')).toMatchObject({ ThisDN: '7001', AgentID: 'alice' });
    await alice.next('EventAgentReady');
    await command(sim, { type: 'NotReady', agentId: 'alice', reason: 'Training' });
    expect(await alice.next('EventAgentNotReady')).toMatchObject({ reason: 'Training' });
    await command(sim, { type: 'initialize', agentId: 'alice' });
    await alice.next('EventRegistered');
    expect(await alice.next('EventAgentNotReady')).toMatchObject({ reason: 'Training' });
    expect(alice.drain()).toEqual([]);
  });

  it('matches type case-insensitively, Register included', async () => {
    const bob = await agent('bob');
    for (const type of ['REGISTER', 'ready', 'NOTREADY', 'Ready', 'logOUT']) {
      expect((await command(sim, { type, agentId: 'bob' })).status).toBe(200);
    }
    expect(bob.drain().map((frame) => frame.eventName)).toEqual([
      'EventRegistered',
      'EventAgentReady',
      'EventAgentReady',
      'EventAgentNotReady',
      'EventAgentReady',
      'EventAgentLogout',
    ]);
  });

  it('keeps many agents isolated', async () => {
    const ids = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const sockets = await Promise.all(ids.map((id) => agent(id)));
    await Promise.all(ids.map((id) => command(sim, { type: 'initialize', agentId: id })));
    for (const socket of sockets) {
      await socket.next('EventAgentReady');
      socket.drain();
    }
    const rung = await Promise.all(ids.map((id) => scenario(sim, 'ring', { agent: id, ani: `+1${id}` })));
    for (const [index, socket] of sockets.entries()) {
      const ringing = await socket.next('EventRinging');
      expect(ringing).toMatchObject({ ANI: `+1${ids[index]}`, connectionId: rung[index]!.body['connectionId'] });
    }
    await command(sim, { type: 'NotReady', agentId: 'a3' });
    await pause(30);
    for (const [index, socket] of sockets.entries()) {
      const names = socket.drain().map((frame) => frame.eventName);
      expect(names).toEqual(ids[index] === 'a3' ? ['EventAgentNotReady'] : []);
    }
    expect(sim.state().agents.filter((item) => item.connected).map((item) => item.id)).toEqual(ids);
  });

  it('uses agent "default" when neither socket nor body names one', async () => {
    const anon = await agent();
    await command(sim, { type: 'initialize' });
    await anon.next('EventRegistered');
    expect(sim.state().agents.map((item) => item.id)).toEqual(['default']);
  });
});

describe('calls', () => {
  it('inbound: ring → accept → hold → retrieve → hangup, every frame carrying the call fields', async () => {
    const carol = await agent('carol');
    const { connectionId, eventId } = (await scenario(sim, 'ring', { ani: '+15550001', queue: 'VIP' })).body as Record<string, string>;
    expect(connectionId).toMatch(/^[0-9a-f]{16}$/);
    const call = { agentId: 'carol', connectionId: connectionId! };
    expect(await carol.next('EventRinging')).toMatchObject({ connectionId, eventId, ANI: '+15550001', direction: 'inbound', queueName: 'VIP', CallType: 'Inbound' });
    await command(sim, { type: 'accept', ...call });
    await command(sim, { type: 'hold', ...call });
    expect(callOf(connectionId!)?.status).toBe('held');
    await command(sim, { type: 'retrieve', ...call });
    await command(sim, { type: 'hangup', ...call });
    const frames = carol.drain();
    expect(frames.map((frame) => frame.eventName)).toEqual(['EventEstablished', 'EventHeld', 'EventRetrieved', 'EventReleased']);
    for (const frame of frames) expect(frame).toMatchObject({ connectionId, eventId, ANI: '+15550001', direction: 'inbound' });
    expect(frames.at(-1)).toMatchObject({ CallState: 'Ok' });
    expect(callOf(connectionId!)).toMatchObject({ status: 'released', callState: 'Ok' });
  });

  it('outbound: makeCall accepts number or toNumber, dials then establishes; busy numbers fail', async () => {
    const dave = await agent('dave');
    const made = await command(sim, { type: 'makeCall', agentId: 'dave', number: '+15557770000', eventId: 'u-1' });
    expect(made.body).toMatchObject({ status: 'Success', eventId: 'u-1' });
    expect(await dave.next('EventDialing')).toMatchObject({ eventId: 'u-1', toNumber: '+15557770000', direction: 'outbound' });
    expect(await dave.next('EventEstablished')).toMatchObject({ connectionId: made.body['connectionId'], eventId: 'u-1' });
    await command(sim, { type: 'MakeCall', agentId: 'dave', toNumber: '+44200000486' });
    const dialing = await dave.next('EventDialing');
    expect(dialing).not.toHaveProperty('eventId');
    await dave.next('EventDestinationBusy');
    expect(await dave.next('EventReleased')).toMatchObject({ connectionId: dialing['connectionId'], CallState: 'Busy' });
  });

  it('configurable dial delay and busy list; remote answer and caller hang-up while dialing', async () => {
    const erin = await agent('erin');
    await scenario(sim, 'config', { dialDelayMs: 10_000, busyNumbers: ['+100'] });
    expect(sim.state().config).toEqual({ mode: 'full', dialDelayMs: 10_000, consultDelayMs: 20, busyNumbers: ['+100'], snapshot: 'on' });
    const first = (await command(sim, { type: 'MakeCall', agentId: 'erin', toNumber: '+200' })).body['connectionId'] as string;
    await scenario(sim, 'remoteAnswer', { connectionId: first });
    expect(await erin.next('EventEstablished')).toMatchObject({ connectionId: first });
    const second = (await command(sim, { type: 'MakeCall', agentId: 'erin', toNumber: '+300' })).body['connectionId'] as string;
    await scenario(sim, 'callerHangup', { connectionId: second });
    expect(await erin.next('EventReleased')).toMatchObject({ connectionId: second, CallState: 'NoAnswer' });
    expect((await scenario(sim, 'remoteAnswer', { connectionId: second })).status).toBe(409);
    await scenario(sim, 'config', { dialDelayMs: 0 });
    await command(sim, { type: 'MakeCall', agentId: 'erin', toNumber: '+100' });
    await erin.next('EventDestinationBusy');
  });

  it('softphone answer and hang-up, caller abandon', async () => {
    const fay = await agent('fay');
    const one = (await scenario(sim, 'ring', { agent: 'fay' })).body['connectionId'] as string;
    await scenario(sim, 'softphoneAnswer', { connectionId: one });
    await scenario(sim, 'softphoneHangup', { connectionId: one });
    const two = (await scenario(sim, 'ring', { agent: 'fay' })).body['connectionId'] as string;
    await scenario(sim, 'callerHangup', { connectionId: two });
    expect(fay.drain().map((frame) => `${frame.eventName}${frame['CallState'] ? `:${String(frame['CallState'])}` : ''}`)).toEqual([
      'EventRinging',
      'EventEstablished',
      'EventReleased:Ok',
      'EventRinging',
      'EventAbandoned',
      'EventReleased:Abandoned',
    ]);
    expect((await scenario(sim, 'softphoneAnswer', { connectionId: two })).status).toBe(409);
    expect((await scenario(sim, 'softphoneAnswer', { connectionId: 'nope' })).status).toBe(404);
  });

  it("the public mock's ring command rings the last-connected agent", async () => {
    await agent('older');
    const latest = await agent('latest');
    const answer = await command(sim, { type: 'ring', ANI: '+15559990000', eventId: 'mock-e', connectionId: 'mock-c', queueName: 'Q1' });
    expect(answer.body).toMatchObject({ status: 'Success', connectionId: 'mock-c', eventId: 'mock-e' });
    expect(await latest.next('EventRinging')).toMatchObject({ ANI: '+15559990000', eventId: 'mock-e', connectionId: 'mock-c', queueName: 'Q1' });
  });
});

describe('queued events', () => {
  it('are delivered in order after the next initialize, Registered first and agent state last', async () => {
    const gus = await agent('gus');
    await command(sim, { type: 'initialize', agentId: 'gus' });
    await gus.next('EventAgentReady');
    const { connectionId } = (await scenario(sim, 'ring', { agent: 'gus' })).body as { connectionId: string };
    await gus.next('EventRinging');
    await scenario(sim, 'dropSocket', { agent: 'gus' });
    await expect.poll(() => sim.state().agents.find((item) => item.id === 'gus')?.connected).toBe(false);
    await scenario(sim, 'callerHangup', { connectionId });
    await command(sim, { type: 'NotReady', agentId: 'gus', reason: 'Away' });
    expect(sim.state().agents.find((item) => item.id === 'gus')?.queued).toBe(3);

    const again = await agent('gus');
    // Connected but not initialized: the backlog waits, and so does anything newer.
    await scenario(sim, 'ring', { agent: 'gus', connectionId: 'bbbbbbbbbbbbbbbb' });
    await pause(30);
    expect(again.frames).toEqual([]);
    await command(sim, { type: 'initialize', agentId: 'gus' });
    await expect.poll(() => again.frames.length).toBe(6);
    expect(again.frames.map((frame) => frame.eventName)).toEqual([
      'EventRegistered',
      'EventAbandoned',
      'EventReleased',
      'EventAgentNotReady',
      'EventRinging',
      'EventAgentNotReady',
    ]);
    expect(again.frames[2]).toMatchObject({ connectionId, CallState: 'Abandoned' });
    expect(again.frames[5]).toMatchObject({ reason: 'Away' });
  });

  it('are bounded at 500, dropping the oldest', async () => {
    await command(sim, { type: 'initialize', agentId: 'offline' });
    for (let i = 0; i < 520; i += 1) await command(sim, { type: i % 2 ? 'Ready' : 'NotReady', agentId: 'offline' });
    expect(sim.state().agents.find((item) => item.id === 'offline')?.queued).toBe(500);
  });
});

describe('scenario controls', () => {
  it('failNext: status, delay, any-command default, per agent, consumed once', async () => {
    await agent('hal');
    await scenario(sim, 'failNext', { command: 'ready', status: 502, message: 'gateway' });
    const failed = await command(sim, { type: 'Ready', agentId: 'hal' });
    expect(failed).toMatchObject({ status: 502, body: { status: 'Error', message: 'gateway' } });
    expect((await command(sim, { type: 'Ready', agentId: 'hal' })).status).toBe(200);
    await scenario(sim, 'failNext', { agent: 'someone-else' });
    expect((await command(sim, { type: 'Ready', agentId: 'hal' })).status).toBe(200);
    expect((await command(sim, { type: 'Logout', agentId: 'someone-else' })).status).toBe(500);
    await scenario(sim, 'failNext', { agent: 'hal', delayMs: 80 });
    const started = Date.now();
    expect((await command(sim, { type: 'Ready', agentId: 'hal' })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  });

  it('failNext noAnswer holds the response until the client gives up', async () => {
    await scenario(sim, 'failNext', { agent: 'ivy', command: 'accept', noAnswer: true });
    const controller = new AbortController();
    const pending = fetch(sim.restUrl, { method: 'POST', body: JSON.stringify({ type: 'Accept', agentId: 'ivy', connectionId: 'x' }), signal: controller.signal });
    await pause(100);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('event pushes raw frames; 409 when the agent has no socket', async () => {
    const jan = await agent('jan');
    await scenario(sim, 'event', { agent: 'jan', frame: { eventName: 'EventLinkDisconnected' } });
    await jan.next('EventLinkDisconnected');
    expect((await scenario(sim, 'event', { agent: 'nobody', frame: '{}' })).status).toBe(409);
  });

  it('restart closes sockets, drops new connections while down (as a stopped process), keeps state', async () => {
    const kim = await agent('kim');
    await command(sim, { type: 'initialize', agentId: 'kim' });
    const closed = new Promise<number>((resolve) => kim.socket.once('close', (code) => resolve(code)));
    await scenario(sim, 'restart', { downMs: 150 });
    expect(await closed).toBe(1012);
    expect(sim.state().down).toBe(true);
    await expect(connectAgent(sim, 'kim')).rejects.toThrow();
    await expect(command(sim, { type: 'Ready', agentId: 'kim' })).rejects.toThrow();
    await pause(170);
    await agent('kim');
    expect(sim.state().agents.find((item) => item.id === 'kim')).toMatchObject({ status: 'ready', registered: true, connected: true });
  });

  it('GET /sim/state and reset', async () => {
    await agent('lee');
    await scenario(sim, 'ring', { agent: 'lee' });
    const state = (await (await fetch(`${sim.url}/sim/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ status: 'Success', currentAgent: 'lee', down: false });
    expect(state['calls']).toEqual([expect.objectContaining({ agent: 'lee', status: 'ringing', direction: 'inbound' })]);
    await scenario(sim, 'reset');
    expect(sim.state().calls).toEqual([]);
    expect(sim.state().agents).toEqual([expect.objectContaining({ id: 'lee', connected: true, registered: false, queued: 0 })]);
  });
});
