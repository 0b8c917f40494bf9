/** One agent session's GWS: its cookie jar shared by REST and CometD, sign-in, requests, notifications. */
import type { GwsCredential, GwsLogin } from '../session/agent-session.types';
import type { GwsPorts, SignedIn } from '../session/ports.types';
import { cometdLink } from './notifications';
import { CookieJar, workspaceRequest, type RestConfig } from './rest';
import { initializeWorkspace, signIn, SignInError, tokenGrant, type OAuthGrant, type SignInConfig } from './sign-in';

/** The bridge's own cookie for CometD: not part of the workspace session another instance resumes. */
const OWN_COOKIES = new Set(['BAYEUX_BROWSER']);

export function gwsPorts(config: SignInConfig, login: GwsLogin): GwsPorts {
  const jar = new CookieJar();
  const rest: RestConfig = { baseUrl: config.baseUrl, apiKey: config.apiKey, requestTimeoutMs: config.requestTimeoutMs };
  const link = cometdLink({ baseUrl: config.baseUrl, apiKey: config.apiKey, cookies: () => jar.entries() });
  // The refresh credential and the password stay in this closure: never in the machine's context, never logged.
  let refreshToken: string | undefined;
  let code = login.kind === 'code' ? login.code : undefined;
  // A session taken over has its cookie only: should GWS forget it, the agent signs in again (a
  // signed-out session can never be revived from a token).
  if (login.kind === 'resume') jar.keep(login.credential.cookies.map(([name, value]) => `${name}=${value}`));
  const granted = (grant: OAuthGrant | undefined): SignedIn => {
    if (grant?.refreshToken !== undefined) refreshToken = grant.refreshToken;
    return grant?.expiresInSec === undefined || refreshToken === undefined ? {} : { expiresInSec: grant.expiresInSec };
  };
  /** The refresh grant (single use at GWS: the new refresh token replaces it). */
  function refreshGrant(): Promise<OAuthGrant> {
    if (refreshToken === undefined) return Promise.reject(new SignInError('SIGN_IN_FAILED', 'no refresh credential: the agent must sign in again'));
    const spent = refreshToken;
    refreshToken = undefined;
    return tokenGrant(config, jar, { grant_type: 'refresh_token', refresh_token: spent });
  }
  return {
    async signIn() {
      if (login.kind === 'password') return granted(await signIn(config, jar, login.username, login.password));
      jar.clear();
      // An authorization code is single use: a later sign-in (GWS restarted) uses the refresh token.
      const once = code;
      code = undefined;
      const grant =
        once !== undefined && login.kind === 'code'
          ? await tokenGrant(config, jar, { grant_type: 'authorization_code', code: once, redirect_uri: login.redirectUri })
          : await refreshGrant();
      await initializeWorkspace(config, jar, { bearer: grant.accessToken });
      return granted(grant);
    },
    refresh: async () => granted(await refreshGrant()),
    // The refresh token never leaves this instance: the workspace cookie is enough to take over.
    credential: (): GwsCredential => ({ cookies: jar.entries().filter(([name]) => !OWN_COOKIES.has(name)) }),
    request: (request) => workspaceRequest(rest, jar, request),
    connect: (sink) => link.connect(sink),
    disconnect: () => link.disconnect(),
  };
}
