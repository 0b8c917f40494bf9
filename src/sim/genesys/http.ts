import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './types';

/** Same ceiling as the toolbar's frame limit; a real gateway refuses bigger bodies. */
export const MAX_BODY_BYTES = 64 * 1024;
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

/** Preflight: 204 with the allowed method/headers for a good origin, 403 without CORS headers otherwise. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, allowed: readonly string[] | undefined): void {
  const cors = corsHeaders(req, allowed);
  if (typeof req.headers.origin === 'string' && Object.keys(cors).length === 0) {
    sendJson(res, { status: 403, body: { status: 'Error', message: 'origin not allowed' } });
    return;
  }
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    ...cors,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': typeof requested === 'string' && requested !== '' ? requested : 'Content-Type',
    'Access-Control-Max-Age': '600',
    Allow: 'GET, POST, OPTIONS',
  });
  res.end();
}

export function sendJson(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
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
