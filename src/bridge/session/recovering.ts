/**
 * Recovering (gws-protocol.md §4 "Bridge recipe"): re-handshake (CometD re-subscribes on every
 * handshake), or sign in again when GWS lost the session; then GET current-session, diffed against
 * the call map into the frames the toolbar missed; then online. Every wait retries with backoff.
 */
import { portsKey, sessionSetup } from './session.setup';

const retry = (target: string) => ({ after: { retryDelay: { target } }, entry: 'nextAttempt' }) as const;

export const recoveringState = sessionSetup.createStateConfig({
  initial: 'reconnecting',
  on: {
    // GWS no longer knows the workspace session, whatever the recovery was waiting for.
    'cometd.unauthorized': { target: '.signingInAgain' },
    'toolbar.command': { actions: 'acceptCommandRecovering' },
    'gws.notification': { actions: 'applyNotification' },
    'gws.answered': { actions: 'applyAnswer' },
  },
  states: {
    reconnecting: {
      entry: 'connectNotifications',
      after: { initTimeout: { target: 'retryingConnect' } },
      on: {
        'cometd.connected': { target: 'resyncing' },
        'cometd.unauthorized': { target: 'signingInAgain' },
        'cometd.unknownSession': { target: 'retryingConnect' },
      },
    },
    retryingConnect: retry('reconnecting'),
    /** VOICE UNAVAILABLE: GWS lost T-Server; its word on calls waits until VOICE is back. */
    waitingForVoice: {
      on: {
        'gws.notification': [{ guard: 'isVoiceAvailable', target: 'resyncing', actions: 'applyNotification' }, { actions: 'applyNotification' }],
        'cometd.lost': { target: 'reconnecting' },
        'cometd.unknownSession': { target: 'reconnecting' },
        'cometd.unauthorized': { target: 'signingInAgain' },
      },
    },
    signingInAgain: {
      invoke: {
        src: 'signIn',
        input: portsKey,
        onDone: { target: 'initializingAgain', actions: 'rememberGrant' },
        // A refused credential (password changed, refresh token spent) will not get better by retrying.
        onError: [{ guard: 'isRefused', target: '#agentSession.signedOut', actions: 'recordSignInFailure' }, { target: 'retryingSignIn' }],
      },
    },
    retryingSignIn: retry('signingInAgain'),
    initializingAgain: {
      entry: 'connectNotifications',
      after: { initTimeout: { target: 'retryingSignIn' } },
      on: {
        'gws.notification': [
          { guard: 'isInitComplete', target: 'activatingAgain', actions: ['rememberUser', 'applyNotification'] },
          { guard: 'isInitFailed', target: 'retryingSignIn' },
          { actions: 'applyNotification' },
        ],
        'cometd.unauthorized': { target: 'retryingSignIn' },
      },
    },
    activatingAgain: {
      entry: 'sendActivate',
      after: { initTimeout: { target: 'retryingSignIn' } },
      on: {
        'gws.answered': [
          { guard: { type: 'isAnswerTo', params: { requestId: 'activate', ok: true } }, target: 'resyncing' },
          { guard: { type: 'isAnswerTo', params: { requestId: 'activate', ok: false } }, target: 'retryingSignIn' },
          { actions: 'applyAnswer' },
        ],
      },
    },
    resyncing: {
      entry: 'sendResync',
      on: {
        'gws.answered': [
          { guard: { type: 'isAnswerTo', params: { requestId: 'resync', ok: true } }, target: '#agentSession.live.online', actions: 'applyResync' },
          { guard: 'isUnauthorized', target: 'signingInAgain' },
          { guard: { type: 'isAnswerTo', params: { requestId: 'resync', ok: false } }, target: 'retryingResync' },
          { actions: 'applyAnswer' },
        ],
        'cometd.lost': { target: 'reconnecting' },
      },
    },
    retryingResync: retry('resyncing'),
  },
});
