/**
 * One owner tab: an agent opens Fusion twice. One socket, one offer, one Wrap Up per call; the
 * other tab says the toolbar is active elsewhere and can take it over; when the owner closes,
 * the other takes over (connects, registers, resyncs) within 2 s.
 */
import { describe, expect, test } from 'vitest';
import { useE2eEnvironment } from './support/environment';
import { published } from './support/fusion-host-page';
import { openOtherTab } from './support/other-tab';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000, interval: 25 };
const snapshots = (lines: string[]) => lines.filter((line) => /^snapshot for agent \S+ → 200$/.test(line)).length;

describe('two tabs of the same agent', () => {
  test('one socket, one offer and one Wrap Up; Use here moves it; closing the owner hands over within 2 s', async () => {
    const first = await e2e.open();
    const { sim } = first;
    const second = await openOtherTab(first.page);
    // The second tab neither connects nor registers.
    expect((await sim.agentState())?.sockets).toBe(1);
    expect((await second.host.state()).toolbar.ready).toBe(false);

    // A call: offered once (in the owner's Fusion), wrapped up once; the other tab mirrors it.
    const call = await sim.ring({ ani: '+15550004444' });
    await first.toolbar.accept(call.connectionId);
    await first.toolbar.waitForCallState('established.talking', call.connectionId);
    await expect.poll(() => second.toolbar.byTestId('other-tab-call').count(), POLL).toBe(1);
    await first.toolbar.hangUp(call.connectionId);
    await first.host.wrapUp(call.eventId).waitFor();
    expect(published(await first.host.uefLog(), call.eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(published(await second.host.uefLog())).toEqual([]);

    // Use here: the second tab takes over, the first follows; still one socket.
    const asked = Date.now();
    await second.toolbar.byTestId('use-here').click();
    await second.page.locator('[data-testid="agent-state"][data-state="AVAILABLE"]').waitFor();
    await first.toolbar.byTestId('other-tab').waitFor();
    console.info(`[e2e] Use here → owner: ${Date.now() - asked} ms`);
    await expect.poll(async () => (await sim.agentState())?.sockets, POLL).toBe(1);

    // The owner closes: the first tab takes over within 2 s (connects, registers, resyncs).
    const snapshotsBefore = snapshots(first.simLog());
    const closed = Date.now();
    await second.page.close();
    const agentLabel = () => first.toolbar.agentState().locator('.label').textContent({ timeout: 50 }).catch(() => '');
    await expect.poll(agentLabel, { timeout: 2_000, interval: 20 }).toBe('Available');
    await expect.poll(() => snapshots(first.simLog()), { timeout: 2_000, interval: 20 }).toBe(snapshotsBefore + 1);
    const tookOver = Date.now() - closed;
    console.info(`[e2e] owner closed → takeover (connected, registered, resynced): ${tookOver} ms`);
    expect(tookOver).toBeLessThanOrEqual(2_000);
    expect((await sim.agentState())?.sockets).toBe(1);
    const next = await sim.ring();
    await first.host.offer(next.eventId).waitFor();
  });
});
