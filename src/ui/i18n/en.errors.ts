/** English coded errors in plain words: what happened, and what to do (the keys every language has). */
export const enErrors = {
  OFFLINE: {
    what: 'The toolbar is not connected to Genesys.',
    fix: 'Wait until the status shows Connected, then try again.',
  },
  COMMAND_TIMEOUT: {
    what: 'Genesys did not confirm the request in time; nothing changed.',
    fix: 'Try again. If it keeps happening, use your phone and tell your supervisor.',
  },
  DIAL_TIMEOUT: {
    what: 'Genesys did not start the call in time.',
    fix: 'Check the number and dial again.',
  },
  REGISTER_TIMEOUT: {
    what: 'Genesys did not confirm the log-in in time.',
    fix: 'Press Log in to try again.',
  },
  AGENT_TIMEOUT: {
    what: 'Genesys did not confirm your state change in time; your state is unchanged.',
    fix: 'Try again in a moment.',
  },
  AGENT_REFUSED: {
    what: 'Genesys refused the state change.',
    fix: 'Check your phone or ask your supervisor why, then try again.',
  },
  GENESYS_ERROR: {
    what: 'The phone system reported an error.',
    fix: 'Try again. If it repeats, tell your supervisor the detail below.',
  },
  UNKNOWN_CALL: {
    what: 'An update arrived for a call the toolbar does not know.',
    fix: 'Nothing to do unless a call is missing: then use your phone.',
  },
  RESYNC_UNAVAILABLE: {
    what: 'The phone system cannot tell the toolbar which calls are live (no snapshot), so the toolbar cannot double-check itself after a reconnect.',
    fix: 'Nothing to do: the toolbar works as before. If a call card looks wrong, check your phone.',
  },
  CALL_GONE: {
    what: 'The phone system no longer has this call, so the toolbar ended it.',
    fix: 'Nothing to do: complete the wrap-up in Fusion.',
  },
  DUPLICATE_DIAL: {
    what: 'Fusion asked to dial the same call twice; the second request was ignored.',
    fix: 'Nothing to do: the first dial goes on.',
  },
  CALLS_ACTIVE: {
    what: 'You cannot log out while a call is still on the toolbar.',
    fix: 'Finish or hang up your calls, then log out.',
  },
  DECLINE_TOO_LATE: {
    what: 'The call was answered (on the softphone) before the decline reached the phone system.',
    fix: 'The call is connected: hang up if you do not want it.',
  },
  CANCEL_TOO_LATE: {
    what: 'The other party answered before the cancel reached the phone system.',
    fix: 'The call is connected: hang up if you do not want it.',
  },
  CANCELED: {
    what: 'You cancelled the call.',
    fix: 'Nothing to do.',
  },
  PARTY_CONFLICT: {
    what: 'Genesys moved a call onto the line of another call; the toolbar kept both calls apart.',
    fix: 'Check both calls on your phone; end the one that is no longer there.',
  },
  DUPLICATE_RINGING: {
    what: 'The same incoming call was announced twice; the copy was ignored.',
    fix: 'Nothing to do.',
  },
  INVALID_NUMBER: {
    what: 'That number cannot be dialled.',
    fix: 'Check the number (2 to 20 digits) and dial again.',
  },
  BUSY: {
    what: 'The number you called is busy.',
    fix: 'Try again later.',
  },
  NO_ANSWER: {
    what: 'Nobody answered.',
    fix: 'Try again later.',
  },
  DIAL_FAILED: {
    what: 'The call could not be connected.',
    fix: 'Check the number and dial again.',
  },
  NOT_ALLOWED: {
    what: 'That action is not possible in the current state.',
    fix: 'Wait for the current change to finish, then try again.',
  },
  UEF_SCRIPT_REFUSED: {
    what: "The page's Content-Security-Policy refused Oracle's UEF script, so Fusion cannot be reached.",
    fix: "Ask your administrator to allow the UEF script's origin in script-src (see the README's deployment section).",
  },
  PERSIST_FAILED: {
    what: 'This browser would not save the calls, so reloading the toolbar now would lose track of them.',
    fix: 'Avoid reloading Fusion during calls; free some browser storage or leave private browsing.',
  },
  FUSION_ABSENT: {
    what: 'The toolbar is not running inside Fusion, so nothing is shown in Fusion.',
    fix: 'Open the toolbar from Fusion to get screen pops; calls still work here.',
  },
  UEF_TIMEOUT: {
    what: 'Fusion did not answer in time.',
    fix: 'Check the Fusion window; reload it if it is stuck.',
  },
  UEF_REJECTED: {
    what: 'Fusion refused an update from the toolbar.',
    fix: 'Check the Fusion window; reload it if calls are missing there.',
  },
  UEF_INIT_TIMEOUT: {
    what: 'Fusion did not start its connection with the toolbar in time.',
    fix: 'Reload the Fusion page.',
  },
  UEF_INIT_FAILED: {
    what: 'The connection with Fusion could not be started.',
    fix: 'Reload the Fusion page; if it repeats, tell your administrator.',
  },
  REST_HTTP: {
    what: 'The Genesys service answered with error {status}.',
    fix: 'Try again. If it repeats, tell your administrator.',
  },
  REST_STATUS: {
    what: 'The Genesys service did not accept the request.',
    fix: 'Try again. If it repeats, tell your supervisor the detail below.',
  },
  REST_NETWORK: {
    what: 'The Genesys service could not be reached.',
    fix: 'Check your network connection, then try again.',
  },
  REST_TIMEOUT: {
    what: 'The Genesys service did not answer in time.',
    fix: 'Try again in a moment.',
  },
  FRAME_MALFORMED: {
    what: 'A damaged message arrived from Genesys and was ignored.',
    fix: 'If your state or calls look wrong, reload the toolbar.',
  },
  FRAME_INVALID: {
    what: 'A message from Genesys had an unexpected shape and was ignored.',
    fix: 'If your state or calls look wrong, reload the toolbar.',
  },
  FRAME_UNKNOWN_EVENT: {
    what: 'Genesys sent a message the toolbar does not know; it was ignored.',
    fix: 'Nothing to do unless something looks wrong.',
  },
  FRAME_TOO_LARGE: {
    what: 'A message from Genesys was too large and was ignored.',
    fix: 'If your state or calls look wrong, reload the toolbar.',
  },
  CONSULT_ENDED: {
    what: 'The consult call ended.',
    fix: 'The caller is still on hold: resume the call, or consult again.',
  },
  CONSULT_BUSY: {
    what: 'The consult target is busy.',
    fix: 'The caller is still on hold: resume the call, or try another number.',
  },
  NOT_SUPPORTED: {
    what: 'The Genesys service this toolbar is connected to cannot do that.',
    fix: 'Use your phone for it, or ask your administrator to enable it.',
  },
  INVALID_DIGITS: {
    what: 'Only the keys 0-9, * and # can be sent during a call.',
    fix: 'Use the keypad keys.',
  },
  LINK_DOWN: {
    what: 'The phone system lost its link to the switch.',
    fix: 'Wait: you will be logged in again when the link is back.',
  },
  // Sign-in to the Genesys bridge (auth=bridge, issue 21)
  SIGN_IN_FAILED: {
    what: 'The username or password is not right.',
    fix: 'Check them and sign in again.',
  },
  SIGN_IN_THROTTLED: {
    what: 'Too many sign-in attempts for this username.',
    fix: 'Wait a minute, then sign in again.',
  },
  SIGN_IN_INCOMPLETE: {
    what: 'The username or the password is empty.',
    fix: 'Fill in both and sign in.',
  },
  BRIDGE_UNREACHABLE: {
    what: 'The Genesys service cannot be reached.',
    fix: 'Check your network, then sign in again. If it repeats, tell your supervisor.',
  },
  SIGN_IN_ERROR: {
    what: 'The Genesys service could not sign you in.',
    fix: 'Try again in a moment. If it repeats, tell your supervisor the code.',
  },
  SESSION_INVALID: {
    what: 'Your Genesys session ended.',
    fix: 'Sign in again: your calls are kept.',
  },
  SSO_POPUP_BLOCKED: {
    what: 'The browser blocked the Genesys sign-in window.',
    fix: 'Open it with the link below, or allow popups for this site.',
  },
  SSO_CANCELLED: {
    what: 'The Genesys sign-in window was closed before you signed in.',
    fix: 'Select Sign in with Genesys again.',
  },
  SSO_TIMEOUT: {
    what: 'The Genesys sign-in took too long.',
    fix: 'Select Sign in with Genesys again.',
  },
  UNKNOWN: {
    what: 'Something went wrong (code {code}).',
    fix: 'Try again. If it repeats, tell your supervisor the code.',
  },
};
