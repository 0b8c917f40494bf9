/** One call's snapshot → its card: state words, icon, timer, and the buttons its state allows. */
import { displayOptional, displayText } from './display-text';
import { CAPABILITIES, type Capability } from '../capabilities';
import type { CallDirection } from '../machines/genesys.types';
import type { CallContact, CodedError } from '../machines/call.types';
import type { UiKey } from './i18n';
import type { IconName } from './icon-names';
import type { CallSnapshot } from './toolbar.context';
import { consultParties, type PartyView } from './consult.connect';
import { formatPhone } from './phone';

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
  contact?: CallContact | null;
  heldSince?: number | null;
  error: CodedError | null;
  canAccept: boolean;
  canReject: boolean;
  canHangup: boolean;
  canHold: boolean;
  canRetrieve: boolean;
  /** Where the consult under way goes (shown in the state words), if any. */
  consultTarget?: string | null;
  /** A conference's other parties. */
  parties?: readonly string[];
  /** The consult target answered; when the consult leg began (null until known). */
  consultAnswered?: boolean;
  consultSince?: number | null;
}

export interface CallButtonView {
  id: CallButtonId;
  event: CallEventType;
  label: UiKey;
  enabled: boolean;
  /** The keyboard shortcut in aria-keyshortcuts form. */
  shortcut?: string;
}

/** How the card looks: each resting state has its own colour, icon and words. */
export type CallTone = 'ringing' | 'dialing' | 'talking' | 'held' | 'busy' | 'ended';

/** Who is on the line: the contact's name when Fusion or click-to-dial gave one, the number beneath. */
export interface CallerView {
  /** The name, else the readable number; empty when Genesys gave no number (the card says "Unknown number"). */
  title: string;
  /** The readable number under a name; null when the title already is the number. */
  number: string | null;
  account: string | null;
}

export interface CallView {
  phase: CallPhase;
  tone: CallTone;
  /** Ringing calls are pinned above the others, so Answer is always in sight. */
  pinned: boolean;
  caller: CallerView;
  /** When the hold began, for the hold timer; null when not on hold. */
  heldSince: number | null;
  label: UiKey;
  /** Values the state words name (the consult target, as readable text). */
  labelParams: { target: string };
  icon: IconName;
  busy: boolean;
  direction: UiKey;
  directionIcon: IconName;
  /** Empty when Genesys gave none; the card then shows "Unknown number". */
  number: string;
  queue: string | undefined;
  since: number;
  showTimer: boolean;
  buttons: CallButtonView[];
  error: CodedError | null;
  /** A conference's other parties, readable, as text. */
  parties: string[];
  /** During a consult: the customer and the consult target, each with its state and timer. */
  consult: PartyView[] | null;
}

export const SHORTCUTS = { accept: 'Alt+A', decline: 'Alt+D', hangup: 'Alt+H' } as const;

/** Phases that rest; anything else (transient states) shows a neutral label. */
const LOOK: Record<string, { label: UiKey; icon: IconName; busy: boolean; tone?: CallTone }> = {
  'ringing.alerting': { label: 'call.ringing.alerting', icon: 'ringing', busy: false },
  'ringing.accepting': { label: 'call.ringing.accepting', icon: 'ringing', busy: true },
  'ringing.rejecting': { label: 'call.ringing.rejecting', icon: 'ringing', busy: true },
  // Still placing, but cancellable: the machine hangs up as soon as Genesys names the call.
  'dialing.requested': { label: 'call.dialing.requested', icon: 'outbound', busy: false },
  'dialing.cancelRequested': { label: 'call.dialing.canceling', icon: 'outbound', busy: true },
  'dialing.alerting': { label: 'call.dialing.alerting', icon: 'outbound', busy: false },
  'dialing.canceling': { label: 'call.dialing.canceling', icon: 'outbound', busy: true },
  'established.talking': { label: 'call.established.talking', icon: 'talking', busy: false },
  'established.holding': { label: 'call.established.holding', icon: 'held', busy: true },
  'established.held': { label: 'call.established.held', icon: 'held', busy: false, tone: 'held' },
  'established.retrieving': { label: 'call.established.retrieving', icon: 'held', busy: true, tone: 'held' },
  'established.hangingUp': { label: 'call.established.hangingUp', icon: 'talking', busy: true },
  'established.transferring': { label: 'call.established.transferring', icon: 'forward', busy: true },
  // Consult: the caller is held while the agent talks to the target (call/consult.ts).
  // Who is held and who talks is told party by party beneath (consult.connect).
  'established.consulting.initiating': { label: 'activity.consulting', icon: 'forward', busy: true, tone: 'held' },
  'established.consulting.ringingTarget': { label: 'activity.consulting', icon: 'forward', busy: false, tone: 'held' },
  'established.consulting.talkingToTarget': { label: 'activity.consulting', icon: 'forward', busy: false, tone: 'held' },
  'established.consulting.talkingToCaller': { label: 'activity.consulting', icon: 'talking', busy: false },
  'established.consulting.swapping': { label: 'call.consult.swapping', icon: 'swap', busy: true, tone: 'held' },
  'established.consulting.completing': { label: 'call.consult.completing', icon: 'forward', busy: true, tone: 'held' },
  'established.consulting.conferencing': { label: 'call.consult.conferencing', icon: 'forward', busy: true, tone: 'held' },
  'established.consulting.canceling': { label: 'call.consult.canceling', icon: 'forward', busy: true, tone: 'held' },
  'established.consultOnly.connected': { label: 'call.consult.callerLeft', icon: 'talking', busy: false },
  'established.consultOnly.hangingUp': { label: 'call.established.hangingUp', icon: 'talking', busy: true },
  // Tones on their way: the call stays usable (hang up works), the keypad keeps typing.
  'established.sendingDigits': { label: 'call.established.talking', icon: 'talking', busy: false },
  ended: { label: 'call.ended', icon: 'ended', busy: false },
};
const OTHER = { label: 'call.other', icon: 'pending', busy: true } as const;

/** Flattens a call snapshot value ({ established: { consulting: 'completing' } }) into 'established.consulting.completing'. */
export function phaseOf(value: CallSnapshot['value'] | string | Record<string, unknown>): CallPhase {
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value)[0] ?? ['', ''];
  return typeof child === 'object' && child !== null ? `${parent}.${phaseOf(child as Record<string, unknown>)}` : `${parent}.${String(child)}`;
}

export function selectCall(snapshot: CallSnapshot): CallInput {
  const { context } = snapshot;
  const key = context.key;
  return {
    phase: phaseOf(snapshot.value),
    direction: context.direction,
    number: context.number,
    queue: displayOptional(context.queue),
    since: context.since,
    contact: context.contact,
    heldSince: context.heldSince,
    error: context.error,
    canAccept: snapshot.can({ type: 'call.accept', key }),
    canReject: snapshot.can({ type: 'call.reject', key }),
    canHangup: snapshot.can({ type: 'call.hangup', key }),
    canHold: snapshot.can({ type: 'call.hold', key }),
    canRetrieve: snapshot.can({ type: 'call.retrieve', key }),
    consultTarget: context.consult?.destination ?? null,
    consultAnswered: context.consult?.answered ?? false,
    consultSince: context.consult?.since ?? null,
    parties: context.parties,
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
  // During a consult its own controls (call-controls.connect) act; the caller left: hang up the consult leg.
  if (input.phase.startsWith('established.consulting.')) return [];
  if (input.phase.startsWith('established.consultOnly.')) return [hangup];
  const onHold = input.phase === 'established.held' || input.phase === 'established.retrieving';
  // A service that sends no EventHeld could never confirm a hold: no Hold button at all.
  if (!capabilities.includes('hold')) return [hangup];
  return [onHold ? button('resume', 'call.retrieve', input.canRetrieve) : button('hold', 'call.hold', input.canHold), hangup];
}

const TONE_OF_GROUP: Record<string, CallTone> = { ringing: 'ringing', dialing: 'dialing', established: 'talking', ended: 'ended' };

function toneOf(phase: CallPhase, look: { tone?: CallTone }): CallTone {
  return look.tone ?? TONE_OF_GROUP[phase.split('.')[0] ?? ''] ?? 'busy';
}

/** The caller's name and account as text (call data is never HTML), the number grouped for reading. */
export function callerOf(number: string, contact: CallContact | null | undefined): CallerView {
  // Normalised for display only (bidi overrides, controls): the machine keeps Genesys' raw value.
  const shown = displayText(number);
  const readable = shown ? formatPhone(shown) : '';
  const name = contact?.name ? displayText(contact.name) : '';
  if (!name) return { title: readable, number: null, account: null };
  return { title: name, number: readable, account: displayOptional(contact?.account) ?? null };
}

/**
 * `online`: the Genesys socket is open; without it the machine would only answer OFFLINE.
 * `capabilities`: what the microservice can confirm; other controls are not shown.
 */
export function callView(input: CallInput, online: boolean, capabilities: readonly Capability[] = CAPABILITIES): CallView {
  const found = LOOK[input.phase];
  const look = { label: found?.label ?? OTHER.label, icon: found?.icon ?? OTHER.icon, busy: found?.busy ?? OTHER.busy };
  const inbound = input.direction === 'inbound';
  const tone = look.busy && !found?.tone ? 'busy' : toneOf(input.phase, found ?? {});
  const caller = callerOf(input.number, input.contact);
  const target = formatPhone(displayText(input.consultTarget ?? ''));
  const consult = consultParties({
    phase: input.phase,
    customer: caller.title,
    target,
    answered: input.consultAnswered ?? false,
    heldSince: input.heldSince ?? null,
    consultSince: input.consultSince ?? null,
  });
  return {
    phase: input.phase,
    tone,
    pinned: input.phase.startsWith('ringing.'),
    caller,
    // During a consult the hold timer is the customer's, on their row.
    heldSince: tone === 'held' && !consult ? (input.heldSince ?? null) : null,
    ...look,
    direction: inbound ? 'call.inbound' : 'call.outbound',
    directionIcon: inbound ? 'inbound' : 'outbound',
    number: input.number,
    queue: input.queue,
    since: input.since,
    showTimer: input.phase !== 'ended',
    buttons: buttonsFor(input, online, look.busy, capabilities),
    error: input.error,
    labelParams: { target },
    parties: (input.parties ?? []).map((party) => formatPhone(displayText(party))),
    consult,
  };
}
