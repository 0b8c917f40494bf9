import { describe, expect, test } from 'vitest';
import { connect, http, signIn, ticket, ToolbarSocket } from './support/client';
import { startFakeBridge } from './support/harness';

const preflight = (url: string, origin: string) =>
  http(url, '/genesys/events', {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
  });

describe('when no --allow-origin list is given', () => {
  test('a loopback origin\'s preflight is allowed with Authorization, and DELETE among the methods', async () => {
    const { url } = await startFakeBridge();
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'https://[::1]']) {
      const answer = await preflight(url, origin);
      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(origin);
      expect(answer.headers['access-control-allow-headers']).toBe('authorization, content-type');
      expect(String(answer.headers['access-control-allow-methods'])).toContain('DELETE');
    }
  });

  test('any other origin is refused: preflight 403 without CORS headers, a simple POST 403 ORIGIN_NOT_ALLOWED that reaches nothing', async () => {
    const { url, gws } = await startFakeBridge();
    const answer = await preflight(url, 'https://evil.example');
    expect([answer.status, answer.body['code'], answer.headers['access-control-allow-origin']]).toEqual([403, 'ORIGIN_NOT_ALLOWED', undefined]);
    const signInFromEvil = await http(url, '/genesys/session', { headers: { Origin: 'https://evil.example' }, body: { username: 'bob', password: 'bob-pw' } });
    expect([signInFromEvil.status, signInFromEvil.body['code']]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
    expect(gws.signIns).toBe(0);
  });

  test('answers to an allowed origin carry Access-Control-Allow-Origin; requests without Origin (curl) are served', async () => {
    const { url } = await startFakeBridge();
    const answer = await http(url, '/genesys/session', { headers: { Origin: 'http://localhost:5173' }, body: { username: 'bob', password: 'bob-pw' } });
    expect([answer.status, answer.headers['access-control-allow-origin']]).toEqual([200, 'http://localhost:5173']);
    const refused = await http(url, '/genesys/events', { headers: { Origin: 'http://localhost:5173' }, body: { type: 'Ready' } });
    expect([refused.status, refused.headers['access-control-allow-origin']]).toEqual([401, 'http://localhost:5173']);
    expect((await http(url, '/genesys/session', { body: { username: 'bob', password: 'bob-pw' } })).status).toBe(200);
  });

  test('a socket upgrade from another origin is refused with 403, even with a good ticket (which stays unspent)', async () => {
    const { url } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    const good = await ticket(url, token);
    await expect(ToolbarSocket.open(url, good, { Origin: 'https://evil.example' })).rejects.toThrow('upgrade refused: 403');
    const socket = await ToolbarSocket.open(url, good, { Origin: 'http://localhost:5173' });
    socket.close();
  });
});

describe('when --allow-origin lists the toolbar\'s origins', () => {
  test('only those are allowed, loopback ones no longer', async () => {
    const { url } = await startFakeBridge({ allowOrigins: ['https://fusion.example.com'] });
    expect((await preflight(url, 'https://fusion.example.com')).status).toBe(204);
    expect((await preflight(url, 'http://localhost:5173')).status).toBe(403);
    const { session, socket } = await connect(url, 'bob', 'bob-pw');
    socket.close();
    await expect(ToolbarSocket.open(url, await ticket(url, session.token), { Origin: 'http://localhost:5173' })).rejects.toThrow('upgrade refused: 403');
  });
});
