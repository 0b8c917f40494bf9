/** Shapes of the bridge's toolbar side (HTTP + WebSocket server). */
import type { AgentSessionFactory } from '../session/agent-session.types';
import type { SessionKey } from './seal';
import type { SsoConfig } from './sso';
import type { BridgeMetrics } from './metrics';
import type { GwsProbe } from './ops';

export type BridgeLogLevel = 'debug' | 'info' | 'warn' | 'error';
/** A log line: never a token, ticket, password or GWS cookie in `message` or `detail`. */
export type BridgeLog = (level: BridgeLogLevel, message: string, detail?: Readonly<Record<string, unknown>>) => void;

/** Milliseconds since the epoch; injected so tests can move time (token and ticket expiry, throttling). */
export type Clock = () => number;

export interface BridgeServerOptions {
  sessionFactory: AgentSessionFactory;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 8087; 0 picks a free port. */
  port?: number;
  /** Origins allowed by CORS and for socket upgrades (`*` = any). Default: loopback origins only. */
  allowOrigins?: readonly string[];
  /** Bridge session token lifetime (default 8 h). */
  tokenTtlSec?: number;
  /** Socket ticket lifetime (default 30 s). */
  ticketTtlSec?: number;
  /** Sign-in attempts per username per minute before 429 (default 5). */
  signInsPerMinute?: number;
  /** A request's headers must arrive within this (default 5 s), the whole request within `requestTimeoutMs` (default 10 s). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Toolbar requests per second per bridge session (commands, tickets, sign-out) before 429 TOO_MANY_COMMANDS (default 10, bursts of 20). */
  requestsPerSecond?: number;
  /** PEM certificate and key: the bridge serves https: and wss: itself. */
  tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Per-process metrics (the GWS side reports into the same one); made here when absent. */
  metrics?: BridgeMetrics;
  /** `GET /readyz`'s check that GWS answers (cached a few seconds); without it readyz reports `gws: "unknown"`. */
  probeGws?: GwsProbe;
  /** Keys every instance shares to seal tokens and tickets (the first seals; docs/topology.md); default: a random key of this process. */
  sessionKeys?: readonly SessionKey[];
  /** This instance's name, the routing tag in front of its tokens and tickets (the proxy sends an agent to the instance that signed it in); default random. */
  instanceId?: string;
  /** Single sign-on through GWS's OAuth authorize page (`/genesys/sso/start`, `/genesys/sso/callback`); off without it. */
  sso?: SsoConfig;
  now?: Clock;
  log?: BridgeLog;
}

export interface BridgeServerHandle {
  /** http://host:port, or https:// with `tls` */
  readonly url: string;
  readonly port: number;
  /** The bridge's Prometheus registry and counters. */
  readonly metrics: BridgeMetrics;
  /** How many bridge sessions (signed-in tokens) are live. */
  sessions(): number;
  /**
   * Stops accepting, closes every toolbar socket (1012, so toolbars reconnect) and, unless
   * `keepGwsSessions`, signs every agent out of GWS. Idempotent.
   */
  close(options?: { keepGwsSessions?: boolean }): Promise<void>;
}

/** The error body of every refusal: a stable code the toolbar can switch on, and a human message. */
export type RefusalCode =
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_THROTTLED'
  | 'SIGN_IN_INVALID'
  | 'GWS_UNREACHABLE'
  | 'GWS_INIT_FAILED'
  | 'SESSION_INVALID'
  | 'NOT_YOUR_AGENT'
  | 'NOT_YOUR_CALL'
  | 'NOT_SUPPORTED'
  | 'NOT_ONLINE'
  | 'TOO_MANY_COMMANDS'
  | 'BAD_COMMAND'
  | 'BODY_INVALID'
  | 'BODY_TOO_LARGE'
  | 'ORIGIN_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'SHUTTING_DOWN'
  | 'TICKET_INVALID'
  | 'SSO_INVALID'
  | 'INTERNAL';
