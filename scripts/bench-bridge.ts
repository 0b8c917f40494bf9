/**
 * The bridge bench (issue 21): three processes besides this one's toolbars — the GWS simulator, the
 * bridge (real GWS side) and a bare relay (bench-bridge-relay.ts) — all on this machine.
 * - GWS notification → toolbar frame: the simulator publishes a ringing call (wall clock stamped
 *   just before) → the frame arrives on a toolbar socket here; through the bridge and through the
 *   bare relay, interleaved in the same run.
 * - Toolbar command → GWS request: POST /genesys/events sent here → the request arriving at the simulator.
 * - Memory per agent session: the bridge's heap after a GC, before and after more agents sign in.
 * - Agents per bridge process: N agents, one call each per minute, ring → frame p99 ≤ 50 ms.
 * With `instances: 2` (issue 22) the same figures with the agents spread over two bridge processes
 * (one session key, own instance ids) behind the failover test's sticky proxy, run in this process.
 * `tsx scripts/bench-bridge.ts [--quick] [--instances=2]` prints the figures as JSON; `npm run bench -- bridge` tabulates them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { stickyProxy, type StickyProxy } from '../test/bridge/support/sticky-proxy';
import { benchAgents } from './bench-bridge-agents';
import { summarize, type Summary } from './bench-stats';

const wall = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const RING_TIMEOUT_MS = 5_000;

/** A child process answering IPC requests in order, one queue per answer key. */
class Child {
  private readonly waiting = new Map<string, ((message: Record<string, unknown>) => void)[]>();
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: Record<string, unknown>) => {
      const key = Object.keys(message)[0] ?? '';
      this.waiting.get(key)?.shift()?.(message);
    });
  }

  static async start(script: string, args: string[]): Promise<{ child: Child; url: string }> {
    const process = fork(fileURLToPath(new URL(script, import.meta.url)), args, { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const child = new Child(process);
    const exited = new Promise<never>((_, reject) => process.once('exit', (code) => reject(new Error(`${script} exited (${code})`))));
    const ready = await Promise.race([child.ask<{ url: string }>(null, 'url'), exited]);
    return { child, url: ready.url };
  }

  ask<T>(message: object | null, key: string): Promise<T> {
    return new Promise((resolve) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push((reply) => resolve(reply as T));
      this.waiting.set(key, queue);
      if (message !== null) this.child.send(message);
    });
  }

  tell(message: object): void {
    this.child.send(message);
  }

  stop(): void {
    this.child.kill('SIGKILL');
  }
}

/** Where frames of rung calls arrive, by call id, and who waits for them. */
class Arrivals {
  private readonly at = new Map<string, number>();
  private readonly waiters = new Map<string, (at: number) => void>();

  arrived(callId: string): void {
    const now = wall();
    const waiter = this.waiters.get(callId);
    if (waiter) {
      this.waiters.delete(callId);
      waiter(now);
    } else this.at.set(callId, now);
  }

  wait(callId: string): Promise<number> {
    const seen = this.at.get(callId);
    if (seen !== undefined) {
      this.at.delete(callId);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(callId);
        resolve(Number.NaN);
      }, RING_TIMEOUT_MS);
      this.waiters.set(callId, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

const httpAgent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(base: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const req = request(`${base}${path}`, { method: 'POST', agent: httpAgent, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data === '' ? {} : (JSON.parse(data) as Record<string, unknown>) }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

function openSocket(url: string, onText: (text: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('message', (data) => onText(String(data)));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

interface BridgeAgent {
  userName: string;
  token: string;
  socket: WebSocket;
}

/** Signs one agent in through the bridge, opens its socket and registers, as a toolbar does. */
async function throughBridge(base: string, userName: string, arrivals: Arrivals): Promise<BridgeAgent> {
  const signed = await post(base, '/genesys/session', { username: userName, password: userName });
  if (signed.status !== 200) throw new Error(`sign-in of ${userName}: ${signed.status} ${JSON.stringify(signed.body)}`);
  const token = String(signed.body['token']);
  const ticket = await post(base, '/genesys/ticket', {}, token);
  const socket = await openSocket(`${base.replace(/^http/, 'ws')}/genesysWs?ticket=${String(ticket.body['ticket'])}`, (text) => {
    const frame = JSON.parse(text) as { eventName?: string; connectionId?: string };
    if (frame.eventName === 'EventRinging' && frame.connectionId) arrivals.arrived(frame.connectionId);
  });
  await post(base, '/genesys/events', { type: 'initialize' }, token);
  return { userName, token, socket };
}

async function inBatches<T, R>(items: readonly T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(run))));
  return out;
}

async function ringOnce(sim: Child, userName: string, arrivals: Arrivals): Promise<number> {
  const { callId, at } = await sim.ask<{ callId: string; at: number }>({ ring: userName }, 'callId');
  const arrived = await arrivals.wait(callId);
  sim.tell({ hangup: callId });
  return arrived - at;
}

export interface BridgeBenchResult {
  /** Bridge processes the agents are spread over (2: behind the sticky proxy); memory and CPU are their sums. */
  instances: number;
  /** Live bridge sessions on each instance at the end: the spread. */
  sessionsPerInstance: number[];
  notifyToFrame: { bridge: Summary; relay: Summary };
  commandToRequest: Summary;
  bytesPerSession: number;
  sessionsMeasured: number;
  budgetMs: number;
  maxAgents: number;
  steps: { agents: number; calls: number; ringToFrame: Summary; bridgeCpuPct: number; simCpuPct: number; timeouts: number }[];
}

export interface BridgeBenchOptions {
  rings?: number;
  commands?: number;
  memoryAgents?: number;
  steps?: number[];
  windowSec?: number;
  instances?: 1 | 2;
}

export async function bridgeBench(options: BridgeBenchOptions = {}): Promise<BridgeBenchResult> {
  const rings = options.rings ?? 400;
  const instances = options.instances ?? 1;
  const steps = options.steps ?? (instances === 1 ? [250, 500, 1000, 2000, 3000] : [500, 1000, 2000, 4000]);
  const windowSec = options.windowSec ?? 30;
  const memoryAgents = options.memoryAgents ?? 200;
  const total = 1 + instances + memoryAgents + Math.max(...steps);
  const names = benchAgents(total).map((agent) => agent.userName);
  const latencyUsers = names.slice(0, instances);
  const relayUser = names[instances] ?? '';
  const latencyUser = latencyUsers[0] ?? '';
  const pool = names.slice(1 + instances);
  const children: Child[] = [];
  let proxy: StickyProxy | undefined;
  try {
    const sim = await Child.start('./bench-bridge-sim-child.ts', [String(total)]);
    children.push(sim.child);
    const key = `k1:${randomBytes(32).toString('base64')}`;
    const bridges: Child[] = [];
    const urls: Record<string, string> = {};
    for (let n = 1; n <= instances; n += 1) {
      const started = await Child.start('./bench-bridge-child.ts', instances === 1 ? [sim.url] : [sim.url, `b${n}`, key]);
      children.push(started.child);
      bridges.push(started.child);
      urls[`b${n}`] = started.url;
    }
    // Two instances: every request through the proxy, sign-ins spread in turn, the rest by routing tag.
    if (instances > 1) proxy = await stickyProxy(urls, { spread: true });
    const base = proxy?.url ?? urls['b1'] ?? '';
    const relay = await Child.start('./bench-bridge-relay.ts', [sim.url, relayUser]);
    children.push(relay.child);
    const arrivals = new Arrivals();
    const viaBridges: BridgeAgent[] = [];
    for (const user of latencyUsers) viaBridges.push(await throughBridge(base, user, arrivals));
    const tags = new Set(viaBridges.map((agent) => agent.token.split('.')[0]));
    if (instances > 1 && tags.size !== instances) throw new Error(`the latency agents are not on ${instances} instances: ${[...tags].join(', ')}`);
    const sumOf = async (field: 'heapUsed' | 'cpuMs', ask: object): Promise<number> => {
      const answers = await Promise.all(bridges.map((child) => child.ask<Record<string, number>>(ask, field)));
      return answers.reduce((sum, answer) => sum + (answer[field] ?? 0), 0);
    };
    await openSocket(`${relay.url}?agent=${relayUser}`, (text) => {
      const data = JSON.parse(text) as { messageType?: string; call?: { id?: string; state?: string } };
      if (data.messageType === 'CallStateChanged' && data.call?.state === 'Ringing' && data.call.id) arrivals.arrived(data.call.id);
    });

    // Notification → frame, bridge and relay interleaved so both see the same machine.
    const bridgeSamples: number[] = [];
    const relaySamples: number[] = [];
    for (let i = 0; i < rings + 20; i += 1) {
      const b = await ringOnce(sim.child, viaBridges[i % viaBridges.length]!.userName, arrivals);
      const r = await ringOnce(sim.child, relayUser, arrivals);
      if (i >= 20) bridgeSamples.push(b), relaySamples.push(r);
      await sleep(5);
    }

    // Command → GWS request: one at a time, the simulator stamps the voice request's arrival.
    const commandSamples: number[] = [];
    await sim.child.ask({ requests: true }, 'requests');
    for (let i = 0; i < (options.commands ?? 200); i += 1) {
      const sent = wall();
      const via = viaBridges[Math.floor(i / 2) % viaBridges.length]!;
      await post(base, '/genesys/events', { type: i % 2 === 0 ? 'NotReady' : 'Ready' }, via.token);
      let stamp: number | undefined;
      for (let tries = 0; tries < 100 && stamp === undefined; tries += 1) {
        const { requests } = await sim.child.ask<{ requests: { path: string; at: number }[] }>({ requests: true }, 'requests');
        stamp = requests[0]?.at;
        if (stamp === undefined) await sleep(2);
      }
      if (stamp !== undefined) commandSamples.push(stamp - sent);
      await sleep(10);
    }

    // Memory per agent session: heap after GC, before and after `memoryAgents` more sign in.
    const before = await sumOf('heapUsed', { memory: true });
    const memoryPool = pool.slice(0, memoryAgents);
    const agents: BridgeAgent[] = await inBatches(memoryPool, 20, (user) => throughBridge(base, user, arrivals));
    await sleep(1_000);
    const after = await sumOf('heapUsed', { memory: true });

    // Agents per bridge process at one call per agent per minute.
    const budgetMs = 50;
    const results: BridgeBenchResult['steps'] = [];
    let maxAgents = 0;
    for (const step of steps) {
      const more = pool.slice(agents.length, step);
      agents.push(...(await inBatches(more, 25, (user) => throughBridge(base, user, arrivals))));
      await sleep(2_000);
      const calls = Math.max(1, Math.round((step * windowSec) / 60));
      const gap = (windowSec * 1000) / calls;
      const cpuBefore = await sumOf('cpuMs', { cpu: true });
      const simBefore = await sim.child.ask<{ cpuMs: number }>({ cpu: true }, 'cpuMs');
      const startedAt = wall();
      const pending: Promise<number>[] = [];
      for (let i = 0; i < calls; i += 1) {
        const target = startedAt + i * gap;
        const wait = target - wall();
        if (wait > 0) await sleep(wait);
        const user = agents[(i * 7919) % agents.length]?.userName ?? latencyUser;
        pending.push(ringOnce(sim.child, user, arrivals));
      }
      const samples = await Promise.all(pending);
      const elapsed = wall() - startedAt;
      const cpuAfter = await sumOf('cpuMs', { cpu: true });
      const simAfter = await sim.child.ask<{ cpuMs: number }>({ cpu: true }, 'cpuMs');
      const timeouts = samples.filter((value) => Number.isNaN(value)).length;
      const ringToFrame = summarize(samples.map((value) => (Number.isNaN(value) ? RING_TIMEOUT_MS : value)));
      results.push({ agents: step, calls, ringToFrame, bridgeCpuPct: ((cpuAfter - cpuBefore) / elapsed) * 100, simCpuPct: ((simAfter.cpuMs - simBefore.cpuMs) / elapsed) * 100, timeouts });
      const last = results.at(-1);
      console.error(`bench bridge (${instances} instance${instances > 1 ? 's' : ''}): ${step} agents, ${calls} calls: ring → frame p50 ${ringToFrame.p50.toFixed(2)} p99 ${ringToFrame.p99.toFixed(2)} ms; CPU bridge ${last?.bridgeCpuPct.toFixed(1)} %, simulator ${last?.simCpuPct.toFixed(1)} %`);
      if (ringToFrame.p99 > budgetMs || timeouts > 0) break;
      maxAgents = step;
    }
    const spread = await Promise.all(bridges.map((child) => child.ask<{ sessions: number }>({ memory: true }, 'heapUsed')));
    for (const agent of agents) agent.socket.terminate();
    for (const agent of viaBridges) agent.socket.terminate();
    return {
      instances,
      sessionsPerInstance: spread.map((answer) => answer.sessions),
      notifyToFrame: { bridge: summarize(bridgeSamples), relay: summarize(relaySamples) },
      commandToRequest: summarize(commandSamples),
      bytesPerSession: (after - before) / memoryAgents,
      sessionsMeasured: memoryAgents,
      budgetMs,
      maxAgents,
      steps: results,
    };
  } finally {
    for (const child of children) child.stop();
    await proxy?.close();
    httpAgent.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const instances = process.argv.includes('--instances=2') ? 2 : 1;
  const result = await bridgeBench(quick ? { rings: 100, commands: 50, memoryAgents: 50, steps: [100 * instances, 250 * instances], windowSec: 10, instances } : { instances });
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
