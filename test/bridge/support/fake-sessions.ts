/**
 * A fake GWS behind the seam (AgentSessionFactory → AgentSession): users, their calls (kept in a
 * `FakeGws` that outlives a bridge, as GWS outlives a bridge restart) and the commands each session
 * received, so tests can check what reached "GWS" and what did not.
 */
import type {
  AgentSession,
  AgentSessionFactory,
  AgentSessionState,
  CommandAdmission,
  SignInResult,
  ToolbarCommand,
  ToolbarFrame,
} from '../../../src/bridge/session/agent-session.types';

interface FakeUser {
  password: string;
  agentId: string;
  dn: string;
}

/** Calls per agent, as GWS keeps them whatever happens to the bridge. */
export class FakeGws {
  readonly users = new Map<string, FakeUser>();
  readonly calls = new Map<string, Map<string, string>>();
  /** Every session ever made, newest last. */
  readonly sessions: FakeSession[] = [];
  signIns = 0;
  /** The next sign-in's outcome when not the password check's (e.g. GWS_UNREACHABLE). */
  nextFailure: 'GWS_UNREACHABLE' | 'GWS_INIT_FAILED' | null = null;
  /** Milliseconds a sign-in takes. */
  signInDelayMs = 0;

  addUser(username: string, password: string, agentId: string, dn: string): void {
    this.users.set(username, { password, agentId, dn });
  }

  callsOf(agentId: string): Map<string, string> {
    let calls = this.calls.get(agentId);
    if (calls === undefined) {
      calls = new Map();
      this.calls.set(agentId, calls);
    }
    return calls;
  }

  /** The live sessions of an agent. */
  live(agentId: string): FakeSession[] {
    return this.sessions.filter((session) => session.agentId === agentId && session.state() !== 'signedOut');
  }

  /** An inbound call rings for the agent: every live session of it sees EventRinging. */
  ring(agentId: string, connectionId: string, ani = '+15551230000'): void {
    this.callsOf(agentId).set(connectionId, 'Ringing');
    for (const session of this.live(agentId)) session.emit({ eventName: 'EventRinging', connectionId, ANI: ani, CallType: 'Inbound' });
  }
}

export class FakeSession implements AgentSession {
  readonly commands: ToolbarCommand[] = [];
  private current: AgentSessionState = 'online';
  private readonly listeners = new Set<(frame: ToolbarFrame) => void>();
  signOuts = 0;
  /** A command type → the admission to answer instead of running it. */
  readonly refuse = new Map<string, CommandAdmission>();

  constructor(
    private readonly gws: FakeGws,
    readonly agentId: string,
    readonly dn: string,
  ) {}

  state(): AgentSessionState {
    return this.current;
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  emit(frame: ToolbarFrame): void {
    for (const listener of this.listeners) listener(frame);
  }

  command(command: ToolbarCommand): CommandAdmission {
    this.commands.push(command);
    const refused = this.refuse.get(command.type);
    if (refused !== undefined) return refused;
    if (this.current !== 'online') return { status: 409, code: 'NOT_ONLINE' };
    const calls = this.gws.callsOf(this.agentId);
    const type = command.type.toLowerCase();
    const connectionId = typeof command['connectionId'] === 'string' ? command['connectionId'] : undefined;
    if (type === 'initialize' || type === 'register') {
      queueMicrotask(() => this.emit({ eventName: 'EventRegistered', AgentID: this.agentId, ThisDN: this.dn }));
      return { status: 200 };
    }
    if (type === 'snapshot') {
      const list = [...calls].map(([id, state]) => ({ connectionId: id, state, direction: 'inbound' }));
      queueMicrotask(() => this.emit({ eventName: 'EventSnapshot', agentState: 'Ready', calls: list }));
      return { status: 200 };
    }
    if (type === 'alternatecall') return { status: 409, code: 'NOT_SUPPORTED' };
    if (connectionId !== undefined && type !== 'makecall' && !calls.has(connectionId)) return { status: 403, code: 'NOT_YOUR_CALL' };
    if (type === 'accept' && connectionId !== undefined) {
      calls.set(connectionId, 'Established');
      queueMicrotask(() => this.emit({ eventName: 'EventEstablished', connectionId }));
    }
    if (type === 'hangup' && connectionId !== undefined) {
      calls.delete(connectionId);
      queueMicrotask(() => this.emit({ eventName: 'EventReleased', connectionId }));
    }
    return { status: 200 };
  }

  subscribe(listener: (frame: ToolbarFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signOut(): Promise<void> {
    this.signOuts += 1;
    this.current = 'signedOut';
  }

  /** GWS ended the session on its own (e.g. logged out elsewhere). */
  endFromGws(): void {
    this.current = 'signedOut';
  }
}

export class FakeFactory implements AgentSessionFactory {
  closeAlls = 0;

  constructor(readonly gws: FakeGws) {}

  async signIn(credentials: { readonly username: string; readonly password: string }): Promise<SignInResult> {
    this.gws.signIns += 1;
    if (this.gws.signInDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.gws.signInDelayMs));
    const failure = this.gws.nextFailure;
    this.gws.nextFailure = null;
    if (failure !== null) return { ok: false, code: failure, message: `${failure} (fake)` };
    const user = this.gws.users.get(credentials.username);
    if (user === undefined || user.password !== credentials.password) return { ok: false, code: 'SIGN_IN_FAILED', message: 'bad credentials (fake)' };
    const session = new FakeSession(this.gws, user.agentId, user.dn);
    this.gws.sessions.push(session);
    return { ok: true, session };
  }

  async closeAll(): Promise<void> {
    this.closeAlls += 1;
    for (const session of this.gws.sessions) await session.signOut();
  }
}

/** Two agents: alice (tenant\alice, 1001/7001) and bob (bob, 1002/7002). */
export function twoAgents(): { gws: FakeGws; factory: FakeFactory } {
  const gws = new FakeGws();
  gws.addUser('tenant\\alice', 'alice-pw', '1001', '7001');
  gws.addUser('bob', 'bob-pw', '1002', '7002');
  return { gws, factory: new FakeFactory(gws) };
}
