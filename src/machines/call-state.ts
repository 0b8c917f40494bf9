/**
 * Genesys CallState → what it means for the toolbar (protocol.md 4.4). [INFER] mapping:
 * the values are Genesys' TCallState names; matching ignores case and a `CallState` prefix.
 */
import type { CloseReason } from './fusion.types';

const CALLER_LEFT = new Set(['ok', 'abandoned', 'remoterelease', 'dropped', 'cleared']);
const DIAL_FAILED = new Set([
  'busy',
  'allTrunksBusy',
  'sitDetected',
  'sitInvalidnum',
  'sitVacant',
  'sitIntercept',
  'sitUnknown',
  'sitNocircuit',
  'sitReorder',
  'generalError',
  'systemError',
  'noAnswer',
  'answeringMachineDetected',
  'faxDetected',
  'queueFull',
].map((s) => s.toLowerCase()));

function normalise(callState: string | undefined): string {
  return (callState ?? 'ok').toLowerCase().replace(/^callstate/, '') || 'ok';
}

/** Why a ringing inbound call ended when the agent did not end it: caller left, or routing took it away. */
export function ringingEndReason(callState: string | undefined): CloseReason {
  return CALLER_LEFT.has(normalise(callState)) ? 'ABANDONED' : 'MISSED';
}

/** Whether an outbound call released before answer failed to reach the far end (busy, SIT, no answer…). */
export function isDialFailure(callState: string | undefined): boolean {
  return DIAL_FAILED.has(normalise(callState));
}

/** The outbound error code published to Fusion for a failed dial. */
export function dialErrorCode(callState: string | undefined): string {
  const state = normalise(callState);
  if (state === 'busy' || state === 'alltrunksbusy') return 'BUSY';
  if (state.startsWith('sit')) return 'INVALID_NUMBER';
  if (state === 'noanswer') return 'NO_ANSWER';
  return 'DIAL_FAILED';
}

/** Whether a call released this way went on to another party (blind or completed transfer). */
export function isTransferred(callState: string | undefined): boolean {
  return callState !== undefined && normalise(callState) === 'transferred';
}
