/**
 * The bridge's GWS side against our GWS simulator over real sockets and CometD: one simulator per
 * test, agents signed in through createGwsSessionFactory, each agent's toolbar frames recorded.
 */
import { expect, vi } from 'vitest';
import { startGwsSimulator, type GwsMode, type GwsSimulator } from '../../../src/sim/gws';
import { createGwsSessionFactory, type AgentSession, type AgentSessionFactory, type ToolbarFrame } from '../../../src/bridge/session';
import type { TranslateOptions } from '../../../src/bridge/translate';

export const DN: Record<string, string> = { JohnSmith: '+33298025003', KateLondon: '+33298025000', ThomasWatson: '+33298025011' };

export interface Live {
  readonly sim: GwsSimulator;
  readonly factory: AgentSessionFactory;
  readonly logs: string[];
  close(): Promise<void>;
}

export async function liveGws(
  mode: GwsMode,
  translate: Partial<TranslateOptions> = {},
  sim: Parameters<typeof startGwsSimulator>[0] = {},
  bridge: { apiKey?: string } = {},
): Promise<Live> {
  const simulator = await startGwsSimulator({ mode, port: 0, dialAnswerMs: Infinity, dialBusyMs: 30, dialNoAnswerMs: 60, initialDnDelayMs: 20, activeSessionDelayMs: 40, log: () => undefined, ...sim });
  const logs: string[] = [];
  const factory = createGwsSessionFactory({
    gws: simulator.url,
    gwsLogin: mode === 'gws' ? 'password' : 'simulator',
    requestTimeoutMs: 800,
    timings: { commandDeadlineMs: 1_500, snapshotDeadlineMs: 600, initTimeoutMs: 3_000, retryMs: [50, 100, 200], signOutMs: 500 },
    translate,
    ...bridge,
    log: (level, message) => logs.push(`${level} ${message}`),
  });
  return {
    sim: simulator,
    factory,
    logs,
    async close() {
      await factory.closeAll();
      await simulator.close();
    },
  };
}

export class LiveAgent {
  readonly frames: ToolbarFrame[] = [];
  private seen = 0;

  constructor(readonly session: AgentSession, readonly userName: string) {
    session.subscribe((frame) => this.frames.push(frame));
  }

  static async signIn(live: Live, userName: string, registered = true): Promise<LiveAgent> {
    const result = await live.factory.signIn({ username: userName, password: userName });
    if (!result.ok) throw new Error(`${userName}: ${result.code} ${result.message}`);
    const agent = new LiveAgent(result.session, userName);
    if (registered) {
      expect(agent.command({ type: 'initialize' })).toEqual({ status: 200 });
      await agent.next('EventRegistered');
    }
    return agent;
  }

  command(command: Record<string, unknown> & { type: string }) {
    return this.session.command(command);
  }

  /** The next frame named so (after the last one `next` returned), waiting for it. */
  async next(eventName: string, where: Record<string, unknown> = {}, timeout = 4_000): Promise<ToolbarFrame> {
    let found = -1;
    await vi.waitFor(() => {
      found = this.frames.findIndex((f, i) => i >= this.seen && f.eventName === eventName && Object.entries(where).every(([k, v]) => f[k] === v));
      expect(found, `${this.userName}: ${eventName} ${JSON.stringify(where)} after #${this.seen} in ${JSON.stringify(this.frames.map((f) => (f.eventName === 'EventError' ? f : f.eventName)))}`).toBeGreaterThanOrEqual(0);
    }, { timeout, interval: 5 });
    this.seen = found + 1;
    return this.frames[found]!;
  }

  names(from = 0): string[] {
    return this.frames.slice(from).map((f) => f.eventName);
  }

  /** Frames about one call, by name. */
  of(connectionId: string): string[] {
    return this.frames.filter((f) => f['connectionId'] === connectionId).map((f) => f.eventName);
  }

  async state(state: ReturnType<AgentSession['state']>, timeout = 6_000): Promise<void> {
    await vi.waitFor(() => expect(this.session.state()).toBe(state), { timeout, interval: 10 });
  }

  /** Rings and answers an inbound call; returns its id. */
  async talking(live: Live, ring: Parameters<GwsSimulator['ring']>[1] = {}): Promise<string> {
    const id = live.sim.ring(this.userName, { ani: '+15550001', ...ring });
    await this.next('EventRinging', { connectionId: id });
    expect(this.command({ type: 'Accept', connectionId: id })).toEqual({ status: 200 });
    await this.next('EventEstablished', { connectionId: id });
    return id;
  }
}

export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));
