/**
 * The bridge's failover figure (issue 22): two bridge CLI processes (one session key) behind the
 * failover test's sticky proxy (test/bridge/support/sticky-proxy.ts), the GWS simulator in this
 * process, one agent on an established call. Each try SIGKILLs the instance holding the agent and
 * measures kill → the toolbar client (fetch + ws, reconnecting at once: the toolbar's own backoff
 * is not counted) has a ticket with the same token, its socket, EventRegistered and an
 * EventSnapshot listing the call; then the killed instance is started again.
 * `npx tsx scripts/bench-bridge-failover.ts [--quick]` prints the figures as JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startGwsSimulator } from '../src/sim/gws';
import { command, signIn, ticket, ToolbarSocket } from '../test/bridge/support/client';
import { stickyProxy } from '../test/bridge/support/sticky-proxy';
import { summarize, type Summary } from './bench-stats';

export interface FailoverBenchResult {
  readonly tries: number;
  /** Instance killed → the agent's toolbar registered again with its calls (ms). */
  readonly killToRegistered: Summary;
}

const AGENT = 'KateLondon';
const CLI = fileURLToPath(new URL('../src/bridge/cli.ts', import.meta.url));

interface Instance {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<unknown>;
}

function instance(name: string, gws: string, key: string): Promise<Instance> {
  const env = { ...process.env, BRIDGE_SESSION_KEY: key };
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--gws', gws, '--gws-login', 'password', '--port', '0', '--instance-id', name, '--log-level', 'error'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const url = /bridge listening on (http:\/\/\S+)\n/.exec(out)?.[1];
      if (url) resolve({ child, url, exited });
    });
    child.once('exit', (code) => reject(new Error(`bridge ${name} exited ${code}`)));
  });
}

/** The toolbar's reconnect with the token it has: ticket, socket, register, snapshot listing the call. */
async function reconnect(base: string, token: string, callId: string): Promise<ToolbarSocket> {
  const socket = await ToolbarSocket.open(base, await ticket(base, token));
  await command(base, token, { type: 'initialize' });
  await socket.next('EventRegistered', () => true, 10_000);
  const after = socket.frames.length;
  await command(base, token, { type: 'snapshot' });
  const snapshot = await socket.next('EventSnapshot', (frame) => socket.frames.indexOf(frame) >= after, 10_000);
  const calls = snapshot['calls'] as { connectionId: string }[];
  if (!calls.some((call) => call.connectionId === callId)) throw new Error(`the call is not in the snapshot: ${JSON.stringify(calls)}`);
  return socket;
}

export async function failoverBench(options: { tries?: number } = {}): Promise<FailoverBenchResult> {
  const tries = options.tries ?? 20;
  const key = `k1:${randomBytes(32).toString('base64')}`;
  const sim = await startGwsSimulator({ port: 0, mode: 'gws', log: () => undefined });
  const running = new Map<string, Instance>();
  const proxy = await stickyProxy({});
  try {
    for (const name of ['b1', 'b2']) {
      const started = await instance(name, sim.url, key);
      running.set(name, started);
      proxy.set(name, started.url);
    }
    const { token } = await signIn(proxy.url, AGENT, AGENT);
    let socket = await ToolbarSocket.open(proxy.url, await ticket(proxy.url, token));
    await command(proxy.url, token, { type: 'initialize' });
    await socket.next('EventRegistered', () => true, 10_000);
    const callId = sim.ring(AGENT, { ani: '+15550001' });
    await socket.next('EventRinging', (frame) => frame['connectionId'] === callId, 10_000);
    await command(proxy.url, token, { type: 'Accept', connectionId: callId });
    await socket.next('EventEstablished', (frame) => frame['connectionId'] === callId, 10_000);
    const samples: number[] = [];
    const holderOf = (): string => proxy.served.at(-1)?.split(' ')[0] ?? 'b1';
    for (let i = 0; i < tries; i += 1) {
      const holder = holderOf();
      const victim = running.get(holder);
      if (victim === undefined) throw new Error(`no instance ${holder}`);
      const killedAt = performance.now();
      victim.child.kill('SIGKILL');
      await socket.whenClosed(10_000).catch(() => undefined);
      socket = await reconnect(proxy.url, token, callId);
      samples.push(performance.now() - killedAt);
      await victim.exited;
      const again = await instance(holder, sim.url, key);
      running.set(holder, again);
      proxy.set(holder, again.url);
      // The agent's tag may route back to the restarted instance: it takes the session over again before the next kill.
      socket.close();
      socket = await reconnect(proxy.url, token, callId);
      console.error(`bench bridge failover: try ${i + 1}/${tries}: ${samples.at(-1)?.toFixed(0)} ms`);
    }
    socket.close();
    return { tries, killToRegistered: summarize(samples) };
  } finally {
    for (const item of running.values()) item.child.kill('SIGKILL');
    await proxy.close();
    await sim.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await failoverBench(process.argv.includes('--quick') ? { tries: 5 } : {});
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
