/**
 * The bare relay the bridge is measured beside, in its own process: per agent the least a GWS
 * client can do (OAuth password grant, initialize-workspace, a hand-written Bayeux long-poll over
 * node:http keep-alive, activate-channels), and each voice notification's JSON, parsed from the
 * poll's answer, sent as text to that agent's WebSocket (`ws://…/?agent=<userName>`). No session
 * machine, no translation, no validation: the floor of notification → frame.
 * argv: GWS base URL, then user names. IPC: `{url}` once every agent is active.
 */
import { Agent, request } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { BENCH_CLIENT } from './bench-bridge-agents';

const agent = new Agent({ keepAlive: true });

interface Reply {
  status: number;
  cookies: string[];
  body: unknown;
}

function post(url: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const cookies = (res.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0] ?? '');
        resolve({ status: res.statusCode ?? 0, cookies, body: text === '' ? null : JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

type Bayeux = { channel: string; clientId?: string; successful?: boolean; data?: unknown };

class BareAgent {
  private cookies = new Map<string, string>();
  private clientId = '';
  socket: WebSocket | null = null;

  constructor(
    private readonly base: string,
    readonly userName: string,
    private readonly password: string,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies.values()].join('; ');
  }

  private keep(cookies: string[]): void {
    for (const cookie of cookies) this.cookies.set(cookie.split('=')[0] ?? '', cookie);
  }

  private async json(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const reply = await post(`${this.base}${path}`, JSON.stringify(body), { 'Content-Type': 'application/json', Cookie: this.cookieHeader(), ...headers });
    this.keep(reply.cookies);
    return reply;
  }

  private bayeux(messages: Bayeux[]): Promise<Bayeux[]> {
    return this.json('/workspace/v3/notifications', messages).then((reply) => reply.body as Bayeux[]);
  }

  async start(): Promise<void> {
    const basic = Buffer.from(`${BENCH_CLIENT.clientId}:${BENCH_CLIENT.clientSecret}`).toString('base64');
    const form = new URLSearchParams({ grant_type: 'password', username: this.userName, password: this.password, client_id: BENCH_CLIENT.clientId, scope: '*' }).toString();
    const token = await post(`${this.base}/auth/v3/oauth/token`, form, { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` });
    const access = (token.body as { access_token?: string }).access_token;
    if (!access) throw new Error(`token refused for ${this.userName}: ${token.status}`);
    await this.json('/workspace/v3/initialize-workspace', {}, { Authorization: `Bearer ${access}` });
    const [shake] = await this.bayeux([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] } as Bayeux]);
    if (!shake?.successful || !shake.clientId) throw new Error(`handshake refused for ${this.userName}`);
    this.clientId = shake.clientId;
    const initialized = new Promise<void>((resolve) => (this.onInitialized = resolve));
    for (const subscription of ['/workspace/v3/initialization', '/workspace/v3/voice']) {
      this.deliver(await this.bayeux([{ channel: '/meta/subscribe', clientId: this.clientId, subscription } as Bayeux]));
    }
    void this.poll();
    await initialized;
    const user = this.user ?? {};
    await this.json('/workspace/v3/activate-channels', { data: { agentId: user['agentLogin'], placeName: user['defaultPlace'] } });
  }

  private onInitialized: () => void = () => {};
  private user: Record<string, unknown> | undefined;

  private deliver(messages: Bayeux[]): void {
    for (const message of messages) {
      if (message.data === undefined || message.channel.startsWith('/meta/')) continue;
      if (message.channel === '/workspace/v3/initialization') {
        const data = message.data as { state?: string; data?: { user?: Record<string, unknown> } };
        if (data.state === 'Complete') {
          this.user = data.data?.user;
          this.onInitialized();
        }
        continue;
      }
      const socket = this.socket;
      if (socket !== null && socket.readyState === 1) socket.send(JSON.stringify(message.data));
    }
  }

  private async poll(): Promise<void> {
    for (;;) {
      const messages = await this.bayeux([{ channel: '/meta/connect', clientId: this.clientId, connectionType: 'long-polling' } as Bayeux]).catch(() => null);
      if (messages === null) return;
      this.deliver(messages);
    }
  }
}

if (process.send) {
  const [base, ...users] = process.argv.slice(2);
  if (base === undefined) throw new Error('usage: bench-bridge-relay <gws url> <user>…');
  const agents = new Map(users.map((user) => [user, new BareAgent(base, user, user)]));
  for (const bare of agents.values()) await bare.start();
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws, req) => {
    const bare = agents.get(new URL(req.url ?? '/', 'http://relay').searchParams.get('agent') ?? '');
    if (bare) bare.socket = ws;
  });
  process.on('message', (message: { close?: boolean }) => {
    if (message.close) process.exit(0);
  });
  const address = wss.address();
  process.send({ url: `ws://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/` });
}
