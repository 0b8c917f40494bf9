import type { CallDirection, GenesysCallEvent, GenesysEvent, SnapshotCallState } from './genesys.types';
import type { CloseReason, FusionEvent } from './fusion.types';

/** A coded problem the UI explains in plain words (ui/i18n) and the log records. */
/** Who the other party is, as Fusion's lookup or click-to-dial named them. */
export interface CallContact {
  name: string;
  /** The contact's organisation (account), when Fusion gave one. */
  account?: string;
}

export interface CodedError {
  code: string;
  /** Detail from the source (server message, Genesys ErrorMessage); shown as text. */
  detail?: string;
}

/** How the call actor starts, depending on the first thing the toolbar heard of it. */
export type CallStart = 'ringing' | 'dialRequested' | 'dialing' | 'established';

export interface CallInput {
  /** Actor id and key in the root's index: `call:conn:<first ConnID>`, or `call:dial:<eventId>` before one exists (ids.ts). */
  key: string;
  connectionId: string | null;
  eventId: string;
  direction: CallDirection;
  /** Caller's number (inbound) or number dialled (outbound). */
  number: string;
  queue?: string;
  /** Attached data the call arrived with (a transferred call's), for Fusion's offer. */
  attachedData?: Record<string, string>;
  start: CallStart;
  ringCeilingMs: number;
  /** A call restored after a page reload: what Fusion already has, and when its phase began. */
  restored?: { offered: boolean; started: boolean; since: number };
  /** The name click-to-dial gave (SVCMCA_DISPLAY_NAME), for an outbound call. */
  contactName?: string;
  /** Fusion was offered the call already (the root offers a ringing call before spawning it). */
  offered?: boolean;
  /** closeCommEvent reason when the agent transfers the call away (config.transferCloseReason). */
  transferCloseReason?: CloseReason;
}

export interface CallContext {
  key: string;
  start: CallStart;
  connectionId: string | null;
  eventId: string;
  direction: CallDirection;
  number: string;
  queue?: string;
  attachedData?: Record<string, string>;
  ringCeilingMs: number;
  /** Whether Fusion has been offered this call (newCommEvent published). */
  offered: boolean;
  /** Whether Fusion has been told the call started (startCommEvent published). */
  started: boolean;
  /** The UEF command promise waiting on the current pending state, if Fusion asked. */
  fusionRequestId: string | null;
  /** Set by the transition that ends the call; published with closeCommEvent. */
  closeReason: CloseReason | null;
  error: CodedError | null;
  /** Whether the call was on hold before a pending hang-up, to roll back to the right state. */
  onHold: boolean;
  /** A restored call's phase start, kept by the first phase entry instead of now. */
  restoredSince: number | null;
  contact: CallContact | null;
  /** Epoch ms the call went on hold; the UI's hold timer (null when not held). */
  heldSince: number | null;
  /** The agent asked to end it (hang up, decline, cancel): the card says "Call ended", not "Caller hung up". */
  endedByAgent: boolean;
  /** Genesys said the other party left (CallState RemoteRelease, or abandoned mid-call): "Caller hung up". */
  endedByRemote: boolean;
  /** Epoch ms when the current phase began (ringing, dialing, established; hold counts as talk time); the UI's timer. */
  since: number;
  transferCloseReason: CloseReason;
  /** Where a transfer or consult goes, once asked for. */
  target: string | null;
  /** DTMF digits Genesys confirmed sent on this call (the last 32), shown on the keypad. */
  digits: string;
  /** Digits on their way (one SendDTMF at a time) and those typed meanwhile, sent next. */
  pendingDigits: string;
  dtmfQueue: string;
  /** The consult under way (InitiateTransfer/InitiateConference), while this call is held for it. */
  consult: Consult | null;
  /** Numbers a completed conference added (EventPartyAdded), shown on the card. */
  parties: string[];
  /** Fusion's engagement was closed early: the customer left during a consult, the consult leg stayed. */
  engagementClosed: boolean;
}

/** A consult leg: where it goes, why, its ConnID once Genesys names it, and who the agent hears. */
export interface Consult {
  kind: 'transfer' | 'conference';
  destination: string;
  /** The consult leg's ConnID (EventDialing with CallType Consult); null until then. */
  connectionId: string | null;
  /** The target answered (EventEstablished on the consult leg). */
  answered: boolean;
  /** After Swap the agent talks to the caller and the consult leg is held. */
  talkingTo: 'target' | 'caller';
  /** Epoch ms the consult leg began (dialled), then when the target answered: the leg's own timer. */
  since: number;
}

/** What the toolbar and the agent ask of a call (the UI addresses calls by key). */
export type CallCommand =
  | { type: 'call.accept'; key: string }
  | { type: 'call.reject'; key: string }
  | { type: 'call.hangup'; key: string }
  | { type: 'call.hold'; key: string }
  | { type: 'call.retrieve'; key: string }
  /** Blind transfer: SingleStepTransfer to `destination`. */
  | { type: 'call.transfer'; key: string; destination: string }
  /** Keypad: digits 0-9 * # only (the root refuses anything else). */
  | { type: 'call.sendDtmf'; key: string; digits: string }
  /** Consult `destination` before transferring (InitiateTransfer) or conferencing (InitiateConference). */
  | { type: 'call.consult'; key: string; destination: string }
  | { type: 'call.conference'; key: string; destination: string }
  | { type: 'call.completeTransfer'; key: string }
  | { type: 'call.completeConference'; key: string }
  /** Drop the consult leg and take the caller back (ReconnectCall). */
  | { type: 'call.cancelConsult'; key: string }
  /** Talk to the other leg (AlternateCall). */
  | { type: 'call.swap'; key: string };

/** Fusion interaction commands routed to a call, with their UEF request ids. */
export type FusionCallEvent = Extract<
  FusionEvent,
  { type: 'fusion.accept' | 'fusion.reject' | 'fusion.hangup' | 'fusion.offerTimeout' | 'fusion.contact' }
>;

/** Genesys events a call receives: its own call events, plus failures/errors the root routed to it. */
export type CallGenesysEvent =
  | GenesysCallEvent
  | Extract<GenesysEvent, { type: 'genesys.commandFailed' | 'genesys.error' }>;

/**
 * [INFER] What the Genesys snapshot says of this call (the root compares by ConnID): `state` of
 * its first ConnID the snapshot lists (the caller's leg before a consult leg), and `present`, which
 * of the call's ConnIDs it lists (a consult leg or the caller's leg missing from it ended unheard).
 */
export type CallResyncEvent = { type: 'resync.present'; state: SnapshotCallState; present?: readonly string[] } | { type: 'resync.gone' };

export type CallEvent = CallCommand | FusionCallEvent | CallGenesysEvent | CallResyncEvent;

export interface CallOutput {
  key: string;
  connectionId: string | null;
  eventId: string;
  direction: CallDirection;
  number: string;
  reason: CloseReason;
  contact: CallContact | null;
  endedByAgent: boolean;
  endedByRemote: boolean;
  /** Why the call failed, for a dial that never connected. */
  error: CodedError | null;
  /** The call was connected (established) before it ended: after-call work follows. */
  connected?: boolean;
}
