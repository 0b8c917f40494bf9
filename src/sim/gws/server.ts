/** startGwsSimulator: one node:http server for /auth/v3, /workspace/v3 (REST + CometD) and the /sim scenario API. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleAuth } from './auth';
import { callsOf } from './calls';
import { CometdHub } from './cometd';
import { remoteAnswer, remoteHangup, ring } from './dial';
import { takeRule } from './fail-rules';
import { readRequestBody, sendAccepted, sendError, sendText, str, type Body } from './http';
import { handleScenario } from './scenario';
import { GwsState, VOICE, hexId, settingsFrom } from './state';
import type { FailRule, GwsSimOptions, GwsSimulator } from './types';
import { handleWorkspace, sessionOf } from './workspace';

const AUTH = '/auth/v3';
const WORKSPACE = '/workspace/v3';

export async function startGwsSimulator(options: GwsSimOptions = {}): Promise<GwsSimulator> {
  const settings = settingsFrom(options);
  const state = new GwsState(settings, options.agents);
  const hub = new CometdHub(state);
  const sockets = new Set<Socket>();
  let origin = '';

  const misbehave = (rule: FailRule, req: IncomingMessage, res: ServerResponse, body: Body): void => {
    settings.log('info', 'failNext fired', rule);
    if ('hang' in rule) return;
    if ('eventError' in rule) {
      const agent = sessionOf(state, req)?.agent;
      const operationId = str(body['operationId']) ?? hexId();
      sendAccepted(res, operationId);
      if (agent) state.eventError(agent.spec.userName, rule.eventError.errorCode, rule.eventError.errorMessage, operationId);
      return;
    }
    const text = rule.body ?? JSON.stringify({ status: { code: rule.status, message: 'failNext' } });
    const json = text.startsWith('{') || text.startsWith('[');
    sendText(res, rule.status, text, json ? { 'Content-Type': 'application/json; charset=utf-8' } : {});
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const prefix = path.startsWith(AUTH + '/') ? AUTH : path.startsWith(WORKSPACE + '/') ? WORKSPACE : undefined;
    const suffix = prefix ? path.slice(prefix.length) : path;
    if (prefix && settings.apiKey !== undefined && !state.sim && req.headers['x-api-key'] !== settings.apiKey) {
      return sendError(res, 403, 'x-api-key missing or wrong');
    }
    // The cometd client appends the message type (/notifications/handshake, /connect…) unless told not to.
    if (prefix === WORKSPACE && /^\/notifications(\/[a-z]*)?$/.test(suffix)) {
      const rule = takeRule(state.failRules, '/notifications');
      if (rule) return misbehave(rule, req, res, {});
      return hub.handle(req, res);
    }
    const body = await readRequestBody(req);
    if (body === undefined) return state.sim ? sendText(res, 400, 'Bad Request') : sendError(res, 400, 'body must be a JSON object or a form, at most 64 KB');
    if (path.startsWith('/sim/')) return handleScenario({ sim, state, res, method, path: path.slice(4), body, restart: () => restart(req.socket) });
    if (!prefix) return sendText(res, 404, `Cannot ${method} ${path}`);
    const rule = takeRule(state.failRules, suffix);
    if (rule) return misbehave(rule, req, res, body);
    if (prefix === AUTH) return handleAuth({ state, req, res, method, path: suffix, url, body, origin });
    handleWorkspace({ state, hub, req, res, method, path: suffix, url, body });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      settings.log('error', 'request failed', { url: req.url, error: (error as Error).message });
      if (!res.headersSent) sendError(res, 500, 'internal simulator error');
    });
  });
  // Long polls last 30 s; node must not cut them.
  server.requestTimeout = 0;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const host = options.host ?? '127.0.0.1';
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  /** State lost; every connection but `spared` (the /sim/restart request's own) closed, as by a process restart. */
  const restart = async (spared?: Socket): Promise<void> => {
    hub.drop();
    state.reset();
    for (const socket of sockets) if (socket !== spared) socket.destroy();
    settings.log('info', 'restarted: state lost');
    // Let clients see their sockets close before they send on them again.
    await new Promise((resolve) => setTimeout(resolve, 20));
  };

  const sim: GwsSimulator = {
    url: origin,
    port,
    mode: settings.mode,
    ring: (agent, call) => ring(state, agent, call),
    remoteAnswer: (callId) => remoteAnswer(state, callId),
    remoteHangup: (callId) => remoteHangup(state, callId),
    serviceState(agent, serviceName, serviceState) {
      const runtime = state.agent(agent);
      runtime.voiceService = serviceState;
      state.deliver(agent, VOICE, { messageType: 'ServiceStateChanged', serviceName, serviceState });
    },
    dropCometdSessions(agent) {
      const dropped = hub.drop(agent);
      settings.log('info', 'cometd sessions dropped', { agent: agent ?? '(all)', dropped });
    },
    restart: () => restart(),
    failNext(rule) {
      state.failRules.push(rule);
    },
    calls: (agent) => callsOf(state, agent),
    async close() {
      hub.close();
      state.reset();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return sim;
}
