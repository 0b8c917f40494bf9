/**
 * Online: toolbar commands become GWS requests, CometD notifications become toolbar frames; a lost
 * CometD session, `402::session_unknown`, VOICE UNAVAILABLE or a 401 starts a recovery.
 */
import { sessionSetup } from './session.setup';

export const onlineState = sessionSetup.createStateConfig({
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
