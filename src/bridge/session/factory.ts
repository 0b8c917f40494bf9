/**
 * AgentSessionFactory over any GwsPorts maker: one session machine per signed-in agent, each with
 * its own ports (cookie jar, CometD client), so no agent ever sees another's session.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { InspectionEvent, Observer } from 'xstate';
import { translateOptions, type TranslateOptions } from '../translate';
import type { AgentSession, AgentSessionFactory, GwsLogin, ResumeState, SignInResult } from './agent-session.types';
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

export type PortsMaker = (login: GwsLogin) => GwsPorts;

const quiet: SessionLog = () => undefined;
const SHUTTING_DOWN = { ok: false, code: 'GWS_UNREACHABLE', message: 'the bridge is shutting down' } as const;

export function createSessionFactory(options: SessionFactoryOptions, makePorts: PortsMaker): AgentSessionFactory {
  const sessions = new Set<AgentSession>();
  const ports = new Map<string, GwsPorts>();
  const machine = agentSessionMachine.provide({ actors: portActors((key) => ports.get(key)) });
  const translate = translateOptions(options.translate);
  const timings: SessionTimings = { ...DEFAULT_TIMINGS, ...options.timings };
  const log = options.log ?? quiet;
  let closing = false;

  async function start(login: GwsLogin, username: string, resume?: ResumeState): Promise<SignInResult> {
    if (closing) return SHUTTING_DOWN;
    const sessionKey = randomUUID();
    const mine = makePorts(login);
    ports.set(sessionKey, mine);
    const input = { username, sessionKey, eventSeed: resume?.eventSeed ?? randomBytes(9).toString('base64url'), translate, timings, ...(resume ? { resume: { agentId: resume.agentId, dn: resume.dn } } : {}) };
    const deps = { log, ...(options.inspect ? { inspect: options.inspect } : {}), ...(mine.credential ? { credential: mine.credential } : {}) };
    const { session, ready, ended } = startAgentSession(machine, input, deps);
    // Every session, signing in or online, until its machine stops: closeAll reaches them all.
    sessions.add(session);
    void ended.then(() => {
      ports.delete(sessionKey);
      sessions.delete(session);
    });
    const result = await ready;
    if (result.ok && closing) {
      await session.signOut();
      return SHUTTING_DOWN;
    }
    return result;
  }

  return {
    signIn: (credentials) => start({ kind: 'password', ...credentials }, credentials.username),
    signInWithCode: (code, redirectUri) => start({ kind: 'code', code, redirectUri }, 'sso'),
    resume: (state) => start({ kind: 'resume', credential: state.gws }, state.username, state),
    async closeAll() {
      closing = true;
      await Promise.all([...sessions].map((session) => session.signOut()));
    },
  };
}
