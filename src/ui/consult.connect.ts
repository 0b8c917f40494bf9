/** A consult → both parties on the card: the customer and the consult target, each with its state and timer, and which one the agent hears. */
import type { UiKey } from './i18n';
import type { IconName } from './icon-names';
import type { CallPhase } from './call.connect';

export interface ConsultInput {
  phase: CallPhase;
  /** The customer as the card names them (name, else the grouped number). */
  customer: string;
  /** The consult target, readable. */
  target: string;
  answered: boolean;
  /** When the customer went on hold (the hold timer); null if not held. */
  heldSince: number | null;
  /** When the consult leg began (its own timer); null until the machine knows. */
  consultSince: number | null;
}

export interface PartyView {
  who: 'customer' | 'target';
  /** "Customer", "Consult": who the row is, before the name. */
  role: UiKey;
  name: string;
  state: UiKey;
  /** False when the timer's label already says the state ("On hold for 00:12"). */
  stateShown: boolean;
  icon: IconName;
  /** The agent hears this party now. */
  talking: boolean;
  timer: { since: number; label: UiKey } | null;
}

const CALLING: readonly string[] = ['initiating', 'ringingTarget'];

/** The two parties of a consult under way (or of the consult leg the customer left); null outside one. */
export function consultParties(input: ConsultInput): PartyView[] | null {
  const [, region, step = ''] = input.phase.split('.');
  if (region !== 'consulting' && region !== 'consultOnly') return null;
  const customerLeft = region === 'consultOnly';
  const hearsCustomer = step === 'talkingToCaller';
  const hearsTarget = customerLeft ? step === 'connected' : step === 'talkingToTarget';
  const targetCalling = !customerLeft && !input.answered && (CALLING.includes(step) || !hearsCustomer);
  const heldTimer = !customerLeft && !hearsCustomer && input.heldSince !== null ? { since: input.heldSince, label: 'call.heldFor' as const } : null;
  const customer: PartyView = {
    who: 'customer',
    role: 'consult.role.customer',
    name: input.customer,
    state: customerLeft ? 'consult.state.left' : hearsCustomer ? 'consult.state.talking' : 'consult.state.held',
    icon: customerLeft ? 'ended' : hearsCustomer ? 'talking' : 'held',
    talking: hearsCustomer,
    timer: heldTimer,
    stateShown: heldTimer === null,
  };
  const target: PartyView = {
    who: 'target',
    role: 'consult.role.target',
    name: input.target,
    state: targetCalling ? 'consult.state.calling' : hearsTarget ? 'consult.state.talking' : 'consult.state.held',
    icon: targetCalling ? 'outbound' : hearsTarget ? 'talking' : 'held',
    talking: hearsTarget,
    timer: input.consultSince !== null ? { since: input.consultSince, label: 'call.duration' } : null,
    stateShown: true,
  };
  return [customer, target];
}
