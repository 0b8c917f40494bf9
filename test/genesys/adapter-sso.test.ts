/**
 * "Sign in with Genesys" in the Genesys adapter, with a fake window: the popup opened inside the
 * click, only the bridge's origin and the session's shape taken, blocked / closed / timed out coded;
 * and a session handed over by the popup signs in, tickets, connects and registers like a password one.
 */
import WebSocket from 'ws';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import { createGenesysAdapter } from '../../src/adapters/genesys';
import { SSO_TIMEOUT_MS, type PopupLike, type SsoWindow } from '../../src/adapters/genesys/sso-popup';
import { createBridgeTokenStore } from '../../src/adapters/persistence/bridge-token';
import { startBridge } from '../../src/bridge';
import { authUrls, DEFAULT_CONFIG, type ToolbarConfig } from '../../src/config';
import type { AdapterInput } from '../../src/machines/actors.types';
import type { FusionCommand } from '../../src/machines/fusion.types';
import { toolbarMachine } from '../../src/machines/toolbar.machine';
import { startGwsSimulator } from '../../src/sim/gws';
import { signIn } from '../bridge/support/client';
import { startHarness, type Harness } from './harness';

const TOOLBAR = 'https://fusion.example.com';
const BRIDGE = 'http://127.0.0.1:9';
type Listener = (event: { origin: string; data: unknown }) => void;

class FakeWindow implements SsoWindow {
  readonly location = { origin: TOOLBAR };
  readonly opened: string[] = [];
  readonly listeners = new Set<Listener>();
  popup: { closed: boolean } | null = { closed: false };
  open(url: string): PopupLike | null {
    this.opened.push(url);
    return this.popup;
  }
  addEventListener(_type: 'message', listener: Listener) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'message', listener: Listener) {
    this.listeners.delete(listener);
  }
  post(origin: string, data: unknown) {
    for (const listener of [...this.listeners]) listener({ origin, data });
  }
}

const session = (over: Record<string, unknown> = {}) => ({ type: 'genesys.bridgeSession', token: 'x'.repeat(32), agentId: '+33298025003', dn: '+33298025003', expiresInSec: 3600, ...over });

function bridgeConfig(url: string): Partial<ToolbarConfig> {
  const rest = `${url}/genesys/events`;
  return { auth: 'bridge', genesysRest: rest, genesysWs: `${url.replace('http:', 'ws:')}/genesysWs`, ...authUrls(rest) };
}

const harnesses: Harness[] = [];
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const h of harnesses.splice(0)) h.stop();
  for (const close of closers.splice(0).reverse()) await close();
});

function adapter(win: FakeWindow, url = BRIDGE) {
  const h = startHarness({ config: bridgeConfig(url), deps: { ssoWindow: win, tokens: createBridgeTokenStore(null), probeMs: null }, autoRegister: true });
  harnesses.push(h);
  return h;
}
const types = (h: Harness) => h.events.map((e) => e.type);

describe('when the agent selects Sign in with Genesys', () => {
  test('the toolbar machine delivers the click to window.open synchronously, at the bridge start URL with the toolbar origin', () => {
    const win = new FakeWindow();
    const fusion = fromCallback<FusionCommand, AdapterInput>(({ sendBack }) => sendBack({ type: 'fusion.absent', reason: 'test' }));
    const genesys = createGenesysAdapter({ WebSocket, ssoWindow: win, tokens: createBridgeTokenStore(null), probeMs: null, log: () => undefined });
    const actor = createActor(toolbarMachine.provide({ actors: { genesys, fusion } }), { input: { config: { ...DEFAULT_CONFIG, ...bridgeConfig(BRIDGE) } } });
    actor.start();
    closers.push(() => {
      actor.stop();
    });
    expect(actor.getSnapshot().matches({ signIn: 'required' })).toBe(true);
    actor.send({ type: 'auth.ssoStart' });
    // No await between the click and the open: the popup is still within the user activation.
    expect(win.opened).toEqual([`${BRIDGE}/genesys/sso/start?origin=${encodeURIComponent(TOOLBAR)}`]);
    expect(actor.getSnapshot().matches({ signIn: 'signingInSso' })).toBe(true);
  });

  test('a message from another origin, or of a bad shape, is ignored and logged; the bridge session is then taken', async () => {
    const win = new FakeWindow();
    const h = adapter(win);
    h.send({ type: 'genesys.cmd.ssoStart' });
    win.post('https://evil.example.com', session());
    win.post(`${BRIDGE}.evil.example.com`, session());
    win.post(BRIDGE, session({ token: 'short' }));
    win.post(BRIDGE, { type: 'genesys.bridgeSession', code: 'lower case', message: 'x' });
    win.post(BRIDGE, 'not an object');
    expect(types(h)).not.toContain('genesys.signedIn');
    expect(h.logs.map((l) => l.code).filter((c) => c.startsWith('SSO_'))).toEqual(['SSO_ORIGIN_MISMATCH', 'SSO_ORIGIN_MISMATCH', 'SSO_MESSAGE_INVALID', 'SSO_MESSAGE_INVALID', 'SSO_MESSAGE_INVALID']);
    win.post(BRIDGE, session());
    expect(await h.next('genesys.signedIn')).toEqual({ type: 'genesys.signedIn', agentId: '+33298025003', dn: '+33298025003' });
    expect(win.listeners.size).toBe(0);
  });

  test('a coded refusal from the callback page goes back to the form with its code', async () => {
    const win = new FakeWindow();
    const h = adapter(win);
    h.send({ type: 'genesys.cmd.ssoStart' });
    win.post(BRIDGE, { type: 'genesys.bridgeSession', code: 'SIGN_IN_FAILED', message: 'Genesys did not sign you in' });
    expect(await h.next('genesys.signInFailed')).toMatchObject({ code: 'SIGN_IN_FAILED' });
  });

  test('a blocked popup is reported with the URL to open by hand, and its message is still heard', async () => {
    const win = new FakeWindow();
    win.popup = null;
    const h = adapter(win);
    h.send({ type: 'genesys.cmd.ssoStart' });
    expect(await h.next('genesys.ssoBlocked')).toEqual({ type: 'genesys.ssoBlocked', url: win.opened[0] });
    expect(h.logs.some((l) => l.code === 'SSO_POPUP_BLOCKED')).toBe(true);
    win.post(BRIDGE, session());
    await h.next('genesys.signedIn');
  });

  test('the popup closed without a session says SSO_CANCELLED; no answer within the deadline says SSO_TIMEOUT', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const h = adapter(win);
    h.send({ type: 'genesys.cmd.ssoStart' });
    vi.advanceTimersByTime(5_000);
    expect(types(h)).not.toContain('genesys.signInFailed');
    win.popup!.closed = true;
    vi.advanceTimersByTime(1_000);
    expect(h.events.filter((e) => e.type === 'genesys.signInFailed')).toMatchObject([{ code: 'SSO_CANCELLED' }]);

    win.popup = null;
    h.send({ type: 'genesys.cmd.ssoStart' });
    vi.advanceTimersByTime(SSO_TIMEOUT_MS - 1);
    expect(h.events.filter((e) => e.type === 'genesys.signInFailed')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(h.events.filter((e) => e.type === 'genesys.signInFailed').at(-1)).toMatchObject({ code: 'SSO_TIMEOUT' });
    expect(win.listeners.size).toBe(0);
  });

  test('a password sign-in instead, or another click, stops listening to the first popup', () => {
    const win = new FakeWindow();
    const h = adapter(win);
    h.send({ type: 'genesys.cmd.ssoStart' });
    h.send({ type: 'genesys.cmd.ssoStart' });
    expect(win.listeners.size).toBe(1);
    h.send({ type: 'genesys.cmd.signIn', username: 'JohnSmith' });
    expect(win.listeners.size).toBe(0);
  });
});

describe('when the popup hands over a real bridge session', () => {
  test('the token is kept and used like a password sign-in: ticket, socket, register', async () => {
    const sim = await startGwsSimulator({ port: 0, initialDnDelayMs: 20, activeSessionDelayMs: 20, log: () => undefined });
    closers.push(() => sim.close());
    const bridge = await startBridge({ gws: sim.url, gwsLogin: 'password', clientId: 'external_api_client', clientSecret: 'secret', port: 0, log: () => undefined });
    closers.push(() => bridge.close());
    const answer = await signIn(bridge.url, 'JohnSmith', 'JohnSmith');
    const win = new FakeWindow();
    const h = adapter(win, bridge.url);
    h.send({ type: 'genesys.cmd.ssoStart' });
    win.post(new URL(bridge.url).origin, { type: 'genesys.bridgeSession', ...answer });
    await h.next('genesys.signedIn');
    await h.next('genesys.connected', undefined, 8_000);
    await h.next('genesys.registered', undefined, 8_000);
  });
});
