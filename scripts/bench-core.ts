/**
 * The core in Node, without a browser: frames through decode + statechart + call actors, beside
 * bare xstate sending the same (already decoded) events to an empty machine; 10,000-call heap.
 */
import { performance } from 'node:perf_hooks';
import { createActor, createMachine, fromCallback, type AnyEventObject } from 'xstate';
import { DEFAULT_CONFIG, type ToolbarConfig } from '../src/config';
import { decodeFrame } from '../src/adapters/genesys/frame-decoder';
import type { AdapterInput } from '../src/machines/actors.types';
import type { FusionCommand } from '../src/machines/fusion.types';
import type { GenesysCommand } from '../src/machines/genesys.types';
import { connectionCallKey } from '../src/machines/ids';
import { toolbarMachine } from '../src/machines/toolbar.machine';
import { summarize, type Summary } from './bench-stats';

export function toolbarWithFakes(config: ToolbarConfig = DEFAULT_CONFIG, onFusion: (command: FusionCommand) => void = () => undefined) {
  let genesys: ((e: AnyEventObject) => void) | undefined;
  const machine = toolbarMachine.provide({
    actors: {
      genesys: fromCallback<GenesysCommand, AdapterInput>(({ sendBack }) => {
        genesys = sendBack;
      }),
      fusion: fromCallback<FusionCommand, AdapterInput>(({ sendBack, receive }) => {
        receive(onFusion);
        sendBack({ type: 'fusion.ready' });
      }),
    },
  });
  const actor = createActor(machine, { input: { config } }).start();
  const push = (e: AnyEventObject) => genesys?.(e);
  push({ type: 'genesys.connected' });
  push({ type: 'genesys.registered' });
  return { actor, push };
}

/** One inbound call as the microservice frames it: ringing, established (softphone), released. */
function callFrames(n: number): string[] {
  const base = { ThisDN: '5001', connectionId: `c${n}`, eventId: `e${n}`, ANI: '+15551230000', direction: 'inbound', CallType: 'Inbound' };
  return [
    JSON.stringify({ eventName: 'EventRinging', ...base, queueName: 'Sales' }),
    JSON.stringify({ eventName: 'EventEstablished', ...base }),
    JSON.stringify({ eventName: 'EventReleased', ...base, CallState: 'Ok' }),
  ];
}

let ids = 0;
const newId = () => `id${++ids}`;

export interface Throughput {
  toolbarFramesPerSecond: number;
  floorFramesPerSecond: number;
  /** floor ÷ toolbar: how many times slower than bare xstate. */
  ratio: number;
  decodeFramesPerSecond: number;
}

/** Interleaved rounds of the toolbar and the floor; the best round of each (least disturbed). */
export function coreThroughput(rounds = 7, callsPerRound = 3_000): Throughput {
  const t = toolbarWithFakes();
  const floor = createActor(createMachine({})).start();
  const frames = Array.from({ length: callsPerRound }, (_, i) => callFrames(i));
  const decoded = frames.map((call) => call.map((frame) => {
    const outcome = decodeFrame(frame, newId);
    if (outcome.kind !== 'event') throw new Error(`bench frame did not decode: ${frame}`);
    return outcome.event;
  }));
  let round = 0;
  const runToolbar = () => {
    // Fresh ConnIDs each round: a ConnID seen before would be a duplicate, not a new call.
    const prefix = `r${round++}-`;
    const start = performance.now();
    for (const call of frames) {
      for (const frame of call) {
        const outcome = decodeFrame(frame.replace('"connectionId":"', `"connectionId":"${prefix}`), newId);
        if (outcome.kind === 'event') t.push(outcome.event);
      }
    }
    return performance.now() - start;
  };
  const runFloor = () => {
    const start = performance.now();
    for (const call of decoded) for (const event of call) floor.send(event);
    return performance.now() - start;
  };
  const runDecode = () => {
    const start = performance.now();
    for (const call of frames) for (const frame of call) decodeFrame(frame, newId);
    return performance.now() - start;
  };
  runToolbar();
  runFloor();
  runDecode();
  let toolbarMs = Infinity;
  let floorMs = Infinity;
  let decodeMs = Infinity;
  for (let i = 0; i < rounds; i++) {
    toolbarMs = Math.min(toolbarMs, runToolbar());
    floorMs = Math.min(floorMs, runFloor());
    decodeMs = Math.min(decodeMs, runDecode());
  }
  const left = Object.keys(t.actor.getSnapshot().children).length - 2;
  if (left !== 0) throw new Error(`${left} call actors left after the throughput run`);
  t.actor.stop();
  floor.stop();
  const n = callsPerRound * 3;
  const toolbarFramesPerSecond = n / (toolbarMs / 1000);
  const floorFramesPerSecond = n / (floorMs / 1000);
  return { toolbarFramesPerSecond, floorFramesPerSecond, ratio: floorFramesPerSecond / toolbarFramesPerSecond, decodeFramesPerSecond: n / (decodeMs / 1000) };
}

/** Ring frame → newComm command out of the machine, in Node: where the browser's figure starts. */
export function coreRingToOffer(calls = 2_000): { decode: Summary; machine: Summary } {
  let offeredAt = 0;
  const t = toolbarWithFakes(DEFAULT_CONFIG, (command) => {
    if (command.type === 'fusion.cmd.newComm' && offeredAt === 0) offeredAt = performance.now();
  });
  const decode: number[] = [];
  const machine: number[] = [];
  for (let i = 0; i < calls + 200; i++) {
    const [ringing, , released] = callFrames(i);
    offeredAt = 0;
    const start = performance.now();
    const outcome = decodeFrame(ringing!, newId);
    const decodedAt = performance.now();
    if (outcome.kind === 'event') t.push(outcome.event);
    if (i >= 200) {
      decode.push(decodedAt - start);
      machine.push(offeredAt - decodedAt);
    }
    const end = decodeFrame(released!, newId);
    if (end.kind === 'event') t.push(end.event);
  }
  t.actor.stop();
  return { decode: summarize(decode), machine: summarize(machine) };
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** One call from ring to wrap-up the way the agent and Genesys do it. */
function oneCall(t: ReturnType<typeof toolbarWithFakes>, n: number) {
  const connectionId = `c${n}`;
  const key = connectionCallKey(connectionId);
  t.push({ type: 'genesys.ringing', connectionId, eventId: `e${n}`, ani: '+15551230000' });
  t.actor.send({ type: 'call.accept', key });
  t.push({ type: 'genesys.established', connectionId });
  t.actor.send({ type: 'call.hangup', key });
  t.push({ type: 'genesys.released', connectionId });
}

export function memoryOver10kCalls(): { growthMb: number; childrenLeft: number } {
  const t = toolbarWithFakes();
  for (let i = 0; i < 1_000; i++) oneCall(t, i);
  const before = heapAfterGc();
  for (let i = 0; i < 10_000; i++) oneCall(t, 1_000 + i);
  const after = heapAfterGc();
  const children = Object.keys(t.actor.getSnapshot().children).filter((id) => id !== 'genesys' && id !== 'fusion');
  t.actor.stop();
  return { growthMb: (after - before) / 1024 / 1024, childrenLeft: children.length };
}
