/**
 * Online: toolbar commands become GWS requests, CometD notifications become toolbar frames; a lost
 * CometD session, `402::session_unknown`, VOICE UNAVAILABLE or a 401 starts a recovery.
 */
import { portsKey, sessionSetup } from './session.setup';

const refreshRefused = { code: 'SESSION_EXPIRED', message: 'GWS refused to refresh the access token: the agent must sign in again' } as const;

export const onlineState = sessionSetup.createStateConfig({
  initial: 'fresh',
  states: {
    /** The GWS access token is refreshed before it expires (a named delay from the last grant). */
    fresh: { after: { refreshDelay: { guard: 'canRefresh', target: 'refreshing' } } },
    refreshing: {
      invoke: {
        src: 'refreshToken',
        input: portsKey,
        onDone: { target: 'fresh', actions: 'rememberGrant' },
        onError: [
          // The workspace session ends too: no instance may take it over from the token afterwards.
          { guard: 'isRefused', target: '#agentSession.live.signingOut', actions: { type: 'recordFailure', params: refreshRefused } },
          { target: 'retryingRefresh' },
        ],
      },
    },
    retryingRefresh: { entry: 'nextAttempt', after: { retryDelay: { target: 'refreshing' } } },
  },
  on: {
    'toolbar.command': { actions: 'acceptCommand' },
    'cometd.lost': { target: 'recovering', actions: 'logRecovery' },
    'cometd.unknownSession': { target: 'recovering', actions: 'logRecovery' },
    'cometd.unauthorized': { target: 'recovering.signingInAgain', actions: 'logRecovery' },
    'gws.notification': [
      { guard: 'isVoiceUnavailable', target: 'recovering.waitingForVoice', actions: ['logRecovery', 'applyNotification'] },
      { actions: 'applyNotification' },
    ],
    'gws.answered': [
      { guard: 'isUnauthorized', target: 'recovering.signingInAgain', actions: ['applyAnswer', 'logRecovery'] },
      { actions: 'applyAnswer' },
    ],
  },
});
