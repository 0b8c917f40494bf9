/**
 * The Genesys simulator in its own process for the many-agents bench. Prints its URLs over IPC,
 * stamps the wall-clock time at which each EventRinging frame leaves it (by ConnID), and answers
 * `{ memory: true }` with its heap after a full GC (run with --expose-gc), `{ rung: true }` with
 * the stamps so far, `{ cpu: true }` with its CPU time.
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { startGenesysSimulator } from '../src/sim/genesys';

const rung: Record<string, number> = {};
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function stamped(this: WebSocket, data: unknown, ...rest: unknown[]) {
  if (typeof data === 'string' && data.includes('"EventRinging"')) {
    const id = /"connectionId":"([^"]+)"/.exec(data)?.[1];
    if (id) rung[id] = performance.timeOrigin + performance.now();
  }
  return (send as (...args: unknown[]) => void).call(this, data, ...rest);
} as typeof send;

const sim = await startGenesysSimulator({ port: 0, log: () => undefined });
process.on('message', (message: { memory?: boolean; rung?: boolean; cpu?: boolean; close?: boolean }) => {
  if (message.cpu) {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 });
  }
  if (message.memory) {
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i++) gc?.();
    process.send?.({ heapUsed: process.memoryUsage().heapUsed });
  }
  if (message.rung) {
    process.send?.({ rung: { ...rung } });
    for (const id of Object.keys(rung)) delete rung[id];
  }
  if (message.close) void sim.close().then(() => process.exit(0));
});
process.send?.({ url: sim.url, wsUrl: sim.wsUrl, restUrl: sim.restUrl });
