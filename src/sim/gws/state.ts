/** Everything the simulator remembers: agents and their DNs, calls, sessions, tokens, armed failures. `reset()` = a restart. */
import { randomBytes } from 'node:crypto';
import { DEFAULT_AGENTS } from './agents';
import type { DnState, FailRule, GwsAgentSpec, GwsLogLevel, GwsMode, GwsSimOptions, SimCall } from './types';

export const VOICE = '/workspace/v3/voice';
export const INITIALIZATION = '/workspace/v3/initialization';
export const MEDIA = '/workspace/v3/media';

export interface Settings {
  mode: GwsMode;
  dialAnswerMs: number;
  dialNoAnswerMs: number;
  dialBusyMs: number;
  clientId: string;
  clientSecret: string;
  releaseOnRinging: boolean;
  initialAgentState: 'Ready' | 'NotReady';
  initialDnDelayMs: number;
  activeSessionDelayMs: number;
  tokenTtlSec: number;
  apiKey: string | undefined;
  log: (level: GwsLogLevel, message: string, detail?: unknown) => void;
}

export function settingsFrom(options: GwsSimOptions): Settings {
  return {
    mode: options.mode ?? 'gws',
    dialAnswerMs: options.dialAnswerMs ?? 5_000,
    dialNoAnswerMs: options.dialNoAnswerMs ?? 15_000,
    dialBusyMs: options.dialBusyMs ?? 100,
    clientId: options.clientId ?? 'external_api_client',
    clientSecret: options.clientSecret ?? 'secret',
    releaseOnRinging: options.releaseOnRinging ?? true,
    initialAgentState: options.initialAgentState ?? 'NotReady',
    initialDnDelayMs: options.initialDnDelayMs ?? 2_000,
    activeSessionDelayMs: options.activeSessionDelayMs ?? 2_250,
    tokenTtlSec: options.tokenTtlSec ?? 3_600,
    apiKey: options.apiKey,
    log: options.log ?? (() => undefined),
  };
}

export interface AgentRuntime {
  spec: GwsAgentSpec;
  index: number;
  dn: DnState;
  /** 'gws': activate-channels done (voice logged in). */
  activated: boolean;
  /** 'genesys-sim': the server-side activeSession exists (current-session stops answering 403). */
  activeSession: boolean;
  autoComplete: boolean;
  voiceService: 'AVAILABLE' | 'UNAVAILABLE';
  timers: Set<ReturnType<typeof setTimeout>>;
}

export function hexId(bytes = 8): string {
  return randomBytes(bytes).toString('hex');
}

export const DN_CAPABILITIES = ['ready', 'not-ready', 'dnd-on', 'set-forward', 'start-monitoring'];

function freshDn(spec: GwsAgentSpec, mode: GwsMode): DnState {
  // Genesys' simulator starts every agent Ready/Unknown; a real DN is logged out until activate-channels.
  const sim = mode === 'genesys-sim';
  return {
    number: spec.agentLogin,
    switchName: 'SIP_Switch',
    agentId: spec.agentLogin,
    agentState: sim ? 'Ready' : 'LoggedOut',
    ...(sim ? { agentWorkMode: 'Unknown' } : {}),
    reasons: [],
    dnd: false,
    capabilities: [...DN_CAPABILITIES],
    available: sim,
    activity: 'Idle',
    timestamp: Date.now(),
  };
}

export class GwsState {
  readonly agents = new Map<string, AgentRuntime>();
  readonly calls = new Map<string, SimCall>();
  /** Session cookie value (WORKSPACE_SESSIONID or WWE_CODE) → userName. */
  readonly sessions = new Map<string, string>();
  /** One-use authorization codes ('gws' authorize) and sign-in codes ('genesys-sim') → userName. */
  readonly codes = new Map<string, string>();
  readonly tokens = new Map<string, { userName: string; expiresAt: number }>();
  readonly refreshTokens = new Map<string, string>();
  readonly failRules: FailRule[] = [];
  /** Set by the CometD side: hands one message to every CometD session of the agent. */
  deliver: (agent: string, channel: string, data: Record<string, unknown>) => void = () => undefined;

  constructor(
    readonly settings: Settings,
    readonly specs: readonly GwsAgentSpec[] = DEFAULT_AGENTS,
  ) {
    this.reset();
  }

  get mode(): GwsMode {
    return this.settings.mode;
  }

  get sim(): boolean {
    return this.settings.mode === 'genesys-sim';
  }

  reset(): void {
    for (const agent of this.agents.values()) for (const timer of agent.timers) clearTimeout(timer);
    for (const call of this.calls.values()) for (const timer of call.timers) clearTimeout(timer);
    this.agents.clear();
    this.calls.clear();
    this.sessions.clear();
    this.codes.clear();
    this.tokens.clear();
    this.refreshTokens.clear();
    this.failRules.length = 0;
    this.specs.forEach((spec, index) => {
      this.agents.set(spec.userName, {
        spec,
        index,
        dn: freshDn(spec, this.settings.mode),
        activated: false,
        activeSession: false,
        autoComplete: true,
        voiceService: 'AVAILABLE',
        timers: new Set(),
      });
    });
  }

  /** Forgets the agent's server-side DN state (Genesys' simulator on /workspace/v3/logout). */
  resetDn(agent: AgentRuntime): void {
    agent.dn = freshDn(agent.spec, this.settings.mode);
    agent.activeSession = false;
    agent.activated = false;
    for (const timer of agent.timers) clearTimeout(timer);
    agent.timers.clear();
  }

  agent(userName: string): AgentRuntime {
    const agent = this.agents.get(userName);
    if (!agent) throw new Error(`unknown agent ${userName}`);
    return agent;
  }

  agentByDn(number: string): AgentRuntime | undefined {
    for (const agent of this.agents.values()) if (agent.spec.agentLogin === number) return agent;
    return undefined;
  }

  /** Runs `fn` later unless the agent's state is reset first. */
  agentTimer(agent: AgentRuntime, ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      agent.timers.delete(timer);
      fn();
    }, ms);
    agent.timers.add(timer);
  }

  callTimer(call: SimCall, ms: number, fn: () => void): void {
    // setTimeout treats Infinity as 1 ms: "never" must not be scheduled at all.
    if (!Number.isFinite(ms)) return;
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      fn();
    }, ms);
    call.timers.add(timer);
  }

  publishDn(agent: AgentRuntime, operationId?: string): void {
    agent.dn.timestamp = Date.now();
    this.deliver(agent.spec.userName, VOICE, {
      messageType: 'DnStateChanged',
      dn: structuredClone(agent.dn),
      ...(operationId && !this.sim ? { operationId } : {}),
    });
  }

  eventError(userName: string, errorCode: number, errorMessage: string, operationId?: string): void {
    this.deliver(userName, VOICE, {
      messageType: 'EventError',
      error: { errorCode, errorMessage },
      ...(operationId && !this.sim ? { operationId } : {}),
    });
  }
}
