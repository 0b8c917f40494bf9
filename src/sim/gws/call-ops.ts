/** Basic call control on `/voice/calls/{id}/…`: answer, hold, retrieve, release, complete, DTMF, attached data, recording (§3.2). */
import { completeParty, isLive, publishParty, releaseParty, setPartyState } from './calls';
import { str, type Body } from './http';
import type { GwsState } from './state';
import type { KV, Party, SimCall } from './types';

/** What a call operation needs: the call, the requesting agent's leg, the request's data and operationId. */
export interface CallOp {
  state: GwsState;
  call: SimCall;
  leg: Party;
  data: Body;
  body: Body;
  operationId: string;
}

/** A refusal: an HTTP error before anything happens, or (T-Server's way) 200 then EventError. */
export type OpError = { status: number; message: string } | { eventError: { errorCode: number; errorMessage: string } };

/** An operation checks first and returns either its refusal or what it will do once the request is answered. */
export type Prepared = OpError | (() => void);

export type CallHandler = (op: CallOp) => Prepared;

export function kvList(value: unknown): KV[] {
  return Array.isArray(value) ? (value.filter((kv) => typeof kv === 'object' && kv !== null && typeof (kv as KV).key === 'string') as KV[]) : [];
}

/** Genesys' simulator echoes the operationId only on answer and complete. */
export function opId(op: CallOp): string | undefined {
  return op.state.sim ? undefined : op.operationId;
}

export const invalidState = (leg: Party): OpError => ({ eventError: { errorCode: 41, errorMessage: `Invalid call state ${leg.state}` } });

export function answer(op: CallOp): Prepared {
  const { state, call, leg } = op;
  if (leg.state !== 'Ringing') return invalidState(leg);
  return () => {
    leg.state = 'Established';
    // The dialling agent's leg connects too; Genesys' simulator tells the caller first.
    for (const other of call.parties) {
      if (other === leg || other.state !== 'Dialing') continue;
      other.state = 'Established';
      publishParty(state, call, other);
    }
    publishParty(state, call, leg, 'StateChange', op.operationId);
    // A party joining a conference: the others learn of it ('gws').
    if (!state.sim && call.parties.filter(isLive).length > 2) {
      for (const other of call.parties) if (other !== leg && other.agent && isLive(other)) publishParty(state, call, other, 'ParticipantsUpdated');
    }
  };
}

export function hold(op: CallOp): Prepared {
  if (op.leg.state !== 'Established' && !op.state.sim) return invalidState(op.leg);
  return () => setPartyState(op.state, op.call, op.leg, 'Held', opId(op));
}

export function retrieve(op: CallOp): Prepared {
  if (op.leg.state !== 'Held' && !op.state.sim) return invalidState(op.leg);
  return () => setPartyState(op.state, op.call, op.leg, 'Established', opId(op));
}

export function release(op: CallOp): Prepared {
  return () => releaseParty(op.state, op.call, op.leg, opId(op));
}

export function complete(op: CallOp): Prepared {
  if (isLive(op.leg) && op.leg.ghost === undefined && !op.state.sim) return invalidState(op.leg);
  return () => {
    op.call.userData.push(...kvList(op.data['userData']));
    delete op.leg.ghost;
    completeParty(op.state, op.call, op.leg, op.operationId);
  };
}

export function sendDtmf(op: CallOp): Prepared {
  const digits = str(op.data['dtmfDigits']);
  if (!op.state.sim && (!digits || !/^[0-9*#A-D]{1,32}$/.test(digits))) return { status: 400, message: 'data.dtmfDigits must be 1-32 of 0-9 * # A-D' };
  // Acknowledged by an unchanged StateChange echo, as Genesys' simulator does.
  return () => publishParty(op.state, op.call, op.leg, 'StateChange', opId(op));
}

/** Every agent on the call hears AttachedDataChanged. */
function dataChanged(op: CallOp): void {
  for (const p of op.call.parties) if (p.agent) publishParty(op.state, op.call, p, 'AttachedDataChanged', p === op.leg ? opId(op) : undefined);
}

export function attachUserData(op: CallOp): Prepared {
  const userData = kvList(op.data['userData']);
  if (!op.state.sim && userData.length === 0) return { status: 400, message: 'data.userData must be a non-empty KV list' };
  return () => {
    op.call.userData.push(...userData);
    dataChanged(op);
  };
}

export function updateUserData(op: CallOp): Prepared {
  const userData = kvList(op.data['userData']);
  if (!op.state.sim && userData.length === 0) return { status: 400, message: 'data.userData must be a non-empty KV list' };
  return () => {
    for (const kv of userData) {
      const index = op.call.userData.findIndex((old) => old.key === kv.key);
      if (index >= 0) op.call.userData[index] = kv;
      else op.call.userData.push(kv);
    }
    dataChanged(op);
  };
}

export function deleteUserDataPair(op: CallOp): Prepared {
  // Genesys' simulator reads body.key, not data.key: with the documented body it removes the last entry.
  const key = op.state.sim ? str(op.body['key']) : str(op.data['key']);
  const index = key === undefined ? (op.state.sim ? op.call.userData.length - 1 : -1) : op.call.userData.findIndex((kv) => kv.key === key);
  if (index < 0 && !op.state.sim) return { status: 400, message: 'data.key names no attached data' };
  return () => {
    if (index >= 0) op.call.userData.splice(index, 1);
    dataChanged(op);
  };
}

export function recording(next: Party['recordingState']): CallHandler {
  return (op) => () => {
    op.leg.recordingState = next;
    publishParty(op.state, op.call, op.leg, op.state.sim ? 'CallRecordingStateChange' : 'StateChange', opId(op));
  };
}

/** clear: the call ends for every party ('gws' only; Genesys' simulator answers 501). */
export function clear(op: CallOp): Prepared {
  return () => {
    for (const p of op.call.parties) if (p !== op.leg && isLive(p)) releaseParty(op.state, op.call, p);
    releaseParty(op.state, op.call, op.leg, op.operationId);
  };
}

/** Looks up another of the agent's legs named in the request (heldConnId, parentConnId). */
export function otherLeg(op: CallOp, id: unknown): { call: SimCall; leg: Party } | undefined {
  const call = typeof id === 'string' ? op.state.calls.get(id) : undefined;
  const leg = call?.parties.find((p) => p.agent === op.leg.agent);
  return call && leg && isLive(leg) ? { call, leg } : undefined;
}
