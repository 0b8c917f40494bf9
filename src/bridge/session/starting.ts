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
  invoke: {
    src: 'signIn',
    input: portsKey,
    onDone: { target: 'live' },
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
