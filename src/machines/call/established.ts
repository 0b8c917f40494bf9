/**
 * A connected call: talking, hold and resume, single-step transfer, DTMF, hang-up, and the
 * conference's parties; a consult (call/consult.ts) is entered from `talking` or `held`.
 */
import { assign, enqueueActions, sendParent } from 'xstate';
import type { CallToParentEvent } from '../call.machine';
import { isTransferred } from '../call-state';
import { afterConsultState, consultingState, consultOnlyState } from './consult';
import { callActions, callGuards, callState } from './define';
import { closeAs, corrected, failureOf, genesysCommand, newCommOf, releasedCallState, settle, snapshotSays, toFusion, toGenesys } from './shared';

const noSuchCall = (command: string) => ({ type: 'isNoSuchCall', params: { command } }) as const;
const consultAs = (kind: 'transfer' | 'conference') => ({ type: 'rememberConsult', params: { kind } }) as const;

export const establishedGuards = callGuards({
  /** The microservice answered 404: it has no such call (restarted, or the call ended unseen). */
  isNoSuchCall: ({ event }, params: { command: string }) =>
    event.type === 'genesys.commandFailed' && event.command === params.command && event.code === 'REST_HTTP_404',
  /** Released with CallState Transferred: the customer went on to the transfer target. */
  isTransferredAway: ({ event }) => isTransferred(releasedCallState(event)),
  hasQueuedDigits: ({ context }) => context.dtmfQueue !== '',
});

export const establishedActions = callActions({
  recordNoSuchCall: assign({ error: ({ event }) => ({ code: 'CALL_GONE', detail: event.type === 'genesys.commandFailed' ? event.message : '' }) }),
  /** Screen pop; an outbound call never offered (no EventDialing seen) is offered first. */
  startInFusion: enqueueActions(({ context, enqueue }) => {
    // A restored call Fusion already started is not started (or offered) again.
    if (context.started) return;
    if (!context.offered) enqueue.sendParent(newCommOf(context));
    enqueue.sendParent(toFusion({ type: 'fusion.cmd.startComm', eventId: context.eventId, direction: context.direction }));
    enqueue.assign({ offered: true, started: true });
  }),
  sendHold: sendParent(({ context }) => genesysCommand(context, 'hold')),
  sendRetrieve: sendParent(({ context }) => genesysCommand(context, 'retrieve')),
  rememberTarget: assign({ target: ({ event, context }) => ('destination' in event ? event.destination.trim() : context.target) }),
  sendSingleStepTransfer: sendParent(({ context }) =>
    toGenesys({ type: 'genesys.cmd.singleStepTransfer', connectionId: context.connectionId ?? '', eventId: context.eventId, destination: context.target ?? '' }),
  ),
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
  removeParty: assign({
    parties: ({ context, event }) => (event.type === 'genesys.partyDeleted' && event.party ? context.parties.filter((party) => party !== event.party) : context.parties),
  }),
});

export const establishedState = callState({
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
});
