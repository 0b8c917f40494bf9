/**
 * Consult, then transfer or conference (protocol notes, "Consult, transfer, conference"): states of
 * an established call while it is held for a consult leg, with the guards and actions only they
 * use. Events of the consult leg reach this call because the root indexes the leg's ConnID under it.
 */
import { assign, enqueueActions, sendParent } from 'xstate';
import type { CallToParentEvent } from '../call.machine';
import { isTransferred } from '../call-state';
import type { CallContext, CallEvent, Consult } from '../call.types';
import { callActions, callGuards, callState } from './define';
import { connectionOf, corrected, failureOf, toFusion } from './shared';

type Args = { context: CallContext; event: CallEvent };

/** The event concerns the consult leg. */
export const isConsultLeg = ({ context, event }: Args) => context.consult?.connectionId != null && connectionOf(event) === context.consult.connectionId;
/** The event concerns the call itself (the customer's leg). */
export const isMainLeg = ({ context, event }: Args) => connectionOf(event) !== undefined && connectionOf(event) === context.connectionId;
/** A leg Genesys just named that is not the call itself: the consult leg being dialled. */
export const isNewLeg = ({ context, event }: Args) => connectionOf(event) !== undefined && connectionOf(event) !== context.connectionId;
export const isConsultFor = ({ context }: Args, params: { kind: 'transfer' | 'conference' }) => context.consult?.kind === params.kind;
export const isConsultAnswered = ({ context }: Args) => context.consult?.answered === true;
export const isTalkingToCaller = ({ context }: Args) => context.consult?.talkingTo === 'caller';
/** The consult leg was released because the transfer completed (CallState Transferred). */
export const isTransferredLeg = (args: Args) =>
  isConsultLeg(args) && args.event.type === 'genesys.released' && isTransferred(args.event.callState);
/** A snapshot lists the call but not its consult leg: the leg ended while the toolbar was not listening. */
export const isConsultLegMissing = ({ context, event }: Args) =>
  event.type === 'resync.present' && event.present !== undefined && context.consult?.connectionId != null && !event.present.includes(context.consult.connectionId);
/** A snapshot lists the consult leg but not the caller's: the caller left unheard. */
export const isMainLegMissing = ({ context, event }: Args) =>
  event.type === 'resync.present' &&
  event.present !== undefined &&
  context.consult?.connectionId != null &&
  event.present.includes(context.consult.connectionId) &&
  context.connectionId !== null &&
  !event.present.includes(context.connectionId);
/** A failure of the command that started this consult. */
export const isInitiateFailure = ({ context, event }: Args) =>
  event.type === 'genesys.error' ||
  (event.type === 'genesys.commandFailed' && event.command === (context.consult?.kind === 'conference' ? 'initiateConference' : 'initiateTransfer'));

const consultFor = (kind: 'transfer' | 'conference') => ({ type: 'isConsultFor', params: { kind } }) as const;
const talkingTo = (party: 'target' | 'caller') => ({ type: 'noteTalkingTo', params: { party } }) as const;

export const consultGuards = callGuards({
  isConsultLeg,
  isMainLeg,
  isNewLeg,
  isConsultFor,
  isConsultAnswered,
  isTalkingToCaller,
  isInitiateFailure,
  isTransferredLeg,
  isConsultLegMissing,
  isMainLegMissing,
});

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

export const consultActions = callActions({
  rememberConsult: assign({
    consult: ({ event }, params: { kind: Consult['kind'] }): Consult => ({
      kind: params.kind,
      destination: 'destination' in event ? event.destination.trim() : '',
      connectionId: null,
      answered: false,
      talkingTo: 'target',
      since: Date.now(),
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
        ? { kind: 'transfer', destination: event.number, connectionId: event.connectionId, answered: false, talkingTo: 'target', since: Date.now() }
        : null,
  }),
  // The consult leg's timer starts again when the target answers, as a call's does when it connects.
  markConsultAnswered: assign({ consult: ({ context }) => (context.consult ? { ...context.consult, answered: true, since: Date.now() } : null) }),
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
  /** The conference's new party, if Genesys did not name it in EventPartyAdded. */
  addConsultParty: assign({
    parties: ({ context }) => {
      const party = context.consult?.destination;
      return party && !context.parties.includes(party) ? [...context.parties, party].slice(-8) : context.parties;
    },
  }),
  /** The caller left during a consult: Fusion's engagement closes with the wrap-up now. */
  closeEngagement: enqueueActions(({ context, enqueue }) => {
    if (context.engagementClosed) return;
    if (context.offered) enqueue.sendParent(toFusion({ type: 'fusion.cmd.closeComm', eventId: context.eventId, reason: 'WRAPUP' }));
    enqueue.assign({ engagementClosed: true, closeReason: 'WRAPUP' });
  }),
});

/** A consult command failed or timed out: back to the consult as it stood. */
const backToConsult = '#call.established.consulting.resume';
/** The consult is over: back to the caller, held or talking as Genesys last said. */
const afterConsult = '#call.established.afterConsult';

/** A pending consult command: its failure or deadline goes back to the consult, with the error shown. */
function pending(command: string) {
  return {
    after: { commandDeadline: { target: backToConsult, actions: 'recordTimeout' } },
    on: {
      'genesys.commandFailed': { guard: failureOf(command), target: backToConsult, actions: 'recordError' },
      'genesys.error': { target: backToConsult, actions: 'recordError' },
    },
  } as const;
}

export const consultingState = callState({
  initial: 'initiating',
  on: {
    // The caller's leg is held for the consult (EventHeld from Initiate*, or after a swap).
    'genesys.held': { guard: 'isMainLeg', actions: ['markOnHold', 'stampHold'] },
    'genesys.retrieved': { guard: 'isMainLeg', actions: ['markOffHold', 'clearHold'] },
    'genesys.released': [
      // The target hung up or refused: the consult is over, the caller still waits.
      { guard: 'isConsultLeg', target: afterConsult, actions: [{ type: 'recordConsultEnded', params: { code: 'CONSULT_ENDED' } }, 'forgetConsult'] },
      // The caller hung up during the consult: Fusion's engagement ends; the consult leg stays up.
      { guard: 'isMainLeg', target: '#call.established.consultOnly', actions: 'noteRemoteEnd' },
    ],
    'genesys.abandoned': { guard: 'isMainLeg', target: '#call.established.consultOnly', actions: 'noteRemoteEnd' },
    'genesys.destinationBusy': {
      guard: 'isConsultLeg',
      target: afterConsult,
      actions: [{ type: 'recordConsultEnded', params: { code: 'CONSULT_BUSY' } }, 'forgetConsult'],
    },
    // Snapshot corrections: the consult leg's or the caller's release the toolbar missed.
    'resync.present': [
      {
        guard: 'isConsultLegMissing',
        target: afterConsult,
        actions: [{ type: 'recordConsultEnded', params: { code: 'CONSULT_ENDED' } }, 'forgetConsult', corrected('consulting → consult ended')],
      },
      { guard: 'isMainLegMissing', target: '#call.established.consultOnly', actions: ['noteRemoteEnd', corrected('consulting → consult only (caller left)')] },
    ],
  },
  states: {
    /** InitiateTransfer/InitiateConference sent: the caller goes on hold, the consult leg is dialled. */
    initiating: {
      after: { commandDeadline: { target: afterConsult, actions: ['recordTimeout', 'forgetConsult'] } },
      on: {
        'genesys.dialing': { guard: 'isNewLeg', target: 'ringingTarget', actions: 'bindConsultLeg' },
        // The caller left before the consult leg was dialled: the call simply ends.
        'genesys.released': { guard: 'isMainLeg', target: '#call.ended', actions: [{ type: 'closeAs', params: { reason: 'WRAPUP' } }, 'noteRemoteEnd'] },
        'genesys.abandoned': { guard: 'isMainLeg', target: '#call.ended', actions: [{ type: 'closeAs', params: { reason: 'WRAPUP' } }, 'noteRemoteEnd'] },
        'genesys.commandFailed': { guard: 'isInitiateFailure', target: afterConsult, actions: ['recordError', 'forgetConsult'] },
        'genesys.error': { target: afterConsult, actions: ['recordError', 'forgetConsult'] },
      },
    },
    /** The target's phone rings. A transfer may complete now (the target gets the caller ringing). */
    ringingTarget: {
      on: {
        'genesys.established': { guard: 'isConsultLeg', target: 'talkingToTarget', actions: 'markConsultAnswered' },
        'call.completeTransfer': { guard: consultFor('transfer'), target: 'completing', actions: ['clearError', 'sendCompleteTransfer'] },
        'call.cancelConsult': { target: 'canceling', actions: ['clearError', 'sendReconnect'] },
      },
    },
    /** The agent talks to the target; the caller is held. */
    talkingToTarget: {
      entry: talkingTo('target'),
      on: {
        'call.completeTransfer': { guard: consultFor('transfer'), target: 'completing', actions: ['clearError', 'sendCompleteTransfer'] },
        'call.completeConference': { guard: consultFor('conference'), target: 'conferencing', actions: ['clearError', 'sendCompleteConference'] },
        'call.cancelConsult': { target: 'canceling', actions: ['clearError', 'sendReconnect'] },
        'call.swap': { target: 'swapping', actions: ['clearError', 'sendAlternate'] },
      },
    },
    /** After Swap: the agent talks to the caller; the consult leg is held. */
    talkingToCaller: {
      entry: talkingTo('caller'),
      on: { 'call.swap': { target: 'swapping', actions: ['clearError', 'sendAlternate'] } },
    },
    /** AlternateCall sent: one leg is held, the other retrieved. */
    swapping: {
      after: { commandDeadline: { target: 'resume', actions: 'recordTimeout' } },
      on: {
        'genesys.retrieved': [
          { guard: 'isMainLeg', target: 'talkingToCaller', actions: ['markOffHold', 'clearHold'] },
          { guard: 'isConsultLeg', target: 'talkingToTarget' },
        ],
        'genesys.commandFailed': { guard: failureOf('alternateCall'), target: 'resume', actions: 'recordError' },
        'genesys.error': { target: 'resume', actions: 'recordError' },
      },
    },
    /** CompleteTransfer sent: both legs are released (Transferred) and the caller is the target's. */
    completing: {
      ...pending('completeTransfer'),
      on: {
        ...pending('completeTransfer').on,
        'genesys.released': [
          { guard: 'isMainLeg', target: '#call.ended', actions: 'closeAsTransferred' },
          // The consult leg goes first when the transfer worked; any other end means it did not.
          { guard: 'isTransferredLeg' },
          { guard: 'isConsultLeg', target: afterConsult, actions: [{ type: 'recordConsultEnded', params: { code: 'CONSULT_ENDED' } }, 'forgetConsult'] },
        ],
      },
    },
    /** CompleteConference sent: the consult leg merges (released, Conferenced), the caller is retrieved. */
    conferencing: {
      ...pending('completeConference'),
      on: {
        ...pending('completeConference').on,
        'genesys.released': { guard: 'isConsultLeg' },
        'genesys.partyAdded': { actions: 'addParty' },
        'genesys.retrieved': { guard: 'isMainLeg', target: '#call.established.talking', actions: ['addConsultParty', 'forgetConsult'] },
      },
    },
    /** ReconnectCall sent: the consult leg is dropped and the caller retrieved. */
    canceling: {
      ...pending('reconnectCall'),
      on: {
        ...pending('reconnectCall').on,
        'genesys.released': { guard: 'isConsultLeg' },
        'genesys.retrieved': { guard: 'isMainLeg', target: '#call.established.talking', actions: 'forgetConsult' },
      },
    },
    /** Back to where the consult stood after a failed or timed-out command; never rests here. */
    resume: {
      always: [
        { guard: 'isTalkingToCaller', target: 'talkingToCaller' },
        { guard: 'isConsultAnswered', target: 'talkingToTarget' },
        { target: 'ringingTarget' },
      ],
    },
  },
});

/**
 * The caller left during a consult: Fusion's engagement is closed with the wrap-up now, and the
 * agent is still connected to the consult target until either side hangs up.
 */
export const consultOnlyState = callState({
  // The caller's ConnID is over: the root stops routing it here, so only the consult leg counts.
  entry: ['closeEngagement', 'endMainLeg'],
  initial: 'connected',
  on: {
    'genesys.released': { guard: 'isConsultLeg', target: '#call.ended', actions: 'forgetConsult' },
    'genesys.established': { guard: 'isConsultLeg', actions: 'markConsultAnswered' },
  },
  states: {
    connected: {
      on: { 'call.hangup': { target: 'hangingUp', actions: ['clearError', 'sendConsultHangup'] } },
    },
    hangingUp: {
      after: { commandDeadline: { target: 'connected', actions: 'recordTimeout' } },
      on: {
        'genesys.commandFailed': { guard: failureOf('hangup'), target: 'connected', actions: 'recordError' },
        'genesys.error': { target: 'connected', actions: 'recordError' },
      },
    },
  },
});

/** The consult ended: back to the caller as Genesys last left them; never rests here. */
export const afterConsultState = callState({
  always: [{ guard: 'isOnHold', target: 'held' }, { target: 'talking' }],
});
