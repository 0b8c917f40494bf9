/**
 * After a recovery: `GET current-session` diffed against the call map, as the toolbar events it
 * missed (gws-protocol.md §4 "Bridge recipe"); and the `EventSnapshot` the toolbar's resync reads
 * (docs/protocol-extensions.md, src/sim/genesys/snapshot.ts). Pure.
 */
import type { ToolbarFrame } from '../session/agent-session.types';
import type { GwsSessionView } from '../gws/gws.schema';
import { applyDn, type AgentRecord } from './agent';
import { applyCall, type CallContext, type CallMap } from './calls';
import { frame, frames } from './frames';

export interface SessionDiff {
  readonly calls: CallMap;
  readonly agent: AgentRecord;
  readonly frames: readonly ToolbarFrame[];
  readonly complete: readonly string[];
}

/** What GWS says is true now, as the frames that bring the toolbar there; no call lost or doubled. */
export function diffSession(
  calls: CallMap,
  agent: AgentRecord,
  view: GwsSessionView,
  ctx: CallContext,
  who: { agentId: string; dn: string },
): SessionDiff {
  const out: ToolbarFrame[] = [];
  const complete: string[] = [];
  let map: CallMap = calls;
  let nextAgent = agent;
  if (view.dn) {
    const step = applyDn(agent, view.dn, who);
    nextAgent = step.agent;
    out.push(...step.frames);
  }
  const listed = new Set<string>();
  for (const call of view.calls) {
    listed.add(call.id);
    if (call.previousConnId) listed.add(call.previousConnId);
    const step = applyCall(map, call, ctx);
    map = step.calls;
    out.push(...step.frames);
    complete.push(...step.complete);
  }
  const next = new Map(map);
  for (const [id, record] of map) {
    if (listed.has(id)) continue;
    // Gone while the bridge was not listening: one EventReleased, then forgotten.
    if (record.state !== 'Released') {
      const callState = record.state === 'Ringing' ? ctx.options.unansweredRingCallState : record.state === 'Dialing' ? ctx.options.unansweredDialCallState : undefined;
      out.push(frames.released(record, callState));
    }
    next.delete(id);
  }
  return { calls: next, agent: nextAgent, frames: out, complete };
}

/** `EventSnapshot`: the agent's state and every live call, as the toolbar's resync reads it. */
export function snapshotFrame(calls: CallMap, agent: AgentRecord, maxCalls: number): ToolbarFrame {
  const list: Record<string, unknown>[] = [];
  for (const record of calls.values()) {
    if (record.state === 'Released' || list.length >= maxCalls) continue;
    const ani = record.direction === 'inbound' ? record.ani : record.dnis;
    list.push({ connectionId: record.id, state: record.state, direction: record.direction, eventId: record.eventId, ...(ani ? { ANI: ani } : {}) });
  }
  return frame('EventSnapshot', { agentState: agent.state, reason: agent.state === 'NotReady' ? agent.reason : undefined, calls: list });
}
