/**
 * The bridge's GWS side: `createGwsSessionFactory` makes one XState session per signed-in agent
 * against GWS Workspace API v3 (src/bridge/README.md).
 */
import { gwsPorts } from '../gws/ports';
import type { GwsLoginMode } from '../gws/sign-in';
import type { AgentSessionFactory } from './agent-session.types';
import { createSessionFactory, type SessionFactoryOptions } from './factory';
import { observedPorts, type GwsObserver } from './observed';

export interface GwsSessionOptions extends Omit<SessionFactoryOptions, 'log'> {
  /** GWS base URL, e.g. `https://gws.example.com`. */
  readonly gws: string;
  /** Default `password`. */
  readonly gwsLogin?: GwsLoginMode;
  /** OAuth client of the bridge (password and authorize logins); default `external_api_client` / `secret` [INFER]. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Sent as `x-api-key` on every REST and CometD request when set (PureEngage Cloud). */
  readonly apiKey?: string;
  /** [INFER] redirect_uri of the authorize and simulator logins. */
  readonly redirectUri?: string;
  /** Deadline of every GWS REST request (default 5000 ms). */
  readonly requestTimeoutMs?: number;
  /** The bridge's log (pino-backed in the CLI): level, message, detail. */
  readonly log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string, detail?: Readonly<Record<string, unknown>>) => void;
  /** Told every notification, GWS error and recovery (the bridge's metrics). */
  readonly observe?: GwsObserver;
}

export function createGwsSessionFactory(options: GwsSessionOptions): AgentSessionFactory {
  const config = {
    baseUrl: options.gws,
    apiKey: options.apiKey,
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    login: options.gwsLogin ?? 'password',
    clientId: options.clientId ?? 'external_api_client',
    clientSecret: options.clientSecret ?? 'secret',
    redirectUri: options.redirectUri ?? 'http://localhost/callback',
  } as const;
  const { log, timings, inspect, observe } = options;
  // [INFER] Real GWS completes released calls itself (autoCompleteCall); Genesys' simulator never does.
  const translate = { completeReleasedCalls: config.login === 'simulator', ...options.translate };
  const factoryOptions: SessionFactoryOptions = {
    translate,
    ...(timings ? { timings } : {}),
    ...(inspect ? { inspect } : {}),
    ...(log ? { log: (level, code, message, detail) => log(level, `${code}: ${message}`, { code, ...detail }) } : {}),
  };
  return createSessionFactory(factoryOptions, (login) => (observe ? observedPorts(gwsPorts(config, login), observe) : gwsPorts(config, login)));
}

export type { AgentSession, AgentSessionFactory, AgentSessionState, CommandAdmission, GwsCredential, ResumeState, SignInResult, ToolbarCommand, ToolbarFrame } from './agent-session.types';
export { createSessionFactory, type SessionFactoryOptions } from './factory';
export type { GwsObserver } from './observed';
export { DEFAULT_TIMINGS, type SessionTimings } from './session.types';
export { agentSessionMachine } from './session.machine';
