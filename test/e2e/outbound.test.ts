/** Outbound calls end to end: click-to-dial from Fusion, the far end answering, hanging up, or busy. */
import { describe, expect, test } from 'vitest';
import { failures, fieldOf, published } from './support/fusion-host-page';
import { useE2eEnvironment } from './support/environment';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };

describe('when the agent dials', () => {
  test('click-to-dial from Fusion: dialing, the far end answers, then hangs up, Wrap Up', async () => {
    const { host, toolbar, sim } = await e2e.open();
    // The far end answers only when the test says so.
    await sim.config({ dialDelayMs: 60_000 });

    await host.clickToDial('+15559870000');
    const dialing = await toolbar.waitForCallState('dialing.alerting');
    expect(await dialing.getByTestId('call-number').textContent()).toBe('+1 555-987-0000');
    expect(await dialing.getByTestId('cancel-dial').isEnabled()).toBe(true);
    const key = await dialing.getAttribute('data-call-key');
    const engagement = host.engagement();
    await engagement.waitFor();
    expect(await engagement.getAttribute('data-phase')).toBe('dialing');
    const eventId = await engagement.getAttribute('data-event-id');
    if (!eventId || !key) throw new Error('the dialing call has no key or eventId');

    const [call] = await sim.calls();
    expect(call).toMatchObject({ direction: 'outbound', status: 'dialing', ani: '+15559870000', eventId });
    if (!call) throw new Error('no call in the simulator');

    await sim.remoteAnswer(call.connectionId);
    await toolbar.waitForCallState('established.talking', key);
    await host.page.locator(`[data-testid="engagement-panel"][data-event-id="${eventId}"][data-phase="active"]`).waitFor();
    expect(await host.engagement(eventId).getByTestId('engagement-number').textContent()).toBe('To +15559870000');

    await sim.callerHangup(call.connectionId);
    await toolbar.callCard(key).waitFor({ state: 'detached' });
    await host.wrapUp(eventId).waitFor();
    expect((await sim.call(call.connectionId))?.callState).toBe('RemoteRelease');

    const log = await host.uefLog();
    expect(log.some((entry) => entry.type === 'event' && entry.name === 'onOutgoingEvent' && entry.eventId === eventId)).toBe(true);
    expect(published(log, eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(log)).toEqual([]);
  });

  test('a busy number: outboundCommError to Fusion, the toolbar explains BUSY', async () => {
    const { host, toolbar, sim } = await e2e.open();
    await sim.config({ busyNumbers: ['+15550000486'] });

    await host.clickToDial('+15550000486');
    // The outcome is told beside the dial field, where the agent dialled.
    const outcome = toolbar.frame.locator('[data-testid="dial-outcome"][data-notice-code="BUSY"]');
    await outcome.waitFor();
    await expect.poll(() => toolbar.callStates(), POLL).toEqual([]);
    expect(await outcome.locator('.what').textContent()).toBe('The number you called is busy.');

    const [call] = await sim.calls();
    expect(call).toMatchObject({ direction: 'outbound', status: 'released', callState: 'Busy' });

    const [engagement] = (await host.state()).engagements;
    const eventId = engagement?.eventId ?? '';
    await expect.poll(async () => published(await host.uefLog(), eventId), POLL).toEqual(['newCommEvent', 'outboundCommError', 'closeCommEvent:REJECT']);
    // Busy is told beside the dial field; the EventReleased after it adds no notice.
    expect(await toolbar.noticeCodes()).toEqual([]);
    const log = await host.uefLog();
    const error = log.find((entry) => entry.from === 'toolbar' && entry.type === 'publish' && entry.name === 'outboundCommError');
    expect(error && fieldOf(error, 'commUuid')).toBe(eventId);
    expect(error && fieldOf(error, 'errorCode')).toBe('BUSY');
    await host.closedItem(eventId).waitFor();
    expect(await host.closedItem(eventId).getAttribute('data-reason')).toBe('REJECT');
    expect(await host.closedItem(eventId).textContent()).toContain('BUSY');
    expect(failures(log)).toEqual([]);
  });
});
