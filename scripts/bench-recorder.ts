/**
 * `npx tsx scripts/bench-recorder.ts` — the flight recorder's cost per event, beside its floor in
 * the same run: (1) `record()` of a ringing event, masked and raw, against pushing the same object
 * into an array; (2) whole calls through the real machine with and without the recorder's
 * inspector, per outside event; (3) a newCommEvent publish through the Fusion adapter's publish path
 * (watchdog included) with and without the UEF trace into the recorder. Run alone it prints one
 * JSON line per figure; `npm run bench` shows them as rows (part `recorder`).
 */
import { createActor, fromCallback, type AnyEventObject } from 'xstate';
import { DEFAULT_CONFIG } from '../src/config';
import { toolbarMachine } from '../src/machines/toolbar.machine';
import { FlightRecorder } from '../src/recorder/flight-recorder';
import { recorderInspector } from '../src/recorder/recorder-inspector';
import { createToolbarRecorder } from '../src/recorder/toolbar-recorder';
import { createSession, publishWith, type Connected } from '../src/adapters/fusion/session';
import type { UefGlobal } from '../src/adapters/fusion/uef.types';

const RINGING = { type: 'genesys.ringing', connectionId: '006a02a1c5b2e001', eventId: 'ev-1', ani: '+81355501234', queue: 'Support' };

function nsPer(n: number, run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / n;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function recordCost(mask: boolean): { recordNs: number; floorNs: number } {
  const n = 200_000;
  const records: number[] = [];
  const floors: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const recorder = new FlightRecorder({ mask });
    records.push(nsPer(n, () => {
      for (let i = 0; i < n; i += 1) recorder.record('event', RINGING, 'genesys');
    }));
    const sink: unknown[] = new Array(4_000);
    floors.push(nsPer(n, () => {
      for (let i = 0; i < n; i += 1) sink[i % 4_000] = { seq: i, at: performance.now(), kind: 'event', source: 'genesys', data: RINGING };
    }));
  }
  return { recordNs: median(records), floorNs: median(floors) };
}

/** ns per outside event for whole calls (ring, accept, established, released) through the machine. */
function machineCost(withRecorder: boolean): number {
  let toRoot: (event: AnyEventObject) => void = () => undefined;
  const genesys = fromCallback(({ sendBack }) => {
    toRoot = sendBack;
  });
  const fusion = fromCallback(({ sendBack }) => {
    sendBack({ type: 'fusion.ready' });
  });
  const rec = withRecorder ? recorderInspector(new FlightRecorder()) : undefined;
  const actor = createActor(toolbarMachine.provide({ actors: { genesys: genesys as never, fusion: fusion as never } }), {
    input: { config: DEFAULT_CONFIG },
    ...(rec ? { inspect: rec.inspect } : {}),
  });
  actor.start();
  toRoot({ type: 'genesys.connected' });
  toRoot({ type: 'genesys.registered' });
  // Few calls per actor: ended calls linger (endingLinger), so a long run would time their pile-up.
  const calls = 300;
  return nsPer(calls * 4, () => {
    for (let i = 0; i < calls; i += 1) {
      const connectionId = `c${i}`;
      toRoot({ type: 'genesys.ringing', connectionId, eventId: `e${i}`, ani: '+81355501234' });
      actor.send({ type: 'call.accept', key: `call:conn:${connectionId}` });
      toRoot({ type: 'genesys.established', connectionId });
      toRoot({ type: 'genesys.released', connectionId });
    }
  });
}

export interface RecorderFigure {
  name: string;
  ns: number;
  floorNs: number;
  ratio: number;
  addedNs?: number;
}

/** The figures, each beside its floor measured in the same run. */
export function recorderCost(): RecorderFigure[] {
  const masked = recordCost(true);
  const raw = recordCost(false);
  for (let i = 0; i < 3; i += 1) machineCost(i % 2 === 0); // warm-up
  // Interleaved rounds, so load on the machine hits both alike.
  const bares: number[] = [];
  const recordeds: number[] = [];
  for (let round = 0; round < 15; round += 1) {
    bares.push(machineCost(false));
    recordeds.push(machineCost(true));
  }
  const bare = median(bares);
  const recorded = median(recordeds);
  return [
    { name: 'recorder.record (masked) per event', ns: Math.round(masked.recordNs), floorNs: Math.round(masked.floorNs), ratio: +(masked.recordNs / masked.floorNs).toFixed(2) },
    { name: 'recorder.record (unmasked) per event', ns: Math.round(raw.recordNs), floorNs: Math.round(raw.floorNs), ratio: +(raw.recordNs / raw.floorNs).toFixed(2) },
    { name: 'machine + recorder inspector per outside event', ns: Math.round(recorded), floorNs: Math.round(bare), ratio: +(recorded / bare).toFixed(2), addedNs: Math.round(recorded - bare) },
  ];
}

/** ns per newCommEvent publish (request built, published, settled) with or without the UEF trace. */
async function publishCost(withTrace: boolean): Promise<number> {
  const request = { setEventId() {}, setAppClassification() {}, getInData: () => ({ setInDataValueByAttribute() {} }) };
  const answer = Promise.resolve({ responseDetails: { data: { payload: { outData: { SVCMCA_CONTACT_NAME: 'A' } } } } });
  const conn = { provider: { requestHelper: { createPublishRequest: () => request } }, phone: { publish: () => answer } } as unknown as Connected;
  const flight = createToolbarRecorder({ size: 4_000, mask: true, snapshot: () => undefined });
  const options = { appName: 'bench', watchdogMs: 60_000, commandTimeoutMs: 60_000, initTimeoutMs: 1, uuid: () => 'x', log: () => undefined };
  const session = createSession({} as UefGlobal, withTrace ? { ...options, trace: flight.uefTrace } : options, { sendBack: () => undefined, lang: 'en' });
  const n = 20_000;
  const inData = { SVCMCA_ANI: '+81355501234', SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_INBOUND' };
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) await publishWith(session, conn, 'newCommEvent', `e${i}`, () => undefined, undefined, inData);
  return Number(process.hrtime.bigint() - start) / n;
}

/** A traced publish (UEF trace into the recorder, settlement included) beside an untraced one, interleaved. */
export async function uefTraceCost(): Promise<RecorderFigure> {
  await publishCost(false); // warm-up
  await publishCost(true);
  const bares: number[] = [];
  const traced: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    bares.push(await publishCost(false));
    traced.push(await publishCost(true));
  }
  const bare = median(bares);
  const withTrace = median(traced);
  return { name: 'UEF publish + settlement traced (newCommEvent, watchdog) per publish', ns: Math.round(withTrace), floorNs: Math.round(bare), ratio: +(withTrace / bare).toFixed(2), addedNs: Math.round(withTrace - bare) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of recorderCost()) console.log(JSON.stringify(figure));
  console.log(JSON.stringify(await uefTraceCost()));
}
