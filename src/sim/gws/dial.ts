/**
 * Calls that start: an inbound ring (scenario), make-call to an agent's DN (Internal) or an outside number
 * (Outbound), and what the outside party does: answer, busy (…486), no answer (…408), hang up.
 */
import { createCall, isLive, party, partyOf, publishParty, releaseParty, setPartyState } from './calls';
import type { AgentRuntime, GwsState } from './state';
import type { CallType, KV, Party, RingSpec, SimCall } from './types';

/** Genesys' simulator's data/media/attached-data.yaml, typo included. */
const SIM_INBOUND_DATA: KV[] = [
  { key: 'Segment', type: 'str', value: 'Gold' },
  { key: 'Priority', type: 'interger', value: 8 },
  { key: 'CallType', type: 'str', value: 'Inbound' },
];

export const BUSY_SUFFIX = '486';
export const NO_ANSWER_SUFFIX = '408';

/** A new call ringing at the agent; returns its id. */
export function ring(state: GwsState, userName: string, spec: RingSpec = {}): string {
  const agent = state.agent(userName);
  const ani = spec.ani ?? '+33175001234';
  const callType = spec.callType ?? 'Inbound';
  const userData = [...(state.sim && callType === 'Inbound' ? SIM_INBOUND_DATA : []), ...(spec.userData ?? [])];
  const call = createCall(state, {
    ani,
    dnis: spec.dnis ?? agent.spec.agentLogin,
    userData,
    parties: [party(ani, 'RoleOrigination', 'Established', callType), party(agent.spec.agentLogin, 'RoleDestination', 'Ringing', callType, userName)],
  });
  const leg = partyOf(call, userName);
  if (leg) publishParty(state, call, leg);
  state.settings.log('info', 'ring', { agent: userName, callId: call.id, ani });
  return call.id;
}

/** The far end of a call: the outside party still ringing, else the last one to join that is still on the line. */
function outside(call: SimCall): Party | undefined {
  const live = call.parties.filter((p) => !p.agent && isLive(p));
  return live.find((p) => p.state === 'Ringing') ?? live[live.length - 1];
}

/** Outside number rings: answers after dialAnswerMs, or (real GWS) is busy / does not answer by its last digits. */
export function scheduleOutside(state: GwsState, call: SimCall, destination: string): void {
  const { dialAnswerMs, dialBusyMs, dialNoAnswerMs } = state.settings;
  // A call nobody sees any more (e.g. single-stepped out) has no far end worth simulating.
  if (!state.calls.has(call.id)) return;
  const hangUp = (): void => {
    if (outside(call)?.state === 'Ringing') remoteHangup(state, call.id);
  };
  if (!state.sim && destination.endsWith(BUSY_SUFFIX)) return state.callTimer(call, dialBusyMs, hangUp);
  if (!state.sim && destination.endsWith(NO_ANSWER_SUFFIX)) return state.callTimer(call, dialNoAnswerMs, hangUp);
  state.callTimer(call, dialAnswerMs, () => {
    if (outside(call)?.state === 'Ringing') remoteAnswer(state, call.id);
  });
}

export function remoteAnswer(state: GwsState, callId: string): void {
  const call = state.calls.get(callId);
  if (!call) throw new Error(`unknown call ${callId}`);
  const far = outside(call);
  if (!far) throw new Error(`call ${callId} has no outside party`);
  if (far.state !== 'Ringing') return;
  far.state = 'Established';
  for (const p of call.parties) if (p.agent && p.state === 'Dialing') setPartyState(state, call, p, 'Established');
  // An outside party joining a conference (single-step conference): the agents already on it learn of it.
  if (!state.sim && call.parties.filter(isLive).length > 2) {
    for (const p of call.parties) if (p.agent && p.state === 'Established') publishParty(state, call, p, 'ParticipantsUpdated');
  }
}

export function remoteHangup(state: GwsState, callId: string): void {
  const call = state.calls.get(callId);
  if (!call) throw new Error(`unknown call ${callId}`);
  const far = outside(call);
  if (!far) throw new Error(`call ${callId} has no outside party`);
  releaseParty(state, call, far);
}

export type DialResult = { ok: true; call: SimCall } | { ok: false; errorCode: number; errorMessage: string };

/**
 * The dialling agent's leg Dialing, the other end an agent's DN (Ringing there) or an outside number.
 * Used by make-call (Outbound/Internal) and by consult initiation (Consult, with parentConnId).
 */
export function dial(state: GwsState, from: AgentRuntime, destination: string, callType: 'Outbound' | 'Consult', extra: { parentConnId?: string; userData?: KV[] } = {}): DialResult {
  if (destination === from.spec.agentLogin) return { ok: false, errorCode: 415, errorMessage: 'Invalid Destination DN' };
  const target = state.agentByDn(destination);
  const type: CallType = target && callType === 'Outbound' ? 'Internal' : callType;
  const me = party(from.spec.agentLogin, 'RoleOrigination', 'Dialing', type, from.spec.userName);
  if (callType === 'Consult') me.consultOrigin = true;
  const them = target
    ? party(destination, 'RoleDestination', 'Ringing', type, target.spec.userName)
    : party(destination, 'RoleDestination', 'Ringing', type);
  const call = createCall(state, { ani: from.spec.agentLogin, dnis: destination, parties: [me, them], ...extra });
  // Genesys' simulator: for a consult the target hears it ring first, then the caller sees Dialing.
  if (state.sim && callType === 'Consult') {
    publishParty(state, call, them);
    publishParty(state, call, me);
  } else {
    publishParty(state, call, me);
    publishParty(state, call, them);
  }
  if (!target) scheduleOutside(state, call, destination);
  else if (state.sim) scheduleSimTargetAnswer(state, call, them);
  return { ok: true, call };
}

/** Genesys' simulator "answers" an internal call itself 5 s later if the target agent has not (its makeCall timer). */
function scheduleSimTargetAnswer(state: GwsState, call: SimCall, target: Party): void {
  if (call.parentConnId) return;
  state.callTimer(call, state.settings.dialAnswerMs, () => {
    if (target.state !== 'Ringing') return;
    for (const p of call.parties) if (p.agent && (p.state === 'Ringing' || p.state === 'Dialing')) setPartyState(state, call, p, 'Established');
  });
}
