/**
 * One UEF session per page: initialise, subscribe and announce readiness exactly once per UEF
 * global, however many adapter actors start. A later actor rebinds where events go.
 */
import type { Lang } from '../../config';
import type { AgentPresence, FusionEvent } from '../../machines/fusion.types';
import { CallStore, type SavedEngagement } from './calls';
import { PendingCommands } from './pending';
import { KeyedQueue, withWatchdog } from './publish';
import { describeError, isObject, readPublishResponse } from './responses';
import { createTracer, since, type Tracer, type UefTrace } from './trace';
import type { UefGlobal, UefOperation, UefOperationRequest, UefPhoneContext, UefProvider } from './uef.types';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type FusionLog = (level: LogLevel, message: string) => void;

export interface SessionOptions {
  appName: string;
  watchdogMs: number;
  commandTimeoutMs: number;
  initTimeoutMs: number;
  uuid: () => string;
  log: FusionLog;
  /** Engagements a reload kept (Fusion already has them). */
  restore?: readonly SavedEngagement[];
  /** Hears every UEF call and its settlement (the flight recorder). */
  trace?: UefTrace;
  /** Monotonic milliseconds for the trace's timings (default performance.now). */
  now?: () => number;
}

/** Where events go: the running adapter actor, if any. */
export interface Binding {
  sendBack: (event: FusionEvent) => void;
  lang: Lang;
  /** Hears the open engagements after every change (the running toolbar's reload record). */
  onEngagements?: (engagements: SavedEngagement[]) => void;
}

export interface Connected {
  provider: UefProvider;
  phone: UefPhoneContext;
}

export interface Session {
  readonly uef: UefGlobal;
  readonly options: SessionOptions;
  binding: Binding | null;
  status: 'starting' | 'ready' | 'failed';
  failure?: { code: string; message: string };
  /** Settles once start-up is over: the contexts, or null if it failed. */
  ready: Promise<Connected | null>;
  /** Set once start-up is over and UEF is ready, for publishes that must not wait a microtask. */
  connected?: Connected;
  readonly calls: CallStore;
  readonly pending: PendingCommands;
  readonly queue: KeyedQueue;
  /** Set when UEF calls are traced. */
  readonly tracer?: Tracer;
  lastAgentState?: { presence: AgentPresence; reason?: string; reasonLabel?: string };
}

export function emit(session: Session, event: FusionEvent): void {
  if (session.binding) session.binding.sendBack(event);
  else session.options.log('warn', `fusion: ${event.type} dropped, no toolbar actor is running`);
}

/** A request object with the setters we are about to call; a missing one is a clear error. */
export function asRequest<T extends UefOperationRequest>(request: unknown, operation: string, methods: readonly string[]): T {
  if (!isObject(request)) throw new Error(`createPublishRequest('${operation}') returned no request`);
  // A loop, and the list of what is missing only when something is: this runs before every publish.
  for (const m of methods) {
    if (typeof request[m] !== 'function') throw new Error(`${operation} request lacks ${methods.filter((n) => typeof request[n] !== 'function').join(', ')}`);
  }
  return request as T;
}

/**
 * Publishes one operation under the watchdog. A rejection or timeout becomes
 * `fusion.publishFailed` and a log line; the response (or undefined) is returned. `detail` is what
 * the request carries, for the trace (recorded after the publish call returns).
 */
export async function publishWith(
  session: Session,
  conn: Connected,
  operation: UefOperation,
  eventId: string | undefined,
  build: (request: unknown) => void,
  onLate?: (response: unknown) => void,
  detail?: unknown,
): Promise<unknown> {
  const { log, watchdogMs } = session.options;
  const { tracer } = session;
  const n = tracer ? ++tracer.calls : 0;
  let started = 0;
  const outcome = await withWatchdog(
    () => {
      const request = conn.provider.requestHelper.createPublishRequest(operation);
      build(request);
      const pending = conn.phone.publish(request);
      if (tracer) {
        started = tracer.now();
        tracer.trace({ uef: 'publish', n, operation, eventId, data: detail });
      }
      return pending;
    },
    watchdogMs,
    (late) => {
      if (tracer) tracer.trace({ uef: 'settled', n, operation, eventId, outcome: 'late', ms: since(tracer, started), data: readPublishResponse(late) });
      log('info', `fusion: late answer to ${operation}${eventId ? ` (${eventId})` : ''}`);
      onLate?.(late);
    },
  );
  if (tracer) {
    // A request that could not be built or published was never made: 0 ms.
    const ms = started === 0 ? 0 : since(tracer, started);
    tracer.trace(
      outcome.ok
        ? { uef: 'settled', n, operation, eventId, outcome: 'resolved', ms, data: readPublishResponse(outcome.response) }
        : { uef: 'settled', n, operation, eventId, outcome: outcome.code === 'UEF_TIMEOUT' ? 'timeout' : 'rejected', ms, message: outcome.message },
    );
  }
  if (outcome.ok) return outcome.response;
  log('warn', `fusion: ${operation}${eventId ? ` (${eventId})` : ''} ${outcome.code}: ${outcome.message}`);
  emit(session, { type: 'fusion.publishFailed', operation, eventId, code: outcome.code, message: outcome.message });
  return undefined;
}

export function createSession(uef: UefGlobal, options: SessionOptions, binding: Binding): Session {
  // The toolbar bound now hears the changes: after a tab hand-over, the new one's record, never the old one's.
  const calls: CallStore = new CallStore(() => session.binding?.onEngagements?.(calls.saved()));
  const tracer = createTracer(options.trace, options.now);
  const session: Session = {
    ...(tracer ? { tracer } : {}),
    uef,
    options,
    binding,
    status: 'starting',
    ready: Promise.resolve(null),
    calls,
    pending: new PendingCommands(options.commandTimeoutMs),
    queue: new KeyedQueue(),
  };
  if (options.restore) calls.restore(options.restore);
  return session;
}

/** initialize → MCA context → PHONE context, each under one deadline. */
export async function connect(session: Session): Promise<Connected> {
  const { appName, initTimeoutMs } = session.options;
  const step = traceStep(session.tracer);
  return withDeadline(
    (async () => {
      const provider: unknown = await step('initialize', () => session.uef.uiEventsFramework.initialize(appName, 'v1'));
      if (!isObject(provider) || !isObject(provider.requestHelper) || typeof provider.getMultiChannelAdaptorContext !== 'function') {
        throw new Error('initialize() returned no provider');
      }
      const typed = provider as unknown as UefProvider;
      const mca: unknown = await step('getMultiChannelAdaptorContext', () => typed.getMultiChannelAdaptorContext());
      if (!isObject(mca) || typeof mca.getCommunicationChannelContext !== 'function') {
        throw new Error('getMultiChannelAdaptorContext() returned no context');
      }
      const phone: unknown = await step('getCommunicationChannelContext', () =>
        (mca as { getCommunicationChannelContext(c: 'PHONE'): Promise<unknown> }).getCommunicationChannelContext('PHONE'),
      );
      if (!isObject(phone) || typeof phone.publish !== 'function' || typeof phone.subscribe !== 'function') {
        throw new Error("getCommunicationChannelContext('PHONE') returned no phone context");
      }
      return { provider: typed, phone: phone as unknown as UefPhoneContext };
    })(),
    initTimeoutMs,
  );
}

type StartStep = 'initialize' | 'getMultiChannelAdaptorContext' | 'getCommunicationChannelContext';

/** Runs one start-up call, traced with its outcome and time when a tracer is set. */
function traceStep(tracer: Tracer | undefined): <T>(step: StartStep, call: () => Promise<T>) => Promise<T> {
  return async (step, call) => {
    if (!tracer) return call();
    const start = tracer.now();
    try {
      const value = await call();
      tracer.trace({ uef: 'startUp', step, outcome: 'resolved', ms: since(tracer, start) });
      return value;
    } catch (error) {
      tracer.trace({ uef: 'startUp', step, outcome: 'rejected', ms: since(tracer, start), message: describeError(error) });
      throw error;
    }
  };
}

export class InitTimeout extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new InitTimeout(`UEF start-up took longer than ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(describeError(error)));
      },
    );
  });
}
