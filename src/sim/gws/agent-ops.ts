/** The DN requests: ready, not-ready, DND, voice login/logout, forward (gws-protocol.md §3.1). */
import { activityOf } from './calls';
import { str, type Body } from './http';
import type { AgentRuntime, GwsState } from './state';
import type { KV } from './types';

function reasonsFrom(data: Body): KV[] | undefined {
  const code = str(data['reasonCode']);
  if (code) return [{ key: 'ReasonCode', type: 'str', value: code }];
  const reasons = data['reasons'];
  return Array.isArray(reasons) ? (reasons.filter((kv) => typeof kv === 'object' && kv !== null && typeof (kv as KV).key === 'string') as KV[]) : undefined;
}

export function setReady(state: GwsState, agent: AgentRuntime, data: Body, operationId: string): void {
  const dn = agent.dn;
  dn.agentState = 'Ready';
  dn.available = true;
  dn.dnd = false;
  // Genesys' simulator keeps the previous work mode and reasons; a real T-Server clears them [INFER].
  if (!state.sim) {
    dn.agentWorkMode = str(data['agentWorkMode']) ?? 'ManualIn';
    dn.reasons = reasonsFrom(data) ?? [];
  }
  dn.activity = activityOf(state, agent.spec.userName);
  state.publishDn(agent, operationId);
}

export function setNotReady(state: GwsState, agent: AgentRuntime, data: Body, operationId: string): void {
  const dn = agent.dn;
  dn.agentState = 'NotReady';
  dn.available = false;
  const hasData = Object.keys(data).length > 0;
  if (hasData || !state.sim) {
    const mode = str(data['agentWorkMode']);
    if (mode) dn.agentWorkMode = mode;
    else if (!state.sim) dn.agentWorkMode = 'AuxWork';
    else delete dn.agentWorkMode;
    dn.reasons = reasonsFrom(data) ?? [];
  }
  dn.activity = activityOf(state, agent.spec.userName);
  state.publishDn(agent, operationId);
}

export function setDnd(state: GwsState, agent: AgentRuntime, on: boolean, operationId: string): void {
  agent.dn.dnd = on;
  if (state.sim) {
    agent.dn.agentState = 'NotReady';
    agent.dn.available = false;
  }
  state.publishDn(agent, operationId);
}

export function voiceLogout(state: GwsState, agent: AgentRuntime, operationId?: string): void {
  const dn = agent.dn;
  dn.agentState = 'LoggedOut';
  dn.available = false;
  dn.dnd = false;
  dn.reasons = [];
  delete dn.agentWorkMode;
  agent.activated = false;
  state.publishDn(agent, operationId);
}

/** activate-channels / voice login ('gws'): the DN logs in, in the configured initial state or the asked work mode. */
export function voiceLogin(state: GwsState, agent: AgentRuntime, data: Body, operationId?: string): void {
  agent.activated = true;
  if (typeof data['autoCompleteCall'] === 'boolean') agent.autoComplete = data['autoCompleteCall'];
  const dn = agent.dn;
  const mode = str(data['agentWorkMode']);
  const ready = mode === 'AutoIn' || mode === 'ManualIn' || (mode === undefined && state.settings.initialAgentState === 'Ready');
  dn.agentState = ready ? 'Ready' : 'NotReady';
  dn.agentWorkMode = mode ?? (ready ? 'ManualIn' : 'AuxWork');
  dn.available = ready;
  dn.reasons = [];
  dn.activity = activityOf(state, agent.spec.userName);
  state.publishDn(agent, operationId);
}

export function setForward(state: GwsState, agent: AgentRuntime, forwardTo: string | undefined, operationId: string): void {
  if (forwardTo) agent.dn.forwardTo = forwardTo;
  else delete agent.dn.forwardTo;
  state.publishDn(agent, operationId);
}
