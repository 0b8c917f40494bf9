/**
 * More than one instance, with the real toolbar in headless Chromium: two bridge processes (one
 * session key) behind the sticky proxy, an agent on a call answered from Fusion. The instance
 * holding the session dies (SIGKILL, then SIGTERM, whose 1012 close test/bridge/failover.test.ts checks): the toolbar reconnects through the
 * proxy to the other one, with no sign-in, and the call keeps its Fusion engagement (eventId).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { instance, type Instance } from '../bridge/support/bridge-process';
import { stickyProxy, type StickyProxy } from '../bridge/support/sticky-proxy';
import { launchChromium } from './support/chromium';
import { failures, FusionHostPage, published } from './support/fusion-host-page';
import { SignInForm } from './support/sign-in-form';
import { staticSite } from './support/static-server';
import { ToolbarPage } from './support/toolbar-page';

const AGENT = 'KateLondon';
const KEY = `k1:${randomBytes(32).toString('base64')}`;
const POLL = { timeout: 20_000, interval: 50 };

const children = new Set<ChildProcess>();
const started: { close(): Promise<unknown> }[] = [];
let browser: Browser;
let gws: GwsSimulator;
let proxy: StickyProxy;
let origins: string[];
const instances: Record<string, Instance> = {};

async function start(name: string): Promise<Instance> {
  const allow = origins.flatMap((origin) => ['--allow-origin', origin]);
  const spawned = await instance(name, gws.url, KEY, children, allow);
  instances[name] = spawned;
  return spawned;
}

beforeAll(async () => {
  const site = staticSite(inject('toolbarDist'));
  started.push(site);
  origins = await Promise.all([site.listen(), site.listen()]);
  browser = await launchChromium();
  started.push(browser);
  gws = await startGwsSimulator({ port: 0, initialAgentState: 'Ready', initialDnDelayMs: 20, activeSessionDelayMs: 20, log: () => undefined });
  started.push(gws);
  const [b1, b2] = await Promise.all([start('b1'), start('b2')]);
  proxy = await stickyProxy({ b1: b1.url, b2: b2.url });
  started.push(proxy);
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const item of started.reverse()) await item.close().catch(() => undefined);
});

describe('when the instance holding an agent on a call dies', () => {
  test('SIGKILL, then SIGTERM: the toolbar resumes on the other instance, no sign-in, the same call and engagement', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    started.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const host = new FusionHostPage(page);
    const toolbar = new ToolbarPage(page);
    const signIn = new SignInForm(toolbar.frame);
    const url = new URL('/fusion-host.html', origins[0]);
    url.searchParams.set('backend', 'gws');
    url.searchParams.set('bridge', proxy.url);
    url.searchParams.set('genesys', gws.url);
    url.searchParams.set('toolbar', `${origins[1]}/index.html?wrapUp=off`);
    await host.goto(url.toString());
    await signIn.signIn(AGENT, AGENT);
    // The host page's own agent-state line, driven by the toolbar's UEF messages.
    const available = page.locator('[data-testid="agent-state"][data-state="AVAILABLE"]');
    await available.waitFor();

    const callId = gws.ring(AGENT, { ani: '+15551230000' });
    await toolbar.waitForCallState('ringing.alerting', callId);
    await host.answer();
    await toolbar.waitForCallState('established.talking', callId);
    let eventId = '';
    await expect.poll(async () => (eventId = (await host.state()).engagements.find((e) => e.phase === 'active')?.eventId ?? ''), POLL).not.toBe('');

    // The form must never show while the toolbar resumes: sampled on every poll.
    let formSeen = false;
    async function resumedOn(survivor: string, since: number): Promise<void> {
      await expect
        .poll(async () => {
          formSeen ||= (await signIn.root().count()) > 0;
          return proxy.served.slice(since).includes(`${survivor} GET /genesysWs`) && (await toolbar.connectionLabel()).includes('Connected');
        }, POLL)
        .toBe(true);
      expect(formSeen).toBe(false);
      await available.waitFor();
      await toolbar.waitForCallState('established.talking', callId);
      expect(published(await host.uefLog(), eventId)).toEqual(['newCommEvent', 'startCommEvent']);
    }

    // SIGKILL b1 (it took the sign-in): b2 takes the session over.
    expect(proxy.served.find((line) => line.endsWith('/genesys/session'))).toMatch(/^b1 /);
    let since = proxy.served.length;
    instances['b1']!.child.kill('SIGKILL');
    await instances['b1']!.exited;
    await resumedOn('b2', since);

    // b1 comes back; SIGTERM b2 (a graceful close, GWS session kept): the toolbar goes back to b1.
    proxy.set('b1', (await start('b1')).url);
    since = proxy.served.length;
    instances['b2']!.child.kill('SIGTERM');
    await instances['b2']!.exited;
    await resumedOn('b1', since);

    await toolbar.hangUp(callId);
    await expect.poll(async () => published(await host.uefLog(), eventId), POLL).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(await host.uefLog())).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});
