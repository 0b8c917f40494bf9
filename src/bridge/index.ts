/**
 * The Genesys bridge: the microservice the toolbar speaks to, in front of Genesys Web Services'
 * Workspace API v3 (docs/bridge.md). `startBridge` is what the CLI and the tests start.
 */
import { startBridgeServer } from './server';
import { createBridgeLog } from './server/log';
import type { BridgeServerHandle, BridgeServerOptions } from './server/types';
import { createGwsSessionFactory, type AgentSessionFactory, type GwsSessionOptions } from './session';

export type GwsLogin = NonNullable<GwsSessionOptions['gwsLogin']>;
export const GWS_LOGINS: readonly GwsLogin[] = ['password', 'authorize', 'simulator'];

/**
 * The toolbar side's options (host, port, origins, lifetimes, timeouts of toolbar requests, clock,
 * log) and the GWS side's (where GWS is, how agents sign in; `gwsTimeoutMs` is its request deadline).
 */
export interface BridgeOptions extends Omit<GwsSessionOptions, 'log' | 'requestTimeoutMs'>, Omit<BridgeServerOptions, 'sessionFactory'> {
  gwsTimeoutMs?: number;
  /** Tests inject a fake; by default the GWS side's `createGwsSessionFactory`. */
  sessionFactory?: AgentSessionFactory;
}

export type BridgeHandle = BridgeServerHandle;

/** Starts a bridge; resolves once it listens (`port: 0` picks a free port). */
export async function startBridge(options: BridgeOptions): Promise<BridgeHandle> {
  const { host, port, allowOrigins, tokenTtlSec, ticketTtlSec, signInsPerMinute, headersTimeoutMs, requestTimeoutMs, now, sessionFactory, gwsTimeoutMs, log: given, ...gws } = options;
  const log = given ?? createBridgeLog();
  const toolbarSide = { host, port, allowOrigins, tokenTtlSec, ticketTtlSec, signInsPerMinute, headersTimeoutMs, requestTimeoutMs, now };
  const defined = Object.fromEntries(Object.entries(toolbarSide).filter(([, value]) => value !== undefined)) as Partial<BridgeServerOptions>;
  const factory = sessionFactory ?? createGwsSessionFactory({ ...gws, log, ...(gwsTimeoutMs === undefined ? {} : { requestTimeoutMs: gwsTimeoutMs }) });
  return startBridgeServer({ ...defined, sessionFactory: factory, log });
}
