import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { http } from './support/client';

const CLI = 'src/bridge/cli.ts';
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('BRIDGE_')));
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function listening(started: Run): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const line = /^bridge listening on (http:\/\/\S+)\n/.exec(started.stdout());
    if (line?.[1]) return line[1];
    if (started.child.exitCode !== null) throw new Error(`exited ${started.child.exitCode}: ${started.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not listening: ${started.stderr()}`);
}

describe('when the bridge is started from the command line', () => {
  test('--help prints the usage on stdout and exits 0', async () => {
    const started = run(['--help']);
    expect((await started.exited).code).toBe(0);
    expect(started.stdout()).toContain('usage: npm run bridge -- --gws <base url>');
    for (const name of ['BRIDGE_GWS_URL', 'BRIDGE_GWS_LOGIN', 'BRIDGE_HOST', 'BRIDGE_PORT', 'BRIDGE_ALLOW_ORIGINS', 'BRIDGE_CLIENT_ID', 'BRIDGE_CLIENT_SECRET', 'BRIDGE_TOKEN_TTL_SEC', 'BRIDGE_LOG_LEVEL', 'BRIDGE_API_KEY', 'BRIDGE_REDIRECT_URI', 'BRIDGE_GWS_TIMEOUT_MS', 'BRIDGE_INSPECT']) {
      expect(started.stdout()).toContain(name);
    }
  });

  test('an invalid value is refused at start: a clear message on stderr, nothing on stdout, exit 2', async () => {
    const started = run(['--gws', 'https://gws.example.com', '--gws-login', 'simulator', '--port', 'eighty']);
    expect((await started.exited).code).toBe(2);
    expect(started.stderr()).toContain('bridge: --port: "eighty" is not a whole number from 0 to 65535');
    expect(started.stdout()).toBe('');
  });

  test('an invalid environment variable is refused the same way', async () => {
    const started = run([], { BRIDGE_GWS_URL: 'not a url' });
    expect((await started.exited).code).toBe(2);
    expect(started.stderr()).toContain('--gws: "not a url" is not a URL');
  });

  test(
    'with --port 0 it prints exactly one line with the port it got, serves the contract, and stops on SIGTERM (exit 0)',
    async () => {
      const started = run(['--gws', 'http://127.0.0.1:9', '--gws-login', 'simulator', '--port', '0']);
      const url = await listening(started);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(url).not.toMatch(/:0$/);
      const answer = await http(url, '/genesys/events', { body: { type: 'initialize' } });
      expect([answer.status, answer.body['code']]).toEqual([401, 'SESSION_INVALID']);
      started.child.kill('SIGTERM');
      expect((await started.exited).code).toBe(0);
      expect(started.stdout()).toBe(`bridge listening on ${url}\n`);
      expect(started.stderr()).toContain('only loopback origins');
    },
  );

  test('SIGINT stops it too', async () => {
    const started = run(['--gws', 'http://127.0.0.1:9', '--gws-login', 'simulator', '--port', '0', '--allow-origin', 'https://fusion.example.com']);
    await listening(started);
    started.child.kill('SIGINT');
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect(started.stderr()).not.toContain('only loopback origins');
  });
});
