import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AgentStatus, CallSnapshot, Frame, SimConfig, SimLog, SimSnapshot } from './types';

/** Events kept for an agent without a socket; older ones are dropped past this. */
export const QUEUE_LIMIT = 500;
/** Released calls kept so late commands get 409 rather than 404. */
const RELEASED_KEPT = 200;

export const DEFAULT_BUSY_NUMBERS = ['+15550000486'];
export const DEFAULT_DIAL_DELAY_MS = 1500;

/** Where frames go: the socket registry of the server. */
export interface FrameSink {
  sockets(agentId: string): number;
  send(agentId: string, text: string): void;
  agentIds(): string[];
}

export interface Agent {
  id: string;
  status: AgentStatus;
  reason?: string;
  /** AgentWorkMode of the last NotReady (AfterCallWork during wrap-up). */
  workMode?: string;
  dn: string;
  registered: boolean;
  /** Serialized frames waiting for the agent's next initialize. */
  queue: string[];
  /** performance.now() of the last request or socket event that named the agent (idle expiry). */
  lastActive: number;
}

/** A live call; `GET /sim/state` shows the same shape. */
export type Call = CallSnapshot;

/** A T-Server ConnID: 16 lowercase hex digits. */
export function newConnId(): string {
  return randomBytes(8).toString('hex');
}

/** Per-agent and per-call truth, and the ordered delivery of frames to agents' sockets. */
export class SimModel {
  readonly agents = new Map<string, Agent>();
  readonly calls = new Map<string, Call>();
  config: SimConfig;
  /** Bound on unreleased calls per agent (SimOptions.maxCallsPerAgent). */
  maxCallsPerAgent = 32;
  currentAgent = 'default';
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly sink: FrameSink,
    private readonly log: SimLog,
    private readonly defaults: SimConfig,
  ) {
    this.config = { ...defaults, busyNumbers: [...defaults.busyNumbers] };
  }

  agent(id: string): Agent {
    let agent = this.agents.get(id);
    if (agent === undefined) {
      agent = { id, status: 'loggedOut', dn: id, registered: false, queue: [], lastActive: 0 };
      this.agents.set(id, agent);
    }
    agent.lastActive = performance.now();
    return agent;
  }

  /** Drops an agent, its backlog and its calls (with their pending dials), as if it never came. */
  forgetAgent(id: string): void {
    this.agents.delete(id);
    for (const call of [...this.calls.values()]) {
      if (call.agent !== id) continue;
      this.cancelTimer(call.connectionId);
      this.calls.delete(call.connectionId);
    }
    if (this.currentAgent === id) this.currentAgent = 'default';
  }

  /** The agent a scenario means when it names none: the last one to connect. */
  resolveAgent(id: unknown): string {
    return typeof id === 'string' && id !== '' ? id : this.currentAgent;
  }

  /** Sends now when the agent is listening and nothing older waits; otherwise queues in order. */
  emit(agentId: string, frame: Frame): void {
    const agent = this.agent(agentId);
    const text = JSON.stringify(frame);
    if (agent.queue.length === 0 && this.sink.sockets(agentId) > 0) {
      this.sink.send(agentId, text);
      return;
    }
    agent.queue.push(text);
    if (agent.queue.length > QUEUE_LIMIT) {
      agent.queue.shift();
      this.log('warn', `queue for agent ${agentId} is full; dropped its oldest event`);
    }
  }

  /** Delivers everything queued for the agent, oldest first, if it has a socket. */
  flush(agentId: string): void {
    const agent = this.agent(agentId);
    if (this.sink.sockets(agentId) === 0) return;
    const pending = agent.queue.splice(0);
    for (const text of pending) this.sink.send(agentId, text);
    if (pending.length > 0) this.log('info', `delivered ${pending.length} queued event(s) to agent ${agentId}`);
  }

  agentFrame(agent: Agent, eventName: string, extra: Record<string, string | undefined> = {}): Frame {
    return { eventName, ThisDN: agent.dn, AgentID: agent.id, ...extra };
  }

  /** Every call event carries connectionId, eventId (when known), ANI and direction. */
  callFrame(call: Call, eventName: string, extra: Record<string, string | undefined> = {}): Frame {
    return {
      eventName,
      ThisDN: this.agent(call.agent).dn,
      connectionId: call.connectionId,
      eventId: call.eventId,
      ANI: call.ani,
      direction: call.direction,
      CallType: call.callType ?? (call.consultOf ? 'Consult' : call.direction === 'inbound' ? 'Inbound' : 'Outbound'),
      // A consult leg names the held call it belongs to (PSDK TransferConnID / PreviousConnID).
      ...(call.consultOf ? { previousConnectionId: call.consultOf, TransferConnID: call.consultOf } : {}),
      ...extra,
    };
  }

  emitCall(call: Call, eventName: string, extra: Record<string, string | undefined> = {}): void {
    this.emit(call.agent, this.callFrame(call, eventName, extra));
  }

  addCall(call: Call): void {
    this.calls.set(call.connectionId, call);
  }

  /** Ends a call with EventReleased and forgets its pending dial, keeping a bounded history. */
  release(call: Call, callState: string): void {
    this.cancelTimer(call.connectionId);
    call.status = 'released';
    call.callState = callState;
    const main = call.consultOf === undefined ? undefined : this.calls.get(call.consultOf);
    if (main?.consultLeg === call.connectionId) delete main.consultLeg;
    this.emitCall(call, 'EventReleased', { CallState: callState });
    const released = [...this.calls.values()].filter((item) => item.status === 'released');
    for (const old of released.slice(0, Math.max(0, released.length - RELEASED_KEPT))) this.calls.delete(old.connectionId);
  }

  setTimer(connectionId: string, ms: number, run: () => void): void {
    this.cancelTimer(connectionId);
    const timer = setTimeout(() => {
      this.timers.delete(connectionId);
      run();
    }, ms);
    this.timers.set(connectionId, timer);
  }

  cancelTimer(connectionId: string): void {
    const timer = this.timers.get(connectionId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(connectionId);
  }

  isBusy(number: string): boolean {
    return this.config.busyNumbers.includes(number) || number.endsWith('486');
  }

  /** Forget everything: agents, calls, queues, pending dials, config. Sockets stay connected. */
  reset(): void {
    this.dispose();
    this.agents.clear();
    this.calls.clear();
    this.config = { ...this.defaults, busyNumbers: [...this.defaults.busyNumbers] };
  }

  /** A restart that lost everything: agents unregistered and logged out, no calls, no backlog. */
  forgetState(): void {
    this.dispose();
    this.calls.clear();
    for (const agent of this.agents.values()) {
      agent.registered = false;
      agent.status = 'loggedOut';
      delete agent.reason;
      agent.queue = [];
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  snapshot(down: boolean): SimSnapshot {
    const ids = new Set([...this.agents.keys(), ...this.sink.agentIds()]);
    const agents = [...ids].sort().map((id) => {
      const agent = this.agents.get(id);
      const sockets = this.sink.sockets(id);
      return {
        id,
        status: agent?.status ?? 'loggedOut',
        ...(agent?.reason === undefined ? {} : { reason: agent.reason }),
        dn: agent?.dn ?? id,
        registered: agent?.registered ?? false,
        connected: sockets > 0,
        sockets,
        queued: agent?.queue.length ?? 0,
      };
    });
    const calls: CallSnapshot[] = [...this.calls.values()].map((call) => ({ ...call }));
    return { agents, calls, config: { ...this.config, busyNumbers: [...this.config.busyNumbers] }, currentAgent: this.currentAgent, down };
  }
}
