/**
 * The Genesys bridge: the microservice the toolbar speaks to, in front of Genesys Web Services'
 * Workspace API v3 (docs/bridge.md). `startBridge` is what the CLI and the tests start.
 */
import type { AgentSessionFactory } from './session/agent-session.types';
import { startBridgeServer } from './server';
import { createBridgeLog } from './server/log';
import type { BridgeLog, BridgeServerHandle, BridgeServerOptions } from './server/types';

export type GwsLogin = 'password' | 'authorize' | 'simulator';
export const GWS_LOGINS: readonly GwsLogin[] = ['password', 'authorize', 'simulator'];

/** What the GWS side needs to make agent sessions: where GWS is and how agents sign in to it. */
export interface GwsConfig {
  /** GWS base URL, e.g. `https://gws.example.com` (no trailing path needed). */
  readonly gws: string;
  readonly gwsLogin: GwsLogin;
  /** OAuth client of the bridge (password and authorize logins). */
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly log: BridgeLog;
}

/** The toolbar side's options (host, port, origins, lifetimes, clock, log) and where GWS is. */
export interface BridgeOptions extends Omit<GwsConfig, 'log'>, Omit<BridgeServerOptions, 'sessionFactory'> {
  /** Tests inject a fake; by default the GWS side's `createGwsSessionFactory`. */
  sessionFactory?: AgentSessionFactory;
}

export type BridgeHandle = BridgeServerHandle;

type FactoryMaker = (config: GwsConfig) => AgentSessionFactory;

/** The GWS side's factory, loaded when no factory is injected (so a test with a fake never loads CometD). */
async function defaultFactory(config: GwsConfig): Promise<AgentSessionFactory> {
  const specifier = './session/index';
  const loaded: unknown = await import(/* @vite-ignore */ specifier).catch(() => undefined);
  const make = typeof loaded === 'object' && loaded !== null ? (loaded as { createGwsSessionFactory?: unknown }).createGwsSessionFactory : undefined;
  if (typeof make !== 'function') throw new Error('the bridge\'s GWS side (src/bridge/session/index.ts, createGwsSessionFactory) is not available');
  return (make as FactoryMaker)(config);
}

/** Starts a bridge; resolves once it listens (`port: 0` picks a free port). */
export async function startBridge(options: BridgeOptions): Promise<BridgeHandle> {
  const log = options.log ?? createBridgeLog();
  const factory =
    options.sessionFactory ??
    (await defaultFactory({
      gws: options.gws,
      gwsLogin: options.gwsLogin,
      log,
      ...(options.clientId === undefined ? {} : { clientId: options.clientId }),
      ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
    }));
  const { gws: _gws, gwsLogin: _login, clientId: _id, clientSecret: _secret, sessionFactory: _factory, ...server } = options;
  return startBridgeServer({ ...server, sessionFactory: factory, log });
}
