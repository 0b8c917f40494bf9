/**
 * The Genesys simulator in its own process for the many-agents bench: prints its base URL, then
 * answers `{ memory: true }` messages with its heap after a full GC (run with --expose-gc).
 */
import { startGenesysSimulator } from '../src/sim/genesys';

const sim = await startGenesysSimulator({ port: 0, log: () => undefined });
process.on('message', (message: { memory?: boolean; close?: boolean }) => {
  if (message.memory) {
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i++) gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    process.send?.({ heapUsed, rss });
  }
  if (message.close) void sim.close().then(() => process.exit(0));
});
process.send?.({ url: sim.url, wsUrl: sim.wsUrl, restUrl: sim.restUrl });
