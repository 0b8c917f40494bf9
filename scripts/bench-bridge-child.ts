/**
 * The bridge in its own process for the bridge bench: `startBridge` with the GWS side's real factory
 * against the bench's GWS simulator (argv: its URL). IPC: `{url}` once listening; `{memory: true}` →
 * heap after a full GC (run with --expose-gc); `{cpu: true}` → CPU time so far; `{close: true}`.
 */
import { startBridge } from '../src/bridge';
import { BENCH_CLIENT } from './bench-bridge-agents';

if (process.send) {
  const gws = process.argv[2];
  if (gws === undefined) throw new Error('usage: bench-bridge-child <gws url>');
  const bridge = await startBridge({ gws, gwsLogin: 'password', ...BENCH_CLIENT, port: 0, signInsPerMinute: 1_000_000, log: () => undefined });
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
