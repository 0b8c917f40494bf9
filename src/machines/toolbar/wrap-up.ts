/**
 * After-call work, a state of the agent region: when a connected call ends the agent goes
 * NotReady (workMode AfterCallWork) and, with Done, Fusion's WRAPUP_CLOSED or the limit, returns
 * to where they were; with the guards, actions and delay only it uses.
 */
import { assertEvent, assign, sendTo } from 'xstate';
import { hasCapability } from '../../capabilities';
import type { GenesysCommand } from '../genesys.types';
import type { ToolbarContext, ToolbarEvent } from '../toolbar.types';
import { targetKey } from './call-lookup';
import { toolbarActions, toolbarGuards, toolbarState } from './define';
import { logoutCommand } from './shared';

/** A connected call ended and nothing else is on the toolbar: wrap-up starts (if configured). */
export function startsWrapUp({ context, event }: { context: ToolbarContext; event: ToolbarEvent }): boolean {
  if (event.type !== 'call.ended' || !context.config.afterCallWork || !hasCapability(context.config, 'afterCallWork')) return false;
  return event.output.connected === true && Object.keys(context.calls).every((key) => key === event.key);
}

/** Fusion's Wrap Up for the call the agent is wrapping up was saved or closed. */
export function isWrapUpCall({ context, event }: { context: ToolbarContext; event: ToolbarEvent }): boolean {
  return event.type === 'fusion.wrapupClosed' && context.wrapUp !== null && context.wrapUp.eventId === event.eventId;
}

/** The wrap-up of the call that just ended: its customer, its Fusion limit (SVCMCA_WRAPUP_TIMEOUT) or ours. */
export function wrapUpOf(context: ToolbarContext, event: ToolbarEvent, keepBefore: boolean): ToolbarContext['wrapUp'] {
  if (event.type !== 'call.ended') return context.wrapUp;
  const entry = Object.hasOwn(context.calls, event.key) ? context.calls[event.key] : undefined;
  const before = keepBefore && context.wrapUp ? context.wrapUp.before : { presence: context.presence === 'available' ? 'available' : 'unavailable', reason: context.notReadyReason } as const;
  // The customer stays named on the wrap-up after the ended card goes (issue 23).
  const { number, contact } = event.output;
  return { eventId: event.output.eventId, limitMs: entry?.wrapUpLimitMs ?? context.config.wrapUpLimitMs, since: Date.now(), before, number, contact };
}

export const wrapUpDelays = {
  /** After-call work ends by itself after this (Fusion's SVCMCA_WRAPUP_TIMEOUT, else config.wrapUpSec). */
  wrapUpLimit: ({ context }: { context: ToolbarContext }) => context.wrapUp?.limitMs ?? context.config.wrapUpLimitMs,
};

export const wrapUpGuards = toolbarGuards({
  startsWrapUp: ({ context, event }) => startsWrapUp({ context, event }),
  isWrapUpCall: ({ context, event }) => isWrapUpCall({ context, event }),
  wasAvailableBeforeWrapUp: ({ context }) => context.wrapUp?.before.presence === 'available',
});

export const wrapUpActions = toolbarActions({
  beginWrapUp: assign({ wrapUp: ({ context, event }) => wrapUpOf(context, event, false) }),
  extendWrapUp: assign({ wrapUp: ({ context, event }) => wrapUpOf(context, event, true) }),
  enterWrapUp: assign({
    presence: 'unavailable',
    notReadyReason: 'AfterCallWork',
    wrapUp: ({ context }) => (context.wrapUp ? { ...context.wrapUp, since: Date.now() } : null),
  }),
  endWrapUp: assign({ wrapUp: null }),
  /** Fusion's SVCMCA_WRAPUP_TIMEOUT for one call (the calls region hears it): its wrap-up's limit. */
  rememberWrapUpLimit: assign({
    calls: ({ context, event }) => {
      assertEvent(event, 'fusion.wrapupTimeout');
      const key = targetKey(context, event);
      const entry = key ? context.calls[key] : undefined;
      return key && entry ? { ...context.calls, [key]: { ...entry, wrapUpLimitMs: event.seconds * 1000 } } : context.calls;
    },
  }),
  /** Back to NotReady with the reason the agent had before the wrap-up. */
  restoreReason: assign({ pendingReason: ({ context }) => context.wrapUp?.before.reason ?? null }),
  sendWrapUpNotReady: sendTo('genesys', { type: 'genesys.cmd.notReady', workMode: 'AfterCallWork' } satisfies GenesysCommand),
});

const goBack = [
  { guard: 'wasAvailableBeforeWrapUp', target: '#toolbar.agent.goingAvailable' },
  { target: '#toolbar.agent.goingUnavailable' },
] as const;

export const wrappingUpState = toolbarState({
  initial: 'requesting',
  exit: 'endWrapUp',
  on: {
    // The agent's own choice ends the wrap-up early.
    'agent.goAvailable': [{ guard: 'isOnline', target: 'goingAvailable' }, { actions: 'noteOffline' }],
    'agent.goUnavailable': [{ guard: 'isOnline', target: 'goingUnavailable', actions: 'rememberPendingReason' }, { actions: 'noteOffline' }],
    'fusion.makeAvailable': [
      { guard: 'isOnline', target: 'goingAvailable', actions: 'rememberAgentRequest' },
      { actions: 'refuseAgentRequest' },
    ],
    'agent.logout': logoutCommand,
    // Made ready on the softphone: the wrap-up is over.
    'genesys.agentReady': { target: 'available' },
  },
  states: {
    /** NotReady (AfterCallWork) sent; the agent is still where they were until Genesys confirms. */
    requesting: {
      entry: ['clearAgentError', 'sendWrapUpNotReady'],
      after: {
        agentDeadline: [
          { guard: 'wasUnavailable', target: '#toolbar.agent.unavailable', actions: { type: 'agentErrorIs', params: { code: 'AGENT_TIMEOUT' } } },
          { target: '#toolbar.agent.available', actions: { type: 'agentErrorIs', params: { code: 'AGENT_TIMEOUT' } } },
        ],
      },
      on: {
        'genesys.agentNotReady': { target: 'active' },
        'genesys.commandAccepted': { guard: { type: 'isConfirmedByAnswer', params: { command: 'notReady' } }, target: 'active' },
        'genesys.commandFailed': [
          { guard: { type: 'isFailureWhileUnavailable', params: { command: 'notReady' } }, target: '#toolbar.agent.unavailable', actions: 'agentErrorFromEvent' },
          { guard: { type: 'isFailureOf', params: { command: 'notReady' } }, target: '#toolbar.agent.available', actions: 'agentErrorFromEvent' },
        ],
      },
    },
    /** In wrap-up: the timer runs; Done, Fusion's WRAPUP_CLOSED or the limit end it. */
    active: {
      entry: ['enterWrapUp', 'publishAgentState'],
      after: { wrapUpLimit: { target: 'returning' } },
      on: {
        'agent.wrapUpDone': { target: 'returning' },
        'fusion.wrapupClosed': { guard: 'isWrapUpCall', target: 'returning' },
        // Another connected call ended meanwhile: its wrap-up follows, from now.
        'call.ended': { guard: 'startsWrapUp', target: 'active', reenter: true, actions: 'extendWrapUp' },
      },
    },
    /** Back to the state before the wrap-up (Ready, or NotReady with its reason); never rests here. */
    returning: {
      entry: 'restoreReason',
      always: goBack,
    },
  },
});
