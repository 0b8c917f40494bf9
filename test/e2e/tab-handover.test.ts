/**
 * "Use here" moves the toolbar between an agent's tabs mid-call: the tab that hands it over
 * withdraws what its Fusion was offered or shown, the tab that takes it offers only what its
 * Fusion lacks, and every offer is closed exactly once per Fusion page (issue 24, item 2).
 */
import { describe, expect, test } from 'vitest';
import { useE2eEnvironment } from './support/environment';
import { failures, published } from './support/fusion-host-page';
import { openOtherTab } from './support/other-tab';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000, interval: 25 };

/** Each offer (newCommEvent) of the page is closed exactly once before the next: no open offer, no doubled one. */
function offersClosedOnce(log: string[]): boolean {
  let open = false;
  for (const name of log) {
    if (name === 'newCommEvent') {
      if (open) return false;
      open = true;
    } else if (name.startsWith('closeCommEvent')) {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}

describe('when the toolbar moves between tabs during a call', () => {
  test('ringing: Use here withdraws tab 1’s offer; taking it back re-offers once; each offer closed once per page', async () => {
    const first = await e2e.open();
    const { sim } = first;
    const second = await openOtherTab(first.page);

    const call = await sim.ring({ ani: '+15550005555' });
    await first.host.offer(call.eventId).waitFor();

    await second.toolbar.byTestId('use-here').click();
    await second.host.offer(call.eventId).waitFor();
    // Tab 1's Fusion no longer shows an offer it cannot answer.
    await expect.poll(async () => published(await first.host.uefLog(), call.eventId), POLL).toEqual(['newCommEvent', 'closeCommEvent:MISSED']);
    await first.host.offer(call.eventId).waitFor({ state: 'detached' });

    // Back to tab 1: offered there again (its earlier offer was closed), withdrawn from tab 2.
    await first.toolbar.byTestId('use-here').click();
    await first.host.offer(call.eventId).waitFor();
    await expect.poll(async () => published(await second.host.uefLog(), call.eventId), POLL).toEqual(['newCommEvent', 'closeCommEvent:MISSED']);

    await first.host.answer(call.eventId);
    await first.toolbar.waitForCallState('established.talking', call.connectionId);
    await first.toolbar.hangUp(call.connectionId);
    await expect.poll(async () => published(await first.host.uefLog(), call.eventId), POLL).toEqual([
      'newCommEvent', 'closeCommEvent:MISSED', 'newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP',
    ]);
    for (const host of [first.host, second.host]) {
      const log = await host.uefLog();
      expect(offersClosedOnce(published(log, call.eventId))).toBe(true);
      expect(failures(log)).toEqual([]);
    }
  });

  test('connected: Use here ends tab 1’s engagement (ENDCOMMUNICATION); tab 2 offers and shows it once', async () => {
    const first = await e2e.open();
    const { sim } = first;
    const call = await sim.ring({ ani: '+15550006666' });
    await first.toolbar.accept(call.connectionId);
    await first.toolbar.waitForCallState('established.talking', call.connectionId);
    await first.host.engagement(call.eventId).waitFor();

    const second = await openOtherTab(first.page);
    await second.toolbar.byTestId('use-here').click();
    await second.toolbar.waitForCallState('established.talking', call.connectionId);
    await expect.poll(async () => published(await second.host.uefLog(), call.eventId), POLL).toEqual(['newCommEvent', 'startCommEvent']);
    await expect.poll(async () => published(await first.host.uefLog(), call.eventId), POLL).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:ENDCOMMUNICATION']);

    await sim.callerHangup(call.connectionId);
    await expect.poll(async () => published(await second.host.uefLog(), call.eventId), POLL).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(published(await first.host.uefLog(), call.eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:ENDCOMMUNICATION']);
  });
});
