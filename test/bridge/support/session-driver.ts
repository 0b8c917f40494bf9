/** Drives one agent session (the real machine) against a FakeGws: sign in, frames, states. */
import { expect, vi } from 'vitest';
import type { AgentSession, ToolbarFrame } from '../../../src/bridge/session/agent-session.types';
import { createSessionFactory } from '../../../src/bridge/session/factory';
import type { SessionTimings } from '../../../src/bridge/session/session.types';
import type { TranslateOptions } from '../../../src/bridge/translate';
import { FakeGws } from './fake-gws';

export const FAST: Partial<SessionTimings> = { commandDeadlineMs: 300, snapshotDeadlineMs: 200, initTimeoutMs: 500, retryMs: [10, 20], signOutMs: 200 };

export async function signedIn(over: { translate?: Partial<TranslateOptions>; gws?: FakeGws } = {}) {
  const gws = over.gws ?? new FakeGws();
  const logs: string[] = [];
  const factory = createSessionFactory({ timings: FAST, ...(over.translate ? { translate: over.translate } : {}), log: (level, code, message) => logs.push(`${level} ${code} ${message}`) }, () => gws);
  const result = await factory.signIn({ username: 'JohnSmith', password: 'JohnSmith' });
  if (!result.ok) throw new Error(`sign-in failed: ${result.code} ${result.message}`);
  const frames: ToolbarFrame[] = [];
  result.session.subscribe((frame) => frames.push(frame));
  return new Driver(result.session, gws, frames, logs, factory);
}

export class Driver {
  constructor(
    readonly session: AgentSession,
    readonly gws: FakeGws,
    readonly frames: ToolbarFrame[],
    readonly logs: string[],
    readonly factory: ReturnType<typeof createSessionFactory>,
  ) {}

  names(): string[] {
    return this.frames.map((f) => f.eventName);
  }

  async frame(eventName: string, where: Record<string, unknown> = {}): Promise<ToolbarFrame> {
    let found: ToolbarFrame | undefined;
    await vi.waitFor(() => {
      found = this.frames.find((f) => f.eventName === eventName && Object.entries(where).every(([k, v]) => f[k] === v));
      expect(found, `${eventName} ${JSON.stringify(where)} in ${JSON.stringify(this.names())}`).toBeDefined();
    }, { timeout: 2000, interval: 5 });
    return found!;
  }

  async request(path: string): Promise<void> {
    await vi.waitFor(() => expect(this.gws.paths()).toContain(path), { timeout: 2000, interval: 5 });
  }

  async expectState(state: ReturnType<AgentSession['state']>): Promise<void> {
    await vi.waitFor(() => expect(this.session.state()).toBe(state), { timeout: 2000, interval: 5 });
  }

  command(command: Record<string, unknown> & { type: string }) {
    return this.session.command(command);
  }

  /** An inbound call ringing and answered, seen by the toolbar. */
  async established(id = 'c1'): Promise<void> {
    this.gws.call({ id, state: 'Ringing' });
    await this.frame('EventRinging', { connectionId: id });
    expect(this.command({ type: 'Accept', connectionId: id })).toEqual({ status: 200 });
    await this.request(`POST /voice/calls/${id}/answer`);
    this.gws.call({ id, state: 'Established', capabilities: ['release', 'hold', 'send-dtmf', 'initiate-transfer'] });
    await this.frame('EventEstablished', { connectionId: id });
  }

  close(): Promise<void> {
    return this.session.signOut();
  }
}
