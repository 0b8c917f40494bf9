/**
 * More than one instance (docs/topology.md): two bridge processes (the CLI, one session key)
 * behind a sticky proxy, in front of the GWS simulator. The instance holding an agent on a call
 * dies (SIGKILL, or SIGTERM); the toolbar reconnects through the proxy with the same token, the
 * other instance takes the GWS session over, and the call is in the snapshot with its eventId.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { command, http, signIn, ticket, ToolbarSocket } from './support/client';
import { instance as spawnInstance, type Instance } from './support/bridge-process';
import { stickyProxy, type StickyProxy } from './support/sticky-proxy';

const AGENT = { username: 'KateLondon', password: 'KateLondon' };
const KEY = `k1:${randomBytes(32).toString('base64')}`;
const FRAME_MS = 5_000;

const children = new Set<ChildProcess>();
const instance = (name: string, sim: GwsSimulator): Promise<Instance> => spawnInstance(name, sim.url, KEY, children);
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const close of closers.splice(0).reverse()) await close();
});

/** The toolbar's start and its reconnect: a ticket with the token, the socket, register; then a snapshot. */
async function registered(base: string, token: string): Promise<ToolbarSocket> {
  const socket = await ToolbarSocket.open(base, await ticket(base, token));
  expect((await command(base, token, { type: 'initialize' })).status).toBe(200);
  await socket.next('EventRegistered', () => true, FRAME_MS);
  return socket;
}

async function snapshot(base: string, token: string, socket: ToolbarSocket): Promise<{ connectionId: string; eventId: string; state: string }[]> {
  const after = socket.frames.length;
  expect((await command(base, token, { type: 'snapshot' })).status).toBe(200);
  const frame = await socket.next('EventSnapshot', (candidate) => socket.frames.indexOf(candidate) >= after, FRAME_MS);
  return frame['calls'] as { connectionId: string; eventId: string; state: string }[];
}

describe('when the instance holding an agent on a call dies', () => {
  let sim: GwsSimulator;
  let proxy: StickyProxy;
  let instances: Record<string, Instance>;

  async function agentOnACall(): Promise<{ token: string; socket: ToolbarSocket; connectionId: string; eventId: string; holder: Instance }> {
    sim = await startGwsSimulator({ port: 0, mode: 'gws', log: () => undefined });
    closers.push(() => sim.close());
    const [b1, b2] = await Promise.all([instance('b1', sim), instance('b2', sim)]);
    instances = { b1, b2 };
    proxy = await stickyProxy({ b1: b1.url, b2: b2.url });
    closers.push(() => proxy.close());
    const { token } = await signIn(proxy.url, AGENT.username, AGENT.password);
    const socket = await registered(proxy.url, token);
    const callId = sim.ring(AGENT.username, { ani: '+15550001' });
    const ringing = await socket.next('EventRinging', (f) => f['connectionId'] === callId, FRAME_MS);
    expect((await command(proxy.url, token, { type: 'Accept', connectionId: callId, eventId: ringing['eventId'] })).status).toBe(200);
    await socket.next('EventEstablished', (f) => f['connectionId'] === callId, FRAME_MS);
    const holder = instances[token.slice(0, token.indexOf('.'))];
    if (holder === undefined) throw new Error('the token names no instance');
    return { token, socket, connectionId: callId, eventId: String(ringing['eventId']), holder };
  }

  async function takenOver(on: { token: string; connectionId: string; eventId: string; holder: Instance }): Promise<void> {
    // The toolbar's reconnect: the same token (no sign-in), a new ticket, the socket, register, snapshot.
    const before = proxy.served.length;
    const socket = await registered(proxy.url, on.token);
    const other = Object.values(instances).find((candidate) => candidate !== on.holder)!;
    expect(proxy.served.slice(before).every((line) => line.startsWith(`${other.name} `))).toBe(true);
    expect(await snapshot(proxy.url, on.token, socket)).toEqual([expect.objectContaining({ connectionId: on.connectionId, eventId: on.eventId, state: 'Established' })]);
    // The call is live on the new instance: a hang-up goes to GWS and its release comes back with the same eventId.
    expect((await command(proxy.url, on.token, { type: 'Hangup', connectionId: on.connectionId, eventId: on.eventId })).status).toBe(200);
    expect((await socket.next('EventReleased', (f) => f['connectionId'] === on.connectionId, FRAME_MS))['eventId']).toBe(on.eventId);
    socket.close();
  }

  test('SIGKILL: the toolbar reconnects through the proxy to the other instance, same token, the call in the snapshot with its eventId', async () => {
    const on = await agentOnACall();
    on.holder.child.kill('SIGKILL');
    await on.holder.exited;
    await on.socket.whenClosed(FRAME_MS);
    await takenOver(on);
  }, 60_000);

  test('SIGTERM: the socket is told to reconnect (1012), the GWS session is kept, and the other instance takes it over', async () => {
    const on = await agentOnACall();
    on.holder.child.kill('SIGTERM');
    expect((await on.socket.whenClosed(FRAME_MS)).code).toBe(1012);
    await on.holder.exited;
    await takenOver(on);
  }, 60_000);

  test('a forged or altered token is refused by every instance; the routing tag only routes; a signed-out token is taken over nowhere', async () => {
    sim = await startGwsSimulator({ port: 0, mode: 'gws', log: () => undefined });
    closers.push(() => sim.close());
    const [b1, b2] = await Promise.all([instance('b1', sim), instance('b2', sim)]);
    const { token } = await signIn(b1.url, AGENT.username, AGENT.password);
    const blob = token.slice(token.indexOf('.') + 1);
    const flipped = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.slice(-1)}`;
    for (const bridge of [b1, b2]) expect((await http(bridge.url, '/genesys/ticket', { token: flipped })).status).toBe(401);
    expect((await http(b2.url, '/genesys/ticket', { token: `b9.${blob}` })).status).toBe(200);
    expect((await http(b1.url, '/genesys/session', { method: 'DELETE', token })).status).toBe(200);
    expect((await http(b1.url, '/genesys/ticket', { token })).status).toBe(401);
    // b2's copy learns it from GWS (the logout disconnects every CometD session of the agent), within moments.
    await vi.waitFor(async () => expect((await http(b2.url, '/genesys/ticket', { token })).status).toBe(401), { timeout: 3_000, interval: 50 });
  }, 30_000);
});
