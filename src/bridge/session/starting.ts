/**
 * Sign-in and start of a workspace session (gws-protocol.md §0): the adapter signs in and calls
 * initialize-workspace, CometD handshakes, WorkspaceInitializationComplete names the agent, then
 * activate-channels. Recovery (recovering.ts) goes through the same steps after GWS lost the session.
 */
import { sessionSetup } from './session.setup';

const initFailed = { code: 'GWS_INIT_FAILED', message: 'workspace initialization failed' } as const;
const initTimeout = { code: 'GWS_INIT_FAILED', message: 'no WorkspaceInitializationComplete or activate-channels answer in time' } as const;
const activateFailed = { code: 'GWS_INIT_FAILED', message: 'activate-channels failed' } as const;

export const signingInState = sessionSetup.createStateConfig({
  invoke: {
    src: 'signIn',
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
      { guard: { type: 'isAnswerTo', params: { requestId: 'activate', ok: true } }, target: 'online' },
      { guard: { type: 'isAnswerTo', params: { requestId: 'activate', ok: false } }, target: '#agentSession.live.signingOut', actions: { type: 'recordFailure', params: activateFailed } },
      { actions: 'applyAnswer' },
    ],
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
