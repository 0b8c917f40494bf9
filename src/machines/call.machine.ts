/**
 * One call, from the first thing the toolbar hears of it to the Fusion close reason.
 * Commands go out through the parent (`call.sendGenesys` / `call.sendFusion`), so the call
 * machine knows no adapter and its graph can be walked alone.
 */
import { assign, enqueueActions, sendParent, setup } from 'xstate';
import type { GenesysCommand, SnapshotCallState } from './genesys.types';
import type { CloseReason, FusionCommand } from './fusion.types';
import type { CallContext, CallEvent, CallInput, CallOutput, CallStart, CodedError, Consult } from './call.types';
import { dialErrorCode, isDialFailure, isTransferred, ringingEndReason } from './call-state';
import {
  afterConsultState, consultingState, consultOnlyState, isConsultAnswered, isConsultFor, isConsultLeg, isConsultLegMissing, isInitiateFailure, isMainLegMissing, isMainLeg, isNewLeg, isTalkingToCaller, isTransferredLeg,
} from './call/consult';

/** What a call sends its parent, which forwards it to the adapter. */
export type CallToParentEvent =
  | { type: 'call.sendGenesys'; command: GenesysCommand }
  | { type: 'call.sendFusion'; command: FusionCommand }
  /** The call is over; the parent stops and forgets it. */
  | { type: 'call.ended'; key: string; output: CallOutput }
  /** A snapshot corrected this call (a synthetic transition): the root logs it. */
  | { type: 'call.corrected'; key: string; correction: string }
  /** One of the call's legs (a consult leg) is over: its ConnID no longer names this call. */
  | { type: 'call.legEnded'; key: string; connectionId: string };

type CallVerb = 'accept' | 'reject' | 'hangup' | 'hold' | 'retrieve';

function genesysCommand(context: CallContext, verb: CallVerb): CallToParentEvent {
  return {
    type: 'call.sendGenesys',
    command: { type: `genesys.cmd.${verb}`, connectionId: context.connectionId ?? '', eventId: context.eventId },
  };
}

function toFusion(command: FusionCommand): CallToParentEvent {
  return { type: 'call.sendFusion', command };
}

function errorOf(event: CallEvent): CodedError {
  if (event.type === 'genesys.error') return { code: 'GENESYS_ERROR', detail: `${event.code} ${event.message}`.trim() };
  if (event.type === 'genesys.commandFailed') return { code: event.code, detail: event.message };
  return { code: 'UNEXPECTED_EVENT', detail: event.type };
}

function describe(error: CodedError | null): string {
  if (!error) return 'The request could not be completed';
  return error.detail ? `${error.code}: ${error.detail}` : error.code;
}

/** Fusion's offer of a call (newCommEvent); the root sends it itself for a call that starts ringing. */
export function newCommCommand(call: Pick<CallInput, 'eventId' | 'direction' | 'number' | 'queue' | 'attachedData'>): FusionCommand {
  return {
    type: 'fusion.cmd.newComm',
    eventId: call.eventId,
    direction: call.direction,
    number: call.number,
    ...(call.queue ? { queue: call.queue } : {}),
    ...(call.attachedData ? { attachedData: call.attachedData } : {}),
  };
}

function newCommOf(context: CallContext): CallToParentEvent {
  return toFusion(newCommCommand(context));
}

function fusionResponse(context: CallContext, ok: boolean): CallToParentEvent {
  return toFusion({
    type: 'fusion.cmd.respond',
    requestId: context.fusionRequestId ?? '',
    ok,
    ...(ok ? {} : { message: describe(context.error) }),
  });
}

export function outputOf(context: CallContext): CallOutput {
  return {
    key: context.key,
    connectionId: context.connectionId,
    eventId: context.eventId,
    direction: context.direction,
    number: context.number,
    reason: context.closeReason ?? 'WRAPUP',
    contact: context.contact,
    endedByAgent: context.endedByAgent,
    endedByRemote: context.endedByRemote,
    error: context.error,
    connected: context.started,
  };
}

function releasedCallState(event: CallEvent): string | undefined {
  return event.type === 'genesys.released' ? event.callState : undefined;
}

/** A Fusion request ends well if the call ended the way it asked (declined, hung up, cancelled). */
const REQUESTED_ENDS: CloseReason[] = ['REJECT', 'WRAPUP', 'CANCELED'];

const failureOf = (command: string) => ({ type: 'isFailureOf', params: { command } }) as const;
const closeAs = (reason: CloseReason) => ({ type: 'closeAs', params: { reason } }) as const;
const settle = (ok: boolean) => ({ type: 'settleFusionRequest', params: { ok } }) as const;
const snapshotSays = (state: SnapshotCallState) => ({ type: 'snapshotSays', params: { state } }) as const;
const noSuchCall = (command: string) => ({ type: 'isNoSuchCall', params: { command } }) as const;
const corrected = (correction: string) => ({ type: 'reportCorrection', params: { correction } }) as const;
const consultAs = (kind: Consult['kind']) => ({ type: 'rememberConsult', params: { kind } }) as const;

type ConsultVerb = 'completeTransfer' | 'completeConference' | 'reconnectCall' | 'alternateCall';

/** Complete/Reconnect/Alternate: the held call and its consult leg, in the order each command names them. */
function consultCommand(context: CallContext, verb: ConsultVerb): CallToParentEvent {
  const call = context.connectionId ?? '';
  const leg = context.consult?.connectionId ?? '';
  const onCall = { eventId: context.eventId };
  switch (verb) {
    case 'completeTransfer':
    case 'completeConference':
      return { type: 'call.sendGenesys', command: { type: `genesys.cmd.${verb}`, connectionId: call, consultConnectionId: leg, ...onCall } };
    case 'reconnectCall':
      return { type: 'call.sendGenesys', command: { type: 'genesys.cmd.reconnectCall', connectionId: leg, heldConnectionId: call, ...onCall } };
    case 'alternateCall': {
      // The leg the agent talks to now is held; the other one comes back.
      const [talking, held] = context.consult?.talkingTo === 'caller' ? [call, leg] : [leg, call];
      return { type: 'call.sendGenesys', command: { type: 'genesys.cmd.alternateCall', connectionId: talking, heldConnectionId: held, ...onCall } };
    }
  }
}

export const callMachine = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
    input: {} as CallInput,
  },
  delays: {
    /** How long a Genesys command may stay unanswered before the call rolls back. */
    commandDeadline: 8_000,
    ringCeiling: ({ context }) => context.ringCeilingMs,
  },
  guards: {
    startsAt: ({ context }, params: { start: CallStart }) => context.start === params.start,
    /** A failure is the pending state's only if it names the command it waits on (or is a T-Server error). */
    isFailureOf: ({ event }, params: { command: string }) =>
      event.type === 'genesys.error' || (event.type === 'genesys.commandFailed' && event.command === params.command),
    isDialFailure: ({ event }) => isDialFailure(releasedCallState(event)),
    isOnHold: ({ context }) => context.onHold,
    snapshotSays: ({ event }, params: { state: SnapshotCallState }) => event.type === 'resync.present' && event.state === params.state,
    /** The microservice answered 404: it has no such call (restarted, or the call ended unseen). */
    isNoSuchCall: ({ event }, params: { command: string }) =>
      event.type === 'genesys.commandFailed' && event.command === params.command && event.code === 'REST_HTTP_404',
    /** Released with CallState Transferred: the customer went on to the transfer target. */
    isTransferredAway: ({ event }) => isTransferred(releasedCallState(event)),
    hasQueuedDigits: ({ context }) => context.dtmfQueue !== '',
    isConsultLeg: ({ context, event }) => isConsultLeg({ context, event }),
    isMainLeg: ({ context, event }) => isMainLeg({ context, event }),
    isNewLeg: ({ context, event }) => isNewLeg({ context, event }),
    isConsultFor: ({ context, event }, params: { kind: Consult['kind'] }) => isConsultFor({ context, event }, params),
    isConsultAnswered: ({ context, event }) => isConsultAnswered({ context, event }),
    isTalkingToCaller: ({ context, event }) => isTalkingToCaller({ context, event }),
    isInitiateFailure: ({ context, event }) => isInitiateFailure({ context, event }),
    isTransferredLeg: ({ context, event }) => isTransferredLeg({ context, event }),
    isConsultLegMissing: ({ context, event }) => isConsultLegMissing({ context, event }),
    isMainLegMissing: ({ context, event }) => isMainLegMissing({ context, event }),
  },
  actions: {
    stampPhase: assign({ since: ({ context }) => context.restoredSince ?? Date.now(), restoredSince: null }),
    reportCorrection: sendParent(({ context }, params: { correction: string }): CallToParentEvent => ({
      type: 'call.corrected',
      key: context.key,
      correction: params.correction,
    })),
    recordNoSuchCall: assign({ error: ({ event }) => ({ code: 'CALL_GONE', detail: event.type === 'genesys.commandFailed' ? event.message : '' }) }),
    rememberFusionRequest: assign({
      fusionRequestId: ({ event }) => ('requestId' in event ? event.requestId : null),
    }),
    /** Answer the waiting UEF command promise, if Fusion asked for this outcome. */
    settleFusionRequest: enqueueActions(({ context, enqueue }, params: { ok: boolean }) => {
      if (!context.fusionRequestId) return;
      enqueue.sendParent(fusionResponse(context, params.ok));
      enqueue.assign({ fusionRequestId: null });
    }),
    /** A Fusion command that does not fit the call's state is refused at once, never left pending. */
    refuseFusionRequest: sendParent(({ event }) =>
      toFusion({
        type: 'fusion.cmd.respond',
        requestId: 'requestId' in event ? event.requestId : '',
        ok: false,
        message: `NOT_ALLOWED: ${event.type} is not possible now`,
      }),
    ),
    recordError: assign({ error: ({ event }) => errorOf(event) }),
    recordTimeout: assign({ error: { code: 'COMMAND_TIMEOUT' } }),
    recordDialTimeout: assign({ error: { code: 'DIAL_TIMEOUT' } }),
    recordCancelTooLate: assign({ error: { code: 'CANCEL_TOO_LATE' } }),
    recordDeclineTooLate: assign({ error: { code: 'DECLINE_TOO_LATE' } }),
    recordDialFailure: assign({
      error: ({ event }) => {
        if (event.type === 'genesys.destinationBusy') return { code: 'BUSY' };
        if (event.type === 'genesys.released') return { code: dialErrorCode(event.callState), detail: event.callState };
        return errorOf(event);
      },
    }),
    clearError: assign({ error: null }),
    sendAccept: sendParent(({ context }) => genesysCommand(context, 'accept')),
    sendReject: enqueueActions(({ context, enqueue }) => {
      enqueue.sendParent(genesysCommand(context, 'reject'));
      enqueue.assign({ endedByAgent: true });
    }),
    sendHangup: enqueueActions(({ context, enqueue }) => {
      enqueue.sendParent(genesysCommand(context, 'hangup'));
      enqueue.assign({ endedByAgent: true });
    }),
    sendHold: sendParent(({ context }) => genesysCommand(context, 'hold')),
    sendRetrieve: sendParent(({ context }) => genesysCommand(context, 'retrieve')),
    sendMakeCall: sendParent(({ context }) => ({
      type: 'call.sendGenesys',
      command: { type: 'genesys.cmd.makeCall', number: context.number, eventId: context.eventId },
    })),
    offerToFusion: enqueueActions(({ context, enqueue }) => {
      if (context.offered) return;
      enqueue.sendParent(newCommOf(context));
      enqueue.assign({ offered: true });
    }),
    /** Screen pop; an outbound call never offered (no EventDialing seen) is offered first. */
    startInFusion: enqueueActions(({ context, enqueue }) => {
      // A restored call Fusion already started is not started (or offered) again.
      if (context.started) return;
      if (!context.offered) enqueue.sendParent(newCommOf(context));
      enqueue.sendParent(toFusion({ type: 'fusion.cmd.startComm', eventId: context.eventId, direction: context.direction }));
      enqueue.assign({ offered: true, started: true });
    }),
    closeInFusion: enqueueActions(({ context, enqueue }) => {
      if (context.engagementClosed) {
        // Closed when the caller left during a consult (closeEngagement); never closed twice.
      } else if (context.offered) {
        enqueue.sendParent(
          toFusion({ type: 'fusion.cmd.closeComm', eventId: context.eventId, reason: context.closeReason ?? 'WRAPUP' }),
        );
      } else if (context.direction === 'outbound' && context.closeReason === 'CANCELED') {
        // A click-to-dial cancelled before Fusion was offered the call still needs an answer.
        enqueue.sendParent(
          toFusion({ type: 'fusion.cmd.outboundError', eventId: context.eventId, code: 'CANCELED', message: 'The agent cancelled the call' }),
        );
      }
      if (context.fusionRequestId) {
        enqueue.sendParent(fusionResponse(context, REQUESTED_ENDS.includes(context.closeReason ?? 'WRAPUP')));
        enqueue.assign({ fusionRequestId: null });
      }
    }),
    publishOutboundError: sendParent(({ context }) =>
      toFusion({
        type: 'fusion.cmd.outboundError',
        eventId: context.eventId,
        code: context.error?.code ?? 'DIAL_FAILED',
        message: describe(context.error),
      }),
    ),
    /** Close Fusion's offer with TIMEOUT; a later answer offers the call again before the screen pop. */
    withdrawOffer: enqueueActions(({ context, enqueue }) => {
      if (!context.offered) return;
      enqueue.sendParent(toFusion({ type: 'fusion.cmd.closeComm', eventId: context.eventId, reason: 'TIMEOUT' }));
      enqueue.assign({ offered: false });
    }),
    closeAs: assign({ closeReason: (_, params: { reason: CloseReason }) => params.reason }),
    closeAsRingingEnd: assign({ closeReason: ({ event }) => ringingEndReason(releasedCallState(event)) }),
    /** Outbound: learn the ConnID once Genesys assigns it; PartyChanged: follow the new one. */
    bindConnection: assign({
      connectionId: ({ event, context }) =>
        'connectionId' in event && typeof event.connectionId === 'string' && event.type.startsWith('genesys.')
          ? event.connectionId
          : context.connectionId,
    }),
    reportEnded: sendParent(({ context }): CallToParentEvent => ({ type: 'call.ended', key: context.key, output: outputOf(context) })),
    markOnHold: assign({ onHold: true }),
    markOffHold: assign({ onHold: false }),
    // A failed resume comes back to held: the hold keeps its start.
    /** Only Genesys' word makes it "Caller hung up"; a plain release (softphone, agent) is "Call ended". */
    noteRemoteEnd: assign({
      endedByRemote: ({ event }) => event.type === 'genesys.abandoned' || (event.type === 'genesys.released' && event.callState === 'RemoteRelease'),
    }),
    stampHold: assign({ heldSince: ({ context }) => context.heldSince ?? Date.now() }),
    clearHold: assign({ heldSince: null }),
    /** Fusion's reverse lookup named the caller; only shown, never sent anywhere. */
    rememberContact: assign({
      contact: ({ event, context }) =>
        event.type === 'fusion.contact' ? { name: event.name, ...(event.account ? { account: event.account } : {}) } : context.contact,
    }),
    rememberTarget: assign({ target: ({ event, context }) => ('destination' in event ? event.destination.trim() : context.target) }),
    sendSingleStepTransfer: sendParent(({ context }) => ({
      type: 'call.sendGenesys',
      command: { type: 'genesys.cmd.singleStepTransfer', connectionId: context.connectionId ?? '', eventId: context.eventId, destination: context.target ?? '' },
    })),
    // The agent handed the caller on: for the card, the agent ended this leg.
    closeAsTransferred: assign({ closeReason: ({ context }) => context.transferCloseReason, endedByAgent: true }),
    /** One SendDTMF in flight at a time, so digits reach the far end in the order typed. */
    sendDigits: enqueueActions(({ context, event, enqueue }) => {
      const digits = event.type === 'call.sendDtmf' ? event.digits : context.dtmfQueue;
      enqueue.sendParent({
        type: 'call.sendGenesys',
        command: { type: 'genesys.cmd.sendDtmf', connectionId: context.connectionId ?? '', eventId: context.eventId, digits },
      } satisfies CallToParentEvent);
      enqueue.assign({ pendingDigits: digits, dtmfQueue: '' });
    }),
    queueDigits: assign({ dtmfQueue: ({ context, event }) => context.dtmfQueue + (event.type === 'call.sendDtmf' ? event.digits : '') }),
    recordDigitsSent: assign({ digits: ({ context }) => (context.digits + context.pendingDigits).slice(-32), pendingDigits: '' }),
    dropDigits: assign({ pendingDigits: '', dtmfQueue: '' }),
    // ---- consult, transfer, conference (call/consult.ts) ----
    rememberConsult: assign({
      consult: ({ event }, params: { kind: Consult['kind'] }): Consult => ({
        kind: params.kind,
        destination: 'destination' in event ? event.destination.trim() : '',
        connectionId: null,
        answered: false,
        talkingTo: 'target',
      }),
    }),
    sendInitiate: sendParent(({ context }): CallToParentEvent => ({
      type: 'call.sendGenesys',
      command: {
        type: context.consult?.kind === 'conference' ? 'genesys.cmd.initiateConference' : 'genesys.cmd.initiateTransfer',
        connectionId: context.connectionId ?? '',
        eventId: context.eventId,
        destination: context.consult?.destination ?? '',
      },
    })),
    bindConsultLeg: assign({
      consult: ({ context, event }) =>
        context.consult && 'connectionId' in event && typeof event.connectionId === 'string'
          ? { ...context.consult, connectionId: event.connectionId }
          : context.consult,
    }),
    adoptConsultLeg: assign({
      consult: ({ event }): Consult | null =>
        event.type === 'genesys.dialing'
          ? { kind: 'transfer', destination: event.number, connectionId: event.connectionId, answered: false, talkingTo: 'target' }
          : null,
    }),
    markConsultAnswered: assign({ consult: ({ context }) => (context.consult ? { ...context.consult, answered: true } : null) }),
    noteTalkingTo: assign({
      consult: ({ context }, params: { party: Consult['talkingTo'] }) => (context.consult ? { ...context.consult, talkingTo: params.party } : null),
    }),
    /** The consult leg is over: the call forgets it and the root stops routing its ConnID here. */
    forgetConsult: enqueueActions(({ context, enqueue }) => {
      const leg = context.consult?.connectionId;
      if (leg) enqueue.sendParent({ type: 'call.legEnded', key: context.key, connectionId: leg } satisfies CallToParentEvent);
      enqueue.assign({ consult: null });
    }),
    endMainLeg: enqueueActions(({ context, enqueue }) => {
      if (context.connectionId) enqueue.sendParent({ type: 'call.legEnded', key: context.key, connectionId: context.connectionId } satisfies CallToParentEvent);
    }),
    recordConsultEnded: assign({
      error: ({ context }, params: { code: string }) => ({ code: params.code, detail: context.consult?.destination ?? '' }),
    }),
    sendCompleteTransfer: sendParent(({ context }) => consultCommand(context, 'completeTransfer')),
    sendCompleteConference: sendParent(({ context }) => consultCommand(context, 'completeConference')),
    sendReconnect: sendParent(({ context }) => consultCommand(context, 'reconnectCall')),
    sendAlternate: sendParent(({ context }) => consultCommand(context, 'alternateCall')),
    sendConsultHangup: sendParent(({ context }): CallToParentEvent => ({
      type: 'call.sendGenesys',
      command: { type: 'genesys.cmd.hangup', connectionId: context.consult?.connectionId ?? '', eventId: context.eventId },
    })),
    addParty: assign({
      parties: ({ context, event }) => {
        const party = event.type === 'genesys.partyAdded' ? (event.party ?? context.consult?.destination) : undefined;
        return party && !context.parties.includes(party) ? [...context.parties, party].slice(-8) : context.parties;
      },
    }),
    /** The conference's new party, if Genesys did not name it in EventPartyAdded. */
    addConsultParty: assign({
      parties: ({ context }) => {
        const party = context.consult?.destination;
        return party && !context.parties.includes(party) ? [...context.parties, party].slice(-8) : context.parties;
      },
    }),
    removeParty: assign({
      parties: ({ context, event }) => (event.type === 'genesys.partyDeleted' && event.party ? context.parties.filter((party) => party !== event.party) : context.parties),
    }),
    /** The caller left during a consult: Fusion's engagement closes with the wrap-up now. */
    closeEngagement: enqueueActions(({ context, enqueue }) => {
      if (context.engagementClosed) return;
      if (context.offered) enqueue.sendParent(toFusion({ type: 'fusion.cmd.closeComm', eventId: context.eventId, reason: 'WRAPUP' }));
      enqueue.assign({ engagementClosed: true, closeReason: 'WRAPUP' });
    }),
  },
}).createMachine({
  id: 'call',
  context: ({ input }) => ({
    key: input.key,
    start: input.start,
    connectionId: input.connectionId,
    eventId: input.eventId,
    direction: input.direction,
    number: input.number,
    ...(input.queue ? { queue: input.queue } : {}),
    ...(input.attachedData ? { attachedData: input.attachedData } : {}),
    ringCeilingMs: input.ringCeilingMs,
    offered: input.restored?.offered ?? input.offered ?? false,
    started: input.restored?.started ?? false,
    fusionRequestId: null,
    closeReason: null,
    error: null,
    onHold: false,
    restoredSince: input.restored?.since ?? null,
    contact: input.contactName ? { name: input.contactName } : null,
    heldSince: null,
    endedByAgent: false,
    endedByRemote: false,
    since: input.restored?.since ?? Date.now(),
    transferCloseReason: input.transferCloseReason ?? 'WRAPUP',
    target: null,
    digits: '',
    pendingDigits: '',
    dtmfQueue: '',
    consult: null,
    parties: [],
    engagementClosed: false,
  }),
  initial: 'starting',
  on: {
    'genesys.partyChanged': { actions: 'bindConnection' },
    'fusion.contact': { actions: 'rememberContact' },
    // Out-of-place Fusion commands are answered, never left for the UEF watchdog.
    'fusion.accept': { actions: 'refuseFusionRequest' },
    'fusion.reject': { actions: 'refuseFusionRequest' },
    'fusion.hangup': { actions: 'refuseFusionRequest' },
    // A failure or T-Server error no pending state waits on is still shown.
    'genesys.commandFailed': { actions: 'recordError' },
    'genesys.error': { actions: 'recordError' },
  },
  states: {
    /** Routes to the first real state from how the call began; never rests here. */
    starting: {
      always: [
        { guard: { type: 'startsAt', params: { start: 'ringing' } }, target: 'ringing', actions: 'offerToFusion' },
        { guard: { type: 'startsAt', params: { start: 'dialRequested' } }, target: 'dialing' },
        { guard: { type: 'startsAt', params: { start: 'dialing' } }, target: 'dialing.alerting', actions: 'offerToFusion' },
        { target: 'established' },
      ],
    },
    ringing: {
      entry: 'stampPhase',
      // Past the ceiling (or Fusion's own offer timeout) Fusion's offer closes with TIMEOUT, but the
      // phone may still ring: the call stays here, answerable and declinable, until Genesys ends it.
      after: { ringCeiling: { actions: 'withdrawOffer' } },
      on: {
        // The softphone (or our own accept) connected the call.
        'genesys.established': { target: 'established', actions: 'clearError' },
        'genesys.released': { target: 'ended', actions: 'closeAsRingingEnd' },
        'genesys.abandoned': { target: 'ended', actions: closeAs('ABANDONED') },
        'fusion.offerTimeout': { actions: 'withdrawOffer' },
        // Snapshot corrections: the events the toolbar missed, as transitions it already has.
        'resync.present': [
          { guard: snapshotSays('Established'), target: 'established', actions: corrected('ringing → established') },
          { guard: snapshotSays('Held'), target: 'established.held', actions: corrected('ringing → held') },
        ],
        'resync.gone': { target: 'ended', actions: [closeAs('MISSED'), corrected('ringing → ended (MISSED)')] },
      },
      initial: 'alerting',
      states: {
        alerting: {
          on: {
            'call.accept': { target: 'accepting', actions: ['clearError', 'sendAccept'] },
            'fusion.accept': { target: 'accepting', actions: ['clearError', 'rememberFusionRequest', 'sendAccept'] },
            'call.reject': { target: 'rejecting', actions: ['clearError', 'sendReject'] },
            'fusion.reject': { target: 'rejecting', actions: ['clearError', 'rememberFusionRequest', 'sendReject'] },
            // Fusion's End Call while still ringing can only mean decline.
            'fusion.hangup': { target: 'rejecting', actions: ['clearError', 'rememberFusionRequest', 'sendReject'] },
          },
        },
        accepting: {
          after: { commandDeadline: { target: 'alerting', actions: ['recordTimeout', settle(false)] } },
          on: {
            'genesys.commandFailed': { guard: failureOf('accept'), target: 'alerting', actions: ['recordError', settle(false)] },
            'genesys.error': { target: 'alerting', actions: ['recordError', settle(false)] },
          },
        },
        rejecting: {
          after: { commandDeadline: { target: 'alerting', actions: ['recordTimeout', settle(false)] } },
          on: {
            // Answered on the softphone before the decline landed: the call is real, the decline failed.
            'genesys.established': { target: '#call.established', actions: ['recordDeclineTooLate', settle(false)] },
            'genesys.released': { target: '#call.ended', actions: closeAs('REJECT') },
            // The decline landed while the toolbar was away.
            'resync.gone': { target: '#call.ended', actions: [closeAs('REJECT'), corrected('rejecting → ended (REJECT)')] },
            // Answered before the decline landed (as on genesys.established here): the decline failed.
            'resync.present': [
              { guard: snapshotSays('Established'), target: '#call.established', actions: ['recordDeclineTooLate', settle(false), corrected('rejecting → established')] },
              { guard: snapshotSays('Held'), target: '#call.established.held', actions: ['recordDeclineTooLate', settle(false), corrected('rejecting → held')] },
            ],
            'genesys.commandFailed': { guard: failureOf('reject'), target: 'alerting', actions: ['recordError', settle(false)] },
            'genesys.error': { target: 'alerting', actions: ['recordError', settle(false)] },
          },
        },
      },
    },
    dialing: {
      entry: 'stampPhase',
      on: {
        'genesys.established': { target: 'established', actions: ['bindConnection', 'clearError'] },
        'genesys.destinationBusy': { target: 'failed', actions: 'recordDialFailure' },
        'genesys.released': [
          { guard: 'isDialFailure', target: 'failed', actions: 'recordDialFailure' },
          // A normal release before answer (softphone hang-up): the dial was cancelled, not failed.
          { target: 'ended', actions: closeAs('CANCELED') },
        ],
        'genesys.error': { target: 'failed', actions: 'recordError' },
        'resync.present': [
          { guard: snapshotSays('Established'), target: 'established', actions: corrected('dialing → established') },
          { guard: snapshotSays('Held'), target: 'established.held', actions: corrected('dialing → held') },
        ],
        'resync.gone': { target: 'ended', actions: [closeAs('MISSED'), corrected('dialing → ended (MISSED)')] },
      },
      initial: 'requested',
      states: {
        /** MakeCall sent; Genesys has not named the call yet. */
        requested: {
          entry: 'sendMakeCall',
          after: { commandDeadline: { target: '#call.failed', actions: 'recordDialTimeout' } },
          on: {
            'genesys.dialing': { target: 'alerting', actions: ['bindConnection', 'offerToFusion'] },
            'genesys.commandFailed': { guard: failureOf('makeCall'), target: '#call.failed', actions: 'recordError' },
            'call.hangup': { target: 'cancelRequested', actions: 'clearError' },
            'fusion.hangup': { target: 'cancelRequested', actions: ['clearError', 'rememberFusionRequest'] },
          },
        },
        /** The agent cancelled before Genesys named the call: hang it up as soon as it has a ConnID. */
        cancelRequested: {
          after: { commandDeadline: { target: '#call.ended', actions: closeAs('CANCELED') } },
          on: {
            'genesys.dialing': { target: 'canceling', actions: ['bindConnection', 'sendHangup'] },
            'genesys.commandFailed': { guard: failureOf('makeCall'), target: '#call.ended', actions: closeAs('CANCELED') },
            // The far end answered before the cancel could land: the call is real, the cancel failed.
            'genesys.established': {
              target: '#call.established',
              actions: ['bindConnection', 'recordCancelTooLate', settle(false)],
            },
          },
        },
        /** The far end is being called. */
        alerting: {
          on: {
            'genesys.networkReached': {},
            'call.hangup': { target: 'canceling', actions: ['clearError', 'sendHangup'] },
            'fusion.hangup': { target: 'canceling', actions: ['clearError', 'rememberFusionRequest', 'sendHangup'] },
          },
        },
        canceling: {
          after: { commandDeadline: { target: 'alerting', actions: ['recordTimeout', settle(false)] } },
          on: {
            'genesys.established': { target: '#call.established', actions: ['bindConnection', 'recordCancelTooLate', settle(false)] },
            'genesys.released': { target: '#call.ended', actions: closeAs('CANCELED') },
            'resync.gone': { target: '#call.ended', actions: [closeAs('CANCELED'), corrected('canceling → ended (CANCELED)')] },
            'genesys.commandFailed': { guard: failureOf('hangup'), target: 'alerting', actions: ['recordError', settle(false)] },
            'genesys.error': { target: 'alerting', actions: ['recordError', settle(false)] },
          },
        },
      },
    },
    /** An outbound call that never connected: Fusion hears why, then the call ends. */
    failed: {
      entry: 'publishOutboundError',
      always: { target: 'ended', actions: closeAs('REJECT') },
    },
    established: {
      entry: ['stampPhase', 'startInFusion', settle(true)],
      on: {
        'genesys.released': [
          { guard: 'isTransferredAway', target: 'ended', actions: 'closeAsTransferred' },
          { target: 'ended', actions: [closeAs('WRAPUP'), 'noteRemoteEnd'] },
        ],
        'genesys.abandoned': { target: 'ended', actions: [closeAs('WRAPUP'), 'noteRemoteEnd'] },
        'resync.gone': { target: 'ended', actions: [closeAs('WRAPUP'), corrected('established → ended (WRAPUP)')] },
        // A conference's parties come and go (EventPartyAdded / EventPartyDeleted).
        'genesys.partyAdded': { actions: 'addParty' },
        'genesys.partyDeleted': { actions: 'removeParty' },
      },
      initial: 'talking',
      states: {
        talking: {
          entry: ['markOffHold', 'clearHold'],
          on: {
            'call.hold': { target: 'holding', actions: ['clearError', 'sendHold'] },
            'genesys.held': { target: 'held', actions: 'clearError' },
            'resync.present': { guard: snapshotSays('Held'), target: 'held', actions: corrected('talking → held') },
            'call.hangup': { target: 'hangingUp', actions: ['clearError', 'sendHangup'] },
            'fusion.hangup': { target: 'hangingUp', actions: ['clearError', 'rememberFusionRequest', 'sendHangup'] },
            'call.transfer': { target: 'transferring', actions: ['clearError', 'rememberTarget', 'sendSingleStepTransfer'] },
            'call.sendDtmf': { target: 'sendingDigits', actions: ['clearError', 'sendDigits'] },
            // A consult started on the softphone: the toolbar follows it like its own.
            'genesys.dialing': { guard: 'isNewLeg', target: 'consulting.ringingTarget', actions: 'adoptConsultLeg' },
            'call.consult': { target: 'consulting', actions: ['clearError', consultAs('transfer'), 'sendInitiate'] },
            'call.conference': { target: 'consulting', actions: ['clearError', consultAs('conference'), 'sendInitiate'] },
          },
        },
        consulting: consultingState,
        consultOnly: consultOnlyState,
        afterConsult: afterConsultState,
        /** SingleStepTransfer sent: EventReleased (Transferred) ends the call; anything else rolls back. */
        transferring: {
          after: { commandDeadline: { target: 'talking', actions: 'recordTimeout' } },
          on: {
            'genesys.commandFailed': { guard: failureOf('singleStepTransfer'), target: 'talking', actions: 'recordError' },
            'genesys.error': { target: 'talking', actions: 'recordError' },
            // Held on the softphone meanwhile: a transfer that worked would have released the call.
            'genesys.held': { target: 'held' },
          },
        },
        /** SendDTMF in flight; digits typed meanwhile wait their turn. */
        sendingDigits: {
          after: { commandDeadline: { target: 'talking', actions: ['recordTimeout', 'dropDigits'] } },
          on: {
            'call.sendDtmf': { actions: 'queueDigits' },
            'genesys.dtmfSent': [
              { guard: 'hasQueuedDigits', target: 'sendingDigits', reenter: true, actions: ['recordDigitsSent', 'sendDigits'] },
              { target: 'talking', actions: 'recordDigitsSent' },
            ],
            'genesys.commandFailed': { guard: failureOf('sendDtmf'), target: 'talking', actions: ['recordError', 'dropDigits'] },
            'genesys.error': { target: 'talking', actions: ['recordError', 'dropDigits'] },
            'genesys.held': { target: 'held', actions: 'dropDigits' },
            'call.hangup': { target: 'hangingUp', actions: ['clearError', 'dropDigits', 'sendHangup'] },
            'fusion.hangup': { target: 'hangingUp', actions: ['clearError', 'dropDigits', 'rememberFusionRequest', 'sendHangup'] },
          },
        },
        holding: {
          after: { commandDeadline: { target: 'talking', actions: 'recordTimeout' } },
          on: {
            'genesys.held': { target: 'held', actions: 'clearError' },
            'resync.present': { guard: snapshotSays('Held'), target: 'held', actions: corrected('holding → held') },
            // Nothing to hold: the microservice no longer has the call.
            'genesys.commandFailed': [
              { guard: noSuchCall('hold'), target: '#call.ended', actions: ['recordNoSuchCall', closeAs('WRAPUP')] },
              { guard: failureOf('hold'), target: 'talking', actions: 'recordError' },
            ],
            'genesys.error': { target: 'talking', actions: 'recordError' },
          },
        },
        held: {
          entry: ['markOnHold', 'stampHold'],
          on: {
            'call.retrieve': { target: 'retrieving', actions: ['clearError', 'sendRetrieve'] },
            // A consult started on the softphone: the toolbar follows it like its own.
            'genesys.dialing': { guard: 'isNewLeg', target: 'consulting.ringingTarget', actions: 'adoptConsultLeg' },
            'genesys.retrieved': { target: 'talking', actions: 'clearError' },
            'resync.present': { guard: snapshotSays('Established'), target: 'talking', actions: corrected('held → talking') },
            'call.hangup': { target: 'hangingUp', actions: ['clearError', 'sendHangup'] },
            'fusion.hangup': { target: 'hangingUp', actions: ['clearError', 'rememberFusionRequest', 'sendHangup'] },
          },
        },
        retrieving: {
          after: { commandDeadline: { target: 'held', actions: 'recordTimeout' } },
          on: {
            'genesys.retrieved': { target: 'talking', actions: 'clearError' },
            'resync.present': { guard: snapshotSays('Established'), target: 'talking', actions: corrected('retrieving → talking') },
            'genesys.commandFailed': [
              { guard: noSuchCall('retrieve'), target: '#call.ended', actions: ['recordNoSuchCall', closeAs('WRAPUP')] },
              { guard: failureOf('retrieve'), target: 'held', actions: 'recordError' },
            ],
            'genesys.error': { target: 'held', actions: 'recordError' },
          },
        },
        hangingUp: {
          after: { commandDeadline: { target: 'rollbackHangup', actions: ['recordTimeout', settle(false)] } },
          on: {
            // The softphone may hold or resume meanwhile; a failed hang-up must return to the truth.
            'genesys.held': { actions: 'markOnHold' },
            'genesys.retrieved': { actions: 'markOffHold' },
            // The call is gone at Genesys (404): it ends instead of staying stuck.
            'genesys.commandFailed': [
              { guard: noSuchCall('hangup'), target: '#call.ended', actions: ['recordNoSuchCall', closeAs('WRAPUP')] },
              { guard: failureOf('hangup'), target: 'rollbackHangup', actions: ['recordError', settle(false)] },
            ],
            'genesys.error': { target: 'rollbackHangup', actions: ['recordError', settle(false)] },
          },
        },
        /** Back to where the hang-up started (held or talking); never rests here. */
        rollbackHangup: {
          always: [{ guard: 'isOnHold', target: 'held' }, { target: 'talking' }],
        },
      },
    },
    /**
     * The end: Fusion is told why, then the parent hears `call.ended` and stops this actor.
     * Not `type: 'final'` on purpose: a final child sends its parent `xstate.done.actor.<id>`, an
     * event type unique per call, and XState memoises transition candidates per event type on
     * every state node for ever — about 1 KB leaked per call (measured by `npm run bench`).
     */
    ended: {
      entry: ['closeInFusion', 'reportEnded'],
    },
  },
});

export type CallMachine = typeof callMachine;
