/**
 * One UEF session per page: initialise, subscribe and announce readiness exactly once per UEF
 * global, however many adapter actors start. A later actor rebinds where events go.
 */
import type { Lang } from '../../config';
import type { AgentPresence, FusionEvent } from '../../machines/fusion.types';
import { CallStore, type SavedEngagement } from './calls';
import { PendingCommands } from './pending';
import { KeyedQueue, withWatchdog } from './publish';
import { describeError, isObject } from './responses';
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
  /** Hears the open engagements after every change (the reload record). */
  onEngagements?: (engagements: SavedEngagement[]) => void;
}

/** Where events go: the running adapter actor, if any. */
export interface Binding {
  sendBack: (event: FusionEvent) => void;
  lang: Lang;
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
  lastAgentState?: { presence: AgentPresence; reason?: string; reasonLabel?: string };
}

export function emit(session: Session, event: FusionEvent): void {
  if (session.binding) session.binding.sendBack(event);
  else session.options.log('warn', `fusion: ${event.type} dropped, no toolbar actor is running`);
}

/** A request object with the setters we are about to call; a missing one is a clear error. */
export function asRequest<T extends UefOperationRequest>(request: unknown, operation: string, methods: readonly string[]): T {
  if (!isObject(request)) throw new Error(`createPublishRequest('${operation}') returned no request`);
  const missing = methods.filter((m) => typeof request[m] !== 'function');
  if (missing.length > 0) throw new Error(`${operation} request lacks ${missing.join(', ')}`);
  return request as T;
}

/**
 * Publishes one operation under the watchdog. A rejection or timeout becomes
 * `fusion.publishFailed` and a log line; the response (or undefined) is returned.
 */
export async function publishWith(
  session: Session,
  conn: Connected,
  operation: UefOperation,
  eventId: string | undefined,
  build: (request: unknown) => void,
  onLate?: (response: unknown) => void,
): Promise<unknown> {
  const { log, watchdogMs } = session.options;
  const outcome = await withWatchdog(
    () => {
      const request = conn.provider.requestHelper.createPublishRequest(operation);
      build(request);
      return conn.phone.publish(request);
    },
    watchdogMs,
    (late) => {
      log('info', `fusion: late answer to ${operation}${eventId ? ` (${eventId})` : ''}`);
      onLate?.(late);
    },
  );
  if (outcome.ok) return outcome.response;
  log('warn', `fusion: ${operation}${eventId ? ` (${eventId})` : ''} ${outcome.code}: ${outcome.message}`);
  emit(session, { type: 'fusion.publishFailed', operation, eventId, code: outcome.code, message: outcome.message });
  return undefined;
}

export function createSession(uef: UefGlobal, options: SessionOptions, binding: Binding): Session {
  const calls: CallStore = new CallStore(() => options.onEngagements?.(calls.saved()));
  if (options.restore) calls.restore(options.restore);
  return {
    uef,
    options,
    binding,
    status: 'starting',
    ready: Promise.resolve(null),
    calls,
    pending: new PendingCommands(options.commandTimeoutMs),
    queue: new KeyedQueue(),
  };
}

/** initialize → MCA context → PHONE context, each under one deadline. */
export async function connect(session: Session): Promise<Connected> {
  const { appName, initTimeoutMs } = session.options;
  return withDeadline(
    (async () => {
      const provider: unknown = await session.uef.uiEventsFramework.initialize(appName, 'v1');
      if (!isObject(provider) || !isObject(provider.requestHelper) || typeof provider.getMultiChannelAdaptorContext !== 'function') {
        throw new Error('initialize() returned no provider');
      }
      const typed = provider as unknown as UefProvider;
      const mca: unknown = await typed.getMultiChannelAdaptorContext();
      if (!isObject(mca) || typeof mca.getCommunicationChannelContext !== 'function') {
        throw new Error('getMultiChannelAdaptorContext() returned no context');
      }
      const phone: unknown = await (mca as { getCommunicationChannelContext(c: 'PHONE'): Promise<unknown> }).getCommunicationChannelContext(
        'PHONE',
      );
      if (!isObject(phone) || typeof phone.publish !== 'function' || typeof phone.subscribe !== 'function') {
        throw new Error("getCommunicationChannelContext('PHONE') returned no phone context");
      }
      return { provider: typed, phone: phone as unknown as UefPhoneContext };
    })(),
    initTimeoutMs,
  );
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
