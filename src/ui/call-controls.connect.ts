/** One call's snapshot → its transfer and keypad controls: which are shown, which work now. */
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
}

export interface ControlView {
  shown: boolean;
  enabled: boolean;
}

export interface CallControlsView {
  /** The "Transfer to" field and the Transfer button (blind transfer). */
  transfer: ControlView;
  /** Consult and Conference beside Transfer: they call the same destination first. */
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
  };
}

/** A control shows while the call is connected and the microservice can confirm it. */
export function callControlsView(input: CallControlsInput, online: boolean, capabilities: readonly Capability[]): CallControlsView {
  const connected = CONNECTED.includes(input.phase);
  const consulting = input.phase.startsWith('established.consulting.');
  const can = (capability: Capability) => capabilities.includes(capability);
  const step = (shown: boolean, enabled: boolean): ControlView => ({ shown: consulting && shown, enabled: online && enabled });
  return {
    transfer: { shown: connected && can('transfer'), enabled: online && input.canTransfer },
    consult: { shown: connected && can('consult'), enabled: online && input.canConsult },
    conference: { shown: connected && can('conference'), enabled: online && input.canConference },
    completeTransfer: step(input.consultKind === 'transfer', input.canCompleteTransfer),
    completeConference: step(input.consultKind === 'conference', input.canCompleteConference),
    cancelConsult: step(true, input.canCancelConsult),
    swap: step(true, input.canSwap),
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
