import { describe, expect, test } from 'vitest';
import { connect, http, signIn } from './support/client';
import { settle, startFakeBridge } from './support/harness';

describe('when a toolbar signs in', () => {
  test('good credentials (tenant\\user allowed) answer an opaque token, the agent, its DN and the lifetime', async () => {
    const { url } = await startFakeBridge({ tokenTtlSec: 3600 });
    const answer = await http(url, '/genesys/session', { body: { username: 'tenant\\alice', password: 'alice-pw' } });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['agentId', 'dn', 'expiresInSec', 'token']);
    expect(answer.body).toMatchObject({ agentId: '1001', dn: '7001', expiresInSec: 3600 });
    expect(answer.body['token']).toMatch(/^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9]{1,16}\.[A-Za-z0-9_-]{40,}$/);
    const again = await signIn(url, 'tenant\\alice', 'alice-pw');
    expect(again.token).not.toBe(answer.body['token']);
  });

  test('a wrong password or an unknown user answers 401 SIGN_IN_FAILED', async () => {
    const { url } = await startFakeBridge();
    for (const body of [{ username: 'bob', password: 'nope' }, { username: 'mallory', password: 'x' }]) {
      const answer = await http(url, '/genesys/session', { body });
      expect(answer.status).toBe(401);
      expect(answer.body['code']).toBe('SIGN_IN_FAILED');
      expect(answer.body).not.toHaveProperty('token');
    }
  });

  test('GWS out of reach or failing to initialise answers 502 with its code', async () => {
    const { url, gws } = await startFakeBridge();
    for (const code of ['GWS_UNREACHABLE', 'GWS_INIT_FAILED'] as const) {
      gws.nextFailure = code;
      const answer = await http(url, '/genesys/session', { body: { username: 'bob', password: 'bob-pw' } });
      expect([answer.status, answer.body['code']]).toEqual([502, code]);
    }
  });

  test('a body that is not a sign-in is refused before GWS: 400 SIGN_IN_INVALID, BODY_INVALID, 413 BODY_TOO_LARGE', async () => {
    const { url, gws } = await startFakeBridge();
    const cases: [unknown, number, string][] = [
      [{ username: 'bob' }, 400, 'SIGN_IN_INVALID'],
      [{ username: '', password: 'x' }, 400, 'SIGN_IN_INVALID'],
      [{ username: 'bob', password: 12345 }, 400, 'SIGN_IN_INVALID'],
      [{ username: 'bo\nb', password: 'x' }, 400, 'SIGN_IN_INVALID'],
      ['{not json', 400, 'BODY_INVALID'],
      ['[1,2]', 400, 'BODY_INVALID'],
      [{ username: 'bob', password: 'x'.repeat(5000) }, 413, 'BODY_TOO_LARGE'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await http(url, '/genesys/session', { body });
      expect([answer.status, answer.body['code']], JSON.stringify(body).slice(0, 60)).toEqual([status, code]);
      expect(answer.text).not.toContain('12345');
    }
    expect(gws.signIns).toBe(0);
  });

  test('a GET on the session path answers 405 with Allow', async () => {
    const { url } = await startFakeBridge();
    const answer = await http(url, '/genesys/session', { method: 'GET' });
    expect([answer.status, answer.body['code'], answer.headers['allow']]).toEqual([405, 'METHOD_NOT_ALLOWED', 'POST, DELETE, OPTIONS']);
  });
});

describe('when one username tries too often', () => {
  test('the sixth attempt within a minute answers 429 SIGN_IN_THROTTLED without reaching GWS; a minute later it may try again', async () => {
    const { url, gws, advance } = await startFakeBridge();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await http(url, '/genesys/session', { body: { username: 'bob', password: `guess${attempt}` } })).status).toBe(401);
    }
    const sixth = await http(url, '/genesys/session', { body: { username: 'bob', password: 'bob-pw' } });
    expect([sixth.status, sixth.body['code'], sixth.headers['retry-after']]).toEqual([429, 'SIGN_IN_THROTTLED', '60']);
    expect(gws.signIns).toBe(5);
    // Another username is not held back by bob's attempts; BOB is bob.
    expect((await http(url, '/genesys/session', { body: { username: 'tenant\\alice', password: 'alice-pw' } })).status).toBe(200);
    expect((await http(url, '/genesys/session', { body: { username: 'BOB', password: 'x' } })).status).toBe(429);
    advance(60_001);
    expect((await http(url, '/genesys/session', { body: { username: 'bob', password: 'bob-pw' } })).status).toBe(200);
  });

  test('successful sign-ins count too', async () => {
    const { url } = await startFakeBridge({ signInsPerMinute: 2 });
    await signIn(url, 'bob', 'bob-pw');
    await signIn(url, 'bob', 'bob-pw');
    expect((await http(url, '/genesys/session', { body: { username: 'bob', password: 'bob-pw' } })).status).toBe(429);
  });
});

describe('when a signed-in toolbar signs out', () => {
  test('DELETE /genesys/session signs the agent out of GWS, closes its socket (4001) and the token stops working', async () => {
    const { url, gws } = await startFakeBridge();
    const { session, socket } = await connect(url, 'bob', 'bob-pw');
    const answer = await http(url, '/genesys/session', { method: 'DELETE', token: session.token });
    expect([answer.status, answer.body['status']]).toEqual([200, 'Success']);
    expect(gws.sessions[0]?.signOuts).toBe(1);
    expect(gws.sessions[0]?.listenerCount()).toBe(0);
    expect((await socket.whenClosed()).code).toBe(4001);
    for (const path of ['/genesys/events', '/genesys/ticket']) {
      expect((await http(url, path, { token: session.token, body: { type: 'initialize' } })).body['code']).toBe('SESSION_INVALID');
    }
    const twice = await http(url, '/genesys/session', { method: 'DELETE', token: session.token });
    expect([twice.status, twice.body['code']]).toEqual([401, 'SESSION_INVALID']);
    expect(gws.sessions[0]?.commands).toEqual([]);
  });

  test('DELETE without a token answers 401 SESSION_INVALID and signs nobody out', async () => {
    const { url, gws } = await startFakeBridge();
    await signIn(url, 'bob', 'bob-pw');
    const answer = await http(url, '/genesys/session', { method: 'DELETE' });
    expect([answer.status, answer.body['code'], answer.headers['www-authenticate']]).toEqual([401, 'SESSION_INVALID', 'Bearer']);
    expect(gws.sessions[0]?.signOuts).toBe(0);
  });
});

describe('when a bridge session ends without the toolbar', () => {
  test('an expired token answers 401 SESSION_INVALID', async () => {
    const { url, advance } = await startFakeBridge({ tokenTtlSec: 60 });
    const { token } = await signIn(url, 'bob', 'bob-pw');
    expect((await http(url, '/genesys/events', { token, body: { type: 'initialize' } })).status).toBe(200);
    advance(60_000);
    expect((await http(url, '/genesys/events', { token, body: { type: 'initialize' } })).body['code']).toBe('SESSION_INVALID');
  });

  test('a session GWS signed out makes its token invalid', async () => {
    const { url, gws } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    gws.sessions[0]?.endFromGws();
    expect((await http(url, '/genesys/ticket', { token })).body['code']).toBe('SESSION_INVALID');
  });

  test('a sign-in that completes after its requester left is signed out again', async () => {
    const { url, gws, bridge } = await startFakeBridge();
    gws.signInDelayMs = 150;
    const pending = http(url, '/genesys/session', { body: { username: 'bob', password: 'bob-pw' } });
    await settle(40);
    await bridge.close({ keepGwsSessions: true });
    await pending.catch(() => undefined);
    await settle(200);
    expect(gws.sessions[0]?.signOuts).toBe(1);
  });
});

describe('what the bridge logs', () => {
  test('no password, token or ticket ever appears in a log line', async () => {
    const { url, logs } = await startFakeBridge();
    await http(url, '/genesys/session', { body: { username: 'bob', password: 'wrong-secret-pw' } });
    const { session, socket } = await connect(url, 'bob', 'bob-pw');
    await http(url, '/genesys/events', { token: session.token, body: { type: 'Accept', connectionId: 'nope' } });
    await http(url, '/genesys/session', { method: 'DELETE', token: session.token });
    await socket.whenClosed();
    expect(logs.length).toBeGreaterThan(2);
    const all = logs.join('\n');
    for (const secret of ['wrong-secret-pw', 'bob-pw', session.token]) expect(all).not.toContain(secret);
  });
});

describe('when one agent signs in again and again', () => {
  test('at most four bridge sessions live at once: the fifth sign-in ends the oldest (socket 4003, GWS signed out)', async () => {
    const { url, gws, bridge } = await startFakeBridge({ signInsPerMinute: 10 });
    const oldest = await connect(url, 'bob', 'bob-pw');
    const others = [];
    for (let i = 0; i < 4; i += 1) others.push(await signIn(url, 'bob', 'bob-pw'));
    expect((await oldest.socket.whenClosed()).code).toBe(4003);
    expect(gws.sessions[0]?.signOuts).toBe(1);
    expect(bridge.sessions()).toBe(4);
    expect((await http(url, '/genesys/ticket', { token: oldest.session.token })).status).toBe(401);
    for (const other of others) expect((await http(url, '/genesys/ticket', { token: other.token })).status).toBe(200);
  });
});
