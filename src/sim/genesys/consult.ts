/**
 * [INFER] Consult, transfer and conference as T-Server plays them (protocol.md 4.2): the held
 * call and its consult leg, per the contract in README.md ("Consult, transfer, conference").
 */
import { answer, overCap } from './calls';
import { newConnId, type Call, type SimModel } from './state';
import { fail, ok, type Reply } from './types';

export type ConsultKind = 'transfer' | 'conference';

/** InitiateTransfer / InitiateConference: EventHeld on the call, EventDialing for the consult leg. */
export function initiate(model: SimModel, call: Call, destination: string, kind: ConsultKind): Reply {
  if (call.consultLeg !== undefined) return fail(409, `call ${call.connectionId} already has a consult leg ${call.consultLeg}`);
  const refused = overCap(model, call.agent);
  if (refused) return refused;
  call.status = 'held';
  model.emitCall(call, 'EventHeld');
  const leg: Call = { connectionId: newConnId(), agent: call.agent, status: 'dialing', direction: 'outbound', ani: destination, consultOf: call.connectionId, consultKind: kind };
  call.consultLeg = leg.connectionId;
  model.addCall(leg);
  model.emitCall(leg, 'EventDialing', { toNumber: destination, OtherDN: destination });
  model.setTimer(leg.connectionId, model.config.consultDelayMs, () => {
    if (leg.status !== 'dialing') return;
    if (model.isBusy(destination)) {
      model.emitCall(leg, 'EventDestinationBusy');
      model.release(leg, 'Busy');
    } else {
      answer(model, leg);
    }
  });
  return ok({ connectionId: call.connectionId, consultConnectionId: leg.connectionId });
}

/** The consult leg a Complete/Reconnect/Alternate names must be this held call's own. */
export function consultLegOf(model: SimModel, call: Call, consultConnectionId: unknown, action: string): Call | Reply {
  if (typeof consultConnectionId !== 'string' || consultConnectionId === '') return fail(400, `${action} needs the consult leg's connectionId`);
  const leg = model.calls.get(consultConnectionId);
  if (leg === undefined || leg.consultOf !== call.connectionId || leg.status === 'released') {
    return fail(409, `${consultConnectionId} is not a live consult leg of ${call.connectionId}`);
  }
  return leg;
}

/** CompleteTransfer: the customer goes on to the target; both of the agent's legs are released. */
export function completeTransfer(model: SimModel, call: Call, leg: Call): Reply {
  if (leg.status !== 'established' && leg.status !== 'dialing') return fail(409, `consult leg ${leg.connectionId} is ${leg.status}`);
  model.release(leg, 'Transferred');
  model.release(call, 'Transferred');
  return ok({ connectionId: call.connectionId });
}

/** CompleteConference: the consult leg merges into the call, which is retrieved with one more party. */
export function completeConference(model: SimModel, call: Call, leg: Call): Reply {
  if (leg.status !== 'established') return fail(409, `consult leg ${leg.connectionId} is ${leg.status}: the target has not answered`);
  const party = leg.ani;
  model.release(leg, 'Conferenced');
  call.parties = [...(call.parties ?? []), party];
  model.emitCall(call, 'EventPartyAdded', { party, OtherDN: party });
  call.status = 'established';
  model.emitCall(call, 'EventRetrieved');
  return ok({ connectionId: call.connectionId, parties: call.parties });
}

/** ReconnectCall: the consult leg is dropped and the held call taken back. */
export function reconnect(model: SimModel, leg: Call, call: Call): Reply {
  model.release(leg, 'Ok');
  call.status = 'established';
  model.emitCall(call, 'EventRetrieved');
  return ok({ connectionId: call.connectionId });
}

/** AlternateCall: the leg talking now is held, the held one retrieved. */
export function alternate(model: SimModel, talking: Call, held: Call): Reply {
  if (talking.status !== 'established' || held.status !== 'held') return fail(409, `cannot swap: ${talking.connectionId} is ${talking.status}, ${held.connectionId} is ${held.status}`);
  talking.status = 'held';
  model.emitCall(talking, 'EventHeld');
  held.status = 'established';
  model.emitCall(held, 'EventRetrieved');
  return ok({ connectionId: held.connectionId });
}

/** A conference party leaves: EventPartyDeleted on the call. */
export function partyLeaves(model: SimModel, call: Call, party: string): Reply {
  if (!(call.parties ?? []).includes(party)) return fail(409, `${party} is not a party of ${call.connectionId}`);
  call.parties = (call.parties ?? []).filter((item) => item !== party);
  model.emitCall(call, 'EventPartyDeleted', { party, OtherDN: party });
  return ok({ connectionId: call.connectionId, parties: call.parties });
}
