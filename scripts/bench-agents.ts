/**
 * Many agents against one simulator: N toolbars (the real Genesys adapter over `ws` + the real
 * statechart, Fusion faked) in this process, the simulator in a child process, each agent taking
 * calls in a loop (ring → accept → hang up). Ring → offer: the EventRinging frame leaving the
 * simulator → the toolbar's newCommEvent command (wall clock of both processes, same machine).
 * The largest N (5, 10, 25, then doubling) whose p99 stays within budget.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent as HttpAgent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { createActor, fromCallback, type ActorRefFrom } from 'xstate';
import { DEFAULT_CONFIG } from '../src/config';
import { createGenesysAdapter } from '../src/adapters/genesys';
import type { AdapterInput } from '../src/machines/actors.types';
import type { FusionCommand } from '../src/machines/fusion.types';
import { connectionCallKey } from '../src/machines/ids';
import { toolbarMachine } from '../src/machines/toolbar.machine';
import { summarize, type Summary } from './bench-stats';

interface SimChild {
  url: string;
  wsUrl: string;
  restUrl: string;
  memory(): Promise<number>;
  /** Wall-clock ms at which each EventRinging left the simulator since the last call, by ConnID. */
  rung(): Promise<Record<string, number>>;
  /** CPU time (user + system) the simulator process used so far, ms. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

async function startSimChild(): Promise<SimChild> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./bench-sim-child.ts', import.meta.url)), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`simulator exited (${code})`));
      child.once('exit', exited);
      child.once('message', (m) => {
        child.off('exit', exited);
        resolve(m as T);
      });
    });
  const urls = await next<{ url: string; wsUrl: string; restUrl: string }>();
  return {
    ...urls,
    async memory() {
      const reply = next<{ heapUsed: number }>();
      child.send({ memory: true });
      return (await reply).heapUsed;
    },
    async cpuMs() {
      const reply = next<{ cpuMs: number }>();
      child.send({ cpu: true });
      return (await reply).cpuMs;
    },
    async rung() {
      const reply = next<{ rung: Record<string, number> }>();
      child.send({ rung: true });
      return (await reply).rung;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ close: true });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}

/**
 * POSTs over node:http with keep-alive: the fetch the adapters (and this driver) use here. Node's
 * fetch (undici) runs in JavaScript on this one thread, about a millisecond a request, which a
 * browser's network service would not charge the page: with it, N toolbars measured mostly undici.
 */
const keepAlive = new HttpAgent({ keepAlive: true });
const httpFetch = ((input: string | URL, init: RequestInit = {}) =>
  new Promise<Response>((resolve, reject) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const req = request(input, { method: init.method ?? 'GET', headers, agent: keepAlive, signal: init.signal ?? undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode ?? 0 })));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(typeof init.body === 'string' ? init.body : undefined);
  })) as typeof fetch;

type Toolbar = ActorRefFrom<typeof toolbarMachine>;

interface Agent {
  id: string;
  actor: Toolbar;
  /** Resolvers waiting for this agent's next newComm. */
  offered: ((at: number) => void) | null;
}

function startAgent(sim: SimChild, id: string): Agent {
  const agent: Agent = { id, actor: undefined as never, offered: null };
  const machine = toolbarMachine.provide({
    actors: {
      genesys: createGenesysAdapter({ WebSocket: WebSocket as never, fetch: httpFetch, log: () => undefined, probeMs: null }),
      fusion: fromCallback<FusionCommand, AdapterInput>(({ sendBack, receive }) => {
        receive((command) => {
          if (command.type === 'fusion.cmd.newComm') agent.offered?.(performance.now());
        });
        sendBack({ type: 'fusion.ready' });
      }),
    },
  });
  // Back to back (after-call work off): each agent is available again as soon as a call ends.
  agent.actor = createActor(machine, { input: { config: { ...DEFAULT_CONFIG, genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: id, afterCallWork: false } } });
  agent.actor.start();
  return agent;
}

function until(actor: Toolbar, predicate: (s: ReturnType<Toolbar['getSnapshot']>) => boolean, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(actor.getSnapshot())) return resolve();
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error('timed out'));
    }, ms);
    const sub = actor.subscribe((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      sub.unsubscribe();
      resolve();
    });
  });
}

/** A call's actor by its key. */
function callChild(s: ReturnType<Toolbar['getSnapshot']>, key: string) {
  return (s.children as Record<string, { getSnapshot(): { matches(v: string): boolean } } | undefined>)[key];
}

const simPost = (sim: SimChild, path: string, body: object) =>
  httpFetch(`${sim.url}/sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (r) => r.json() as Promise<Record<string, string>>,
  );

/** One agent's shift for `ms`: ring, accept, hang up, a short pause, again. */
async function takeCalls(sim: SimChild, agent: Agent, ms: number, offers: Map<string, number>): Promise<number> {
  const end = performance.now() + ms;
  let calls = 0;
  while (performance.now() < end) {
    const offered = new Promise<number>((resolve) => (agent.offered = resolve));
    const { connectionId } = await simPost(sim, 'ring', { agent: agent.id });
    offers.set(connectionId!, performance.timeOrigin + (await offered));
    agent.offered = null;
    const key = connectionCallKey(connectionId!);
    agent.actor.send({ type: 'call.accept', key });
    await until(agent.actor, (s) => callChild(s, key)?.getSnapshot().matches('established') === true, 10_000);
    agent.actor.send({ type: 'call.hangup', key });
    await until(agent.actor, (s) => !(key in s.context.calls), 10_000);
    calls++;
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
  }
  return calls;
}

export interface AgentsFigures {
  budgetMs: number;
  /** Per step: CPU ms per call in the toolbars' process and in the simulator's (load-independent). */
  steps: { agents: number; calls: number; ringToOffer: Summary; toolbarCpuMsPerCall: number; simCpuMsPerCall: number }[];
  maxAgents: number;
  simBytesPerAgent: number;
}

export async function manyAgents(options: { budgetMs?: number; stepMs?: number; limit?: number } = {}): Promise<AgentsFigures> {
  const budgetMs = options.budgetMs ?? 50;
  const stepMs = options.stepMs ?? 6_000;
  const limit = options.limit ?? 1_600;
  const sim = await startSimChild();
  const steps: AgentsFigures['steps'] = [];
  let agents: Agent[] = [];
  let simBytesPerAgent = Number.NaN;
  try {
    const baseline = await sim.memory();
    for (const n of [5, 10, 25, 50, 100, 200, 400, 800, 1_600].filter((count) => count <= limit)) {
      while (agents.length < n) agents.push(startAgent(sim, `agent${agents.length}`));
      await Promise.all(agents.map((a) => until(a.actor, (s) => s.matches({ agent: 'available' }), 30_000)));
      simBytesPerAgent = ((await sim.memory()) - baseline) / agents.length;
      const offers = new Map<string, number>();
      await sim.rung();
      const simCpu = await sim.cpuMs();
      const ownCpu = process.cpuUsage();
      const calls = await Promise.all(agents.map((a) => takeCalls(sim, a, stepMs, offers)));
      const ownCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(ownCpu));
      const simCpuMs = (await sim.cpuMs()) - simCpu;
      const rung = await sim.rung();
      const latencies = [...offers].flatMap(([id, at]) => (rung[id] === undefined ? [] : [at - rung[id]!]));
      const total = calls.reduce((s, c) => s + c, 0);
      const step = { agents: n, calls: total, ringToOffer: summarize(latencies), toolbarCpuMsPerCall: ownCpuMs / total, simCpuMsPerCall: simCpuMs / total };
      steps.push(step);
      // A shared machine's hiccups can fail one step's p99; the sweep goes on until load clearly shows.
      if (step.ringToOffer.p50 > budgetMs || step.ringToOffer.p99 > 4 * budgetMs) break;
    }
  } finally {
    for (const a of agents) a.actor.stop();
    agents = [];
    await sim.close();
  }
  // The largest N of an unbroken run of passing steps from the smallest.
  const failing = steps.findIndex((s) => s.ringToOffer.p99 > budgetMs);
  const passing = failing === -1 ? steps : steps.slice(0, failing);
  return { budgetMs, steps, maxAgents: passing.at(-1)?.agents ?? 0, simBytesPerAgent };
}
