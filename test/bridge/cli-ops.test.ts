/**
 * The bridge as operations run it: the CLI process in front of the GWS simulator (through a proxy
 * that records every secret GWS hands out), a whole scenario, then every byte it wrote is searched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { command, connect, http, ticket, type ToolbarSocket } from './support/client';
import { recordingProxy, type RecordingProxy } from './support/recording-proxy';

const PASSWORD = 'S3cret-pw-4711!';
const CALLER = '+15557654321';
const DIALLED = '+15559876543';
const AGENT = { userName: 'kate', password: PASSWORD, agentLogin: '5000', defaultPlace: 'Place_5000', firstName: 'Kate', lastName: 'Londonderry' };

const children = new Set<ChildProcess>();
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const item of running.splice(0).reverse()) await item.close();
});

interface Cli {
  child: ChildProcess;
  output: () => string;
  url: Promise<string>;
  exited: Promise<{ code: number | null; at: number }>;
}

async function gwsBehindProxy(): Promise<{ sim: GwsSimulator; proxy: RecordingProxy }> {
  const sim = await startGwsSimulator({ port: 0, agents: [AGENT], dialAnswerMs: Infinity, log: () => undefined });
  running.push(sim);
  const proxy = await recordingProxy(sim.url);
  running.push(proxy);
  return { sim, proxy };
}

function cli(gws: string, extra: string[] = []): Cli {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('BRIDGE_')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bridge/cli.ts', '--gws', gws, '--gws-login', 'password', '--port', '0', ...extra], { env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let all = '';
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      all += chunk.toString('utf8');
      out += chunk.toString('utf8');
      const line = /bridge listening on (\S+)\n/.exec(out);
      if (line?.[1]) resolve(line[1]);
    });
    child.once('exit', () => reject(new Error(`exited before listening: ${all}`)));
  });
  child.stderr?.on('data', (chunk: Buffer) => (all += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  return { child, output: () => all, url, exited };
}

async function registered(url: string): Promise<{ token: string; socket: ToolbarSocket }> {
  const { session, socket } = await connect(url, 'kate', PASSWORD);
  expect((await command(url, session.token, { type: 'initialize' })).status).toBe(200);
  await socket.next('EventRegistered', () => true, 5_000);
  return { token: session.token, socket };
}

describe('when the bridge runs as a process', () => {
  test('a whole run (sign-ins good and bad, calls, errors, sign-out) leaves no secret and no caller number in its output', async () => {
    const { sim, proxy } = await gwsBehindProxy();
    const run = cli(proxy.url, ['--log-level', 'debug']);
    const url = await run.url;
    expect((await http(url, '/genesys/session', { body: { username: 'kate', password: `${PASSWORD}-wrong` } })).status).toBe(401);
    const { token, socket } = await registered(url);
    const tickets = [await ticket(url, token)];
    const id = sim.ring('kate', { ani: CALLER, userData: [{ key: 'SVCMCA_CONTACT_NAME', type: 'str', value: 'Zebulon Quartermaine' }] });
    await socket.next('EventRinging', () => true, 5_000);
    expect((await command(url, token, { type: 'Accept', connectionId: id })).status).toBe(200);
    await socket.next('EventEstablished', () => true, 5_000);
    expect((await command(url, token, { type: 'Hangup', connectionId: 'not-a-call' })).status).toBe(403);
    sim.failNext({ path: '/voice/make-call', status: 500, body: `boom for ${DIALLED}` });
    const dial = await command(url, token, { type: 'MakeCall', connectionId: 'dial-1', destination: DIALLED });
    expect(dial.status, dial.text).toBe(200);
    await socket.next('EventError', () => true, 5_000);
    const hangup = await command(url, token, { type: 'Hangup', connectionId: id });
    expect(hangup.status, hangup.text).toBe(200);
    await socket.next('EventReleased', () => true, 5_000);
    expect((await http(url, '/genesys/session', { method: 'DELETE', token })).status).toBe(200);
    run.child.kill('SIGINT');
    expect((await run.exited).code).toBe(0);
    const output = run.output();
    // It did log the run: one line per command and per session change, each with its request id.
    const lines = output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line['msg'] === 'command accepted' && typeof line['reqId'] === 'string').length).toBeGreaterThanOrEqual(3);
    expect(lines.some((line) => line['code'] === 'SESSION_STATE' && line['to'] === 'online')).toBe(true);
    expect(lines.some((line) => line['code'] === 'GWS_HTTP_500' && line['level'] === 40)).toBe(true);
    expect(proxy.secrets.size).toBeGreaterThanOrEqual(2);
    const forbidden = [PASSWORD, token, ...tickets, ...proxy.secrets, CALLER, CALLER.slice(1), DIALLED, DIALLED.slice(1), 'Zebulon', 'Quartermaine'];
    for (const secret of forbidden) expect(output.includes(secret), `"${secret}" in the output`).toBe(false);
  });

  test('SIGTERM: each toolbar socket is closed 1012 (reconnect), GWS sessions are kept, the process exits 0 within 10 s', async () => {
    const { proxy } = await gwsBehindProxy();
    const run = cli(proxy.url);
    const url = await run.url;
    const { socket } = await registered(url);
    const sent = Date.now();
    run.child.kill('SIGTERM');
    expect(await socket.whenClosed(10_000)).toEqual({ code: 1012, reason: 'bridge restarting' });
    const { code, at } = await run.exited;
    expect(code).toBe(0);
    expect(at - sent).toBeLessThan(10_000);
    expect(proxy.requests.filter((line) => line.includes('/logout'))).toEqual([]);
    expect(run.output()).toContain('"keepGwsSessions":true');
  });
});
