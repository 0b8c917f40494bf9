/**
 * The Genesys adapter with auth=bridge against the real bridge in front of our GWS simulator, on
 * loopback: sign-in, the kept token, a fresh ticket per socket, the Bearer header, 401 → sign in
 * again, sign-out. The password goes through the credential box only.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startBridge, type BridgeHandle } from '../../src/bridge';
import { createCredentialBox } from '../../src/adapters/genesys/credentials';
import { createBridgeAuth } from '../../src/adapters/genesys/bridge-auth';
import { resolveDeps } from '../../src/adapters/genesys/resolve-deps';
import { BRIDGE_TOKEN_KEY, createBridgeTokenStore } from '../../src/adapters/persistence/bridge-token';
import { authUrls, DEFAULT_CONFIG, type ToolbarConfig } from '../../src/config';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import WebSocket from 'ws';
import { createActor, fromCallback, waitFor } from 'xstate';
import { createGenesysAdapter } from '../../src/adapters/genesys';
import type { AdapterInput } from '../../src/machines/actors.types';
import type { FusionCommand } from '../../src/machines/fusion.types';
import { toolbarMachine } from '../../src/machines/toolbar.machine';
import { createToolbarRecorder } from '../../src/recorder/toolbar-recorder';
import { startHarness, type Harness } from './harness';

const AGENT = { username: 'JohnSmith', password: 'JohnSmith', agentId: '+33298025003' };
const WAIT_MS = 8_000;

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const running: { close(): Promise<void> }[] = [];
const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) h.stop();
  for (const item of running.splice(0).reverse()) await item.close();
});

async function bridgeAndSim(): Promise<{ sim: GwsSimulator; bridge: BridgeHandle }> {
  const sim = await startGwsSimulator({ port: 0, initialDnDelayMs: 20, activeSessionDelayMs: 20, log: () => undefined });
  running.push(sim);
  const bridge = await startBridge({ gws: sim.url, gwsLogin: 'password', clientId: 'external_api_client', clientSecret: 'secret', port: 0, log: () => undefined });
  running.push(bridge);
  return { sim, bridge };
}

function bridgeConfig(url: string): Partial<ToolbarConfig> {
  const rest = `${url}/genesys/events`;
  return { auth: 'bridge', genesysRest: rest, genesysWs: `${url.replace('http:', 'ws:')}/genesysWs`, ...authUrls(rest) };
}

function adapter(url: string, storage: MemoryStorage, credentials = createCredentialBox()) {
  const tokens = createBridgeTokenStore(storage);
  const h = startHarness({ config: bridgeConfig(url), deps: { tokens, credentials, probeMs: null }, autoRegister: true });
  harnesses.push(h);
  return { h, credentials };
}

async function signIn(h: Harness, credentials: ReturnType<typeof createCredentialBox>, password = AGENT.password) {
  credentials.put(password);
  h.send({ type: 'genesys.cmd.signIn', username: AGENT.username });
}

/** A bridge, its simulator and an adapter signed in and registered through it. */
async function registeredAdapter() {
  const { bridge } = await bridgeAndSim();
  const storage = new MemoryStorage();
  const { h, credentials } = adapter(bridge.url, storage);
  await signIn(h, credentials);
  await h.next('genesys.registered', undefined, WAIT_MS);
  return { bridge, storage, h, credentials };
}

describe('when the toolbar signs in to the bridge', () => {
  test('no token: sign-in asked; a wrong password refused; the right one gives the agent, a socket and a register', async () => {
    const { bridge } = await bridgeAndSim();
    const storage = new MemoryStorage();
    const { h, credentials } = adapter(bridge.url, storage);
    expect(await h.next('genesys.authRequired')).toEqual({ type: 'genesys.authRequired', code: 'NO_SESSION' });

    await signIn(h, credentials, 'wrong');
    expect(await h.next('genesys.signInFailed', undefined, WAIT_MS)).toMatchObject({ code: 'SIGN_IN_FAILED' });
    await signIn(h, credentials);
    expect(await h.next('genesys.signedIn', undefined, WAIT_MS)).toEqual({ type: 'genesys.signedIn', agentId: AGENT.agentId, dn: expect.any(String) });
    await h.next('genesys.connected', undefined, WAIT_MS);
    await h.next('genesys.registered', undefined, WAIT_MS);
    // Kept for a reload with the origin that issued it; the password is nowhere.
    const kept = JSON.parse(storage.items.get(BRIDGE_TOKEN_KEY) ?? '{}') as Record<string, unknown>;
    expect(kept).toMatchObject({ v: 1, agentId: AGENT.agentId, origin: bridge.url });
    expect(JSON.stringify([...storage.items.values(), h.events, h.logs])).not.toContain(`"${AGENT.password}"`);
    expect(credentials.take()).toBe('');
    expect(h.logs.map((l) => l.message).join('\n')).not.toMatch(/ticket=[^…]/);
  });

  test('a kept token (after a reload) connects without a sign-in', async () => {
    const { bridge } = await bridgeAndSim();
    const storage = new MemoryStorage();
    const first = adapter(bridge.url, storage);
    await signIn(first.h, first.credentials);
    await first.h.next('genesys.registered', undefined, WAIT_MS);
    first.h.stop();

    const { h } = adapter(bridge.url, storage);
    expect(await h.next('genesys.signedIn')).toMatchObject({ agentId: AGENT.agentId });
    await h.next('genesys.registered', undefined, WAIT_MS);
    expect(h.events.some((e) => e.type === 'genesys.authRequired')).toBe(false);
  });

  test('a session the bridge no longer knows: the command fails SESSION_INVALID, sign-in is asked, the token forgotten', async () => {
    const { bridge, storage, h } = await registeredAdapter();
    const token = (JSON.parse(storage.items.get(BRIDGE_TOKEN_KEY) ?? '{}') as { token: string }).token;
    // Another tab (or an operator) ends the session behind the toolbar's back.
    await fetch(`${bridge.url}/genesys/session`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });

    await h.next('genesys.authRequired', (e) => e.code === 'SESSION_INVALID', WAIT_MS);
    expect(storage.items.has(BRIDGE_TOKEN_KEY)).toBe(false);
    h.send({ type: 'genesys.cmd.ready' });
    expect(await h.next('genesys.commandFailed', (e) => e.command === 'ready')).toMatchObject({ code: 'OFFLINE' });
  });

  test('a command refused 401 fails SESSION_INVALID, the token is forgotten and the sign-in asked again', async () => {
    const { bridge } = await bridgeAndSim();
    const storage = new MemoryStorage();
    // The token goes stale while the socket is still up (the bridge forgot it, the socket not yet closed).
    let stale = false;
    const fetchThrough: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (stale && headers.has('Authorization')) headers.set('Authorization', `Bearer ${'s'.repeat(43)}`);
      return fetch(input, { ...init, headers });
    };
    const credentials = createCredentialBox();
    const h = startHarness({ config: bridgeConfig(bridge.url), deps: { tokens: createBridgeTokenStore(storage), credentials, probeMs: null, fetch: fetchThrough }, autoRegister: true });
    harnesses.push(h);
    await signIn(h, credentials);
    await h.next('genesys.registered', undefined, WAIT_MS);
    stale = true;
    h.send({ type: 'genesys.cmd.ready' });
    expect(await h.next('genesys.commandFailed', (e) => e.command === 'ready', WAIT_MS)).toMatchObject({ code: 'SESSION_INVALID' });
    await h.next('genesys.authRequired', (e) => e.code === 'SESSION_INVALID');
    expect(storage.items.has(BRIDGE_TOKEN_KEY)).toBe(false);
    stale = false;
    await signIn(h, credentials);
    await h.next('genesys.signedIn', undefined, WAIT_MS);
    await h.next('genesys.registered', undefined, WAIT_MS);
  });

  test('sign-out: DELETE /genesys/session, the token forgotten, the socket closed', async () => {
    const { bridge, storage, h } = await registeredAdapter();
    h.send({ type: 'genesys.cmd.signOut' });
    await h.next('genesys.authRequired', (e) => e.code === 'SIGNED_OUT', WAIT_MS);
    expect(storage.items.has(BRIDGE_TOKEN_KEY)).toBe(false);
    expect(bridge.sessions()).toBe(0);
    const connects = h.events.filter((e) => e.type === 'genesys.connected').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.events.filter((e) => e.type === 'genesys.connected')).toHaveLength(connects);
  });

  test('the sixth attempt in a minute is throttled; an unreachable bridge is said as such', async () => {
    const { bridge } = await bridgeAndSim();
    const { h, credentials } = adapter(bridge.url, new MemoryStorage());
    for (let i = 0; i < 5; i++) {
      await signIn(h, credentials, 'wrong');
      await h.next('genesys.signInFailed', (e) => e.code === 'SIGN_IN_FAILED', WAIT_MS);
    }
    await signIn(h, credentials);
    expect(await h.next('genesys.signInFailed', undefined, WAIT_MS)).toMatchObject({ code: 'SIGN_IN_THROTTLED' });

    const url = bridge.url;
    await bridge.close();
    running.splice(running.indexOf(bridge), 1);
    const lost = adapter(url, new MemoryStorage());
    await signIn(lost.h, lost.credentials);
    expect(await lost.h.next('genesys.signInFailed', undefined, WAIT_MS)).toMatchObject({ code: 'BRIDGE_UNREACHABLE' });
  });
});

describe('when the flight recorder watches a sign-in', () => {
  test('the real toolbar signs in and registers; its flight log holds no password and no token', async () => {
    const { bridge } = await bridgeAndSim();
    const storage = new MemoryStorage();
    const credentials = createCredentialBox();
    let current: ReturnType<typeof createActor<typeof toolbarMachine>> | undefined;
    const flight = createToolbarRecorder({ size: 1_000, mask: false, snapshot: () => current?.getSnapshot() });
    const fusion = fromCallback<FusionCommand, AdapterInput>(({ sendBack }) => sendBack({ type: 'fusion.absent', reason: 'test' }));
    const genesys = createGenesysAdapter({ WebSocket, log: flight.genesysLog, tokens: createBridgeTokenStore(storage), credentials, probeMs: null });
    const machine = toolbarMachine.provide({ actors: { genesys, fusion } });
    const actor = createActor(machine, { input: { config: { ...DEFAULT_CONFIG, ...bridgeConfig(bridge.url) } }, inspect: flight.inspect });
    current = actor;
    actor.start();
    try {
      await waitFor(actor, (s) => s.matches({ signIn: 'required' }));
      const secret = 'JohnSmith';
      credentials.put(secret);
      actor.send({ type: 'auth.submit', username: 'JohnSmith' });
      await waitFor(actor, (s) => s.matches({ agent: 'available' }) || s.matches({ agent: 'unavailable' }), { timeout: WAIT_MS });
      const token = (JSON.parse(storage.items.get(BRIDGE_TOKEN_KEY) ?? '{}') as { token: string }).token;
      const log = JSON.stringify(flight.log());
      expect(log).toContain('auth.submit');
      // The username is the password here: only its appearances as the username are allowed.
      expect(log.split(secret).length - 1).toBe(log.split(`"username":"${secret}"`).length - 1);
      expect(log).not.toContain(token);
      expect(JSON.stringify(actor.getSnapshot().context)).not.toContain('password');
    } finally {
      actor.stop();
    }
  });
});

describe('when the token would go elsewhere', () => {
  test('a token kept for another origin is forgotten; the Bearer header goes only to its own origin', async () => {
    const storage = new MemoryStorage();
    const warnings: string[] = [];
    const store = createBridgeTokenStore(storage, (code) => warnings.push(code));
    store.write({ token: 'x'.repeat(43), agentId: 'a1', dn: 'd1', origin: 'http://127.0.0.1:1', expiresAt: Date.now() + 60_000 });
    expect(store.read('http://127.0.0.1:2')).toBeNull();
    expect(warnings).toEqual(['TOKEN_ORIGIN_MISMATCH']);
    expect(storage.items.has(BRIDGE_TOKEN_KEY)).toBe(false);

    store.write({ token: 'y'.repeat(43), agentId: 'a1', dn: 'd1', origin: 'http://127.0.0.1:2', expiresAt: Date.now() + 60_000 });
    const logs: string[] = [];
    const config = { ...DEFAULT_CONFIG, ...bridgeConfig('http://127.0.0.1:2') } as ToolbarConfig;
    const auth = createBridgeAuth(config, resolveDeps({ log: (_l, code) => logs.push(code) }), store);
    expect(auth.headers('http://127.0.0.1:2/genesys/events')).toEqual({ Authorization: `Bearer ${'y'.repeat(43)}` });
    expect(auth.headers('http://evil.example/genesys/events')).toEqual({});
    expect(logs).toEqual(['TOKEN_ORIGIN_MISMATCH']);
  });

  test('an expired or unreadable kept token is not used', () => {
    const storage = new MemoryStorage();
    let now = 1_000;
    const store = createBridgeTokenStore(storage, () => undefined, () => now);
    store.write({ token: 'z'.repeat(43), agentId: 'a1', dn: 'd1', origin: 'http://h', expiresAt: 2_000 });
    now = 2_000;
    expect(store.read('http://h')).toBeNull();
    storage.setItem(BRIDGE_TOKEN_KEY, '{"v":1,"token":"<script>"}');
    expect(store.read('http://h')).toBeNull();
    expect(storage.items.has(BRIDGE_TOKEN_KEY)).toBe(false);
  });
});
