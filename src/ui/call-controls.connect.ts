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
}

export interface ControlView {
  shown: boolean;
  enabled: boolean;
}

export interface CallControlsView {
  /** The "Transfer to" field and the Transfer button (blind transfer). */
  transfer: ControlView;
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
  };
}

/** A control shows while the call is connected and the microservice can confirm it. */
export function callControlsView(input: CallControlsInput, online: boolean, capabilities: readonly Capability[]): CallControlsView {
  const connected = CONNECTED.includes(input.phase);
  return {
    transfer: { shown: connected && capabilities.includes('transfer'), enabled: online && input.canTransfer },
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
