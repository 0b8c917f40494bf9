/**
 * Toolbar → bridge → GWS simulator in headless Chromium: the agent signs in, takes an inbound call
 * from Fusion's offer, hangs up into Fusion's Wrap Up; a reload mid-call needs no new sign-in and
 * keeps the call and its engagement; a bridge that forgot the session brings the form back and
 * the call stays on the toolbar until the new sign-in confirms it.
 */
import { describe, expect, test } from 'vitest';
import { useBridgeEnvironment, type BridgeSession } from './support/bridge-environment';
import { failures, published } from './support/fusion-host-page';

const e2e = useBridgeEnvironment();
const POLL = { timeout: 8_000, interval: 25 };
const AGENT = 'JohnSmith';

/** The Fusion eventId of the engagement in `phase`. */
async function engagementId(session: BridgeSession, phase: string): Promise<string> {
  let id: string | undefined;
  await expect.poll(async () => (id = (await session.host.state()).engagements.find((e) => e.phase === phase)?.eventId), POLL).toBeTruthy();
  return id as string;
}

async function signedInAndAvailable({ signIn, page }: BridgeSession, username: string): Promise<void> {
  await signIn.signIn(username, username);
  await page.locator('[data-testid="agent-state"][data-state="AVAILABLE"]').waitFor();
}

/** A call rings through GWS and the agent answers it in Fusion's offer dialog. */
async function answeredFromFusion(session: BridgeSession, username: string): Promise<{ callId: string; eventId: string }> {
  const callId = session.gws.ring(username, { ani: '+15551230000' });
  await session.toolbar.waitForCallState('ringing.alerting', callId);
  await session.host.answer();
  await session.toolbar.waitForCallState('established.talking', callId);
  return { callId, eventId: await engagementId(session, 'active') };
}

describe('when the toolbar runs through the bridge', () => {
  test('sign in, answer from Fusion, hang up into Wrap Up; reload mid-call: no sign-in, the same call and engagement', async () => {
    const session = await e2e.open();
    const { toolbar, host, signIn } = session;
    // Keyboard and screen reader: the first field has the focus.
    expect(await toolbar.frame.getByLabel('Username').evaluate((el) => el === document.activeElement)).toBe(true);
    await signIn.signIn(AGENT, 'wrong');
    await expect.poll(() => signIn.error().getAttribute('data-code'), POLL).toBe('SIGN_IN_FAILED');
    await signedInAndAvailable(session, AGENT);
    expect(await signIn.root().count()).toBe(0);

    const first = await answeredFromFusion(session, AGENT);
    await toolbar.hangUp(first.callId);
    await host.wrapUp(first.eventId).waitFor();
    await expect.poll(async () => published(await host.uefLog(), first.eventId), POLL).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);

    const second = await answeredFromFusion(session, AGENT);
    const frame = await toolbar.contentFrame();
    expect(await frame.evaluate(() => localStorage.length)).toBe(0);
    expect(frame.url()).not.toMatch(/token|ticket/);
    await frame.evaluate(() => location.reload());
    await toolbar.callCard(second.callId).waitFor();
    await toolbar.waitForCallState('established.talking', second.callId);
    await expect.poll(() => toolbar.connectionLabel(), POLL).toContain('Connected');
    expect(await signIn.root().count()).toBe(0);
    // The same engagement: nothing offered again after the reload.
    expect(published(await host.uefLog(), second.eventId)).toEqual(['newCommEvent', 'startCommEvent']);
    await toolbar.hangUp(second.callId);
    await expect.poll(async () => published(await host.uefLog(), second.eventId), POLL).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(await host.uefLog())).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  test('the bridge forgets the session (401): the sign-in form comes back, the call is kept and confirmed after it', async () => {
    const session = await e2e.open();
    const { toolbar, host, signIn } = session;
    await signedInAndAvailable(session, 'KateLondon');
    const call = await answeredFromFusion(session, 'KateLondon');

    await session.restartBridge();
    await signIn.root().waitFor();
    await expect.poll(() => signIn.error().getAttribute('data-code'), POLL).toBe('SESSION_INVALID');
    await toolbar.callCard(call.callId).waitFor();

    await signIn.signIn('KateLondon', 'KateLondon');
    await expect.poll(() => toolbar.connectionLabel(), POLL).toContain('Connected');
    await toolbar.waitForCallState('established.talking', call.callId);
    await toolbar.hangUp(call.callId);
    await expect.poll(async () => published(await host.uefLog(), call.eventId), POLL).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(await host.uefLog())).toEqual([]);
  });
});
