/** Shapes shared by the Genesys microservice simulator's modules. */

export type SimLogLevel = 'debug' | 'info' | 'warn' | 'error';
export type SimLog = (level: SimLogLevel, message: string, detail?: unknown) => void;

export type AgentStatus = 'loggedOut' | 'ready' | 'notReady';
export type CallStatus = 'ringing' | 'dialing' | 'established' | 'held' | 'released';
export type Direction = 'inbound' | 'outbound';

/** A WebSocket frame as sent: `eventName` plus T-Server-style attributes. */
export type Frame = { eventName: string } & Record<string, unknown>;

/** `full`: the contract in README.md; `mock`: the public mock's behaviour (public-mock.ts). */
export type SimMode = 'full' | 'mock';

export interface SimConfig {
  mode: SimMode;
  /** Delay between EventDialing and the far end's answer (or busy) for MakeCall. */
  dialDelayMs: number;
  /** [INFER] Delay before a consult target answers (InitiateTransfer/InitiateConference); /sim/remoteAnswer answers at once. */
  consultDelayMs: number;
  /** Numbers that answer busy; any number ending in 486 is busy too. */
  busyNumbers: string[];
  /** [INFER] `snapshot`: answered (`on`), refused with 400 (`refuse`), or 200 with no frame (`silent`). */
  snapshot: 'on' | 'refuse' | 'silent';
}

export interface SimOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Origins allowed by CORS and for WebSocket upgrades; `*` allows any. Default: any loopback origin. */
  allowedOrigins?: string[];
  dialDelayMs?: number;
  /** Delay before a consult target answers (default: the dial delay). */
  consultDelayMs?: number;
  busyNumbers?: string[];
  mode?: SimMode;
  /** How `snapshot` is answered (default `on`). */
  snapshot?: SimConfig['snapshot'];
  log?: SimLog;
  /** Unreleased calls per agent before rings and dials get 429 (default 32). */
  maxCallsPerAgent?: number;
  /** A request must be complete within this (default 10 s); its headers within `headersTimeoutMs` (default 5 s). */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /**
   * Host names (the Host header, without port) accepted besides loopback ones (`localhost`,
   * `*.localhost`, `127.0.0.0/8`, `[::1]`); `*` accepts any. Default none: DNS rebinding cannot reach it.
   */
  allowedHosts?: string[];
  /** Agents known at once before a new one gets 429 `SIM_AGENT_LIMIT` (default 2000). */
  maxAgents?: number;
  /** Open WebSockets in total before a new one gets 429 `SIM_SOCKET_LIMIT` (default 4000). */
  maxSockets?: number;
  /** Open WebSockets per agent before a new one gets 429 `SIM_AGENT_SOCKET_LIMIT` (default 8). */
  maxSocketsPerAgent?: number;
  /** An agent with no socket and no request for this long is forgotten with its calls (default 10 min). */
  agentIdleMs?: number;
}

export interface AgentSnapshot {
  id: string;
  status: AgentStatus;
  reason?: string;
  dn: string;
  registered: boolean;
  connected: boolean;
  sockets: number;
  queued: number;
}

export interface CallSnapshot {
  connectionId: string;
  agent: string;
  status: CallStatus;
  direction: Direction;
  /** Caller (inbound) or dialled number (outbound): sent as ANI like the public mock does. */
  ani: string;
  eventId?: string;
  queue?: string;
  callState?: string;
  /** [INFER] A consult leg: the held call it consults for (sent as previousConnectionId/TransferConnID). */
  consultOf?: string;
  /** A consult leg's purpose: InitiateTransfer or InitiateConference. */
  consultKind?: 'transfer' | 'conference';
  /** The live consult leg of a held call. */
  consultLeg?: string;
  /** Parties a completed conference added (their numbers). */
  parties?: string[];
  /** Attached data (T-Server UserData) sent with EventRinging, e.g. of a transferred call. */
  userData?: Record<string, string>;
  /** CallType on the wire when not derived (e.g. Internal, Consult for a transfer arriving). */
  callType?: string;
}

export interface SimSnapshot {
  agents: AgentSnapshot[];
  calls: CallSnapshot[];
  config: SimConfig;
  /** Agent addressed when a scenario call names none. */
  currentAgent: string;
  /** True during a simulated restart: new sockets are refused. */
  down: boolean;
}

export interface SimulatorHandle {
  /** http://host:port */
  url: string;
  /** ws://host:port/genesysWs */
  wsUrl: string;
  /** http://host:port/genesys/events */
  restUrl: string;
  port: number;
  close(): Promise<void>;
  state(): SimSnapshot;
}

/** What a route answers: HTTP status plus JSON body. */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

export const ok = (extra: Record<string, unknown> = {}): Reply => ({ status: 200, body: { status: 'Success', ...extra } });
/** `code` names a refusal a client can act on (the bounds: `SIM_AGENT_LIMIT`, …). */
export const fail = (status: number, message: string, code?: string): Reply => ({ status, body: { status: 'Error', ...(code === undefined ? {} : { code }), message } });
