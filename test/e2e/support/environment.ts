/**
 * One end-to-end environment per test file: a production build of the toolbar served on two
 * origins (host page and toolbar frame, as Fusion frames another origin), the Genesys simulator
 * and a headless Chromium. Each test gets a fresh browser context, its own agent id and a reset
 * simulator; a failing test leaves `test-results/<test name>.png`.
 *
 *   const e2e = useE2eEnvironment();
 *   test('…', async () => { const { host, toolbar, sim } = await e2e.open(); … });
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { startGenesysSimulator, type SimulatorHandle } from '../../../src/sim/genesys';
import { launchChromium } from './chromium';
import { FusionHostPage } from './fusion-host-page';
import { GenesysSim } from './genesys-sim';
import { staticSite, type StaticSite } from './static-server';
import { ToolbarPage } from './toolbar-page';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RESULTS = join(ROOT, 'test-results');
/** Outbound calls answer (or are busy) this soon unless a test configures otherwise. */
export const DIAL_DELAY_MS = 50;

export interface E2eSession {
  page: Page;
  host: FusionHostPage;
  toolbar: ToolbarPage;
  sim: GenesysSim;
  agentId: string;
  /** Messages of every alert/confirm/prompt any frame opened (they are dismissed). */
  dialogs: string[];
  /** Uncaught page errors and console errors, for the failure report. */
  errors: string[];
  /** The Genesys simulator's log lines (debug included) that name this session's agent. */
  simLog(): string[];
}

export interface OpenOptions {
  lang?: 'en' | 'ja';
  /** More query parameters of the toolbar page (profile, capabilities, wrapUp, type.*…). */
  toolbarParams?: Record<string, string>;
  /** `mock`: the simulator behaves like the public mock of the microservice. */
  simMode?: 'full' | 'mock';
  /** The microservice the host page points the toolbar at (default: this environment's simulator). */
  genesys?: string;
  /** false: resolve once the page is loaded, without waiting for the toolbar to be ready and available. */
  waitReady?: boolean;
  /** Install Playwright's clock (time flows as usual) so a test can jump the wall clock with `page.clock.setSystemTime`. */
  clock?: boolean;
}

interface Environment {
  outDir: string;
  site: StaticSite;
  hostOrigin: string;
  toolbarOrigin: string;
  sim: SimulatorHandle;
  browser: Browser;
}

function slug(name: string): string {
  return name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 100) || 'scenario';
}

let agents = 0;

export function useE2eEnvironment() {
  let env: Environment | undefined;
  let current: { context: BrowserContext; session: E2eSession } | undefined;
  const simLines: string[] = [];

  beforeAll(async () => {
    // Built once per run by test/support/toolbar-build.global.ts, served read-only here.
    const outDir = inject('toolbarDist');
    const site = staticSite(outDir);
    const [sim, browser, hostOrigin, toolbarOrigin] = await Promise.allSettled([
      startGenesysSimulator({
        host: '127.0.0.1',
        port: 0,
        dialDelayMs: DIAL_DELAY_MS,
        log: (_level, message) => void simLines.push(message),
      }),
      launchChromium(),
      site.listen(),
      site.listen(),
    ]);
    if (
      sim.status === 'fulfilled' &&
      browser.status === 'fulfilled' &&
      hostOrigin.status === 'fulfilled' &&
      toolbarOrigin.status === 'fulfilled'
    ) {
      env = { outDir, site, hostOrigin: hostOrigin.value, toolbarOrigin: toolbarOrigin.value, sim: sim.value, browser: browser.value };
      return;
    }
    // Tear down whatever did start, then report the first failure.
    await Promise.allSettled([
      sim.status === 'fulfilled' ? sim.value.close() : undefined,
      browser.status === 'fulfilled' ? browser.value.close() : undefined,
      site.close(),
    ]);
    const failed = [sim, browser, hostOrigin, toolbarOrigin].find((result) => result.status === 'rejected');
    throw failed?.status === 'rejected' ? failed.reason : new Error('the e2e environment did not start');
  }, 120_000);

  afterEach(async ({ task }) => {
    const open = current;
    current = undefined;
    if (!open) return;
    if (task.result?.state === 'fail') {
      mkdirSync(RESULTS, { recursive: true });
      const path = join(RESULTS, `${slug(task.name)}.png`);
      await open.session.page.screenshot({ path, fullPage: true, timeout: 5_000 }).catch(() => undefined);
      const notes = [...open.session.errors, ...open.session.dialogs.map((d) => `dialog: ${d}`)];
      console.error(`[e2e] "${task.name}" failed; screenshot ${path}${notes.length ? `\n  ${notes.join('\n  ')}` : ''}`);
    }
    await open.context.close();
  });

  afterAll(async () => {
    const done = env;
    env = undefined;
    if (!done) return;
    await Promise.allSettled([done.browser.close(), done.site.close(), done.sim.close()]);
  });

  return {
    /**
     * Resets the simulator and opens the Fusion host page (new browser context) for a new agent,
     * framing the toolbar from the second origin; resolves once the agent is available.
     */
    async open(options: OpenOptions = {}): Promise<E2eSession> {
      if (!env) throw new Error('the e2e environment did not start');
      if (current) await current.context.close();
      const agentId = `e2e-agent-${process.pid}-${++agents}`;
      const sim = new GenesysSim(env.sim.url, agentId);
      await sim.reset();
      if (options.simMode) await sim.config({ mode: options.simMode });
      simLines.length = 0;

      const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
      if (options.clock) await context.clock.install();
      const page = await context.newPage();
      page.setDefaultTimeout(5_000);
      const session: E2eSession = {
        page,
        host: new FusionHostPage(page),
        toolbar: new ToolbarPage(page),
        sim,
        agentId,
        dialogs: [],
        errors: [],
        // `\b`: agent e2e-…-1 must not match e2e-…-10.
        simLog: () => simLines.filter((line) => new RegExp(`\\b${agentId}\\b`).test(line)),
      };
      current = { context, session };
      page.on('dialog', (dialog) => {
        session.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss().catch(() => undefined);
      });
      page.on('pageerror', (error) => session.errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') session.errors.push(`console.error: ${message.text()}`);
      });

      const url = new URL('/fusion-host.html', env.hostOrigin);
      url.searchParams.set('genesys', options.genesys ?? env.sim.url);
      const toolbarUrl = new URL('/index.html', env.toolbarOrigin);
      // After-call work is off unless a scenario asks for it (wrapUp=on): the others end calls and go on.
      for (const [name, value] of Object.entries({ wrapUp: 'off', ...options.toolbarParams })) toolbarUrl.searchParams.set(name, value);
      url.searchParams.set('toolbar', toolbarUrl.toString());
      url.searchParams.set('agentId', agentId);
      url.searchParams.set('lang', options.lang ?? 'en');
      await session.host.goto(url.toString());
      if (options.waitReady === false) return session;
      // Ready for operation in Fusion, registered in Genesys and available (told to Fusion).
      await session.host.waitUntilToolbarReady();
      await page.locator('[data-testid="agent-state"][data-state="AVAILABLE"]').waitFor();
      return session;
    },
  };
}
