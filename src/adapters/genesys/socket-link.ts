import { ceilingFor, createBackoff } from './backoff';
import type { ResolvedDeps, WebSocketConstructor, WebSocketLike } from './deps.types';
import type { SocketTarget } from './bridge-auth';
import type { ReplacedCode } from '../../machines/genesys.types';
import { startReachabilityProbe, type ReachabilityProbe } from './reachability';

/** A fixed URL, or one asked for before every open (a fresh single-use ticket from the bridge). */
export type LinkTarget = string | (() => Promise<SocketTarget>);

/** The URL as logs may show it: a ticket is a credential, even spent. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]ticket=)[^&#]*/, '$1…');
}

export interface LinkCallbacks {
  onOpen(): void;
  /** The URL source refused (the bridge no longer knows the token): the link has stopped. */
  onRefused?(): void;
  onData(data: unknown): void;
  onDown(info: { attempt: number; retryInMs: number; reason: string }): void;
  /** Another socket of the same agent took over (4000/4004): the link has stopped, no retry. */
  onReplaced?(info: { code: ReplacedCode; reason: string }): void;
}

/** Close codes after which retrying would take the socket back from the agent's other toolbar. */
const REPLACED_CODES: readonly number[] = [4000, 4004] satisfies ReplacedCode[];
const REASON_MAX = 123;

/** The close reason as the machine may keep it: text only, one line, at most a close frame's 123 characters. */
export function closeReason(reason: unknown): string {
  return typeof reason === 'string' ? reason.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, REASON_MAX) : '';
}

export interface SocketLink {
  readonly isOpen: boolean;
  /**
   * The service registered the agent on the current socket: the link works, so a later drop is
   * a flap, not an outage. Backoff starts afresh and grows again only while connecting fails.
   */
  markRegistered(): void;
  stop(): void;
}

const OPEN = 1;
const noop = (): void => undefined;

/**
 * Keeps one WebSocket open to `url`: reconnects with jittered backoff, retries at once on the
 * browser `online` event or after a wall-clock gap (laptop sleep), and releases everything on stop.
 */
export function openSocketLink(target: LinkTarget, deps: ResolvedDeps, callbacks: LinkCallbacks, probeUrl?: string): SocketLink {
  const { log } = deps;
  const backoff = createBackoff(deps.backoff, deps.random);
  let socket: WebSocketLike | null = null;
  let openedAt: number | null = null;
  // Whether the current socket got as far as a successful register.
  let registered = false;
  let retryTimer: unknown = null;
  let probe: ReachabilityProbe | null = null;
  // A retry the probe triggered that failed again must not re-trigger at once: back to plain backoff.
  let retryFromProbe = false;
  // The backoff step last logged at warn: later tries at the same step (the cap) go to debug.
  let loggedCeiling: number | null = null;
  let tickTimer: unknown = null;
  let lastTick = deps.now();
  let stopped = false;

  if (deps.WebSocket === undefined) throw new Error('No WebSocket implementation: pass deps.WebSocket (Node has no global one)');
  const Ctor: WebSocketConstructor = deps.WebSocket;

  let asking = 0;

  function connect(): void {
    retryTimer = null;
    probe?.stop();
    probe = null;
    if (typeof target === 'string') {
      openSocket(target);
      return;
    }
    const attempt = ++asking;
    void target().then((next) => {
      if (stopped || attempt !== asking) return;
      if ('url' in next) openSocket(next.url);
      else if ('refused' in next) {
        link.stop();
        callbacks.onRefused?.();
      } else scheduleRetry(next.retry, true);
    });
  }

  function openSocket(url: string): void {
    const shown = redactUrl(url);
    let next: WebSocketLike;
    try {
      next = new Ctor(url);
    } catch (error) {
      // A bad URL throws synchronously; treat it like a failed attempt so backoff still applies.
      log('error', 'WS_CONSTRUCT_FAILED', `Cannot open ${shown}`, error);
      scheduleRetry(`cannot open socket: ${(error as Error).message}`, false);
      return;
    }
    socket = next;
    openedAt = null;
    registered = false;
    let lastError = '';
    next.binaryType = 'arraybuffer';
    next.onopen = () => {
      if (socket !== next) return;
      openedAt = deps.now();
      retryFromProbe = false;
      loggedCeiling = null;
      log('info', 'WS_OPEN', `Connected to ${shown}`);
      callbacks.onOpen();
    };
    next.onmessage = (event) => {
      if (socket === next) callbacks.onData(event.data);
    };
    next.onerror = (event) => {
      const message = (event as { message?: unknown } | null)?.message;
      lastError = typeof message === 'string' ? message : 'socket error';
    };
    next.onclose = (event) => {
      if (socket !== next) return;
      socket = null;
      const wasOpen = openedAt !== null;
      if (wasOpen && REPLACED_CODES.includes(event.code) && callbacks.onReplaced) {
        const reason = closeReason(event.reason);
        log('warn', 'WS_REPLACED', `Another toolbar of this agent took the socket (code ${event.code}${reason ? `, ${reason}` : ''}); not reconnecting`);
        link.stop();
        callbacks.onReplaced({ code: event.code as ReplacedCode, reason });
        return;
      }
      // A register that succeeded, or a connection that stayed up long enough, proves the service
      // healthy: start backoff afresh, so a flapping link is back within the first (≤ base) delay.
      if (registered || (openedAt !== null && deps.now() - openedAt >= deps.backoff.healthyMs)) backoff.reset();
      const detail = [`code ${event.code}`, event.reason, lastError].filter(Boolean).join(', ');
      scheduleRetry(wasOpen ? `connection closed (${detail})` : `connection failed (${detail})`, !wasOpen);
    };
  }

  function scheduleRetry(reason: string, failedToConnect: boolean): void {
    const retryInMs = backoff.next();
    // Once per backoff step, not per try: the console keeps warnings, and a long outage would flood it.
    const ceiling = ceilingFor(backoff.attempt, deps.backoff);
    log(ceiling === loggedCeiling ? 'debug' : 'warn', 'WS_DOWN', `${reason}; retry ${backoff.attempt} in ${retryInMs} ms`);
    loggedCeiling = ceiling;
    callbacks.onDown({ attempt: backoff.attempt, retryInMs, reason });
    if (stopped) return;
    retryTimer = deps.setTimeout(connect, retryInMs);
    if (probeUrl && deps.probeMs !== null && retryInMs > deps.probeMs[0]) {
      const knownDown = failedToConnect && !retryFromProbe;
      retryFromProbe = false;
      probe = startReachabilityProbe(
        probeUrl,
        deps,
        () => {
          retryFromProbe = true;
          retryNow('the Genesys service answers again');
        },
        knownDown,
        deps.now() + retryInMs,
      );
    }
  }

  /** Skip the remaining backoff wait, if we are waiting. */
  function retryNow(why: string): void {
    if (stopped || retryTimer === null) return;
    log('info', 'WS_RETRY_NOW', `Retrying now: ${why}`);
    deps.clearTimeout(retryTimer);
    connect();
  }

  const onOnline = (): void => retryNow('browser is online again');

  /**
   * After sleep a socket can look open while the server dropped it long ago (half-open TCP): no
   * events would ever arrive. Drop it and connect afresh, which also registers again.
   */
  function reopen(why: string): void {
    const current = socket;
    if (current === null || stopped) return;
    socket = null;
    openedAt = null;
    registered = false;
    current.onopen = current.onmessage = current.onclose = current.onerror = noop;
    try {
      current.close(4000, 'reopening after sleep');
    } catch (error) {
      log('debug', 'WS_CLOSE_FAILED', 'Closing the socket threw', error);
    }
    log('warn', 'WS_REOPEN', `Reopening the socket: ${why}`);
    callbacks.onDown({ attempt: 0, retryInMs: 0, reason: why });
    connect();
  }

  function tick(): void {
    const now = deps.now();
    // Timers freeze while a laptop sleeps; a wall-clock jump well past the period means we woke up.
    if (now - lastTick > 2 * deps.sleepCheckMs) {
      const why = `clock jumped ${now - lastTick} ms (sleep or suspended tab)`;
      if (retryTimer !== null) retryNow(why);
      else reopen(why);
    }
    lastTick = now;
    tickTimer = deps.setTimeout(tick, deps.sleepCheckMs);
  }

  deps.onlineEvents?.addEventListener('online', onOnline);
  tickTimer = deps.setTimeout(tick, deps.sleepCheckMs);
  connect();

  const link: SocketLink = {
    get isOpen() {
      return socket !== null && openedAt !== null && socket.readyState === OPEN;
    },
    markRegistered() {
      if (socket !== null && openedAt !== null) registered = true;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      deps.onlineEvents?.removeEventListener('online', onOnline);
      if (retryTimer !== null) deps.clearTimeout(retryTimer);
      if (tickTimer !== null) deps.clearTimeout(tickTimer);
      retryTimer = tickTimer = null;
      probe?.stop();
      probe = null;
      const current = socket;
      socket = null;
      if (current !== null) {
        // No-op handlers, not null: `ws` throws on an 'error' event nobody listens to.
        current.onopen = current.onmessage = current.onclose = current.onerror = noop;
        try {
          current.close(1000, 'toolbar stopped');
        } catch (error) {
          log('debug', 'WS_CLOSE_FAILED', 'Closing the socket threw', error);
        }
      }
    },
  };
  return link;
}
