/**
 * GWS access tokens refreshed before they expire (refresh_token grant, a named delay in the session
 * machine); a refused refresh ends the bridge session (401), and the agent's call is still at GWS
 * for the next sign-in. Against the GWS simulator with 1 s access tokens.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startBridge, type BridgeHandle } from '../../src/bridge';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { command, connect, http } from './support/client';

const AGENT = { username: 'KateLondon', password: 'KateLondon' };
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.close();
});

describe('when the GWS access token is about to expire', () => {
  test('it is refreshed (the session stays online past two lifetimes); a refused refresh → 401 SESSION_INVALID, the call kept at GWS', async () => {
    const fired: string[] = [];
    const sim: GwsSimulator = await startGwsSimulator({ port: 0, mode: 'gws', tokenTtlSec: 1, log: (_level, message) => void (message === 'failNext fired' && fired.push(message)) });
    running.push(sim);
    const bridge: BridgeHandle = await startBridge({ gws: sim.url, gwsLogin: 'password', port: 0, timings: { retryMs: [50] }, log: () => undefined });
    running.push(bridge);
    const { session, socket } = await connect(bridge.url, AGENT.username, AGENT.password);
    expect((await command(bridge.url, session.token, { type: 'initialize' })).status).toBe(200);
    await socket.next('EventRegistered');
    const callId = sim.ring(AGENT.username, { ani: '+15550001' });
    await socket.next('EventRinging', (f) => f['connectionId'] === callId);

    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect((await http(bridge.url, '/genesys/ticket', { token: session.token })).status).toBe(200);

    sim.failNext({ path: '/oauth/token', status: 401, body: '{"error":"invalid_grant"}' });
    await vi.waitFor(async () => expect((await http(bridge.url, '/genesys/ticket', { token: session.token })).status).toBe(401), { timeout: 3_000, interval: 100 });
    expect(fired).toHaveLength(1);

    const again = await connect(bridge.url, AGENT.username, AGENT.password);
    expect((await command(bridge.url, again.session.token, { type: 'snapshot' })).status).toBe(200);
    const snapshot = await again.socket.next('EventSnapshot');
    expect(snapshot['calls']).toEqual([expect.objectContaining({ connectionId: callId, state: 'Ringing' })]);
    socket.close();
    again.socket.close();
  }, 20_000);
});
