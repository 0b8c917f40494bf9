/** Basic call control on `/voice/calls/{id}/…`: answer, hold, retrieve, release, complete, DTMF, attached data, recording (§3.2). */
import { completeParty, publishParty, releaseParty, setPartyState } from './calls';
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

/** An operation's outcome: done (events published) or an error the router reports. */
export type OpResult = { ok: true } | { ok: false; status: number; message: string } | { ok: false; eventError: { errorCode: number; errorMessage: string } };

export const OK: OpResult = { ok: true };

function kvList(value: unknown): KV[] {
  return Array.isArray(value) ? (value.filter((kv) => typeof kv === 'object' && kv !== null && typeof (kv as KV).key === 'string') as KV[]) : [];
}

/** Genesys' simulator echoes the operationId only on answer and complete. */
function opId(op: CallOp, always: boolean): string | undefined {
  return always || !op.state.sim ? op.operationId : undefined;
}

export function answer(op: CallOp): OpResult {
  const { state, call, leg } = op;
  if (leg.state !== 'Ringing') return { ok: false, eventError: { errorCode: 41, errorMessage: 'Invalid call state' } };
  leg.state = 'Established';
  // The caller's leg (an agent dialling this one) connects too, and learns it first as Genesys' simulator tells it.
  for (const other of call.parties) {
    if (other === leg || other.state !== 'Dialing') continue;
    other.state = 'Established';
    publishParty(state, call, other);
  }
  publishParty(state, call, leg, 'StateChange', op.operationId);
  return OK;
}

export function hold(op: CallOp): OpResult {
  setPartyState(op.state, op.call, op.leg, 'Held', opId(op, false));
  return OK;
}

export function retrieve(op: CallOp): OpResult {
  setPartyState(op.state, op.call, op.leg, 'Established', opId(op, false));
  return OK;
}

export function release(op: CallOp): OpResult {
  releaseParty(op.state, op.call, op.leg, opId(op, false));
  return OK;
}

export function complete(op: CallOp): OpResult {
  const userData = kvList(op.data['userData']);
  if (userData.length) op.call.userData.push(...userData);
  delete op.leg.ghost;
  completeParty(op.state, op.call, op.leg, op.operationId);
  return OK;
}

export function sendDtmf(op: CallOp): OpResult {
  const digits = str(op.data['dtmfDigits']);
  if (!digits || !/^[0-9*#A-D]{1,32}$/.test(digits)) return { ok: false, status: 400, message: 'dtmfDigits must be 1-32 of 0-9 * # A-D' };
  publishParty(op.state, op.call, op.leg, 'StateChange', opId(op, false));
  return OK;
}

/** The data of every agent on the call changed: each leg hears AttachedDataChanged. */
function dataChanged(op: CallOp): OpResult {
  for (const p of op.call.parties) if (p.agent) publishParty(op.state, op.call, p, 'AttachedDataChanged', p === op.leg ? opId(op, false) : undefined);
  return OK;
}

export function attachUserData(op: CallOp): OpResult {
  op.call.userData.push(...kvList(op.data['userData']));
  return dataChanged(op);
}

export function updateUserData(op: CallOp): OpResult {
  for (const kv of kvList(op.data['userData'])) {
    const index = op.call.userData.findIndex((old) => old.key === kv.key);
    if (index >= 0) op.call.userData[index] = kv;
    else op.call.userData.push(kv);
  }
  return dataChanged(op);
}

export function deleteUserDataPair(op: CallOp): OpResult {
  // Genesys' simulator reads body.key, not data.key: with the documented body it removes the last entry.
  const key = op.state.sim ? str(op.body['key']) : str(op.data['key']);
  const index = key === undefined ? (op.state.sim ? op.call.userData.length - 1 : -1) : op.call.userData.findIndex((kv) => kv.key === key);
  if (index < 0 && !op.state.sim) return { ok: false, status: 400, message: 'data.key names no attached data' };
  if (index >= 0) op.call.userData.splice(index, 1);
  return dataChanged(op);
}

export function recording(next: Party['recordingState']): (op: CallOp) => OpResult {
  return (op) => {
    op.leg.recordingState = next;
    publishParty(op.state, op.call, op.leg, op.state.sim ? 'CallRecordingStateChange' : 'StateChange', opId(op, false));
    return OK;
  };
}

/** clear: the call ends for every party ('gws' only; Genesys' simulator answers 501). */
export function clear(op: CallOp): OpResult {
  for (const p of op.call.parties) if (p.agent && p !== op.leg) releaseParty(op.state, op.call, p);
  releaseParty(op.state, op.call, op.leg, op.operationId);
  return OK;
}

