/**
 * What more than one phase of a call uses: the commands it sends through its parent, the
 * parameterised names its transitions write, and the guards and actions its phases share.
 */
import { assign, enqueueActions, sendParent } from 'xstate';
import type { CallToParentEvent } from '../call.machine';
import type { CallContext, CallEvent, CallInput, CodedError } from '../call.types';
import type { GenesysCommand, SnapshotCallState } from '../genesys.types';
import type { CloseReason, FusionCommand } from '../fusion.types';
import { callActions, callGuards } from './define';

type CallVerb = 'accept' | 'reject' | 'hangup' | 'hold' | 'retrieve';

export function genesysCommand(context: CallContext, verb: CallVerb): CallToParentEvent {
  return toGenesys({ type: `genesys.cmd.${verb}`, connectionId: context.connectionId ?? '', eventId: context.eventId });
}

export function toGenesys(command: GenesysCommand): CallToParentEvent {
  return { type: 'call.sendGenesys', command };
}

export function toFusion(command: FusionCommand): CallToParentEvent {
  return { type: 'call.sendFusion', command };
}

export function errorOf(event: CallEvent): CodedError {
  if (event.type === 'genesys.error') return { code: 'GENESYS_ERROR', detail: `${event.code} ${event.message}`.trim() };
  if (event.type === 'genesys.commandFailed') return { code: event.code, detail: event.message };
  return { code: 'UNEXPECTED_EVENT', detail: event.type };
}

export function describe(error: CodedError | null): string {
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

export function newCommOf(context: CallContext): CallToParentEvent {
  return toFusion(newCommCommand(context));
}

export function fusionResponse(context: CallContext, ok: boolean): CallToParentEvent {
  return toFusion({
    type: 'fusion.cmd.respond',
    requestId: context.fusionRequestId ?? '',
    ok,
    ...(ok ? {} : { message: describe(context.error) }),
  });
}

export function releasedCallState(event: CallEvent): string | undefined {
  return event.type === 'genesys.released' ? event.callState : undefined;
}

/** The ConnID a Genesys event names, if any. */
export const connectionOf = (event: CallEvent): string | undefined =>
  'connectionId' in event && typeof event.connectionId === 'string' && event.type.startsWith('genesys.') ? event.connectionId : undefined;

export const failureOf = (command: string) => ({ type: 'isFailureOf', params: { command } }) as const;
export const closeAs = (reason: CloseReason) => ({ type: 'closeAs', params: { reason } }) as const;
export const settle = (ok: boolean) => ({ type: 'settleFusionRequest', params: { ok } }) as const;
export const snapshotSays = (state: SnapshotCallState) => ({ type: 'snapshotSays', params: { state } }) as const;
export const corrected = (correction: string) => ({ type: 'reportCorrection', params: { correction } }) as const;

export const sharedGuards = callGuards({
  /** A failure is the pending state's only if it names the command it waits on (or is a T-Server error). */
  isFailureOf: ({ event }, params: { command: string }) =>
    event.type === 'genesys.error' || (event.type === 'genesys.commandFailed' && event.command === params.command),
  isOnHold: ({ context }) => context.onHold,
  snapshotSays: ({ event }, params: { state: SnapshotCallState }) => event.type === 'resync.present' && event.state === params.state,
});

export const sharedActions = callActions({
  stampPhase: assign({ since: ({ context }) => context.restoredSince ?? Date.now(), restoredSince: null }),
  reportCorrection: sendParent(({ context }, params: { correction: string }): CallToParentEvent => ({
    type: 'call.corrected',
    key: context.key,
    correction: params.correction,
  })),
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
  clearError: assign({ error: null }),
  sendHangup: enqueueActions(({ context, enqueue }) => {
    enqueue.sendParent(genesysCommand(context, 'hangup'));
    enqueue.assign({ endedByAgent: true });
  }),
  offerToFusion: enqueueActions(({ context, enqueue }) => {
    if (context.offered) return;
    enqueue.sendParent(newCommOf(context));
    enqueue.assign({ offered: true });
  }),
  closeAs: assign({ closeReason: (_, params: { reason: CloseReason }) => params.reason }),
  /** Outbound: learn the ConnID once Genesys assigns it; PartyChanged: follow the new one. */
  bindConnection: assign({ connectionId: ({ event, context }) => connectionOf(event) ?? context.connectionId }),
  markOnHold: assign({ onHold: true }),
  markOffHold: assign({ onHold: false }),
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
  // The agent handed the caller on: for the card, the agent ended this leg.
  closeAsTransferred: assign({ closeReason: ({ context }) => context.transferCloseReason, endedByAgent: true }),
  addParty: assign({
    parties: ({ context, event }) => {
      const party = event.type === 'genesys.partyAdded' ? (event.party ?? context.consult?.destination) : undefined;
      return party && !context.parties.includes(party) ? [...context.parties, party].slice(-8) : context.parties;
    },
  }),
});
