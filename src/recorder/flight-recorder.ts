/**
 * A bounded ring buffer of what the toolbar saw and did (flight-log.ts). Recording is a few
 * property writes (masking and text happen when the log is read), cheap enough for the hot path,
 * where it replaces per-frame console logging.
 */
import { FLIGHT_LOG_FORMAT, FLIGHT_LOG_VERSION, type FlightEntry, type FlightKind, type FlightLog } from './flight-log';
import { maskCallerData } from './mask';

export const DEFAULT_RECORDER_SIZE = 4_000;

/** An entry as kept in the ring: raw data (masked on read) or a computation (state lines). */
interface Stored {
  seq: number;
  at: number;
  kind: FlightKind;
  data: unknown;
  source?: FlightEntry['source'] | undefined;
  compute?: () => unknown;
}

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
  private readonly ring: (Stored | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(options: RecorderOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? DEFAULT_RECORDER_SIZE));
    this.masked = options.mask ?? true;
    this.now = options.now ?? (() => performance.now());
    this.start = this.now();
    this.ring = new Array<Stored | undefined>(this.size);
  }

  record(kind: FlightKind, data: unknown, source?: FlightEntry['source']): void {
    this.store({ seq: this.seq, at: this.now() - this.start, kind, data, source });
  }

  /** An entry whose data is computed only when the log is read (a state line). */
  recordLazy(kind: FlightKind, compute: () => unknown): void {
    this.store({ seq: this.seq, at: this.now() - this.start, kind, data: undefined, compute });
  }

  private store(entry: Stored): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.size;
    this.seq += 1;
  }

  /** Entries recorded so far (including dropped ones). */
  get count(): number {
    return this.seq;
  }

  /** The kept entries, oldest first, as a log that replays and downloads (masked when set). */
  toLog(): FlightLog {
    const kept = this.seq < this.size ? this.ring.slice(0, this.seq) : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    const entries: FlightEntry[] = [];
    let lastTransition: unknown;
    for (const stored of kept) {
      if (stored === undefined) continue;
      const data = stored.compute ? stored.compute() : this.masked ? maskCallerData(stored.data) : stored.data;
      // A state seen again with nothing in between that changed it is said once.
      if (stored.kind === 'transition' && data === lastTransition) continue;
      if (stored.kind === 'transition') lastTransition = data;
      const entry: FlightEntry = { seq: stored.seq, at: Math.round(stored.at * 1000) / 1000, kind: stored.kind, data };
      if (stored.source) entry.source = stored.source;
      entries.push(entry);
    }
    return { format: FLIGHT_LOG_FORMAT, version: FLIGHT_LOG_VERSION, masked: this.masked, dropped: Math.max(0, this.seq - this.size), entries };
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.seq = 0;
  }
}
