// @vitest-environment node
import { connect } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { command, connectAgent, postJson, scenario } from './client';

let sim: SimulatorHandle;

/** HTTP status with which the server refused a WebSocket upgrade. */
function upgradeRefusal(url: string, origin?: string): Promise<number> {
  const socket = new WebSocket(url, origin === undefined ? {} : { origin });
  // Aborting a handshake emits 'error' on the client; it is expected here.
  socket.on('error', () => undefined);
  return new Promise((resolve) =>
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    }),
  );
}

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined });
});
afterAll(() => sim.close());

describe('POST /genesys/events refuses bad bodies with 400', () => {
  it.each([
    ['not JSON', '{"type":'],
    ['not an object', '["initialize"]'],
    ['no type', { agentId: 'x' }],
    ['a non-string type', { type: 7 }],
    ['an unknown type', { type: 'Teleport' }],
    ['makeCall without a number', { type: 'MakeCall', eventId: 'e' }],
    ['accept without connectionId', { type: 'Accept' }],
  ])('%s', async (_name, body) => {
    const answer = await command(sim, body);
    expect(answer.status).toBe(400);
    expect(answer.body['status']).toBe('Error');
    expect(typeof answer.body['message']).toBe('string');
  });
});

describe('call commands', () => {
  it('404 for an unknown connectionId', async () => {
    const answer = await command(sim, { type: 'Accept', connectionId: '0123456789abcdef' });
    expect(answer.status).toBe(404);
    expect(answer.body['message']).toContain('0123456789abcdef');
  });

  it("404 for another agent's call", async () => {
    const { connectionId } = (await scenario(sim, 'ring', { agent: 'owner' })).body as { connectionId: string };
    expect((await command(sim, { type: 'Accept', connectionId, agentId: 'intruder' })).status).toBe(404);
    expect((await command(sim, { type: 'Accept', connectionId, agentId: 'owner' })).status).toBe(200);
  });

  it('409 for a command that does not fit the call state', async () => {
    const { connectionId } = (await scenario(sim, 'ring', { agent: 'state-agent' })).body as { connectionId: string };
    const as = { agentId: 'state-agent', connectionId };
    expect((await command(sim, { type: 'Hold', ...as })).status).toBe(409);
    expect((await command(sim, { type: 'Hangup', ...as })).status).toBe(409);
    expect((await command(sim, { type: 'Accept', ...as })).status).toBe(200);
    const again = await command(sim, { type: 'Accept', ...as });
    expect(again.status).toBe(409);
    expect(again.body['message']).toMatch(/established/);
    expect((await command(sim, { type: 'Retrieve', ...as })).status).toBe(409);
    expect((await command(sim, { type: 'Reject', ...as })).status).toBe(409);
    expect((await command(sim, { type: 'Hangup', ...as })).status).toBe(200);
    expect((await command(sim, { type: 'Hangup', ...as })).status).toBe(409);
  });

  it('409 when ringing a connectionId that is still active', async () => {
    await scenario(sim, 'ring', { agent: 'dup', connectionId: 'aaaaaaaaaaaaaaaa' });
    expect((await scenario(sim, 'ring', { agent: 'dup', connectionId: 'aaaaaaaaaaaaaaaa' })).status).toBe(409);
  });
});

describe('limits and routing', () => {
  it('413 for a body over 64 KB', async () => {
    const answer = await command(sim, { type: 'initialize', padding: 'x'.repeat(70_000) });
    expect(answer.status).toBe(413);
    expect(answer.body['status']).toBe('Error');
  });

  it('405 for a GET on the command endpoint, 404 for unknown paths and scenarios', async () => {
    expect((await fetch(sim.restUrl)).status).toBe(405);
    expect((await fetch(`${sim.url}/nowhere`)).status).toBe(404);
    expect((await scenario(sim, 'teleport')).status).toBe(404);
  });

  it('400 for bad scenario parameters', async () => {
    expect((await scenario(sim, 'config', { dialDelayMs: -1 })).status).toBe(400);
    expect((await scenario(sim, 'config', { busyNumbers: 'x' })).status).toBe(400);
    expect((await scenario(sim, 'failNext', { status: 99 })).status).toBe(400);
    expect((await scenario(sim, 'failNext', { command: 'fly' })).status).toBe(400);
    expect((await postJson(`${sim.url}/sim/ring`, 'nope')).status).toBe(400);
  });
});

describe('CORS', () => {
  const preflight = (origin: string): Promise<Response> =>
    fetch(sim.restUrl, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });

  it.each(['http://localhost:5173', 'http://127.0.0.1:4173', 'https://[::1]:8443', 'http://localhost'])('allows loopback origin %s', async (origin) => {
    const answer = await preflight(origin);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it.each(['https://evil.example', 'http://localhost.evil.example', 'null'])('denies %s: 403 and no CORS headers', async (origin) => {
    const answer = await preflight(origin);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes the allowed origin on real answers (errors included) and not for others', async () => {
    const good = await command(sim, { type: 'initialize', agentId: 'cors' });
    expect(good.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await postJson(sim.restUrl, { type: 'nope' }, { Origin: 'http://localhost:5173' });
    expect(allowed.status).toBe(400);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const denied = await postJson(sim.restUrl, { type: 'initialize' }, { Origin: 'https://evil.example' });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a simple (unpreflighted) request from a foreign page before acting on it', async () => {
    const before = sim.state().calls.length;
    const ring = await fetch(`${sim.url}/sim/ring`, { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: '{}' });
    expect(ring.status).toBe(403);
    const logout = await fetch(sim.restUrl, { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: '{"type":"Logout"}' });
    expect(logout.status).toBe(403);
    expect(sim.state().calls.length).toBe(before);
  });

  it('uses a configured list instead of loopback when given', async () => {
    const custom = await startGenesysSimulator({ port: 0, log: () => undefined, allowedOrigins: ['https://fusion.example.com'] });
    try {
      const opts = (origin: string): Promise<Response> => fetch(custom.restUrl, { method: 'OPTIONS', headers: { Origin: origin } });
      expect((await opts('https://fusion.example.com')).status).toBe(204);
      expect((await opts('http://localhost:5173')).status).toBe(403);
    } finally {
      await custom.close();
    }
  });

  it('refuses a WebSocket from a foreign origin and accepts one from loopback', async () => {
    expect(await upgradeRefusal(sim.wsUrl, 'https://evil.example')).toBe(403);
    const good = new WebSocket(`${sim.wsUrl}?agent=origin-ok`, { origin: 'http://localhost:5173' });
    await new Promise((resolve, reject) => good.once('open', resolve).once('error', reject));
    good.terminate();
  });
});

describe('robustness', () => {
  it('survives raw garbage on the TCP port and a WebSocket on a wrong path', async () => {
    const socket = connect(sim.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.end('\x00\x01GARBAGE\r\n\r\n');
    await new Promise((resolve) => socket.once('close', resolve));
    expect(await upgradeRefusal(sim.wsUrl.replace('/genesysWs', '/other'))).toBe(404);
    expect((await command(sim, { type: 'initialize', agentId: 'still-alive' })).status).toBe(200);
  });

  it('ignores junk a client sends on its socket, and tolerates token/email query params', async () => {
    const client = new WebSocket(`${sim.wsUrl}?token=t&email=a@b.c`);
    await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
    client.send('not json');
    client.send(JSON.stringify({ type: 'login', username: 'u', region: 'r' }));
    client.send(Buffer.from([1, 2, 3]));
    const agent = await connectAgent(sim, 'after-junk');
    expect((await command(sim, { type: 'initialize', agentId: 'after-junk' })).status).toBe(200);
    await agent.next('EventRegistered');
    client.terminate();
    await agent.close();
  });
});
