// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from '../../src/adapters/genesys';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { scenario } from '../sim-genesys/client';
import { startHarness, type Harness } from './harness';

let sim: SimulatorHandle;
const open: Harness[] = [];

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined, dialDelayMs: 0 });
});
afterEach(() => {
  for (const harness of open.splice(0)) harness.stop();
});
afterAll(() => sim.close());

/** Registers itself on every connect, like the toolbar machine. */
function toolbar(agent: string): Harness {
  const h = startHarness({ config: { genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: agent }, autoRegister: true });
  open.push(h);
  return h;
}

describe('when the socket drops mid-call', () => {
  it('reconnects, re-registers and receives the events queued while away, in order', async () => {
    const h = toolbar('drop-1');
    await h.next('genesys.registered');
    await h.next('genesys.agentReady');
    const { connectionId, eventId } = (await scenario(sim, 'ring', { agent: 'drop-1' })).body as { connectionId: string; eventId: string };
    await h.next('genesys.ringing');
    h.send({ type: 'genesys.cmd.accept', connectionId, eventId });
    await h.next('genesys.established');

    // Keep the server down until the test has staged its events, so they must be queued.
    await scenario(sim, 'restart', { downMs: 60_000 });
    const down = await h.next('genesys.disconnected');
    expect(down.attempt).toBe(1);
    expect(down.retryInMs).toBeGreaterThanOrEqual(10);
    expect(down.reason).toMatch(/closed/);
    await scenario(sim, 'callerHangup', { connectionId });
    await scenario(sim, 'ring', { agent: 'drop-1', connectionId: 'feedfacecafe0001', ani: '+15550001111' });
    await scenario(sim, 'restart', { downMs: 0 }); // back up now

    await h.next('genesys.connected', undefined, 5000);
    await h.next('genesys.registered');
    expect(await h.next('genesys.released')).toMatchObject({ connectionId, callState: 'RemoteRelease' });
    expect(await h.next('genesys.ringing')).toMatchObject({ connectionId: 'feedfacecafe0001', ani: '+15550001111' });
    await h.next('genesys.agentReady');
    const types = h.events.map((event) => event.type);
    const afterReconnect = types.slice(types.lastIndexOf('genesys.connected'));
    expect(afterReconnect).toEqual(['genesys.connected', 'genesys.registered', 'genesys.released', 'genesys.ringing', 'genesys.agentReady']);
  });

  it('an abrupt drop (no close frame) is noticed and recovered', async () => {
    const h = toolbar('drop-2');
    await h.next('genesys.registered');
    const dropped = await scenario(sim, 'dropSocket', { agent: 'drop-2' });
    expect(dropped.body['dropped']).toBe(1);
    await h.next('genesys.disconnected');
    await h.next('genesys.connected');
    await h.next('genesys.registered');
    const rung = (await scenario(sim, 'ring', { agent: 'drop-2' })).body as { connectionId: string };
    expect(await h.next('genesys.ringing')).toMatchObject({ connectionId: rung.connectionId });
  });

  it('commands sent while disconnected fail at once with OFFLINE', async () => {
    const h = toolbar('drop-3');
    await h.next('genesys.registered');
    await scenario(sim, 'restart', { downMs: 300 });
    await h.next('genesys.disconnected');
    h.send({ type: 'genesys.cmd.accept', connectionId: '0000000000000001', eventId: 'e1' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({
      command: 'accept',
      code: 'OFFLINE',
      connectionId: '0000000000000001',
      eventId: 'e1',
    });
    await h.next('genesys.registered', undefined, 5000);
  });

  it('a link that drops every few hundred ms after register is registered again within 1 s each time', async () => {
    // Production backoff: the reset after a successful register is what keeps each gap short.
    const h = startHarness({
      config: { genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: 'flap-1' },
      deps: { backoff: DEFAULT_BACKOFF },
      autoRegister: true,
    });
    open.push(h);
    await h.next('genesys.registered');
    const gaps: number[] = [];
    for (let flap = 0; flap < 4; flap += 1) {
      await scenario(sim, 'dropSocket', { agent: 'flap-1' });
      const down = await h.next('genesys.disconnected');
      const droppedAt = Date.now();
      expect(down.attempt).toBe(1);
      await h.next('genesys.registered', undefined, 2000);
      gaps.push(Date.now() - droppedAt);
    }
    expect(Math.max(...gaps)).toBeLessThan(1000);
  });

  it('stopping the actor closes its socket', async () => {
    const h = toolbar('drop-4');
    await h.next('genesys.registered');
    expect(sim.state().agents.find((agent) => agent.id === 'drop-4')?.connected).toBe(true);
    h.stop();
    await expect.poll(() => sim.state().agents.find((agent) => agent.id === 'drop-4')?.connected).toBe(false);
  });
});
