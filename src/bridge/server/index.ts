/**
 * The bridge's toolbar side: node:http + ws serving exactly the microservice contract the toolbar
 * speaks, behind bridge tokens (docs/bridge.md). It reaches GWS only through `AgentSessionFactory`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { answerPreflight, corsHeaders, listen, originAllowed, refuseUpgrade, sendJson } from '../../node/http';
import { CLOSE } from './outlet';
import { TicketBook, TokenRegistry, type SessionEntry } from './registry';
import { EVENTS_PATH, refusal, route, SESSION_PATH, sendTo, TICKET_PATH, type RouteContext } from './routes';
import { SignInThrottle } from './throttle';
import type { BridgeLog, BridgeServerHandle, BridgeServerOptions } from './types';

export type { BridgeLog, BridgeLogLevel, BridgeServerHandle, BridgeServerOptions, Clock, RefusalCode } from './types';

export const WS_PATH = '/genesysWs';
const ROUTES = new Set([SESSION_PATH, EVENTS_PATH, TICKET_PATH]);
const METHODS = 'GET, POST, DELETE, OPTIONS';
const SWEEP_MS = 15_000;
const PING_MS = 30_000;
/** The toolbar sends nothing on its socket; anything bigger than this is not a toolbar. */
const MAX_INBOUND_FRAME = 4 * 1024;

const silent: BridgeLog = () => {};

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
  const throttle = new SignInThrottle(options.signInsPerMinute ?? 5, now);
  let closing = false;

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
    throttle,
    tokenTtlMs: (options.tokenTtlSec ?? 8 * 3600) * 1000,
    ticketTtlMs: (options.ticketTtlSec ?? 30) * 1000,
    now,
    log,
    closing: () => closing,
    end,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    const cors = corsHeaders(req, allowed);
    const send = sendTo(res, cors);
    if (req.method === 'OPTIONS') return answerPreflight(req, res, allowed, METHODS, refusal(403, 'ORIGIN_NOT_ALLOWED', 'origin not allowed'));
    // A simple (unpreflighted) POST from a foreign page would still run: refuse it before any route.
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !originAllowed(origin, allowed)) return send(refusal(403, 'ORIGIN_NOT_ALLOWED', 'origin not allowed'));
    if (closing) return send(refusal(503, 'SHUTTING_DOWN', 'the bridge is stopping'), { Connection: 'close' });
    if (ROUTES.has(path)) return route(ctx, path, req, res, send);
    if (path === '/' && req.method === 'GET') return send({ status: 200, body: { service: 'genesys-bridge', ws: WS_PATH, rest: EVENTS_PATH } });
    send(refusal(404, 'NOT_FOUND', 'no such route'));
  }

  const server = createServer(
    { requestTimeout: options.requestTimeoutMs ?? 10_000, headersTimeout: options.headersTimeoutMs ?? 5_000, connectionsCheckingInterval: 1_000 },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        log('error', 'request failed', { code: 'INTERNAL', method: req.method, reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
        sendJson(res, refusal(500, 'INTERNAL', 'internal bridge error'));
      });
    },
  );
  server.on('clientError', (_error, socket) => socket.destroy());

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_INBOUND_FRAME });
  const alive = new WeakSet<WebSocket>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://bridge');
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (closing) return refuseUpgrade(socket, 503, 'Service Unavailable');
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !originAllowed(origin, allowed)) return refuseUpgrade(socket, 403, 'Forbidden');
    const ticketed = tickets.redeem(url.searchParams.get('ticket'));
    const entry = ticketed === undefined ? undefined : registry.find(ticketed.token);
    if (entry === undefined) return refuseUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('error', () => ws.terminate());
      ws.on('message', () => log('debug', 'toolbar sent a frame on its socket: ignored', { agentId: entry.session.agentId }));
      entry.outlet.attach(ws);
      log('info', 'toolbar socket open', { agentId: entry.session.agentId });
    });
  });

  // Expired tokens and sessions GWS ended are signed out; dead sockets (no pong) are cut.
  const sweeper = setInterval(() => {
    for (const entry of registry.stale()) {
      log('info', 'bridge session ended', { agentId: entry.session.agentId, reason: entry.session.state() === 'signedOut' ? 'GWS session ended' : 'token expired' });
      void end(entry, CLOSE.expired);
    }
    tickets.sweep();
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
  let closed: Promise<void> | null = null;

  return {
    url: `http://${authority}`,
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
