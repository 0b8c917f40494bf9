/** The bridge bench's generated GWS agents and OAuth client, shared by its processes. */
import type { GwsAgentSpec } from '../src/sim/gws';

export const BENCH_CLIENT = { clientId: 'bench_client', clientSecret: 'bench_secret' };

export function benchAgents(count: number): GwsAgentSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return { userName: `bench${n}`, password: `bench${n}`, agentLogin: `7${n}`, defaultPlace: `Place_7${n}` };
  });
}
