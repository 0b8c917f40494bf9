import { describe, expect, test } from 'vitest';
import type { CommandAdmission } from '../../src/bridge/session/agent-session.types';
import { command, connect, http, signIn } from './support/client';
import { startFakeBridge } from './support/harness';

describe('when a command comes without a valid token', () => {
  test('no header, another scheme, a forged or a malformed token: 401 SESSION_INVALID and nothing reaches GWS', async () => {
    const { url, gws } = await startFakeBridge();
    await signIn(url, 'bob', 'bob-pw');
    const forged = 'A'.repeat(43);
    const attempts: Record<string, string>[] = [{}, { Authorization: forged }, { Authorization: `Basic ${forged}` }, { Authorization: `Bearer ${forged}` }, { Authorization: 'Bearer ../../etc' }, { Authorization: 'Bearer' }];
    for (const headers of attempts) {
      for (const path of ['/genesys/events', '/genesys/ticket']) {
        const answer = await http(url, path, { headers, body: { type: 'initialize' } });
        expect([answer.status, answer.body['code']], `${path} ${JSON.stringify(headers)}`).toEqual([401, 'SESSION_INVALID']);
      }
    }
    expect(gws.sessions[0]?.commands).toEqual([]);
  });
});

describe('when a signed-in toolbar registers', () => {
  test('{"type":"initialize"} answers 200 Success and the agent of the token registers on the socket', async () => {
    const { url, gws } = await startFakeBridge();
    const { session, socket } = await connect(url, 'tenant\\alice', 'alice-pw');
    const answer = await command(url, session.token, { type: 'initialize' });
    expect([answer.status, answer.body]).toEqual([200, { status: 'Success' }]);
    expect(await socket.next('EventRegistered')).toMatchObject({ AgentID: '1001', ThisDN: '7001' });
    expect(gws.sessions[0]?.commands).toEqual([{ type: 'initialize' }]);
  });

  test('an agentId in the body that is the token\'s agent is fine; agentId and dn never reach GWS from the body', async () => {
    const { url, gws } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    expect((await command(url, token, { type: 'Register', agentId: '1002', dn: '9999' })).status).toBe(200);
    expect(gws.sessions[0]?.commands).toEqual([{ type: 'Register' }]);
  });

  test('an agentId in the body that differs answers 403 NOT_YOUR_AGENT, nothing sent', async () => {
    const { url, gws } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    for (const type of ['initialize', 'Ready', 'Hangup']) {
      const answer = await command(url, token, { type, agentId: '1001', connectionId: 'c1' });
      expect([answer.status, answer.body['code']]).toEqual([403, 'NOT_YOUR_AGENT']);
    }
    expect(gws.sessions[0]?.commands).toEqual([]);
  });
});

describe('when a body is out of bounds or of the wrong shape', () => {
  const cases: [string, unknown, number, string][] = [
    ['not JSON', '{"type":', 400, 'BODY_INVALID'],
    ['an array', '[{"type":"Ready"}]', 400, 'BODY_INVALID'],
    ['no type', { connectionId: 'c1' }, 400, 'BAD_COMMAND'],
    ['a type that is not a name', { type: 'Ready; rm -rf' }, 400, 'BAD_COMMAND'],
    ['a numeric type', { type: 42 }, 400, 'BAD_COMMAND'],
    ['a number where a string belongs', { type: 'SendDTMF', connectionId: 'c1', digits: 12 }, 400, 'BAD_COMMAND'],
    ['a nested object where a string belongs', { type: 'Hold', connectionId: { $gt: '' } }, 400, 'BAD_COMMAND'],
    ['a ConnID with spaces', { type: 'Hold', connectionId: 'c1 c2' }, 400, 'BAD_COMMAND'],
    ['a ConnID of 129 characters', { type: 'Hold', connectionId: 'a'.repeat(129) }, 400, 'BAD_COMMAND'],
    ['an empty ConnID', { type: 'Hold', connectionId: '' }, 400, 'BAD_COMMAND'],
    ['control characters in a reason', { type: 'NotReady', reason: 'Break\r\nforged log line' }, 400, 'BAD_COMMAND'],
    ['a 600-character destination', { type: 'SingleStepTransfer', connectionId: 'c1', destination: '1'.repeat(600) }, 400, 'BAD_COMMAND'],
    ['a field named __proto__', '{"type":"Ready","__proto__":{"x":1}}', 400, 'BAD_COMMAND'],
    ['30 fields', Object.fromEntries([['type', 'Ready'], ...Array.from({ length: 29 }, (_, i) => [`f${i}`, 'x'])]), 400, 'BAD_COMMAND'],
    ['userData with a nested object', { type: 'MakeCall', toNumber: '+1555', userData: { a: { b: 1 } } }, 400, 'BAD_COMMAND'],
    ['userData with 65 keys', { type: 'MakeCall', toNumber: '+1555', userData: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) }, 400, 'BAD_COMMAND'],
    ['a 20 KB body', { type: 'Ready', reason: 'x'.repeat(20_000) }, 413, 'BODY_TOO_LARGE'],
  ];
  for (const [what, body, status, code] of cases) {
    test(`${what}: ${status} ${code}, nothing sent`, async () => {
      const { url, gws } = await startFakeBridge();
      const { token } = await signIn(url, 'bob', 'bob-pw');
      const answer = await command(url, token, body);
      expect([answer.status, answer.body['code']]).toEqual([status, code]);
      expect(typeof answer.body['message']).toBe('string');
      expect(gws.sessions[0]?.commands).toEqual([]);
    });
  }

  test('a command with every field the toolbar sends, and bounded userData, is passed on as sent', async () => {
    const { url, gws } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    const body = { type: 'MakeCall', toNumber: '+15551234567', destination: '+15551234567', connectionId: 'e-1', eventId: 'e-1', userData: { order: '42', vip: true, score: 3 } };
    expect((await command(url, token, body)).status).toBe(200);
    expect(gws.sessions[0]?.commands).toEqual([body]);
  });

  test('GET on the events path answers 405', async () => {
    const { url } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    const answer = await http(url, '/genesys/events', { method: 'GET', token });
    expect([answer.status, answer.body['code']]).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });
});

describe('when the GWS side admits or refuses a command', () => {
  const admissions: [CommandAdmission, number, Record<string, unknown>][] = [
    [{ status: 200 }, 200, { status: 'Success' }],
    [{ status: 400, code: 'BAD_COMMAND', message: 'digits must be 0-9*#' }, 400, { code: 'BAD_COMMAND', message: 'digits must be 0-9*#' }],
    [{ status: 403, code: 'NOT_YOUR_CALL' }, 403, { code: 'NOT_YOUR_CALL' }],
    [{ status: 403, code: 'NOT_YOUR_AGENT' }, 403, { code: 'NOT_YOUR_AGENT' }],
    [{ status: 409, code: 'NOT_SUPPORTED' }, 409, { code: 'NOT_SUPPORTED' }],
    [{ status: 409, code: 'NOT_ONLINE' }, 409, { code: 'NOT_ONLINE' }],
    [{ status: 429, code: 'TOO_MANY_COMMANDS' }, 429, { code: 'TOO_MANY_COMMANDS' }],
  ];
  for (const [admission, status, body] of admissions) {
    test(`${admission.status}${'code' in admission ? ` ${admission.code}` : ''} answers HTTP ${status} ${JSON.stringify(body)}`, async () => {
      const { url, gws } = await startFakeBridge();
      const { token } = await signIn(url, 'bob', 'bob-pw');
      gws.sessions[0]?.refuse.set('SendDTMF', admission);
      const answer = await command(url, token, { type: 'SendDTMF', connectionId: 'c1', digits: '12#' });
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject(body);
    });
  }

  test('a session that throws answers 500 INTERNAL and the bridge keeps serving', async () => {
    const { url, gws } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    const session = gws.sessions[0];
    if (!session) throw new Error('no session');
    session.command = () => {
      throw new Error('boom');
    };
    const answer = await command(url, token, { type: 'Ready' });
    expect([answer.status, answer.body['code']]).toEqual([500, 'INTERNAL']);
    expect((await http(url, '/genesys/ticket', { token })).status).toBe(200);
  });
});
