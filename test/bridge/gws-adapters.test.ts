// The GWS adapters alone: REST answers → coded results, the cookie jar, deadlines, message validation, the three sign-ins.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { notificationEvent } from '../../src/bridge/gws/notifications';
import { CookieJar, rawRequest, resultOf, type RawAnswer } from '../../src/bridge/gws/rest';
import { signIn, type SignInConfig } from '../../src/bridge/gws/sign-in';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';

const answer = (status: number, text: string, location?: string): RawAnswer => ({ ok: true, status, text, location });

describe('a GWS answer → what the session reads', () => {
  test.each([
    ['accepted, operationId echoed', answer(200, '{"status":{"code":1},"operationId":"op-1"}'), { ok: true, operationId: 'op-1' }],
    ['done with data', answer(200, '{"status":{"code":0},"data":{"x":1}}'), { ok: true, data: { x: 1 } }],
    ['partial success', answer(200, '{"status":{"code":2}}'), { ok: true }],
    ['an error code in a 200', answer(200, '{"status":{"code":5,"message":"nope"}}'), { ok: false, code: 'GWS_STATUS_5', message: 'nope' }],
    ['an empty 200', answer(200, ''), { ok: false, code: 'GWS_BAD_ANSWER' }],
    ['malformed JSON', answer(200, '{"status":'), { ok: false, code: 'GWS_BAD_ANSWER' }],
    ['JSON without the envelope', answer(200, '{"message":"Success"}'), { ok: false, code: 'GWS_BAD_ANSWER' }],
    ['a 500 with a text body', answer(500, 'Call with x id does not exist for JohnSmith'), { ok: false, status: 500, code: 'GWS_HTTP_500', message: 'Call with x id does not exist for JohnSmith' }],
    ['a 401 envelope', answer(401, '{"status":{"code":401,"message":"Unauthorized"}}'), { ok: false, status: 401, code: 'GWS_HTTP_401', message: 'Unauthorized' }],
    ['a 501', answer(501, 'Not Implemented'), { ok: false, status: 501, code: 'GWS_HTTP_501' }],
    ['a redirect (logout)', answer(302, '', 'http://localhost/'), { ok: true }],
    ['no answer in time', { ok: false, code: 'GWS_TIMEOUT', message: 'no answer within 5 ms' } as RawAnswer, { ok: false, status: undefined, code: 'GWS_TIMEOUT' }],
  ])('%s', (_, raw, expected) => {
    expect(resultOf(raw)).toMatchObject(expected);
  });
});

describe('REST over node:http', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });
  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  test('keeps Set-Cookie in the jar, sends it back with x-api-key', async () => {
    const seen: (string | undefined)[][] = [];
    const url = await serve((req, res) => {
      seen.push([req.headers.cookie, req.headers['x-api-key'] as string | undefined]);
      res.setHeader('Set-Cookie', ['WORKSPACE_SESSIONID=abc; Path=/; HttpOnly', 'LB=1']);
      res.end('{"status":{"code":0}}');
    });
    const jar = new CookieJar();
    const config = { baseUrl: url, apiKey: 'k1', requestTimeoutMs: 1000 };
    await rawRequest(config, jar, { method: 'GET', path: '/a' });
    await rawRequest(config, jar, { method: 'GET', path: '/b' });
    expect(seen).toEqual([[undefined, 'k1'], ['WORKSPACE_SESSIONID=abc; LB=1', 'k1']]);
  });
  test('a request that never answers ends at its deadline', async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    const result = await rawRequest({ baseUrl: url, apiKey: undefined, requestTimeoutMs: 80 }, new CookieJar(), { method: 'POST', path: '/x', json: {} });
    expect(result).toMatchObject({ ok: false, code: 'GWS_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1000);
    server?.closeAllConnections();
  });
  test('nothing listening → GWS_UNREACHABLE', async () => {
    const url = await serve(() => undefined);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await rawRequest({ baseUrl: url, apiKey: undefined, requestTimeoutMs: 1000 }, new CookieJar(), { method: 'GET', path: '/' })).toMatchObject({ ok: false, code: 'GWS_UNREACHABLE' });
  });
  test('the jar keeps at most 32 cookies and refuses giant ones', () => {
    const jar = new CookieJar();
    jar.keep(Array.from({ length: 40 }, (_, i) => `c${i}=${i}`));
    jar.keep([`big=${'x'.repeat(5000)}`]);
    expect(jar.size).toBe(32);
    expect(jar.header()).not.toContain('big=');
  });
});

describe('CometD messages → session events (validated)', () => {
  const msg = (data: unknown) => ({ channel: '/workspace/v3/voice', data });
  const call = { id: 'c1', state: 'Ringing', callType: 'Inbound' };
  test.each([
    ['a CallStateChanged', msg({ messageType: 'CallStateChanged', notificationType: 'StateChange', call }), 'gws.notification'],
    ['a hostile but bounded id', msg({ messageType: 'CallStateChanged', call: { ...call, id: '__proto__' } }), 'gws.notification'],
    ['data that is not an object', msg('hello'), 'GWS_BAD_MESSAGE'],
    ['an array', msg([1]), 'GWS_BAD_MESSAGE'],
    ['an unknown messageType', msg({ messageType: 'Surprise' }), 'GWS_UNKNOWN_MESSAGE'],
    ['an unknown call state', msg({ messageType: 'CallStateChanged', call: { ...call, state: 'Exploded' } }), 'GWS_BAD_MESSAGE'],
    ['a call id of 129 characters', msg({ messageType: 'CallStateChanged', call: { ...call, id: 'x'.repeat(129) } }), 'GWS_BAD_MESSAGE'],
    ['a DnStateChanged without dn', msg({ messageType: 'DnStateChanged' }), 'GWS_BAD_MESSAGE'],
  ])('%s', (_, message, expected) => {
    const event = notificationEvent(message);
    expect(event?.type === 'gws.invalid' ? event.code : event?.type).toBe(expected);
  });
  test('a media ChannelStateChanged is nothing to act on', () => {
    expect(notificationEvent({ channel: '/workspace/v3/media', data: { messageType: 'ChannelStateChanged', media: {} } })).toBeUndefined();
  });
});

describe('signing in', () => {
  let sim: GwsSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  const config = (baseUrl: string, login: SignInConfig['login'], over: Partial<SignInConfig> = {}): SignInConfig => ({
    baseUrl, apiKey: undefined, requestTimeoutMs: 1000, login, clientId: 'external_api_client', clientSecret: 'secret', redirectUri: 'http://localhost/cb', ...over,
  });

  test.each([
    ['gws', 'password', 'WORKSPACE_SESSIONID'],
    ['gws', 'authorize', 'WORKSPACE_SESSIONID'],
    ['genesys-sim', 'simulator', 'WWE_CODE'],
  ] as const)('%s with the %s login → the %s cookie', async (mode, login, cookie) => {
    sim = await startGwsSimulator({ mode, port: 0, log: () => undefined });
    const jar = new CookieJar();
    await signIn(config(sim.url, login), jar, 'JohnSmith', 'JohnSmith');
    expect(jar.entries().map(([name]) => name)).toContain(cookie);
  });
  test.each([
    ['gws', 'password', {}],
    ['gws', 'authorize', {}],
    ['genesys-sim', 'simulator', {}],
    ['gws', 'password', { clientSecret: 'wrong' }],
  ] as const)('%s %s with a wrong password or client → SIGN_IN_FAILED', async (mode, login, over) => {
    sim = await startGwsSimulator({ mode, port: 0, log: () => undefined });
    const password = 'clientSecret' in over ? 'JohnSmith' : 'wrong';
    await expect(signIn(config(sim.url, login, over), new CookieJar(), 'JohnSmith', password)).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
  });
  test('tenant\\user in the simulator login', async () => {
    sim = await startGwsSimulator({ mode: 'genesys-sim', port: 0, log: () => undefined });
    await expect(signIn(config(sim.url, 'simulator'), new CookieJar(), 'MyCompany\\JeanDupont', 'JeanDupont')).resolves.toBeUndefined();
  });
  test('x-api-key: refused without it, signed in with it', async () => {
    sim = await startGwsSimulator({ mode: 'gws', port: 0, apiKey: 'k-42', log: () => undefined });
    await expect(signIn(config(sim.url, 'password'), new CookieJar(), 'JohnSmith', 'JohnSmith')).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    await expect(signIn(config(sim.url, 'password', { apiKey: 'k-42' }), new CookieJar(), 'JohnSmith', 'JohnSmith')).resolves.toMatchObject({ refreshToken: expect.any(String) });
  });
  test('GWS not there → GWS_UNREACHABLE', async () => {
    sim = await startGwsSimulator({ mode: 'gws', port: 0, log: () => undefined });
    const url = sim.url;
    await sim.close();
    sim = undefined;
    await expect(signIn(config(url, 'password'), new CookieJar(), 'JohnSmith', 'JohnSmith')).rejects.toMatchObject({ code: 'GWS_UNREACHABLE' });
  });
});
