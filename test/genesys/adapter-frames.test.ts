// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../src/sim/genesys';
import { scenario } from '../sim-genesys/client';
import { startHarness, type Harness } from './harness';

let sim: SimulatorHandle;
let h: Harness;
const agent = 'frames-1';

beforeAll(async () => {
  sim = await startGenesysSimulator({ port: 0, log: () => undefined });
});
afterAll(() => sim.close());
afterEach(() => h.stop());

/** Push a raw frame, then prove the socket still works by ringing a call through it. */
async function pushThenRing(body: Record<string, unknown>): Promise<void> {
  const pushed = await scenario(sim, 'event', { agent, ...body });
  expect(pushed.status).toBe(200);
  const { connectionId } = (await scenario(sim, 'ring', { agent })).body as { connectionId: string };
  expect(await h.next('genesys.ringing')).toMatchObject({ connectionId });
  await h.expectNone('genesys.disconnected', 0);
}

describe('when a bad frame arrives', () => {
  it.each([
    ['not JSON', { frame: '{"eventName":' }, 'FRAME_MALFORMED'],
    ['a binary frame', { frame: '{"eventName":"EventRegistered"}', binary: true }, 'FRAME_MALFORMED'],
    ['an unknown event', { frame: { eventName: 'EventSomethingNew' } }, 'FRAME_UNKNOWN_EVENT'],
    ['a wrong field type', { frame: { eventName: 'EventRinging', connectionId: 42, ANI: '+1' } }, 'FRAME_INVALID'],
    ['a call event without connectionId', { frame: { eventName: 'EventEstablished', ANI: '+1' } }, 'FRAME_INVALID'],
    ['no event key', { frame: { hello: 'world' } }, 'FRAME_INVALID'],
    ['an array', { frame: '[1,2]' }, 'FRAME_INVALID'],
    ['over 64 KB', { frame: { eventName: 'EventRegistered', padding: 'x'.repeat(70_000) } }, 'FRAME_TOO_LARGE'],
  ])('%s → protocolError %s, and the socket keeps working', async (_name, body, code) => {
    h = startHarness({ config: { genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: agent } });
    await h.next('genesys.connected');
    await pushThenRing(body);
    const error = await h.next('genesys.protocolError');
    expect(error.code).toBe(code);
    expect(error.message).not.toBe('');
    expect(h.logs.some((entry) => entry.code === code && entry.level === 'warn')).toBe(true);
    expect(h.events.filter((event) => event.type === 'genesys.protocolError')).toHaveLength(1);
  });

  it('a known-harmless event is skipped silently with a debug log', async () => {
    h = startHarness({ config: { genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: agent } });
    await h.next('genesys.connected');
    await pushThenRing({ frame: { eventName: 'EventAttachedDataChanged', connectionId: 'aaaa' } });
    expect(h.events.map((event) => event.type)).toEqual(['genesys.connected', 'genesys.ringing']);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'debug', code: 'FRAME_IGNORED' }));
  });

  it('the public mock v2 spelling (eventType) is understood', async () => {
    h = startHarness({ config: { genesysWs: sim.wsUrl, genesysRest: sim.restUrl, agentId: agent } });
    await h.next('genesys.connected');
    await scenario(sim, 'event', { agent, frame: { eventType: 'EventRegistered' } });
    await h.next('genesys.registered');
  });
});
