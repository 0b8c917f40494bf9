/** CometD at /workspace/v3/notifications: which agent each Bayeux session belongs to, the initialization messages, delivery. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cometdNodejsServer, { type CometDServer, type ServerMessage, type ServerSession } from 'cometd-nodejs-server';
import { configurationObject, userObject } from './agents';
import { parseCookies } from './http';
import { INITIALIZATION, MEDIA, type AgentRuntime, type GwsState } from './state';

/** The cookie that names a workspace session in each mode. */
export function sessionCookieName(state: GwsState): string {
  return state.sim ? 'WWE_CODE' : 'WORKSPACE_SESSIONID';
}

interface Binding {
  agent: string;
  cookie: string;
  session: ServerSession;
}

/** What the library keeps private but a simulator must do: forget a session without telling its client. */
interface ServerInternals {
  _removeServerSession(session: ServerSession, timeout: boolean): unknown;
}
interface SessionInternals {
  _scheduler?: { resume(): void } | null;
}

export class CometdHub {
  private server: CometDServer;
  /** Bayeux session id → its agent and workspace cookie; and the same bindings by agent (delivery is per agent). */
  private readonly bound = new Map<string, Binding>();
  private readonly byAgent = new Map<string, Set<Binding>>();
  /** 'genesys-sim': handshakes without a valid code, disconnected on their first connect. */
  private readonly unauthenticated = new Set<string>();

  constructor(private readonly state: GwsState) {
    this.server = this.create();
    state.deliver = (agent, channel, data) => this.deliver(agent, channel, data);
  }

  private create(): CometDServer {
    // maxInterval 10 s as GWS: a client that stops polling loses its session.
    const server = cometdNodejsServer.createCometDServer({ timeout: 30_000, maxInterval: 10_000, browserCookieName: 'BAYEUX_BROWSER' });
    server.policy = {
      canHandshake: (session, _message, callback) => callback(undefined, this.admit(session)),
    };
    server.addExtension({
      incoming: (_server, session, message, callback) => {
        if (message.channel === '/meta/connect' && session && this.unauthenticated.delete(session.id)) session.disconnect();
        callback(undefined, true);
      },
    });
    server.addListener('sessionRemoved', (session: ServerSession) => {
      const binding = this.bound.get(session.id);
      this.bound.delete(session.id);
      if (binding) this.byAgent.get(binding.agent)?.delete(binding);
      this.unauthenticated.delete(session.id);
    });
    server.addListener('subscribed', (channel: { name: string }, session: ServerSession) => {
      if (!this.state.sim && channel.name === INITIALIZATION) this.sendInitialization(session);
    });
    return server;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.server.handle(req, res);
  }

  private admit(session: ServerSession): boolean {
    const request = (this.server.context as { request?: IncomingMessage }).request;
    const cookie = parseCookies(request?.headers.cookie)[sessionCookieName(this.state)];
    const agent = cookie === undefined ? undefined : this.state.sessions.get(cookie);
    if (agent === undefined || cookie === undefined) {
      // Real GWS refuses an unauthenticated handshake [INFER: 403::handshake_denied]; Genesys' simulator says yes.
      if (!this.state.sim) return false;
      this.unauthenticated.add(session.id);
      return true;
    }
    const binding: Binding = { agent, cookie, session };
    this.bound.set(session.id, binding);
    let set = this.byAgent.get(agent);
    if (!set) this.byAgent.set(agent, (set = new Set()));
    set.add(binding);
    this.state.settings.log('debug', 'cometd handshake', { agent, session: session.id });
    if (this.state.sim) setImmediate(() => this.simHandshake(session, this.state.agent(agent)));
    else setImmediate(() => this.afterHandshake(this.state.agent(agent)));
    return true;
  }

  /** Genesys' simulator: initialization pushed at once, DnStateChanged ~2 s later, the activeSession ~2.25 s after the first. */
  private simHandshake(session: ServerSession, agent: AgentRuntime): void {
    this.sendInitialization(session);
    const { initialDnDelayMs, activeSessionDelayMs } = this.state.settings;
    this.state.agentTimer(agent, initialDnDelayMs, () => this.state.publishDn(agent));
    if (agent.activeSession) return;
    this.state.agentTimer(agent, activeSessionDelayMs, () => {
      if (agent.activeSession) return;
      agent.activeSession = true;
      const channels = ['email', 'workitem', 'outboundpreview'].map((name) => ({ name, state: 'NotReady', available: false, dnd: false, reasons: [], timestamp: Date.now() }));
      this.deliver(agent.spec.userName, MEDIA, { messageType: 'ChannelStateChanged', media: { channels } });
    });
  }

  /** Real GWS after a (re)handshake of an already activated agent: the current DN state [INFER]. */
  private afterHandshake(agent: AgentRuntime): void {
    if (agent.activated) this.state.agentTimer(agent, 50, () => this.state.publishDn(agent));
  }

  private sendInitialization(session: ServerSession): void {
    const binding = this.bound.get(session.id);
    if (!binding) return;
    const agent = this.state.agent(binding.agent);
    const now = Date.now();
    const data = { user: userObject(agent.spec, agent.index, this.state.sim), configuration: configurationObject() };
    const base = { submittedAt: now, executionTime: 1, actualWaitTime: 1 };
    session.deliver(null, INITIALIZATION, { ...base, messageType: 'WorkspaceInitializationProgress', state: 'Executing', progress: { percentComplete: 50 } });
    session.deliver(null, INITIALIZATION, { ...base, messageType: 'WorkspaceInitializationProgress', state: 'Executing', progress: { percentComplete: 100 }, data });
    session.deliver(null, INITIALIZATION, { ...base, messageType: 'WorkspaceInitializationComplete', state: 'Complete', data });
  }

  /** 'gws': sessions that subscribed the channel; 'genesys-sim': every session of the user (it uses session.deliver). */
  deliver(agent: string, channel: string, data: Record<string, unknown>): void {
    for (const { session, cookie } of this.byAgent.get(agent) ?? []) {
      if (!this.state.sim && !session.subscriptions.some((sub) => sub.name === channel)) continue;
      if (!this.state.sim && !this.state.sessions.has(cookie)) continue;
      session.deliver(null, channel, data);
    }
  }

  /** Forgets the sessions without a word to their clients: the next connect gets 402::session_unknown. */
  drop(agent?: string): number {
    const victims = [...this.bound.values()].filter((binding) => agent === undefined || binding.agent === agent).map((binding) => binding.session);
    for (const session of victims) {
      (this.server as unknown as ServerInternals)._removeServerSession(session, false);
      // Ends a held long poll now, so the client's next connect learns the session is gone.
      (session as unknown as SessionInternals)._scheduler?.resume();
    }
    return victims.length;
  }

  /** Server-side /meta/disconnect for the sessions of one workspace session (logout). */
  disconnectCookie(cookie: string): void {
    for (const binding of [...this.bound.values()]) if (binding.cookie === cookie) binding.session.disconnect();
  }

  sessionCount(agent?: string): number {
    return [...this.bound.values()].filter((binding) => agent === undefined || binding.agent === agent).length;
  }

  close(): void {
    this.drop();
    this.server.close();
  }
}

export type { ServerMessage };
