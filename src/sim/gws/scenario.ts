/** `/sim/…`: the scenario API over HTTP, one route per GwsSimulator function, for the demo and integrators. */
import type { ServerResponse } from 'node:http';
import { callsOf } from './calls';
import { parseFailRule } from './fail-rules';
import { sendJson, str, type Body } from './http';
import type { GwsState } from './state';
import type { GwsSimulator, KV, RingSpec } from './types';

export interface ScenarioRequest {
  sim: GwsSimulator;
  state: GwsState;
  res: ServerResponse;
  method: string;
  /** The path after /sim, e.g. `/ring`. */
  path: string;
  body: Body;
  /** sim.restart() sparing this request's connection. */
  restart: () => Promise<void>;
}

function bad(res: ServerResponse, message: string): void {
  sendJson(res, { status: 400, body: { status: 'Error', message } });
}

function ok(res: ServerResponse, extra: Record<string, unknown> = {}): void {
  sendJson(res, { status: 200, body: { status: 'Success', ...extra } });
}

function agentName(state: GwsState, body: Body): string | undefined {
  const agent = str(body['agent']);
  return agent !== undefined && state.agents.has(agent) ? agent : undefined;
}

function ringSpec(body: Body): RingSpec | string {
  const spec: RingSpec = {};
  const ani = body['ani'];
  const dnis = body['dnis'];
  const callType = body['callType'];
  const userData = body['userData'];
  if (ani !== undefined) {
    if (typeof ani !== 'string' || ani.length > 64) return 'ani must be a string';
    spec.ani = ani;
  }
  if (dnis !== undefined) {
    if (typeof dnis !== 'string' || dnis.length > 64) return 'dnis must be a string';
    spec.dnis = dnis;
  }
  if (callType !== undefined) {
    if (callType !== 'Inbound' && callType !== 'Internal') return 'callType must be Inbound or Internal';
    spec.callType = callType;
  }
  if (userData !== undefined) {
    if (!Array.isArray(userData) || !userData.every((kv) => typeof kv === 'object' && kv !== null && typeof (kv as KV).key === 'string' && typeof (kv as KV).type === 'string')) {
      return 'userData must be a list of {key, type, value}';
    }
    spec.userData = userData as KV[];
  }
  return spec;
}

function state(request: ScenarioRequest): Record<string, unknown> {
  const agents = [...request.state.agents.values()].map((agent) => ({
    userName: agent.spec.userName,
    agentLogin: agent.spec.agentLogin,
    dn: agent.dn,
    activated: agent.activated,
    voiceService: agent.voiceService,
    calls: callsOf(request.state, agent.spec.userName),
  }));
  return { mode: request.state.mode, agents, sessions: request.state.sessions.size, armedFailures: request.state.failRules.length };
}

/** Runs a scenario function; an unknown call id or agent is a 400 naming it. */
function attempt(res: ServerResponse, act: () => Record<string, unknown> | void): void {
  try {
    ok(res, act() ?? {});
  } catch (error) {
    bad(res, (error as Error).message);
  }
}

export function handleScenario(request: ScenarioRequest): void {
  const { sim, res, method, path, body } = request;
  if (method === 'GET' && path === '/state') return sendJson(res, { status: 200, body: state(request) });
  if (method !== 'POST') return sendJson(res, { status: 404, body: { status: 'Error', message: `no scenario ${method} /sim${path}` } });
  const agent = agentName(request.state, body);
  const callId = str(body['callId']);
  switch (path) {
    case '/ring': {
      if (!agent) return bad(res, 'agent must be a known userName');
      const spec = ringSpec(body);
      if (typeof spec === 'string') return bad(res, spec);
      return attempt(res, () => ({ callId: sim.ring(agent, spec) }));
    }
    case '/remoteAnswer':
    case '/remoteHangup':
      if (!callId) return bad(res, 'callId is required');
      return attempt(res, () => (path === '/remoteAnswer' ? sim.remoteAnswer(callId) : sim.remoteHangup(callId)));
    case '/serviceState': {
      const serviceState = body['serviceState'];
      if (!agent) return bad(res, 'agent must be a known userName');
      if ((body['serviceName'] ?? 'VOICE') !== 'VOICE') return bad(res, 'serviceName must be VOICE');
      if (serviceState !== 'AVAILABLE' && serviceState !== 'UNAVAILABLE') return bad(res, 'serviceState must be AVAILABLE or UNAVAILABLE');
      return attempt(res, () => sim.serviceState(agent, 'VOICE', serviceState));
    }
    case '/dropCometd':
      if (body['agent'] !== undefined && !agent) return bad(res, 'agent must be a known userName');
      return attempt(res, () => sim.dropCometdSessions(agent));
    case '/restart':
      // Answered after the restart, on a connection it spared and then closes.
      res.shouldKeepAlive = false;
      return void request.restart().then(() => ok(res));
    case '/failNext': {
      const rule = parseFailRule(body);
      if (typeof rule === 'string') return bad(res, rule);
      return attempt(res, () => sim.failNext(rule));
    }
    default:
      return sendJson(res, { status: 404, body: { status: 'Error', message: `no scenario POST /sim${path}` } });
  }
}
