// Many agent sessions in one process, each with its own CometD client and cookie store (gws-protocol.md §9):
// every agent long-polls (no multiple-clients advice), gets its own calls, and only its own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGwsSessionFactory, type AgentSession, type ToolbarFrame } from '../../src/bridge/session';
import { startGwsSimulator, type GwsAgentSpec, type GwsSimulator } from '../../src/sim/gws';

const COUNT = Number(process.env['BRIDGE_MANY_SESSIONS'] ?? 30);
const agents: GwsAgentSpec[] = Array.from({ length: COUNT }, (_, i) => ({
  userName: `agent${i}`,
  password: `pw${i}`,
  agentLogin: `+1555100${String(i).padStart(4, '0')}`,
  defaultPlace: `Place_${i}`,
}));

let sim: GwsSimulator;
let factory: ReturnType<typeof createGwsSessionFactory>;
const sessions: { session: AgentSession; frames: ToolbarFrame[]; at: Map<string, number> }[] = [];
const logs: string[] = [];

beforeAll(async () => {
  sim = await startGwsSimulator({ mode: 'gws', port: 0, agents, log: () => undefined });
  factory = createGwsSessionFactory({ gws: sim.url, log: (level, message) => logs.push(`${level} ${message}`) });
  const results = await Promise.all(agents.map((a) => factory.signIn({ username: a.userName, password: a.password })));
  for (const result of results) {
    if (!result.ok) throw new Error(`${result.code} ${result.message}`);
    const entry = { session: result.session, frames: [] as ToolbarFrame[], at: new Map<string, number>() };
    result.session.subscribe((frame) => {
      entry.frames.push(frame);
      if (typeof frame['connectionId'] === 'string') entry.at.set(`${frame.eventName} ${frame['connectionId']}`, performance.now());
    });
    sessions.push(entry);
  }
}, 60_000);

afterAll(async () => {
  await factory.closeAll();
  await sim.close();
});

describe(`when ${COUNT} agents are signed in through one bridge process`, () => {
  test('each gets its own ring over long-polling, fast, and nobody else’s', async () => {
    const rung: { id: string; at: number }[] = [];
    for (const a of agents) rung.push({ id: sim.ring(a.userName), at: performance.now() });
    await expect.poll(() => sessions.every((s, i) => s.at.has(`EventRinging ${rung[i]!.id}`)), { timeout: 10_000, interval: 20 }).toBe(true);
    const latencies = sessions.map((s, i) => s.at.get(`EventRinging ${rung[i]!.id}`)! - rung[i]!.at).sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)]!;
    const max = latencies.at(-1)!;
    console.log(`[measure] ${COUNT} sessions: ring → EventRinging p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
    // multiple-clients advice would put every session after the first on a 2 s polling interval.
    expect(max).toBeLessThan(1_500);
    sessions.forEach((s, i) => {
      const theirs = s.frames.filter((f) => typeof f['connectionId'] === 'string').map((f) => f['connectionId']);
      expect(new Set(theirs)).toEqual(new Set([rung[i]!.id]));
    });
    expect(logs.filter((line) => line.startsWith('warn') || line.startsWith('error'))).toEqual([]);
  });
});
