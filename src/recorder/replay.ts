/**
 * Replays a flight log into the real toolbar machine: inert adapters, a simulated clock advanced
 * by the time between entries, every recorded outside event sent again. Returns the state before
 * each event (and at the end), to compare with the log's `transition` entries.
 */
import { createActor, fromCallback, SimulatedClock, type AnyEventObject, type SnapshotFrom } from 'xstate';
import { DEFAULT_CONFIG, type ToolbarConfig } from '../config';
import type { AdapterInput } from '../machines/actors.types';
import type { FusionCommand } from '../machines/fusion.types';
import type { GenesysCommand } from '../machines/genesys.types';
import { toolbarMachine, type ToolbarMachine } from '../machines/toolbar.machine';
import type { ToolbarEvent } from '../machines/toolbar.types';
import type { FlightEntry, FlightLog } from './flight-log';
import { stateLine } from './state-line';

export interface ReplayOptions {
  config?: Partial<ToolbarConfig>;
  /** Called after each replayed event with the root's snapshot; throw to stop (fuzz checks). */
  onStep?: (snapshot: SnapshotFrom<ToolbarMachine>, entry: FlightEntry) => void;
}

export interface ReplayResult {
  /** Distinct consecutive state lines, as the recorder writes its `transition` entries. */
  states: string[];
  genesysCommands: GenesysCommand[];
  fusionCommands: FusionCommand[];
  errors: unknown[];
  snapshot: SnapshotFrom<ToolbarMachine>;
  /** Advance the clock past every pending deadline, then return the state line. */
  drain: (ms: number) => string;
}

/** The `transition` entries of a log: the state sequence a replay must reproduce. */
export function recordedStates(log: FlightLog): string[] {
  return log.entries.filter((entry) => entry.kind === 'transition').map((entry) => String(entry.data));
}

export function replay(log: FlightLog, options: ReplayOptions = {}): ReplayResult {
  const genesysCommands: GenesysCommand[] = [];
  const fusionCommands: FusionCommand[] = [];
  const errors: unknown[] = [];
  const genesys = fromCallback<GenesysCommand, AdapterInput>(({ receive }) => receive((command) => genesysCommands.push(command)));
  const fusion = fromCallback<FusionCommand, AdapterInput>(({ receive }) => receive((command) => fusionCommands.push(command)));
  const clock = new SimulatedClock();
  const config: ToolbarConfig = { ...DEFAULT_CONFIG, ...options.config };
  const actor = createActor(toolbarMachine.provide({ actors: { genesys, fusion } }), { input: { config }, clock });
  actor.subscribe({ error: (error) => errors.push(error) });
  actor.start();
  const states: string[] = [];
  const mark = () => {
    const line = stateLine(actor.getSnapshot());
    if (states.at(-1) !== line) states.push(line);
  };
  let lastAt: number | undefined;
  for (const entry of log.entries) {
    if (entry.kind === 'timer') {
      clock.increment(Math.max(0, Number((entry.data as { ms?: unknown }).ms) || 0));
      continue;
    }
    if (entry.kind !== 'event') continue;
    if (lastAt !== undefined && entry.at > lastAt) clock.increment(entry.at - lastAt);
    lastAt = entry.at;
    mark();
    actor.send(entry.data as ToolbarEvent & AnyEventObject);
    options.onStep?.(actor.getSnapshot(), entry);
  }
  mark();
  return {
    states,
    genesysCommands,
    fusionCommands,
    errors,
    get snapshot() {
      return actor.getSnapshot();
    },
    drain(ms) {
      clock.increment(ms);
      mark();
      return stateLine(actor.getSnapshot());
    },
  };
}
