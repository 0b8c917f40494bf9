/**
 * The Genesys bridge: the microservice the toolbar speaks to, in front of Genesys Web Services'
 * Workspace API v3 (docs/bridge.md). `startBridge` is what the CLI and the tests start.
 */
import { CookieJar, rawRequest } from './gws/rest';
import { startBridgeServer } from './server';
import { createBridgeLog } from './server/log';
import { BridgeMetrics } from './server/metrics';
import type { GwsProbe } from './server/ops';
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
  /** The bridge's public single sign-on callback URL (behind a proxy); default `<bridge url>/genesys/sso/callback`. */
  ssoRedirectUri?: string;
  /** Tests inject a fake; by default the GWS side's `createGwsSessionFactory`. */
  sessionFactory?: AgentSessionFactory;
}

export type BridgeHandle = BridgeServerHandle;

/** Readiness: GWS answers anything at all (a 401 included) within the deadline. */
function probeOf(gws: string, apiKey: string | undefined, deadlineMs: number): GwsProbe {
  return async () => {
    const answer = await rawRequest({ baseUrl: gws, apiKey, requestTimeoutMs: deadlineMs }, new CookieJar(), { method: 'GET', path: '/workspace/v3/current-session' });
    return answer.ok;
  };
}

/** Starts a bridge; resolves once it listens (`port: 0` picks a free port). */
export async function startBridge(options: BridgeOptions): Promise<BridgeHandle> {
  const { host, port, allowOrigins, tokenTtlSec, ticketTtlSec, signInsPerMinute, headersTimeoutMs, requestTimeoutMs, requestsPerSecond, tls, sessionKeys, instanceId, ssoRedirectUri, probeGws, now, sessionFactory, gwsTimeoutMs, log: given, metrics: givenMetrics, ...gws } = options;
  const log = given ?? createBridgeLog();
  const metrics = givenMetrics ?? new BridgeMetrics();
  const toolbarSide = { host, port, allowOrigins, tokenTtlSec, ticketTtlSec, signInsPerMinute, headersTimeoutMs, requestTimeoutMs, requestsPerSecond, tls, sessionKeys, instanceId, now };
  const defined = Object.fromEntries(Object.entries(toolbarSide).filter(([, value]) => value !== undefined)) as Partial<BridgeServerOptions>;
  const factory = sessionFactory ?? createGwsSessionFactory({ ...gws, log, observe: metrics, ...(gwsTimeoutMs === undefined ? {} : { requestTimeoutMs: gwsTimeoutMs }) });
  const probe = probeGws ?? probeOf(gws.gws, gws.apiKey, Math.min(gwsTimeoutMs ?? 2_000, 2_000));
  // Single sign-on wherever GWS has an OAuth authorize page (not Genesys' simulator).
  const sso = gws.gwsLogin === 'simulator' ? {} : { sso: { gws: gws.gws, clientId: gws.clientId ?? 'external_api_client', ...(ssoRedirectUri ? { redirectUri: ssoRedirectUri } : {}) } };
  return startBridgeServer({ ...defined, ...sso, sessionFactory: factory, log, metrics, probeGws: probe });
}
