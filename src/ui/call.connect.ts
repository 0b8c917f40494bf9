/** One call's snapshot → its card: state words, icon, timer, and the buttons its state allows. */
import { CAPABILITIES, type Capability } from '../capabilities';
import type { CallDirection } from '../machines/genesys.types';
import type { CodedError } from '../machines/call.types';
import type { UiKey } from './i18n';
import type { CallSnapshot } from './toolbar.context';

/** The call's state as a dotted path: 'ringing.alerting', 'established.held', 'ended'… */
export type CallPhase = string;

export type CallButtonId = 'accept' | 'decline' | 'hangup' | 'hold' | 'resume' | 'cancel-dial';
export type CallEventType = 'call.accept' | 'call.reject' | 'call.hangup' | 'call.hold' | 'call.retrieve';

export interface CallInput {
  phase: CallPhase;
  direction: CallDirection;
  number: string;
  queue: string | undefined;
  since: number;
  error: CodedError | null;
  canAccept: boolean;
  canReject: boolean;
  canHangup: boolean;
  canHold: boolean;
  canRetrieve: boolean;
}

export interface CallButtonView {
  id: CallButtonId;
  event: CallEventType;
  label: UiKey;
  enabled: boolean;
  /** The keyboard shortcut in aria-keyshortcuts form. */
  shortcut?: string;
}

export interface CallView {
  phase: CallPhase;
  label: UiKey;
  icon: string;
  busy: boolean;
  direction: UiKey;
  directionIcon: string;
  /** Empty when Genesys gave none; the card then shows "Unknown number". */
  number: string;
  queue: string | undefined;
  since: number;
  showTimer: boolean;
  buttons: CallButtonView[];
  error: CodedError | null;
}

export const SHORTCUTS = { accept: 'Alt+A', decline: 'Alt+D', hangup: 'Alt+H' } as const;

/** Phases that rest; anything else (transient states) shows a neutral label. */
const LOOK: Record<string, { label: UiKey; icon: string; busy: boolean }> = {
  'ringing.alerting': { label: 'call.ringing.alerting', icon: '☏', busy: false },
  'ringing.accepting': { label: 'call.ringing.accepting', icon: '☏', busy: true },
  'ringing.rejecting': { label: 'call.ringing.rejecting', icon: '☏', busy: true },
  // Still placing, but cancellable: the machine hangs up as soon as Genesys names the call.
  'dialing.requested': { label: 'call.dialing.requested', icon: '↗', busy: false },
  'dialing.cancelRequested': { label: 'call.dialing.canceling', icon: '↗', busy: true },
  'dialing.alerting': { label: 'call.dialing.alerting', icon: '↗', busy: false },
  'dialing.canceling': { label: 'call.dialing.canceling', icon: '↗', busy: true },
  'established.talking': { label: 'call.established.talking', icon: '☎', busy: false },
  'established.holding': { label: 'call.established.holding', icon: '‖', busy: true },
  'established.held': { label: 'call.established.held', icon: '‖', busy: false },
  'established.retrieving': { label: 'call.established.retrieving', icon: '‖', busy: true },
  'established.hangingUp': { label: 'call.established.hangingUp', icon: '☎', busy: true },
  ended: { label: 'call.ended', icon: '✕', busy: false },
};
const OTHER = { label: 'call.other', icon: '…', busy: true } as const;

/** Flattens a call snapshot value ({ ringing: 'alerting' }) into 'ringing.alerting'. */
export function phaseOf(value: CallSnapshot['value']): CallPhase {
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value)[0] ?? ['', ''];
  return `${parent}.${String(child)}`;
}

export function selectCall(snapshot: CallSnapshot): CallInput {
  const { context } = snapshot;
  const key = context.key;
  return {
    phase: phaseOf(snapshot.value),
    direction: context.direction,
    number: context.number,
    queue: context.queue,
    since: context.since,
    error: context.error,
    canAccept: snapshot.can({ type: 'call.accept', key }),
    canReject: snapshot.can({ type: 'call.reject', key }),
    canHangup: snapshot.can({ type: 'call.hangup', key }),
    canHold: snapshot.can({ type: 'call.hold', key }),
    canRetrieve: snapshot.can({ type: 'call.retrieve', key }),
  };
}

function buttonsFor(input: CallInput, online: boolean, busy: boolean, capabilities: readonly Capability[]): CallButtonView[] {
  const button = (id: CallButtonId, event: CallEventType, can: boolean, shortcut?: string): CallButtonView => ({
    id,
    event,
    label: `button.${id}`,
    enabled: online && !busy && can,
    ...(shortcut ? { shortcut } : {}),
  });
  const [group] = input.phase.split('.');
  const hangup = button('hangup', 'call.hangup', input.canHangup, SHORTCUTS.hangup);
  if (group === 'ringing') {
    return [button('accept', 'call.accept', input.canAccept, SHORTCUTS.accept), button('decline', 'call.reject', input.canReject, SHORTCUTS.decline)];
  }
  if (group === 'dialing') return [button('cancel-dial', 'call.hangup', input.canHangup, SHORTCUTS.hangup)];
  if (group !== 'established') return [];
  const onHold = input.phase === 'established.held' || input.phase === 'established.retrieving';
  // A service that sends no EventHeld could never confirm a hold: no Hold button at all.
  if (!capabilities.includes('hold')) return [hangup];
  return [onHold ? button('resume', 'call.retrieve', input.canRetrieve) : button('hold', 'call.hold', input.canHold), hangup];
}

/**
 * `online`: the Genesys socket is open; without it the machine would only answer OFFLINE.
 * `capabilities`: what the microservice can confirm; other controls are not shown.
 */
export function callView(input: CallInput, online: boolean, capabilities: readonly Capability[] = CAPABILITIES): CallView {
  const look = LOOK[input.phase] ?? OTHER;
  const inbound = input.direction === 'inbound';
  return {
    phase: input.phase,
    ...look,
    direction: inbound ? 'call.inbound' : 'call.outbound',
    directionIcon: inbound ? '↙' : '↗',
    number: input.number,
    queue: input.queue,
    since: input.since,
    showTimer: input.phase !== 'ended',
    buttons: buttonsFor(input, online, look.busy, capabilities),
    error: input.error,
  };
}
