/**
 * Types of the per-agent session machine: its context, the events its injected GWS actors send
 * it, the commands it sends them, and what it emits (toolbar frames, log lines).
 */
import type { ToolbarFrame } from './agent-session.types';
import type { GwsNotification } from '../gws/gws.schema';
import type { AgentRecord, CallMap, CommandPlan, GwsRequest, ReleaseHint, TranslateOptions } from '../translate';

/** Deadlines and retries of one session ([INFER] values; each an option). */
export interface SessionTimings {
  /** A command not proven by CometD within this → EventError COMMAND_TIMEOUT (the toolbar's own is 8 s). */
  readonly commandDeadlineMs: number;
  /** `snapshot` is answered within this, from what the bridge knows if GWS is slower (the toolbar waits 3 s). */
  readonly snapshotDeadlineMs: number;
  /** WorkspaceInitializationComplete and activate-channels must come within this. */
  readonly initTimeoutMs: number;
  /** An access token is refreshed this long before it expires (or at 80 % of a shorter lifetime). */
  readonly refreshMarginMs: number;
  /** Waits between recovery attempts, the last one repeated. */
  readonly retryMs: readonly number[];
  /** Sign-out gives GWS this long before the session is closed anyway. */
  readonly signOutMs: number;
}

export const DEFAULT_TIMINGS: SessionTimings = {
  commandDeadlineMs: 6_000,
  snapshotDeadlineMs: 2_500,
  initTimeoutMs: 15_000,
  refreshMarginMs: 60_000,
  retryMs: [250, 500, 1_000, 2_000, 5_000],
  signOutMs: 3_000,
};

export interface SessionInput {
  readonly username: string;
  /** Names this session's GWS ports in the factory (actors are shared by every session). */
  readonly sessionKey: string;
  /** Prefix of the toolbar eventIds this session makes (unique per session; the same on an instance that takes it over). */
  readonly eventSeed: string;
  readonly translate: TranslateOptions;
  readonly timings: SessionTimings;
  /** A session another instance signed in: the agent is known, the workspace is live; no sign-in, no activation. */
  readonly resume?: { readonly agentId: string; readonly dn: string };
}

/** An admitted toolbar command on its way: its requests, then the CometD event that proves it. */
export interface Pending {
  readonly id: string;
  readonly plan: CommandPlan;
  readonly steps: readonly GwsRequest[];
  /** Index of the request in flight (= steps.length once every answer came). */
  readonly step: number;
  readonly fellBack: boolean;
  readonly operationId: string | undefined;
}

export interface CodedError {
  readonly code: string;
  readonly message: string;
}

export interface SessionContext {
  readonly username: string;
  readonly sessionKey: string;
  readonly eventSeed: string;
  readonly translate: TranslateOptions;
  readonly timings: SessionTimings;
  /** The agent's GWS agentLogin (the toolbar's agentId) and DN, once GWS said them. */
  readonly agentId: string;
  readonly dn: string;
  readonly placeName: string | undefined;
  readonly calls: CallMap;
  readonly agent: AgentRecord;
  /** GWS's VOICE service (its T-Server link) is up, as ServiceStateChanged last said. */
  readonly voiceUp: boolean;
  /** A DnStateChanged (or current-session DN) has been seen since sign-in. */
  readonly dnKnown: boolean;
  readonly consults: ReadonlyMap<string, { readonly kind: 'transfer' | 'conference'; readonly destination: string }>;
  readonly dials: ReadonlyMap<string, string | undefined>;
  readonly hints: ReadonlyMap<string, ReleaseHint>;
  readonly pending: readonly Pending[];
  readonly seq: number;
  readonly attempt: number;
  readonly failure: CodedError | null;
  /** Resumed from another instance rather than signed in here. */
  readonly resumed: boolean;
  /** When to refresh the GWS access token, after the last grant; undefined without a refresh credential. */
  readonly refreshInMs: number | undefined;
}

/** What a GWS REST request came to (the adapter validated the envelope). */
export type GwsResult =
  | { readonly ok: true; readonly status: number; readonly data: unknown; readonly operationId: string | undefined }
  | { readonly ok: false; readonly status: number | undefined; readonly code: string; readonly message: string };

/** The input of every injected actor. */
export interface PortsInput {
  readonly key: string;
}

/** Sent to the injected `requests` actor. */
export type RequestsCommand = { readonly type: 'gws.send'; readonly requestId: string; readonly request: GwsRequest };
/** Sent to the injected `notifications` actor. */
export type NotificationsCommand = { readonly type: 'cometd.connect' } | { readonly type: 'cometd.disconnect' };

export type SessionEvent =
  | { readonly type: 'toolbar.command'; readonly plan: CommandPlan }
  | { readonly type: 'session.signOut' }
  | { readonly type: 'gws.answered'; readonly requestId: string; readonly result: GwsResult }
  | { readonly type: 'gws.notification'; readonly notification: GwsNotification }
  | { readonly type: 'gws.invalid'; readonly code: string; readonly detail: string }
  | { readonly type: 'cometd.connected' }
  | { readonly type: 'cometd.lost'; readonly reason: string }
  | { readonly type: 'cometd.unknownSession' }
  | { readonly type: 'cometd.unauthorized'; readonly reason: string }
  | { readonly type: 'command.deadline'; readonly pendingId: string };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type SessionEmitted =
  | { readonly type: 'toolbar.frames'; readonly frames: readonly ToolbarFrame[] }
  | { readonly type: 'session.log'; readonly level: LogLevel; readonly code: string; readonly message: string };
