/**
 * Call controls end to end, few scenarios covering several flows each (the team shares the
 * npm test budget): keypad and blind transfer; what profile=tutorial offers against a simulator
 * behaving like the public mock.
 */
import { describe, expect, test } from 'vitest';
import { agentStates, failures, published } from './support/fusion-host-page';
import { useE2eEnvironment } from './support/environment';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };

describe('a connected call', () => {
  test('keypad sends tones in order, a blind transfer hands the caller on, then after-call work until Done', async () => {
    const { host, toolbar, sim } = await e2e.open({ toolbarParams: { wrapUp: 'on', wrapUpSec: '600' } });
    const ring = await sim.ring({ ani: '+15551230000' });
    await toolbar.waitForCallState('ringing.alerting');
    await toolbar.accept();
    const card = await toolbar.waitForCallState('established.talking');

    // The card's Keypad button opens the call's keypad; the dial pad has become a keypad too.
    const keypad = card.getByRole('button', { name: 'Keypad' });
    expect(await keypad.getAttribute('aria-expanded')).toBe('false');
    await keypad.click();
    expect(await keypad.getAttribute('aria-expanded')).toBe('true');
    const keys = card.getByRole('group', { name: /^Keypad for the call with / });
    for (const key of ['1', '2', '#']) await keys.getByRole('button', { name: key, exact: true }).click();
    await card.getByTestId('keypad-sent').filter({ hasText: 'Sent: 12#' }).waitFor();
    // Unfolded during the call, the dial pad's keys send tones to the connected call too.
    await toolbar.byTestId('dial-unfold').click();
    await toolbar.byTestId('dial-keypad').click();
    await toolbar.byTestId('dial-key-star').click();
    await toolbar.byTestId('dial-keypad-sent').filter({ hasText: 'Sent: 12#*' }).waitFor();

    await card.getByLabel('Transfer to').fill('+15550007777');
    await card.getByRole('button', { name: 'Transfer', exact: true }).click();
    await expect.poll(() => toolbar.callStates(), POLL).toEqual([]);
    await host.wrapUp(ring.eventId).waitFor();
    expect((await sim.call(ring.connectionId))?.callState).toBe('Transferred');
    const log = await host.uefLog();
    expect(published(log, ring.eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(log)).toEqual([]);

    // After-call work: NotReady (AfterCallWork) confirmed, a running timer, Done back to Available.
    const wrapUp = toolbar.byTestId('wrap-up');
    await wrapUp.getByTestId('wrap-up-timer').filter({ hasText: /After-call work 00:0[1-9]/ }).waitFor();
    expect(await wrapUp.textContent()).toContain('ends by itself after 10:00');
    await expect.poll(async () => (await sim.agentState())?.status, POLL).toBe('notReady');
    await wrapUp.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('Available');
    await wrapUp.waitFor({ state: 'detached' });
    expect(agentStates(await host.uefLog()).slice(-2)).toEqual(['UNAVAILABLE', 'AVAILABLE']);
  });
});

describe('profile=tutorial against the public mock', () => {
  test('offers only what the mock confirms: decline, click-to-dial, not ready and back by the 2xx answer', async () => {
    const { host, toolbar, sim } = await e2e.open({
      simMode: 'mock',
      toolbarParams: { profile: 'tutorial', 'type.makeCall': 'makeCall' },
    });
    // An incoming call (the mock's `ring`), declined: Reject → EventReleased → closeCommEvent REJECT.
    const ring = await sim.ring({ ani: '+15551230000' });
    await toolbar.waitForCallState('ringing.alerting');
    await host.offer(ring.eventId).waitFor();
    await toolbar.decline();
    await expect.poll(() => toolbar.callStates(), POLL).toEqual([]);

    // Click-to-dial: the mock echoes only the connectionId, which is the dial's eventId.
    await host.clickToDial('+15559870000');
    const talking = await toolbar.waitForCallState('established.talking');
    expect(await talking.getByTestId('call-number').textContent()).toBe('+1 555-987-0000');
    // No EventHeld would ever come, so no Hold; no transfer, consult or keypad either.
    for (const id of ['hold', 'transfer', 'consult', 'keypad']) expect(await talking.getByTestId(id).count()).toBe(0);
    expect(await talking.getByTestId('hangup').isEnabled()).toBe(true);

    // No agent events: NotReady and Ready are confirmed by the 2xx answer, at once.
    await toolbar.agentToggle().click();
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('Not ready');
    await toolbar.agentToggle().click();
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('Available');

    const log = await host.uefLog();
    expect(published(log, ring.eventId)).toEqual(['newCommEvent', 'closeCommEvent:REJECT']);
    expect(agentStates(log).slice(-2)).toEqual(['UNAVAILABLE', 'AVAILABLE']);
    expect(failures(log)).toEqual([]);
    expect(await toolbar.noticeCodes()).toEqual([]);
  });
});
