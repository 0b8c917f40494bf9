/**
 * `npm run bench`: the speed, memory and size budgets of DESIGN.md, measured (never asserted in
 * unit tests: shared machines are noisy). Every speed stands beside its floor measured in the same
 * run. Prints one table, writes bench/results.json (numbers only), exits 1 when a budget fails.
 *
 * `npm run bench -- browser core` runs only the named parts (browser, core, memory, recorder,
 * agents, bridge, reconnect, size); `--profile` adds a CPU profile of the ringing path (bench/ring.cpuprofile).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createActor, fromCallback } from 'xstate';
import WebSocket from 'ws';
import { DEFAULT_CONFIG, type ToolbarConfig } from '../src/config';
import type { AdapterInput } from '../src/machines/actors.types';
import type { FusionCommand } from '../src/machines/fusion.types';
import { toolbarMachine } from '../src/machines/toolbar.machine';
import { createGenesysAdapter } from '../src/adapters/genesys';
import { startGenesysSimulator } from '../src/sim/genesys';
import { coreRingToOffer, coreThroughput, memoryOver10kCalls } from './bench-core';
import type { BridgeBenchResult } from './bench-bridge';

/** One row of the table and of results.json. */
interface Figure {
  id: string;
  label: string;
  unit: string;
  value: number;
  /** The floor or peer measured in the same run, when there is one. */
  floor?: number;
  floorLabel?: string;
  /** value ÷ floor (how many times the floor; for rates floor ÷ value, i.e. times slower). */
  ratio?: number;
  /** What the budget bounds (`ratio` or `value`), the bound, and whether it held. */
  budget?: { of: 'value' | 'ratio'; max: number; pass: boolean };
}

const figures: Figure[] = [];
const details: Record<string, unknown> = {};

function add(figure: Omit<Figure, 'ratio' | 'budget'> & { ratio?: number; max?: { of: 'value' | 'ratio'; max: number } }): void {
  const { max, ...rest } = figure;
  const ratio = rest.ratio ?? (rest.floor !== undefined && rest.floor > 0 ? rest.value / rest.floor : undefined);
  const row: Figure = { ...rest, ...(ratio === undefined ? {} : { ratio }) };
  if (max) {
    const measured = max.of === 'ratio' ? ratio : rest.value;
    row.budget = { ...max, pass: measured !== undefined && Number.isFinite(measured) && measured <= max.max };
  }
  figures.push(row);
}

async function browser(profile: boolean) {
  const { browserLatencies } = await import('./bench-browser');
  const r = await browserLatencies({ calls: callsArg ?? 500, ...(profile ? { profile: 'bench/ring.cpuprofile' } : {}) });
  details['browser'] = r;
  if (!r.isolated) throw new Error('the toolbar frame is not cross-origin isolated: timers would be coarse');
  const floor = 'bare handler';
  add({ id: 'ringToNewComm.p50', label: 'ring → newCommEvent p50', unit: 'ms', value: r.ringToNewComm.toolbar.p50, floor: r.ringToNewComm.floor.p50, floorLabel: floor, max: { of: 'ratio', max: 3 } });
  add({ id: 'ringToNewComm.p99', label: 'ring → newCommEvent p99', unit: 'ms', value: r.ringToNewComm.toolbar.p99, floor: r.ringToNewComm.floor.p99, floorLabel: floor, max: { of: 'ratio', max: 5 } });
  add({ id: 'ringToDom.p50', label: 'ring → card in the DOM p50', unit: 'ms', value: r.ringToDom.toolbar.p50, floor: r.ringToDom.floor.p50, floorLabel: 'bare div' });
  add({ id: 'ringToDom.p99', label: 'ring → card in the DOM p99', unit: 'ms', value: r.ringToDom.toolbar.p99, floor: r.ringToDom.floor.p99, floorLabel: 'bare div' });
  add({ id: 'ringToPaint.p50', label: 'ring → card painted p50', unit: 'ms', value: r.ringToPaint.toolbar.p50, floor: r.ringToPaint.floor.p50, floorLabel: 'bare div' });
  // The issue's own definition of ring → paint: the card is there in the next animation frame after the ring.
  add({ id: 'ringToPaint.frames', label: 'ring → card painted: frames until seen (max)', unit: 'frames', value: r.ringToPaintFrames.toolbar.max, floor: r.ringToPaintFrames.floor.max, floorLabel: 'bare div', max: { of: 'value', max: 1 } });
  // At 60 Hz the wait for the frame's tick alone reaches 16.7 ms: reported beside the bare div, bounded in frames.
  add({ id: 'ringToPaint.p99', label: 'ring → card painted p99 (60 Hz frames)', unit: 'ms', value: r.ringToPaint.toolbar.p99, floor: r.ringToPaint.floor.p99, floorLabel: 'bare div' });
  const { paintUnthrottled } = await import('./bench-browser');
  const u = await paintUnthrottled({ calls: callsArg ?? 500 });
  details['browserUnthrottled'] = u;
  // The page's own time to the frame that shows the card: what the 16 ms (one frame) budget bounds.
  add({ id: 'ringToPaintUnthrottled.p50', label: 'ring → card painted p50 (frames unthrottled)', unit: 'ms', value: u.ringToPaint.toolbar.p50, floor: u.ringToPaint.floor.p50, floorLabel: 'bare div' });
  add({ id: 'ringToPaintUnthrottled.p99', label: 'ring → card painted p99 (frames unthrottled)', unit: 'ms', value: u.ringToPaint.toolbar.p99, floor: u.ringToPaint.floor.p99, floorLabel: 'bare div', max: { of: 'value', max: 16 } });
  add({ id: 'ringToPaintUnthrottled.frames', label: 'ring → card painted: frames until seen, unthrottled (max)', unit: 'frames', value: u.ringToPaintFrames.toolbar.max, floor: u.ringToPaintFrames.floor.max, floorLabel: 'bare div', max: { of: 'value', max: 1 } });
  for (const [id, label, s] of [
    ['clickToPost', 'Accept clicked → POST', r.clickToPost],
    ['fusionAcceptToPost', 'Fusion accept → POST', r.fusionAcceptToPost],
  ] as const) {
    add({ id: `${id}.p50`, label: `${label} p50`, unit: 'ms', value: s.toolbar.p50, floor: s.floor.p50, floorLabel: floor });
    add({ id: `${id}.p99`, label: `${label} p99`, unit: 'ms', value: s.toolbar.p99, floor: s.floor.p99, floorLabel: floor });
  }
  if (r.profile) {
    console.log(`\nCPU profile of ${r.profile.file} (toolbar frame, self time ${r.profile.totalMs.toFixed(0)} ms):`);
    for (const m of r.profile.byModule.slice(0, 10)) console.log(`  ${(m.share * 100).toFixed(1).padStart(5)} %  ${m.module}`);
    console.log('  own functions, inclusive (callees included):');
    for (const f of r.profile.byOwnFunctionInclusive) console.log(`  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.name}`);
  }
}

function core() {
  const t = coreThroughput();
  const ring = coreRingToOffer();
  details['core'] = { throughput: t, ringToOffer: ring };
  add({ id: 'core.framesPerSecond', label: 'core frames/s (decode + machine + calls)', unit: '/s', value: t.toolbarFramesPerSecond, floor: t.floorFramesPerSecond, floorLabel: 'bare xstate, empty machine', ratio: t.ratio });
  add({ id: 'core.ringToOffer.p50', label: 'core ring → newComm command p50 (Node)', unit: 'ms', value: ring.decode.p50 + ring.machine.p50 });
}

function memory() {
  const m = memoryOver10kCalls();
  details['memory'] = m;
  add({ id: 'memory.heapGrowth', label: '10,000 calls: heap growth', unit: 'MB', value: m.growthMb, max: { of: 'value', max: 2 } });
  add({ id: 'memory.childrenLeft', label: '10,000 calls: call actors left', unit: '', value: m.childrenLeft, max: { of: 'value', max: 0 } });
}

async function recorder() {
  const { recorderCost, uefTraceCost } = await import('./bench-recorder');
  const [masked, , machine] = recorderCost();
  const uef = await uefTraceCost();
  details['recorder'] = { masked, machine, uef };
  add({ id: 'recorder.uef', label: 'UEF publish + settlement, traced into the recorder', unit: 'µs', value: uef.ns / 1000, floor: uef.floorNs / 1000, floorLabel: 'publish, not traced' });
  if (masked) add({ id: 'recorder.record', label: 'flight recorder: record() per event (masked)', unit: 'µs', value: masked.ns / 1000, floor: masked.floorNs / 1000, floorLabel: 'array slot write' });
  if (machine) add({ id: 'recorder.machine', label: 'machine + flight recorder per outside event', unit: 'µs', value: machine.ns / 1000, floor: machine.floorNs / 1000, floorLabel: 'machine, no recorder' });
}

async function agents() {
  const { manyAgents } = await import('./bench-agents');
  const r = await manyAgents();
  details['agents'] = r;
  add({ id: 'agents.max', label: `agents on one simulator, p99 ring → offer ≤ ${r.budgetMs} ms`, unit: 'agents', value: r.maxAgents });
  for (const step of r.steps) {
    add({ id: `agents.${step.agents}.p99`, label: `  ${step.agents} agents: ring → offer p99 (p50)`, unit: `ms (${fmt(step.ringToOffer.p50)})`, value: step.ringToOffer.p99 });
  }
  const last = r.steps.at(-1);
  if (last) {
    add({ id: 'agents.toolbarCpuMsPerCall', label: 'CPU per call: one toolbar (adapter + machines)', unit: 'ms', value: last.toolbarCpuMsPerCall });
    add({ id: 'agents.simCpuMsPerCall', label: 'CPU per call: the simulator', unit: 'ms', value: last.simCpuMsPerCall });
  }
  add({ id: 'agents.simKbPerAgent', label: 'simulator heap per agent', unit: 'KB', value: r.simBytesPerAgent / 1024 });
}

// The bridge's latency and memory rows, for one instance (`bridge.`) or two behind the proxy (`bridge.two.`).
function bridgeLatency(r: BridgeBenchResult, id: string, behind: string) {
  const relay = 'bare relay';
  add({ id: `${id}notifyToFrame.p50`, label: `bridge: GWS notification → toolbar frame p50${behind}`, unit: 'ms', value: r.notifyToFrame.bridge.p50, floor: r.notifyToFrame.relay.p50, floorLabel: relay, max: { of: 'ratio', max: 2 } });
  add({ id: `${id}notifyToFrame.p99`, label: `bridge: GWS notification → toolbar frame p99${behind}`, unit: 'ms', value: r.notifyToFrame.bridge.p99, floor: r.notifyToFrame.relay.p99, floorLabel: relay, max: { of: 'ratio', max: 3 } });
  add({ id: `${id}commandToRequest.p50`, label: `bridge: toolbar command → GWS request p50${behind}`, unit: 'ms', value: r.commandToRequest.p50 });
  add({ id: `${id}kbPerSession`, label: `bridge: heap per agent session (${r.sessionsMeasured} sessions)${behind}`, unit: 'KB', value: r.bytesPerSession / 1024, max: { of: 'value', max: 64 } });
}

async function bridge() {
  const { bridgeBench } = await import('./bench-bridge');
  const r = await bridgeBench();
  details['bridge'] = r;
  bridgeLatency(r, 'bridge.', '');
  add({ id: 'bridge.agents.max', label: `bridge: agents in one process, 1 call/agent/min, p99 ≤ ${r.budgetMs} ms (goal ≥ 2,000)`, unit: 'agents', value: r.maxAgents });
  for (const step of r.steps) {
    add({ id: `bridge.agents.${step.agents}.p99`, label: `  ${step.agents} agents: ring → frame p99 (p50; CPU bridge, simulator)`, unit: `ms (${fmt(step.ringToFrame.p50)}; ${fmt(step.bridgeCpuPct)} %, ${fmt(step.simCpuPct)} %)`, value: step.ringToFrame.p99 });
  }
  // Issue 22: the same figures with the agents spread over two instances behind the sticky proxy.
  const two = await bridgeBench({ instances: 2 });
  details['bridgeTwoInstances'] = two;
  const behind = ' (2 instances behind the proxy)';
  bridgeLatency(two, 'bridge.two.', behind);
  add({ id: 'bridge.two.agents.perInstance', label: `bridge: agents per instance, 1 call/agent/min, p99 ≤ ${two.budgetMs} ms, sessions ${two.sessionsPerInstance.join(' + ')}${behind}`, unit: 'agents', value: two.maxAgents / 2 });
  for (const step of two.steps) {
    add({ id: `bridge.two.agents.${step.agents}.p99`, label: `  ${step.agents} agents over 2 instances: ring → frame p99 (p50; CPU both bridges, simulator)`, unit: `ms (${fmt(step.ringToFrame.p50)}; ${fmt(step.bridgeCpuPct)} %, ${fmt(step.simCpuPct)} %)`, value: step.ringToFrame.p99 });
  }
  const { failoverBench } = await import('./bench-bridge-failover');
  const f = await failoverBench();
  details['bridgeFailover'] = f;
  add({ id: 'bridge.failover.p50', label: `bridge: instance killed → toolbar registered again with its calls p50 (${f.tries} tries)`, unit: 'ms', value: f.killToRegistered.p50 });
  add({ id: 'bridge.failover.max', label: 'bridge: instance killed → toolbar registered again with its calls, max', unit: 'ms', value: f.killToRegistered.max });
}

async function reconnect() {
  const sim = await startGenesysSimulator({ port: 0, log: () => undefined });
  const config: ToolbarConfig = { ...DEFAULT_CONFIG, genesysWs: sim.wsUrl, genesysRest: sim.restUrl };
  const machine = toolbarMachine.provide({
    actors: {
      genesys: createGenesysAdapter({ WebSocket: WebSocket as never, log: () => undefined }),
      fusion: fromCallback<FusionCommand, AdapterInput>(() => undefined),
    },
  });
  const actor = createActor(machine, { input: { config } }).start();
  const waitFor = async (predicate: () => boolean, ms: number) => {
    const end = performance.now() + ms;
    while (!predicate()) {
      if (performance.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const registered = () => actor.getSnapshot().matches({ connection: 'open' }) && actor.getSnapshot().matches({ agent: 'available' });
  try {
    await waitFor(registered, 5_000);
    const samples: { outageMs: number; lateMs: number }[] = [];
    for (const outageMs of [1_000, 3_000, 8_000]) {
      await fetch(`${sim.url}/sim/restart`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ downMs: outageMs }) });
      const backAt = performance.now() + outageMs;
      await waitFor(() => !actor.getSnapshot().matches({ connection: 'open' }), 2_000);
      await waitFor(registered, outageMs + 35_000);
      samples.push({ outageMs, lateMs: performance.now() - backAt });
    }
    details['reconnect'] = samples;
    add({ id: 'reconnect.worst', label: 'registered again after outage (1, 3, 8 s), worst', unit: 's', value: Math.max(...samples.map((s) => s.lateMs)) / 1000, max: { of: 'value', max: 1 } });
  } finally {
    actor.stop();
    await sim.close();
  }
}

async function size() {
  const { bundleSizes } = await import('./bench-size');
  const s = await bundleSizes();
  details['size'] = s;
  add({ id: 'size.totalGz', label: 'production JS, all chunks', unit: 'KB gz', value: s.totalGzKb, max: { of: 'value', max: 95 } });
  add({ id: 'size.ownGz', label: 'own code (target 15)', unit: 'KB gz', value: s.ownGzKb });
  console.log('\nown code by module (KB gzip, each alone):');
  for (const m of s.ownByModule) console.log(`  ${m.gzKb.toFixed(2).padStart(6)}  ${m.module}`);
  console.log('dependencies (KB gzip, each alone):');
  for (const m of s.depsByPackage) console.log(`  ${m.gzKb.toFixed(2).padStart(6)}  ${m.module}`);
}

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '';
  const abs = Math.abs(n);
  if (Number.isInteger(n)) return n.toLocaleString('en');
  if (abs >= 10_000) return Math.round(n).toLocaleString('en');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(abs >= 1 || n === 0 ? 2 : 3);
}

function printTable(): void {
  const rows = figures.map((f) => [
    f.label,
    `${fmt(f.value)} ${f.unit}`.trim(),
    f.floor === undefined ? '' : `${fmt(f.floor)} (${f.floorLabel ?? 'floor'})`,
    f.ratio === undefined || Number.isNaN(f.ratio) ? '' : `${fmt(f.ratio)}×`,
    f.budget ? `${f.budget.of === 'ratio' ? 'ratio' : ''} ≤ ${f.budget.max}`.trim() : '',
    f.budget ? (f.budget.pass ? 'ok' : 'FAIL') : '',
  ]);
  const head = ['figure', 'measured', 'floor / peer', 'ratio', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

const args = process.argv.slice(2);
/** `--calls=N`: fewer browser calls for a quick look while developing (the budgets want ≥ 500). */
const callsArg = ((value) => (value ? Number(value) : undefined))(args.find((a) => a.startsWith('--calls='))?.slice('--calls='.length));
const only = args.filter((a) => !a.startsWith('--'));
const parts: Record<string, () => unknown> = {
  browser: () => browser(args.includes('--profile')),
  core,
  memory,
  recorder,
  agents,
  bridge,
  reconnect,
  size,
};
const unknown = only.filter((name) => !(name in parts));
if (unknown.length > 0) {
  console.error(`unknown part(s) ${unknown.join(', ')}; parts: ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
const started = Date.now();
for (const [name, run] of Object.entries(parts)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.error(`bench: ${name}…`);
  await run();
}
printTable();
const failed = figures.filter((f) => f.budget && !f.budget.pass);
await mkdir('bench', { recursive: true });
await writeFile(
  'bench/results.json',
  `${JSON.stringify({ at: new Date().toISOString(), seconds: (Date.now() - started) / 1000, cpus: cpus().length, figures, details }, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`,
);
console.log(`\nbench/results.json written; ${failed.length === 0 ? 'every budget held' : `FAILED: ${failed.map((f) => f.id).join(', ')}`}`);
process.exit(failed.length === 0 ? 0 : 1);
