/** The Genesys socket drops mid-call: the toolbar says so, reconnects, registers again, keeps the call. */
import { describe, expect, test } from 'vitest';
import { expectWrappedUp } from './support/expectations';
import { useE2eEnvironment } from './support/environment';
import type { ToolbarPage } from './support/toolbar-page';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };

type Recorder = Window & { __connectionLabels?: string[] };

/**
 * Records every Genesys status line from now on inside the toolbar frame, so a short
 * "Disconnected" (the first retry comes after 250-500 ms) is seen however fast it passes.
 */
async function recordConnectionLabels(toolbar: ToolbarPage): Promise<() => Promise<string[]>> {
  await toolbar.connectionState().evaluate((line) => {
    const seen: string[] = [];
    const note = () => {
      // The label, plus whether the reconnect countdown ("retrying in 1 s (attempt 1)") is shown.
      const label = line.querySelector('.label')?.textContent ?? '';
      // The countdown is in the banner across the top.
      const text = document.querySelector('[data-testid="reconnect-countdown"]') ? `${label} (retrying)` : label;
      if (text !== seen[seen.length - 1]) seen.push(text);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    (window as Recorder).__connectionLabels = seen;
  });
  return () => toolbar.connectionState().evaluate(() => [...((window as Recorder).__connectionLabels ?? [])]);
}

const registrations = (lines: string[]) => lines.filter((line) => /^register for agent \S+ → 200$/.test(line)).length;

describe('when the Genesys socket drops during a call', () => {
  test('reconnecting, then connected and registered again; the call stays and hangs up to Wrap Up', async () => {
    const { host, toolbar, sim, simLog } = await e2e.open();
    const { connectionId, eventId } = await sim.ring({ ani: '+15551230000' });
    await toolbar.waitForCallState('ringing.alerting', connectionId);
    await toolbar.accept(connectionId);
    await toolbar.waitForCallState('established.talking', connectionId);
    await host.engagement(eventId).waitFor();
    expect(registrations(simLog())).toBe(1);

    const labels = await recordConnectionLabels(toolbar);
    expect(await sim.dropSocket()).toBe(1);

    await expect.poll(labels, POLL).toEqual(['Genesys: Connected', 'Genesys: Disconnected (retrying)', 'Genesys: Connected']);
    await expect.poll(() => registrations(simLog()), POLL).toBe(2);
    await expect.poll(async () => (await sim.agentState())?.sockets, POLL).toBe(1);
    // What the agent does first, the Genesys state beside it (not "Available": they are busy).
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('On a call');
    expect(await toolbar.agentGenesysState()).toBe('Ready');

    // The call outlived the drop, on both sides, and still works.
    expect(await toolbar.callStates()).toEqual(['established.talking']);
    expect((await sim.call(connectionId))?.status).toBe('established');
    expect(await host.engagement(eventId).getAttribute('data-phase')).toBe('active');
    await toolbar.hangUp(connectionId);
    await expectWrappedUp({ host, toolbar, sim }, connectionId, eventId);
  });
});
