/**
 * A bridge instance as the CLI child process (`src/bridge/cli.ts`) for the failover tests:
 * its own `--instance-id`, the shared session key, port 0; resolves once it is listening.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Instance {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<unknown>;
}

/** Starts instance `name` in front of the GWS at `gws`; `children` gets the child at once so the caller can kill it. */
export async function instance(name: string, gws: string, key: string, children: Set<ChildProcess>, extra: readonly string[] = []): Promise<Instance> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BRIDGE_')));
  const args = ['--gws', gws, '--gws-login', 'password', '--port', '0', '--instance-id', name, '--log-level', 'warn', ...extra];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bridge/cli.ts', ...args], { env: { ...clean, BRIDGE_SESSION_KEY: key }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk) => (err += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not listening: ${err}`)), 20_000);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const line = /bridge listening on (http:\/\/\S+)\n/.exec(out);
      if (line?.[1]) resolve((clearTimeout(timer), line[1]));
    });
    child.once('exit', (code) => reject(new Error(`${name} exited ${code}: ${err}`)));
  });
  return { name, child, url, exited };
}
