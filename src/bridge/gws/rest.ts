/**
 * GWS REST over node:http/https: one cookie jar per agent session, `x-api-key` when configured,
 * a deadline on every request, the `{status:{code}}` envelope validated (gws-protocol.md §1.1).
 * Never throws: every outcome is a GwsResult or a RawAnswer with a coded failure.
 */
import http from 'node:http';
import https from 'node:https';
import * as v from 'valibot';
import type { GwsRequest } from '../translate';
import type { GwsResult } from '../session/session.types';
import { EnvelopeSchema } from './gws.schema';

/** The agent's cookies for one GWS (name → value); Secure/Path/Domain attributes are not needed server to server. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(setCookie: readonly string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (name.length > 128 || value.length > 4096) continue;
      this.cookies.set(name, value);
      if (this.cookies.size > 32) this.cookies.delete(this.cookies.keys().next().value as string);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  entries(): [string, string][] {
    return [...this.cookies];
  }

  get size(): number {
    return this.cookies.size;
  }

  clear(): void {
    this.cookies.clear();
  }
}

export interface RestConfig {
  /** GWS base URL, e.g. http://127.0.0.1:7777 */
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly requestTimeoutMs: number;
}

export type RawAnswer =
  | { readonly ok: true; readonly status: number; readonly text: string; readonly location: string | undefined }
  | { readonly ok: false; readonly code: 'GWS_TIMEOUT' | 'GWS_UNREACHABLE'; readonly message: string };

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 256 }), https: new https.Agent({ keepAlive: true, maxSockets: 256 }) };
const MAX_BODY = 4 * 1024 * 1024;

export interface RawRequest {
  readonly method: string;
  /** Path and query below the base URL, e.g. `/workspace/v3/voice/ready`. */
  readonly path: string;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One HTTP exchange with the agent's cookies; Set-Cookie goes into the jar; redirects are not followed. */
export function rawRequest(config: RestConfig, jar: CookieJar, request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(config.baseUrl.replace(/\/+$/, '') + request.path);
    } catch {
      resolve({ ok: false, code: 'GWS_UNREACHABLE', message: 'invalid GWS URL' });
      return;
    }
    const body = request.form ? new URLSearchParams(request.form).toString() : request.json === undefined ? undefined : JSON.stringify(request.json);
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (body !== undefined) headers['Content-Type'] = request.form ? 'application/x-www-form-urlencoded' : 'application/json';
    if (config.apiKey) headers['x-api-key'] = config.apiKey;
    const cookie = jar.header();
    if (cookie) headers['Cookie'] = cookie;
    const secure = url.protocol === 'https:';
    let settled = false;
    const done = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const req = (secure ? https : http).request(url, { method: request.method, headers, agent: secure ? agents.https : agents.http }, (res) => {
      jar.keep(res.headers['set-cookie']);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) req.destroy(new Error('answer too large'));
        else chunks.push(chunk);
      });
      res.on('end', () => done({ ok: true, status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), location: res.headers.location }));
      res.on('error', (error) => done({ ok: false, code: 'GWS_UNREACHABLE', message: error.message }));
    });
    const timer = setTimeout(() => {
      done({ ok: false, code: 'GWS_TIMEOUT', message: `no answer within ${config.requestTimeoutMs} ms` });
      req.destroy();
    }, config.requestTimeoutMs);
    req.on('error', (error) => done({ ok: false, code: 'GWS_UNREACHABLE', message: error.message }));
    req.end(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const excerpt = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

/** A GWS answer as the session reads it: 2xx with a valid envelope of code 0, 1 or 2, else a coded error. */
export function resultOf(answer: RawAnswer): GwsResult {
  if (!answer.ok) return { ok: false, status: undefined, code: answer.code, message: answer.message };
  const { status, text } = answer;
  const json = text.trim() === '' ? undefined : parseJson(text);
  const envelope = json === undefined ? undefined : v.safeParse(EnvelopeSchema, json);
  if (status >= 300 && status < 400) return { ok: true, status, data: undefined, operationId: undefined };
  if (status < 200 || status >= 300) {
    const message = envelope?.success && typeof envelope.output.status.message === 'string' ? envelope.output.status.message : excerpt(text) || `HTTP ${status}`;
    return { ok: false, status, code: `GWS_HTTP_${status}`, message };
  }
  if (envelope === undefined) return { ok: false, status, code: 'GWS_BAD_ANSWER', message: text.trim() === '' ? 'empty answer' : `not JSON: ${excerpt(text)}` };
  if (!envelope.success) return { ok: false, status, code: 'GWS_BAD_ANSWER', message: `no {status:{code}}: ${excerpt(text)}` };
  const { status: st, operationId, data } = envelope.output;
  if (st.code !== 0 && st.code !== 1 && st.code !== 2) {
    return { ok: false, status, code: `GWS_STATUS_${st.code}`, message: typeof st.message === 'string' ? st.message.slice(0, 300) : `status code ${st.code}` };
  }
  return { ok: true, status, data, operationId: typeof operationId === 'string' ? operationId.slice(0, 128) : undefined };
}

/** A workspace request (paths below /workspace/v3). */
export async function workspaceRequest(config: RestConfig, jar: CookieJar, request: GwsRequest): Promise<GwsResult> {
  const answer = await rawRequest(config, jar, { method: request.method, path: `/workspace/v3${request.path}`, ...(request.method === 'POST' ? { json: request.body ?? {} } : {}) });
  return resultOf(answer);
}
