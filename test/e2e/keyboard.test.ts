/** Keyboard-only use of the toolbar inside Fusion: shortcuts, and Tab reaching every control with a visible focus ring. */
import { describe, expect, test } from 'vitest';
import type { Frame } from 'playwright-core';
import { published } from './support/fusion-host-page';
import { expectWrappedUp } from './support/expectations';
import { useE2eEnvironment } from './support/environment';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };

interface Focused {
  id: string;
  focusVisible: boolean;
  ring: boolean;
}

/** The toolbar's focused control, or null when focus is outside the toolbar frame. */
function focused(frame: Frame): Promise<Focused | null> {
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!document.hasFocus() || !(el instanceof HTMLElement) || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      id: el.dataset['testid'] ?? `${el.tagName.toLowerCase()}#${el.id}`,
      focusVisible: el.matches(':focus-visible'),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

/** Every control a keyboard user should reach now: visible, enabled, in the tab order. */
function reachableControls(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0)
      .map((el) => el.dataset['testid'] ?? `${el.tagName.toLowerCase()}#${el.id}`),
  );
}

describe('when the agent uses only the keyboard', () => {
  test('Alt+A answers and Alt+H hangs up; Tab reaches every control with a visible focus ring', async () => {
    const { page, host, toolbar, sim } = await e2e.open();
    const { connectionId, eventId } = await sim.ring({ ani: '+15559870000' });
    await toolbar.waitForCallState('ringing.alerting', connectionId);
    await host.offer(eventId).waitFor();
    expect(await toolbar.callCard(connectionId).getByTestId('accept').getAttribute('aria-keyshortcuts')).toBe('Alt+A');

    // Focus is in the toolbar frame (on its first control), not on the call card.
    await toolbar.agentToggle().focus();
    await page.keyboard.press('Alt+KeyA');
    await toolbar.waitForCallState('established.talking', connectionId);
    await host.engagement(eventId).waitFor();
    expect((await sim.call(connectionId))?.status).toBe('established');

    // Leave the toolbar backwards, then Tab through it from its first control to its last.
    const frame = await toolbar.contentFrame();
    for (let i = 0; i < 50 && (await focused(frame)) !== null; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(frame)).toBeNull();
    const visited: Focused[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(frame);
      if (now === null) {
        if (visited.length > 0) break;
        continue;
      }
      visited.push(now);
    }
    const expected = await reachableControls(frame);
    expect(expected).toEqual(expect.arrayContaining(['agent-toggle', 'menu', 'help', 'hold', 'hangup', 'dial-unfold']));
    expect(visited.map((item) => item.id)).toEqual(expected);
    expect(visited.filter((item) => !item.focusVisible || !item.ring)).toEqual([]);

    // Back into the toolbar (its last control); Alt+H from there hangs up the active call.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(frame))?.id).toBe(expected[expected.length - 1]);
    await page.keyboard.press('Alt+KeyH');
    await expectWrappedUp({ host, toolbar, sim }, connectionId, eventId);
  });

  test('Alt+D declines a ringing call', async () => {
    const { page, host, toolbar, sim } = await e2e.open();
    const { connectionId, eventId } = await sim.ring({ ani: '+15551230000' });
    await toolbar.waitForCallState('ringing.alerting', connectionId);
    // Focus in the toolbar but not on the card: the dial field is folded while a call is up.
    await toolbar.byTestId('dial-unfold').focus();
    await page.keyboard.press('Alt+KeyD');
    await toolbar.callCard(connectionId).waitFor({ state: 'detached' });
    await host.closedItem(eventId).waitFor();
    await expect.poll(async () => published(await host.uefLog(), eventId), POLL).toEqual(['newCommEvent', 'closeCommEvent:REJECT']);
  });
});
