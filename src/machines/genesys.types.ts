/**
 * The contract between the statechart and the Genesys adapter.
 * `GenesysEvent` is what the adapter sends to the machine (already validated);
 * `GenesysCommand` is what the machine asks the adapter to POST.
 */

/** Genesys T-Server CallState values the toolbar reads (protocol.md 4.4); others arrive as strings. */
export type GenesysCallState = string;

export type CallDirection = 'inbound' | 'outbound';

/** Which command a failure or answer belongs to. */
export type GenesysCommandName =
  | 'register'
  | 'ready'
  | 'notReady'
  | 'logout'
  | 'accept'
  | 'reject'
  | 'hangup'
  | 'hold'
  | 'retrieve'
  | 'makeCall'
  | 'singleStepTransfer'
  | 'initiateTransfer'
  | 'initiateConference'
  | 'completeTransfer'
  | 'completeConference'
  | 'reconnectCall'
  | 'alternateCall'
  | 'sendDtmf'
  | 'snapshot';

/** Agent work mode Genesys reports with EventAgentNotReady (PSDK AgentWorkMode); ACW is wrap-up. */
export type AgentWorkMode = 'AfterCallWork' | 'AuxWork';

/** [INFER] Call states an `EventSnapshot` reports (our contract extension, protocol notes). */
export type SnapshotCallState = 'Ringing' | 'Dialing' | 'Established' | 'Held';
export type SnapshotAgentState = 'Ready' | 'NotReady' | 'LoggedOut';

/** One live call of the agent, as the microservice's snapshot reports it. */
export interface SnapshotCall {
  connectionId: string;
  state: SnapshotCallState;
  direction: CallDirection;
  ani?: string;
  eventId?: string;
  queue?: string;
}

/** Close codes of a socket another socket of the same agent took over (4000 same session, 4004 another). */
export type ReplacedCode = 4000 | 4004;

/** Why the bridge wants the agent to sign in (auth=bridge). */
export type AuthRequiredCode = 'NO_SESSION' | 'SESSION_INVALID' | 'SIGNED_OUT';

export type GenesysEvent =
  // sign-in to the bridge (sign-in region; auth=bridge only)
  | { type: 'genesys.signedIn'; agentId: string; dn: string }
  /** SIGN_IN_FAILED, SIGN_IN_THROTTLED, BRIDGE_UNREACHABLE or SIGN_IN_ERROR. */
  | { type: 'genesys.signInFailed'; code: string; message: string }
  /** No token, the bridge refused it (401), or the agent signed out: the socket is closed. */
  | { type: 'genesys.authRequired'; code: AuthRequiredCode }
  /** Single sign-on: the browser blocked the popup; the adapter keeps listening for a popup opened by hand at `url`. */
  | { type: 'genesys.ssoBlocked'; url: string }
  // socket life (connection region)
  | { type: 'genesys.connected' }
  | { type: 'genesys.disconnected'; attempt: number; retryInMs: number; reason: string }
  /** The bridge closed the socket for a newer one of the same agent (4000/4004): no retry until Use here. */
  | { type: 'genesys.replaced'; code: ReplacedCode; reason: string }
  // agent (agent region)
  | { type: 'genesys.registered' }
  | { type: 'genesys.unregistered' }
  | { type: 'genesys.agentReady' }
  | { type: 'genesys.agentNotReady'; reason?: string; workMode?: string }
  | { type: 'genesys.agentLogout' }
  | { type: 'genesys.linkDisconnected' }
  | { type: 'genesys.linkConnected' }
  // calls (routed to the call actor by connectionId)
  | {
      type: 'genesys.ringing';
      connectionId: string;
      eventId: string;
      ani: string;
      dnis?: string;
      queue?: string;
      callType?: string;
      /** Attached data (UserData) the call carries, e.g. a transfer's; handed to Fusion's offer. */
      attachedData?: Record<string, string>;
    }
  | {
      type: 'genesys.dialing';
      connectionId: string;
      eventId?: string;
      number: string;
      callType?: string;
      /** The held call a consult leg belongs to (PSDK PreviousConnID / TransferConnID). */
      previousConnectionId?: string;
    }
  | { type: 'genesys.networkReached'; connectionId: string }
  | {
      type: 'genesys.established';
      connectionId: string;
      eventId?: string;
      ani?: string;
      direction?: CallDirection;
    }
  | { type: 'genesys.held'; connectionId: string }
  | { type: 'genesys.retrieved'; connectionId: string }
  | { type: 'genesys.released'; connectionId: string; callState?: GenesysCallState }
  | { type: 'genesys.abandoned'; connectionId: string }
  | { type: 'genesys.destinationBusy'; connectionId: string }
  | { type: 'genesys.partyChanged'; connectionId: string; previousConnectionId: string }
  /** A party joined the call (conference): `party` is its number when Genesys names it. */
  | { type: 'genesys.partyAdded'; connectionId: string; party?: string }
  | { type: 'genesys.partyDeleted'; connectionId: string; party?: string }
  | { type: 'genesys.dtmfSent'; connectionId: string; digits?: string }
  /** [INFER] What Genesys says is true now (answer to `genesys.cmd.snapshot`). */
  | { type: 'genesys.snapshot'; agentState: SnapshotAgentState; reason?: string; calls: SnapshotCall[] }
  /** T-Server EventError, with the call it concerns when the microservice says so. */
  | { type: 'genesys.error'; code: string; message: string; connectionId?: string }
  /** A frame the adapter could not accept (malformed JSON, wrong shape, unknown event, too big). */
  | { type: 'genesys.protocolError'; code: string; message: string }
  /** A POST that failed: non-2xx, status not Success, network error, or no answer in time. */
  | {
      type: 'genesys.commandFailed';
      command: GenesysCommandName;
      connectionId?: string;
      eventId?: string;
      code: string;
      message: string;
    }
  /** A POST answered 2xx with status Success: for a service without agent events, the confirmation. */
  | { type: 'genesys.commandAccepted'; command: GenesysCommandName; connectionId?: string; eventId?: string };

/** Call commands that name one connection and the call's Fusion eventId. */
type OnCall = { connectionId: string; eventId: string };

/** Sign-in commands (auth=bridge): the password goes to the adapter out of band, never in an event. */
export type GenesysAuthCommand =
  | { type: 'genesys.cmd.signIn'; username: string }
  | { type: 'genesys.cmd.signOut' }
  /** Sign in with Genesys: the adapter opens the bridge's SSO popup at once (still inside the click). */
  | { type: 'genesys.cmd.ssoStart' }
  /** Use here: open the socket again after another toolbar of the agent took it (a new ticket). */
  | { type: 'genesys.cmd.reconnect' };

export type GenesysCommand = GenesysServiceCommand | GenesysAuthCommand;

/** What the adapter POSTs to `/genesys/events`. */
export type GenesysServiceCommand =
  | { type: 'genesys.cmd.register' }
  | { type: 'genesys.cmd.ready' }
  | { type: 'genesys.cmd.notReady'; reason?: string; workMode?: AgentWorkMode }
  | { type: 'genesys.cmd.logout' }
  | { type: 'genesys.cmd.accept'; connectionId: string; eventId: string }
  | { type: 'genesys.cmd.reject'; connectionId: string; eventId: string }
  | { type: 'genesys.cmd.hangup'; connectionId: string; eventId: string }
  | { type: 'genesys.cmd.hold'; connectionId: string; eventId: string }
  | { type: 'genesys.cmd.retrieve'; connectionId: string; eventId: string }
  | { type: 'genesys.cmd.makeCall'; number: string; eventId: string }
  | ({ type: 'genesys.cmd.singleStepTransfer'; destination: string } & OnCall)
  | ({ type: 'genesys.cmd.initiateTransfer'; destination: string } & OnCall)
  | ({ type: 'genesys.cmd.initiateConference'; destination: string } & OnCall)
  | ({ type: 'genesys.cmd.completeTransfer'; consultConnectionId: string } & OnCall)
  | ({ type: 'genesys.cmd.completeConference'; consultConnectionId: string } & OnCall)
  /** connectionId: the consult leg to drop; heldConnectionId: the call to take back. */
  | ({ type: 'genesys.cmd.reconnectCall'; heldConnectionId: string } & OnCall)
  /** connectionId: the leg talking now (to hold); heldConnectionId: the one to retrieve. */
  | ({ type: 'genesys.cmd.alternateCall'; heldConnectionId: string } & OnCall)
  | ({ type: 'genesys.cmd.sendDtmf'; digits: string } & OnCall)
  /** Ask for an `EventSnapshot`; the adapter fails it (commandFailed) on non-2xx or no frame in 3 s. */
  | { type: 'genesys.cmd.snapshot' };

/** Events that concern one call and carry its connectionId. */
export type GenesysCallEvent = Extract<GenesysEvent, { connectionId: string }>;
