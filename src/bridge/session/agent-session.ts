/**
 * AgentSession (agent-session.types.ts) around one running session machine: synchronous admission
 * of toolbar commands from the machine's snapshot, frames out to the toolbar socket's listeners.
 */
import { createActor, type InspectionEvent, type Observer } from 'xstate';
import { planCommand } from '../translate';
import type { AgentSession, AgentSessionState, CommandAdmission, GwsCredential, ResumeState, SignInResult, ToolbarCommand, ToolbarFrame } from './agent-session.types';
import { agentSessionMachine } from './session.machine';
import type { LogLevel, SessionInput } from './session.types';

export type SessionLog = (level: LogLevel, code: string, message: string, detail?: Record<string, unknown>) => void;

/** Most commands one agent may have waiting for GWS at once. */
const MAX_PENDING = 32;

export interface StartedSession {
  readonly session: AgentSession;
  /** Resolves once online (or failed); never rejects. */
  readonly ready: Promise<SignInResult>;
  /** Resolves when the machine has stopped. */
  readonly ended: Promise<void>;
}

export function startAgentSession(
  machine: typeof agentSessionMachine,
  input: SessionInput,
  deps: {
    readonly log: SessionLog;
    readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
    /** The GWS credential of this session's ports (another instance resumes with it). */
    readonly credential?: () => GwsCredential | undefined;
  },
): StartedSession {
  const actor = createActor(machine, { input, ...(deps.inspect ? { inspect: deps.inspect } : {}) });
  const listeners = new Set<(frame: ToolbarFrame) => void>();
  const agentTag = { agent: input.username };

  actor.on('toolbar.frames', (event) => {
    for (const frame of event.frames) for (const listener of listeners) listener(frame);
  });
  actor.on('session.log', (event) => deps.log(event.level, event.code, event.message, agentTag));

  function state(): AgentSessionState {
    const snapshot = actor.getSnapshot();
    if (snapshot.status !== 'active' || snapshot.matches('signedOut') || snapshot.matches({ live: 'signingOut' })) return 'signedOut';
    if (snapshot.matches('signingIn')) return 'signingIn';
    if (snapshot.matches({ live: 'initializing' })) return 'initializing';
    if (snapshot.matches({ live: 'activating' }) || snapshot.matches({ live: 'loading' })) return 'activating';
    if (snapshot.matches({ live: 'online' })) return 'online';
    return 'recovering';
  }

  const done = new Promise<void>((resolve) => {
    actor.subscribe({
      complete: () => resolve(),
      error: (error) => {
        deps.log('error', 'SESSION_CRASHED', error instanceof Error ? error.message : String(error), agentTag);
        resolve();
      },
    });
  });

  const session: AgentSession = {
    get agentId() {
      return actor.getSnapshot().context.agentId;
    },
    get dn() {
      return actor.getSnapshot().context.dn;
    },
    state,
    command(command: ToolbarCommand): CommandAdmission {
      const now = state();
      const context = actor.getSnapshot().context;
      const result = planCommand(command, { calls: context.calls, agent: context.agent, consults: context.consults, dials: context.dials, options: context.translate });
      if (!result.ok) return result.admission;
      const whileRecovering = result.plan.command === 'snapshot' || result.plan.command === 'register';
      if (now !== 'online' && !(now === 'recovering' && whileRecovering)) return { status: 409, code: 'NOT_ONLINE' };
      if (context.pending.length >= MAX_PENDING) return { status: 429, code: 'TOO_MANY_COMMANDS' };
      actor.send({ type: 'toolbar.command', plan: result.plan });
      return { status: 200 };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resumable(): ResumeState | undefined {
      const gws = deps.credential?.();
      const { context } = actor.getSnapshot();
      if (gws === undefined || gws.cookies.length === 0 || state() === 'signedOut') return undefined;
      return { username: context.username, agentId: context.agentId, dn: context.dn, eventSeed: context.eventSeed, gws };
    },
    async signOut() {
      if (actor.getSnapshot().status === 'active') actor.send({ type: 'session.signOut' });
      await done;
      listeners.clear();
    },
  };

  // One log line per change of the session's outward state (operations: docs/bridge.md).
  let shown: AgentSessionState | undefined;
  actor.subscribe({
    next: () => {
      const now = state();
      if (now !== shown) deps.log('info', 'SESSION_STATE', `${shown ?? 'new'} → ${now}`, { ...agentTag, from: shown ?? 'new', to: now });
      shown = now;
    },
    error: () => undefined,
  });

  const ready = new Promise<SignInResult>((resolve) => {
    const subscription = actor.subscribe((snapshot) => {
      if (snapshot.matches({ live: 'online' })) {
        subscription.unsubscribe();
        resolve({ ok: true, session });
      } else if (snapshot.status !== 'active' || snapshot.matches('signedOut') || snapshot.matches({ live: 'signingOut' })) {
        subscription.unsubscribe();
        const failure = snapshot.context.failure ?? { code: 'GWS_INIT_FAILED', message: 'the session ended before it was online' };
        const code = failure.code === 'SIGN_IN_FAILED' || failure.code === 'GWS_UNREACHABLE' ? failure.code : 'GWS_INIT_FAILED';
        if (snapshot.matches({ live: 'signingOut' })) void session.signOut();
        resolve({ ok: false, code, message: failure.message });
      }
    });
  });
  actor.start();
  return { session, ready, ended: done };
}
