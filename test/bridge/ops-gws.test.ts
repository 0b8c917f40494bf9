/** Operations against the real bridge in front of the GWS simulator: readiness and the GWS-side metrics. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startBridge } from '../../src/bridge';
import { startGwsSimulator } from '../../src/sim/gws';
import { command, connect, http } from './support/client';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.close();
});

const metric = (text: string, prefix: string): number => text.split('\n').filter((line) => line.startsWith(prefix)).reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);

describe('when the bridge runs in front of GWS', () => {
  test('/readyz is 200 while GWS answers and 503 GWS_UNREACHABLE within the deadline when nothing listens', async () => {
    const sim = await startGwsSimulator({ port: 0, log: () => undefined });
    running.push(sim);
    const bridge = await startBridge({ gws: sim.url, gwsLogin: 'password', port: 0, log: () => undefined });
    running.push(bridge);
    const ready = await http(bridge.url, '/readyz', { method: 'GET' });
    expect([ready.status, ready.body['gws'], ready.body['sessionsOnline']]).toEqual([200, 'reachable', 0]);
    const gone = await startGwsSimulator({ port: 0, log: () => undefined });
    await gone.close();
    const orphan = await startBridge({ gws: gone.url, gwsLogin: 'password', port: 0, gwsTimeoutMs: 300, log: () => undefined });
    running.push(orphan);
    const asked = Date.now();
    const down = await http(orphan.url, '/readyz', { method: 'GET' });
    expect([down.status, down.body['code']]).toEqual([503, 'GWS_UNREACHABLE']);
    expect(Date.now() - asked).toBeLessThan(2_000);
  });

  test('notifications by type, the notification → frame latency, GWS errors and recoveries are counted', async () => {
    const sim = await startGwsSimulator({ port: 0, dialAnswerMs: Infinity, log: () => undefined });
    running.push(sim);
    const bridge = await startBridge({ gws: sim.url, gwsLogin: 'password', port: 0, timings: { retryMs: [50, 100] }, log: () => undefined });
    running.push(bridge);
    const { session, socket } = await connect(bridge.url, 'KateLondon', 'KateLondon');
    expect((await command(bridge.url, session.token, { type: 'initialize' })).status).toBe(200);
    await socket.next('EventRegistered', () => true, 5_000);
    const id = sim.ring('KateLondon', { ani: '+15550001' });
    await socket.next('EventRinging', () => true, 5_000);
    sim.failNext({ path: '/voice/calls/*/answer', status: 500, body: 'boom' });
    expect((await command(bridge.url, session.token, { type: 'Accept', connectionId: id })).status).toBe(200);
    sim.dropCometdSessions('KateLondon');
    await vi.waitFor(async () => {
      const text = await bridge.metrics.registry.metrics();
      expect(metric(text, 'bridge_gws_errors_total{code="GWS_HTTP_500"}')).toBe(1);
      expect(metric(text, 'bridge_recoveries_total')).toBeGreaterThanOrEqual(1);
    }, { timeout: 5_000, interval: 50 });
    const text = (await http(bridge.url, '/metrics', { method: 'GET' })).text;
    expect(metric(text, 'bridge_notifications_total{type="CallStateChanged"}')).toBeGreaterThanOrEqual(1);
    expect(metric(text, 'bridge_notification_to_frame_seconds_count')).toBeGreaterThanOrEqual(metric(text, 'bridge_notifications_total{type="CallStateChanged"}'));
    expect(metric(text, 'bridge_commands_total{type="accept",outcome="accepted"}')).toBe(1);
  });
});
