import type { ToolbarConfig } from '../config';
import type { CallCommand, CallOutput, CodedError } from './call.types';
import type { CallToParentEvent } from './call.machine';
import type { AgentPresence, FusionEvent } from './fusion.types';
import type { CallDirection, GenesysEvent } from './genesys.types';

/** What the agent asks of the toolbar (its own buttons and keys). */
export type AgentCommand =
  | { type: 'agent.login' }
  | { type: 'agent.goAvailable' }
  | { type: 'agent.goUnavailable'; reason?: string }
  | { type: 'agent.logout' }
  | { type: 'agent.dismissError' }
  /** Done: the agent's after-call work is finished. */
  | { type: 'agent.wrapUpDone' }
  | { type: 'agent.dial'; number: string }
  | { type: 'call.focus'; key: string }
  | { type: 'notice.dismiss'; seq: number }
  /** The sign-in form was sent; its password went to the Genesys adapter out of band. */
  | { type: 'auth.submit'; username: string }
  /** The form's "Sign in with Genesys" button (single sign-on popup). */
  | { type: 'auth.ssoStart' }
  /** Use here: take the socket back from the agent's other toolbar. */
  | { type: 'connection.useHere' };

/** The ended-call card's time is up (a delayed event the root raises to itself). */
export type EndingEvent = { type: 'ending.expired'; key: string };

/** The reload record could not be saved: a reload would not keep the calls (said once per page). */
export type PersistenceEvent = { type: 'persistence.unsaved'; code: 'PERSIST_FAILED'; detail: string };

export type ToolbarEvent = GenesysEvent | FusionEvent | AgentCommand | CallCommand | CallToParentEvent | EndingEvent | PersistenceEvent;

/** One call the root knows: its actor key, every ConnID it has had, and its Fusion eventId. */
export interface CallEntry {
  connectionIds: string[];
  eventId: string;
  /** For a dial the toolbar placed: the number, to match Genesys' answer when it echoes no eventId. */
  dialled?: string;
  /** Restored after a reload and not yet confirmed by a Genesys snapshot. */
  restoring?: boolean;
  /** Fusion's SVCMCA_WRAPUP_TIMEOUT for this call, when its newCommEvent answer gave one. */
  wrapUpLimitMs?: number;
}

/** The agent's after-call work: for which call, until when, and where they return. */
export interface WrapUp {
  eventId: string;
  limitMs: number;
  since: number;
  before: { presence: 'available' | 'unavailable'; reason: string | null };
  /** The customer of the call being wrapped up, shown until the wrap-up ends. */
  number: string;
  contact: CallOutput['contact'];
}

/** A call as the reload record kept it (adapters/persistence); the root respawns it at start. */
export interface RestoredCall {
  key: string;
  connectionIds: string[];
  eventId: string;
  direction: CallDirection;
  number: string;
  queue?: string;
  state: 'ringing' | 'dialing' | 'established' | 'held';
  since: number;
  offered: boolean;
  started: boolean;
}

export interface RestoredSession {
  presence: AgentPresence;
  reason?: string;
  calls: RestoredCall[];
  /** The eventIds Fusion has seen before the reload (never given again). */
  seenEventIds?: string[];
}

/** Emitted for the log: a correction the snapshot made (synthetic, not heard from Genesys). */
export type ToolbarEmitted = { type: 'resync.corrected'; key: string; correction: string } | { type: 'resync.unavailable'; reason: string };

/** A call that just ended, shown on its card for a few seconds ("Caller hung up"), then dropped. */
export interface Ending {
  key: string;
  direction: CallOutput['direction'];
  number: string;
  contact: CallOutput['contact'];
  reason: CallOutput['reason'];
  endedByAgent: boolean;
  endedByRemote: boolean;
  error: CodedError | null;
  at: number;
}

/** A coded problem, kept (bounded) for the UI and the log. */
export interface Notice extends CodedError {
  seq: number;
  at: number;
  /** The call it is about, when that call has ended (its card is gone): the notice names it. */
  call?: { number: string; contact: CallOutput['contact'] };
}

export interface ToolbarContext {
  config: ToolbarConfig;
  /** Live calls by actor key, in arrival order. */
  calls: Record<string, CallEntry>;
  activeCall: string | null;
  /** Last settled presence, republished when Fusion becomes ready. */
  presence: AgentPresence;
  notReadyReason: string | null;
  /** The not-ready reason asked for and not yet confirmed by Genesys. */
  pendingReason: string | null;
  /** Whether the agent wants to be logged in: false after an explicit logout, so a reconnect does not log in. */
  wantsLogin: boolean;
  /** The UEF agent command promise waiting on a pending agent state. */
  agentRequestId: string | null;
  agentError: CodedError | null;
  /** Whether the Genesys socket is open: commands are refused while it is not. */
  online: boolean;
  /** Reconnect attempt and when the next try starts (epoch ms), for the countdown. */
  reconnect: { attempt: number; retryAt: number; reason: string } | null;
  fusionError: CodedError | null;
  notices: Notice[];
  noticeSeq: number;
  /** Whether the toolbar already said that the microservice cannot resync (said once). */
  resyncUnavailableSaid: boolean;
  /** What the reload record gave at start; spawned on entry, then not used. */
  restored: RestoredSession | null;
  /**
   * Restored calls Fusion was never offered: kept off the toolbar (nothing published for them)
   * until Genesys' snapshot names them; the ones it does not name are dropped unseen.
   */
  unconfirmed: RestoredCall[];
  /** Calls that just ended, newest last (bounded); each drops itself after `endingLinger`. */
  endings: Ending[];
  /** ConnIDs of calls that just ended (bounded): the EventReleased after EventAbandoned is expected. */
  endedConnections: string[];
  /** Every eventId Fusion was given this session (bounded): a reused Genesys eventId is never given again. */
  seenEventIds: string[];
  /** The after-call work under way (agent region state wrappingUp), else null. */
  wrapUp: WrapUp | null;
  /** auth=bridge: who signed in (never the password), and why the form is shown again. */
  signIn: SignIn;
}

/** The sign-in region's word to the UI. */
export interface SignIn {
  /** The last username sent (kept to fill the form again). */
  username: string;
  /** The agent the bridge named in its answer. */
  agentId: string | null;
  error: CodedError | null;
}

export interface ToolbarInput {
  config: ToolbarConfig;
  restored?: RestoredSession;
}
