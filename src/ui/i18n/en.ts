/**
 * English strings: the source of truth for the message keys. `ja.ts` must have exactly these keys
 * (its type is `Messages`), so a missing translation is a type error.
 * `{name}` placeholders are filled by `t()`; numbers are formatted with Intl for the language.
 */
export const en = {
  ui: {
    'app.title': 'Genesys toolbar',
    'section.status': 'Status',
    'recorder.download': 'Download support log',
    'recorder.hint': 'The last few thousand events of this toolbar as a JSON file, caller numbers and names masked',
    'section.calls': 'Calls',
    'section.dial': 'Dial',
    'section.notices': 'Notices',

    'agent.label': 'Agent',
    'agent.loggedOut': 'Logged out',
    'agent.registering': 'Logging in…',
    'agent.available': 'Available',
    'agent.unavailable': 'Not ready',
    'agent.goingAvailable': 'Becoming available…',
    'agent.goingUnavailable': 'Going not ready…',
    'agent.loggingOut': 'Logging out…',
    'agent.toggle': 'Available',
    'agent.toggleHint': 'Switch between Available and Not ready',
    'agent.reason': 'Not ready reason',
    'agent.reasonChoose': 'Choose a reason…',
    'agent.reasonIs': 'Reason: {reason}',
    'agent.login': 'Log in',
    'agent.logout': 'Log out',

    'reason.Break': 'Break',
    'reason.Lunch': 'Lunch',
    'reason.Training': 'Training',
    'reason.Meeting': 'Meeting',
    'reason.AfterCallWork': 'After-call work',
    'reason.LINK_DOWN': 'Phone system link down',

    'connection.label': 'Genesys',
    'connection.connecting': 'Connecting…',
    'connection.linked': 'Connected',
    'connection.switchDown': 'Connected, but the phone switch link is down',
    'connection.reconnecting': 'Disconnected',
    'connection.retryNow': 'retrying now (attempt {attempt})',

    'fusion.label': 'Fusion',
    'fusion.initializing': 'Connecting to Fusion…',
    'fusion.ready': 'Connected',
    'fusion.absent': 'Not in Fusion',
    'fusion.failed': 'Could not connect',

    'calls.none': 'No calls',
    'call.unknownNumber': 'Unknown number',
    'call.inbound': 'Incoming',
    'call.outbound': 'Outgoing',
    'call.queue': 'Queue: {queue}',
    'call.restoring': 'Restoring after reload…',
    'tabs.elsewhere': 'The toolbar is active in another tab.',
    'tabs.elsewhereHint': 'Calls are handled there. Use it here instead to move the phone connection to this tab.',
    'tabs.useHere': 'Use here',
    'call.active': 'Active call',
    'call.duration': 'Duration',
    'call.ringing.alerting': 'Ringing',
    'call.ringing.accepting': 'Answering…',
    'call.ringing.rejecting': 'Declining…',
    'call.dialing.requested': 'Placing call…',
    'call.dialing.alerting': 'Calling…',
    'call.dialing.canceling': 'Cancelling…',
    'call.established.talking': 'Connected',
    'call.established.holding': 'Putting on hold…',
    'call.established.held': 'On hold',
    'call.established.retrieving': 'Resuming…',
    'call.established.hangingUp': 'Hanging up…',
    'call.ended': 'Ended',
    'call.other': 'Updating…',

    'button.accept': 'Answer',
    'button.decline': 'Decline',
    'button.hangup': 'Hang up',
    'button.hold': 'Hold',
    'button.resume': 'Resume',
    'button.cancel-dial': 'Cancel call',
    'button.dismiss': 'Dismiss',
    'button.call': 'Call',
    'button.backspace': 'Delete last digit',
    'button.shortcut': '{label} ({keys})',
    'busy': 'Working…',

    'dial.input': 'Phone number',
    'dial.invalid': 'Enter 2 to 20 digits; + ( ) - . * # and spaces are allowed',

    'notice.at': 'at {time}',
    'notice.detail': 'Detail: {detail}',

    'live.incoming': 'Incoming call from {number}',
    'live.dialing': 'Calling {number}',
    'live.connected': 'Call with {number} connected',
    'live.held': 'Call on hold',
    'live.resumed': 'Call resumed',
    'live.ended': 'Call with {number} ended',

    'header.connections': 'Connections',
    'header.menu': 'Status and alerts',
    'header.help': 'Keyboard shortcuts',
    'header.close': 'Close',
    'agent.lastKnown': '{state} (last known)',
    'banner.disconnected': 'Disconnected from Genesys',
    'banner.connecting': 'Connecting to Genesys…',
    'banner.stillWorks': 'Calls go on on your softphone: answer and hang up there. Fusion still works. The toolbar buttons come back when the connection does.',
    'banner.switchDown': 'The phone system lost its switch link',
    'banner.switchDownWorks': 'Calls in progress go on on your phone; new calls arrive once the link is back.',
    'connection.retry': 'retrying {when} (attempt {attempt})',
    'fusion.absentHint': 'Opened outside Fusion: calls work here, Fusion shows nothing.',
    'call.account': 'Account: {account}',
    'call.heldFor': 'On hold for',
    'call.ending.remote': 'Caller hung up',
    'call.ending.agent': 'Call ended',
    'call.ending.abandoned': 'Caller hung up before you answered',
    'call.ending.missed': 'Missed call',
    'call.ending.declined': 'Declined',
    'call.ending.canceled': 'Call cancelled',
    'call.ending.failed': 'Call not connected',
    'call.ending.wrapup': 'Wrap up in Fusion',
    'dial.open': 'Dial a number',
    'dial.keypad': 'Show digit keys',
    'dial.outcome': 'Last dial',
    'notices.count.one': '{count} notice',
    'notices.count.other': '{count} notices',
    'error.more': 'Details',
    'error.code': 'Code: {code}',
    'settings.title': 'Alerts for incoming calls',
    'settings.ringTone': 'Ring tone',
    'settings.notify': 'Desktop notification while the toolbar is hidden',
    'settings.notifyBlocked': 'Notifications are blocked for this site in the browser settings.',
    'settings.notifyUnsupported': 'This browser has no desktop notifications.',
    'settings.docTitle': 'Show the ringing call in the page title',
    'settings.saved': 'Saved in this browser.',
    'help.intro': 'Shortcuts work while the keyboard focus is inside the toolbar (click the toolbar first). In Fusion’s own screens use Fusion’s buttons.',
    'help.accept': 'Answer the ringing call',
    'help.decline': 'Decline the ringing call',
    'help.hangup': 'Hang up, or cancel the call you are dialling',
    'help.tab': 'Move between controls',
    'help.escape': 'Close this panel',
    'title.ringing': 'Ringing: {caller}',
    'notify.title': 'Incoming call',
    'notify.queue': 'Queue: {queue}',

    'fatal.title': 'The toolbar stopped',
    'fatal.body': 'An internal error stopped the toolbar. Calls continue on your phone. Reload the page to start the toolbar again.',
  },
  /** Coded errors in plain words: what happened, and what to do. */
  errors: {
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
    NOT_SUPPORTED: {
      what: 'The Genesys service this toolbar is connected to cannot do that.',
      fix: 'Use your phone for it, or ask your administrator to enable it.',
    },
    LINK_DOWN: {
      what: 'The phone system lost its link to the switch.',
      fix: 'Wait: you will be logged in again when the link is back.',
    },
    UNKNOWN: {
      what: 'Something went wrong (code {code}).',
      fix: 'Try again. If it repeats, tell your supervisor the code.',
    },
  },
};

export type Messages = typeof en;
export type UiKey = keyof Messages['ui'];
export type ErrorKey = keyof Messages['errors'];
