/**
 * The contract between the statechart and the Fusion (UEF) adapter.
 * `FusionEvent` is what the adapter sends to the machine; `FusionCommand` is what the
 * machine asks the adapter to publish or answer.
 */
import type { CallDirection } from './genesys.types';

/** closeCommEvent reasons the toolbar uses (protocol.md 1.4-1.7). */
export type CloseReason = 'REJECT' | 'WRAPUP' | 'ABANDONED' | 'MISSED' | 'TIMEOUT' | 'CANCELED' | 'ENDCOMMUNICATION';

export type AgentPresence = 'available' | 'unavailable' | 'loggedOut';

export type FusionEvent =
  // fusion region
  | { type: 'fusion.ready' }
  | { type: 'fusion.absent'; reason: string }
  | { type: 'fusion.failed'; code: string; message: string }
  // interaction commands from Fusion; requestId names the UEF promise to answer
  | { type: 'fusion.accept'; eventId: string; requestId: string }
  | { type: 'fusion.reject'; eventId: string; requestId: string }
  /** `disconnect` and `wrapup` both mean hang up (protocol.md 1.6). */
  | { type: 'fusion.hangup'; eventId: string; requestId: string }
  | { type: 'fusion.setActive'; eventId: string; requestId: string }
  // agent commands from Fusion
  | { type: 'fusion.makeAvailable'; requestId: string }
  | { type: 'fusion.makeUnavailable'; requestId: string; reason?: string }
  // click-to-dial (onOutgoingEvent); eventId is the event's uuid
  | { type: 'fusion.dial'; number: string; eventId: string; displayName?: string }
  /** Fusion's reverse lookup, from newCommEvent's outData: who is calling (shown on the card). */
  | { type: 'fusion.contact'; eventId: string; name: string; account?: string }
  // onDataUpdated
  | { type: 'fusion.offerTimeout'; eventId: string }
  | { type: 'fusion.wrapupClosed'; eventId: string }
  /** newCommEvent's outData carried SVCMCA_WRAPUP_TIMEOUT: the wrap-up limit Fusion wants. */
  | { type: 'fusion.wrapupTimeout'; eventId: string; seconds: number }
  /** A publish that rejected or never settled (watchdog); the call's state is unaffected. */
  | { type: 'fusion.publishFailed'; operation: string; eventId?: string; code: string; message: string };

export type FusionCommand =
  | {
      type: 'fusion.cmd.newComm';
      eventId: string;
      direction: CallDirection;
      number: string;
      /** The Genesys queue the call came through, when known (shown in Fusion's offer). */
      queue?: string;
      /** Attached data the call arrived with (a transferred call's), as extra inData tokens. */
      attachedData?: Record<string, string>;
    }
  | { type: 'fusion.cmd.startComm'; eventId: string; direction: CallDirection }
  | { type: 'fusion.cmd.closeComm'; eventId: string; reason: CloseReason }
  | { type: 'fusion.cmd.outboundError'; eventId: string; code: string; message: string }
  /** `reasonLabel`: the reason's words in the toolbar's language (Fusion's stateDisplayString). */
  | { type: 'fusion.cmd.agentState'; presence: AgentPresence; reason?: string; reasonLabel?: string }
  /** Settle the promise of a Fusion command; ok only once Genesys confirmed the outcome. */
  | { type: 'fusion.cmd.respond'; requestId: string; ok: boolean; message?: string };
