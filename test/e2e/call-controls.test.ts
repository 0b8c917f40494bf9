/**
 * Call controls end to end, few scenarios covering several flows each (the team shares the
 * npm test budget): what profile=tutorial offers against a simulator behaving like the public mock.
 */
import { describe, expect, test } from 'vitest';
import { agentStates, failures, published } from './support/fusion-host-page';
import { useE2eEnvironment } from './support/environment';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };

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
