/**
 * The real bridge (toolbar side + GWS side) in front of our GWS simulator, driven over HTTP and the
 * WebSocket only, as a toolbar drives it; in both simulator modes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { startBridge, type BridgeHandle, type GwsLogin } from '../../src/bridge';
import { startGwsSimulator, type GwsMode, type GwsSimulator } from '../../src/sim/gws';
import { command, connect, http, type SignedIn, type ToolbarSocket } from './support/client';

const CLIENT = { clientId: 'external_api_client', clientSecret: 'secret' };
const AGENT = { username: 'KateLondon', password: 'KateLondon', agentId: '+33298025000' };
const FRAME_MS = 5_000;

const running: { close(): Promise<void> }[] = [];
const children = new Set<ChildProcess>();
afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const item of running.splice(0).reverse()) await item.close();
});

async function simulator(mode: GwsMode): Promise<GwsSimulator> {
  const sim = await startGwsSimulator({ port: 0, mode, initialDnDelayMs: 50, activeSessionDelayMs: 50, log: () => undefined });
  running.push(sim);
  return sim;
}

const LOGIN: Record<GwsMode, GwsLogin> = { gws: 'password', 'genesys-sim': 'simulator' };

/** Every line both halves of the bridge logged, as JSON text. */
let logs: string[] = [];

async function bridgeFor(sim: GwsSimulator): Promise<BridgeHandle> {
  logs = [];
  const bridge = await startBridge({ gws: sim.url, gwsLogin: LOGIN[sim.mode], ...CLIENT, port: 0, log: (level, message, detail) => logs.push(JSON.stringify({ level, message, ...detail })) });
  running.push(bridge);
  return bridge;
}

/** Signs in, opens the socket and registers, as the toolbar does on start. */
async function registered(url: string, who: { username: string; password: string } = AGENT): Promise<{ session: SignedIn; socket: ToolbarSocket }> {
  const toolbar = await connect(url, who.username, who.password);
  expect((await command(url, toolbar.session.token, { type: 'initialize' })).status).toBe(200);
  await toolbar.socket.next('EventRegistered', () => true, FRAME_MS);
  return toolbar;
}

async function snapshotCalls(url: string, token: string, socket: ToolbarSocket, after = socket.frames.length): Promise<unknown> {
  const asked = Date.now();
  expect((await command(url, token, { type: 'snapshot' })).status).toBe(200);
  const frame = await socket.next('EventSnapshot', (candidate) => socket.frames.indexOf(candidate) >= after, 3_000);
  expect(Date.now() - asked).toBeLessThan(3_000);
  return frame['calls'];
}

for (const mode of ['gws', 'genesys-sim'] as const) {
  describe(`when a toolbar uses the bridge in front of GWS (${mode} mode)`, () => {
    test('sign in, socket, register; a call rings, is accepted, is in the snapshot, is hung up', async () => {
      const sim = await simulator(mode);
      const bridge = await bridgeFor(sim);
      expect((await http(bridge.url, '/genesys/session', { body: { username: AGENT.username, password: 'wrong-pw-7f3a' } })).status).toBe(401);
      const { session, socket } = await registered(bridge.url);
      expect(session).toMatchObject({ agentId: AGENT.agentId });
      expect(session.token).toMatch(/^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9]{1,16}\.[A-Za-z0-9_-]{40,}$/);

      const callId = sim.ring(AGENT.username, { ani: '+15551230000' });
      const ringing = await socket.next('EventRinging', (frame) => frame['connectionId'] === callId, FRAME_MS);
      expect(ringing['ANI']).toBe('+15551230000');
      expect((await command(bridge.url, session.token, { type: 'Accept', connectionId: callId })).body).toEqual({ status: 'Success' });
      await socket.next('EventEstablished', (frame) => frame['connectionId'] === callId, FRAME_MS);

      expect(await snapshotCalls(bridge.url, session.token, socket)).toEqual([expect.objectContaining({ connectionId: callId, state: 'Established' })]);

      expect((await command(bridge.url, session.token, { type: 'Hangup', connectionId: callId })).status).toBe(200);
      await socket.next('EventReleased', (frame) => frame['connectionId'] === callId, FRAME_MS);

      const gone = await http(bridge.url, '/genesys/session', { method: 'DELETE', token: session.token });
      expect(gone.status).toBe(200);
      // Neither what the toolbar saw nor what the bridge logged carries a GWS token, cookie, password or bridge token.
      expect(JSON.stringify(socket.frames)).not.toMatch(/WORKSPACE_SESSIONID|WWE_CODE|BAYEUX_BROWSER|access_token/);
      expect(logs.length).toBeGreaterThan(0);
      const logged = logs.join('\n');
      expect(logged).not.toMatch(/(WORKSPACE_SESSIONID|WWE_CODE|BAYEUX_BROWSER)=|Bearer [A-Za-z0-9]|access_token"?:/);
      expect(logged).not.toContain(session.token);
      expect(logged).not.toContain('wrong-pw-7f3a');
    });

    test('a command on a ConnID the agent does not have is refused 403 NOT_YOUR_CALL', async () => {
      const sim = await simulator(mode);
      const bridge = await bridgeFor(sim);
      const { session } = await registered(bridge.url);
      const answer = await command(bridge.url, session.token, { type: 'Hangup', connectionId: '0123456789abcdef' });
      expect([answer.status, answer.body['code']]).toEqual([403, 'NOT_YOUR_CALL']);
    });

    test('two agents on one bridge: A\'s token cannot act on B\'s call, A\'s socket never sees it', async () => {
      const sim = await simulator(mode);
      const bridge = await bridgeFor(sim);
      const kate = await registered(bridge.url);
      const john = await registered(bridge.url, { username: 'JohnSmith', password: 'JohnSmith' });
      const johnsCall = sim.ring('JohnSmith');
      await john.socket.next('EventRinging', (frame) => frame['connectionId'] === johnsCall, FRAME_MS);
      const answer = await command(bridge.url, kate.session.token, { type: 'Accept', connectionId: johnsCall });
      expect([answer.status, answer.body['code']]).toEqual([403, 'NOT_YOUR_CALL']);
      const katesCall = sim.ring(AGENT.username);
      await kate.socket.next('EventRinging', (frame) => frame['connectionId'] === katesCall, FRAME_MS);
      expect(kate.socket.frames.some((frame) => frame['connectionId'] === johnsCall)).toBe(false);
      expect(sim.calls('JohnSmith')).toEqual([expect.objectContaining({ id: johnsCall, state: 'Ringing' })]);
    });

    test('a wrong password is 401 SIGN_IN_FAILED', async () => {
      const sim = await simulator(mode);
      const bridge = await bridgeFor(sim);
      const answer = await http(bridge.url, '/genesys/session', { body: { username: AGENT.username, password: 'wrong' } });
      expect([answer.status, answer.body['code']]).toEqual([401, 'SIGN_IN_FAILED']);
    });
  });
}

function spawnBridge(gws: string): { child: ChildProcess; url: Promise<string>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bridge/cli.ts', '--gws', gws, '--gws-login', 'password', '--client-id', CLIENT.clientId, '--port', '0', '--log-level', 'info'], {
    env: { ...process.env, BRIDGE_CLIENT_SECRET: CLIENT.clientSecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk) => (err += String(chunk)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const line = /^bridge listening on (http:\/\/\S+)\n/.exec(out);
      if (line?.[1]) resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`bridge exited ${code}`)));
  });
  return { child, url, stderr: () => err };
}

describe('when the bridge process is killed mid-call and started again', () => {
  test('the old token is refused, the agent signs in again and the call is in the snapshot', async () => {
    const sim = await simulator('gws');
    const first = spawnBridge(sim.url);
    const firstUrl = await first.url;
    const before = await registered(firstUrl);
    const callId = sim.ring(AGENT.username);
    await before.socket.next('EventRinging', (frame) => frame['connectionId'] === callId, FRAME_MS);
    await command(firstUrl, before.session.token, { type: 'Accept', connectionId: callId });
    await before.socket.next('EventEstablished', (frame) => frame['connectionId'] === callId, FRAME_MS);
    first.child.kill('SIGKILL');
    await before.socket.whenClosed(FRAME_MS);

    const second = spawnBridge(sim.url);
    const secondUrl = await second.url;
    expect((await command(secondUrl, before.session.token, { type: 'snapshot' })).body['code']).toBe('SESSION_INVALID');
    const after = await registered(secondUrl).catch((error: unknown) => {
      throw new Error(`${String(error)}\nthe new bridge logged:\n${second.stderr()}`);
    });
    expect(await snapshotCalls(secondUrl, after.session.token, after.socket)).toEqual([expect.objectContaining({ connectionId: callId, state: 'Established' })]);
    second.child.kill('SIGTERM');
  }, 30_000);
});
