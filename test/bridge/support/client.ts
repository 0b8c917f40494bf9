/** A toolbar's view of the bridge over real sockets: REST with node:http, the socket with ws. */
import { request } from 'node:http';
import WebSocket from 'ws';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  text: string;
}

export interface Call {
  method?: string;
  token?: string;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export function http(base: string, path: string, call: Call = {}): Promise<Answer> {
  const payload = call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const headers: Record<string, string> = { ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }), ...call.headers };
  if (call.token !== undefined) headers['Authorization'] = `Bearer ${call.token}`;
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method: call.method ?? 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
        } catch {
          body = {};
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export interface SignedIn {
  token: string;
  agentId: string;
  dn: string;
  expiresInSec: number;
}

export async function signIn(base: string, username: string, password: string): Promise<SignedIn> {
  const answer = await http(base, '/genesys/session', { body: { username, password } });
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status} ${answer.text}`);
  return answer.body as unknown as SignedIn;
}

export const command = (base: string, token: string | undefined, body: unknown): Promise<Answer> =>
  http(base, '/genesys/events', { ...(token === undefined ? {} : { token }), body });

export async function ticket(base: string, token: string): Promise<string> {
  const answer = await http(base, '/genesys/ticket', { token });
  if (answer.status !== 200 || typeof answer.body['ticket'] !== 'string') throw new Error(`ticket answered ${answer.status} ${answer.text}`);
  return answer.body['ticket'];
}

type Frame = Record<string, unknown> & { eventName?: string };

/** An open toolbar socket that keeps every frame it got, and waits for the next that matches. */
export class ToolbarSocket {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (!waiter.match(frame)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    });
    ws.on('close', (code, reason) => (this.closed = { code, reason: String(reason) }));
  }

  /** Opens `/genesysWs?ticket=…`; rejects with the HTTP status of a refused upgrade. */
  static open(base: string, ticketValue: string, headers: Record<string, string> = {}): Promise<ToolbarSocket> {
    const url = `${base.replace(/^http/, 'ws')}/genesysWs?ticket=${encodeURIComponent(ticketValue)}`;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const socket = new ToolbarSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** The first frame (already received or to come) with this eventName that passes `match`. */
  next(eventName: string, match: (frame: Frame) => boolean = () => true, timeoutMs = 3_000): Promise<Frame> {
    const test = (frame: Frame): boolean => frame.eventName === eventName && match(frame);
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${eventName} within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`)), timeoutMs);
      this.waiters.push({ match: test, resolve: (frame) => (clearTimeout(timer), resolve(frame)) });
    });
  }

  /** Resolves once the bridge closed the socket. */
  whenClosed(timeoutMs = 3_000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket still open')), timeoutMs);
      this.ws.once('close', (code, reason) => (clearTimeout(timer), resolve({ code, reason: String(reason) })));
    });
  }

  close(): void {
    this.ws.terminate();
  }
}

/** Signs in, takes a ticket and opens the socket: what a toolbar does before `initialize`. */
export async function connect(base: string, username: string, password: string): Promise<{ session: SignedIn; socket: ToolbarSocket }> {
  const session = await signIn(base, username, password);
  const socket = await ToolbarSocket.open(base, await ticket(base, session.token));
  return { session, socket };
}
