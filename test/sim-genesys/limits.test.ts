// @vitest-environment node
/** The simulator cannot be made to hold unbounded agents or sockets (issue 24, item 5). */
import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimOptions, type SimulatorHandle } from '../../src/sim/genesys';
import { command, connectAgent, pause, scenario, type FrameClient } from './client';

let sim: SimulatorHandle | undefined;
const clients: FrameClient[] = [];

async function start(options: SimOptions): Promise<SimulatorHandle> {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined, ...options });
  return sim;
}

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await sim?.close();
  sim = undefined;
});

/** An upgrade the simulator refuses: its HTTP status and JSON body. */
function refusedUpgrade(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('error', () => undefined);
    socket.on('open', () => {
      socket.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    socket.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += String(chunk)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
  });
}

const agentIds = (handle: SimulatorHandle): string[] => handle.state().agents.map((agent) => agent.id);

describe('when agents reach the cap', () => {
  it('refuses a new agent with 429 SIM_AGENT_LIMIT and keeps serving the known ones', async () => {
    const handle = await start({ maxAgents: 3 });
    for (const id of ['a1', 'a2', 'a3']) expect((await command(handle, { type: 'initialize', agentId: id })).status).toBe(200);
    const refused = await command(handle, { type: 'initialize', agentId: 'a4' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: 'Error', code: 'SIM_AGENT_LIMIT' });
    expect(agentIds(handle)).toEqual(['a1', 'a2', 'a3']);
    expect((await command(handle, { type: 'Ready', agentId: 'a2' })).status).toBe(200);
    expect((await scenario(handle, 'ring', { agent: 'a5' })).body).toMatchObject({ code: 'SIM_AGENT_LIMIT' });
    expect((await refusedUpgrade(`${handle.wsUrl}?agent=a6`)).body).toMatchObject({ code: 'SIM_AGENT_LIMIT' });
    expect(agentIds(handle)).toEqual(['a1', 'a2', 'a3']);
  });

  it('refuses an agent id longer than 256 characters with 400 SIM_AGENT_ID_TOO_LONG', async () => {
    const handle = await start({});
    const long = 'x'.repeat(2048);
    const refused = await command(handle, { type: 'initialize', agentId: long });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'SIM_AGENT_ID_TOO_LONG' });
    const upgrade = await refusedUpgrade(`${handle.wsUrl}?agent=${long}`);
    expect(upgrade.status).toBe(400);
    expect(upgrade.body).toMatchObject({ code: 'SIM_AGENT_ID_TOO_LONG' });
    expect(agentIds(handle)).toEqual([]);
  });

  it('2,000 distinct initialize POSTs leave at most the cap in /sim/state', async () => {
    const handle = await start({ maxAgents: 50 });
    const answers: Awaited<ReturnType<typeof command>>[] = [];
    // In batches: 2,000 connections at once would test the machine's TCP backlog, not the cap.
    for (let batch = 0; batch < 2000; batch += 100) {
      answers.push(...(await Promise.all(Array.from({ length: 100 }, (_, i) => command(handle, { type: 'initialize', agentId: `agent-${batch + i}-${'y'.repeat(200)}` })))));
    }
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(50);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(1950);
    expect(handle.state().agents).toHaveLength(50);
  });
});

describe('when sockets reach the cap', () => {
  it('refuses a socket past the per-agent cap with 429 SIM_AGENT_SOCKET_LIMIT', async () => {
    const handle = await start({ maxSocketsPerAgent: 2 });
    clients.push(await connectAgent(handle, 'tabs'), await connectAgent(handle, 'tabs'));
    const refused = await refusedUpgrade(`${handle.wsUrl}?agent=tabs`);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: 'Error', code: 'SIM_AGENT_SOCKET_LIMIT' });
    clients.push(await connectAgent(handle, 'other'));
    expect(handle.state().agents.find((agent) => agent.id === 'tabs')?.sockets).toBe(2);
  });

  it('refuses a socket past the total cap with 429 SIM_SOCKET_LIMIT, and accepts again once one closes', async () => {
    const handle = await start({ maxSockets: 3 });
    for (const id of ['s1', 's2', 's3']) clients.push(await connectAgent(handle, id));
    expect((await refusedUpgrade(`${handle.wsUrl}?agent=s4`)).body).toMatchObject({ code: 'SIM_SOCKET_LIMIT' });
    await clients.shift()?.close();
    await pause(50);
    clients.push(await connectAgent(handle, 's4'));
    expect(handle.state().agents.filter((agent) => agent.connected).map((agent) => agent.id)).toEqual(['s2', 's3', 's4']);
  });
});

describe('when an agent has no socket for a while', () => {
  it('is forgotten with its calls, while an agent with a socket stays', async () => {
    const handle = await start({ agentIdleMs: 200 });
    clients.push(await connectAgent(handle, 'present'));
    expect((await command(handle, { type: 'initialize', agentId: 'absent' })).status).toBe(200);
    expect((await scenario(handle, 'ring', { agent: 'absent' })).status).toBe(200);
    await pause(700);
    expect(agentIds(handle)).toEqual(['present']);
    expect(handle.state().calls.filter((call) => call.agent === 'absent')).toEqual([]);
    await clients.shift()?.close();
    await pause(700);
    expect(agentIds(handle)).toEqual([]);
  });

  it('frees its place under the agent cap', async () => {
    const handle = await start({ maxAgents: 1, agentIdleMs: 150 });
    expect((await command(handle, { type: 'initialize', agentId: 'first' })).status).toBe(200);
    expect((await command(handle, { type: 'initialize', agentId: 'second' })).status).toBe(429);
    await pause(500);
    expect((await command(handle, { type: 'initialize', agentId: 'second' })).status).toBe(200);
  });
});

describe('npm run sim --help', () => {
  it('prints the usage to stdout and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sim/genesys/cli.ts', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('usage: npm run sim');
    expect(stdout).toContain('--max-agents');
  }, 20_000);
});
