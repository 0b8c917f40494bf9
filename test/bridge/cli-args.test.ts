import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseBridgeCli } from '../../src/bridge/cli-args';

const CERT = 'test/fixtures/tls/localhost-cert.pem';
const KEY = 'test/fixtures/tls/localhost-key.pem';

const GWS = ['--gws', 'https://gws.example.com/'];

function options(argv: string[], env: Record<string, string> = {}) {
  const parsed = parseBridgeCli(argv, env);
  if (!parsed.ok) throw new Error(parsed.help ? 'help' : parsed.message);
  return parsed.options;
}

function refusal(argv: string[], env: Record<string, string> = {}): string {
  const parsed = parseBridgeCli(argv, env);
  if (parsed.ok || parsed.help) throw new Error('accepted');
  return parsed.message;
}

describe('when the bridge reads its configuration', () => {
  test('defaults: authorize login (single sign-on), 127.0.0.1:8087, loopback origins, 8 h tokens, info logs, no inspector; the GWS side\'s OAuth client', () => {
    expect(options(GWS)).toEqual({
      gws: 'https://gws.example.com',
      gwsLogin: 'authorize',
      host: '127.0.0.1',
      port: 8087,
      tokenTtlSec: 28800,
      logLevel: 'info',
      logMask: { caller: true, agent: false },
      inspect: false,
    });
  });

  test('every flag', () => {
    expect(
      options([
        '--gws', 'http://127.0.0.1:9090', '--gws-login', 'authorize', '--host', '0.0.0.0', '--port', '0',
        '--allow-origin', 'https://fusion.example.com', '--allow-origin', 'http://localhost:5173',
        '--client-id', 'id', '--client-secret', 'secret', '--token-ttl', '600', '--log-level', 'debug',
        '--api-key', 'key', '--redirect-uri', 'https://bridge.example.com/callback', '--gws-timeout', '2500', '--inspect',
        '--log-mask', 'caller,agent', '--tls-cert', CERT, '--tls-key', KEY,
      ]),
    ).toEqual({
      gws: 'http://127.0.0.1:9090',
      gwsLogin: 'authorize',
      host: '0.0.0.0',
      port: 0,
      allowOrigins: ['https://fusion.example.com', 'http://localhost:5173'],
      clientId: 'id',
      clientSecret: 'secret',
      tokenTtlSec: 600,
      logLevel: 'debug',
      logMask: { caller: true, agent: true },
      tls: { cert: readFileSync(CERT, 'utf8'), key: readFileSync(KEY, 'utf8') },
      apiKey: 'key',
      redirectUri: 'https://bridge.example.com/callback',
      gwsTimeoutMs: 2500,
      inspect: true,
    });
  });

  test('every environment variable, and flags win over them', () => {
    const env = {
      BRIDGE_GWS_URL: 'http://gws.test:8090',
      BRIDGE_GWS_LOGIN: 'simulator',
      BRIDGE_HOST: '::1',
      BRIDGE_PORT: '9000',
      BRIDGE_ALLOW_ORIGINS: 'https://a.example, https://b.example',
      BRIDGE_CLIENT_ID: 'env-id',
      BRIDGE_CLIENT_SECRET: 'env-secret',
      BRIDGE_TOKEN_TTL_SEC: '3600',
      BRIDGE_LOG_LEVEL: 'warn',
      BRIDGE_LOG_MASK: 'none',
      BRIDGE_API_KEY: 'env-key',
      BRIDGE_REDIRECT_URI: 'http://localhost:9999/cb',
      BRIDGE_GWS_TIMEOUT_MS: '7000',
      BRIDGE_INSPECT: '1',
    };
    expect(options([], env)).toEqual({
      gws: 'http://gws.test:8090',
      gwsLogin: 'simulator',
      host: '::1',
      port: 9000,
      allowOrigins: ['https://a.example', 'https://b.example'],
      clientId: 'env-id',
      clientSecret: 'env-secret',
      tokenTtlSec: 3600,
      logLevel: 'warn',
      logMask: { caller: false, agent: false },
      apiKey: 'env-key',
      redirectUri: 'http://localhost:9999/cb',
      gwsTimeoutMs: 7000,
      inspect: true,
    });
    expect(options(['--port', '9100', '--allow-origin', 'https://c.example'], env)).toMatchObject({ port: 9100, allowOrigins: ['https://c.example'] });
  });

  const bad: [string, string[], RegExp][] = [
    ['no GWS URL', [], /--gws .*required/],
    ['a GWS URL that is not one', ['--gws', 'gws.example.com'], /not a URL/],
    ['a GWS URL of another scheme', ['--gws', 'ftp://gws.example.com'], /not an http: or https: URL/],
    ['credentials in the GWS URL', ['--gws', 'https://u:p@gws.example.com'], /credentials/],
    ['an unknown login', [...GWS, '--gws-login', 'kerberos'], /--gws-login: "kerberos" is not one of password, authorize, simulator/],
    ['a redirect URI that is not http(s)', [...GWS, '--redirect-uri', 'javascript:alert(1)'], /--redirect-uri: .* is not an http: or https: URL/],
    ['a GWS deadline under 100 ms', [...GWS, '--gws-timeout', '10'], /--gws-timeout: "10" is not a whole number from 100 to 60000/],
    ['a port out of range', [...GWS, '--gws-login', 'simulator', '--port', '70000'], /--port: "70000"/],
    ['a port that is not a number', [...GWS, '--gws-login', 'simulator', '--port', '80a'], /--port: "80a"/],
    ['an origin with a path', [...GWS, '--gws-login', 'simulator', '--allow-origin', 'https://fusion.example.com/'], /is not an origin/],
    ['an origin without a scheme', [...GWS, '--gws-login', 'simulator', '--allow-origin', 'fusion.example.com'], /is not an origin/],
    ['a token lifetime under a minute', [...GWS, '--gws-login', 'simulator', '--token-ttl', '5'], /--token-ttl/],
    ['an unknown log level', [...GWS, '--gws-login', 'simulator', '--log-level', 'loud'], /--log-level/],
    ['an unknown log mask', [...GWS, '--log-mask', 'caller,everything'], /--log-mask: "caller,everything" is not a list of caller, agent/],
    ['a certificate without its key', [...GWS, '--tls-cert', CERT], /--tls-cert and --tls-key go together/],
    ['a certificate file that is not there', [...GWS, '--tls-cert', 'no/such.pem', '--tls-key', KEY], /--tls-cert: cannot read "no\/such.pem" \(ENOENT\)/],
    ['an unknown flag', [...GWS, '--gws-login', 'simulator', '--prot', '1'], /--prot/],
  ];
  for (const [what, argv, message] of bad) {
    test(`refuses ${what} with a clear message`, () => {
      expect(refusal(argv)).toMatch(message);
    });
  }

  test('refuses a bad value from the environment too', () => {
    expect(refusal([], { BRIDGE_GWS_URL: 'https://gws.example.com', BRIDGE_GWS_LOGIN: 'simulator', BRIDGE_PORT: '-1' })).toMatch(/--port: "-1"/);
  });

  test('--help asks for the usage', () => {
    expect(parseBridgeCli(['--help'], {})).toEqual({ ok: false, help: true });
    expect(parseBridgeCli(['-h', '--port', 'x'], {})).toEqual({ ok: false, help: true });
  });
});

describe('when the bridge reads what several instances share', () => {
  const hex = 'ab'.repeat(32);
  const b64 = Buffer.alloc(32, 7).toString('base64');
  test('--session-key id:key[,id:key] (hex or base64; the first seals), --instance-id, --sso-redirect-uri; the variables too', () => {
    const parsed = options([...GWS, '--session-key', `k2:${hex},k1:${b64}`, '--instance-id', 'b-1', '--sso-redirect-uri', 'https://bridge.example.com/genesys/sso/callback']);
    expect(parsed.sessionKeys?.map((k) => [k.id, k.key.length])).toEqual([['k2', 32], ['k1', 32]]);
    expect(parsed).toMatchObject({ instanceId: 'b-1', ssoRedirectUri: 'https://bridge.example.com/genesys/sso/callback' });
    expect(options(GWS, { BRIDGE_SESSION_KEY: `k1:${hex}`, BRIDGE_INSTANCE_ID: 'b2' })).toMatchObject({ instanceId: 'b2', sessionKeys: [{ id: 'k1' }] });
  });
  test('a key that is not 32 bytes, a bad id, a repeated id, a bad instance name are refused; NODE_ENV=production needs a key', () => {
    expect(refusal([...GWS, '--session-key', 'k1:c2hvcnQ='])).toContain('is not 32 bytes');
    expect(refusal([...GWS, '--session-key', hex])).toContain('each key is id:key');
    expect(refusal([...GWS, '--session-key', `k1:${hex},k1:${b64}`])).toContain('appears twice');
    expect(refusal([...GWS, '--instance-id', 'b.1'])).toContain('--instance-id');
    expect(refusal(GWS, { NODE_ENV: 'production' })).toContain('required when NODE_ENV=production');
    expect(options(GWS, { NODE_ENV: 'production', BRIDGE_SESSION_KEY: `k1:${hex}` }).sessionKeys).toHaveLength(1);
  });
});
