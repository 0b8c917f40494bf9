/**
 * What the agent sees, state by state, at the Fusion frame's sizes (320×480, 480×640), in English
 * and Japanese: screenshots under test-results/screens/, each checked for what matters at a glance
 * (Answer in sight without scrolling, the caller by name, no raw code outside "Details", no
 * sideways scrolling), and WCAG AA (axe-core) in light and dark. One page load per language.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eEnvironment, type E2eSession } from './support/environment';
import { keyOf } from '../support/call-names';
import { agentStates } from './support/fusion-host-page';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };
const SCREENS = join(fileURLToPath(new URL('../../', import.meta.url)), 'test-results', 'screens');
const SIZES = [
  [320, 480],
  [480, 640],
] as const;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const WORDS = {
  en: {
    ringing: 'Ringing', held: 'On hold', remote: 'Caller hung up', banner: 'Disconnected from Genesys',
    onCall: 'On a call', ready: 'Ready', available: 'Available', consulting: 'Consulting', lastKnown: '(last known)',
    duration: 'Duration', transferTo: 'Transfer to', consultWith: 'Consult with', startConsult: 'Start consult',
    waitAnswer: 'Swap works once the person you called answers', menu: 'Status and alerts', supportLog: 'Download support log',
    afterCall: 'After-call work', endsIn: 'Ends by itself in', done: 'Done', notReady: 'Not ready', break: 'Break',
  },
  ja: {
    ringing: '呼び出し中', held: '保留中', remote: '相手が切断しました', banner: 'Genesys との接続が切れました',
    onCall: '通話中', ready: '受付可', available: '受付可', consulting: '相談中', lastKnown: '（前回の状態）',
    duration: '経過時間', transferTo: '転送先', consultWith: '相談先', startConsult: '相談を開始',
    waitAnswer: '切替は相手が応答してから使えます', menu: '状態と通知', supportLog: 'サポート用ログをダウンロード',
    afterCall: '後処理中', endsIn: '後に自動終了', done: '完了', notReady: '受付不可', break: '休憩',
  },
} as const;

interface Look {
  overflow: boolean;
  rawCodes: string[];
  /** Each ringing card's Answer: inside the first screen, without scrolling. */
  answers: { top: number; bottom: number }[];
  callers: string[];
  scrollY: number;
}

/** Reads the toolbar frame as the agent sees it (innerText leaves out closed <details>). */
function look(frame: Frame): Promise<Look> {
  return frame.evaluate(() => {
    window.scrollTo(0, 0);
    const root = document.documentElement;
    const text = document.body.innerText;
    return {
      overflow: root.scrollWidth > root.clientWidth,
      rawCodes: text.match(/\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g) ?? [],
      answers: [...document.querySelectorAll('[data-testid="call-card"][data-call-state^="ringing"] [data-testid="accept"]')].map((el) => {
        const rect = el.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom };
      }),
      callers: [...document.querySelectorAll('[data-testid="call-caller"]')].map((el) => el.textContent ?? ''),
      scrollY: window.scrollY,
    };
  });
}

async function resize(session: E2eSession, width: number, height: number): Promise<void> {
  await session.page.getByTestId('toolbar-frame').evaluate((frame, [w, h]) => {
    (frame as HTMLElement).style.cssText = `width:${w}px !important;height:${h}px !important;max-width:none;flex:none`;
  }, [width, height] as const);
  // Two frames: layout, then paint at the new size.
  const frame = await session.toolbar.contentFrame();
  await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Screenshots of the current state at both sizes, each checked; returns nothing, fails on the first problem. */
async function shoot(session: E2eSession, lang: string, state: string, expect: { callers?: string[]; ringing?: number }): Promise<void> {
  const frame = await session.toolbar.contentFrame();
  for (const [width, height] of SIZES) {
    await resize(session, width, height);
    // The agent's first screen: from the top (a click on Details may have scrolled the frame).
    await frame.evaluate(() => window.scrollTo(0, 0));
    const path = join(SCREENS, `${lang}-${state}-${width}x${height}.png`);
    await session.page.getByTestId('toolbar-frame').screenshot({ path, animations: 'disabled' });
    const seen = await look(frame);
    const where = `${lang} ${state} ${width}×${height}`;
    expectLook(seen, where, height, expect);
  }
}

function expectLook(seen: Look, where: string, height: number, wanted: { callers?: string[]; ringing?: number }): void {
  expect(seen.overflow, `${where}: no sideways scrolling`).toBe(false);
  expect(seen.rawCodes, `${where}: no raw code outside Details`).toEqual([]);
  expect(seen.answers.length, `${where}: Answer buttons`).toBe(wanted.ringing ?? 0);
  for (const answer of seen.answers) {
    expect(answer.top >= 0 && answer.bottom <= height, `${where}: Answer in sight (y ${answer.top}–${answer.bottom} of ${height})`).toBe(true);
  }
  for (const caller of wanted.callers ?? []) expect(seen.callers, `${where}: caller by name`).toContain(caller);
}

/** axe-core's WCAG 2 A/AA rules in the toolbar frame, in the given colour scheme. */
async function expectAccessible(session: E2eSession, where: string): Promise<void> {
  const frame = await session.toolbar.contentFrame();
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ path: AXE });
  for (const colorScheme of ['light', 'dark'] as const) {
    await session.page.emulateMedia({ colorScheme });
    const violations = await frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
    });
    expect(violations, `${where} (${colorScheme})`).toEqual([]);
  }
  await session.page.emulateMedia({ colorScheme: 'light' });
}

/** The header's state line as the agent reads it: its words, and whether it takes one line and shows them all. */
function headerLine(frame: Frame): Promise<{ text: string; lines: number; fits: boolean; widths: string }> {
  return frame.evaluate(() => {
    const line = document.querySelector<HTMLElement>('[data-testid="agent-state"]')!;
    const height = parseFloat(getComputedStyle(line).lineHeight) || 20;
    return { text: line.innerText, lines: Math.round(line.getBoundingClientRect().height / height), fits: line.scrollWidth <= line.clientWidth, widths: `${line.scrollWidth} px of ${line.clientWidth}` };
  });
}

/** The header on one line, all its words shown, at both sizes. */
async function expectOneLineHeader(session: E2eSession, where: string, words: string[]): Promise<void> {
  const frame = await session.toolbar.contentFrame();
  for (const [width, height] of SIZES) {
    await resize(session, width, height);
    const seen = await headerLine(frame);
    expect(seen.lines, `${where} ${width}px: the header takes one line`).toBe(1);
    expect(seen.fits, `${where} ${width}px: no word of the header cut off (${seen.text}: ${seen.widths})`).toBe(true);
    for (const word of words) expect(seen.text, `${where}: header`).toContain(word);
  }
}

/** Light at both sizes (checked like every screen), dark at both sizes, then axe in light and dark. */
async function shootAll(session: E2eSession, lang: string, state: string, wanted: { callers?: string[]; ringing?: number } = {}): Promise<void> {
  await shoot(session, lang, state, wanted);
  await session.page.emulateMedia({ colorScheme: 'dark' });
  for (const [width, height] of SIZES) {
    await resize(session, width, height);
    await (await session.toolbar.contentFrame()).evaluate(() => window.scrollTo(0, 0));
    await session.page.getByTestId('toolbar-frame').screenshot({ path: join(SCREENS, `${lang}-${state}-dark-${width}x${height}.png`), animations: 'disabled' });
  }
  await session.page.emulateMedia({ colorScheme: 'light' });
  await expectAccessible(session, `${lang} ${state}`);
}

async function darkShot(session: E2eSession, lang: string, state: string): Promise<void> {
  await session.page.emulateMedia({ colorScheme: 'dark' });
  await resize(session, 320, 480);
  await (await session.toolbar.contentFrame()).evaluate(() => window.scrollTo(0, 0));
  await session.page.getByTestId('toolbar-frame').screenshot({ path: join(SCREENS, `${lang}-${state}-dark-320x480.png`), animations: 'disabled' });
  await session.page.emulateMedia({ colorScheme: 'light' });
}

describe.each(['en', 'ja'] as const)('what the agent sees (%s)', (lang) => {
  test('ringing, talking, held, two calls, errors, the caller hanging up, disconnected', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const session = await e2e.open({ lang });
    const { toolbar, sim } = session;
    const words = WORDS[lang];
    const ada = lang === 'ja' ? '花子 山田' : 'Ada Lovelace';
    const grace = 'Grace Hopper';

    // Ringing: Fusion's reverse lookup names the caller.
    const a = await sim.ring({ ani: lang === 'ja' ? '+81312345678' : '+15551230000', queue: lang === 'ja' ? 'サポート' : 'Sales' });
    const ringing = await toolbar.waitForCallState('ringing.alerting', a.connectionId);
    await expect.poll(() => ringing.getByTestId('call-caller').textContent(), POLL).toBe(ada);
    expect(await ringing.getByTestId('call-state').textContent()).toContain(words.ringing);
    await shoot(session, lang, 'ringing', { callers: [ada], ringing: 1 });
    await darkShot(session, lang, 'ringing');
    await expectAccessible(session, `${lang} ringing`);

    await toolbar.accept(a.connectionId);
    await toolbar.waitForCallState('established.talking', a.connectionId);
    await shoot(session, lang, 'talking', { callers: [ada] });

    await toolbar.hold(a.connectionId);
    const held = await toolbar.waitForCallState('established.held', a.connectionId);
    expect(await held.getByTestId('call-state').textContent()).toContain(words.held);
    await held.getByTestId('hold-timer').waitFor();
    await shoot(session, lang, 'held', { callers: [ada] });

    // A second call rings during the held one: it goes on top.
    const b = await sim.ring({ ani: '+15559870000' });
    await toolbar.waitForCallState('ringing.alerting', b.connectionId);
    await expect.poll(() => toolbar.callCard(b.connectionId).getByTestId('call-caller').textContent(), POLL).toBe(grace);
    expect(await toolbar.frame.locator('[data-testid="call-card"]').first().getAttribute('data-call-key')).toBe(keyOf(b.connectionId));
    await shoot(session, lang, 'two-calls', { callers: [ada, grace], ringing: 1 });

    // Errors where they belong: Resume fails on the held card, Not ready fails in the header.
    await sim.failNext({ command: 'retrieve', status: 500 });
    await toolbar.resume(a.connectionId);
    await toolbar.callCard(a.connectionId).getByTestId('error').waitFor();
    await sim.failNext({ command: 'notReady', status: 503 });
    await toolbar.agentToggle().click();
    await toolbar.frame.locator('.bar [data-testid="error"]').waitFor();
    await shoot(session, lang, 'error', { callers: [ada, grace], ringing: 1 });
    await darkShot(session, lang, 'error');
    await expectAccessible(session, `${lang} two calls and errors`);
    // The code is there for whoever needs it, behind Details.
    const details = toolbar.callCard(a.connectionId).locator('details.more');
    await details.locator('summary').click();
    expect(await details.locator('.code').textContent()).toContain('REST_HTTP_500');
    await details.locator('summary').click();

    // The caller on hold hangs up: the card says so for a few seconds; the ringing call stays on top.
    await sim.callerHangup(a.connectionId);
    const ended = toolbar.frame.locator(`[data-testid="ended-card"][data-call-key="${keyOf(a.connectionId)}"]`);
    await ended.waitFor();
    expect(await ended.getByTestId('ended-state').textContent()).toContain(words.remote);
    // Its Resume error outlives the card as a notice, which names the call.
    await expect.poll(() => toolbar.byTestId('notice-call').first().textContent(), POLL).toContain(ada);
    await shoot(session, lang, 'caller-hung-up', { callers: [grace], ringing: 1 });

    // Genesys out of reach (the service restarts, 3 s down): the banner says what still works.
    await fetch(`${sim.base}/sim/restart`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ downMs: 3_000 }) });
    await toolbar.byTestId('connection-banner').waitFor();
    expect(await toolbar.byTestId('connection-banner').textContent()).toContain(words.banner);
    await shoot(session, lang, 'disconnected', { ringing: 1 });
    await expectAccessible(session, `${lang} disconnected`);
    // The last known state on one line, and a switch that looks disconnected.
    await expectOneLineHeader(session, `${lang} disconnected`, [words.ringing, words.lastKnown]);
    expect(await toolbar.agentToggle().getAttribute('data-offline')).toBe('true');
    await toolbar.byTestId('connection-banner').waitFor({ state: 'detached', timeout: 8_000 });
  });
});

describe.each(['en', 'ja'] as const)('what the agent reads at a glance (%s)', (lang) => {
  test('on a call, passing it on, consulting, the menu, the wrap-up, dialling', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const session = await e2e.open({ lang, toolbarParams: { wrapUp: 'on', wrapUpSec: '600' } });
    const { toolbar, sim, host } = session;
    // Start-up told Fusion each state once: logged out, then available.
    expect(agentStates(await host.uefLog())).toEqual(['LOGGED_OUT', 'AVAILABLE']);
    const words = WORDS[lang];
    const ada = lang === 'ja' ? '花子 山田' : 'Ada Lovelace';
    await sim.config({ consultDelayMs: 60_000 });

    // On a call: what the agent does first, Genesys' state beside it; the timer is labelled.
    const a = await sim.ring({ ani: lang === 'ja' ? '+81312345678' : '+15551230000' });
    await toolbar.waitForCallState('ringing.alerting', a.connectionId);
    await expect.poll(() => toolbar.callCard(a.connectionId).getByTestId('call-caller').textContent(), POLL).toBe(ada);
    await toolbar.accept(a.connectionId);
    let card = await toolbar.waitForCallState('established.talking', a.connectionId);
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe(words.onCall);
    expect(await toolbar.agentGenesysState()).toBe(words.ready);
    await expectOneLineHeader(session, `${lang} on a call`, [words.onCall, words.ready]);
    expect(await card.getByRole('timer').first().innerText()).toContain(words.duration);
    // The support log is in the menu: no row of its own under the calls.
    expect(await toolbar.byTestId('flight-log-download').isVisible()).toBe(false);
    await shootAll(session, lang, 'on-call', { callers: [ada] });

    // The action first, then a field labelled for it.
    await card.getByTestId('transfer').click();
    await card.getByLabel(words.transferTo).waitFor();
    await shootAll(session, lang, 'transfer-to', { callers: [ada] });
    await card.getByTestId('consult').click();
    await card.getByLabel(words.consultWith).fill('+15550007777');
    await card.getByRole('button', { name: words.startConsult }).click();
    card = await toolbar.waitForCallState('established.consulting.ringingTarget', a.connectionId);
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe(words.consulting);
    expect(await card.getByTestId('swap').isDisabled()).toBe(true);
    expect(await card.getByTestId('consult-why').innerText()).toContain(words.waitAnswer);
    // Both parties, each with its own timer: the customer's hold, the consult leg's dial.
    await card.getByTestId('customer-timer').waitFor();
    await card.getByTestId('target-timer').waitFor();
    await shootAll(session, lang, 'consult', { callers: [ada] });
    await card.getByTestId('cancel-consult').click();
    card = await toolbar.waitForCallState('established.talking', a.connectionId);

    // The settings menu holds the support log, reachable by keyboard; Escape closes it.
    await toolbar.byTestId('menu').click();
    const download = toolbar.byTestId('menu-panel').getByRole('button', { name: words.supportLog });
    await download.waitFor();
    await shootAll(session, lang, 'menu', { callers: [ada] });
    await download.focus();
    await session.page.keyboard.press('Escape');
    await toolbar.byTestId('menu-panel').waitFor({ state: 'hidden' });

    // After-call work: one heading, the time left in a neutral colour, one action.
    await toolbar.hangUp(a.connectionId);
    const wrapUp = toolbar.byTestId('wrap-up');
    await wrapUp.getByTestId('wrap-up-timer').filter({ hasText: words.endsIn }).waitFor();
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe(words.afterCall);
    // The customer stays on the wrap-up (the ended card goes after a few seconds; this does not).
    expect(await wrapUp.getByTestId('wrap-up-caller').textContent()).toBe(ada);
    expect(await wrapUp.getByRole('heading').count()).toBe(1);
    expect(await wrapUp.getByRole('button').allInnerTexts()).toEqual([words.done]);
    const frame = await toolbar.contentFrame();
    const colours = await frame.evaluate(() => {
      const state = document.querySelector('.wrap-up-state')!;
      return { state: getComputedStyle(state).color, error: getComputedStyle(document.documentElement).getPropertyValue('--error').trim() };
    });
    expect(colours.state).not.toBe(colours.error);
    await shootAll(session, lang, 'wrap-up');
    await wrapUp.getByTestId('wrap-up-done').click();
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe(words.available);

    // Not ready with a reason: still one line, in both languages.
    await toolbar.byTestId('menu').click();
    await toolbar.byTestId('agent-reason').selectOption('Break');
    await session.page.keyboard.press('Escape');
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe(words.notReady);
    await expectOneLineHeader(session, `${lang} not ready`, [words.notReady, words.break]);

    // Dialling: the agent types it grouped, Genesys gets the digits, the card reads it grouped.
    await sim.config({ dialDelayMs: 60_000 });
    await toolbar.dial('+1 555 987 6543');
    const dialing = await toolbar.waitForCallState('dialing.alerting');
    expect(await dialing.getByTestId('call-caller').textContent()).toBe('+1 555-987-6543');
    expect((await sim.calls()).filter((call) => call.direction === 'outbound' && !call.consultOf).map((call) => call.ani)).toEqual(['+15559876543']);
    await expectOneLineHeader(session, `${lang} dialling while not ready`, [words.notReady]);
    await shootAll(session, lang, 'dialing', { callers: ['+1 555-987-6543'] });
  });
});
