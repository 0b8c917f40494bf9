/**
 * A bounded ring buffer of what the toolbar saw and did (flight-log.ts). Recording is a few
 * property writes and, when masking, a shallow copy of small event objects: cheap enough for
 * the hot path, where it replaces per-frame console logging.
 */
import { FLIGHT_LOG_FORMAT, FLIGHT_LOG_VERSION, type FlightEntry, type FlightKind, type FlightLog } from './flight-log';
import { maskCallerData } from './mask';

export const DEFAULT_RECORDER_SIZE = 4_000;

export interface RecorderOptions {
  /** Entries kept; the oldest are dropped past it. */
  size?: number;
  /** Mask caller numbers and contact data (default true). */
  mask?: boolean;
  /** Monotonic milliseconds (default performance.now). */
  now?: () => number;
}

export class FlightRecorder {
  readonly size: number;
  readonly masked: boolean;
  private readonly now: () => number;
  private readonly start: number;
  private readonly ring: (FlightEntry | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(options: RecorderOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? DEFAULT_RECORDER_SIZE));
    this.masked = options.mask ?? true;
    this.now = options.now ?? (() => performance.now());
    this.start = this.now();
    this.ring = new Array<FlightEntry | undefined>(this.size);
  }

  record(kind: FlightKind, data: unknown, source?: FlightEntry['source']): void {
    const entry: FlightEntry = { seq: this.seq, at: Math.round((this.now() - this.start) * 1000) / 1000, kind, data: this.masked ? maskCallerData(data) : data };
    if (source) entry.source = source;
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.size;
    this.seq += 1;
  }

  /** Entries recorded so far (including dropped ones). */
  get count(): number {
    return this.seq;
  }

  /** The kept entries, oldest first, as a log that replays and downloads. */
  toLog(): FlightLog {
    const kept = this.seq < this.size ? this.ring.slice(0, this.seq) : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return {
      format: FLIGHT_LOG_FORMAT,
      version: FLIGHT_LOG_VERSION,
      masked: this.masked,
      dropped: Math.max(0, this.seq - this.size),
      entries: kept.filter((entry): entry is FlightEntry => entry !== undefined),
    };
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.seq = 0;
  }
}
