// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { scenario } from '../sim-genesys/client';
import { startHarness, type Harness } from './harness';

let sim: SimulatorHandle;
const open: Harness[] = [];
let agentCount = 0;

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined, dialDelayMs: 30 });
});
afterEach(() => {
  for (const harness of open.splice(0)) harness.stop();
});
afterAll(() => sim.close());

/** A registered toolbar for a fresh agent, like the machine after start-up. */
async function registeredToolbar(): Promise<{ h: Harness; agent: string }> {
  agentCount += 1;
  const agent = `calls-${agentCount}`;
  const h = startHarness({ config: { genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: agent, dn: `70${agentCount}` } });
  open.push(h);
  await h.next('genesys.connected');
  h.send({ type: 'genesys.cmd.register' });
  await h.next('genesys.registered');
  await h.next('genesys.agentReady');
  return { h, agent };
}

describe('when the toolbar connects', () => {
  it('reports connected and registers on request', async () => {
    const { h, agent } = await registeredToolbar();
    const state = sim.state();
    expect(state.agents.find((item) => item.id === agent)).toMatchObject({ registered: true, connected: true, status: 'ready' });
    // The 2xx confirmation of register races the frames it caused; only the frames' order is fixed.
    expect(h.events.map((event) => event.type).filter((type) => type !== 'genesys.commandAccepted')).toEqual(['genesys.connected', 'genesys.registered', 'genesys.agentReady']);
  });

  it('goes not ready with a reason, ready again, and logs out', async () => {
    const { h } = await registeredToolbar();
    h.send({ type: 'genesys.cmd.notReady', reason: 'Lunch' });
    expect(await h.next('genesys.agentNotReady')).toEqual({ type: 'genesys.agentNotReady', reason: 'Lunch' });
    h.send({ type: 'genesys.cmd.ready' });
    await h.next('genesys.agentReady');
    h.send({ type: 'genesys.cmd.logout' });
    await h.next('genesys.agentLogout');
  });
});

describe('when an inbound call rings', () => {
  it('accept → established → hangup → released Ok', async () => {
    const { h, agent } = await registeredToolbar();
    const rung = await scenario(sim, 'ring', { agent, ani: '+15557654321', queue: 'Support' });
    const { connectionId, eventId } = rung.body as { connectionId: string; eventId: string };
    expect(connectionId).toMatch(/^[0-9a-f]{16}$/);
    expect(await h.next('genesys.ringing')).toEqual({
      type: 'genesys.ringing',
      connectionId,
      eventId,
      ani: '+15557654321',
      queue: 'Support',
      callType: 'Inbound',
    });
    h.send({ type: 'genesys.cmd.accept', connectionId, eventId });
    expect(await h.next('genesys.established')).toEqual({
      type: 'genesys.established',
      connectionId,
      eventId,
      ani: '+15557654321',
      direction: 'inbound',
    });
    h.send({ type: 'genesys.cmd.hangup', connectionId, eventId });
    expect(await h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId, callState: 'Ok' });
    expect(h.events.some((event) => event.type === 'genesys.commandFailed')).toBe(false);
  });

  it('reject → released Ok', async () => {
    const { h, agent } = await registeredToolbar();
    const { connectionId, eventId } = (await scenario(sim, 'ring', { agent })).body as { connectionId: string; eventId: string };
    await h.next('genesys.ringing');
    h.send({ type: 'genesys.cmd.reject', connectionId, eventId });
    expect(await h.next('genesys.released')).toMatchObject({ connectionId, callState: 'Ok' });
  });

  it('caller abandons: abandoned then released Abandoned', async () => {
    const { h, agent } = await registeredToolbar();
    const { connectionId } = (await scenario(sim, 'ring', { agent })).body as { connectionId: string };
    await h.next('genesys.ringing');
    await scenario(sim, 'callerHangup', { connectionId });
    expect(await h.next('genesys.abandoned')).toEqual({ type: 'genesys.abandoned', connectionId });
    expect(await h.next('genesys.released')).toMatchObject({ connectionId, callState: 'Abandoned' });
  });

  it('softphone answer and far-end hang-up arrive without any REST call', async () => {
    const { h, agent } = await registeredToolbar();
    const { connectionId } = (await scenario(sim, 'ring', { agent })).body as { connectionId: string };
    await h.next('genesys.ringing');
    await scenario(sim, 'softphoneAnswer', { connectionId });
    expect(await h.next('genesys.established')).toMatchObject({ connectionId, direction: 'inbound' });
    await scenario(sim, 'callerHangup', { connectionId });
    expect(await h.next('genesys.released')).toMatchObject({ connectionId, callState: 'RemoteRelease' });
  });

  it('hold and retrieve', async () => {
    const { h, agent } = await registeredToolbar();
    const { connectionId, eventId } = (await scenario(sim, 'ring', { agent })).body as { connectionId: string; eventId: string };
    await h.next('genesys.ringing');
    h.send({ type: 'genesys.cmd.accept', connectionId, eventId });
    await h.next('genesys.established');
    h.send({ type: 'genesys.cmd.hold', connectionId, eventId });
    expect(await h.next('genesys.held')).toEqual({ type: 'genesys.held', connectionId });
    h.send({ type: 'genesys.cmd.retrieve', connectionId, eventId });
    expect(await h.next('genesys.retrieved')).toEqual({ type: 'genesys.retrieved', connectionId });
    h.send({ type: 'genesys.cmd.hold', connectionId, eventId });
    await h.next('genesys.held');
    h.send({ type: 'genesys.cmd.hangup', connectionId, eventId });
    await h.next('genesys.released');
  });
});

describe('when the agent dials out', () => {
  it('dialing (eventId echoed) then established outbound', async () => {
    const { h } = await registeredToolbar();
    h.send({ type: 'genesys.cmd.makeCall', number: '+15551112222', eventId: 'uuid-out-1' });
    const dialing = await h.next('genesys.dialing');
    expect(dialing).toMatchObject({ eventId: 'uuid-out-1', number: '+15551112222' });
    expect(dialing.connectionId).toMatch(/^[0-9a-f]{16}$/);
    expect(await h.next('genesys.established')).toEqual({
      type: 'genesys.established',
      connectionId: dialing.connectionId,
      eventId: 'uuid-out-1',
      ani: '+15551112222',
      direction: 'outbound',
    });
  });

  it('a busy number gives destinationBusy then released Busy', async () => {
    const { h } = await registeredToolbar();
    h.send({ type: 'genesys.cmd.makeCall', number: '+15550000486', eventId: 'uuid-busy' });
    const { connectionId } = await h.next('genesys.dialing');
    expect(await h.next('genesys.destinationBusy')).toEqual({ type: 'genesys.destinationBusy', connectionId });
    expect(await h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId, callState: 'Busy' });
    await h.expectNone('genesys.established', 60);
  });

  it('the agent can hang up while dialing', async () => {
    const { h } = await registeredToolbar();
    await scenario(sim, 'config', { dialDelayMs: 5000 });
    try {
      h.send({ type: 'genesys.cmd.makeCall', number: '+15553334444', eventId: 'uuid-cancel' });
      const { connectionId } = await h.next('genesys.dialing');
      h.send({ type: 'genesys.cmd.hangup', connectionId, eventId: 'uuid-cancel' });
      expect(await h.next('genesys.released')).toMatchObject({ connectionId, callState: 'Ok' });
    } finally {
      await scenario(sim, 'config', { dialDelayMs: 30 });
    }
  });
});
