/**
 * The end of a call: Fusion is told why (closeCommEvent, or an outbound error for a dial it was
 * never offered), any waiting UEF request is answered, and the parent hears `call.ended`.
 */
import { enqueueActions, sendParent } from 'xstate';
import type { CallToParentEvent } from '../call.machine';
import type { CallContext, CallOutput } from '../call.types';
import type { CloseReason } from '../fusion.types';
import { callActions, callState } from './define';
import { fusionResponse, toFusion } from './shared';

/** A Fusion request ends well if the call ended the way it asked (declined, hung up, cancelled). */
const REQUESTED_ENDS: CloseReason[] = ['REJECT', 'WRAPUP', 'CANCELED'];

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

export const endedActions = callActions({
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
  reportEnded: sendParent(({ context }): CallToParentEvent => ({ type: 'call.ended', key: context.key, output: outputOf(context) })),
});

/**
 * The end: Fusion is told why, then the parent hears `call.ended` and stops this actor.
 * Not `type: 'final'` on purpose: a final child sends its parent `xstate.done.actor.<id>`, an
 * event type unique per call, and XState memoises transition candidates per event type on
 * every state node for ever — about 1 KB leaked per call (measured by `npm run bench`).
 */
export const endedState = callState({
  entry: ['closeInFusion', 'reportEnded'],
});
