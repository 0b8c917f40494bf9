/**
 * Many agents against one simulator: N toolbars (the real Genesys adapter over `ws` + the real
 * statechart, Fusion faked) in this process, the simulator in a child process, each agent taking
 * calls in a loop (ring → accept → hang up). Ring → offer: the ring request to the simulator →
 * the toolbar's newCommEvent command. The largest N (doubling) whose p99 stays within budget.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { createActor, fromCallback, type ActorRefFrom } from 'xstate';
import { DEFAULT_CONFIG } from '../src/config';
import { createGenesysAdapter } from '../src/adapters/genesys';
import type { AdapterInput } from '../src/machines/actors.types';
import type { FusionCommand } from '../src/machines/fusion.types';
import { toolbarMachine } from '../src/machines/toolbar.machine';
import { summarize, type Summary } from './bench-stats';

interface SimChild {
  url: string;
  wsUrl: string;
  restUrl: string;
  memory(): Promise<number>;
  close(): Promise<void>;
}

async function startSimChild(): Promise<SimChild> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./bench-sim-child.ts', import.meta.url)), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
  const urls = await next<{ url: string; wsUrl: string; restUrl: string }>();
  return {
    ...urls,
    async memory() {
      const reply = next<{ heapUsed: number }>();
      child.send({ memory: true });
      return (await reply).heapUsed;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ close: true });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}

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
      genesys: createGenesysAdapter({ WebSocket: WebSocket as never, log: () => undefined, probeMs: null }),
      fusion: fromCallback<FusionCommand, AdapterInput>(({ sendBack, receive }) => {
        receive((command) => {
          if (command.type === 'fusion.cmd.newComm') agent.offered?.(performance.now());
        });
        sendBack({ type: 'fusion.ready' });
      }),
    },
  });
  agent.actor = createActor(machine, { input: { config: { ...DEFAULT_CONFIG, genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: id } } });
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

/** A call's actor by its key, with or without the `call:` id prefix. */
function callChild(s: ReturnType<Toolbar['getSnapshot']>, key: string) {
  const children = s.children as Record<string, { getSnapshot(): { matches(v: string): boolean } } | undefined>;
  return children[key] ?? children[`call:${key}`];
}

const simPost = (sim: SimChild, path: string, body: object) =>
  fetch(`${sim.url}/sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (r) => r.json() as Promise<Record<string, string>>,
  );

/** One agent's shift for `ms`: ring, accept, hang up, a short pause, again. */
async function takeCalls(sim: SimChild, agent: Agent, ms: number, latencies: number[]): Promise<number> {
  const end = performance.now() + ms;
  let calls = 0;
  while (performance.now() < end) {
    const offered = new Promise<number>((resolve) => (agent.offered = resolve));
    const start = performance.now();
    const { connectionId } = await simPost(sim, 'ring', { agent: agent.id });
    latencies.push((await offered) - start);
    agent.offered = null;
    agent.actor.send({ type: 'call.accept', key: connectionId! });
    await until(agent.actor, (s) => callChild(s, connectionId!)?.getSnapshot().matches('established') === true, 10_000);
    agent.actor.send({ type: 'call.hangup', key: connectionId! });
    await until(agent.actor, (s) => !(connectionId! in s.context.calls), 10_000);
    calls++;
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
  }
  return calls;
}

export interface AgentsFigures {
  budgetMs: number;
  steps: { agents: number; calls: number; ringToOffer: Summary }[];
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
    for (let n = 25; n <= limit; n *= 2) {
      while (agents.length < n) agents.push(startAgent(sim, `agent${agents.length}`));
      await Promise.all(agents.map((a) => until(a.actor, (s) => s.matches({ agent: 'available' }), 30_000)));
      simBytesPerAgent = ((await sim.memory()) - baseline) / agents.length;
      const latencies: number[] = [];
      const calls = await Promise.all(agents.map((a) => takeCalls(sim, a, stepMs, latencies)));
      const step = { agents: n, calls: calls.reduce((s, c) => s + c, 0), ringToOffer: summarize(latencies) };
      steps.push(step);
      if (step.ringToOffer.p99 > budgetMs) break;
    }
  } finally {
    for (const a of agents) a.actor.stop();
    agents = [];
    await sim.close();
  }
  const passing = steps.filter((s) => s.ringToOffer.p99 <= budgetMs);
  return { budgetMs, steps, maxAgents: passing.at(-1)?.agents ?? 0, simBytesPerAgent };
}
