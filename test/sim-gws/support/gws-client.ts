/**
 * A test client for a GWS Workspace API v3 server (ours or Genesys'): sign-in in the three ways, REST with the
 * session cookie, and CometD with `cometd` + `cometd-nodejs-client` over real sockets, one cookie store per agent
 * (gws-protocol.md §9 "Checked here": the session cookie plus a BAYEUX_BROWSER chosen per agent).
 */
import { randomBytes } from 'node:crypto';
import { CometD, type Message } from 'cometd';
import { adapt } from 'cometd-nodejs-client';

let adapted = false;

export interface Notification {
  channel: string;
  data: Record<string, unknown> & { messageType?: string };
}

export interface RestAnswer {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
  headers: Headers;
}

export type SignInWay = 'password' | 'authorize' | 'simulator';

export const CHANNELS = ['/workspace/v3/initialization', '/workspace/v3/voice', '/workspace/v3/media'] as const;

export class GwsTestAgent {
  /** Cookie name → value, as this agent's browser would keep them. */
  readonly cookies: Record<string, string> = {};
  readonly notifications: Notification[] = [];
  /** Bayeux meta failures seen (e.g. 402::session_unknown on /meta/connect). */
  readonly metaFailures: Message[] = [];
  private readonly read = new Set<number>();
  private readonly waiters = new Set<() => void>();
  private cometd: CometD | undefined;
  readonly browserId = randomBytes(12).toString('hex');

  constructor(
    readonly baseUrl: string,
    readonly clientId = 'external_api_client',
    readonly clientSecret = 'secret',
  ) {}

  get host(): string {
    return new URL(this.baseUrl).hostname;
  }

  private cookieHeader(): string {
    return Object.entries(this.cookies).map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keepCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }

  /** One REST request with this agent's cookies; JSON body unless `form`. Never follows redirects. */
  async rest(method: string, path: string, body?: Record<string, unknown>, extra: { form?: boolean; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<RestAnswer> {
    const headers: Record<string, string> = { ...extra.headers };
    const cookie = this.cookieHeader();
    if (cookie) headers['Cookie'] = cookie;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['Content-Type'] = extra.form ? 'application/x-www-form-urlencoded' : 'application/json';
      payload = extra.form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual', ...(extra.signal ? { signal: extra.signal } : {}) });
    this.keepCookies(response.headers);
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json, headers: response.headers };
  }

  /** POST /workspace/v3/<path> with `{data}` (and an operationId when given). */
  voice(path: string, data?: Record<string, unknown>, operationId?: string): Promise<RestAnswer> {
    return this.rest('POST', `/workspace/v3${path}`, { ...(operationId ? { operationId } : {}), ...(data ? { data } : {}) });
  }

  /** Auth + initialize-workspace: afterwards `cookies` holds the session cookie. Throws on any refusal. */
  async signIn(userName: string, password = userName, way: SignInWay = 'password'): Promise<void> {
    const basic = (user: string, secret: string): string => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
    if (way === 'simulator') {
      const signIn = await this.rest('POST', '/auth/v3/sign-in', { username: userName, password, tenant: '' }, { form: true });
      const code = new URL(signIn.headers.get('location') ?? '', this.baseUrl).searchParams.get('code');
      if (signIn.status !== 302 || !code) throw new Error(`sign-in refused: ${signIn.status} ${signIn.headers.get('location')}`);
      const init = await this.rest('POST', `/workspace/v3/initialize-workspace?code=${code}&redirect_uri=${encodeURIComponent('http://localhost')}`);
      if (init.status !== 200) throw new Error(`initialize-workspace: ${init.status} ${init.text}`);
      return;
    }
    let init: RestAnswer;
    if (way === 'password') {
      const token = await this.rest('POST', '/auth/v3/oauth/token', { grant_type: 'password', username: userName, password, client_id: this.clientId, scope: '*' }, { form: true, headers: { Authorization: basic(this.clientId, this.clientSecret) } });
      const accessToken = token.json?.['access_token'];
      if (token.status !== 200 || typeof accessToken !== 'string') throw new Error(`token refused: ${token.status} ${token.text}`);
      init = await this.rest('POST', '/workspace/v3/initialize-workspace', undefined, { headers: { Authorization: `Bearer ${accessToken}` } });
    } else {
      const redirectUri = 'http://localhost/callback';
      const authorize = await this.rest('GET', `/auth/v3/oauth/authorize?response_type=code&client_id=${this.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}`, undefined, { headers: { Authorization: basic(userName, password) } });
      const code = new URL(authorize.headers.get('location') ?? '', this.baseUrl).searchParams.get('code');
      if (authorize.status !== 302 || !code) throw new Error(`authorize refused: ${authorize.status} ${authorize.text}`);
      init = await this.rest('POST', `/workspace/v3/initialize-workspace?code=${code}&redirect_uri=${encodeURIComponent(redirectUri)}`);
    }
    if (init.status !== 200) throw new Error(`initialize-workspace: ${init.status} ${init.text}`);
  }

  /** Handshake (with this agent's own cookie store), subscribe the workspace channels; resolves when subscribed. */
  async connect(channels: readonly string[] = CHANNELS): Promise<void> {
    if (!adapted) {
      adapt();
      adapted = true;
    }
    const cometd = new CometD(`gws-test-${this.browserId}`);
    this.cometd = cometd;
    cometd.unregisterTransport('websocket');
    const transport = cometd.findTransport('long-polling') as unknown as { context: unknown };
    const store: Record<string, string> = { BAYEUX_BROWSER: `BAYEUX_BROWSER=${this.browserId}` };
    for (const [name, value] of Object.entries(this.cookies)) store[name] = `${name}=${value}`;
    transport.context = { cookieStore: { [this.host]: store } };
    cometd.configure({ url: `${this.baseUrl}/workspace/v3/notifications`, logLevel: 'warn' });
    for (const meta of ['/meta/connect', '/meta/handshake']) {
      cometd.addListener(meta, (message) => {
        if (message.successful === false) this.metaFailures.push(message);
      });
    }
    await new Promise<void>((resolve, reject) => {
      cometd.handshake((reply) => {
        if (!reply.successful) return reject(new Error(`handshake refused: ${reply.error ?? 'no reason'}`));
        let pending = channels.length;
        if (pending === 0) resolve();
        cometd.batch(() => {
          for (const channel of channels) {
            cometd.subscribe(channel, (message) => this.receive(message), (subscribed) => {
              if (!subscribed.successful) reject(new Error(`subscribe ${channel} refused`));
              else if (--pending === 0) resolve();
            });
          }
        });
      });
    });
  }

  private receive(message: Message): void {
    this.notifications.push({ channel: message.channel, data: (message.data ?? {}) as Notification['data'] });
    for (const wake of [...this.waiters]) wake();
  }

  /** The next unread notification matching `where`; marks it read. */
  next(where: (n: Notification) => boolean, timeoutMs = 3000, what = 'notification'): Promise<Notification> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const index = this.notifications.findIndex((n, i) => !this.read.has(i) && where(n));
        if (index < 0) return false;
        this.read.add(index);
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve(this.notifications[index]!);
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        const seen = this.notifications.map((n) => describe(n));
        reject(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(seen)}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(wake);
    });
  }

  /** The next CallStateChanged (optionally for one call id and/or state). */
  nextCall(where: { id?: string; state?: string; notificationType?: string } = {}, timeoutMs?: number): Promise<CallView> {
    const match = (n: Notification): boolean => {
      if (n.data.messageType !== 'CallStateChanged') return false;
      const call = n.data['call'] as CallView;
      return (where.id === undefined || call.id === where.id) && (where.state === undefined || call.state === where.state) && (where.notificationType === undefined || n.data['notificationType'] === where.notificationType);
    };
    return this.next(match, timeoutMs, `CallStateChanged ${JSON.stringify(where)}`).then((n) => ({ ...(n.data['call'] as CallView), notificationType: String(n.data['notificationType']), operationId: n.data['operationId'] as string | undefined }));
  }

  /** The next DnStateChanged (optionally in one agentState). */
  nextDn(agentState?: string, timeoutMs?: number): Promise<Record<string, unknown>> {
    return this.next((n) => n.data.messageType === 'DnStateChanged' && (agentState === undefined || (n.data['dn'] as Record<string, unknown>)['agentState'] === agentState), timeoutMs, `DnStateChanged ${agentState ?? ''}`).then((n) => n.data['dn'] as Record<string, unknown>);
  }

  nextOfType(messageType: string, timeoutMs?: number): Promise<Notification> {
    return this.next((n) => n.data.messageType === messageType, timeoutMs, messageType);
  }

  /** Unread notifications, in order; marks them read. */
  drain(): Notification[] {
    const unread = this.notifications.filter((_, i) => !this.read.has(i));
    this.notifications.forEach((_, i) => this.read.add(i));
    return unread;
  }

  /** Whether CometD is currently connected (not disconnected, not re-handshaking). */
  get connected(): boolean {
    return this.cometd?.isDisconnected() === false;
  }

  async disconnect(): Promise<void> {
    const cometd = this.cometd;
    this.cometd = undefined;
    if (!cometd || cometd.isDisconnected()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      cometd.disconnect(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export interface CallView {
  id: string;
  state: string;
  callType: string;
  capabilities: string[];
  participants: Array<{ number: string; role: string }>;
  userData: Array<{ key: string; type: string; value: unknown }>;
  previousConnId?: string;
  parentConnId?: string;
  ani?: string;
  phoneNumber?: string;
  dnis?: string;
  notificationType: string;
  operationId?: string | undefined;
}

export function describe(n: Notification): string {
  const call = n.data['call'] as CallView | undefined;
  const dn = n.data['dn'] as Record<string, unknown> | undefined;
  if (call) return `${n.data.messageType}/${String(n.data['notificationType'])} ${call.id} ${call.callType} ${call.state}`;
  if (dn) return `DnStateChanged ${String(dn['agentState'])}/${String(dn['agentWorkMode'])}`;
  return String(n.data.messageType);
}

/** Signs in, connects CometD, waits for initialization, activates the voice channel: an agent ready to take calls. */
export async function onlineAgent(baseUrl: string, userName: string, way: SignInWay = 'password', agentLogin?: string, place?: string): Promise<GwsTestAgent> {
  const agent = new GwsTestAgent(baseUrl);
  await agent.signIn(userName, userName, way);
  await agent.connect();
  await agent.nextOfType('WorkspaceInitializationComplete');
  const activate = await agent.voice('/activate-channels', { ...(agentLogin ? { agentId: agentLogin } : {}), ...(place ? { placeName: place } : {}) });
  if (activate.status !== 200) throw new Error(`activate-channels: ${activate.status} ${activate.text}`);
  return agent;
}
