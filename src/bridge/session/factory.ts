/**
 * AgentSessionFactory over any GwsPorts maker: one session machine per signed-in agent, each with
 * its own ports (cookie jar, CometD client), so no agent ever sees another's session.
 */
import { randomUUID } from 'node:crypto';
import type { InspectionEvent, Observer } from 'xstate';
import { translateOptions, type TranslateOptions } from '../translate';
import type { AgentSession, AgentSessionFactory } from './agent-session.types';
import { portActors } from './actors';
import { startAgentSession, type SessionLog } from './agent-session';
import type { GwsPorts } from './ports.types';
import { agentSessionMachine } from './session.machine';
import { DEFAULT_TIMINGS, type SessionTimings } from './session.types';

export interface SessionFactoryOptions {
  /** [INFER] choices of the translation (src/bridge/README.md). */
  readonly translate?: Partial<TranslateOptions>;
  readonly timings?: Partial<SessionTimings>;
  readonly log?: SessionLog;
  /** Development: the Stately inspector's observer (e.g. createWebSocketInspector().inspect). */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

export type PortsMaker = (credentials: { readonly username: string; readonly password: string }) => GwsPorts;

const quiet: SessionLog = () => undefined;

export function createSessionFactory(options: SessionFactoryOptions, makePorts: PortsMaker): AgentSessionFactory {
  const sessions = new Set<AgentSession>();
  const translate = translateOptions(options.translate);
  const timings: SessionTimings = { ...DEFAULT_TIMINGS, ...options.timings };
  const log = options.log ?? quiet;
  return {
    async signIn(credentials) {
      const ports = makePorts(credentials);
      const machine = agentSessionMachine.provide({ actors: portActors(ports) });
      const input = { username: credentials.username, eventSeed: randomUUID(), translate, timings };
      const { session, ready } = startAgentSession(machine, input, { log, ...(options.inspect ? { inspect: options.inspect } : {}) });
      const result = await ready;
      if (result.ok) {
        sessions.add(session);
        const signOut = session.signOut.bind(session);
        return { ok: true, session: Object.assign(session, { signOut: async () => { sessions.delete(session); await signOut(); } }) };
      }
      return result;
    },
    async closeAll() {
      const all = [...sessions];
      sessions.clear();
      await Promise.all(all.map((session) => session.signOut()));
    },
  };
}
