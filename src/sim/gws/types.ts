/** The GWS simulator's public contract and its model of agents, DNs and calls (gws-protocol.md §2.3). */

/** Real GWS behaviour (default) | Genesys' Agent API Simulator's quirks (gws-protocol.md §7). */
export type GwsMode = 'gws' | 'genesys-sim';

export type GwsLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface GwsAgentSpec {
  userName: string;
  password: string;
  tenant?: string;
  agentLogin: string;
  defaultPlace: string;
  firstName?: string;
  lastName?: string;
}

/** One attached-data / reasons entry as GWS writes it. */
export interface KV {
  key: string;
  type: string;
  value: unknown;
}

export interface GwsSimOptions {
  host?: string;
  port?: number;
  mode?: GwsMode;
  agents?: GwsAgentSpec[];
  /** The far end of an outbound or consult call to an outside number answers after this (default 5000); Infinity = only `remoteAnswer`. */
  dialAnswerMs?: number;
  /** A destination ending in 408 stops ringing (Released) after this (default 15000). 'gws' mode only. */
  dialNoAnswerMs?: number;
  /** A destination ending in 486 is busy: Released after this (default 100). 'gws' mode only. */
  dialBusyMs?: number;
  /** OAuth client that must authenticate the token request with Basic auth (default external_api_client / secret). */
  clientId?: string;
  clientSecret?: string;
  /** 'gws' mode: `release` is offered (and works) on a Ringing call (default true) [INFER]. */
  releaseOnRinging?: boolean;
  /** 'gws' mode: the agent state activate-channels logs the DN into (default NotReady/AuxWork) [INFER]. */
  initialAgentState?: 'Ready' | 'NotReady';
  /** 'genesys-sim' mode: first DnStateChanged this long after the agent's first handshake (default 2000). */
  initialDnDelayMs?: number;
  /** 'genesys-sim' mode: current-session answers 403 until this long after the first handshake (default 2250). */
  activeSessionDelayMs?: number;
  /** 'gws' mode: every /auth/v3 and /workspace/v3 request (CometD too) must carry `x-api-key: <apiKey>`, else 403 (PureEngage Cloud). */
  apiKey?: string;
  /** Access token lifetime in seconds (default 3600; the genesys-sim mode always says 1800). */
  tokenTtlSec?: number;
  log?: (level: GwsLogLevel, message: string, detail?: unknown) => void;
}

export type FailRule =
  | { path: string; status: number; body?: string }
  | { path: string; hang: true }
  | { path: string; eventError: { errorCode: number; errorMessage: string } };

export interface RingSpec {
  ani?: string;
  dnis?: string;
  callType?: 'Inbound' | 'Internal';
  userData?: KV[];
}

export interface GwsSimulator {
  readonly url: string;
  readonly port: number;
  readonly mode: GwsMode;
  /** A new call ringing at `agent` (a userName); returns its call id. */
  ring(agent: string, call?: RingSpec): string;
  /** The far end of an outbound/consult call answers. */
  remoteAnswer(callId: string): void;
  /** The far end hangs up (agent's leg → Released, then Completed in 'gws' mode). */
  remoteHangup(callId: string): void;
  serviceState(agent: string, serviceName: 'VOICE', serviceState: 'AVAILABLE' | 'UNAVAILABLE'): void;
  /** Every CometD session (of that agent) forgotten: its next connect → 402::session_unknown. */
  dropCometdSessions(agent?: string): void;
  /** State lost: workspace sessions, CometD sessions, calls, DN states (same port). */
  restart(): Promise<void>;
  /** `path` = the suffix after /workspace/v3 or /auth/v3, `*` matching one segment, e.g. '/voice/calls/*\/answer'. */
  failNext(rule: FailRule): void;
  /** The agent's calls as current-session would list them. */
  calls(agent: string): unknown[];
  close(): Promise<void>;
}

export type AgentState = 'LoggedOut' | 'LoggedIn' | 'Ready' | 'NotReady' | 'OutOfService';

/** The `dn` object of DnStateChanged and of current-session. */
export interface DnState {
  number: string;
  switchName: string;
  agentId: string;
  agentState: AgentState;
  agentWorkMode?: string;
  reasons: KV[];
  dnd: boolean;
  forwardTo?: string;
  capabilities: string[];
  available: boolean;
  activity?: string;
  timestamp: number;
}

export type LegState = 'Ringing' | 'Dialing' | 'Established' | 'Held' | 'Released' | 'Completed';
export type CallType = 'Inbound' | 'Outbound' | 'Internal' | 'Consult';
export type Role = 'RoleOrigination' | 'RoleDestination' | 'RoleNewParty';

/** One party of a call: an agent's leg (agent set) or an outside number. */
export interface Party {
  number: string;
  role: Role;
  agent?: string;
  state: LegState;
  callType: CallType;
  /** The leg came from another call id (two-step transfer/conference target, 'gws' mode). */
  previousConnId?: string;
  /** 'genesys-sim' ghost: what snapshots keep showing after the leg really ended. */
  ghost?: LegState;
  /** The agent started the consult from this call's parent. */
  consultOrigin?: boolean;
  recordingState: 'Stopped' | 'Recording' | 'Paused';
}

export interface SimCall {
  id: string;
  callUuid: string;
  parentConnId?: string;
  ani: string;
  dnis: string;
  userData: KV[];
  parties: Party[];
  startedAt: number;
  timers: Set<ReturnType<typeof setTimeout>>;
}
