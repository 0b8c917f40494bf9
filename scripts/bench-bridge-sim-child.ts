/**
 * The GWS simulator in its own process for the bridge bench, with `agents` generated agents
 * (`bench0001`…, password = user name). IPC: `{ring: userName}` → `{callId, at}` (wall-clock ms
 * just before the CometD notification is published), `{hangup: callId}`, `{requests: true}` →
 * the wall-clock arrival time of each `/workspace/v3/voice/…` request since the last ask, `{cpu: true}`.
 */
import { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startGwsSimulator } from '../src/sim/gws';
import { BENCH_CLIENT, benchAgents } from './bench-bridge-agents';

const wall = (): number => performance.timeOrigin + performance.now();

if (process.send) {
  const count = Number(process.argv[2] ?? '100');
  const requests: { path: string; at: number }[] = [];
  // Stamps each voice request as it arrives, before the simulator's own handler runs.
  const emit = Server.prototype.emit;
  Server.prototype.emit = function stamped(this: Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const url = (args[0] as { url?: string }).url ?? '';
      if (url.includes('/workspace/v3/voice/')) requests.push({ path: url, at: wall() });
    }
    return (emit as (event: string, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
  const sim = await startGwsSimulator({ port: 0, mode: 'gws', agents: benchAgents(count), ...BENCH_CLIENT, initialAgentState: 'Ready', log: () => undefined });
  process.on('message', (message: { ring?: string; hangup?: string; requests?: boolean; cpu?: boolean; close?: boolean }) => {
    if (message.ring !== undefined) {
      const at = wall();
      const callId = sim.ring(message.ring);
      process.send?.({ callId, at });
    }
    if (message.hangup !== undefined) sim.remoteHangup(message.hangup);
    if (message.requests) process.send?.({ requests: requests.splice(0) });
    if (message.cpu) {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMs: (user + system) / 1000 });
    }
    if (message.close) void sim.close().then(() => process.exit(0));
  });
  process.send({ url: sim.url });
}
