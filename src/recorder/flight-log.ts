/**
 * The flight recorder's log: what came in (frames, events), what the machine did (transitions) and
 * what went out (commands, UEF calls), with monotonic times. A downloaded log replays into the real
 * machine (replay.ts), so a field log becomes a regression test.
 */
export const FLIGHT_LOG_FORMAT = 'fusion-toolbar-flight-log';
export const FLIGHT_LOG_VERSION = 1;

export type FlightKind =
  /** A raw Genesys WebSocket frame, before decoding. */
  | 'frame'
  /** An event into the root machine; `source` says who sent it (genesys, fusion, ui). */
  | 'event'
  /** Virtual or real time passing that fires the machine's delays (replay advances its clock). */
  | 'timer'
  /** The root's state after an event (value, plus each call's state). */
  | 'transition'
  /** A command the machine sent to an adapter (Genesys POST, Fusion publish/respond). */
  | 'command'
  /** A UEF call or its outcome. */
  | 'uef';

export interface FlightEntry {
  seq: number;
  /** Milliseconds since the recorder started (performance.now based, monotonic). */
  at: number;
  kind: FlightKind;
  source?: 'genesys' | 'fusion' | 'ui';
  data: unknown;
}

export interface FlightLog {
  format: typeof FLIGHT_LOG_FORMAT;
  version: typeof FLIGHT_LOG_VERSION;
  /** Whether caller numbers and contact data were masked when recorded. */
  masked: boolean;
  /** Entries dropped because the ring buffer was full (the oldest go first). */
  dropped: number;
  entries: FlightEntry[];
}

export function isFlightLog(value: unknown): value is FlightLog {
  if (typeof value !== 'object' || value === null) return false;
  const log = value as Partial<FlightLog>;
  return log.format === FLIGHT_LOG_FORMAT && log.version === FLIGHT_LOG_VERSION && Array.isArray(log.entries);
}
