/** One call's snapshot → its transfer and keypad controls: which are shown, which work now, and why not. */
import type { Capability } from '../capabilities';
import type { UiKey } from './i18n';
import { phaseOf, type CallPhase } from './call.connect';
import type { CallSnapshot } from './toolbar.context';

export interface CallControlsInput {
  phase: CallPhase;
  digits: string;
  canTransfer: boolean;
  canSendDtmf: boolean;
  canConsult: boolean;
  canConference: boolean;
  canCompleteTransfer: boolean;
  canCompleteConference: boolean;
  canCancelConsult: boolean;
  canSwap: boolean;
  /** What the consult under way is for; null when there is none. */
  consultKind: 'transfer' | 'conference' | null;
  /** The consult target answered (Swap needs someone to swap with). */
  consultAnswered?: boolean;
}

export interface ControlView {
  shown: boolean;
  enabled: boolean;
  /** Why a shown control does not work now, said beside it (never a silent grey button). */
  why?: UiKey;
}

/** The three ways to pass the caller on: the agent picks one, then types where to. */
export type DestinationAction = 'transfer' | 'consult' | 'conference';

/** Each action's own field label and the button that does it. */
export const DESTINATION_ACTIONS: readonly { action: DestinationAction; input: UiKey; go: UiKey; event: 'call.transfer' | 'call.consult' | 'call.conference' }[] = [
  { action: 'transfer', input: 'transfer.input', go: 'button.transfer-go', event: 'call.transfer' },
  { action: 'consult', input: 'consult.input', go: 'button.consult-go', event: 'call.consult' },
  { action: 'conference', input: 'conference.input', go: 'button.conference-go', event: 'call.conference' },
];

export interface CallControlsView {
  /** Blind transfer: the agent picks Transfer, then the "Transfer to" field. */
  transfer: ControlView;
  /** Consult ("Consult with") and Conference ("Add to conference") beside Transfer: they call the destination first. */
  consult: ControlView;
  conference: ControlView;
  /** While consulting: Complete transfer / Complete conference (per the consult's kind), Cancel consult, Swap. */
  completeTransfer: ControlView;
  completeConference: ControlView;
  cancelConsult: ControlView;
  swap: ControlView;
  /** The Keypad button and the keypad it opens. */
  keypad: ControlView & { digits: string };
}

/** A destination the machine would send: the same rule as the dial pad (2-20 digits). */
export { isDialable as isTransferDestination } from '../machines/toolbar.machine';

const CONNECTED: CallPhase[] = ['established.talking', 'established.sendingDigits'];

export function selectCallControls(snapshot: CallSnapshot): CallControlsInput {
  const key = snapshot.context.key;
  return {
    phase: phaseOf(snapshot.value),
    digits: snapshot.context.digits,
    canTransfer: snapshot.can({ type: 'call.transfer', key, destination: '' }),
    canSendDtmf: snapshot.can({ type: 'call.sendDtmf', key, digits: '1' }),
    canConsult: snapshot.can({ type: 'call.consult', key, destination: '' }),
    canConference: snapshot.can({ type: 'call.conference', key, destination: '' }),
    canCompleteTransfer: snapshot.can({ type: 'call.completeTransfer', key }),
    canCompleteConference: snapshot.can({ type: 'call.completeConference', key }),
    canCancelConsult: snapshot.can({ type: 'call.cancelConsult', key }),
    canSwap: snapshot.can({ type: 'call.swap', key }),
    consultKind: snapshot.context.consult?.kind ?? null,
    consultAnswered: snapshot.context.consult?.answered ?? false,
  };
}

/** A control shows while the call is connected and the microservice can confirm it. */
export function callControlsView(input: CallControlsInput, online: boolean, capabilities: readonly Capability[]): CallControlsView {
  const connected = CONNECTED.includes(input.phase);
  const consulting = input.phase.startsWith('established.consulting.');
  const can = (capability: Capability) => capabilities.includes(capability);
  const control = (shown: boolean, enabled: boolean, whyNot: UiKey = 'controls.why.busy'): ControlView => {
    if (!shown || (online && enabled)) return { shown, enabled: online && enabled };
    return { shown, enabled: false, why: online ? whyNot : 'controls.why.offline' };
  };
  const step = (shown: boolean, enabled: boolean, whyNot?: UiKey) => control(consulting && shown, enabled, whyNot);
  // Until the target answers there is nobody to swap with (or, for some, to hand the caller to).
  const unanswered = (key: UiKey): UiKey => (input.consultAnswered ? 'controls.why.busy' : key);
  return {
    transfer: control(connected && can('transfer'), input.canTransfer),
    consult: control(connected && can('consult'), input.canConsult),
    conference: control(connected && can('conference'), input.canConference),
    completeTransfer: step(input.consultKind === 'transfer', input.canCompleteTransfer, unanswered('controls.why.completeUnanswered')),
    completeConference: step(input.consultKind === 'conference', input.canCompleteConference, unanswered('controls.why.completeUnanswered')),
    cancelConsult: step(true, input.canCancelConsult),
    swap: step(true, input.canSwap, unanswered('controls.why.swapUnanswered')),
    keypad: { shown: connected && capabilities.includes('dtmf'), enabled: online && input.canSendDtmf, digits: input.digits },
  };
}

/** The keypad's keys: what is sent, and the name of each key for its test id. */
export const KEYPAD_KEYS = [
  ['1', '1'],
  ['2', '2'],
  ['3', '3'],
  ['4', '4'],
  ['5', '5'],
  ['6', '6'],
  ['7', '7'],
  ['8', '8'],
  ['9', '9'],
  ['*', 'star'],
  ['0', '0'],
  ['#', 'hash'],
] as const;

export const SENT_LABEL: UiKey = 'keypad.sent';

/** While the active call is connected (and the service takes DTMF), the dial pad is its keypad. */
export interface KeypadTarget {
  digits: string;
  number: string;
}

export function selectKeypadTarget(snapshot: CallSnapshot | undefined): KeypadTarget | null {
  if (!snapshot || !CONNECTED.includes(phaseOf(snapshot.value))) return null;
  return { digits: snapshot.context.digits, number: snapshot.context.number };
}
