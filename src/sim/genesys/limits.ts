/** What no client can make the simulator hold: agents, sockets, agents left without a socket. */
import { performance } from 'node:perf_hooks';
import type { SocketHub } from './sockets';
import type { SimModel } from './state';
import { fail, type Reply, type SimOptions } from './types';

/** Longer agent ids are refused: each known agent costs its id in memory and in /sim/state. */
export const MAX_AGENT_ID_LENGTH = 256;

export interface SimLimits {
  maxAgents: number;
  maxSockets: number;
  maxSocketsPerAgent: number;
  agentIdleMs: number;
}

/** Above the many-agents bench's 1,600 agents, one socket each. */
export const DEFAULT_LIMITS: Readonly<SimLimits> = { maxAgents: 2000, maxSockets: 4000, maxSocketsPerAgent: 8, agentIdleMs: 600_000 };

export function resolveLimits(options: SimOptions): SimLimits {
  return {
    maxAgents: options.maxAgents ?? DEFAULT_LIMITS.maxAgents,
    maxSockets: options.maxSockets ?? DEFAULT_LIMITS.maxSockets,
    maxSocketsPerAgent: options.maxSocketsPerAgent ?? DEFAULT_LIMITS.maxSocketsPerAgent,
    agentIdleMs: options.agentIdleMs ?? DEFAULT_LIMITS.agentIdleMs,
  };
}

/** Forgets agents with no socket whose last activity is older than `agentIdleMs`; returns their ids. */
export function expireIdle(model: SimModel, hub: SocketHub, limits: SimLimits, now = performance.now()): string[] {
  const expired: string[] = [];
  for (const agent of model.agents.values()) {
    if (hub.count(agent.id) === 0 && now - agent.lastActive >= limits.agentIdleMs) expired.push(agent.id);
  }
  for (const id of expired) model.forgetAgent(id);
  return expired;
}

/** Whether a request may speak for `id`: a known agent always, a new one while under the cap. */
export function admitAgent(model: SimModel, hub: SocketHub, limits: SimLimits, id: string): Reply | undefined {
  if (id.length > MAX_AGENT_ID_LENGTH) return fail(400, `agent id of ${id.length} characters exceeds ${MAX_AGENT_ID_LENGTH}`, 'SIM_AGENT_ID_TOO_LONG');
  if (model.agents.has(id)) return undefined;
  if (model.agents.size >= limits.maxAgents) expireIdle(model, hub, limits);
  if (model.agents.size < limits.maxAgents) return undefined;
  return fail(429, `${model.agents.size} agents already known (limit ${limits.maxAgents})`, 'SIM_AGENT_LIMIT');
}

/** Whether a new WebSocket for `id` may open: the agent admitted, and both socket caps unreached. */
export function admitSocket(model: SimModel, hub: SocketHub, limits: SimLimits, id: string): Reply | undefined {
  const agent = admitAgent(model, hub, limits, id);
  if (agent) return agent;
  const own = hub.count(id);
  if (own >= limits.maxSocketsPerAgent) return fail(429, `agent already has ${own} sockets (limit ${limits.maxSocketsPerAgent})`, 'SIM_AGENT_SOCKET_LIMIT');
  const total = hub.total();
  if (total >= limits.maxSockets) return fail(429, `${total} sockets already open (limit ${limits.maxSockets})`, 'SIM_SOCKET_LIMIT');
  return undefined;
}
