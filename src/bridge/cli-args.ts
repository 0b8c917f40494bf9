/** `npm run bridge` flags and BRIDGE_* environment variables → bridge options (flags win). */
import { parseArgs } from 'node:util';
import { GWS_LOGINS, type BridgeOptions, type GwsLogin } from './index';
import { readFileSync } from 'node:fs';
import { LOG_LEVELS, type LogMasking } from './server/log';
import { parseSessionKeys } from './server/seal';
import { INSTANCE_ID } from './server/takeover';
import type { BridgeLogLevel } from './server/types';

export const USAGE = `usage: npm run bridge -- --gws <base url> [options]

  --gws <url>                 GWS base URL (http: or https:)            env BRIDGE_GWS_URL (required)
  --gws-login <mode>          password | authorize | simulator          env BRIDGE_GWS_LOGIN (default authorize)
  --host <address>            address to listen on                      env BRIDGE_HOST (default 127.0.0.1)
  --port <n>                  port to listen on, 0 = any free one       env BRIDGE_PORT (default 8087)
  --allow-origin <origin>     toolbar origin allowed (repeat; * = any)  env BRIDGE_ALLOW_ORIGINS (comma-separated;
                                                                        default: loopback origins only)
  --client-id <id>            OAuth client id (password, authorize)     env BRIDGE_CLIENT_ID (default external_api_client)
  --client-secret <secret>    OAuth client secret                       env BRIDGE_CLIENT_SECRET (default secret; prefer the
                                                                        variable: flags show in the process list)
  --api-key <key>             x-api-key on every GWS request            env BRIDGE_API_KEY (PureEngage Cloud; default none)
  --redirect-uri <url>        redirect_uri of the authorize/simulator   env BRIDGE_REDIRECT_URI (default http://localhost/callback)
                              logins
  --gws-timeout <ms>          deadline of every GWS request, 100-60000  env BRIDGE_GWS_TIMEOUT_MS (default 5000)
  --token-ttl <seconds>       bridge session lifetime, 60-604800        env BRIDGE_TOKEN_TTL_SEC (default 28800)
  --log-level <level>         debug | info | warn | error (stderr, JSON) env BRIDGE_LOG_LEVEL (default info)
  --log-mask <list>           what logs hide besides secrets: caller,   env BRIDGE_LOG_MASK (default caller)
                              agent, both (caller,agent) or none
  --tls-cert <file>           PEM certificate: serve https: and wss:    env BRIDGE_TLS_CERT (with --tls-key)
  --tls-key <file>            PEM private key                           env BRIDGE_TLS_KEY
  --session-key <id:key,…>    keys every instance shares to seal bridge env BRIDGE_SESSION_KEY (32 bytes base64 or hex each;
                              tokens and tickets (first seals, all open) the first seals; required when NODE_ENV=production;
                                                                        default: a random key of this process)
  --sso-redirect-uri <url>    the public single sign-on callback (behind env BRIDGE_SSO_REDIRECT_URI (default
                              a proxy), as registered at GWS            <bridge url>/genesys/sso/callback)
  --instance-id <name>        this instance's name: the routing tag of  env BRIDGE_INSTANCE_ID (letters, digits, _ -;
                              its tokens (docs/topology.md)             default random)
  --inspect                   development: the session machines in the  env BRIDGE_INSPECT=1
                              Stately inspector (opens a browser)
  -h, --help                  this text
`;

export type BridgeCliOptions = Omit<BridgeOptions, 'log' | 'sessionFactory' | 'now' | 'inspect' | 'metrics' | 'probeGws'> & {
  host: string;
  port: number;
  logLevel: BridgeLogLevel;
  logMask: LogMasking;
  inspect: boolean;
};

export type BridgeCliParse = { ok: true; options: BridgeCliOptions } | { ok: false; help: true } | { ok: false; help?: false; message: string };

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

function httpUrl(raw: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--${flag}: "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--${flag}: "${raw}" is not an http: or https: URL`);
  if (url.username !== '' || url.password !== '') throw new Error(`--${flag}: credentials do not belong in the URL`);
  return url.toString();
}

function gwsUrl(raw: string | undefined): string {
  if (raw === undefined) throw new Error('--gws (or BRIDGE_GWS_URL) is required: the GWS base URL, e.g. https://gws.example.com');
  return httpUrl(raw, 'gws').replace(/\/$/, '');
}

function origin(raw: string): string {
  if (raw === '*') return raw;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  // An origin is scheme://host[:port] exactly, as browsers send it: no path, no trailing slash.
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== raw) {
    throw new Error(`--allow-origin: "${raw}" is not an origin (scheme://host[:port], e.g. https://fusion.example.com)`);
  }
  return raw;
}

function logMask(raw: string): LogMasking {
  const items = raw.split(',').map((item) => item.trim());
  if (items.length === 1 && items[0] === 'none') return { caller: false, agent: false };
  for (const item of items) if (item !== 'caller' && item !== 'agent') throw new Error(`--log-mask: "${raw}" is not a list of caller, agent (or none)`);
  return { caller: items.includes('caller'), agent: items.includes('agent') };
}

function pem(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--${flag}: cannot read "${path}" (${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'})`);
  }
}

function whole(raw: string, flag: string, min: number, max: number): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= min && n <= max)) throw new Error(`--${flag}: "${raw}" is not a whole number from ${min} to ${max}`);
  return n;
}

function oneOf<T extends string>(raw: string, flag: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`--${flag}: "${raw}" is not one of ${allowed.join(', ')}`);
  return raw as T;
}

/** Parses argv (without node and the script) over the environment; never throws. */
export function parseBridgeCli(argv: readonly string[], env: Env): BridgeCliParse {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        gws: { type: 'string' },
        'gws-login': { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'api-key': { type: 'string' },
        'redirect-uri': { type: 'string' },
        'gws-timeout': { type: 'string' },
        inspect: { type: 'boolean' },
        'token-ttl': { type: 'string' },
        'log-level': { type: 'string' },
        'log-mask': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'session-key': { type: 'string' },
        'instance-id': { type: 'string' },
        'sso-redirect-uri': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { ok: false, help: true };
    const gws = gwsUrl(nonEmpty(values.gws ?? env['BRIDGE_GWS_URL']));
    const gwsLogin = oneOf<GwsLogin>(nonEmpty(values['gws-login'] ?? env['BRIDGE_GWS_LOGIN']) ?? 'authorize', 'gws-login', GWS_LOGINS);
    const host = nonEmpty(values.host ?? env['BRIDGE_HOST']) ?? '127.0.0.1';
    const port = whole(nonEmpty(values.port ?? env['BRIDGE_PORT']) ?? '8087', 'port', 0, 65535);
    const origins = values['allow-origin'] ?? nonEmpty(env['BRIDGE_ALLOW_ORIGINS'])?.split(',');
    const allowOrigins = origins?.map((item) => item.trim()).filter(Boolean).map(origin);
    const clientId = nonEmpty(values['client-id'] ?? env['BRIDGE_CLIENT_ID']);
    const clientSecret = nonEmpty(values['client-secret'] ?? env['BRIDGE_CLIENT_SECRET']);
    const apiKey = nonEmpty(values['api-key'] ?? env['BRIDGE_API_KEY']);
    const redirect = nonEmpty(values['redirect-uri'] ?? env['BRIDGE_REDIRECT_URI']);
    const redirectUri = redirect === undefined ? undefined : httpUrl(redirect, 'redirect-uri');
    const timeout = nonEmpty(values['gws-timeout'] ?? env['BRIDGE_GWS_TIMEOUT_MS']);
    const gwsTimeoutMs = timeout === undefined ? undefined : whole(timeout, 'gws-timeout', 100, 60_000);
    const inspect = values.inspect === true || env['BRIDGE_INSPECT'] === '1' || env['BRIDGE_INSPECT'] === 'true';
    const tokenTtlSec = whole(nonEmpty(values['token-ttl'] ?? env['BRIDGE_TOKEN_TTL_SEC']) ?? '28800', 'token-ttl', 60, 604_800);
    const logLevel = oneOf<BridgeLogLevel>(nonEmpty(values['log-level'] ?? env['BRIDGE_LOG_LEVEL']) ?? 'info', 'log-level', LOG_LEVELS);
    const sessionKey = nonEmpty(values['session-key'] ?? env['BRIDGE_SESSION_KEY']);
    if (sessionKey === undefined && env['NODE_ENV'] === 'production') throw new Error('--session-key (or BRIDGE_SESSION_KEY) is required when NODE_ENV=production: every instance must share it');
    const sessionKeys = sessionKey === undefined ? undefined : parseSessionKeys(sessionKey);
    const ssoRaw = nonEmpty(values['sso-redirect-uri'] ?? env['BRIDGE_SSO_REDIRECT_URI']);
    const ssoRedirectUri = ssoRaw === undefined ? undefined : httpUrl(ssoRaw, 'sso-redirect-uri');
    const instanceId = nonEmpty(values['instance-id'] ?? env['BRIDGE_INSTANCE_ID']);
    if (instanceId !== undefined && !INSTANCE_ID.test(instanceId)) throw new Error(`--instance-id: "${instanceId}" is not 1-32 letters, digits, _ or -`);
    const mask = logMask(nonEmpty(values['log-mask'] ?? env['BRIDGE_LOG_MASK']) ?? 'caller');
    const certFile = nonEmpty(values['tls-cert'] ?? env['BRIDGE_TLS_CERT']);
    const keyFile = nonEmpty(values['tls-key'] ?? env['BRIDGE_TLS_KEY']);
    if ((certFile === undefined) !== (keyFile === undefined)) throw new Error('--tls-cert and --tls-key go together');
    const tls = certFile === undefined || keyFile === undefined ? undefined : { cert: pem(certFile, 'tls-cert'), key: pem(keyFile, 'tls-key') };
    return {
      ok: true,
      options: {
        gws,
        gwsLogin,
        host,
        port,
        tokenTtlSec,
        logLevel,
        logMask: mask,
        inspect,
        ...(tls === undefined ? {} : { tls }),
        ...(sessionKeys === undefined ? {} : { sessionKeys }),
        ...(instanceId === undefined ? {} : { instanceId }),
        ...(ssoRedirectUri === undefined ? {} : { ssoRedirectUri }),
        ...(apiKey === undefined ? {} : { apiKey }),
        ...(redirectUri === undefined ? {} : { redirectUri }),
        ...(gwsTimeoutMs === undefined ? {} : { gwsTimeoutMs }),
        ...(allowOrigins === undefined || allowOrigins.length === 0 ? {} : { allowOrigins }),
        ...(clientId === undefined ? {} : { clientId }),
        ...(clientSecret === undefined ? {} : { clientSecret }),
      },
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
