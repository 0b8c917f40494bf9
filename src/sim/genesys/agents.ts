import type { SimModel } from './state';
import { ok, type Reply } from './types';

/** initialize/Register: EventRegistered, then anything queued while away, then the agent's current state. */
export function register(model: SimModel, agentId: string, dn: string | undefined): Reply {
  const agent = model.agent(agentId);
  if (dn) agent.dn = dn;
  agent.registered = true;
  // EventRegistered means "registered and logged in" (protocol.md 1.1): log in as ready if out.
  if (agent.status === 'loggedOut') agent.status = 'ready';
  const registered = JSON.stringify(model.agentFrame(agent, 'EventRegistered'));
  // Registered jumps the queue: the toolbar must hear it before the backlog it explains.
  agent.queue.unshift(registered);
  model.flush(agentId);
  emitAgentState(model, agentId);
  return ok({ agent: agentId });
}

/** The state last, so a toolbar replaying the backlog ends on the truth. */
function emitAgentState(model: SimModel, agentId: string): void {
  const agent = model.agent(agentId);
  if (agent.status === 'ready') model.emit(agentId, model.agentFrame(agent, 'EventAgentReady'));
  else if (agent.status === 'notReady') model.emit(agentId, model.agentFrame(agent, 'EventAgentNotReady', { reason: agent.reason, workMode: agent.workMode }));
  else model.emit(agentId, model.agentFrame(agent, 'EventAgentLogout'));
}

export function ready(model: SimModel, agentId: string): Reply {
  const agent = model.agent(agentId);
  agent.status = 'ready';
  delete agent.reason;
  delete agent.workMode;
  emitAgentState(model, agentId);
  return ok({ agent: agentId });
}

/** `workMode` (AfterCallWork: wrap-up) is echoed on EventAgentNotReady, as T-Server's AgentWorkMode. */
export function notReady(model: SimModel, agentId: string, reason: string | undefined, workMode?: string): Reply {
  const agent = model.agent(agentId);
  agent.status = 'notReady';
  if (reason) agent.reason = reason;
  else delete agent.reason;
  if (workMode) agent.workMode = workMode;
  else delete agent.workMode;
  emitAgentState(model, agentId);
  return ok({ agent: agentId });
}

export function logout(model: SimModel, agentId: string): Reply {
  const agent = model.agent(agentId);
  agent.status = 'loggedOut';
  delete agent.reason;
  emitAgentState(model, agentId);
  return ok({ agent: agentId });
}
