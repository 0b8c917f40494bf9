/**
 * The one setup() of the agent session machine: its types, the injected GWS actors (placeholders
 * here; the factory provides the real adapters, tests provide fakes), named guards, delays and
 * actions. The regions (starting.ts, online.ts, recovering.ts) build their states from it.
 */
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import { LOGGED_OUT, type CommandPlan } from '../translate';
import { CURRENT_SESSION, activateRequest, applyCurrentSession, onAnswer, onCommand, onDeadline } from './commands.logic';
import { onNotification } from './notifications.logic';
import type {
  CodedError,
  GwsResult,
  NotificationsCommand,
  PortsInput,
  RequestsCommand,
  SessionContext,
  SessionEmitted,
  SessionEvent,
  SessionInput,
} from './session.types';
import type { SignedIn } from './ports.types';
import { work, type Work } from './work';

/** Signs in to GWS and starts the workspace session (the adapter keeps the cookies; they never enter the context). */
export const signInPlaceholder = fromPromise<SignedIn | void, PortsInput>(async () => undefined);
/** Refreshes the GWS access token (OAuth refresh grant); rejects SIGN_IN_FAILED when GWS refuses it. */
export const refreshPlaceholder = fromPromise<SignedIn, PortsInput>(async () => ({}));
export const notificationsPlaceholder = fromCallback<NotificationsCommand, PortsInput>(() => undefined);
export const requestsPlaceholder = fromCallback<RequestsCommand, PortsInput>(() => undefined);

/** Which agent's GWS ports an actor uses (the factory keeps them; one machine serves every session). */
export const portsKey = ({ context }: { context: SessionContext }): PortsInput => ({ key: context.sessionKey });

type Notification = Extract<SessionEvent, { type: 'gws.notification' }>['notification'];
const notificationOf = (event: SessionEvent): Notification | undefined => (event.type === 'gws.notification' ? event.notification : undefined);
const answerOf = (event: SessionEvent): { requestId: string; result: GwsResult } | undefined => (event.type === 'gws.answered' ? event : undefined);

function voiceIs(event: SessionEvent, state: string): boolean {
  const n = notificationOf(event);
  return n?.messageType === 'ServiceStateChanged' && n.serviceName === 'VOICE' && n.serviceState === state;
}

function initIs(event: SessionEvent, state: 'Complete' | 'Failed'): boolean {
  const n = notificationOf(event);
  if (n?.messageType !== 'WorkspaceInitializationComplete' && n?.messageType !== 'WorkspaceInitializationProgress') return false;
  return n.state === state || (state === 'Complete' && n.messageType === 'WorkspaceInitializationComplete' && n.state === undefined);
}

/** The error a sign-in adapter threw, as the factory's SignInResult codes. */
export function codedError(error: unknown, fallback: string): CodedError {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : error.code;
    return { code: error.code, message };
  }
  return { code: fallback, message: error instanceof Error ? error.message : String(error) };
}

export function initialContext(input: SessionInput): SessionContext {
  return {
    username: input.username,
    sessionKey: input.sessionKey,
    eventSeed: input.eventSeed,
    translate: input.translate,
    timings: input.timings,
    agentId: input.username,
    dn: '',
    placeName: undefined,
    calls: new Map(),
    agent: LOGGED_OUT,
    dnKnown: false,
    voiceUp: true,
    consults: new Map(),
    dials: new Map(),
    hints: new Map(),
    pending: [],
    seq: 0,
    attempt: 0,
    failure: null,
    resumed: input.resume !== undefined,
    refreshInMs: undefined,
    ...(input.resume ? { agentId: input.resume.agentId, dn: input.resume.dn } : {}),
  };
}

const base = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    emitted: {} as SessionEmitted,
  },
  actors: { signIn: signInPlaceholder, refreshToken: refreshPlaceholder, notifications: notificationsPlaceholder, requests: requestsPlaceholder },
  guards: {
    isInitComplete: ({ event }) => initIs(event, 'Complete'),
    isResuming: ({ context }) => context.resumed,
    canRefresh: ({ context }) => context.refreshInMs !== undefined,
    /** GWS refused the credential (not merely unreachable): only the agent can sign in again. */
    isRefused: ({ event }) => 'error' in event && codedError(event.error, 'GWS_UNREACHABLE').code === 'SIGN_IN_FAILED',
    isInitFailed: ({ event }) => initIs(event, 'Failed'),
    isVoiceUnavailable: ({ event }) => voiceIs(event, 'UNAVAILABLE'),
    isVoiceAvailable: ({ event }) => voiceIs(event, 'AVAILABLE'),
    /** The answer to the session's own request `requestId` (activate, resync, logout), succeeded or not. */
    isAnswerTo: ({ event }, params: { requestId: string; ok?: boolean }) => {
      const answer = answerOf(event);
      return answer?.requestId === params.requestId && (params.ok === undefined || answer.result.ok === params.ok);
    },
    /** GWS no longer knows the workspace session (restarted, expired): sign in again. */
    isUnauthorized: ({ event }) => {
      const answer = answerOf(event);
      return answer !== undefined && !answer.result.ok && answer.result.status === 401;
    },
  },
  delays: {
    initTimeout: ({ context }) => context.timings.initTimeoutMs,
    retryDelay: ({ context }) => context.timings.retryMs[Math.min(context.attempt, context.timings.retryMs.length - 1)] ?? 1_000,
    signOutTimeout: ({ context }) => context.timings.signOutMs,
    refreshDelay: ({ context }) => context.refreshInMs ?? 3_600_000,
  },
});

/** Runs a pure step (work.ts) and enqueues what it decided. */
const runWork = (compute: (args: { context: SessionContext; event: SessionEvent }) => Work | undefined) =>
  base.enqueueActions(({ context, event, enqueue }) => {
    const w = compute({ context, event });
    if (w === undefined) return;
    enqueue.assign(w.ctx);
    if (w.frames.length > 0) enqueue.emit({ type: 'toolbar.frames', frames: w.frames });
    for (const line of w.logs) enqueue.emit({ type: 'session.log', ...line });
    for (const request of w.sends) enqueue.sendTo('requests', request);
    for (const id of w.cancels) enqueue.cancel(id);
    for (const d of w.deadlines) enqueue.raise({ type: 'command.deadline', pendingId: d.pendingId }, { id: d.pendingId, delay: d.ms });
  });

const planOf = (event: SessionEvent): CommandPlan | undefined => (event.type === 'toolbar.command' ? event.plan : undefined);

export const sessionSetup = base.extend({
  actions: {
    acceptCommand: runWork(({ context, event }) => {
      const plan = planOf(event);
      return plan && onCommand(context, plan, true);
    }),
    /** While recovering only register and snapshot are admitted; the snapshot waits for the resync. */
    acceptCommandRecovering: runWork(({ context, event }) => {
      const plan = planOf(event);
      return plan && onCommand(context, plan, false);
    }),
    applyNotification: runWork(({ context, event }) => {
      const n = notificationOf(event);
      return n && onNotification(context, n);
    }),
    applyAnswer: runWork(({ context, event }) => {
      const answer = answerOf(event);
      return answer && onAnswer(context, answer.requestId, answer.result);
    }),
    applyResync: runWork(({ context, event }) => {
      const answer = answerOf(event);
      if (!answer?.result.ok) return undefined;
      const w = work(context);
      applyCurrentSession(w, answer.result.data);
      w.ctx.attempt = 0;
      return w;
    }),
    expirePending: runWork(({ context, event }) => (event.type === 'command.deadline' ? onDeadline(context, event.pendingId) : undefined)),
    rememberUser: base.assign(({ context, event }) => {
      const n = notificationOf(event);
      const user = n?.messageType === 'WorkspaceInitializationComplete' || n?.messageType === 'WorkspaceInitializationProgress' ? n.data?.user : undefined;
      const agentId = user?.agentLogin ?? user?.employeeId ?? user?.userName ?? context.agentId;
      // [INFER] Until a DnStateChanged names the DN, the agent's login stands for it (they are equal in Genesys' simulator).
      return { agentId, dn: context.dn || agentId, placeName: user?.defaultPlace ?? context.placeName };
    }),
    connectNotifications: base.sendTo('notifications', { type: 'cometd.connect' }),
    disconnectNotifications: base.sendTo('notifications', { type: 'cometd.disconnect' }),
    sendActivate: base.sendTo('requests', ({ context }) => ({ type: 'gws.send' as const, requestId: 'activate', request: activateRequest(context) })),
    sendResync: base.sendTo('requests', { type: 'gws.send', requestId: 'resync', request: CURRENT_SESSION }),
    sendLogout: base.sendTo('requests', { type: 'gws.send', requestId: 'logout', request: { method: 'POST', path: '/logout', body: {} } }),
    recordFailure: assign((_, params: CodedError) => ({ failure: params })),
    recordSignInFailure: base.assign(({ event }) => ({ failure: codedError('error' in event ? event.error : undefined, 'SIGN_IN_FAILED') })),
    nextAttempt: base.assign(({ context }) => ({ attempt: context.attempt + 1 })),
    /** The next refresh: the margin before the token's expiry, or at 80 % of a short lifetime. */
    rememberGrant: base.assign(({ context, event }) => {
      const output = 'output' in event ? (event.output as SignedIn | undefined) : undefined;
      const ms = output?.expiresInSec === undefined ? undefined : output.expiresInSec * 1000;
      return { refreshInMs: ms === undefined ? undefined : Math.max(1_000, Math.min(ms - context.timings.refreshMarginMs, ms * 0.8)) };
    }),
    logRecovery: base.emit(({ event }) => ({
      type: 'session.log' as const,
      level: 'warn' as const,
      code: 'GWS_RECOVERING',
      message: event.type === 'cometd.lost' || event.type === 'cometd.unauthorized' ? `${event.type}: ${event.reason}` : event.type,
    })),
    logInvalid: base.emit(({ event }) => ({
      type: 'session.log' as const,
      level: 'warn' as const,
      code: event.type === 'gws.invalid' ? event.code : 'GWS_INVALID',
      message: event.type === 'gws.invalid' ? event.detail : '',
    })),
  },
});
