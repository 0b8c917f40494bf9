// @vitest-environment node
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { scenario } from '../sim-genesys/client';
import { startHarness, type Harness } from './harness';

let sim: SimulatorHandle;
const open: Harness[] = [];
let count = 0;

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined });
});
afterEach(() => {
  for (const harness of open.splice(0)) harness.stop();
});
afterAll(() => sim.close());

async function toolbar(overrides: { genesysRest?: string } = {}): Promise<{ h: Harness; agent: string }> {
  count += 1;
  const agent = `rest-${count}`;
  const h = startHarness({
    config: { genesysWs: sim.wsUrl, genesysRest: overrides.genesysRest ?? sim.restUrl, agentId: agent },
    deps: { commandTimeoutMs: 400 },
  });
  open.push(h);
  await h.next('genesys.connected');
  return { h, agent };
}

/** A loopback port with nothing listening: bind, note the port, release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('when a command POST fails', () => {
  it('HTTP 500 → REST_HTTP_500 with the server message', async () => {
    const { h, agent } = await toolbar();
    await scenario(sim, 'failNext', { agent, command: 'accept', status: 500, message: 'T-Server said no' });
    h.send({ type: 'genesys.cmd.accept', connectionId: 'abcabcabcabcabca', eventId: 'ev-1' });
    const failed = await h.next('genesys.commandFailed');
    expect(failed).toMatchObject({ command: 'accept', code: 'REST_HTTP_500', connectionId: 'abcabcabcabcabca', eventId: 'ev-1' });
    expect(failed.message).toContain('T-Server said no');
    expect(failed.message).toContain('HTTP 500');
  });

  it('an unknown call → REST_HTTP_404 with the simulator reason', async () => {
    const { h } = await toolbar();
    h.send({ type: 'genesys.cmd.accept', connectionId: 'ffffffffffffffff', eventId: 'ev-2' });
    const failed = await h.next('genesys.commandFailed');
    expect(failed.code).toBe('REST_HTTP_404');
    expect(failed.message).toContain('no call ffffffffffffffff');
  });

  it('HTTP 200 with status other than Success → REST_STATUS', async () => {
    const { h, agent } = await toolbar();
    await scenario(sim, 'failNext', { agent, command: 'ready', status: 200, message: 'agent not logged in' });
    h.send({ type: 'genesys.cmd.ready' });
    const failed = await h.next('genesys.commandFailed');
    expect(failed).toMatchObject({ command: 'ready', code: 'REST_STATUS' });
    expect(failed.message).toContain('agent not logged in');
    expect(failed).not.toHaveProperty('connectionId');
  });

  it('no answer within the timeout → REST_TIMEOUT', async () => {
    const { h, agent } = await toolbar();
    await scenario(sim, 'failNext', { agent, command: 'makeCall', noAnswer: true });
    const started = Date.now();
    h.send({ type: 'genesys.cmd.makeCall', number: '+15551234567', eventId: 'ev-3' });
    const failed = await h.next('genesys.commandFailed');
    expect(failed).toMatchObject({ command: 'makeCall', code: 'REST_TIMEOUT', eventId: 'ev-3' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('a slow answer inside the timeout still succeeds', async () => {
    const { h, agent } = await toolbar();
    await scenario(sim, 'failNext', { agent, command: 'notReady', delayMs: 80 });
    h.send({ type: 'genesys.cmd.notReady', reason: 'Break' });
    await h.next('genesys.agentNotReady');
    await h.expectNone('genesys.commandFailed', 30);
  });

  it('nothing listening → REST_NETWORK', async () => {
    const port = await closedPort();
    const { h } = await toolbar({ genesysRest: `http://127.0.0.1:${port}/genesys/events` });
    h.send({ type: 'genesys.cmd.hangup', connectionId: '1111111111111111', eventId: 'ev-4' });
    const failed = await h.next('genesys.commandFailed');
    expect(failed).toMatchObject({ command: 'hangup', code: 'REST_NETWORK', connectionId: '1111111111111111' });
    expect(failed.message).toMatch(/Could not reach/);
  });

  it('never retries a failed POST', async () => {
    const { h, agent } = await toolbar();
    await scenario(sim, 'failNext', { agent, command: 'logout', status: 503 });
    h.send({ type: 'genesys.cmd.logout' });
    await h.next('genesys.commandFailed');
    await h.expectNone('genesys.agentLogout', 100);
    expect(sim.state().agents.find((item) => item.id === agent)?.status).toBe('loggedOut');
  });
});
