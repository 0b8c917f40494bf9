/** The Fusion host with backend=gws: the toolbar frame's bridge URLs and the scenario buttons on our GWS simulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseHostParams } from '../../src/sim/fusion/host/params';
import { GwsScenarioClient } from '../../src/sim/fusion/host/scenario-gws';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';

type SimCall = { id: string; state: string };
const callsOf = (sim: GwsSimulator, user: string) => sim.calls(user) as SimCall[];
const UEF_PATH = '/src/sim/fusion/uef-client.ts';
const running: GwsSimulator[] = [];
afterEach(async () => {
  for (const sim of running.splice(0)) await sim.close();
});

describe('host query parameters with backend=gws', () => {
  it('frames the toolbar with the bridge URLs and auth=bridge; the scenario base stays the GWS simulator', () => {
    const p = parseHostParams(new URL('http://127.0.0.1:5173/fusion-host.html?backend=gws&bridge=http://127.0.0.1:8087&genesys=http://127.0.0.1:5173/gws-sim&gwsUser=KateLondon'), UEF_PATH);
    const frame = new URL(p.toolbarUrl);
    expect([frame.searchParams.get('genesysWs'), frame.searchParams.get('genesysRest'), frame.searchParams.get('auth')]).toEqual([
      'ws://127.0.0.1:8087/genesysWs',
      'http://127.0.0.1:8087/genesys/events',
      'bridge',
    ]);
    expect([p.backend, p.genesys, p.gwsUser, p.warnings]).toEqual(['gws', 'http://127.0.0.1:5173/gws-sim', 'KateLondon', []]);
  });

  it('without a bridge URL it says so; the default backend is unchanged', () => {
    expect(parseHostParams(new URL('http://127.0.0.1:5173/fusion-host.html?backend=gws'), UEF_PATH).warnings).toEqual(['bridge: backend=gws needs the bridge URL (bridge=http://…)']);
    const plain = new URL(parseHostParams(new URL('http://127.0.0.1:5173/fusion-host.html'), UEF_PATH).toolbarUrl);
    expect(plain.searchParams.has('auth')).toBe(false);
  });
});

describe('the scenario buttons on the GWS simulator', () => {
  it('ring, caller hangs up, no softphone; drop CometD and fail next reach the simulator', async () => {
    const sim = await startGwsSimulator({ port: 0, log: () => undefined });
    running.push(sim);
    const client = new GwsScenarioClient(sim.url, 'JohnSmith');
    const rang = await client.ring('+15551230000');
    expect(rang.ok).toBe(true);
    const callId = (rang.body as { callId: string }).callId;
    expect(callsOf(sim, 'JohnSmith').map((c) => [c.id, c.state])).toEqual([[callId, 'Ringing']]);
    expect((await client.remoteAnswer()).text).toBe('remoteAnswer: no call that is Dialing');
    expect((await client.callerHangup()).ok).toBe(true);
    expect(callsOf(sim, 'JohnSmith').filter((c) => c.state !== 'Released' && c.state !== 'Completed')).toEqual([]);
    expect((await client.softphoneAnswer()).ok).toBe(false);
    expect((await client.dropSocket()).ok).toBe(true);
    expect((await client.failNext(500)).ok).toBe(true);
  });
});
