/**
 * The end-to-end environment through the bridge: the production build of the toolbar on two
 * origins (host page and frame), our GWS simulator, the real bridge in front of it, and headless
 * Chromium. Each test opens a fresh browser context for its own GWS agent; the toolbar runs with
 * auth=bridge and shows its sign-in form first.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { startBridge, type BridgeHandle } from '../../../src/bridge';
import { startGwsSimulator, type GwsSimulator } from '../../../src/sim/gws';
import { launchChromium } from './chromium';
import { FusionHostPage } from './fusion-host-page';
import { SignInForm } from './sign-in-form';
import { staticSite, type StaticSite } from './static-server';
import { ToolbarPage } from './toolbar-page';

const GWS_CLIENT = { clientId: 'external_api_client', clientSecret: 'secret' };

export interface BridgeSession {
  page: Page;
  host: FusionHostPage;
  toolbar: ToolbarPage;
  signIn: SignInForm;
  gws: GwsSimulator;
  bridge: BridgeHandle;
  errors: string[];
  /** The bridge restarts on its port, its tokens lost (GWS sessions kept): the toolbar's next request is a 401. */
  restartBridge(): Promise<void>;
}

interface Environment {
  site: StaticSite;
  hostOrigin: string;
  toolbarOrigin: string;
  gws: GwsSimulator;
  bridge: BridgeHandle;
  browser: Browser;
}

export function useBridgeEnvironment() {
  let env: Environment | undefined;
  let context: BrowserContext | undefined;
  const started: { close(): Promise<unknown> }[] = [];

  beforeAll(async () => {
    const site = staticSite(inject('toolbarDist'));
    started.push(site);
    const [browser, hostOrigin, toolbarOrigin, gws] = await Promise.all([
      launchChromium().then((b) => (started.push(b), b)),
      site.listen(),
      site.listen(),
      startGwsSimulator({ port: 0, initialAgentState: 'Ready', initialDnDelayMs: 20, activeSessionDelayMs: 20, log: () => undefined }).then((g) => (started.push(g), g)),
    ]);
    const bridge = await startBridge({ gws: gws.url, gwsLogin: 'password', ...GWS_CLIENT, port: 0, log: () => undefined });
    env = { site, hostOrigin, toolbarOrigin, gws, bridge, browser };
  }, 120_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await env?.bridge.close().catch(() => undefined);
    for (const item of started.splice(0)) await item.close().catch(() => undefined);
  });

  return {
    /** Opens the Fusion host page framing the toolbar (auth=bridge) and waits for its sign-in form. */
    async open(): Promise<BridgeSession> {
      if (!env) throw new Error('the bridge e2e environment did not start');
      context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const page = await context.newPage();
      page.setDefaultTimeout(8_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      const url = new URL('/fusion-host.html', env.hostOrigin);
      url.searchParams.set('backend', 'gws');
      url.searchParams.set('bridge', env.bridge.url);
      url.searchParams.set('genesys', env.gws.url);
      const toolbarUrl = new URL('/index.html', env.toolbarOrigin);
      toolbarUrl.searchParams.set('wrapUp', 'off');
      url.searchParams.set('toolbar', toolbarUrl.toString());
      const session: BridgeSession = {
        page,
        host: new FusionHostPage(page),
        toolbar: new ToolbarPage(page),
        signIn: new SignInForm(page.frameLocator('[data-testid="toolbar-frame"]')),
        gws: env.gws,
        bridge: env.bridge,
        errors,
        async restartBridge() {
          if (!env) return;
          const port = Number(new URL(env.bridge.url).port);
          await env.bridge.close({ keepGwsSessions: true });
          env.bridge = await startBridge({ gws: env.gws.url, gwsLogin: 'password', ...GWS_CLIENT, port, log: () => undefined });
          session.bridge = env.bridge;
        },
      };
      await session.host.goto(url.toString());
      await session.signIn.root().waitFor();
      return session;
    },
  };
}
