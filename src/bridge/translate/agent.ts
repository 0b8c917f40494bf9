/**
 * GWS `DnStateChanged` → toolbar agent frames (gws-protocol.md §6.1): the agent's last state and
 * the new one pick a row of AGENT_ROWS. Pure.
 */
import type { ToolbarFrame } from '../session/agent-session.types';
import type { GwsDn } from '../gws/gws.schema';
import { frames } from './frames';

/** What the toolbar knows of the agent: `LoggedOut` until the first logged-in DnStateChanged. */
export interface AgentRecord {
  readonly state: 'LoggedOut' | 'Ready' | 'NotReady';
  readonly workMode: string | undefined;
  readonly reason: string | undefined;
}

export const LOGGED_OUT: AgentRecord = { state: 'LoggedOut', workMode: undefined, reason: undefined };

type Kind = 'registered' | 'state' | 'logout';

/** previous state → next state → frames. `state` is EventAgentReady or EventAgentNotReady. */
export const AGENT_ROWS: Readonly<Record<AgentRecord['state'], Readonly<Record<AgentRecord['state'], readonly Kind[]>>>> = {
  LoggedOut: { LoggedOut: [], Ready: ['registered', 'state'], NotReady: ['registered', 'state'] },
  Ready: { LoggedOut: ['logout'], Ready: [], NotReady: ['state'] },
  NotReady: { LoggedOut: ['logout'], Ready: ['state'], NotReady: [] },
};

/** `LoggedIn` (no ready state yet) and `OutOfService` are not ready for calls. */
function stateOf(dn: GwsDn): AgentRecord['state'] {
  if (dn.agentState === 'Ready') return 'Ready';
  if (dn.agentState === 'LoggedOut') return 'LoggedOut';
  return 'NotReady';
}

const REASON_KEYS = ['ReasonCode', 'reasonCode', 'Reason'];

export function agentRecordOf(dn: GwsDn): AgentRecord {
  const state = stateOf(dn);
  if (state === 'LoggedOut') return LOGGED_OUT;
  const kv = dn.reasons?.find((item) => REASON_KEYS.includes(item.key));
  const reason = kv && (typeof kv.value === 'string' || typeof kv.value === 'number') ? String(kv.value) : undefined;
  const workMode = dn.agentWorkMode && dn.agentWorkMode !== 'Unknown' ? dn.agentWorkMode : undefined;
  // Genesys' simulator keeps the last not-ready reason on Ready: a ready agent has none.
  return { state, workMode, reason: state === 'NotReady' ? reason : undefined };
}

/** The frame that says where the agent stands now (after EventRegistered, or for a snapshot). */
export function agentStateFrame(agent: AgentRecord, agentId: string, dn: string): ToolbarFrame {
  if (agent.state === 'Ready') return frames.agentReady(agentId, dn, agent.workMode);
  if (agent.state === 'NotReady') return frames.agentNotReady(agentId, dn, agent.reason, agent.workMode);
  return frames.agentLogout(agentId, dn);
}

export interface AgentStep {
  readonly agent: AgentRecord;
  readonly frames: readonly ToolbarFrame[];
}

export function applyDn(prev: AgentRecord, dn: GwsDn, who: { agentId: string; dn: string }): AgentStep {
  const next = agentRecordOf(dn);
  const kinds = AGENT_ROWS[prev.state][next.state];
  const changed = next.workMode !== prev.workMode || next.reason !== prev.reason;
  // Same state, another work mode or reason (NotReady AuxWork → AfterCallWork): the toolbar hears it.
  const rows = kinds.length === 0 && changed && next.state !== 'LoggedOut' ? (['state'] as const) : kinds;
  const out = rows.map((kind) =>
    kind === 'registered' ? frames.registered(who.agentId, who.dn) : kind === 'logout' ? frames.agentLogout(who.agentId, who.dn) : agentStateFrame(next, who.agentId, who.dn),
  );
  return { agent: next, frames: out };
}
