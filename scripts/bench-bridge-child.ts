/**
 * The bridge in its own process for the bridge bench: `startBridge` with the GWS side's real factory
 * against the bench's GWS simulator (argv: its URL, then optionally an instance id and a shared
 * session key, as the instances behind the sticky proxy run). IPC: `{url}` once listening; `{memory: true}` →
 * heap after a full GC (run with --expose-gc); `{cpu: true}` → CPU time so far; `{close: true}`.
 */
import { startBridge } from '../src/bridge';
import { parseSessionKeys } from '../src/bridge/server/seal';
import { BENCH_CLIENT } from './bench-bridge-agents';

if (process.send) {
  const [gws, instanceId, key] = process.argv.slice(2);
  if (gws === undefined) throw new Error('usage: bench-bridge-child <gws url> [<instance id> <session key>]');
  const shared = instanceId === undefined || key === undefined ? {} : { instanceId, sessionKeys: parseSessionKeys(key) };
  const bridge = await startBridge({ gws, gwsLogin: 'password', ...BENCH_CLIENT, port: 0, signInsPerMinute: 1_000_000, log: () => undefined, ...shared });
  process.on('message', (message: { memory?: boolean; cpu?: boolean; close?: boolean }) => {
    if (message.memory) {
      const gc = (globalThis as { gc?: () => void }).gc;
      for (let i = 0; i < 3; i++) gc?.();
      process.send?.({ heapUsed: process.memoryUsage().heapUsed, sessions: bridge.sessions() });
    }
    if (message.cpu) {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMs: (user + system) / 1000 });
    }
    if (message.close) void bridge.close().then(() => process.exit(0));
  });
  process.send({ url: bridge.url });
}
