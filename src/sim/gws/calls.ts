/** The call model: each agent's view of a call (the `call` object), its capabilities, and the state changes every operation shares. */
import { VOICE, hexId, type GwsState } from './state';
import type { CallType, KV, LegState, Party, Role, SimCall } from './types';

const STANDARD: Record<LegState, string[]> = {
  Ringing: ['answer', 'clear', 'redirect', 'attach-user-data', 'update-user-data', 'delete-user-data-pair', 'start-recording'],
  Dialing: ['release', 'clear', 'attach-user-data', 'update-user-data', 'delete-user-data-pair', 'send-dtmf', 'start-recording'],
  Established: ['release', 'hold', 'clear', 'attach-user-data', 'update-user-data', 'delete-user-data-pair', 'send-dtmf', 'initiate-conference', 'initiate-transfer', 'single-step-conference', 'single-step-transfer', 'start-recording'],
  Held: ['release', 'clear', 'attach-user-data', 'update-user-data', 'delete-user-data-pair', 'send-dtmf', 'initiate-conference', 'initiate-transfer', 'single-step-conference', 'single-step-transfer', 'start-recording', 'retrieve'],
  Released: ['complete', 'attach-user-data', 'update-user-data', 'delete-user-data-pair', 'start-recording'],
  Completed: ['complete', 'attach-user-data', 'update-user-data', 'delete-user-data-pair', 'start-recording'],
};

const CONSULT_ORIGIN: Partial<Record<LegState, string[]>> = {
  Dialing: ['release', 'clear', 'attach-user-data', 'update-user-data', 'delete-user-data-pair', 'complete-transfer', 'complete-conference', 'alternate', 'send-dtmf', 'start-recording'],
  Established: ['release', 'hold', 'clear', 'attach-user-data', 'update-user-data', 'delete-user-data-pair', 'send-dtmf', 'alternate', 'reconnect', 'merge', 'complete-conference', 'complete-transfer', 'start-recording'],
};

export function isLive(party: Party): boolean {
  return party.state !== 'Released' && party.state !== 'Completed';
}

export function capabilitiesOf(state: GwsState, party: Party): string[] {
  const base = (party.consultOrigin ? CONSULT_ORIGIN[party.state] : undefined) ?? STANDARD[party.state];
  // Genesys' capability table offers no release on Ringing; real GWS over SIP Server accepts it [INFER], configurable.
  if (party.state === 'Ringing' && !state.sim && state.settings.releaseOnRinging) return ['answer', 'release', ...base.slice(1)];
  return [...base];
}

export function partyOf(call: SimCall, agent: string): Party | undefined {
  return call.parties.find((party) => party.agent === agent);
}

/** The agent's view of a call: the `call` object of CallStateChanged and current-session. */
export function callView(state: GwsState, call: SimCall, party: Party, shownState: LegState = party.state): Record<string, unknown> {
  const others = call.parties.filter((other) => other !== party && isLive(other));
  const sim = state.sim;
  const view: Record<string, unknown> = {
    id: call.id,
    connId: call.id,
    callUuid: call.callUuid,
    ...(party.previousConnId && !sim ? { previousConnId: party.previousConnId } : {}),
    ...(call.parentConnId ? { parentConnId: call.parentConnId } : {}),
    callType: party.callType,
    state: shownState,
    // Genesys' simulator: the caller on an inbound leg, the agent otherwise; the model says the agent's number [INFER].
    phoneNumber: sim && party.role === 'RoleDestination' ? call.ani : party.number,
    ...(sim ? {} : { ani: call.ani }),
    dnis: call.dnis,
    participants: others.map((other) => ({ number: other.number, role: other.role })),
    capabilities: capabilitiesOf(state, { ...party, state: shownState }),
    userData: structuredClone(call.userData),
    extensions: [],
    recordingState: party.recordingState,
    duration: Math.floor((Date.now() - call.startedAt) / 1000),
  };
  if (sim) Object.assign(view, { _state: shownState, _recordingState: party.recordingState, startedAt: new Date(call.startedAt).toISOString() });
  return view;
}

export type NotificationType = 'StateChange' | 'AttachedDataChanged' | 'ParticipantsUpdated' | 'CallRecordingStateChange';

/** Tells the party's agent (if it is one) its view of the call; `overrides` replace view fields (Genesys' simulator's odd participant lists). */
export function publishParty(state: GwsState, call: SimCall, party: Party, notificationType: NotificationType = 'StateChange', operationId?: string, overrides?: Record<string, unknown>): void {
  if (!party.agent) return;
  state.deliver(party.agent, VOICE, {
    messageType: 'CallStateChanged',
    notificationType,
    call: { ...callView(state, call, party), ...overrides },
    ...(operationId ? { operationId } : {}),
  });
}

/** A new call and its first parties; registered in the state. */
export function createCall(state: GwsState, fields: { ani: string; dnis: string; userData?: KV[]; parentConnId?: string; parties: Party[] }): SimCall {
  const call: SimCall = {
    id: hexId(),
    callUuid: hexId(),
    ani: fields.ani,
    dnis: fields.dnis,
    userData: fields.userData ? structuredClone(fields.userData) : [],
    parties: fields.parties,
    startedAt: Date.now(),
    timers: new Set(),
    ...(fields.parentConnId ? { parentConnId: fields.parentConnId } : {}),
  };
  state.calls.set(call.id, call);
  return call;
}

export function party(number: string, role: Role, legState: LegState, callType: CallType, agent?: string): Party {
  return { number, role, state: legState, callType, recordingState: 'Stopped', ...(agent ? { agent } : {}) };
}

/** Drops a call nobody sees any more (every agent leg Completed, or no agent left on it). */
export function forgetIfDone(state: GwsState, call: SimCall): void {
  const agentLegs = call.parties.filter((p) => p.agent);
  if (agentLegs.every((p) => p.state === 'Completed' && p.ghost === undefined)) {
    for (const timer of call.timers) clearTimeout(timer);
    state.calls.delete(call.id);
  }
}

/** Completed (published), as `complete` or GWS's auto-complete after release. */
export function completeParty(state: GwsState, call: SimCall, target: Party, operationId?: string): void {
  target.state = 'Completed';
  publishParty(state, call, target, 'StateChange', operationId);
  forgetIfDone(state, call);
}

/** 'gws' mode with autoCompleteCall: Completed follows Released. */
function autoComplete(state: GwsState, call: SimCall, target: Party): void {
  if (state.sim || !target.agent || !state.agent(target.agent).autoComplete) return;
  completeParty(state, call, target);
}

/** The party alone leaves (Released, auto-completed): the others stay connected (transfers, conferences). */
export function leaveParty(state: GwsState, call: SimCall, leaving: Party, operationId?: string): void {
  if (!isLive(leaving)) return;
  leaving.state = 'Released';
  publishParty(state, call, leaving, 'StateChange', operationId);
  autoComplete(state, call, leaving);
}

/**
 * One party leaves: it is Released (published, auto-completed), and when fewer than two live parties
 * remain the call ends for the others too; otherwise they learn of the smaller participant list.
 */
export function releaseParty(state: GwsState, call: SimCall, leaving: Party, operationId?: string): void {
  if (!isLive(leaving)) return;
  leaveParty(state, call, leaving, operationId);
  const live = call.parties.filter(isLive);
  if (live.length === 1 && live[0]) {
    const last = live[0];
    last.state = 'Released';
    publishParty(state, call, last);
    autoComplete(state, call, last);
  } else {
    // Genesys' simulator reports a shrunk conference as a StateChange.
    for (const other of live) publishParty(state, call, other, state.sim ? 'StateChange' : 'ParticipantsUpdated');
  }
  forgetIfDone(state, call);
}

export function setPartyState(state: GwsState, call: SimCall, target: Party, next: LegState, operationId?: string): void {
  target.state = next;
  publishParty(state, call, target, 'StateChange', operationId);
}

/** The agent's calls as current-session lists them: everything not Completed (ghosts as they linger). */
export function callsOf(state: GwsState, agent: string): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  for (const call of state.calls.values()) {
    for (const p of call.parties) {
      if (p.agent !== agent) continue;
      const shown = p.ghost ?? p.state;
      if (shown !== 'Completed') list.push(callView(state, call, p, shown));
    }
  }
  return list;
}

/** DN activity as Genesys' simulator derives it from the agent's calls. */
export function activityOf(state: GwsState, agent: string): string {
  for (const call of state.calls.values()) {
    const p = partyOf(call, agent);
    if (!p || !isLive(p)) continue;
    if (p.state === 'Held') return 'CallOnHold';
    if (p.state === 'Ringing' || p.state === 'Dialing') return 'InitiatingCall';
    return `Handling${p.callType}Call`;
  }
  return 'Idle';
}
