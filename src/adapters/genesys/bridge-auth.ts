/**
 * The toolbar's side of the bridge's sign-in (docs/bridge.md): POST /genesys/session for a token,
 * a fresh single-use ticket before every socket open, the Bearer header on every request, and
 * DELETE /genesys/session on sign-out. The token is sent only to the origin that issued it.
 */
import * as v from 'valibot';
import type { ToolbarConfig } from '../../config';
import type { BridgeToken, BridgeTokenStore } from '../persistence/bridge-token';
import type { ResolvedDeps } from './deps.types';

export type SignInOutcome =
  | { ok: true; agentId: string; dn: string }
  | { ok: false; code: 'SIGN_IN_FAILED' | 'SIGN_IN_THROTTLED' | 'SIGN_IN_INCOMPLETE' | 'BRIDGE_UNREACHABLE' | 'SIGN_IN_ERROR'; message: string };

/** Where the socket may go now: a ticketed URL, nowhere (the token is refused), or not yet (retry). */
export type SocketTarget = { url: string } | { refused: true } | { retry: string };

export interface BridgeAuth {
  /** The token kept over a reload, if it is still usable for this origin. */
  restored(): Pick<BridgeToken, 'agentId' | 'dn'> | null;
  signIn(username: string, password: string): Promise<SignInOutcome>;
  /** Keeps a session the bridge handed over another way (single sign-on), exactly as a password sign-in does. */
  keep(answer: SignInAnswer): { agentId: string; dn: string };
  /** The bridge's origin (where its token, tickets and SSO messages come from). */
  readonly origin: string;
  socketTarget(): Promise<SocketTarget>;
  /** `Authorization` for a request to `url`: only to the token's own origin. */
  headers(url: string): Record<string, string>;
  /** The agent the token is for, sent with register. */
  identity(): { agentId: string; dn: string } | null;
  /** DELETE /genesys/session (best effort), then the token is forgotten. */
  signOut(): Promise<void>;
  forget(): void;
}

/** The session the bridge answers a sign-in with (POST /genesys/session, or the SSO popup's message). */
export const SignInAnswer = v.object({
  token: v.pipe(v.string(), v.minLength(16), v.maxLength(512), v.regex(/^[\x21-\x7e]+$/)),
  agentId: v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\x21-\x7e]+$/)),
  dn: v.pipe(v.string(), v.maxLength(128), v.regex(/^[\x21-\x7e]*$/)),
  expiresInSec: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31 * 86_400)),
});
export type SignInAnswer = v.InferOutput<typeof SignInAnswer>;
const TicketAnswer = v.object({ ticket: v.pipe(v.string(), v.minLength(8), v.maxLength(512), v.regex(/^[\x21-\x7e]+$/)) });

/** How long a sign-in may take: the bridge initialises and activates the agent at GWS first. */
export const SIGN_IN_TIMEOUT_MS = 20_000;

function originOf(url: string): string {
  return new URL(url).origin;
}

export function createBridgeAuth(config: ToolbarConfig, deps: ResolvedDeps, store: BridgeTokenStore): BridgeAuth {
  const origin = originOf(config.sessionUrl);
  const { log } = deps;
  let token: BridgeToken | null = store.read(origin);

  /** fetch with a deadline; resolves to the response and its text, or the reason it failed. */
  async function request(url: string, init: RequestInit, timeoutMs: number): Promise<{ status: number; text: string } | { error: string }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = deps.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await deps.fetch(url, { ...init, signal: controller.signal });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      return { error: timedOut ? `no answer within ${timeoutMs} ms` : ((error as Error).message ?? 'network error') };
    } finally {
      deps.clearTimeout(timer);
    }
  }

  const headers = (url: string): Record<string, string> => {
    if (token === null) return {};
    if (originOf(url) !== token.origin) {
      log('error', 'TOKEN_ORIGIN_MISMATCH', `Not sending the bridge token to ${originOf(url)}: it was issued by ${token.origin}`);
      return {};
    }
    return { Authorization: `Bearer ${token.token}` };
  };

  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };

  const keep = (answer: SignInAnswer): { agentId: string; dn: string } => {
    const { agentId, dn, expiresInSec } = answer;
    token = { token: answer.token, agentId, dn, origin, expiresAt: deps.now() + expiresInSec * 1000 };
    store.write(token);
    log('info', 'SIGNED_IN', `Signed in to the bridge as agent ${agentId}`);
    return { agentId, dn };
  };

  return {
    origin,
    keep,
    restored: () => (token ? { agentId: token.agentId, dn: token.dn } : null),
    identity: () => (token ? { agentId: token.agentId, dn: token.dn } : null),
    headers,
    async signIn(username, password) {
      const name = username.trim();
      if (name === '' || password === '') return { ok: false, code: 'SIGN_IN_INCOMPLETE', message: 'Username and password are both needed' };
      const answer = await request(
        config.sessionUrl,
        { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ username: name, password }) },
        SIGN_IN_TIMEOUT_MS,
      );
      if ('error' in answer) {
        log('warn', 'BRIDGE_UNREACHABLE', `Sign-in: could not reach the bridge at ${origin}: ${answer.error}`);
        return { ok: false, code: 'BRIDGE_UNREACHABLE', message: answer.error };
      }
      if (answer.status === 401) return { ok: false, code: 'SIGN_IN_FAILED', message: 'The bridge refused the username or password' };
      if (answer.status === 429) return { ok: false, code: 'SIGN_IN_THROTTLED', message: 'Too many sign-in attempts; wait a minute' };
      const body = parse(answer.text);
      const parsed = answer.status === 200 ? v.safeParse(SignInAnswer, body) : undefined;
      if (!parsed?.success) {
        const code = typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code.slice(0, 40) : '';
        const message = `The bridge answered HTTP ${answer.status}${code ? ` ${code}` : ''}${parsed ? ' with an unreadable sign-in answer' : ''}`;
        log('warn', 'SIGN_IN_ERROR', message);
        return { ok: false, code: 'SIGN_IN_ERROR', message };
      }
      return { ok: true, ...keep(parsed.output) };
    },
    async socketTarget() {
      if (token === null) return { refused: true };
      const answer = await request(config.ticketUrl, { method: 'POST', headers: { Accept: 'application/json', ...headers(config.ticketUrl) } }, deps.commandTimeoutMs);
      if ('error' in answer) return { retry: `no socket ticket: ${answer.error}` };
      if (answer.status === 401) return { refused: true };
      const parsed = answer.status === 200 ? v.safeParse(TicketAnswer, parse(answer.text)) : undefined;
      if (!parsed?.success) return { retry: `no socket ticket: the bridge answered HTTP ${answer.status}` };
      const url = new URL(config.genesysWs);
      url.searchParams.set('ticket', parsed.output.ticket);
      return { url: url.toString() };
    },
    async signOut() {
      if (token !== null) {
        const answer = await request(config.sessionUrl, { method: 'DELETE', headers: headers(config.sessionUrl) }, deps.commandTimeoutMs);
        if ('error' in answer) log('warn', 'SIGN_OUT_UNCONFIRMED', `The bridge did not confirm the sign-out: ${answer.error}`);
      }
      this.forget();
    },
    forget() {
      token = null;
      store.clear();
    },
  };
}
