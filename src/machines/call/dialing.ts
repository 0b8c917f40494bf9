/**
 * An outbound call before it connects: MakeCall requested, the far end alerting, a cancel, and
 * `failed` (busy, unreachable, refused), which tells Fusion why before the call ends.
 */
import { assign, sendParent } from 'xstate';
import { dialErrorCode, isDialFailure } from '../call-state';
import { callActions, callGuards, callState } from './define';
import { closeAs, corrected, describe, errorOf, failureOf, releasedCallState, settle, snapshotSays, toFusion, toGenesys } from './shared';

export const dialingGuards = callGuards({
  isDialFailure: ({ event }) => isDialFailure(releasedCallState(event)),
});

export const dialingActions = callActions({
  sendMakeCall: sendParent(({ context }) => toGenesys({ type: 'genesys.cmd.makeCall', number: context.number, eventId: context.eventId })),
  recordDialTimeout: assign({ error: { code: 'DIAL_TIMEOUT' } }),
  recordCancelTooLate: assign({ error: { code: 'CANCEL_TOO_LATE' } }),
  recordDialFailure: assign({
    error: ({ event }) => {
      if (event.type === 'genesys.destinationBusy') return { code: 'BUSY' };
      if (event.type === 'genesys.released') return { code: dialErrorCode(event.callState), detail: event.callState };
      return errorOf(event);
    },
  }),
  publishOutboundError: sendParent(({ context }) =>
    toFusion({
      type: 'fusion.cmd.outboundError',
      eventId: context.eventId,
      code: context.error?.code ?? 'DIAL_FAILED',
      message: describe(context.error),
    }),
  ),
});

export const dialingState = callState({
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
});

/** An outbound call that never connected: Fusion hears why, then the call ends. */
export const failedState = callState({
  entry: 'publishOutboundError',
  always: { target: 'ended', actions: closeAs('REJECT') },
});
