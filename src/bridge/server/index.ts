/**
 * The bridge's toolbar side: node:http + ws serving exactly the microservice contract the toolbar
 * speaks, behind bridge tokens (docs/bridge.md). It reaches GWS only through `AgentSessionFactory`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { answerPreflight, corsHeaders, listen, originAllowed, refuseUpgrade, sendJson } from '../../node/http';
import { BridgeMetrics } from './metrics';
import { answerOps, cachedProbe, OPS_PATHS } from './ops';
import { CLOSE } from './outlet';
import { TicketBook, TokenRegistry, type SessionEntry } from './registry';
import { adoptToken, EVENTS_PATH, refusal, route, SESSION_PATH, sendTo, TICKET_PATH, type RouteContext } from './routes';
import { processKey, Sealer } from './seal';
import { Takeover } from './takeover';
import { sso, SSO_CALLBACK, SSO_START } from './sso';
import { SignInThrottle } from './throttle';
import type { BridgeLog, BridgeServerHandle, BridgeServerOptions, RefusalCode } from './types';

export type { BridgeLog, BridgeLogLevel, BridgeServerHandle, BridgeServerOptions, Clock, RefusalCode } from './types';

export const WS_PATH = '/genesysWs';
const ROUTES = new Set([SESSION_PATH, EVENTS_PATH, TICKET_PATH]);
const METHODS = 'GET, POST, DELETE, OPTIONS';
const SWEEP_MS = 15_000;
const PING_MS = 30_000;
/** The toolbar sends nothing on its socket; anything bigger than this is not a toolbar. */
const MAX_INBOUND_FRAME = 4 * 1024;

const silent: BridgeLog = () => {};
/** A caller's X-Request-Id is kept when it looks like one; otherwise the bridge makes one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const requestId = (header: string | string[] | undefined): string => (typeof header === 'string' && REQUEST_ID.test(header) ? header : randomBytes(9).toString('base64url'));
/** The refused upgrade's status line and coded body. */
const UPGRADE_REFUSED: Record<'NOT_FOUND' | 'SHUTTING_DOWN' | 'ORIGIN_NOT_ALLOWED' | 'TICKET_INVALID', [number, string, string]> = {
  NOT_FOUND: [404, 'Not Found', 'no such socket path'],
  SHUTTING_DOWN: [503, 'Service Unavailable', 'the bridge is stopping: reconnect'],
  ORIGIN_NOT_ALLOWED: [403, 'Forbidden', 'origin not allowed'],
  TICKET_INVALID: [401, 'Unauthorized', 'no valid socket ticket: take a new one'],
};

/** Lets the close frames go out, then cuts whatever socket is still open after `ms`. */
async function socketsGone(wss: WebSocketServer, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const ws of wss.clients) ws.terminate();
}

/** Starts the toolbar side on `host:port` (port 0 picks one); resolves once it listens. */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const log = options.log ?? silent;
  const allowed = options.allowOrigins;
  const registry = new TokenRegistry(now);
  const tickets = new TicketBook((options.ticketTtlSec ?? 30) * 1000, now);
  /** Where GWS sends the agent back after single sign-on, unless `sso.redirectUri` says (behind a proxy). */
  let publicUrl = '';
  const takeover = new Takeover(options.instanceId ?? `b${randomBytes(3).toString('hex')}`, new Sealer(options.sessionKeys ?? processKey()), options.sessionFactory, now, log);
  const throttle = new SignInThrottle(options.signInsPerMinute ?? 5, now);
  const metrics = options.metrics ?? new BridgeMetrics();
  const probe = options.probeGws === undefined ? undefined : cachedProbe(options.probeGws, Date.now);
  let closing = false;
  let signingIn = 0;

  async function end(entry: SessionEntry, close: { readonly code: number; readonly reason: string }): Promise<void> {
    if (!registry.remove(entry)) return;
    tickets.forget(entry);
    entry.unsubscribe();
    entry.outlet.close(close);
    await entry.session.signOut().catch((error: unknown) => {
      log('warn', 'GWS sign-out failed', { agentId: entry.session.agentId, code: 'SIGN_OUT_FAILED', reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    });
  }

  const ctx: RouteContext = {
    factory: options.sessionFactory,
    registry,
    tickets,
    takeover,
    throttle,
    tokenTtlMs: (options.tokenTtlSec ?? 8 * 3600) * 1000,
    ticketTtlMs: (options.ticketTtlSec ?? 30) * 1000,
    now,
    log,
    metrics,
    requestsPerSecond: options.requestsPerSecond ?? 10,
    closing: () => closing,
    end,
    signingIn: (delta) => (signingIn += delta),
  };

  async function handle(req: IncomingMessage, res: ServerResponse, reqId: string): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    const cors = { ...corsHeaders(req, allowed), 'X-Request-Id': reqId };
    const reply = sendTo(res, cors);
    const send: typeof reply = (answer, headers) => {
      if (answer.status >= 400 && typeof answer.body['code'] === 'string') metrics.refusal(answer.body['code']);
      reply(answer, headers);
    };
    const reqLog: BridgeLog = (level, message, detail) => log(level, message, { reqId, ...detail });
    if (req.method === 'OPTIONS') return answerPreflight(req, res, allowed, METHODS, refusal(403, 'ORIGIN_NOT_ALLOWED', 'origin not allowed'));
    // A simple (unpreflighted) POST from a foreign page would still run: refuse it before any route.
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !originAllowed(origin, allowed)) return send(refusal(403, 'ORIGIN_NOT_ALLOWED', 'origin not allowed'));
    if (OPS_PATHS.has(path) && req.method === 'GET') return answerOps({ metrics, probe, online, closing: () => closing }, path, res, send);
    if (closing) return send(refusal(503, 'SHUTTING_DOWN', 'the bridge is stopping'), { Connection: 'close' });
    if (ROUTES.has(path)) return route({ ...ctx, log: reqLog }, path, req, res, send);
    if (path === SSO_START || path === SSO_CALLBACK) return sso({ ...ctx, log: reqLog }, options.sso, publicUrl, allowed, path, req, res);
    if (path === '/' && req.method === 'GET') return send({ status: 200, body: { service: 'genesys-bridge', ws: WS_PATH, rest: EVENTS_PATH } });
    send(refusal(404, 'NOT_FOUND', 'no such route'));
  }

  const online = (): number => registry.all().filter((entry) => entry.session.state() === 'online').length;
  const serverOptions = { requestTimeout: options.requestTimeoutMs ?? 10_000, headersTimeout: options.headersTimeoutMs ?? 5_000, connectionsCheckingInterval: 1_000 };
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const reqId = requestId(req.headers['x-request-id']);
    handle(req, res, reqId).catch((error: unknown) => {
      log('error', 'request failed', { reqId, code: 'INTERNAL', method: req.method, reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
      sendJson(res, refusal(500, 'INTERNAL', 'internal bridge error'));
    });
  };
  const server = options.tls ? createTlsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, onRequest) : createServer(serverOptions, onRequest);
  server.on('clientError', (_error, socket) => socket.destroy());

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_INBOUND_FRAME });
  const alive = new WeakSet<WebSocket>();
  const refuse = (socket: Duplex, code: keyof typeof UPGRADE_REFUSED & RefusalCode, reqId: string): void => {
    const [status, reason, message] = UPGRADE_REFUSED[code];
    metrics.refusal(code);
    log('info', 'socket upgrade refused', { reqId, code });
    refuseUpgrade(socket, status, reason, { code, message });
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void upgrade(req, socket, head));
  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const reqId = requestId(req.headers['x-request-id']);
    const url = new URL(req.url ?? '/', 'http://bridge');
    if (url.pathname !== WS_PATH) return refuse(socket, 'NOT_FOUND', reqId);
    if (closing) return refuse(socket, 'SHUTTING_DOWN', reqId);
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !originAllowed(origin, allowed)) return refuse(socket, 'ORIGIN_NOT_ALLOWED', reqId);
    const token = takeover.redeem(url.searchParams.get('ticket'));
    const entry = token === undefined ? undefined : await adoptToken(ctx, token);
    if (socket.destroyed) return;
    if (entry === undefined) return refuse(socket, 'TICKET_INVALID', reqId);
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('error', () => ws.terminate());
      ws.on('message', () => log('debug', 'toolbar sent a frame on its socket: ignored', { reqId, agentId: entry.session.agentId }));
      // One socket per agent: another session's socket of the same agent is told it was taken over.
      for (const other of registry.all()) {
        if (other !== entry && other.session.agentId === entry.session.agentId && other.outlet.connected()) {
          log('info', 'toolbar socket taken over by another of the agent\'s toolbars', { reqId, agentId: entry.session.agentId, code: 'SOCKET_TAKEN_OVER' });
          other.outlet.close(CLOSE.takenOver);
        }
      }
      entry.outlet.attach(ws);
      log('info', 'toolbar socket open', { reqId, agentId: entry.session.agentId });
    });
  }
  metrics.watch(
    () => [...registry.all().map((entry) => entry.session.state()), ...Array.from({ length: signingIn }, () => 'signingIn' as const)],
    () => wss.clients.size,
  );

  // Expired tokens and sessions GWS ended are signed out; dead sockets (no pong) are cut.
  const sweeper = setInterval(() => {
    for (const entry of registry.stale()) {
      log('info', 'bridge session ended', { agentId: entry.session.agentId, reason: entry.session.state() === 'signedOut' ? 'GWS session ended' : 'token expired' });
      void end(entry, CLOSE.expired);
    }
    tickets.sweep();
    takeover.sweep();
    registry.sweepEnded();
    throttle.sweep();
  }, SWEEP_MS);
  sweeper.unref();
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_MS);
  pinger.unref();

  const { port, authority } = await listen(server, options.port ?? 8087, host);
  publicUrl = `${options.tls ? 'https' : 'http'}://${authority}`;
  let closed: Promise<void> | null = null;

  return {
    url: `${options.tls ? 'https' : 'http'}://${authority}`,
    metrics,
    port,
    sessions: () => registry.size,
    close(closeOptions = {}) {
      closed ??= (async () => {
        closing = true;
        clearInterval(sweeper);
        clearInterval(pinger);
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const entry of registry.all()) {
          entry.unsubscribe();
          entry.outlet.close(CLOSE.restart);
          registry.remove(entry);
        }
        await socketsGone(wss, 1_000);
        wss.close();
        if (!closeOptions.keepGwsSessions) await options.sessionFactory.closeAll().catch(() => undefined);
        server.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}
