/** Caller data is text: markup in the ANI or queue name never becomes DOM, in the toolbar or in Fusion. */
import { describe, expect, test } from 'vitest';
import { failures, published } from './support/fusion-host-page';
import { useE2eEnvironment } from './support/environment';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };
const ANI = '<img src=x onerror=alert(1)>';
const QUEUE = '<script>alert(2)</script>';

describe('when caller data carries markup', () => {
  test('an ANI <img onerror> is shown as text in the toolbar and the Fusion offer; no dialog fires', async () => {
    const { page, host, toolbar, sim, dialogs } = await e2e.open();
    const requested: string[] = [];
    page.on('request', (request) => {
      if (/\/x(\?|$)/.test(new URL(request.url()).pathname)) requested.push(request.url());
    });

    const { connectionId, eventId } = await sim.ring({ ani: ANI, queue: QUEUE });
    const card = await toolbar.waitForCallState('ringing.alerting', connectionId);
    expect(await card.getByTestId('call-number').textContent()).toBe(ANI);
    expect(await card.locator('.queue').textContent()).toBe(`Queue: ${QUEUE}`);
    await host.offer(eventId).waitFor();
    expect(await host.offer(eventId).getByTestId('offer-number').textContent()).toBe(ANI);
    expect(await host.offer(eventId).getByTestId('offer-queue').textContent()).toBe(`Queue: ${QUEUE}`);
    expect(await host.offer(eventId).getAttribute('aria-label')).toBe(`Incoming call from ${ANI}`);
    await expect.poll(() => toolbar.liveRegionText(), POLL).toBe(`Incoming call from ${ANI}`);

    // Nothing was parsed as markup, in either document.
    expect(await toolbar.frame.locator('img, main script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#fusion-calls script, #fusion-log script').count()).toBe(0);

    const newComm = (await host.uefLog()).find((entry) => entry.type === 'publish' && entry.name === 'newCommEvent' && entry.eventId === eventId);
    expect(JSON.stringify(newComm?.data)).toContain(JSON.stringify(ANI).slice(1, -1));

    // Through answer and hang-up the text stays text (engagement and Wrap Up render it too).
    await host.answer(eventId);
    await toolbar.waitForCallState('established.talking', connectionId);
    expect(await host.engagement(eventId).getByTestId('engagement-number').textContent()).toBe(`From ${ANI}`);
    await toolbar.hangUp(connectionId);
    await host.wrapUp(eventId).waitFor();
    expect(await host.wrapUp(eventId).getByTestId('wrapup-contact').textContent()).toContain(ANI);
    expect(await page.locator('img').count()).toBe(0);
    expect(await toolbar.frame.locator('img').count()).toBe(0);

    const log = await host.uefLog();
    expect(published(log, eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(log)).toEqual([]);
    expect(requested).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
