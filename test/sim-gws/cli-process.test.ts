// `npm run sim:gws`: the process prints its URL first, serves it, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

function start(args: string[]): { child: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sim/gws/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

describe('when the simulator is started from the command line', () => {
  it('prints "GWS simulator listening on <url>" first, serves that URL in the asked mode, and exits 0 on SIGTERM', async () => {
    const run = start(['--port', '0', '--mode', 'genesys-sim']);
    await expect.poll(() => /^GWS simulator listening on (http:\/\/\S+) /.exec(run.out())?.[1], { timeout: 15_000 }).toBeDefined();
    const url = /^GWS simulator listening on (http:\/\/\S+) /.exec(run.out())?.[1] ?? '';
    const state = (await (await fetch(`${url}/sim/state`)).json()) as { mode: string };
    expect(state.mode).toBe('genesys-sim');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses a bad flag with a message on stderr and exit 2', async () => {
    const run = start(['--mode', 'real']);
    expect(await run.exited).toBe(2);
    expect(run.err()).toContain('--mode: "real" is not gws or genesys-sim');
    expect(run.out()).toBe('');
  });
});
