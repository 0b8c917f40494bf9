/**
 * The three ways into a workspace session (gws-protocol.md §1): `password` (OAuth password grant
 * with the bridge's client credentials, then initialize-workspace with the Bearer token),
 * `authorize` (OAuth authorize code, then initialize-workspace with code + redirect_uri) and
 * `simulator` (Genesys' simulator's sign-in form → code → initialize-workspace?code= → WWE_CODE).
 * Afterwards the jar holds the session cookie. Failures reject with `{code, message}`.
 */
import { rawRequest, resultOf, type CookieJar, type RawAnswer, type RestConfig } from './rest';

export type GwsLoginMode = 'password' | 'authorize' | 'simulator';

export interface SignInConfig extends RestConfig {
  readonly login: GwsLoginMode;
  readonly clientId: string;
  readonly clientSecret: string;
  /** [INFER] redirect_uri of the authorize and simulator logins (GWS only compares it). */
  readonly redirectUri: string;
}

export class SignInError extends Error {
  constructor(
    readonly code: 'SIGN_IN_FAILED' | 'GWS_UNREACHABLE' | 'GWS_INIT_FAILED',
    message: string,
  ) {
    super(message);
  }
}

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** A network failure or a GWS 5xx is GWS being unreachable; a refusal (4xx) is a failed sign-in. */
function reached(answer: RawAnswer, what: string): Extract<RawAnswer, { ok: true }> {
  if (!answer.ok) throw new SignInError('GWS_UNREACHABLE', `${what}: ${answer.message}`);
  if (answer.status >= 500) throw new SignInError('GWS_UNREACHABLE', `${what}: HTTP ${answer.status}`);
  return answer;
}

function codeIn(location: string | undefined, base: string): string | undefined {
  if (!location) return undefined;
  try {
    const url = new URL(location, base);
    if (url.searchParams.has('error')) return undefined;
    const code = url.searchParams.get('code');
    return code && code.length <= 512 ? code : undefined;
  } catch {
    return undefined;
  }
}

/** What the OAuth token endpoint granted: the access token, and the refresh credential when GWS gives one. */
export interface OAuthGrant {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly expiresInSec: number | undefined;
}

/** POST /auth/v3/oauth/token with the bridge's client credentials; a refusal (4xx, no token) is SIGN_IN_FAILED. */
export async function tokenGrant(config: SignInConfig, jar: CookieJar, form: Readonly<Record<string, string>>): Promise<OAuthGrant> {
  const answer = reached(
    await rawRequest(config, jar, {
      method: 'POST',
      path: '/auth/v3/oauth/token',
      form: { ...form, client_id: config.clientId },
      headers: { Authorization: basic(config.clientId, config.clientSecret) },
    }),
    'oauth/token',
  );
  let body: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown } = {};
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    body = {};
  }
  const token = body.access_token;
  if (answer.status !== 200 || typeof token !== 'string' || token === '') throw new SignInError('SIGN_IN_FAILED', `oauth/token refused: HTTP ${answer.status}`);
  const refresh = typeof body.refresh_token === 'string' && body.refresh_token.length <= 2048 ? body.refresh_token : undefined;
  const expires = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
  return { accessToken: token, refreshToken: refresh, expiresInSec: expires };
}

const passwordToken = (config: SignInConfig, jar: CookieJar, username: string, password: string) =>
  tokenGrant(config, jar, { grant_type: 'password', username, password, scope: '*' });

async function authorizeCode(config: SignInConfig, jar: CookieJar, username: string, password: string): Promise<string> {
  const query = new URLSearchParams({ response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri });
  const answer = reached(
    await rawRequest(config, jar, { method: 'GET', path: `/auth/v3/oauth/authorize?${query}`, headers: { Authorization: basic(username, password) } }),
    'oauth/authorize',
  );
  const code = answer.status >= 300 && answer.status < 400 ? codeIn(answer.location, config.baseUrl) : undefined;
  if (!code) throw new SignInError('SIGN_IN_FAILED', `oauth/authorize refused: HTTP ${answer.status}`);
  return code;
}

async function simulatorCode(config: SignInConfig, jar: CookieJar, username: string, password: string): Promise<string> {
  const slash = username.indexOf('\\');
  const form = slash >= 0 ? { username: username.slice(slash + 1), tenant: username.slice(0, slash), password } : { username, tenant: '', password };
  const answer = reached(await rawRequest(config, jar, { method: 'POST', path: '/auth/v3/sign-in', form: { ...form, redirect_uri: config.redirectUri } }), 'sign-in');
  const code = answer.status >= 300 && answer.status < 400 ? codeIn(answer.location, config.baseUrl) : undefined;
  if (!code) throw new SignInError('SIGN_IN_FAILED', 'sign-in refused');
  return code;
}

/** initialize-workspace with a Bearer token (or an authorize code); the jar then carries the session cookie. */
export async function initializeWorkspace(config: SignInConfig, jar: CookieJar, how: { bearer: string } | { code: string }): Promise<void> {
  const init =
    'bearer' in how
      ? await rawRequest(config, jar, { method: 'POST', path: '/workspace/v3/initialize-workspace', headers: { Authorization: `Bearer ${how.bearer}` } })
      : await rawRequest(config, jar, { method: 'POST', path: `/workspace/v3/initialize-workspace?${new URLSearchParams({ code: how.code, redirect_uri: config.redirectUri })}` });
  const result = resultOf(reached(init, 'initialize-workspace'));
  if (!result.ok) throw new SignInError(result.status === 401 || result.status === 403 ? 'SIGN_IN_FAILED' : 'GWS_INIT_FAILED', `initialize-workspace: ${result.message}`);
  if (jar.size === 0) throw new SignInError('GWS_INIT_FAILED', 'initialize-workspace set no session cookie');
}

/**
 * Signs in and initializes the workspace; the jar then carries the session cookie. `password` and
 * `authorize` answer the OAuth grant (its refresh token keeps the session without the password).
 */
export async function signIn(config: SignInConfig, jar: CookieJar, username: string, password: string): Promise<OAuthGrant | undefined> {
  jar.clear();
  if (config.login === 'simulator') {
    await initializeWorkspace(config, jar, { code: await simulatorCode(config, jar, username, password) });
    return undefined;
  }
  const grant =
    config.login === 'password'
      ? await passwordToken(config, jar, username, password)
      : await tokenGrant(config, jar, { grant_type: 'authorization_code', code: await authorizeCode(config, jar, username, password), redirect_uri: config.redirectUri });
  await initializeWorkspace(config, jar, { bearer: grant.accessToken });
  return grant;
}
