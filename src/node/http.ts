/**
 * node:http helpers shared by the Node servers (the Genesys microservice simulator and the bridge):
 * bounded bodies, JSON answers, the Origin and Host policies, refused upgrades.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** Past this we stop draining an oversized body and drop the connection. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'tooLarge'; bytes: number } | { kind: 'aborted' };

/** Reads the whole body; an oversized one is drained (so the client sees the 413) but not kept. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
      else if (bytes > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () => resolve(bytes > limit ? { kind: 'tooLarge', bytes } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ kind: 'aborted' }));
    req.on('close', () => resolve({ kind: 'aborted' }));
  });
}

/** JSON object body, or a message saying why not. */
export function parseJsonObject(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'body is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'body must be a JSON object' };
  return { ok: true, value: value as Record<string, unknown> };
}

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** Default policy: any loopback origin on any port; otherwise the configured list (`*` = any). */
export function originAllowed(origin: string, allowed: readonly string[] | undefined): boolean {
  if (allowed === undefined) return LOOPBACK_ORIGIN.test(origin);
  return allowed.includes('*') || allowed.includes(origin);
}

/** CORS headers for an allowed Origin; none for a missing or refused one. */
export function corsHeaders(req: IncomingMessage, allowed: readonly string[] | undefined): Record<string, string> {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || !originAllowed(origin, allowed)) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

/** An HTTP status and the JSON body that goes with it. */
export interface JsonReply {
  status: number;
  body: Record<string, unknown>;
}

export function sendJson(res: ServerResponse, reply: JsonReply, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Loopback host names: what a browser on this machine sends when it means a local server. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The Host header's name without its port; a DNS-rebound page sends its own name here. */
export function hostAllowed(hostHeader: string | undefined, allowedHosts: readonly string[] | undefined): boolean {
  if (allowedHosts?.includes('*')) return true;
  if (!hostHeader) return false;
  const hostname = hostHeader.toLowerCase().replace(/:\d+$/, '');
  return isLoopbackHost(hostname) || (allowedHosts ?? []).some((allowed) => allowed.toLowerCase() === hostname);
}

/** Answers an upgrade request with an HTTP status (and a JSON body, if given) and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, body?: Record<string, unknown>): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  const type = body === undefined ? '' : 'Content-Type: application/json; charset=utf-8\r\n';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${type}Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/** Preflight: 204 with the methods and the requested headers for a good origin, `refused` (no CORS headers) otherwise. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, allowed: readonly string[] | undefined, methods: string, refused: JsonReply): void {
  const cors = corsHeaders(req, allowed);
  if (typeof req.headers.origin === 'string' && Object.keys(cors).length === 0) return sendJson(res, refused);
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    ...cors,
    'Access-Control-Allow-Methods': methods,
    'Access-Control-Allow-Headers': typeof requested === 'string' && requested !== '' ? requested : 'Content-Type',
    'Access-Control-Max-Age': '600',
    Allow: methods,
  });
  res.end();
}

/** Listens on `host:port` (0 picks a free port); resolves with the port and `host:port` as a URL authority. */
export function listen(server: Server, port: number, host: string): Promise<{ port: number; authority: string }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      resolve({ port: bound, authority: `${host.includes(':') ? `[${host}]` : host}:${bound}` });
    });
  });
}
