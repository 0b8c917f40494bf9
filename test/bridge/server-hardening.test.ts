import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import WebSocket from 'ws';
import { describe, expect, test } from 'vitest';
import { command, connect, http, signIn, ticket, ToolbarSocket } from './support/client';
import { settle, startFakeBridge } from './support/harness';

const CERT = readFileSync('test/fixtures/tls/localhost-cert.pem', 'utf8');
const KEY = readFileSync('test/fixtures/tls/localhost-key.pem', 'utf8');

/** A raw upgrade: its status and body, whatever they are. */
function upgrade(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, { headers });
    ws.once('open', () => reject(new Error('upgrade accepted')));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    ws.once('error', () => undefined);
  });
}

describe('when a socket upgrade is refused', () => {
  test('every refusal carries a code: 404 NOT_FOUND, 403 ORIGIN_NOT_ALLOWED, 401 TICKET_INVALID', async () => {
    const { url, bridge } = await startFakeBridge({ allowOrigins: ['https://fusion.example.com'] });
    const { token } = await signIn(url, 'bob', 'bob-pw');
    expect(await upgrade(url, '/elsewhere')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const good = await ticket(url, token);
    expect(await upgrade(url, `/genesysWs?ticket=${good}`, { Origin: 'http://localhost:5173' })).toMatchObject({ status: 403, body: { code: 'ORIGIN_NOT_ALLOWED' } });
    expect(await upgrade(url, '/genesysWs?ticket=forged')).toMatchObject({ status: 401, body: { code: 'TICKET_INVALID' } });
    const counted = await bridge.metrics.registry.getSingleMetricAsString('bridge_refusals_total');
    for (const code of ['NOT_FOUND', 'ORIGIN_NOT_ALLOWED', 'TICKET_INVALID']) expect(counted).toContain(`code="${code}"} 1`);
  });
});

describe('when the bridge serves TLS itself (--tls-cert, --tls-key)', () => {
  test('https: and wss: work with the certificate; plain http: gets nothing', async () => {
    const { url, gws } = await startFakeBridge({ tls: { cert: CERT, key: KEY } });
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const post = (path: string, body: unknown, token?: string) =>
      new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
        const req = request(new URL(path, url), { method: 'POST', ca: CERT, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    const session = await post('/genesys/session', { username: 'bob', password: 'bob-pw' });
    expect(session.status).toBe(200);
    const token = String(session.body['token']);
    const issued = await post('/genesys/ticket', {}, token);
    const ws = new WebSocket(`${url.replace(/^https/, 'wss')}/genesysWs?ticket=${String(issued.body['ticket'])}`, { ca: CERT });
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    gws.ring('1002', 'tls-call');
    await expect.poll(() => frames.length).toBe(1);
    ws.terminate();
    await expect(http(url.replace(/^https/, 'http'), '/healthz', { method: 'GET' })).rejects.toThrow();
  });
});

describe('when a toolbar goes over the bounds', () => {
  test('a session past its request rate is answered 429 TOO_MANY_COMMANDS with Retry-After, and may go on after a second', async () => {
    const { url, gws, advance } = await startFakeBridge({ requestsPerSecond: 2 });
    const { session } = await connect(url, 'bob', 'bob-pw');
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await command(url, session.token, { type: 'Ready' }));
    // A burst of twice the rate (the ticket the toolbar took counts too), then refused.
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429, 429]);
    expect([answers[3]?.body['code'], answers[3]?.headers['retry-after']]).toEqual(['TOO_MANY_COMMANDS', '1']);
    expect(gws.sessions[0]?.commands).toHaveLength(3);
    advance(1_000);
    expect((await command(url, session.token, { type: 'Ready' })).status).toBe(200);
    // Another session is not slowed by this one.
    const alice = await signIn(url, 'tenant\\alice', 'alice-pw');
    expect((await command(url, alice.token, { type: 'Ready' })).status).toBe(200);
    // Sign-out is never throttled.
    expect((await http(url, '/genesys/session', { method: 'DELETE', token: session.token })).status).toBe(200);
  });

  test('a second socket for the same agent (another sign-in) takes over: the first is closed 4004 with the reason', async () => {
    const { url, gws } = await startFakeBridge();
    const first = await connect(url, 'bob', 'bob-pw');
    const second = await connect(url, 'bob', 'bob-pw');
    expect(await first.socket.whenClosed()).toEqual({ code: 4004, reason: 'another toolbar of this agent took the socket' });
    gws.ring('1002', 'only-one');
    await second.socket.next('EventRinging');
    await settle();
    expect(first.socket.frames).toEqual([]);
    // Alice's socket is not touched by Bob's.
    const alice = await connect(url, 'tenant\\alice', 'alice-pw');
    await connect(url, 'bob', 'bob-pw');
    await settle();
    expect(alice.socket.closed).toBeNull();
  });

  test('bodies, frames and sign-ins are bounded, each refusal coded', async () => {
    const { url } = await startFakeBridge();
    const big = await http(url, '/genesys/session', { body: JSON.stringify({ username: 'bob', password: 'x'.repeat(5_000) }) });
    expect([big.status, big.body['code']]).toEqual([413, 'BODY_TOO_LARGE']);
    const { session, socket } = await connect(url, 'bob', 'bob-pw');
    const huge = await command(url, session.token, { type: 'Ready', reason: 'x'.repeat(17_000) });
    expect([huge.status, huge.body['code']]).toEqual([413, 'BODY_TOO_LARGE']);
    socket.ws.send('x'.repeat(5_000));
    expect((await socket.whenClosed()).code).toBe(1009);
    const tries = [];
    for (let i = 0; i < 6; i += 1) tries.push(await http(url, '/genesys/session', { body: { username: 'nobody', password: 'wrong' } }));
    expect(tries.map((answer) => answer.body['code'])).toEqual([...Array(5).fill('SIGN_IN_FAILED'), 'SIGN_IN_THROTTLED']);
  });
});
