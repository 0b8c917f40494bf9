/**
 * `npm run bench`: the budgets of DESIGN.md, measured (never asserted in unit tests: shared
 * machines are noisy). Prints one line per measure; `--json` prints them as JSON too.
 */
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createActor, fromCallback, type AnyEventObject } from 'xstate';
import WebSocket from 'ws';
import { buildProduction } from '../test/support/build';
import { DEFAULT_CONFIG, type ToolbarConfig } from '../src/config';
import type { AdapterInput } from '../src/machines/actors.types';
import type { FusionCommand } from '../src/machines/fusion.types';
import type { GenesysCommand } from '../src/machines/genesys.types';
import { toolbarMachine } from '../src/machines/toolbar.machine';
import { createGenesysAdapter } from '../src/adapters/genesys';
import { startGenesysSimulator } from '../src/sim/genesys';

const results: Record<string, unknown> = {};
const report = (name: string, line: string, value: unknown) => {
  results[name] = value;
  console.log(`${name.padEnd(22)} ${line}`);
};

function toolbarWithFakes(config: ToolbarConfig = DEFAULT_CONFIG) {
  let genesys: ((e: AnyEventObject) => void) | undefined;
  const counts = { genesys: 0, fusion: 0 };
  const machine = toolbarMachine.provide({
    actors: {
      genesys: fromCallback<GenesysCommand, AdapterInput>(({ sendBack, receive }) => {
        genesys = sendBack;
        receive(() => counts.genesys++);
      }),
      fusion: fromCallback<FusionCommand, AdapterInput>(({ sendBack, receive }) => {
        receive(() => counts.fusion++);
        sendBack({ type: 'fusion.ready' });
      }),
    },
  });
  const actor = createActor(machine, { input: { config } }).start();
  const push = (e: AnyEventObject) => genesys?.(e);
  push({ type: 'genesys.connected' });
  push({ type: 'genesys.registered' });
  return { actor, push, counts };
}

/** One inbound call from ring to wrap-up, the way Genesys reports it. */
function oneCall(t: ReturnType<typeof toolbarWithFakes>, n: number) {
  const connectionId = `c${n}`;
  t.push({ type: 'genesys.ringing', connectionId, eventId: `e${n}`, ani: '+15551230000' });
  t.actor.send({ type: 'call.accept', key: connectionId });
  t.push({ type: 'genesys.established', connectionId });
  t.actor.send({ type: 'call.hangup', key: connectionId });
  t.push({ type: 'genesys.released', connectionId });
}

function machineThroughput() {
  const t = toolbarWithFakes();
  for (let i = 0; i < 2_000; i++) oneCall(t, i);
  const calls = 20_000;
  const start = performance.now();
  for (let i = 0; i < calls; i++) oneCall(t, 10_000 + i);
  const ms = performance.now() - start;
  report('machine', `${Math.round((calls * 5) / (ms / 1000)).toLocaleString('en')} events/s (${calls} calls × 5 events in ${ms.toFixed(0)} ms, child actors spawned and stopped)`, { eventsPerSecond: (calls * 5) / (ms / 1000) });
  t.actor.stop();
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function memoryOver10kCalls() {
  const t = toolbarWithFakes();
  for (let i = 0; i < 1_000; i++) oneCall(t, i);
  const before = heapAfterGc();
  for (let i = 0; i < 10_000; i++) oneCall(t, 1_000 + i);
  const after = heapAfterGc();
  const snapshot = t.actor.getSnapshot();
  const children = Object.keys(snapshot.children).filter((id) => id !== 'genesys' && id !== 'fusion');
  const growthMb = (after - before) / 1024 / 1024;
  report('memory', `heap growth ${growthMb.toFixed(3)} MB over 10,000 calls (budget 2 MB); child actors left: ${children.length}; notices kept: ${snapshot.context.notices.length}`, { growthMb, childrenLeft: children.length });
  t.actor.stop();
}

async function reconnectAfterOutage() {
  const sim = await startGenesysSimulator({ port: 0, log: () => undefined });
  const config: ToolbarConfig = { ...DEFAULT_CONFIG, genesysWs: sim.wsUrl, genesysRest: sim.restUrl };
  const registeredAt: number[] = [];
  const machine = toolbarMachine.provide({
    actors: {
      genesys: createGenesysAdapter({ WebSocket: WebSocket as never, log: () => undefined }),
      fusion: fromCallback<FusionCommand, AdapterInput>(() => undefined),
    },
  });
  const actor = createActor(machine, { input: { config } });
  actor.subscribe((s) => {
    if (s.matches({ agent: 'available' }) && registeredAt.at(-1) !== -1) registeredAt.push(performance.now());
  });
  actor.start();
  const waitFor = async (predicate: () => boolean, ms: number) => {
    const end = performance.now() + ms;
    while (!predicate()) {
      if (performance.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await waitFor(() => actor.getSnapshot().matches({ agent: 'available' }), 5_000);
  const lines: string[] = [];
  const samples: { outageMs: number; lateMs: number }[] = [];
  for (const outageMs of [1_000, 3_000, 8_000]) {
    await fetch(`${sim.url}/sim/restart`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ downMs: outageMs }) });
    const backAt = performance.now() + outageMs;
    await waitFor(() => !actor.getSnapshot().matches({ connection: 'open' }), 2_000);
    await waitFor(() => actor.getSnapshot().matches({ connection: 'open' }) && actor.getSnapshot().matches({ agent: 'available' }), outageMs + 35_000);
    const lateMs = performance.now() - backAt;
    samples.push({ outageMs, lateMs });
    lines.push(`${outageMs / 1000} s outage → registered ${(lateMs / 1000).toFixed(2)} s after the service was back`);
  }
  report('reconnect', `${lines.join('; ')} (budget 1 s; backoff 0.5 s doubling, capped 30 s)`, samples);
  actor.stop();
  await sim.close();
}

async function bundleSizes() {
  const outDir = await mkdtemp(join(tmpdir(), 'toolbar-bench-'));
  await buildProduction(outDir, { sourcemap: true });
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const entry = /src="\/?(assets\/toolbar-[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no toolbar entry in index.html');
  const code = await readFile(join(outDir, entry), 'utf8');
  const map = JSON.parse(await readFile(join(outDir, `${entry}.map`), 'utf8')) as { sources: string[]; sourcesContent?: string[] };
  const { SourceMapConsumer } = await import('source-map-js');
  const consumer = new SourceMapConsumer(map as never);
  const lines = code.split('\n');
  const own: string[] = [];
  const mappings: { line: number; column: number; source: string | null }[] = [];
  consumer.eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }));
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i]!;
    const next = mappings[i + 1];
    const end = next && next.line === m.line ? next.column : lines[m.line - 1]!.length;
    if (m.source && !m.source.includes('node_modules')) own.push(lines[m.line - 1]!.slice(m.column, end));
  }
  const all = (await readdir(join(outDir, 'assets'))).filter((f) => f.startsWith('toolbar-') && f.endsWith('.js'));
  let totalGz = 0;
  for (const file of all) totalGz += gzipSync(await readFile(join(outDir, 'assets', file))).length;
  const ownGz = gzipSync(own.join('')).length;
  report('bundle', `toolbar JS ${(totalGz / 1024).toFixed(1)} KB gzip (budget 95), own code ≈ ${(ownGz / 1024).toFixed(1)} KB gzip (budget 15)`, { totalGzKb: totalGz / 1024, ownGzKb: ownGz / 1024 });
  await rm(outDir, { recursive: true, force: true });
}

async function browserLatency() {
  const { frameToNewComm } = await import('./bench-browser');
  const r = await frameToNewComm();
  report('frame→newCommEvent', `p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(2)} ms over ${r.n} calls in headless Chromium (budget p99 ≤ 16 ms)`, r);
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const run = async (name: string, fn: () => unknown) => {
  if (only.length === 0 || only.includes(name)) await fn();
};
await run('machine', machineThroughput);
await run('memory', memoryOver10kCalls);
await run('bundle', bundleSizes);
await run('reconnect', reconnectAfterOutage);
await run('browser', browserLatency);
if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
