/**
 * What the Genesys adapter needs from its environment, injectable for tests and non-browser hosts.
 */
import type { BridgeTokenStore } from '../persistence/bridge-token';
import type { CredentialBox } from './credentials';
import type { SsoWindow } from './sso-popup';

/** Handler typed with method bivariance so both the DOM WebSocket and `ws`'s WebSocket fit. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The subset of the WebSocket API the adapter uses (DOM `WebSocket` and `ws` both satisfy it). */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
  onerror: Handler<unknown> | null;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured log sink: `code` is stable (e.g. `WS_OPEN`, `FRAME_INVALID`), `message` is for people. */
export type AdapterLog = (level: LogLevel, code: string, message: string, detail?: unknown) => void;

/** Something that can emit the browser `online` event (normally `window`). */
export interface OnlineEventSource {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
}

/** Reconnect timing; defaults match the budget in DESIGN.md (0.5 s doubling, capped at 30 s). */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** An open socket that lived at least this long resets the attempt count. */
  healthyMs: number;
}

export interface GenesysAdapterDeps {
  /** Defaults to `globalThis.WebSocket` (absent in Node 20: pass `ws`'s WebSocket). */
  WebSocket?: WebSocketConstructor;
  fetch?: typeof fetch;
  /** In [0, 1); drives backoff jitter. */
  random?: () => number;
  /** Wall-clock ms; used for sleep detection and connection health. */
  now?: () => number;
  log?: AdapterLog;
  setTimeout?(callback: () => void, ms: number): unknown;
  clearTimeout?(handle: unknown): void;
  /** Source of `online` events; defaults to `window` when it exists. */
  onlineEvents?: OnlineEventSource | null;
  /** New eventId for an EventRinging that has none; defaults to `crypto.randomUUID`. */
  newId?: () => string;
  backoff?: Partial<BackoffOptions>;
  /** A POST with no answer after this long fails with REST_TIMEOUT (default 5000). */
  commandTimeoutMs?: number;
  /** [INFER] How long after asking for a snapshot its EventSnapshot may take (default 3000). */
  snapshotTimeoutMs?: number;
  /** Period of the sleep-detection tick (default 5000); a gap over twice this retries at once. */
  sleepCheckMs?: number;
  /**
   * While waiting out a backoff, how often to check (HEAD to the REST URL) whether the service is
   * reachable again, as [min, max] ms; a down→up flip retries at once. `null` turns probing off.
   */
  probeMs?: readonly [number, number] | null;
  /** auth=bridge: where the token is kept (default: memory only; main.tsx gives sessionStorage's). */
  tokens?: BridgeTokenStore;
  /** auth=bridge: where the sign-in form leaves the password for the adapter. */
  credentials?: CredentialBox;
  /** auth=bridge: the window that opens the single sign-on popup and hears its message (default `window`; null: no SSO). */
  ssoWindow?: SsoWindow | null;
}

/** The deps with every default filled in. */
export interface ResolvedDeps {
  WebSocket: WebSocketConstructor | undefined;
  fetch: typeof fetch;
  random: () => number;
  now: () => number;
  log: AdapterLog;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  onlineEvents: OnlineEventSource | null;
  newId: () => string;
  backoff: BackoffOptions;
  commandTimeoutMs: number;
  snapshotTimeoutMs: number;
  sleepCheckMs: number;
  probeMs: readonly [number, number] | null;
  tokens: BridgeTokenStore;
  credentials: CredentialBox;
  ssoWindow: SsoWindow | null;
}
