/**
 * "Sign in with Genesys" (docs/bridge.md "Single sign-on"): a popup on the bridge's
 * `/genesys/sso/start`, and the one `message` its callback page posts back. Only a message from the
 * bridge's exact origin, of the session's shape, is taken; the popup closed or the deadline passed
 * without one ends the wait with a coded outcome.
 */
import * as v from 'valibot';
import { SignInAnswer } from './bridge-auth';
import type { AdapterLog } from './deps.types';

/** The popup as the adapter sees it (a DOM `Window`). */
export interface PopupLike {
  readonly closed: boolean;
}

/** The toolbar's window, as far as single sign-on needs it (normally `window`). */
export interface SsoWindow {
  readonly location: { readonly origin: string };
  open(url: string, target: string, features: string): PopupLike | null;
  addEventListener(type: 'message', listener: (event: { origin: string; data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { origin: string; data: unknown }) => void): void;
}

const TYPE = 'genesys.bridgeSession';
const SsoSession = v.object({ type: v.literal(TYPE), ...SignInAnswer.entries });
const SsoRefusal = v.object({ type: v.literal(TYPE), code: v.pipe(v.string(), v.regex(/^[A-Z][A-Z0-9_]{0,39}$/)), message: v.pipe(v.string(), v.maxLength(200)) });
const SsoMessage = v.union([SsoSession, SsoRefusal]);

export type SsoOutcome =
  | { ok: true; session: SignInAnswer }
  | { ok: false; code: string; message: string };

/** The agent has this long to sign in at the identity provider. */
export const SSO_TIMEOUT_MS = 3 * 60_000;
/** How often the popup is checked for having been closed by hand. */
export const SSO_POLL_MS = 500;

export interface SsoDeps {
  window: SsoWindow;
  log: AdapterLog;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  timeoutMs?: number;
}

export interface SsoAttempt {
  /** The start URL, for the link offered when the popup is blocked. */
  readonly url: string;
  readonly blocked: boolean;
  /** Stop waiting (a password sign-in instead, another click, the adapter stopped). */
  cancel(): void;
}

/** The popup's start URL: next to the bridge's session URL, with the toolbar's origin. */
export function ssoStartUrl(sessionUrl: string, toolbarOrigin: string): string {
  const url = new URL('sso/start', sessionUrl);
  url.searchParams.set('origin', toolbarOrigin);
  return url.toString();
}

/** Opens the popup now (call this synchronously from the click) and reports its one outcome. */
export function startSso(deps: SsoDeps, sessionUrl: string, done: (outcome: SsoOutcome) => void): SsoAttempt {
  const { window: win, log } = deps;
  const bridgeOrigin = new URL(sessionUrl).origin;
  const url = ssoStartUrl(sessionUrl, win.location.origin);
  let finished = false;
  let deadline: unknown = null;
  let pollTimer: unknown = null;

  const finish = (outcome: SsoOutcome | null): void => {
    if (finished) return;
    finished = true;
    win.removeEventListener('message', onMessage);
    if (deadline !== null) deps.clearTimeout(deadline);
    if (pollTimer !== null) deps.clearTimeout(pollTimer);
    if (outcome) done(outcome);
  };
  function onMessage(event: { origin: string; data: unknown }): void {
    if (event.origin !== bridgeOrigin) {
      // Other frames and extensions post messages too: not ours, not an error worth more than a line.
      if ((event.data as { type?: unknown } | null)?.type === TYPE) log('warn', 'SSO_ORIGIN_MISMATCH', `Ignored a sign-in message from ${String(event.origin).slice(0, 200)}: the bridge is ${bridgeOrigin}`);
      return;
    }
    const parsed = v.safeParse(SsoMessage, event.data);
    if (!parsed.success) {
      log('warn', 'SSO_MESSAGE_INVALID', 'Ignored a message from the bridge that is not a sign-in session');
      return;
    }
    const data = parsed.output;
    if ('token' in data) finish({ ok: true, session: data });
    else {
      log('warn', data.code, `Single sign-on refused: ${data.message}`);
      finish({ ok: false, code: data.code, message: data.message });
    }
  }

  win.addEventListener('message', onMessage);
  const popup = win.open(url, 'genesys-sso', 'popup,width=520,height=680');
  const timeoutMs = deps.timeoutMs ?? SSO_TIMEOUT_MS;
  deadline = deps.setTimeout(() => {
    log('warn', 'SSO_TIMEOUT', `No single sign-on answer within ${timeoutMs} ms`);
    finish({ ok: false, code: 'SSO_TIMEOUT', message: `no answer within ${timeoutMs} ms` });
  }, timeoutMs);
  if (popup === null) log('warn', 'SSO_POPUP_BLOCKED', 'The browser blocked the sign-in popup; offering a link');
  else {
    const poll = (): void => {
      if (finished) return;
      // The callback page posts before it closes itself: a message in flight is given one more tick.
      if (popup.closed) pollTimer = deps.setTimeout(() => finish({ ok: false, code: 'SSO_CANCELLED', message: 'the sign-in window was closed' }), SSO_POLL_MS);
      else pollTimer = deps.setTimeout(poll, SSO_POLL_MS);
    };
    pollTimer = deps.setTimeout(poll, SSO_POLL_MS);
  }
  return { url, blocked: popup === null, cancel: () => finish(null) };
}
