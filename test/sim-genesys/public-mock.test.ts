// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { command, connectAgent, pause, scenario, type FrameClient } from './client';

let sim: SimulatorHandle;
const clients: FrameClient[] = [];

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined, mode: 'mock' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await scenario(sim, 'reset');
});
afterAll(() => sim.close());

describe("mode mock: the public mock's behaviour", () => {
  it('initialize, ring, makeCall and Reject push one event each; anything else is Success and silent', async () => {
    const client = await connectAgent(sim, 'a1');
    clients.push(client);
    for (const type of ['Accept', 'Hangup', 'MakeCall', 'Hold', 'NotReady', 'Logout', 'SingleStepTransfer', 'initialise']) {
      expect((await command(sim, { type, connectionId: 'c9' })).body).toEqual({ status: 'Success' });
    }
    await command(sim, { type: 'initialize' });
    expect(await client.next('EventRegistered')).toEqual({ eventName: 'EventRegistered' });
    await command(sim, { type: 'ring', ANI: '+15551230000', eventId: 'e1', connectionId: 'c1', queueName: 'Sales' });
    expect(await client.next('EventRinging')).toEqual({ eventName: 'EventRinging', ANI: '+15551230000', eventId: 'e1', connectionId: 'c1', queueName: 'Sales', direction: 'inbound' });
    await command(sim, { type: 'makeCall', toNumber: '+15559990000', connectionId: 'u7', eventId: 'u7' });
    // Only the connectionId is echoed (as eventId too); the stale queueName leaks from the ring.
    expect(await client.next('EventEstablished')).toEqual({ eventName: 'EventEstablished', ANI: '+15559990000', eventId: 'u7', connectionId: 'u7', queueName: 'Sales', direction: 'outbound' });
    await command(sim, { type: 'Reject', connectionId: 'c1' });
    expect(await client.next('EventReleased')).toMatchObject({ eventName: 'EventReleased', connectionId: 'c1', ANI: '+15559990000' });
    await pause(30);
    expect(client.drain()).toEqual([]);
  });

  it('pushes to the last-connected socket only; /sim/ring rings through the mock; /sim/config switches back', async () => {
    const first = await connectAgent(sim, 'a1');
    const second = await connectAgent(sim, 'a2');
    clients.push(first, second);
    const answer = await scenario(sim, 'ring', { ani: '+15550001111' });
    expect(answer.status).toBe(200);
    expect(await second.next('EventRinging')).toMatchObject({ ANI: '+15550001111', direction: 'inbound' });
    expect(first.drain()).toEqual([]);
    await scenario(sim, 'config', { mode: 'full' });
    expect((await command(sim, { type: 'Accept', connectionId: 'nope' })).status).toBe(404);
    expect((await scenario(sim, 'config', { mode: 'tutorial' })).status).toBe(400);
  });
});
