/**
 * `npm run record-demo` — records the demo session's flight log the way support gets one from the
 * field, and writes it as the replay fixture `test/fixtures/flight/demo-session.json`.
 *
 * The production toolbar (built into a temp folder), framed by the Fusion host simulator, against
 * the Genesys simulator, in headless Chromium (as the browser tests run it). The session: log in;
 * an inbound call answered in Fusion's offer (screen pop), put on hold and resumed, hung up, wrap-up
 * saved; an outbound click-to-dial from Fusion, answered and hung up, wrap-up saved; a missed call
 * (it rings, the caller gives up). Then `window.fusionToolbar.flightLog()` in the toolbar frame,
 * as support would download it (masked: the product's default). `--out <file>` writes elsewhere.
 * `test/recorder/flight-recorder.test.ts` replays every fixture into the real machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import { isFlightLog, type FlightLog } from '../src/recorder/flight-log';
import { recordedStates, replay } from '../src/recorder/replay';
import { startGenesysSimulator } from '../src/sim/genesys';
import { launchChromium } from '../test/e2e/support/chromium';
import { FusionHostPage } from '../test/e2e/support/fusion-host-page';
import { GenesysSim } from '../test/e2e/support/genesys-sim';
import { staticSite } from '../test/e2e/support/static-server';
import { ToolbarPage } from '../test/e2e/support/toolbar-page';
import { buildProduction } from '../test/support/build';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'test/fixtures/flight/demo-session.json') } } });
const OUT = values.out;
const AGENT = 'demo-agent';
const ADA = '+15551230000'; // in the Fusion simulator's contacts: the screen pop names her
const GRACE = '+15559870000';

const step = (what: string) => console.log(`[record-demo] ${what}`);

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The agent's state as Fusion shows it (AVAILABLE, UNAVAILABLE, …). */
async function agentAt(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="agent-state"][data-state="${state}"]`).waitFor({ timeout: 10_000 });
}

async function session(page: Page, host: FusionHostPage, toolbar: ToolbarPage, sim: GenesysSim): Promise<void> {
  step('log in (register, available)');
  await host.waitUntilToolbarReady();
  await agentAt(page, 'AVAILABLE');

  step('inbound call from a known contact: answered in Fusion, screen pop');
  const inbound = await sim.ring({ ani: ADA, queue: 'Support' });
  await host.offer(inbound.eventId).waitFor();
  await host.answer(inbound.eventId);
  await toolbar.waitForCallState('established.talking', inbound.connectionId);
  await host.engagement(inbound.eventId).waitFor();
  step('hold, resume');
  await toolbar.hold(inbound.connectionId);
  await toolbar.waitForCallState('established.held', inbound.connectionId);
  await toolbar.resume(inbound.connectionId);
  await toolbar.waitForCallState('established.talking', inbound.connectionId);
  step('hang up, wrap-up saved in Fusion');
  await toolbar.hangUp(inbound.connectionId);
  await host.wrapUp(inbound.eventId).waitFor();
  await host.saveWrapUp('Asked about her invoice; resolved.', inbound.eventId);
  await agentAt(page, 'AVAILABLE');

  step('outbound click-to-dial from Fusion: answered, hung up, wrap-up saved');
  await host.clickToDial(GRACE);
  await waitFor('the outbound call to connect', async () => (await sim.calls()).some((call) => call.direction === 'outbound' && call.status === 'established'));
  const outbound = (await sim.calls()).find((call) => call.direction === 'outbound' && call.status === 'established');
  if (!outbound?.eventId) throw new Error('no outbound call');
  // A dial the toolbar placed keeps the key of its eventId (`dial:<eventId>`), not of its ConnID.
  const dialKey = `dial:${outbound.eventId}`;
  await toolbar.waitForCallState('established.talking', dialKey);
  await toolbar.hangUp(dialKey);
  await waitFor('the outbound wrap-up', async () => (await host.wrapUp().count()) > 0);
  await host.saveWrapUp('Called back about the delivery.');
  await agentAt(page, 'AVAILABLE');

  step('missed call: it rings, the caller gives up');
  const missed = await sim.ring({ ani: '+15550001111', queue: 'Sales' });
  await toolbar.waitForCallState('ringing.alerting', missed.connectionId);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await sim.callerHangup(missed.connectionId);
  await toolbar.callCard(missed.connectionId).waitFor({ state: 'detached', timeout: 10_000 });
  await waitFor('no call left in the simulator', async () => (await sim.calls()).every((call) => call.status === 'released'));
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'fusion-toolbar-demo-'));
  step('building the production toolbar');
  await buildProduction(outDir);
  const site = staticSite(outDir);
  const sim = await startGenesysSimulator({ host: '127.0.0.1', port: 0, dialDelayMs: 800, log: () => undefined });
  const browser = await launchChromium();
  try {
    const [hostOrigin, toolbarOrigin] = [await site.listen(), await site.listen()];
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The product's defaults (after-call work on, masked log): only where the services are.
    const url = new URL('/fusion-host.html', hostOrigin);
    url.searchParams.set('genesys', sim.url);
    url.searchParams.set('toolbar', new URL('/index.html', toolbarOrigin).toString());
    url.searchParams.set('agentId', AGENT);
    url.searchParams.set('lang', 'en');
    await page.goto(url.toString());
    const host = new FusionHostPage(page);
    const toolbar = new ToolbarPage(page);
    await session(page, host, toolbar, new GenesysSim(sim.url, AGENT));

    step('downloading the flight log (window.fusionToolbar.flightLog())');
    const frame: Frame = await toolbar.contentFrame();
    const log: unknown = await frame.evaluate(() => (window as unknown as { fusionToolbar: { flightLog(): unknown } }).fusionToolbar.flightLog());
    if (!isFlightLog(log)) throw new Error('the toolbar gave no flight log');
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    check(log);
    writeFileSync(OUT, `${JSON.stringify(log, null, 1)}\n`);
    const kinds = log.entries.reduce<Record<string, number>>((count, entry) => ({ ...count, [entry.kind]: (count[entry.kind] ?? 0) + 1 }), {});
    step(`wrote ${relative(ROOT, OUT)}: ${log.entries.length} entries ${JSON.stringify(kinds)}, ${recordedStates(log).length} states, masked ${log.masked}`);
  } finally {
    await Promise.allSettled([browser.close(), site.close(), sim.close()]);
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The log must replay to the states it recorded, or it is no regression test. */
function check(log: FlightLog): void {
  const replayed = replay(log);
  const recorded = recordedStates(log);
  if (replayed.errors.length > 0) throw new Error(`replay stopped: ${String(replayed.errors[0])}`);
  const at = recorded.findIndex((line, i) => replayed.states[i] !== line);
  if (at !== -1 || replayed.states.length !== recorded.length) {
    throw new Error(`replay differs at state ${at === -1 ? recorded.length : at}:\n  recorded ${recorded[at] ?? '(end)'}\n  replayed ${replayed.states[at] ?? '(end)'}`);
  }
}

main().catch((error: unknown) => {
  console.error('[record-demo] failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
