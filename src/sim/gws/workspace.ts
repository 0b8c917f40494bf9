/** `/workspace/v3/…` outside voice: the workspace session (cookie), activate-channels, current-session, logout (§1, §4). */
import type { IncomingMessage } from 'node:http';
import { voiceLogin, voiceLogout } from './agent-ops';
import { configurationObject, userObject } from './agents';
import { tokenUser } from './auth';
import { callsOf } from './calls';
import { sessionCookieName, type CometdHub } from './cometd';
import { bearer, dataOf, parseCookies, redirect, sendError, sendJson, sendText, str, type RouteRequest } from './http';
import { hexId, type AgentRuntime, type GwsState } from './state';
import { handleVoice } from './voice';

export interface WorkspaceRequest extends RouteRequest {
  hub: CometdHub;
}

/** The session cookie's value and its agent, if the request carries a live one. */
export function sessionOf(state: GwsState, req: IncomingMessage): { cookie: string; agent: AgentRuntime } | undefined {
  const cookie = parseCookies(req.headers.cookie)[sessionCookieName(state)];
  const userName = cookie === undefined ? undefined : state.sessions.get(cookie);
  return cookie === undefined || userName === undefined ? undefined : { cookie, agent: state.agent(userName) };
}

function cookieHeader(name: string, value: string): Record<string, string> {
  return { 'Set-Cookie': `${name}=${value}; Path=/; HttpOnly; SameSite=Lax` };
}

export function handleWorkspace(request: WorkspaceRequest): void {
  const { state, res, method, path } = request;
  if (path === '/initialize-workspace') return initialize(request);
  if (path === '/start' && state.sim) return start(request);
  const session = sessionOf(state, request.req);
  if (path === '/logout') return logout(request, session);
  if (path === '/auth-keep-alive') return sendJson(res, { status: 200, body: { status: { code: 0 } } });
  // Real GWS refuses everything else without a session; Genesys' simulator never does.
  if (!session && !state.sim) return sendError(res, 401, 'Unauthorized: no valid workspace session');
  if (path.startsWith('/voice/')) return handleVoice({ state, res, method, path: path.slice('/voice'.length), body: request.body, agent: session?.agent });
  if (path === '/activate-channels' && method === 'POST') return activate(request, session?.agent);
  if (path === '/current-session' && method === 'GET') return currentSession(request, session?.agent);
  if (state.sim) return sendText(res, 404, `Cannot ${method} /workspace/v3${path}`);
  sendError(res, 404, `no ${method} /workspace/v3${path}`);
}

/** Bearer token or one-use code ('gws') / the sign-in code ('genesys-sim') → a workspace session cookie. */
function initialize(request: WorkspaceRequest): void {
  const { state, req, res, url } = request;
  const code = url.searchParams.get('code') ?? str(request.body['code']);
  if (state.sim) {
    // Genesys' simulator: the code becomes the cookie as is, even when absent ("undefined").
    const value = code ?? 'undefined';
    const userName = state.codes.get(value);
    if (userName) state.sessions.set(value, userName);
    return sendJson(res, { status: 200, body: { status: { code: 1 } } }, cookieHeader('WWE_CODE', value));
  }
  let userName = tokenUser(state, bearer(req));
  if (!userName && code) {
    userName = state.codes.get(code);
    if (userName) state.codes.delete(code);
  }
  if (!userName) return sendError(res, 401, 'Unauthorized: no valid access token or code');
  const id = hexId(16);
  state.sessions.set(id, userName);
  state.settings.log('info', 'workspace session', { agent: userName });
  sendJson(res, { status: 200, body: { status: { code: 1 } } }, cookieHeader('WORKSPACE_SESSIONID', id));
}

/** Genesys' simulator's browser path: the code as WWE_CODE, then on to redirect_uri. */
function start(request: WorkspaceRequest): void {
  const { state, res, url } = request;
  const code = url.searchParams.get('code') ?? 'undefined';
  const userName = state.codes.get(code);
  if (userName) state.sessions.set(code, userName);
  const target = url.searchParams.get('redirect_uri');
  const headers = cookieHeader('WWE_CODE', code);
  if (target && URL.canParse(target)) return redirect(res, target, headers);
  sendJson(res, { status: 200, body: { status: { code: 1 } } }, headers);
}

function activate(request: WorkspaceRequest, agent: AgentRuntime | undefined): void {
  const { state, res } = request;
  if (state.sim) return sendJson(res, { status: 200, body: { status: { code: 0 }, data: { channels: ['voice', 'email', 'workitem', 'outboundpreview'] } } });
  if (!agent) return sendError(res, 401, 'Unauthorized');
  const data = dataOf(request.body);
  const agentId = str(data['agentId']);
  const place = str(data['placeName']) ?? str(data['dn']);
  if (agentId !== undefined && agentId !== agent.spec.agentLogin) return sendError(res, 400, `agentId ${agentId} is not this user's agent login`);
  if (place !== undefined && place !== agent.spec.defaultPlace && place !== agent.spec.agentLogin) return sendError(res, 400, `place ${place} is not this user's`);
  sendJson(res, { status: 200, body: { status: { code: 0 }, data: { channels: ['voice'] } } });
  voiceLogin(state, agent, data);
}

function currentSession(request: WorkspaceRequest, agent: AgentRuntime | undefined): void {
  const { state, res } = request;
  if (!agent || (state.sim && !agent.activeSession)) return state.sim ? sendText(res, 403, 'Forbidden') : sendError(res, 401, 'Unauthorized');
  const user = userObject(agent.spec, agent.index, state.sim);
  const activeSession = {
    dn: structuredClone(agent.dn),
    calls: callsOf(state, agent.spec.userName),
    media: { channels: [] },
    autoCompleteCall: !state.sim && agent.autoComplete,
    currentPlace: { name: agent.spec.defaultPlace },
    services: [{ serviceName: 'VOICE', serviceState: agent.voiceService }],
  };
  sendJson(res, { status: 200, body: { status: { code: 0 }, data: { configuration: configurationObject(), user: { ...user, activeSession } } } });
}

/** Ends the workspace session: voice logged out, CometD told; Genesys' simulator forgets the agent's state too. */
function logout(request: WorkspaceRequest, session: { cookie: string; agent: AgentRuntime } | undefined): void {
  const { state, hub, res, url } = request;
  const target = url.searchParams.get('redirect_uri');
  if (!session) {
    if (state.sim) return target && URL.canParse(target) ? redirect(res, target) : sendJson(res, { status: 200, body: { status: { code: 0 } } });
    return sendError(res, 401, 'Unauthorized: no valid workspace session');
  }
  if (state.sim) {
    state.codes.delete(session.cookie);
    state.resetDn(session.agent);
  } else if (session.agent.activated) {
    voiceLogout(state, session.agent);
  }
  state.sessions.delete(session.cookie);
  hub.disconnectCookie(session.cookie);
  if (target && URL.canParse(target)) return redirect(res, target);
  sendJson(res, { status: 200, body: { status: { code: 0 } } });
}
