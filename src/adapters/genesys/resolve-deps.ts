import { createBridgeTokenStore } from '../persistence/bridge-token';
import { DEFAULT_BACKOFF } from './backoff';
import { createCredentialBox } from './credentials';
import type { SsoWindow } from './sso-popup';
import type { AdapterLog, GenesysAdapterDeps, OnlineEventSource, ResolvedDeps } from './deps.types';

export const DEFAULT_COMMAND_TIMEOUT_MS = 5_000;
export const DEFAULT_SLEEP_CHECK_MS = 5_000;

const consoleLog: AdapterLog = (level, code, message, detail) => {
  const line = `[genesys] ${code}: ${message}`;
  if (detail === undefined) console[level](line);
  else console[level](line, detail);
};

/** crypto.randomUUID exists only in secure contexts; a plain-http LAN page still needs ids. */
function defaultNewId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function defaultOnlineSource(): OnlineEventSource | null {
  // Node hosts may have a `window` stand-in (cometd-nodejs-client installs one) without events.
  return typeof window === 'undefined' || typeof window.addEventListener !== 'function' ? null : window;
}

function defaultSsoWindow(): SsoWindow | null {
  return typeof window === 'undefined' || typeof window.open !== 'function' || typeof window.addEventListener !== 'function' ? null : (window as unknown as SsoWindow);
}

/** Jittered so many toolbars do not probe (or reconnect) in step when the service returns. */
export const DEFAULT_PROBE_MS = [500, 900] as const;

/** Fills in defaults; timers and fetch are looked up at call time so fake timers installed later apply. */
export function resolveDeps(deps: GenesysAdapterDeps): ResolvedDeps {
  return {
    WebSocket: deps.WebSocket ?? (globalThis as { WebSocket?: ResolvedDeps['WebSocket'] }).WebSocket,
    fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    random: deps.random ?? Math.random,
    now: deps.now ?? (() => Date.now()),
    log: deps.log ?? consoleLog,
    setTimeout: (callback, ms) => (deps.setTimeout ? deps.setTimeout(callback, ms) : globalThis.setTimeout(callback, ms)),
    clearTimeout: (handle) =>
      deps.clearTimeout
        ? deps.clearTimeout(handle)
        : globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
    onlineEvents: deps.onlineEvents === undefined ? defaultOnlineSource() : deps.onlineEvents,
    newId: deps.newId ?? defaultNewId,
    backoff: { ...DEFAULT_BACKOFF, ...deps.backoff },
    commandTimeoutMs: deps.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    snapshotTimeoutMs: deps.snapshotTimeoutMs ?? 3_000,
    sleepCheckMs: deps.sleepCheckMs ?? DEFAULT_SLEEP_CHECK_MS,
    probeMs: deps.probeMs === undefined ? DEFAULT_PROBE_MS : deps.probeMs,
    tokens: deps.tokens ?? createBridgeTokenStore(null),
    credentials: deps.credentials ?? createCredentialBox(),
    ssoWindow: deps.ssoWindow === undefined ? defaultSsoWindow() : deps.ssoWindow,
  };
}
