/** Agent region → what the agent panel shows and which of its controls work. */
import type { CodedError } from '../machines/call.types';
import type { UiKey } from './i18n';
import type { ToolbarSnapshot } from './toolbar.context';

export type AgentStateName = ToolbarSnapshot['value']['agent'];

/** Not-ready reasons the agent can pick; the code is what Genesys and Fusion receive. */
export const NOT_READY_REASONS = ['Break', 'Lunch', 'Training', 'Meeting', 'AfterCallWork'] as const;
export type NotReadyReason = (typeof NOT_READY_REASONS)[number];

/** Reasons with their own words: the pickable ones and the machine's LINK_DOWN. */
const REASON_LABELS: Record<string, UiKey> = {
  Break: 'reason.Break',
  Lunch: 'reason.Lunch',
  Training: 'reason.Training',
  Meeting: 'reason.Meeting',
  AfterCallWork: 'reason.AfterCallWork',
  LINK_DOWN: 'reason.LINK_DOWN',
};

export interface AgentInput {
  state: AgentStateName;
  /** The Genesys socket is open, so commands can reach Genesys. */
  online: boolean;
  notReadyReason: string | null;
  error: CodedError | null;
}

export type Tone = 'ok' | 'warn' | 'off' | 'busy' | 'error';

export interface AgentView {
  label: UiKey;
  icon: string;
  tone: Tone;
  busy: boolean;
  /** The reason to show beside the state: its words when known, else the raw code as text. */
  reason: { label: UiKey } | { raw: string } | null;
  toggle: { checked: boolean; enabled: boolean; event: 'agent.goAvailable' | 'agent.goUnavailable' };
  reasonPicker: { enabled: boolean; value: NotReadyReason | '' };
  session: { action: 'login' | 'logout'; enabled: boolean };
  error: CodedError | null;
}

const LOOK: Record<AgentStateName, { icon: string; tone: Tone }> = {
  loggedOut: { icon: '○', tone: 'off' },
  registering: { icon: '…', tone: 'busy' },
  available: { icon: '✓', tone: 'ok' },
  unavailable: { icon: '‖', tone: 'warn' },
  goingAvailable: { icon: '…', tone: 'busy' },
  goingUnavailable: { icon: '…', tone: 'busy' },
  loggingOut: { icon: '…', tone: 'busy' },
};

const PENDING: AgentStateName[] = ['registering', 'goingAvailable', 'goingUnavailable', 'loggingOut'];
/** Until Genesys confirms a change, the agent is still where they were. */
const COUNTS_AS_AVAILABLE: AgentStateName[] = ['available', 'goingUnavailable'];
const NOT_READY_STATES: AgentStateName[] = ['unavailable', 'goingUnavailable'];

export function selectAgent(snapshot: ToolbarSnapshot): AgentInput {
  return {
    state: snapshot.value.agent,
    online: snapshot.matches({ connection: 'open' }),
    notReadyReason: snapshot.context.notReadyReason,
    error: snapshot.context.agentError,
  };
}

function isPickable(reason: string | null): reason is NotReadyReason {
  return (NOT_READY_REASONS as readonly string[]).includes(reason ?? '');
}

function reasonOf(input: AgentInput): AgentView['reason'] {
  if (!NOT_READY_STATES.includes(input.state) || !input.notReadyReason) return null;
  const label = REASON_LABELS[input.notReadyReason];
  return label ? { label } : { raw: input.notReadyReason };
}

export function agentView(input: AgentInput): AgentView {
  const { state, online } = input;
  const settled = state === 'available' || state === 'unavailable';
  const available = COUNTS_AS_AVAILABLE.includes(state);
  const signedIn = state !== 'loggedOut' && state !== 'registering';
  return {
    label: `agent.${state}`,
    ...LOOK[state],
    busy: PENDING.includes(state),
    reason: reasonOf(input),
    toggle: {
      checked: available,
      enabled: online && (settled || state === 'loggedOut'),
      event: available ? 'agent.goUnavailable' : 'agent.goAvailable',
    },
    reasonPicker: {
      enabled: online && settled,
      value: NOT_READY_STATES.includes(state) && isPickable(input.notReadyReason) ? input.notReadyReason : '',
    },
    session: signedIn ? { action: 'logout', enabled: online && settled } : { action: 'login', enabled: online && state === 'loggedOut' },
    error: input.error,
  };
}
