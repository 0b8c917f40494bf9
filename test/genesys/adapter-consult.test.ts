// @vitest-environment node
/** Consult, transfer and conference through the real adapter against the simulator, and their wrong orders. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { scenario } from '../sim-genesys/client';
import { startHarness, type Harness } from './harness';

const TARGET = '+15550007777';
let sim: SimulatorHandle;
const open: Harness[] = [];
let agentCount = 0;

beforeAll(async () => {
  // The target answers only when a test says so (/sim/remoteAnswer), so every order is the test's.
  sim = await startGenesysSimulator({ port: 0, log: () => undefined, consultDelayMs: 60_000 });
});
afterEach(() => {
  for (const harness of open.splice(0)) harness.stop();
});
afterAll(() => sim.close());

interface OnCall {
  h: Harness;
  agent: string;
  connectionId: string;
  eventId: string;
}

async function onACall(): Promise<OnCall> {
  agentCount += 1;
  const agent = `consult-${agentCount}`;
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

/** Initiate* → EventHeld on the call, EventDialing for the consult leg naming it; returns the leg. */
async function consult(call: OnCall, kind: 'initiateTransfer' | 'initiateConference', destination = TARGET): Promise<string> {
  const { h, connectionId, eventId } = call;
  h.send({ type: `genesys.cmd.${kind}`, connectionId, eventId, destination });
  expect(await h.next('genesys.held')).toEqual({ type: 'genesys.held', connectionId });
  const dialing = await h.next('genesys.dialing');
  expect(dialing).toMatchObject({ number: destination, callType: 'Consult', previousConnectionId: connectionId });
  return dialing.connectionId;
}

async function answered(call: OnCall, leg: string): Promise<void> {
  await scenario(sim, 'remoteAnswer', { connectionId: leg });
  expect(await call.h.next('genesys.established')).toMatchObject({ connectionId: leg });
}

describe('consult, then transfer or conference', () => {
  it('CompleteTransfer releases both legs (Transferred)', async () => {
    const call = await onACall();
    const leg = await consult(call, 'initiateTransfer');
    await answered(call, leg);
    call.h.send({ type: 'genesys.cmd.completeTransfer', connectionId: call.connectionId, consultConnectionId: leg, eventId: call.eventId });
    expect(await call.h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId: leg, callState: 'Transferred' });
    expect(await call.h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId: call.connectionId, callState: 'Transferred' });
  });

  it('CompleteConference: refused (409) before the target answers; then the leg merges, EventPartyAdded and EventRetrieved', async () => {
    const call = await onACall();
    const leg = await consult(call, 'initiateConference');
    const complete = { type: 'genesys.cmd.completeConference', connectionId: call.connectionId, consultConnectionId: leg, eventId: call.eventId } as const;
    call.h.send(complete);
    expect(await call.h.next('genesys.commandFailed')).toMatchObject({ command: 'completeConference', code: 'REST_HTTP_409' });
    await answered(call, leg);
    call.h.send(complete);
    expect(await call.h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId: leg, callState: 'Conferenced' });
    expect(await call.h.next('genesys.partyAdded')).toEqual({ type: 'genesys.partyAdded', connectionId: call.connectionId, party: TARGET });
    expect(await call.h.next('genesys.retrieved')).toEqual({ type: 'genesys.retrieved', connectionId: call.connectionId });
    await scenario(sim, 'partyLeave', { connectionId: call.connectionId, party: TARGET });
    expect(await call.h.next('genesys.partyDeleted')).toEqual({ type: 'genesys.partyDeleted', connectionId: call.connectionId, party: TARGET });
  });

  it('ReconnectCall (cancel) drops the leg and retrieves the call; AlternateCall swaps both ways', async () => {
    const call = await onACall();
    const leg = await consult(call, 'initiateTransfer');
    await answered(call, leg);
    call.h.send({ type: 'genesys.cmd.alternateCall', connectionId: leg, heldConnectionId: call.connectionId, eventId: call.eventId });
    expect(await call.h.next('genesys.held')).toEqual({ type: 'genesys.held', connectionId: leg });
    expect(await call.h.next('genesys.retrieved')).toEqual({ type: 'genesys.retrieved', connectionId: call.connectionId });
    call.h.send({ type: 'genesys.cmd.alternateCall', connectionId: call.connectionId, heldConnectionId: leg, eventId: call.eventId });
    expect(await call.h.next('genesys.held')).toEqual({ type: 'genesys.held', connectionId: call.connectionId });
    expect(await call.h.next('genesys.retrieved')).toEqual({ type: 'genesys.retrieved', connectionId: leg });
    call.h.send({ type: 'genesys.cmd.reconnectCall', connectionId: leg, heldConnectionId: call.connectionId, eventId: call.eventId });
    expect(await call.h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId: leg, callState: 'Ok' });
    expect(await call.h.next('genesys.retrieved')).toEqual({ type: 'genesys.retrieved', connectionId: call.connectionId });
  });
});

describe('wrong orders and failures', () => {
  it('the target hangs up: its leg is released and the call stays held; completing then fails (409)', async () => {
    const call = await onACall();
    const leg = await consult(call, 'initiateTransfer');
    await answered(call, leg);
    await scenario(sim, 'callerHangup', { connectionId: leg });
    expect(await call.h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId: leg, callState: 'RemoteRelease' });
    call.h.send({ type: 'genesys.cmd.completeTransfer', connectionId: call.connectionId, consultConnectionId: leg, eventId: call.eventId });
    expect(await call.h.next('genesys.commandFailed')).toMatchObject({ command: 'completeTransfer', code: 'REST_HTTP_409' });
    expect(sim.state().calls.find((item) => item.connectionId === call.connectionId)?.status).toBe('held');
  });

  it('the customer hangs up during the consult: only their leg is released; the agent hangs up the consult leg', async () => {
    const call = await onACall();
    const leg = await consult(call, 'initiateTransfer');
    await answered(call, leg);
    await scenario(sim, 'callerHangup', { connectionId: call.connectionId });
    expect(await call.h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId: call.connectionId, callState: 'RemoteRelease' });
    await call.h.expectNone('genesys.released', 50);
    call.h.send({ type: 'genesys.cmd.hangup', connectionId: leg, eventId: call.eventId });
    expect(await call.h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId: leg, callState: 'Ok' });
  });

  it('a busy target: EventDestinationBusy then EventReleased (Busy) on the leg; the call stays held', async () => {
    const call = await onACall();
    await scenario(sim, 'config', { consultDelayMs: 5 });
    try {
      const leg = await consult(call, 'initiateTransfer', '+15550000486');
      expect(await call.h.next('genesys.destinationBusy')).toEqual({ type: 'genesys.destinationBusy', connectionId: leg });
      expect(await call.h.next('genesys.released')).toEqual({ type: 'genesys.released', connectionId: leg, callState: 'Busy' });
    } finally {
      await scenario(sim, 'config', { consultDelayMs: 60_000 });
    }
  });

  it('InitiateTransfer refused (REST 500), never answered (timeout), or on a held call (409): no hold, no leg', async () => {
    const call = await onACall();
    const initiate = { type: 'genesys.cmd.initiateTransfer', connectionId: call.connectionId, eventId: call.eventId, destination: TARGET } as const;
    await scenario(sim, 'failNext', { agent: call.agent, command: 'InitiateTransfer', status: 500, message: 'PBX says no' });
    call.h.send(initiate);
    expect(await call.h.next('genesys.commandFailed')).toMatchObject({ command: 'initiateTransfer', code: 'REST_HTTP_500' });
    await scenario(sim, 'failNext', { agent: call.agent, command: 'InitiateTransfer', noAnswer: true });
    call.h.send(initiate);
    expect(await call.h.next('genesys.commandFailed')).toMatchObject({ command: 'initiateTransfer', code: 'REST_TIMEOUT' });
    await call.h.expectNone('genesys.held', 50);
    call.h.send({ type: 'genesys.cmd.hold', connectionId: call.connectionId, eventId: call.eventId });
    await call.h.next('genesys.held');
    call.h.send(initiate);
    expect(await call.h.next('genesys.commandFailed')).toMatchObject({ command: 'initiateTransfer', code: 'REST_HTTP_409' });
    await call.h.expectNone('genesys.dialing', 50);
  });

  it('a consult leg named for the wrong call is refused (409)', async () => {
    const first = await onACall();
    const leg = await consult(first, 'initiateTransfer');
    const { h, connectionId, eventId } = first;
    h.send({ type: 'genesys.cmd.reconnectCall', connectionId: connectionId, heldConnectionId: leg, eventId });
    expect(await h.next('genesys.commandFailed')).toMatchObject({ command: 'reconnectCall', code: 'REST_HTTP_409' });
  });
});
