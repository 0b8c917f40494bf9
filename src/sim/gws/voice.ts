/** `/workspace/v3/voice/…`: the request table, each mode's refusals (401/501/500 text), the `{status:{code:1}}` answer. */
import type { ServerResponse } from 'node:http';
import { setDnd, setForward, setNotReady, setReady, voiceLogin, voiceLogout } from './agent-ops';
import * as ops from './call-ops';
import { capabilitiesOf, callsOf, partyOf } from './calls';
import { dial } from './dial';
import { dataOf, sendAccepted, sendError, sendJson, sendText, str, type Body } from './http';
import { hexId, type AgentRuntime, type GwsState } from './state';
import { TRANSFER_OPS } from './transfers';

const CALL_OPS: Record<string, ops.CallHandler> = {
  answer: ops.answer,
  hold: ops.hold,
  retrieve: ops.retrieve,
  release: ops.release,
  complete: ops.complete,
  'send-dtmf': ops.sendDtmf,
  'attach-user-data': ops.attachUserData,
  'update-user-data': ops.updateUserData,
  'delete-user-data-pair': ops.deleteUserDataPair,
  'start-recording': ops.recording('Recording'),
  'stop-recording': ops.recording('Stopped'),
  'pause-recording': ops.recording('Paused'),
  'resume-recording': ops.recording('Recording'),
  clear: ops.clear,
  ...TRANSFER_OPS,
};

/** Genesys' simulator answers these 501 Not Implemented. */
const SIM_NOT_IMPLEMENTED = new Set(['initiate-conference', 'alternate', 'reconnect', 'redirect', 'clear', 'merge', 'delete-from-conference', 'switch-to-coaching']);
/** 'gws': refused unless the leg's capabilities offer them. */
const CAPABILITY_CHECKED = new Set(['answer', 'release', 'hold', 'retrieve', 'send-dtmf', 'complete', 'initiate-transfer', 'initiate-conference', 'single-step-transfer', 'single-step-conference', 'redirect', 'clear']);
/** Genesys' simulator performs these and never writes the HTTP answer. */
const NEVER_ANSWERED = new Set(['complete-transfer', 'complete-conference', 'single-step-conference']);
/** DN requests Genesys' simulator does not have (Express answers 404 HTML). */
const SIM_MISSING = new Set(['login', 'activate', 'deactivate', 'set-forward', 'cancel-forward']);

export interface VoiceRequest {
  state: GwsState;
  res: ServerResponse;
  method: string;
  /** The path after /workspace/v3/voice, e.g. `/ready`, `/calls/abc/answer`. */
  path: string;
  body: Body;
  /** The session's agent; undefined = no valid session (only reaches here in 'genesys-sim' mode). */
  agent: AgentRuntime | undefined;
}

/** Express's 404 page, path escaped as Express does. */
function cannot(res: ServerResponse, method: string, path: string): void {
  const escaped = `/workspace/v3/voice${path}`.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  sendText(res, 404, `<!DOCTYPE html><html><body><pre>Cannot ${method} ${escaped}</pre></body></html>`, { 'Content-Type': 'text/html; charset=utf-8' });
}

export function handleVoice(request: VoiceRequest): void {
  const { state, res, method, path, body, agent } = request;
  const operationId = str(body['operationId']) ?? hexId();
  const data = dataOf(body);
  if (method === 'GET' && path === '/calls') {
    if (state.sim || !agent) return cannot(res, method, path);
    return sendJson(res, { status: 200, body: { status: { code: 0 }, data: { calls: callsOf(state, agent.spec.userName) } } });
  }
  if (method !== 'POST') return state.sim ? cannot(res, method, path) : sendError(res, 405, `${method} is not allowed here`);
  const callMatch = /^\/calls\/([^/]+)\/([a-z-]+)$/.exec(path);
  const name = callMatch ? callMatch[2] ?? '' : path.slice(1);
  if (state.sim && !callMatch && SIM_MISSING.has(name)) return cannot(res, method, path);
  if (state.sim && callMatch && SIM_NOT_IMPLEMENTED.has(name)) return sendText(res, 501, 'Not Implemented');
  // Genesys' simulator: a request without a session (or before its activeSession exists) is accepted and ignored.
  if (!agent || (state.sim && !agent.activeSession)) return sendAccepted(res, operationId);
  if (!state.sim && agent.voiceService === 'UNAVAILABLE') return sendError(res, 503, 'voice service unavailable');
  if (callMatch) return callRequest(request, agent, callIdOf(callMatch[1] ?? ''), name, data, operationId);
  return dnRequest(request, agent, name, data, operationId);
}

/** The id as sent, percent-decoded when that is well formed (a hostile id is simply not found). */
function callIdOf(raw: string): string {
  try {
    return decodeURIComponent(raw).slice(0, 256);
  } catch {
    return raw.slice(0, 256);
  }
}

function dnRequest(request: VoiceRequest, agent: AgentRuntime, name: string, data: Body, operationId: string): void {
  const { state, res } = request;
  const loggedIn = state.sim || agent.activated;
  const needsLogin = name !== 'login' && name !== 'activate';
  if (!loggedIn && needsLogin && name !== 'logout') return sendError(res, 400, 'voice channel is not activated');
  switch (name) {
    case 'ready':
      return accepted(res, operationId, () => setReady(state, agent, data, operationId));
    case 'not-ready':
      return accepted(res, operationId, () => setNotReady(state, agent, data, operationId));
    case 'dnd-on':
    case 'dnd-off':
      return accepted(res, operationId, () => setDnd(state, agent, name === 'dnd-on', operationId));
    case 'logout':
    case 'deactivate':
      return accepted(res, operationId, () => voiceLogout(state, agent, operationId));
    case 'login':
    case 'activate':
      return accepted(res, operationId, () => voiceLogin(state, agent, data, operationId));
    case 'set-forward': {
      const to = str(data['forwardTo']);
      if (!to) return sendError(res, 400, 'data.forwardTo is required');
      return accepted(res, operationId, () => setForward(state, agent, to, operationId));
    }
    case 'cancel-forward':
      return accepted(res, operationId, () => setForward(state, agent, undefined, operationId));
    case 'make-call':
      return makeCall(request, agent, data, operationId);
    default:
      return state.sim ? cannot(res, 'POST', request.path) : sendError(res, 404, `unknown voice request ${name}`);
  }
}

/** Answer first, then publish: as Genesys' simulator does (the event still races the answer on another connection). */
function accepted(res: ServerResponse, operationId: string, act: () => void): void {
  sendAccepted(res, operationId);
  act();
}

function makeCall(request: VoiceRequest, agent: AgentRuntime, data: Body, operationId: string): void {
  const { state, res } = request;
  const destination = str(data['destination']);
  if (!destination) return state.sim ? sendJson(res, { status: 400, body: { message: 'Missing parameters' } }) : sendError(res, 400, 'data.destination is required');
  sendAccepted(res, operationId);
  const userData = Array.isArray(data['userData']) ? (data['userData'] as ops.CallOp['call']['userData']) : undefined;
  const result = dial(state, agent, destination, 'Outbound', userData ? { userData } : {});
  if (!result.ok) state.eventError(agent.spec.userName, result.errorCode, result.errorMessage, operationId);
}

function callRequest(request: VoiceRequest, agent: AgentRuntime, callId: string, name: string, data: Body, operationId: string): void {
  const { state, res, body } = request;
  const userName = agent.spec.userName;
  const call = state.calls.get(callId);
  const leg = call ? partyOf(call, userName) : undefined;
  if (!call || !leg) {
    if (state.sim) return sendText(res, 500, `Call with ${callId} id does not exist for ${userName}`);
    return sendError(res, 400, `call ${callId} not found`);
  }
  const handler = CALL_OPS[name];
  if (!handler) return state.sim ? cannot(res, 'POST', request.path) : sendError(res, 404, `unknown call request ${name}`);
  if (!state.sim && CAPABILITY_CHECKED.has(name) && !capabilitiesOf(state, leg).includes(name)) {
    return sendError(res, 400, `${name} is not allowed on call ${callId} in state ${leg.state}`);
  }
  const op: ops.CallOp = { state, call, leg, data, body, operationId };
  const prepared = handler(op);
  if (typeof prepared !== 'function') {
    if ('status' in prepared) return state.sim ? sendText(res, prepared.status, prepared.message) : sendError(res, prepared.status, prepared.message);
    sendAccepted(res, operationId);
    return state.eventError(userName, prepared.eventError.errorCode, prepared.eventError.errorMessage, operationId);
  }
  // complete-transfer / complete-conference in Genesys' simulator: the events happen, the HTTP answer never comes.
  if (state.sim && NEVER_ANSWERED.has(name)) state.settings.log('debug', `${name}: never answered (genesys-sim)`, { callId });
  else sendAccepted(res, operationId);
  prepared();
}
