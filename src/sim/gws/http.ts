/** HTTP plumbing of the GWS simulator: bodies (JSON or form), cookies, Basic auth, GWS's answer envelopes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../../node/http';
import type { GwsState } from './state';

export { sendJson };

export const MAX_BODY_BYTES = 64 * 1024;

export type Body = Record<string, unknown>;

/** One routed request: what every /auth/v3 and /workspace/v3 handler reads. */
export interface RouteRequest {
  state: GwsState;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** The path after /auth/v3 or /workspace/v3. */
  path: string;
  url: URL;
  body: Body;
}

/** JSON object or x-www-form-urlencoded body; `undefined` when it is neither (or too large). */
export async function readRequestBody(req: IncomingMessage): Promise<Body | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return {};
  const result = await readBody(req, MAX_BODY_BYTES);
  if (result.kind !== 'ok') return undefined;
  const text = result.text.trim();
  if (text === '') return {};
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return cookies;
}

/** `Authorization: Basic` → [user, password]. */
export function basicAuth(req: IncomingMessage): [string, string] | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

export function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
}

/** GWS's error envelope `{status:{code,message}}` with a 4xx/5xx; the code mirrors the HTTP status [INFER]. */
export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, { status, body: { status: { code: status, message } } });
}

/** Genesys' simulator's errors: plain text. */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(302, { ...headers, Location: location, 'Content-Length': '0' });
  res.end();
}

/** `{status:{code:1},operationId}`: accepted, the result follows on CometD. */
export function sendAccepted(res: ServerResponse, operationId: string): void {
  sendJson(res, { status: 200, body: { status: { code: 1 }, operationId } });
}

/** The request's `data` object (every voice request wraps its fields in it). */
export function dataOf(body: Body): Body {
  const data = body['data'];
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Body) : {};
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
