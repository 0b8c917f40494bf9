/**
 * How a call begins (`starting`) and an inbound call's ringing: accept, decline, Fusion's offer
 * timeout, and the snapshot corrections of a call that rang while the toolbar was away.
 */
import { assign, enqueueActions, sendParent } from 'xstate';
import type { CallStart } from '../call.types';
import { ringingEndReason } from '../call-state';
import { callActions, callGuards, callState } from './define';
import { closeAs, corrected, failureOf, genesysCommand, releasedCallState, settle, snapshotSays, toFusion } from './shared';

const startsAt = (start: CallStart) => ({ type: 'startsAt', params: { start } }) as const;

export const ringingGuards = callGuards({
  startsAt: ({ context }, params: { start: CallStart }) => context.start === params.start,
});

export const ringingActions = callActions({
  recordDeclineTooLate: assign({ error: { code: 'DECLINE_TOO_LATE' } }),
  sendAccept: sendParent(({ context }) => genesysCommand(context, 'accept')),
  sendReject: enqueueActions(({ context, enqueue }) => {
    enqueue.sendParent(genesysCommand(context, 'reject'));
    enqueue.assign({ endedByAgent: true });
  }),
  /** Close Fusion's offer with TIMEOUT; a later answer offers the call again before the screen pop. */
  withdrawOffer: enqueueActions(({ context, enqueue }) => {
    if (!context.offered) return;
    enqueue.sendParent(toFusion({ type: 'fusion.cmd.closeComm', eventId: context.eventId, reason: 'TIMEOUT' }));
    enqueue.assign({ offered: false });
  }),
  closeAsRingingEnd: assign({ closeReason: ({ event }) => ringingEndReason(releasedCallState(event)) }),
  /** Fusion's pending Accept will not be the outcome: the agent declined before Genesys confirmed it. */
  supersedeFusionRequest: enqueueActions(({ context, enqueue }) => {
    if (!context.fusionRequestId) return;
    enqueue.sendParent(toFusion({ type: 'fusion.cmd.respond', requestId: context.fusionRequestId, ok: false, message: 'DECLINED: the agent declined the call before Genesys confirmed the accept' }));
    enqueue.assign({ fusionRequestId: null });
  }),
});

/** Decline while the Accept is still pending: the Reject goes out now; what Genesys confirms first wins. */
const declineInstead = ['clearError', 'supersedeFusionRequest', 'sendReject'] as const;
const fusionDeclineInstead = ['clearError', 'supersedeFusionRequest', 'rememberFusionRequest', 'sendReject'] as const;

/** Routes to the first real state from how the call began; never rests here. */
export const startingState = callState({
  always: [
    { guard: startsAt('ringing'), target: 'ringing', actions: 'offerToFusion' },
    { guard: startsAt('dialRequested'), target: 'dialing' },
    { guard: startsAt('dialing'), target: 'dialing.alerting', actions: 'offerToFusion' },
    { target: 'established' },
  ],
});

export const ringingState = callState({
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
        'call.reject': { target: 'rejecting', actions: declineInstead },
        'fusion.reject': { target: 'rejecting', actions: fusionDeclineInstead },
        'fusion.hangup': { target: 'rejecting', actions: fusionDeclineInstead },
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
        'genesys.commandFailed': [
          { guard: failureOf('reject'), target: 'alerting', actions: ['recordError', settle(false)] },
          // The Accept the agent declined instead of failed: nothing to tell.
          { guard: failureOf('accept') },
        ],
        'genesys.error': { target: 'alerting', actions: ['recordError', settle(false)] },
      },
    },
  },
});
