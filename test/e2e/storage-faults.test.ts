/**
 * When sessionStorage refuses a write (quota, private mode), later writes are still tried, an
 * ended call never comes back after a reload, and the agent is told once (issue 24, item 1).
 */
import type { Frame } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eEnvironment, type E2eSession } from './support/environment';
import { agentStates, failures, published } from './support/fusion-host-page';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000, interval: 25 };

/** The toolbar frame's sessionStorage.setItem throws QuotaExceededError for its next `times` calls. */
async function failSetItem(frame: Frame, times: number): Promise<void> {
  await frame.evaluate((count) => {
    const real = Storage.prototype.setItem;
    let left = count;
    Storage.prototype.setItem = function setItem(this: Storage, key: string, value: string) {
      if (left > 0) {
        left -= 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      real.call(this, key, value);
    };
  }, times);
}

async function talking(session: E2eSession, ani: string) {
  const call = await session.sim.ring({ ani });
  await session.toolbar.accept(call.connectionId);
  await session.toolbar.waitForCallState('established.talking', call.connectionId);
  return call;
}

async function reload(session: E2eSession): Promise<void> {
  const before = await session.toolbar.contentFrame();
  await before.evaluate(() => location.reload());
  await expect.poll(async () => (await session.toolbar.contentFrame()).evaluate(() => 'fusionToolbar' in window).catch(() => false), POLL).toBe(true);
  await expect.poll(() => session.toolbar.frame.getByTestId('call-restoring').count(), POLL).toBe(0);
  await expect.poll(async () => (await session.sim.agentState())?.sockets, POLL).toBe(1);
}

describe('when sessionStorage refuses one write', () => {
  test('the next change is saved: after a reload the ended call stays closed and the live one is not offered again', async () => {
    const session = await e2e.open();
    const { sim, toolbar, host } = session;
    const first = await talking(session, '+15550001001');
    await failSetItem(await toolbar.contentFrame(), 1);
    const second = await sim.ring({ ani: '+15550001002' });
    await toolbar.waitForCallState('ringing.alerting', second.connectionId);
    await host.offer(second.eventId).waitFor();
    await toolbar.hangUp(first.connectionId);
    await toolbar.callCard(first.connectionId).waitFor({ state: 'detached' });
    await reload(session);

    await toolbar.waitForCallState('ringing.alerting', second.connectionId);
    await expect.poll(() => toolbar.callStates(), POLL).toEqual(['ringing.alerting']);
    expect(published(await host.uefLog(), first.eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(published(await host.uefLog(), second.eventId)).toEqual(['newCommEvent']);
    expect(failures(await host.uefLog())).toEqual([]);
  });
});

describe('when sessionStorage refuses every write', () => {
  test('the agent is told once, in the toolbar, and an ended call does not come back after a reload', async () => {
    const session = await e2e.open();
    const { toolbar, host } = session;
    const first = await talking(session, '+15550002001');
    await failSetItem(await toolbar.contentFrame(), Number.MAX_SAFE_INTEGER);
    const second = await talking(session, '+15550002002');
    await expect.poll(() => toolbar.noticeCodes(), POLL).toEqual(['PERSIST_FAILED']);
    await toolbar.hold(second.connectionId);
    await toolbar.waitForCallState('established.held', second.connectionId);
    await toolbar.hangUp(first.connectionId);
    await toolbar.callCard(first.connectionId).waitFor({ state: 'detached' });
    expect(await toolbar.noticeCodes()).toEqual(['PERSIST_FAILED']);
    await reload(session);

    await toolbar.waitForCallState('established.held', second.connectionId);
    await expect.poll(() => toolbar.callStates(), POLL).toEqual(['established.held']);
    expect(published(await host.uefLog(), first.eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
  });
});

describe('when the saved session names calls Fusion never had', () => {
  test('a forged record of 20 connected calls sends Fusion no closeCommEvent and starts no after-call work', async () => {
    const session = await e2e.open({ toolbarParams: { wrapUp: 'on' } });
    const { toolbar, host, agentId, page } = session;
    const eventIds = Array.from({ length: 20 }, (_, i) => `forged-${i}`);
    await (await toolbar.contentFrame()).evaluate(
      ({ agent, ids }) => {
        const calls = ids.map((eventId, i) => ({
          key: `call:conn:f0f0f0f0f0f0f0${String(i).padStart(2, '0')}`,
          connectionIds: [`f0f0f0f0f0f0f0${String(i).padStart(2, '0')}`],
          eventId,
          direction: 'inbound',
          number: `+1555000${String(i).padStart(4, '0')}`,
          state: 'established',
          since: Date.now() - 60_000,
          offered: true,
          started: true,
        }));
        const record = { v: 2, agentId: agent, savedAt: Date.now(), presence: 'available', calls, engagements: [], seenEventIds: ids };
        sessionStorage.setItem(`fusion-genesys-toolbar:session:${agent}`, JSON.stringify(record));
      },
      { agent: agentId, ids: eventIds },
    );
    await reload(session);

    await expect.poll(() => toolbar.callStates(), POLL).toEqual([]);
    // Fusion's agent state: available, never after-call work.
    await session.page.locator('[data-testid="agent-state"][data-state="AVAILABLE"]').waitFor();
    await page.waitForTimeout(300);
    expect(await toolbar.agentLabel()).toBe('Available');
    expect(session.simLog().filter((line) => /^notready /.test(line))).toEqual([]);
    expect(agentStates(await host.uefLog()).slice(-1)).toEqual(['AVAILABLE']);
    const log = await host.uefLog();
    expect(published(log).filter((name) => name.startsWith('closeCommEvent'))).toEqual([]);
    expect(eventIds.flatMap((eventId) => published(log, eventId))).toEqual([]);
  });
});
