/** One agent session's GWS: its cookie jar shared by REST and CometD, sign-in, requests, notifications. */
import type { GwsPorts } from '../session/ports.types';
import { cometdLink } from './notifications';
import { CookieJar, workspaceRequest, type RestConfig } from './rest';
import { signIn, type SignInConfig } from './sign-in';

export function gwsPorts(config: SignInConfig, credentials: { readonly username: string; readonly password: string }): GwsPorts {
  const jar = new CookieJar();
  const rest: RestConfig = { baseUrl: config.baseUrl, apiKey: config.apiKey, requestTimeoutMs: config.requestTimeoutMs };
  const link = cometdLink({ baseUrl: config.baseUrl, apiKey: config.apiKey, cookies: () => jar.entries() });
  return {
    // The password stays in this closure: never in the machine's context, never logged.
    signIn: () => signIn(config, jar, credentials.username, credentials.password),
    request: (request) => workspaceRequest(rest, jar, request),
    connect: (sink) => link.connect(sink),
    disconnect: () => link.disconnect(),
  };
}
