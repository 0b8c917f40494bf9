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

    // The action first, then the destination in a field labelled for it.
    await card.getByRole('button', { name: 'Transfer', exact: true }).click();
    await card.getByLabel('Transfer to').fill('+1 555 000 7777');
    await card.getByRole('button', { name: 'Transfer now' }).click();
    await expect.poll(() => toolbar.callStates(), POLL).toEqual([]);
    await host.wrapUp(ring.eventId).waitFor();
    expect((await sim.call(ring.connectionId))?.callState).toBe('Transferred');
    const log = await host.uefLog();
    expect(published(log, ring.eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(log)).toEqual([]);

    // After-call work: NotReady (AfterCallWork) confirmed, the time left counting down, Done back to Available.
    const wrapUp = toolbar.byTestId('wrap-up');
    await wrapUp.getByTestId('wrap-up-timer').filter({ hasText: /Ends by itself in 09:5[0-9]/ }).waitFor();
    await expect.poll(async () => (await sim.agentState())?.status, POLL).toBe('notReady');
    await wrapUp.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('Available');
    await wrapUp.waitFor({ state: 'detached' });
    expect(agentStates(await host.uefLog()).slice(-2)).toEqual(['UNAVAILABLE', 'AVAILABLE']);
  });
});

describe('consult, then transfer or conference', () => {
  test('consult: swap and cancel, consult again and complete the transfer; a conference shows its parties', async () => {
    const { host, toolbar, sim } = await e2e.open();
    // The target answers when the test says so: every step is the agent's.
    await sim.config({ consultDelayMs: 60_000 });
    const legOf = async (connectionId: string) => (await sim.calls()).find((call) => call.consultOf === connectionId && call.status !== 'released')?.connectionId;
    const first = await sim.ring({ ani: '+15551230000' });
    await toolbar.waitForCallState('ringing.alerting');
    await toolbar.accept();
    let card = await toolbar.waitForCallState('established.talking');
    await card.getByRole('button', { name: 'Consult', exact: true }).click();
    await card.getByLabel('Consult with').fill('+15550007777');
    await card.getByRole('button', { name: 'Start consult' }).click();
    card = await toolbar.waitForCallState('established.consulting.ringingTarget');
    // Both parties: the customer on hold, the target being called.
    expect(await card.locator('[data-party="customer"]').innerText()).toMatch(/Customer\s+Ada Lovelace\s+On hold for/);
    expect(await card.locator('[data-party="target"]').innerText()).toMatch(/Consult\s+\+1 555-000-7777\s+Calling…/);
    // Swap waits for the answer, and says so.
    expect(await card.getByRole('button', { name: 'Swap' }).isDisabled()).toBe(true);
    expect(await card.getByTestId('consult-why').textContent()).toContain('Swap works once the person you called answers');
    await sim.remoteAnswer((await legOf(first.connectionId))!);
    card = await toolbar.waitForCallState('established.consulting.talkingToTarget');
    // While consulting there is no Hold or Hang up: the consult's own steps act.
    for (const id of ['hold', 'hangup', 'complete-conference']) expect(await card.getByTestId(id).count()).toBe(0);
    expect(await card.locator('[data-party="target"][aria-current="true"]').innerText()).toContain('Talking with you');
    await card.getByRole('button', { name: 'Swap' }).click();
    card = await toolbar.waitForCallState('established.consulting.talkingToCaller');
    expect(await card.locator('[data-party="customer"][aria-current="true"]').innerText()).toContain('Talking with you');
    await card.getByRole('button', { name: 'Swap' }).click();
    card = await toolbar.waitForCallState('established.consulting.talkingToTarget');
    await card.getByRole('button', { name: 'Cancel consult' }).click();
    card = await toolbar.waitForCallState('established.talking');
    expect(await legOf(first.connectionId)).toBeUndefined();

    await card.getByRole('button', { name: 'Consult', exact: true }).click();
    await card.getByLabel('Consult with').fill('+15550007777');
    await card.getByRole('button', { name: 'Start consult' }).click();
    await toolbar.waitForCallState('established.consulting.ringingTarget');
    await sim.remoteAnswer((await legOf(first.connectionId))!);
    card = await toolbar.waitForCallState('established.consulting.talkingToTarget');
    await card.getByRole('button', { name: 'Complete transfer' }).click();
    await expect.poll(() => toolbar.callStates(), POLL).toEqual([]);
    expect((await sim.call(first.connectionId))?.callState).toBe('Transferred');
    // One engagement for the customer: the consult legs were never offered to Fusion.
    let log = await host.uefLog();
    expect(published(log, first.eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(published(log).filter((name) => name === 'newCommEvent')).toHaveLength(1);
    await host.wrapUp(first.eventId).waitFor();

    const second = await sim.ring({ ani: '+15551239999' });
    await toolbar.waitForCallState('ringing.alerting');
    await toolbar.accept();
    card = await toolbar.waitForCallState('established.talking');
    await card.getByRole('button', { name: 'Conference', exact: true }).click();
    await card.getByLabel('Add to conference').fill('+15550008888');
    await card.getByRole('button', { name: 'Start conference' }).click();
    await toolbar.waitForCallState('established.consulting.ringingTarget');
    await sim.remoteAnswer((await legOf(second.connectionId))!);
    card = await toolbar.waitForCallState('established.consulting.talkingToTarget');
    expect(await card.getByTestId('complete-transfer').count()).toBe(0);
    await card.getByRole('button', { name: 'Complete conference' }).click();
    card = await toolbar.waitForCallState('established.talking');
    await card.getByTestId('call-parties').filter({ hasText: 'In the call: +1 555-000-8888' }).waitFor();
    await toolbar.hangUp();
    await expect.poll(() => toolbar.callStates(), POLL).toEqual([]);
    log = await host.uefLog();
    expect(published(log, second.eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(log)).toEqual([]);
    expect(await toolbar.noticeCodes()).toEqual([]);
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
    // On a call, the header says so first and the Genesys state beside it.
    await toolbar.agentToggle().click();
    await expect.poll(() => toolbar.agentGenesysState(), POLL).toBe('Not ready');
    expect(await toolbar.agentLabel()).toBe('On a call');
    await toolbar.agentToggle().click();
    await expect.poll(() => toolbar.agentGenesysState(), POLL).toBe('Ready');

    const log = await host.uefLog();
    expect(published(log, ring.eventId)).toEqual(['newCommEvent', 'closeCommEvent:REJECT']);
    expect(agentStates(log).slice(-2)).toEqual(['UNAVAILABLE', 'AVAILABLE']);
    expect(failures(log)).toEqual([]);
    expect(await toolbar.noticeCodes()).toEqual([]);
  });
});
