/**
 * Genesys frame received → UEF `newCommEvent` published, in headless Chromium, on the production
 * toolbar framed by the Fusion host simulator (budget: p99 ≤ 16 ms). Timestamps are taken inside
 * the toolbar frame: when its WebSocket delivers an EventRinging, and when the toolbar calls the
 * UEF client's `publish` for newCommEvent. Calls are rung one at a time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGenesysSimulator } from '../src/sim/genesys';
import { launchChromium } from '../test/e2e/support/chromium';
import { staticSite } from '../test/e2e/support/static-server';
import { buildProduction } from '../test/support/build';

/**
 * Runs in every frame before its scripts; only the toolbar frame opens a socket or loads UEF.
 * Plain JavaScript in a string: a transpiled function would carry the bundler's helpers along.
 */
const INSTRUMENT = `(() => {
  const marks = { frames: [], published: [] };
  window.__bench = marks;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      // Registered before the app's onmessage, so it sees the frame first.
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.includes('"EventRinging"')) marks.frames.push(performance.now());
      });
    }
  };
  const wrapPhone = (phone) => {
    const publish = phone.publish.bind(phone);
    phone.publish = (request) => {
      if (request && request.getOperationName && request.getOperationName() === 'newCommEvent') marks.published.push(performance.now());
      return publish(request);
    };
    return phone;
  };
  let framework;
  Object.defineProperty(window, 'CX_SVC_UI_EVENTS_FRAMEWORK', {
    configurable: true,
    get: () => framework,
    set(value) {
      const ui = value.uiEventsFramework;
      const init = ui.initialize.bind(ui);
      ui.initialize = async (...args) => {
        const provider = await init(...args);
        const mcaOf = provider.getMultiChannelAdaptorContext.bind(provider);
        provider.getMultiChannelAdaptorContext = async () => {
          const mca = await mcaOf();
          const phoneOf = mca.getCommunicationChannelContext.bind(mca);
          mca.getCommunicationChannelContext = async (channel) => wrapPhone(await phoneOf(channel));
          return mca;
        };
        return provider;
      };
      framework = value;
    },
  });
})();`;

export async function frameToNewComm(calls = 300): Promise<{ p50: number; p99: number; max: number; n: number }> {
  const outDir = await mkdtemp(join(tmpdir(), 'toolbar-bench-browser-'));
  const site = staticSite(outDir);
  const sim = await startGenesysSimulator({ port: 0, log: () => undefined });
  await buildProduction(outDir);
  const hostOrigin = await site.listen();
  const toolbarOrigin = await site.listen();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(INSTRUMENT);
    const agent = 'bench';
    const url = new URL('/fusion-host.html', hostOrigin);
    url.searchParams.set('genesys', sim.url);
    url.searchParams.set('toolbar', `${toolbarOrigin}/index.html`);
    url.searchParams.set('agentId', agent);
    await page.goto(url.toString());
    await page.locator('[data-testid="agent-state"][data-state="AVAILABLE"]').waitFor({ timeout: 15_000 });
    const frame = page.frames().find((f) => f.url().startsWith(toolbarOrigin));
    if (!frame) throw new Error('toolbar frame not found');
    const post = (path: string, body: object) =>
      fetch(`${sim.url}/sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, string>>);
    const count = () => frame.evaluate(() => (window as unknown as { __bench: { published: number[] } }).__bench.published.length);
    for (let i = 0; i < calls; i++) {
      const { connectionId } = await post('ring', { agent, ani: `+1555${String(i).padStart(7, '0')}` });
      await frame.waitForFunction((n) => (window as unknown as { __bench: { published: number[] } }).__bench.published.length > n, i);
      await post('callerHangup', { connectionId });
      await frame.locator('[data-testid="call-card"]').waitFor({ state: 'detached' });
    }
    if ((await count()) !== calls) throw new Error('not every call was published');
    const marks = await frame.evaluate(() => (window as unknown as { __bench: { frames: number[]; published: number[] } }).__bench);
    // The first calls warm the JIT; measure the rest.
    const latencies = marks.published.map((at, i) => at - marks.frames[i]!).slice(20).sort((a, b) => a - b);
    const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    return { p50: pick(0.5), p99: pick(0.99), max: latencies.at(-1)!, n: latencies.length };
  } finally {
    await browser.close();
    await site.close();
    await sim.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
