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
  const ports = new Map<string, GwsPorts>();
  const machine = agentSessionMachine.provide({ actors: portActors((key) => ports.get(key)) });
  const translate = translateOptions(options.translate);
  const timings: SessionTimings = { ...DEFAULT_TIMINGS, ...options.timings };
  const log = options.log ?? quiet;
  let closing = false;
  return {
    async signIn(credentials) {
      if (closing) return { ok: false, code: 'GWS_UNREACHABLE', message: 'the bridge is shutting down' };
      const sessionKey = randomUUID();
      ports.set(sessionKey, makePorts(credentials));
      const input = { username: credentials.username, sessionKey, eventSeed: sessionKey, translate, timings };
      const { session, ready, ended } = startAgentSession(machine, input, { log, ...(options.inspect ? { inspect: options.inspect } : {}) });
      // Every session, signing in or online, until its machine stops: closeAll reaches them all.
      sessions.add(session);
      void ended.then(() => {
        ports.delete(sessionKey);
        sessions.delete(session);
      });
      const result = await ready;
      if (result.ok && closing) {
        await session.signOut();
        return { ok: false, code: 'GWS_UNREACHABLE', message: 'the bridge is shutting down' };
      }
      return result;
    },
    async closeAll() {
      closing = true;
      await Promise.all([...sessions].map((session) => session.signOut()));
    },
  };
}
