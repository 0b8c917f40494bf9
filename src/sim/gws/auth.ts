/** `/auth/v3/…`: OAuth token and authorize (real GWS), the sign-in form (Genesys' simulator), userinfo (§1). */
import type { ServerResponse } from 'node:http';
import { findAgent } from './agents';
import { basicAuth, bearer, redirect, sendJson, sendText, str, type RouteRequest } from './http';
import { hexId, type GwsState } from './state';
import type { GwsAgentSpec } from './types';

export interface AuthRequest extends RouteRequest {
  /** This server's own origin, for the sign-in redirect. */
  origin: string;
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, { status, body: { error, error_description: description } });
}

function issueTokens(state: GwsState, agent: GwsAgentSpec): Record<string, unknown> {
  const access = hexId(16);
  const refresh = hexId(16);
  const ttl = state.settings.tokenTtlSec;
  state.tokens.set(access, { userName: agent.userName, expiresAt: Date.now() + ttl * 1000 });
  state.refreshTokens.set(refresh, agent.userName);
  return { access_token: access, token_type: 'bearer', expires_in: ttl, refresh_token: refresh, scope: '*' };
}

/** The agent an access token belongs to, if it is valid and unexpired. */
export function tokenUser(state: GwsState, token: string | undefined): string | undefined {
  const entry = token === undefined ? undefined : state.tokens.get(token);
  if (!entry || entry.expiresAt < Date.now()) return undefined;
  return entry.userName;
}

export function handleAuth(request: AuthRequest): void {
  const { state, res, method, path } = request;
  if (method === 'POST' && path === '/oauth/token') return state.sim ? simToken(request) : token(request);
  if (method === 'GET' && path === '/oauth/authorize' && !state.sim) return authorize(request);
  if (method === 'POST' && path === '/sign-in' && state.sim) return signIn(request);
  if (method === 'GET' && path === '/userinfo') {
    const user = tokenUser(state, bearer(request.req));
    if (!user) return state.sim ? sendText(res, 401, 'Unauthorized') : oauthError(res, 401, 'invalid_token', 'no valid access token');
    return sendJson(res, { status: 200, body: { user: { cmeUserName: user }, username: user } });
  }
  if (state.sim) return sendText(res, 404, `Cannot ${method} /auth/v3${path}`);
  oauthError(res, 404, 'not_found', `no ${method} /auth/v3${path}`);
}

/** Real GWS: the client authenticates with Basic; password, refresh_token and authorization_code grants. */
function token(request: AuthRequest): void {
  const { state, req, res, body } = request;
  const client = basicAuth(req);
  if (!client || client[0] !== state.settings.clientId || client[1] !== state.settings.clientSecret) {
    return oauthError(res, 401, 'invalid_client', 'client authentication failed');
  }
  const grant = str(body['grant_type']);
  if (grant === 'password') {
    const agent = findAgent(state.specs, str(body['username']) ?? '');
    if (!agent || agent.password !== body['password']) return oauthError(res, 401, 'invalid_grant', 'Bad credentials');
    return sendJson(res, { status: 200, body: issueTokens(state, agent) });
  }
  // Refresh tokens and authorization codes are both one-use keys to a user.
  const oneUse = grant === 'refresh_token' ? { store: state.refreshTokens, key: str(body['refresh_token']), what: 'refresh token' } : grant === 'authorization_code' ? { store: state.codes, key: str(body['code']), what: 'authorization code' } : undefined;
  if (oneUse) {
    const userName = oneUse.key === undefined ? undefined : oneUse.store.get(oneUse.key);
    const agent = state.specs.find((spec) => spec.userName === userName);
    if (!agent || oneUse.key === undefined) return oauthError(res, 401, 'invalid_grant', `Invalid ${oneUse.what}`);
    oneUse.store.delete(oneUse.key);
    return sendJson(res, { status: 200, body: issueTokens(state, agent) });
  }
  oauthError(res, 400, 'unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not supported`);
}

/** Genesys' simulator: any password (or a jwt-bearer assertion) gets a token, useless for the workspace; other grants never answer. */
function simToken(request: AuthRequest): void {
  const { state, res, body } = request;
  const grant = str(body['grant_type']);
  if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    const access = hexId(8);
    return sendJson(res, { status: 200, body: { access_token: access, expires_in: 1800 } });
  }
  if (grant !== 'password') {
    state.settings.log('debug', `oauth/token grant ${grant ?? '(none)'}: never answered (genesys-sim)`);
    return;
  }
  const username = str(body['username']) ?? '';
  const agent = findAgent(state.specs, username);
  const access = hexId(8);
  state.tokens.set(access, { userName: agent?.userName ?? username, expiresAt: Date.now() + 1_800_000 });
  sendJson(res, { status: 200, body: { access_token: access, expires_in: 1800, user: { cmeUserName: agent?.userName ?? username } } });
}

/** Real GWS: Basic user:password → 302 to redirect_uri with a one-use code. */
function authorize(request: AuthRequest): void {
  const { state, req, res, url } = request;
  const credentials = basicAuth(req);
  const agent = credentials ? findAgent(state.specs, credentials[0]) : undefined;
  if (!credentials || !agent || agent.password !== credentials[1]) return oauthError(res, 401, 'invalid_grant', 'Bad credentials');
  if (url.searchParams.get('client_id') !== state.settings.clientId) return oauthError(res, 400, 'invalid_client', 'unknown client_id');
  const redirectUri = url.searchParams.get('redirect_uri');
  if (!redirectUri || !URL.canParse(redirectUri)) return oauthError(res, 400, 'invalid_request', 'redirect_uri is required');
  const code = hexId(12);
  state.codes.set(code, agent.userName);
  const location = new URL(redirectUri);
  location.searchParams.set('code', code);
  const stateParam = url.searchParams.get('state');
  if (stateParam !== null) location.searchParams.set('state', stateParam);
  redirect(res, location.toString());
}

/** Genesys' simulator's sign-in form: a 4-hex-digit code in the redirect to /workspace/v3/start. */
function signIn(request: AuthRequest): void {
  const { state, res, body, origin } = request;
  const agent = findAgent(state.specs, str(body['username']) ?? '', str(body['tenant']));
  if (!agent || agent.password !== body['password']) return redirect(res, `${origin}/auth/sign-in.html?error&type=workspace`);
  let code = hexId(2);
  while (state.codes.has(code)) code = hexId(2);
  state.codes.set(code, agent.userName);
  redirect(res, `${origin}/workspace/v3/start?code=${code}&redirect_uri=${encodeURIComponent(str(body['redirect_uri']) ?? 'undefined')}`);
}
