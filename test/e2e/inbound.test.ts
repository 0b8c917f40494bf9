/**
 * Inbound calls end to end: production toolbar in Chromium, framed by the Fusion host simulator
 * from another origin, talking to the Genesys simulator. Every scenario checks the toolbar's DOM,
 * Fusion's view and the UEF log.
 */
import { describe, expect, test } from 'vitest';
import { agentStates, failures, published } from './support/fusion-host-page';
import { useE2eEnvironment } from './support/environment';
import { expectWrappedUp } from './support/expectations';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };

describe('when a call rings', () => {
  test('go available, offer in Fusion, answer in Fusion, screen pop, hang up in the toolbar, Wrap Up', async () => {
    const { host, toolbar, sim } = await e2e.open();
    expect(await toolbar.connectionLabel()).toBe('Genesys: Connected');
    expect(await toolbar.fusionLabel()).toBe('Fusion: Connected');
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('Available');

    // Not ready, then Available again from the toolbar's switch: Genesys confirms each change.
    await toolbar.agentToggle().click();
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('Not ready');
    await host.page.locator('[data-testid="agent-state"][data-state="UNAVAILABLE"]').waitFor();
    expect((await sim.agentState())?.status).toBe('notReady');
    await toolbar.agentToggle().click();
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('Available');
    await host.page.locator('[data-testid="agent-state"][data-state="AVAILABLE"]').waitFor();
    expect((await sim.agentState())?.status).toBe('ready');
    expect(await toolbar.agentToggle().getAttribute('aria-checked')).toBe('true');
    expect(agentStates(await host.uefLog()).slice(-2)).toEqual(['UNAVAILABLE', 'AVAILABLE']);

    const { connectionId, eventId } = await sim.ring({ ani: '+15551230000', queue: 'Sales' });

    // Ringing: a card in the toolbar, the offer dialog in Fusion with the reverse lookup.
    const card = await toolbar.waitForCallState('ringing.alerting', connectionId);
    expect(await card.getByTestId('call-number').textContent()).toBe('+1 555-123-0000');
    expect(await card.locator('.queue').textContent()).toBe('Queue: Sales');
    // Fusion's reverse lookup (newCommEvent's answer) names the caller on the card.
    await expect.poll(() => card.getByTestId('call-caller').textContent(), POLL).toBe('Ada Lovelace');
    expect(await card.locator('.account').textContent()).toBe('Account: Analytical Engines Ltd');
    await host.offer(eventId).waitFor();
    expect(await host.offer(eventId).getByTestId('offer-number').textContent()).toBe('+15551230000');
    expect(await host.offer(eventId).getByTestId('offer-contact').textContent()).toBe('Ada Lovelace');
    await expect.poll(() => toolbar.liveRegionText(), POLL).toBe('Incoming call from Ada Lovelace, +1 555-123-0000');

    // Answer in Fusion: the toolbar accepts in Genesys, Fusion pops the contact.
    await host.answer(eventId);
    await toolbar.waitForCallState('established.talking', connectionId);
    const engagement = host.engagement(eventId);
    await engagement.waitFor();
    expect(await engagement.getAttribute('data-phase')).toBe('active');
    expect(await engagement.getByTestId('engagement-contact').textContent()).toBe('Ada Lovelace');
    await expect.poll(() => host.offer(eventId).count(), POLL).toBe(0);
    expect((await sim.call(connectionId))?.status).toBe('established');
    await expect.poll(() => toolbar.liveRegionText(), POLL).toBe('Call with Ada Lovelace connected');

    // Hang up in the toolbar: Genesys releases the call, Fusion opens Wrap Up.
    await toolbar.hangUp(connectionId);
    await expectWrappedUp({ host, toolbar, sim }, connectionId, eventId);
    expect(await toolbar.byTestId('ended-state').textContent()).toContain('Call ended');
    await expect.poll(() => toolbar.liveRegionText(), POLL).toBe('Call with Ada Lovelace ended');
    expect((await host.uefLog()).some((entry) => entry.type === 'commandResult' && entry.name === 'success')).toBe(true);

    await host.saveWrapUp('Customer asked about the invoice.', eventId);
    await host.closedItem(eventId).waitFor();
    expect(await host.closedItem(eventId).getAttribute('data-reason')).toBe('WRAPUP');
  });

  test('Decline in Fusion rejects the call: closeCommEvent REJECT, the card goes', async () => {
    const { host, toolbar, sim } = await e2e.open();
    const { connectionId, eventId } = await sim.ring({ ani: '+15559870000' });
    await toolbar.waitForCallState('ringing.alerting', connectionId);
    await host.offer(eventId).waitFor();

    await host.decline(eventId);
    await toolbar.callCard(connectionId).waitFor({ state: 'detached' });
    await host.closedItem(eventId).waitFor();
    expect(await host.closedItem(eventId).getAttribute('data-reason')).toBe('REJECT');
    expect(await host.offer(eventId).count()).toBe(0);
    expect(await host.wrapUp(eventId).count()).toBe(0);
    expect((await sim.call(connectionId))?.status).toBe('released');

    const log = await host.uefLog();
    expect(published(log, eventId)).toEqual(['newCommEvent', 'closeCommEvent:REJECT']);
    expect(failures(log)).toEqual([]);
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('Available');
  });

  test('the caller abandons while it rings: closeCommEvent ABANDONED, offer and card go', async () => {
    const { host, toolbar, sim } = await e2e.open();
    const { connectionId, eventId } = await sim.ring({ ani: '+442079460000' });
    await toolbar.waitForCallState('ringing.alerting', connectionId);
    await host.offer(eventId).waitFor();

    await sim.callerHangup(connectionId);
    await toolbar.callCard(connectionId).waitFor({ state: 'detached' });
    await host.closedItem(eventId).waitFor();
    expect(await host.closedItem(eventId).getAttribute('data-reason')).toBe('ABANDONED');
    expect(await host.offer(eventId).count()).toBe(0);
    expect((await sim.call(connectionId))?.callState).toBe('Abandoned');
    await expect.poll(() => toolbar.liveRegionText(), POLL).toBe('Call with Alan Turing ended');

    const log = await host.uefLog();
    expect(published(log, eventId)).toEqual(['newCommEvent', 'closeCommEvent:ABANDONED']);
    // The EventReleased after EventAbandoned is expected: a clean abandon shows no notice.
    expect(await toolbar.noticeCodes()).toEqual([]);
    expect(failures(log)).toEqual([]);
  });
});
