// @vitest-environment node
/** [INFER] snapshot extension: the real adapter against the simulator on loopback. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { scenario } from '../sim-genesys/client';
import { startHarness, type Harness } from './harness';

let sim: SimulatorHandle;
const open: Harness[] = [];

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined, dialDelayMs: 0 });
});
afterEach(async () => {
  for (const harness of open.splice(0)) harness.stop();
  await scenario(sim, 'config', { snapshot: 'on' });
});
afterAll(() => sim.close());

function toolbar(agent: string): Harness {
  const h = startHarness({
    config: { genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: agent },
    deps: { snapshotTimeoutMs: 300 },
    autoRegister: true,
  });
  open.push(h);
  return h;
}

describe('snapshot', () => {
  it('answers with the agent state and every live call, validated', async () => {
    const h = toolbar('snap-1');
    await h.next('genesys.registered');
    const one = (await scenario(sim, 'ring', { agent: 'snap-1', ani: '+15550001111', queue: 'Billing' })).body as { connectionId: string; eventId: string };
    const two = (await scenario(sim, 'ring', { agent: 'snap-1' })).body as { connectionId: string };
    await scenario(sim, 'softphoneAnswer', { connectionId: two.connectionId });
    await scenario(sim, 'ring', { agent: 'someone-else' });
    h.send({ type: 'genesys.cmd.hold', connectionId: two.connectionId, eventId: 'x' });
    await h.next('genesys.held');
    h.send({ type: 'genesys.cmd.snapshot' });
    const snapshot = await h.next('genesys.snapshot');
    expect(snapshot).toEqual({
      type: 'genesys.snapshot',
      agentState: 'Ready',
      calls: [
        { connectionId: one.connectionId, state: 'Ringing', direction: 'inbound', ani: '+15550001111', eventId: one.eventId, queue: 'Billing' },
        expect.objectContaining({ connectionId: two.connectionId, state: 'Held' }),
      ],
    });
    await h.expectNone('genesys.commandFailed', 400);
  });

  it('a service that refuses it (400) or never sends the frame fails the command', async () => {
    const h = toolbar('snap-2');
    await h.next('genesys.registered');
    await scenario(sim, 'config', { snapshot: 'refuse' });
    h.send({ type: 'genesys.cmd.snapshot' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'snapshot', code: 'REST_HTTP_400' });
    await scenario(sim, 'config', { snapshot: 'silent' });
    h.send({ type: 'genesys.cmd.snapshot' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'snapshot', code: 'SNAPSHOT_TIMEOUT' });
  });

  it('a restart that loses state: the snapshot is empty and a hang-up gets 404', async () => {
    const h = toolbar('snap-3');
    await h.next('genesys.registered');
    const call = (await scenario(sim, 'ring', { agent: 'snap-3' })).body as { connectionId: string };
    await scenario(sim, 'softphoneAnswer', { connectionId: call.connectionId });
    await h.next('genesys.established');
    await scenario(sim, 'restart', { downMs: 100, dropState: true });
    await h.next('genesys.registered', undefined, 3000);
    h.send({ type: 'genesys.cmd.snapshot' });
    expect(await h.next('genesys.snapshot')).toMatchObject({ calls: [] });
    h.send({ type: 'genesys.cmd.hangup', connectionId: call.connectionId, eventId: 'e' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'hangup', code: 'REST_HTTP_404' });
  });

  it('a malformed EventSnapshot is a protocol error, never a resync', async () => {
    const h = toolbar('snap-4');
    await h.next('genesys.registered');
    await scenario(sim, 'event', { agent: 'snap-4', frame: { eventName: 'EventSnapshot', agentState: 'Ready', calls: [{ state: 'Ringing', direction: 'inbound' }] } });
    expect(await h.next('genesys.protocolError')).toMatchObject({ code: 'FRAME_INVALID' });
    await scenario(sim, 'event', { agent: 'snap-4', frame: { eventName: 'EventSnapshot', agentState: 'Busy', calls: [] } });
    expect(await h.next('genesys.protocolError')).toMatchObject({ code: 'FRAME_INVALID' });
  });
});
