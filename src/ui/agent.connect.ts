/** Agent region → what the agent panel shows and which of its controls work. */
import { DEFAULT_REASONS, type Lang, type ReasonOption } from '../config';
import type { CodedError } from '../machines/call.types';
import type { UiKey } from './i18n';
import type { IconName } from './icon-names';
import type { ToolbarSnapshot } from './toolbar.context';

/** The agent region's state; the after-call work states count as one, `wrappingUp`. */
export type AgentStateName = Exclude<ToolbarSnapshot['value']['agent'], object> | 'wrappingUp';

/** `{ wrappingUp: 'active' }` → `wrappingUp`. */
export function agentStateName(value: ToolbarSnapshot['value']['agent']): AgentStateName {
  return typeof value === 'string' ? value : 'wrappingUp';
}

/** Reasons the toolbar itself sets, with their own words; the pickable ones come from configuration. */
const REASON_LABELS: Record<string, UiKey> = {
  AfterCallWork: 'reason.AfterCallWork',
  LINK_DOWN: 'reason.LINK_DOWN',
};

export interface AgentInput {
  state: AgentStateName;
  /** The Genesys socket is open, so commands can reach Genesys. */
  online: boolean;
  notReadyReason: string | null;
  error: CodedError | null;
  /** The configured not-ready reasons (code + words per language). */
  reasons?: readonly ReasonOption[];
  lang?: Lang;
  /** Every live call's phase ('ringing.alerting', 'established.held'…): what the agent is doing. */
  phases?: readonly string[];
}

/** What the agent is doing, as agents read it in CCP: said before the Genesys state. */
export type Activity = 'ringing' | 'dialing' | 'onCall' | 'onHold' | 'consulting' | 'afterCallWork';

/** One choice of the reason picker: the code Genesys receives and the words shown. */
export interface ReasonChoice {
  code: string;
  text: string;
}

export type Tone = 'ok' | 'warn' | 'off' | 'busy' | 'error';

export interface AgentView {
  /** The header's words: what the agent is doing (On a call…), else the Genesys state. */
  label: UiKey;
  activity: Activity | null;
  /** The Genesys state beside the activity (Ready, Not ready…); null when the label already is it. */
  beside: UiKey | null;
  icon: IconName;
  tone: Tone;
  busy: boolean;
  /** The reason to show beside the state: its words when known, else the raw code as text. */
  reason: { label: UiKey } | { raw: string } | null;
  toggle: { checked: boolean; enabled: boolean; event: 'agent.goAvailable' | 'agent.goUnavailable' };
  reasonPicker: { enabled: boolean; value: string; options: ReasonChoice[] };
  session: { action: 'login' | 'logout'; enabled: boolean };
  /** Genesys is out of reach: the state shown is the last one it confirmed, not a live one. */
  stale: boolean;
  error: CodedError | null;
}

const LOOK: Record<AgentStateName, { icon: IconName; tone: Tone }> = {
  loggedOut: { icon: 'off', tone: 'off' },
  registering: { icon: 'pending', tone: 'busy' },
  available: { icon: 'check', tone: 'ok' },
  unavailable: { icon: 'notReady', tone: 'warn' },
  goingAvailable: { icon: 'pending', tone: 'busy' },
  goingUnavailable: { icon: 'pending', tone: 'busy' },
  loggingOut: { icon: 'pending', tone: 'busy' },
  wrappingUp: { icon: 'wrapUp', tone: 'warn' },
};

const ACTIVITY_LOOK: Record<Activity, { icon: IconName; tone: Tone }> = {
  ringing: { icon: 'ringing', tone: 'warn' },
  dialing: { icon: 'outbound', tone: 'busy' },
  onCall: { icon: 'talking', tone: 'ok' },
  onHold: { icon: 'held', tone: 'warn' },
  consulting: { icon: 'swap', tone: 'ok' },
  afterCallWork: { icon: 'wrapUp', tone: 'warn' },
};

const PENDING: AgentStateName[] = ['registering', 'goingAvailable', 'goingUnavailable', 'loggingOut'];
/** Until Genesys confirms a change, the agent is still where they were. */
const COUNTS_AS_AVAILABLE: AgentStateName[] = ['available', 'goingUnavailable'];
const NOT_READY_STATES: AgentStateName[] = ['unavailable', 'goingUnavailable'];
/** States the agent can change from at once (wrap-up ends when the agent picks another state). */
const SETTLED: AgentStateName[] = ['available', 'unavailable', 'wrappingUp'];

export function selectAgent(snapshot: ToolbarSnapshot): AgentInput {
  return {
    state: agentStateName(snapshot.value.agent),
    online: snapshot.matches({ connection: 'open' }),
    notReadyReason: snapshot.context.notReadyReason,
    error: snapshot.context.agentError,
    reasons: snapshot.context.config.notReadyReasons,
    lang: snapshot.context.config.lang,
  };
}

function choicesOf(input: AgentInput): ReasonChoice[] {
  const lang = input.lang ?? 'en';
  return (input.reasons ?? DEFAULT_REASONS).map((reason) => ({ code: reason.code, text: reason.label[lang] }));
}

function reasonOf(input: AgentInput, choices: ReasonChoice[]): AgentView['reason'] {
  if (!NOT_READY_STATES.includes(input.state) || !input.notReadyReason) return null;
  const chosen = choices.find((choice) => choice.code === input.notReadyReason);
  if (chosen) return { raw: chosen.text };
  const label = Object.hasOwn(REASON_LABELS, input.notReadyReason) ? REASON_LABELS[input.notReadyReason] : undefined;
  return label ? { label } : { raw: input.notReadyReason };
}

/** The state words when Genesys' side is said beside an activity ("On a call · Ready"). */
const BESIDE: Partial<Record<AgentStateName, UiKey>> = { available: 'agent.ready' };

const consulting = (phase: string) => phase.startsWith('established.consulting.') || phase.startsWith('established.consultOnly.');
const onHold = (phase: string) => ['established.holding', 'established.held', 'established.retrieving'].includes(phase);

/** The most telling thing the agent is doing: a consult, a call they talk on, a ring, a dial, a hold, the wrap-up. */
export function activityOf(state: AgentStateName, phases: readonly string[]): Activity | null {
  const live = phases.filter((phase) => phase !== 'ended' && phase !== '');
  if (live.some(consulting)) return 'consulting';
  if (live.some((phase) => phase.startsWith('established.') && !onHold(phase))) return 'onCall';
  if (live.some((phase) => phase.startsWith('ringing.'))) return 'ringing';
  if (live.some((phase) => phase.startsWith('dialing.'))) return 'dialing';
  if (live.some(onHold)) return 'onHold';
  return state === 'wrappingUp' ? 'afterCallWork' : null;
}

export function agentView(input: AgentInput): AgentView {
  const { state, online } = input;
  const settled = SETTLED.includes(state);
  const available = COUNTS_AS_AVAILABLE.includes(state);
  const signedIn = state !== 'loggedOut' && state !== 'registering';
  const choices = choicesOf(input);
  const picked = NOT_READY_STATES.includes(state) && choices.some((choice) => choice.code === input.notReadyReason);
  const activity = activityOf(state, input.phases ?? []);
  // Wrap-up is NotReady (AfterCallWork) in Genesys: saying both would say it twice.
  const beside = activity && activity !== 'afterCallWork' ? (BESIDE[state] ?? `agent.${state}`) : null;
  return {
    label: activity ? `activity.${activity}` : `agent.${state}`,
    activity,
    beside,
    ...(activity ? ACTIVITY_LOOK[activity] : LOOK[state]),
    busy: PENDING.includes(state),
    reason: reasonOf(input, choices),
    toggle: {
      checked: available,
      enabled: online && (settled || state === 'loggedOut'),
      event: available ? 'agent.goUnavailable' : 'agent.goAvailable',
    },
    reasonPicker: {
      enabled: online && settled,
      value: picked ? (input.notReadyReason ?? '') : '',
      options: choices,
    },
    session: signedIn ? { action: 'logout', enabled: online && settled } : { action: 'login', enabled: online && state === 'loggedOut' },
    stale: !online && state !== 'loggedOut',
    error: input.error,
  };
}
