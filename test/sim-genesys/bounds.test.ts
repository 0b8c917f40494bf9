// @vitest-environment node
/** The simulator bounds what a client can make it hold (issue 10, item 9). */
import { request } from 'node:http';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { scenario } from './client';

let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined, maxCallsPerAgent: 3, headersTimeoutMs: 300, requestTimeoutMs: 600 });
});
afterAll(() => sim.close());

/** GET with a chosen Host header, as a DNS-rebound page would send it. */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sim.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host names', () => {
  it.each(['localhost', `localhost:${0}`, '127.0.0.1', '127.0.0.1:8087', '[::1]:8087', 'sim.localhost'])('serves %s', async (host) => {
    expect(await getWithHost('/sim/state', host)).toBe(200);
  });

  it.each(['attacker.example', 'attacker.example:8087', '127.0.0.1.attacker.example', 'localhost.attacker.example'])('refuses %s with 421', async (host) => {
    expect(await getWithHost('/sim/state', host)).toBe(421);
  });

  it('refuses a WebSocket upgrade for a foreign Host', async () => {
    const socket = new WebSocket(sim.wsUrl, { headers: { host: 'attacker.example' } });
    socket.on('error', () => undefined);
    const status = await new Promise<number>((resolve) => socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    socket.terminate();
    expect(status).toBe(421);
  });

  it('accepts configured names, or any with *', async () => {
    const open = await startGenesysSimulator({ port: 0, log: () => undefined, allowedHosts: ['toolbar.test'] });
    try {
      const req = (host: string) =>
        new Promise<number>((resolve) => request({ host: '127.0.0.1', port: open.port, path: '/', headers: { host } }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).end());
      expect(await req('toolbar.test:1')).toBe(200);
      expect(await req('other.test')).toBe(421);
    } finally {
      await open.close();
    }
  });
});

describe('calls per agent', () => {
  it('past the limit a ring is refused with 429 and the calls map does not grow', async () => {
    await scenario(sim, 'reset');
    for (let i = 0; i < 3; i += 1) expect((await scenario(sim, 'ring', { agent: 'capped' })).status).toBe(200);
    const refused = await scenario(sim, 'ring', { agent: 'capped' });
    expect(refused.status).toBe(429);
    expect(sim.state().calls.filter((call) => call.agent === 'capped')).toHaveLength(3);
    // Another agent is not affected.
    expect((await scenario(sim, 'ring', { agent: 'other' })).status).toBe(200);
  });
});

describe('slow clients', () => {
  it('a request whose headers never finish is cut off', async () => {
    const socket = connect(sim.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /genesys/events HTTP/1.1\r\nHost: localhost\r\n');
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a body that trickles past the request timeout is cut off', async () => {
    const socket = connect(sim.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /genesys/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const drip = setInterval(() => socket.write(' '), 100);
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    clearInterval(drip);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
