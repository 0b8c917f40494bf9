/**
 * Never lose a call: the toolbar frame reloads mid-call (F5, Fusion re-renders it), and the
 * microservice restarts having lost its state. Fusion's engagements close under their original
 * eventIds, nothing is published twice, and no ghost call stays.
 */
import { describe, expect, test } from 'vitest';
import { useE2eEnvironment, type E2eSession } from './support/environment';
import { failures, published } from './support/fusion-host-page';
import type { Ringing } from './support/genesys-sim';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000, interval: 25 };

/** Three calls at once: one ringing, one connected, one on hold. */
async function threeCalls({ sim, toolbar, host }: E2eSession): Promise<{ ringing: Ringing; talking: Ringing; held: Ringing }> {
  const talking = await sim.ring({ ani: '+15550000001' });
  await toolbar.accept(talking.connectionId);
  await toolbar.waitForCallState('established.talking', talking.connectionId);
  const held = await sim.ring({ ani: '+15550000002' });
  await toolbar.accept(held.connectionId);
  await toolbar.waitForCallState('established.talking', held.connectionId);
  await toolbar.hold(held.connectionId);
  await toolbar.waitForCallState('established.held', held.connectionId);
  const ringing = await sim.ring({ ani: '+15550000003' });
  await toolbar.waitForCallState('ringing.alerting', ringing.connectionId);
  await host.engagement(held.eventId).waitFor();
  return { ringing, talking, held };
}

/** Reloads the toolbar frame; resolves with ms until all `keys` are shown again. */
async function reloadToolbar({ toolbar }: E2eSession, keys: string[]): Promise<number> {
  const frame = await toolbar.contentFrame();
  const started = Date.now();
  await frame.evaluate(() => location.reload());
  await Promise.all(keys.map((key) => toolbar.callCard(key).waitFor({ timeout: 5_000 })));
  return Date.now() - started;
}

async function expectClosedOnce(session: E2eSession, eventId: string, reason: string, answered: boolean): Promise<void> {
  await expect.poll(async () => published(await session.host.uefLog(), eventId), POLL).toEqual(
    answered ? ['newCommEvent', 'startCommEvent', `closeCommEvent:${reason}`] : ['newCommEvent', `closeCommEvent:${reason}`],
  );
}

describe('after a reload of the toolbar frame', () => {
  test('ringing, connected and held calls come back at once under their eventIds; caller ends two, agent one', async () => {
    const session = await e2e.open();
    const { sim, toolbar } = session;
    const { ringing, talking, held } = await threeCalls(session);
    const shownMs = await reloadToolbar(session, [ringing.connectionId, talking.connectionId, held.connectionId]);
    console.info(`[e2e] reload → 3 calls shown: ${shownMs} ms`);
    // Confirmed by Genesys' snapshot: the restoring marks go, the states are the truth.
    await expect.poll(() => toolbar.frame.getByTestId('call-restoring').count(), POLL).toBe(0);
    await toolbar.waitForCallState('ringing.alerting', ringing.connectionId);
    await toolbar.waitForCallState('established.talking', talking.connectionId);
    await toolbar.waitForCallState('established.held', held.connectionId);

    await sim.callerHangup(ringing.connectionId);
    await sim.callerHangup(held.connectionId);
    await toolbar.hangUp(talking.connectionId);
    await expectClosedOnce(session, ringing.eventId, 'ABANDONED', false);
    await expectClosedOnce(session, held.eventId, 'WRAPUP', true);
    await expectClosedOnce(session, talking.eventId, 'WRAPUP', true);
    await expect.poll(() => toolbar.callStates(), POLL).toEqual([]);
    expect(failures(await session.host.uefLog())).toEqual([]);
  });

  test('the agent ends two, the caller one; Fusion’s End Call reaches a restored call', async () => {
    const session = await e2e.open();
    const { sim, toolbar, host } = session;
    const { ringing, talking, held } = await threeCalls(session);
    await reloadToolbar(session, [ringing.connectionId, talking.connectionId, held.connectionId]);
    await toolbar.waitForCallState('established.held', held.connectionId);

    await toolbar.decline(ringing.connectionId);
    await host.endCall(held.eventId);
    await sim.callerHangup(talking.connectionId);
    await expectClosedOnce(session, ringing.eventId, 'REJECT', false);
    await expectClosedOnce(session, held.eventId, 'WRAPUP', true);
    await expectClosedOnce(session, talking.eventId, 'WRAPUP', true);
    expect(failures(await host.uefLog())).toEqual([]);
  });

  test('a call that ended while the page was reloading is closed in Fusion after it', async () => {
    const session = await e2e.open();
    const { sim, toolbar } = session;
    const call = await sim.ring();
    await toolbar.accept(call.connectionId);
    await toolbar.waitForCallState('established.talking', call.connectionId);
    // The service is away while the page reloads, and the caller hangs up meanwhile.
    await sim.restart(1_500);
    const frame = await toolbar.contentFrame();
    await frame.evaluate(() => location.reload());
    await toolbar.callCard(call.connectionId).waitFor();
    await sim.callerHangup(call.connectionId);
    await expectClosedOnce(session, call.eventId, 'WRAPUP', true);
    await toolbar.callCard(call.connectionId).waitFor({ state: 'detached' });
    // Reloaded again with the call closed: a ring reusing its eventId is still a new engagement in Fusion.
    await (await toolbar.contentFrame()).evaluate(() => {
      Object.assign(window, { beforeReload: true });
      location.reload();
    });
    await expect.poll(async () => (await toolbar.contentFrame()).evaluate(() => !('beforeReload' in window) && 'fusionToolbar' in window).catch(() => false), POLL).toBe(true);
    await expect.poll(async () => { const agent = await sim.agentState(); return agent?.registered === true && agent.sockets === 1; }, POLL).toBe(true);
    const reused = await sim.ring({ eventId: call.eventId });
    await toolbar.waitForCallState('ringing.alerting', reused.connectionId);
    await expectClosedOnce(session, call.eventId, 'WRAPUP', true);
    expect(published(await session.host.uefLog()).filter((name) => name === 'newCommEvent')).toHaveLength(2);
  });
});

describe('when the microservice restarts having lost its state', () => {
  test('the toolbar asks what is true after reconnecting: no ghost call within 3 s', async () => {
    const session = await e2e.open();
    const { sim, toolbar } = session;
    const call = await sim.ring();
    await toolbar.accept(call.connectionId);
    await toolbar.waitForCallState('established.talking', call.connectionId);
    const restarted = Date.now();
    await sim.restart(300, true);
    await expect.poll(async () => (await sim.agentState())?.registered ?? false, POLL).toBe(true);
    const registered = Date.now();
    await toolbar.callCard(call.connectionId).waitFor({ state: 'detached', timeout: 3_000 });
    const ended = Date.now();
    console.info(`[e2e] restart (300 ms down, state lost) → registered ${registered - restarted} ms → ghost ended ${ended - restarted} ms`);
    await expectClosedOnce(session, call.eventId, 'WRAPUP', true);
  });
});
