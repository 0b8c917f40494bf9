// @vitest-environment node
/**
 * The adapter against a tiny ws server that closes like the bridge does when another toolbar of
 * the agent opens a socket (4004; main's bridge has only 4000, per session) or restarts (1012).
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startHarness, type Harness } from './harness';

const servers: WebSocketServer[] = [];
const open: Harness[] = [];

afterEach(async () => {
  for (const harness of open.splice(0)) harness.stop();
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** A server that closes its first socket with `code` once it is open, and keeps later ones. */
async function bridge(code: number, reason: string) {
  const sockets: WebSocket[] = [];
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  server.on('connection', (socket) => {
    sockets.push(socket);
    if (sockets.length === 1) setTimeout(() => socket.close(code, reason), 20);
  });
  await new Promise((done) => server.once('listening', done));
  const { port } = server.address() as AddressInfo;
  const h = startHarness({ config: { genesysWs: `ws://127.0.0.1:${port}/genesysWs`, genesysRest: `http://127.0.0.1:${port}/genesys/events` } });
  open.push(h);
  return { h, sockets };
}

describe('when another toolbar of the agent takes the socket (close 4004)', () => {
  it('says genesys.replaced once, does not reconnect, and Use here opens a new socket', async () => {
    const { h, sockets } = await bridge(4004, 'another session of the agent took over');
    await h.next('genesys.connected');
    expect(await h.next('genesys.replaced')).toEqual({ type: 'genesys.replaced', code: 4004, reason: 'another session of the agent took over' });
    // The harness' backoff is 20–200 ms: a retry would have come by now.
    await h.expectNone('genesys.disconnected', 600);
    expect(sockets).toHaveLength(1);
    expect(h.logs.map((entry) => entry.code)).toContain('WS_REPLACED');

    h.send({ type: 'genesys.cmd.register' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'register', code: 'OFFLINE' });

    h.send({ type: 'genesys.cmd.reconnect' });
    await h.next('genesys.connected');
    expect(sockets).toHaveLength(2);
    await h.expectNone('genesys.replaced', 200);
  });
});

describe('when the bridge restarts (close 1012)', () => {
  it('reconnects on its own, without genesys.replaced', async () => {
    const { h, sockets } = await bridge(1012, 'bridge restarting');
    await h.next('genesys.connected');
    expect((await h.next('genesys.disconnected')).reason).toMatch(/1012/);
    await h.next('genesys.connected');
    expect(sockets).toHaveLength(2);
    expect(h.events.some((event) => event.type === 'genesys.replaced')).toBe(false);
  });
});
