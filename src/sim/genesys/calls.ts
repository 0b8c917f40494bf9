import { randomUUID } from 'node:crypto';
import { newConnId, type Call, type SimModel } from './state';
import { fail, ok, type CallStatus, type Reply } from './types';

export interface RingRequest {
  agent: string;
  ani?: string;
  queue?: string;
  eventId?: string;
  connectionId?: string;
  /** Attached data sent as UserData (a transferred call carries the transfer's). */
  userData?: Record<string, string>;
  /** CallType on the wire (default Inbound), e.g. Internal or Consult for a transfer arriving. */
  callType?: string;
}

/** Live (unreleased) calls one agent may have; past it a ring or dial is refused with 429. */
export const DEFAULT_MAX_CALLS_PER_AGENT = 32;

export function overCap(model: SimModel, agent: string): Reply | undefined {
  let live = 0;
  for (const call of model.calls.values()) if (call.agent === agent && call.status !== 'released') live += 1;
  return live >= model.maxCallsPerAgent ? fail(429, `agent ${agent} already has ${live} live calls (limit ${model.maxCallsPerAgent})`) : undefined;
}

/** Inbound call offered to the agent: EventRinging. */
export function ring(model: SimModel, request: RingRequest): Reply {
  const refused = overCap(model, request.agent);
  if (refused) return refused;
  const connectionId = request.connectionId || newConnId();
  const existing = model.calls.get(connectionId);
  if (existing !== undefined && existing.status !== 'released') {
    return fail(409, `connectionId ${connectionId} is already ${existing.status}`);
  }
  const call: Call = {
    connectionId,
    agent: request.agent,
    status: 'ringing',
    direction: 'inbound',
    ani: request.ani || '+15551230000',
    eventId: request.eventId || randomUUID(),
    queue: request.queue || 'Sales',
    ...(request.userData ? { userData: request.userData } : {}),
    ...(request.callType ? { callType: request.callType } : {}),
  };
  model.addCall(call);
  const frame = model.callFrame(call, 'EventRinging', { queueName: call.queue });
  model.emit(call.agent, call.userData ? { ...frame, UserData: call.userData } : frame);
  return ok({ connectionId, eventId: call.eventId });
}

/** A call the REST caller may act on: unknown or another agent's → 404; wrong state → 409. */
export function findCall(model: SimModel, connectionId: unknown, agent: string | null, allowed: readonly CallStatus[], action: string): Call | Reply {
  if (typeof connectionId !== 'string' || connectionId === '') return fail(400, `${action} needs a connectionId`);
  const call = model.calls.get(connectionId);
  if (call === undefined || (agent !== null && call.agent !== agent)) {
    return fail(404, `no call ${connectionId}${agent === null ? '' : ` for agent ${agent}`}`);
  }
  if (!allowed.includes(call.status)) return fail(409, `cannot ${action} call ${connectionId}: it is ${call.status}`);
  return call;
}

export function isReply(value: Call | Reply): value is Reply {
  return 'status' in value && typeof value.status === 'number';
}

export function answer(model: SimModel, call: Call): Reply {
  call.status = 'established';
  model.emitCall(call, 'EventEstablished');
  return ok({ connectionId: call.connectionId });
}

export function hold(model: SimModel, call: Call): Reply {
  call.status = 'held';
  model.emitCall(call, 'EventHeld');
  return ok({ connectionId: call.connectionId });
}

export function retrieve(model: SimModel, call: Call): Reply {
  call.status = 'established';
  model.emitCall(call, 'EventRetrieved');
  return ok({ connectionId: call.connectionId });
}

export function releaseOk(model: SimModel, call: Call): Reply {
  model.release(call, 'Ok');
  return ok({ connectionId: call.connectionId });
}

/** Outbound: EventDialing now, then after dialDelayMs the far end answers or is busy. */
export function makeCall(model: SimModel, agent: string, number: string, eventId: string | undefined): Reply {
  const refused = overCap(model, agent);
  if (refused) return refused;
  const call: Call = { connectionId: newConnId(), agent, status: 'dialing', direction: 'outbound', ani: number };
  if (eventId) call.eventId = eventId;
  model.addCall(call);
  model.emitCall(call, 'EventDialing', { toNumber: number, OtherDN: number });
  model.setTimer(call.connectionId, model.config.dialDelayMs, () => {
    if (call.status !== 'dialing') return;
    if (model.isBusy(number)) {
      model.emitCall(call, 'EventDestinationBusy');
      model.release(call, 'Busy');
    } else {
      answer(model, call);
    }
  });
  return ok({ connectionId: call.connectionId, eventId: call.eventId });
}

/** The far end gives up: ringing → abandoned, talking → remote release, dialing → no answer. */
export function callerHangup(model: SimModel, call: Call): Reply {
  if (call.status === 'ringing') {
    model.emitCall(call, 'EventAbandoned');
    model.release(call, 'Abandoned');
  } else if (call.status === 'dialing') {
    model.release(call, 'NoAnswer');
  } else {
    model.release(call, 'RemoteRelease');
  }
  return ok({ connectionId: call.connectionId });
}

export function remoteAnswer(model: SimModel, call: Call): Reply {
  model.cancelTimer(call.connectionId);
  return answer(model, call);
}

/** SingleStepTransfer: the customer goes on to `destination`; the agent's leg is released. */
export function transfer(model: SimModel, call: Call, destination: string): Reply {
  model.release(call, 'Transferred');
  return ok({ connectionId: call.connectionId, destination });
}

/** SendDTMF: the digits are played to the far end. */
export function sendDtmf(model: SimModel, call: Call, digits: string): Reply {
  model.emitCall(call, 'EventDtmfSent', { digits });
  return ok({ connectionId: call.connectionId, digits });
}
