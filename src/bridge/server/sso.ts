/**
 * Single sign-on (docs/bridge.md "Single sign-on"): the toolbar's popup opens `GET /genesys/sso/start`,
 * which sends it to GWS's OAuth authorize page (where the site's SSO applies) with a sealed,
 * single-use `state`; GWS sends it back to `GET /genesys/sso/callback?code&state`, where the bridge
 * exchanges the code, starts the agent's GWS session and answers a tiny page that posts the bridge
 * session to `window.opener`, for the toolbar's origin only, then closes.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { originAllowed, sendJson } from '../../node/http';
import { refusal, register, type RouteContext } from './routes';

export const SSO_START = '/genesys/sso/start';
export const SSO_CALLBACK = '/genesys/sso/callback';
/** The agent has this long at the identity provider before the round trip's state expires. */
const STATE_TTL_MS = 10 * 60_000;

export interface SsoConfig {
  /** GWS base URL: the authorize page is `<gws>/auth/v3/oauth/authorize`. */
  readonly gws: string;
  readonly clientId: string;
  /** This bridge's public callback URL, as registered for the client at GWS; default `<bridge url>/genesys/sso/callback`. */
  readonly redirectUri?: string;
}

/** The message the popup posts to the toolbar: the password sign-in's contract, or a coded refusal. */
export type SsoMessage =
  | { readonly type: 'genesys.bridgeSession'; readonly token: string; readonly agentId: string; readonly dn: string; readonly expiresInSec: number }
  | { readonly type: 'genesys.bridgeSession'; readonly code: string; readonly message: string };

/** A toolbar origin the popup may answer: listed explicitly (never `*`), or loopback without a list. */
function answerable(origin: string | null, allowed: readonly string[] | undefined): origin is string {
  if (origin === null || origin.length > 512) return false;
  try {
    if (new URL(origin).origin !== origin) return false;
  } catch {
    return false;
  }
  return allowed === undefined ? originAllowed(origin, undefined) : allowed.includes(origin);
}

/** The page that hands the session over: script only by nonce, the data as JSON (`<` escaped), never framed. */
function page(res: ServerResponse, status: number, origin: string | undefined, message: SsoMessage): void {
  const nonce = randomBytes(16).toString('base64');
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const text = 'code' in message ? `Sign-in failed (${message.code}). Close this window and try again.` : 'Signed in. This window closes itself.';
  const script = origin === undefined ? '' : `<script nonce="${nonce}">if (window.opener) window.opener.postMessage(${json(message)}, ${json(origin)}); window.close();</script>`;
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Genesys sign-in</title><p role="status">${text}</p>${script}</html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}

/** Answers the two SSO routes (GET only). */
export async function sso(ctx: RouteContext, config: SsoConfig | undefined, bridgeUrl: string, allowed: readonly string[] | undefined, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://bridge');
  if (req.method !== 'GET') return sendJson(res, refusal(405, 'METHOD_NOT_ALLOWED', 'use GET'), { Allow: 'GET' });
  if (config === undefined || ctx.factory.signInWithCode === undefined) return sendJson(res, refusal(404, 'NOT_FOUND', 'single sign-on is not enabled (--gws-login simulator)'));
  const redirectUri = config.redirectUri ?? `${bridgeUrl}${SSO_CALLBACK}`;
  if (path === SSO_START) {
    const origin = url.searchParams.get('origin');
    if (!answerable(origin, allowed)) return sendJson(res, refusal(400, 'SSO_INVALID', 'origin is not an allowed toolbar origin'));
    const query = new URLSearchParams({ response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri, state: ctx.takeover.ssoState(origin, STATE_TTL_MS) });
    res.writeHead(302, { Location: `${config.gws}/auth/v3/oauth/authorize?${query}`, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).end();
    return;
  }
  // The state is spent first: a callback URL replayed (history, logs) signs no one in.
  const origin = ctx.takeover.redeemSso(url.searchParams.get('state'));
  if (origin === undefined) return page(res, 400, undefined, { type: 'genesys.bridgeSession', code: 'SSO_INVALID', message: 'the sign-in round trip is unknown, spent or expired' });
  const code = url.searchParams.get('code');
  if (code === null || code.length === 0 || code.length > 2048) {
    ctx.log('info', 'single sign-on refused by GWS', { code: 'SIGN_IN_FAILED', reason: (url.searchParams.get('error') ?? 'no code').slice(0, 64) });
    return page(res, 401, origin, { type: 'genesys.bridgeSession', code: 'SIGN_IN_FAILED', message: 'Genesys did not sign you in' });
  }
  const result = await ctx.factory.signInWithCode(code, redirectUri).catch(() => ({ ok: false as const, code: 'GWS_INIT_FAILED' as const, message: 'sign-in threw' }));
  if (!result.ok) {
    ctx.log('info', 'single sign-on failed', { code: result.code, reason: result.message.slice(0, 200) });
    return page(res, result.code === 'SIGN_IN_FAILED' ? 401 : 502, origin, { type: 'genesys.bridgeSession', code: result.code, message: 'Genesys did not sign you in' });
  }
  if (ctx.closing()) {
    await result.session.signOut().catch(() => undefined);
    return page(res, 503, origin, { type: 'genesys.bridgeSession', code: 'SHUTTING_DOWN', message: 'the bridge is stopping' });
  }
  const entry = register(ctx, result.session);
  ctx.log('info', 'signed in by single sign-on', { agentId: result.session.agentId, dn: result.session.dn });
  page(res, 200, origin, { type: 'genesys.bridgeSession', token: entry.token, agentId: result.session.agentId, dn: result.session.dn, expiresInSec: Math.floor(ctx.tokenTtlMs / 1000) });
}
