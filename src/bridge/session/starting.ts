/**
 * Sign-in and start of a workspace session (gws-protocol.md §0): the adapter signs in and calls
 * initialize-workspace, CometD handshakes, WorkspaceInitializationComplete names the agent, then
 * activate-channels. Recovery (recovering.ts) goes through the same steps after GWS lost the session.
 */
import { portsKey, sessionSetup } from './session.setup';

const initFailed = { code: 'GWS_INIT_FAILED', message: 'workspace initialization failed' } as const;
const initTimeout = { code: 'GWS_INIT_FAILED', message: 'no WorkspaceInitializationComplete or activate-channels answer in time' } as const;
const activateFailed = { code: 'GWS_INIT_FAILED', message: 'activate-channels failed' } as const;

export const signingInState = sessionSetup.createStateConfig({
  always: { guard: 'isResuming', target: '#agentSession.live.resuming' },
  invoke: {
    src: 'signIn',
    input: portsKey,
    onDone: { target: 'live', actions: 'rememberGrant' },
    onError: { target: 'signedOut', actions: 'recordSignInFailure' },
  },
  on: { 'session.signOut': { target: 'signedOut' } },
});

export const initializingState = sessionSetup.createStateConfig({
  entry: 'connectNotifications',
  after: { initTimeout: { target: '#agentSession.live.signingOut', actions: { type: 'recordFailure', params: initTimeout } } },
  on: {
    'gws.notification': [
      { guard: 'isInitComplete', target: 'activating', actions: ['rememberUser', 'applyNotification'] },
      { guard: 'isInitFailed', target: '#agentSession.live.signingOut', actions: { type: 'recordFailure', params: initFailed } },
      { actions: 'applyNotification' },
    ],
  },
});

export const activatingState = sessionSetup.createStateConfig({
  entry: 'sendActivate',
  after: { initTimeout: { target: '#agentSession.live.signingOut', actions: { type: 'recordFailure', params: initTimeout } } },
  on: {
    'gws.answered': [
      { guard: { type: 'isAnswerTo', params: { requestId: 'activate', ok: true } }, target: 'loading' },
      { guard: { type: 'isAnswerTo', params: { requestId: 'activate', ok: false } }, target: '#agentSession.live.signingOut', actions: { type: 'recordFailure', params: activateFailed } },
      { actions: 'applyAnswer' },
    ],
  },
});

/**
 * current-session before online: the calls and DN GWS already has (a bridge restarted mid-call),
 * and Genesys' simulator ignores voice requests until it answers (403 before its activeSession).
 */
export const loadingState = sessionSetup.createStateConfig({
  initial: 'asking',
  after: { initTimeout: { target: '#agentSession.live.signingOut', actions: { type: 'recordFailure', params: initTimeout } } },
  states: {
    asking: {
      entry: 'sendResync',
      on: {
        'gws.answered': [
          { guard: { type: 'isAnswerTo', params: { requestId: 'resync', ok: true } }, target: '#agentSession.live.online', actions: 'applyResync' },
          { guard: { type: 'isAnswerTo', params: { requestId: 'resync', ok: false } }, target: 'waiting' },
          { actions: 'applyAnswer' },
        ],
      },
    },
    waiting: { entry: 'nextAttempt', after: { retryDelay: { target: 'asking' } } },
  },
});

const resumeGone = { code: 'SIGN_IN_FAILED', message: 'the GWS session to take over is gone (signed out, or GWS restarted)' } as const;
const resumeTimeout = { code: 'GWS_UNREACHABLE', message: 'no CometD handshake in time for the session to take over' } as const;

/**
 * Taking over a session another instance signed in (its cookie came in the bridge token): CometD
 * handshake, then current-session as after a restart. Never activate-channels (it would reset the
 * agent's state); a session GWS no longer knows ends: only the agent can sign in again.
 */
export const resumingState = sessionSetup.createStateConfig({
  entry: 'connectNotifications',
  after: { initTimeout: { target: '#agentSession.signedOut', actions: { type: 'recordFailure', params: resumeTimeout } } },
  on: {
    'cometd.connected': { target: 'loading' },
    'cometd.unauthorized': { target: '#agentSession.signedOut', actions: { type: 'recordFailure', params: resumeGone } },
    'gws.answered': { actions: 'applyAnswer' },
  },
});

/** CometD off, then workspace logout (gws-protocol.md §1.1 "End of session"), bounded. */
export const signingOutState = sessionSetup.createStateConfig({
  entry: ['disconnectNotifications', 'sendLogout'],
  after: { signOutTimeout: { target: '#agentSession.signedOut' } },
  on: {
    'gws.answered': [{ guard: { type: 'isAnswerTo', params: { requestId: 'logout' } }, target: '#agentSession.signedOut' }],
    'gws.notification': {},
    'toolbar.command': {},
    'session.signOut': {},
  },
});
