/**
 * Transfers and conferences (§3.3): initiate (consult), complete, single-step, alternate, reconnect, redirect,
 * delete-from-conference. 'gws': the target's leg joins the parent call with `previousConnId` = the consult's id;
 * 'genesys-sim': same id, no previousConnId, the transferring agent's parent left as a ghost.
 */
import { type CallHandler, type CallOp, type OpError, invalidState, otherLeg, opId } from './call-ops';
import { forgetIfDone, isLive, leaveParty, party, publishParty, releaseParty, setPartyState } from './calls';
import { dial, scheduleOutside } from './dial';
import { str } from './http';
import type { Party, Role, SimCall } from './types';

const OWN_DN: OpError = { eventError: { errorCode: 415, errorMessage: 'Invalid Destination DN' } };

function destinationOf(op: CallOp): string | OpError {
  const destination = str(op.data['destination']);
  if (!destination) return { status: 400, message: 'data.destination is required' };
  if (destination === op.leg.number) return OWN_DN;
  return destination;
}

/** Genesys' simulator reads the parent's userData[6] as a UCS contact id for conferences and throws without it. */
function simContactMissing(op: CallOp, parent: SimCall): OpError | undefined {
  if (!op.state.sim || parent.userData[6] !== undefined) return undefined;
  return { status: 500, message: "TypeError: Cannot read properties of undefined (reading 'value')" };
}

/** initiate-transfer / initiate-conference: the parent on hold, a Consult call dialled with parentConnId. */
function initiate(op: CallOp): ReturnType<CallHandler> {
  const destination = destinationOf(op);
  if (typeof destination !== 'string') return destination;
  if (!op.state.sim && op.leg.state !== 'Established' && op.leg.state !== 'Held') return invalidState(op.leg);
  const agent = op.state.agent(op.leg.agent ?? '');
  return () => {
    if (op.leg.state === 'Established') setPartyState(op.state, op.call, op.leg, 'Held', opId(op));
    const result = dial(op.state, agent, destination, 'Consult', { parentConnId: op.call.id, userData: structuredClone(op.call.userData) });
    if (!result.ok) op.state.eventError(agent.spec.userName, result.errorCode, result.errorMessage, opId(op));
  };
}

/** The consult's other parties move into the parent call. */
function moveParties(consult: SimCall, parent: SimCall, mover: Party[], role: Role, callType: Party['callType'], gws: boolean): Party[] {
  consult.parties = consult.parties.filter((p) => !mover.includes(p));
  const moved = mover.map((p): Party => {
    const joined: Party = { ...p, role, callType: p.agent ? callType : p.callType };
    delete joined.consultOrigin;
    if (gws && p.agent) joined.previousConnId = consult.id;
    return joined;
  });
  parent.parties.push(...moved);
  return moved;
}

function parentOf(op: CallOp): { call: SimCall; leg: Party } | OpError {
  const parent = otherLeg(op, str(op.data['parentConnId']) ?? op.call.parentConnId);
  if (!parent) return { status: op.state.sim ? 500 : 400, message: 'data.parentConnId names no call of this agent' };
  return parent;
}

function completeTransfer(op: CallOp): ReturnType<CallHandler> {
  const parent = parentOf(op);
  if ('status' in parent || 'eventError' in parent) return parent;
  const { state, call: consult, leg } = op;
  if (!state.sim && leg.state !== 'Established' && leg.state !== 'Dialing') return invalidState(leg);
  return () => {
    const others = consult.parties.filter((p) => p !== leg && isLive(p));
    if (state.sim) {
      // Observed order: A parent Released (participants: A itself), B consult Completed, B parent Established, A consult Completed.
      parent.leg.state = 'Released';
      parent.leg.ghost = 'Established';
      publishParty(state, parent.call, parent.leg, 'StateChange', undefined, { participants: [{ number: parent.leg.number, role: 'RoleDestination' }] });
      for (const p of others) publishParty(state, consult, p, 'StateChange', undefined, { state: 'Completed', _state: 'Completed' });
      const moved = moveParties(consult, parent.call, others, 'RoleDestination', parent.leg.callType, false);
      for (const p of moved) publishParty(state, parent.call, p);
      leg.state = 'Completed';
      publishParty(state, consult, leg);
    } else {
      // Moved before John leaves, so the parent call is not forgotten when his leg completes.
      const moved = moveParties(consult, parent.call, others, 'RoleDestination', parent.leg.callType, true);
      leaveParty(state, parent.call, parent.leg);
      leaveParty(state, consult, leg, op.operationId);
      for (const p of moved) publishParty(state, parent.call, p);
    }
    forgetIfDone(state, consult);
    forgetIfDone(state, parent.call);
  };
}

function completeConference(op: CallOp): ReturnType<CallHandler> {
  const parent = parentOf(op);
  if ('status' in parent || 'eventError' in parent) return parent;
  const { state, call: consult, leg } = op;
  const missing = simContactMissing(op, parent.call);
  if (missing) return missing;
  if (!state.sim && leg.state !== 'Established') return invalidState(leg);
  return () => {
    const others = consult.parties.filter((p) => p !== leg && isLive(p));
    if (state.sim) {
      // Observed: A consult Completed, A parent Established, B consult Completed, B parent Established; both with [contact, A].
      const participants = [{ number: parent.call.ani, role: 'RoleOrigination' }, { number: parent.leg.number, role: 'RoleDestination' }];
      leg.state = 'Completed';
      publishParty(state, consult, leg);
      parent.leg.state = 'Established';
      publishParty(state, parent.call, parent.leg, 'StateChange', undefined, { participants });
      for (const p of others) publishParty(state, consult, p, 'StateChange', undefined, { state: 'Completed', _state: 'Completed' });
      for (const p of moveParties(consult, parent.call, others, 'RoleDestination', parent.leg.callType, false)) publishParty(state, parent.call, p, 'StateChange', undefined, { participants });
    } else {
      leaveParty(state, consult, leg, op.operationId);
      const moved = moveParties(consult, parent.call, others, 'RoleNewParty', parent.leg.callType, true);
      const wasHeld = parent.leg.state === 'Held';
      parent.leg.state = 'Established';
      publishParty(state, parent.call, parent.leg, wasHeld ? 'StateChange' : 'ParticipantsUpdated');
      for (const p of parent.call.parties) if (p.agent && p !== parent.leg && isLive(p) && !moved.includes(p)) publishParty(state, parent.call, p, 'ParticipantsUpdated');
      for (const p of moved) publishParty(state, parent.call, p);
    }
    forgetIfDone(state, consult);
  };
}

/** single-step-transfer (and 'gws' redirect of a ringing call): the agent leaves, the destination rings on the same call id. */
function singleStep(allowedFrom: Party['state'][]): CallHandler {
  return (op) => {
    const destination = destinationOf(op);
    if (typeof destination !== 'string') return destination;
    const { state, call, leg } = op;
    if (!state.sim && !allowedFrom.includes(leg.state)) return invalidState(leg);
    return () => {
      const target = state.agentByDn(destination);
      const joined = party(destination, 'RoleDestination', 'Ringing', leg.callType, target?.spec.userName);
      if (state.sim) {
        // Observed: A Released, B Ringing, A Released again; A is never Completed.
        leg.state = 'Released';
        publishParty(state, call, leg);
        call.parties.push(joined);
        publishParty(state, call, joined);
        publishParty(state, call, leg);
      } else {
        call.parties.push(joined);
        leaveParty(state, call, leg, op.operationId);
        publishParty(state, call, joined);
      }
      if (!target) scheduleOutside(state, call, destination);
      forgetIfDone(state, call);
    };
  };
}

function singleStepConference(op: CallOp): ReturnType<CallHandler> {
  const destination = destinationOf(op);
  if (typeof destination !== 'string') return destination;
  const missing = simContactMissing(op, op.call);
  if (missing) return missing;
  if (!op.state.sim && op.leg.state !== 'Established') return invalidState(op.leg);
  return () => {
    const target = op.state.agentByDn(destination);
    const joined = party(destination, 'RoleNewParty', 'Ringing', op.leg.callType, target?.spec.userName);
    op.call.parties.push(joined);
    publishParty(op.state, op.call, joined);
    if (!target) scheduleOutside(op.state, op.call, destination);
  };
}

/** alternate: this call on hold, the held one back ('gws'; Genesys' simulator: 501). */
function alternate(op: CallOp): ReturnType<CallHandler> {
  const held = otherLeg(op, op.data['heldConnId']);
  if (!held || held.leg.state !== 'Held') return { status: 400, message: 'data.heldConnId names no held call of this agent' };
  if (op.leg.state !== 'Established') return invalidState(op.leg);
  return () => {
    setPartyState(op.state, op.call, op.leg, 'Held', op.operationId);
    setPartyState(op.state, held.call, held.leg, 'Established');
  };
}

/** reconnect: the consult released, the held parent back ('gws'; Genesys' simulator: 501). */
function reconnect(op: CallOp): ReturnType<CallHandler> {
  const held = otherLeg(op, op.data['heldConnId'] ?? op.call.parentConnId);
  if (!held || held.leg.state !== 'Held') return { status: 400, message: 'data.heldConnId names no held call of this agent' };
  return () => {
    releaseParty(op.state, op.call, op.leg, op.operationId);
    setPartyState(op.state, held.call, held.leg, 'Established');
  };
}

function deleteFromConference(op: CallOp): ReturnType<CallHandler> {
  const dn = str(op.data['dnToDrop']);
  const victim = op.call.parties.find((p) => p !== op.leg && p.number === dn && isLive(p));
  if (!victim) return { status: 400, message: 'data.dnToDrop names no party of this call' };
  return () => releaseParty(op.state, op.call, victim, op.operationId);
}

export const TRANSFER_OPS: Record<string, CallHandler> = {
  'initiate-transfer': initiate,
  'initiate-conference': initiate,
  'complete-transfer': completeTransfer,
  'complete-conference': completeConference,
  'single-step-transfer': singleStep(['Established', 'Held']),
  'single-step-conference': singleStepConference,
  redirect: singleStep(['Ringing']),
  alternate,
  reconnect,
  'delete-from-conference': deleteFromConference,
};
