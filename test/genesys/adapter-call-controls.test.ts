// @vitest-environment node
/** Transfer and keypad commands through the real adapter against the simulator, and their failures. */
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

/** A registered toolbar for a fresh agent with one established inbound call. */
async function onACall(): Promise<{ h: Harness; agent: string; connectionId: string; eventId: string }> {
  agentCount += 1;
  const agent = `controls-${agentCount}`;
  const h = startHarness({ config: { genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: agent } });
  open.push(h);
  await h.next('genesys.connected');
  h.send({ type: 'genesys.cmd.register' });
  await h.next('genesys.agentReady');
  const { connectionId, eventId } = (await scenario(sim, 'ring', { agent })).body as { connectionId: string; eventId: string };
  await h.next('genesys.ringing');
  h.send({ type: 'genesys.cmd.accept', connectionId, eventId });
  await h.next('genesys.established');
  return { h, agent, connectionId, eventId };
}

describe('blind transfer', () => {
  it('SingleStepTransfer → EventReleased CallState Transferred', async () => {
    const { h, connectionId, eventId } = await onACall();
    h.send({ type: 'genesys.cmd.singleStepTransfer', connectionId, eventId, destination: '+15550007777' });
    expect(await h.next('genesys.commandAccepted', (e) => e.command === 'singleStepTransfer')).toMatchObject({ connectionId, eventId });
    expect(await h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId, callState: 'Transferred' });
  });

  it('fails with the server word: a held call cannot be transferred (409), nothing is released', async () => {
    const { h, connectionId, eventId } = await onACall();
    h.send({ type: 'genesys.cmd.hold', connectionId, eventId });
    await h.next('genesys.held');
    h.send({ type: 'genesys.cmd.singleStepTransfer', connectionId, eventId, destination: '+15550007777' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'singleStepTransfer', connectionId, code: 'REST_HTTP_409' });
    await h.expectNone('genesys.released', 50);
  });

  it('a REST 500 and a POST that is never answered fail as such, with no event', async () => {
    const { h, agent, connectionId, eventId } = await onACall();
    await scenario(sim, 'failNext', { agent, command: 'SingleStepTransfer', status: 500, message: 'PBX says no' });
    h.send({ type: 'genesys.cmd.singleStepTransfer', connectionId, eventId, destination: '+15550007777' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'singleStepTransfer', code: 'REST_HTTP_500' });
    await scenario(sim, 'failNext', { agent, command: 'SingleStepTransfer', noAnswer: true });
    h.send({ type: 'genesys.cmd.singleStepTransfer', connectionId, eventId, destination: '+15550007777' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'singleStepTransfer', code: 'REST_TIMEOUT' });
    await h.expectNone('genesys.released', 50);
  });
});

describe('keypad', () => {
  it('SendDTMF → EventDtmfSent with the digits; digits other than 0-9 * # are refused (400)', async () => {
    const { h, connectionId, eventId } = await onACall();
    h.send({ type: 'genesys.cmd.sendDtmf', connectionId, eventId, digits: '12#*' });
    expect(await h.next('genesys.dtmfSent')).toEqual({ type: 'genesys.dtmfSent', connectionId, digits: '12#*' });
    h.send({ type: 'genesys.cmd.sendDtmf', connectionId, eventId, digits: '1A' });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'sendDtmf', code: 'REST_HTTP_400' });
    await h.expectNone('genesys.dtmfSent', 50);
  });
});
