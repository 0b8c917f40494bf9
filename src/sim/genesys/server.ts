import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FailRules } from './fail-rules';
import { answerPreflight, corsHeaders, hostAllowed, listen, originAllowed, readBody, parseJsonObject, refuseUpgrade, sendJson } from './http';
import { DEFAULT_MAX_CALLS_PER_AGENT } from './calls';
import { handleRest, type Pending } from './rest-route';
import { SIM_ROUTES, type SimControl } from './sim-routes';
import { PublicMock } from './public-mock';
import { SocketHub } from './sockets';
import { DEFAULT_BUSY_NUMBERS, DEFAULT_DIAL_DELAY_MS, SimModel } from './state';
import { fail, type SimLog, type SimOptions, type SimulatorHandle } from './types';

const WS_PATH = '/genesysWs';
const REST_PATH = '/genesys/events';
/** Scenario bodies may carry a deliberately oversized frame for `/sim/event`. */
const SIM_BODY_LIMIT = 1024 * 1024;

const consoleLog: SimLog = (level, message, detail) => {
  if (level === 'debug') return;
  const line = `[genesys-sim] ${message}`;
  if (detail === undefined) console[level](line);
  else console[level](line, detail);
};

/**
 * Starts the Genesys microservice simulator: WS `/genesysWs`, `POST /genesys/events`, and the
 * scenario API under `/sim/` (README.md beside this file). Port 0 picks a free port.
 */
export async function startGenesysSimulator(options: SimOptions = {}): Promise<SimulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? consoleLog;
  const allowed = options.allowedOrigins;
  const hub = new SocketHub();
  const model = new SimModel(hub, log, {
    mode: options.mode ?? 'full',
    dialDelayMs: options.dialDelayMs ?? DEFAULT_DIAL_DELAY_MS,
    consultDelayMs: options.consultDelayMs ?? options.dialDelayMs ?? DEFAULT_DIAL_DELAY_MS,
    busyNumbers: options.busyNumbers ?? DEFAULT_BUSY_NUMBERS,
    snapshot: options.snapshot ?? 'on',
  });
  model.maxCallsPerAgent = options.maxCallsPerAgent ?? DEFAULT_MAX_CALLS_PER_AGENT;
  const failRules = new FailRules();
  const pending: Pending = { timers: new Set(), held: new Set() };
  let downUntil = 0;
  let downTimer: NodeJS.Timeout | null = null;

  const control: SimControl = {
    model,
    hub,
    mock: new PublicMock(hub, () => model.currentAgent),
    failRules,
    isDown: () => Date.now() < downUntil,
    restart(downMs, dropState) {
      log('info', `restart: closing every socket, dropping new connections for ${downMs} ms${dropState ? ', state lost' : ''}`);
      hub.closeAll({ code: 1012, reason: 'service restart' });
      // A restarted process that kept nothing: no registrations, no calls, no backlog.
      if (dropState) model.forgetState();
      downUntil = Date.now() + downMs;
      if (downTimer) clearTimeout(downTimer);
      downTimer = setTimeout(() => {
        downTimer = null;
        log('info', 'restart: accepting sockets again');
      }, downMs);
    },
  };

  async function handleSim(name: string, req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> {
    const route = Object.hasOwn(SIM_ROUTES, name) ? SIM_ROUTES[name] : undefined;
    if (route === undefined) return sendJson(res, fail(404, `no scenario /sim/${name}`), cors);
    const read = await readBody(req, SIM_BODY_LIMIT);
    if (read.kind === 'aborted') return;
    if (read.kind === 'tooLarge') return sendJson(res, fail(413, `body exceeds ${SIM_BODY_LIMIT} bytes`), cors);
    const parsed = read.text.trim() === '' ? { ok: true as const, value: {} } : parseJsonObject(read.text);
    if (!parsed.ok) return sendJson(res, fail(400, parsed.message), cors);
    const result = route(control, parsed.value);
    log(result.status === 200 ? 'debug' : 'info', `/sim/${name} → ${result.status}`, result.body);
    sendJson(res, result, cors);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, options.allowedHosts)) return sendJson(res, fail(421, `host ${req.headers.host ?? '(none)'} is not served here`));
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    const cors = corsHeaders(req, allowed);
    // A restarting service does not answer at all (connection dropped), as a stopped process would;
    // only the scenario API stays up so demos and tests can steer the outage.
    if (control.isDown() && !path.startsWith('/sim/')) {
      req.socket.destroy();
      return;
    }
    if (req.method === 'OPTIONS') return answerPreflight(req, res, allowed);
    // A simple (unpreflighted) POST from a foreign page would still run: refuse it before any handler.
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !originAllowed(origin, allowed)) return sendJson(res, fail(403, `origin ${origin} is not allowed`));
    if (path === REST_PATH) {
      if (req.method !== 'POST') return sendJson(res, fail(405, 'use POST'), { ...cors, Allow: 'POST, OPTIONS' });
      return handleRest(req, res, control, pending, cors, log);
    }
    if (path === '/sim/state') {
      if (req.method !== 'GET') return sendJson(res, fail(405, 'use GET'), { ...cors, Allow: 'GET, OPTIONS' });
      return sendJson(res, { status: 200, body: { status: 'Success', ...model.snapshot(control.isDown()) } }, cors);
    }
    if (path.startsWith('/sim/')) {
      if (req.method !== 'POST') return sendJson(res, fail(405, 'use POST'), { ...cors, Allow: 'POST, OPTIONS' });
      return handleSim(path.slice('/sim/'.length), req, res, cors);
    }
    if (path === '/' && req.method === 'GET') {
      return sendJson(res, { status: 200, body: { status: 'Success', service: 'genesys-simulator', ws: WS_PATH, rest: REST_PATH } }, cors);
    }
    sendJson(res, fail(404, `no route ${req.method ?? ''} ${path}`), cors);
  }

  // Slow bodies and headers are cut off (checked every second), so no client can hold a request open.
  const server = createServer({ requestTimeout: options.requestTimeoutMs ?? 10_000, headersTimeout: options.headersTimeoutMs ?? 5_000, connectionsCheckingInterval: 1_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Never crash on input: report and keep serving.
      log('error', `request ${req.method ?? ''} ${req.url ?? ''} failed`, error);
      sendJson(res, fail(500, 'internal simulator error'));
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://sim');
    if (!hostAllowed(req.headers.host, options.allowedHosts)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (control.isDown()) {
      socket.destroy();
      return;
    }
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !originAllowed(origin, allowed)) return refuseUpgrade(socket, 403, 'Forbidden');
    // `token`/`email` (public mock v2) are accepted and ignored; the agent comes from `agent`.
    const agent = url.searchParams.get('agent') || 'default';
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, agent));
  });

  function onSocket(ws: WebSocket, agent: string): void {
    hub.add(agent, ws);
    model.agent(agent);
    model.currentAgent = agent;
    log('info', `agent ${agent} connected`);
    ws.on('message', (data) => log('debug', `agent ${agent} sent ${String(data).slice(0, 200)}`));
    ws.on('error', (error) => log('warn', `agent ${agent} socket error: ${error.message}`));
    ws.on('close', () => {
      hub.remove(agent, ws);
      log('info', `agent ${agent} disconnected`);
    });
  }

  const { port, authority: base } = await listen(server, options.port ?? 8087, host);
  let closing: Promise<void> | null = null;

  return {
    url: `http://${base}`,
    wsUrl: `ws://${base}${WS_PATH}`,
    restUrl: `http://${base}${REST_PATH}`,
    port,
    state: () => model.snapshot(control.isDown()),
    close() {
      closing ??= new Promise<void>((resolve) => {
        model.dispose();
        for (const timer of pending.timers) clearTimeout(timer);
        pending.timers.clear();
        for (const res of pending.held) res.destroy();
        pending.held.clear();
        if (downTimer) clearTimeout(downTimer);
        hub.closeAll(null);
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
