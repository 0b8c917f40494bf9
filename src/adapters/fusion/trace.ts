/**
 * UEF calls one by one, for the flight recorder: every publish and its settlement (resolved,
 * rejected, watchdog timeout, late answer), every subscription, every callback Fusion makes and the
 * toolbar's reply to it, with times. Entries are plain data kept by reference; the recorder masks
 * caller numbers and contact data when the log is read (undefined fields drop out of the JSON). A publish is traced after the call returns:
 * nothing is added before it.
 */
import type { UefEventName, UefOperation } from './uef.types';

export type UefOutcome = 'resolved' | 'rejected' | 'timeout' | 'late';

export type UefTraceEntry =
  /** `phone.publish(request)` made (n numbers the call; `data` is what the request carried). */
  | { uef: 'publish'; n: number; operation: UefOperation; eventId: string | undefined; data: unknown }
  /** A publish settled: `ms` since the call; a `late` answer came after the watchdog's `timeout`. */
  | { uef: 'settled'; n: number; operation: UefOperation; eventId: string | undefined; outcome: UefOutcome; ms: number; data?: unknown; message?: string }
  | { uef: 'subscribe'; event: UefEventName; ok: boolean; message?: string }
  /** Fusion called a subscription's callback (a command, a click-to-dial, a data update). */
  | { uef: 'callback'; n: number; event: UefEventName; data: unknown }
  /** The toolbar's answer to a command callback, `ms` after Fusion called it. */
  | { uef: 'reply'; n: number; event: UefEventName; command?: string; result: 'success' | 'failure'; ms: number; message?: string; data?: unknown }
  /** One step of start-up (initialize, the MCA and PHONE contexts). */
  | { uef: 'startUp'; step: 'initialize' | 'getMultiChannelAdaptorContext' | 'getCommunicationChannelContext'; outcome: 'resolved' | 'rejected'; ms: number; message?: string };

export type UefTrace = (entry: UefTraceEntry) => void;

/** What traces a session: the hook and a clock (monotonic ms), plus a running call number. */
export interface Tracer {
  trace: UefTrace;
  now: () => number;
  calls: number;
}

export function createTracer(trace: UefTrace | undefined, now: () => number = () => performance.now()): Tracer | undefined {
  return trace ? { trace, now, calls: 0 } : undefined;
}

/** Milliseconds since `start`, to the µs. */
export function since(tracer: Tracer, start: number): number {
  return Math.round((tracer.now() - start) * 1000) / 1000;
}
