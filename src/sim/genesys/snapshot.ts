/**
 * [INFER] `{"type":"snapshot"}`: our extension of the microservice contract (README beside this
 * file). The agent's truth in one frame, queued behind anything still waiting, so a toolbar that
 * replays the backlog reads the snapshot last and ends on the truth.
 */
import type { SimModel } from './state';
import { fail, ok, type CallStatus, type Reply, type SimConfig } from './types';

/** How the simulator answers `snapshot`: as specified, refused (a service without it), or silent. */
export const SNAPSHOT_MODES: readonly SimConfig['snapshot'][] = ['on', 'refuse', 'silent'];

const CALL_STATE: Partial<Record<CallStatus, string>> = {
  ringing: 'Ringing',
  dialing: 'Dialing',
  established: 'Established',
  held: 'Held',
};

const AGENT_STATE = { ready: 'Ready', notReady: 'NotReady', loggedOut: 'LoggedOut' } as const;

export interface SnapshotCall {
  connectionId: string;
  state: string;
  direction: string;
  ANI?: string;
  eventId?: string;
  queueName?: string;
}

export interface SnapshotFrame {
  eventName: 'EventSnapshot';
  agentState: string;
  reason?: string;
  calls: SnapshotCall[];
}

export function snapshotFrame(model: SimModel, agentId: string): SnapshotFrame {
  const agent = model.agent(agentId);
  const calls: SnapshotCall[] = [];
  for (const call of model.calls.values()) {
    const state = CALL_STATE[call.status];
    if (call.agent !== agentId || state === undefined) continue;
    calls.push({
      connectionId: call.connectionId,
      state,
      direction: call.direction,
      ANI: call.ani,
      ...(call.eventId ? { eventId: call.eventId } : {}),
      ...(call.queue ? { queueName: call.queue } : {}),
    });
  }
  return {
    eventName: 'EventSnapshot',
    agentState: AGENT_STATE[agent.status],
    ...(agent.status === 'notReady' && agent.reason ? { reason: agent.reason } : {}),
    calls,
  };
}

/** `POST {"type":"snapshot"}`: 200 then one `EventSnapshot` frame (or the configured misbehaviour). */
export function snapshot(model: SimModel, agentId: string): Reply {
  if (model.config.snapshot === 'refuse') return fail(400, 'unknown type snapshot');
  if (model.config.snapshot === 'silent') return ok({ agent: agentId });
  model.emit(agentId, { ...snapshotFrame(model, agentId) });
  return ok({ agent: agentId });
}
