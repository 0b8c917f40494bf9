/**
 * The agent region: logged out, registering, available, unavailable, and each change pending
 * until Genesys confirms it (or rolls back with an explained error). After-call work is a state of
 * this region in its own file (wrap-up.ts). Fusion's makeAvailable/makeUnavailable are answered here.
 */
import { assign, enqueueActions, sendTo } from 'xstate';
import { hasCapability } from '../../capabilities';
import type { CodedError } from '../call.types';
import type { AgentPresence, FusionCommand } from '../fusion.types';
import type { GenesysCommand, GenesysCommandName } from '../genesys.types';
import { withNotice } from '../toolbar.index';
import { toolbarActions, toolbarGuards, toolbarState } from './define';
import { fusionCommand, logoutCommand } from './shared';
import { wrappingUpState } from './wrap-up';

const settleAgent = (ok: boolean) => ({ type: 'settleAgentRequest', params: { ok } }) as const;
const agentErrorIs = (code: string) => ({ type: 'agentErrorIs', params: { code } }) as const;
const presenceIs = (presence: AgentPresence) => ({ type: 'settlePresence', params: { presence } }) as const;

type AgentRollbackAction = ReturnType<typeof settleAgent> | ReturnType<typeof agentErrorIs> | 'agentErrorFromEvent' | 'wantLogin';

/** A change Genesys did not confirm in time goes back to where Genesys last said the agent was. */
function backToSettled(actions: AgentRollbackAction[]) {
  return [
    { guard: 'wasUnavailable', target: 'unavailable', actions },
    { target: 'available', actions },
  ] as const;
}

/** The same when the command itself failed (only a failure of that command). */
function backToSettledOnFailure(command: 'notReady' | 'logout', actions: AgentRollbackAction[]) {
  return [
    { guard: { type: 'isFailureWhileUnavailable', params: { command } }, target: 'unavailable', actions },
    { guard: { type: 'isFailureOf', params: { command } }, target: 'available', actions },
  ] as const;
}

export const agentDelays = {
  /** How long register, Ready, NotReady and Logout may stay unanswered. */
  agentDeadline: 8_000,
};

export const agentGuards = toolbarGuards({
  isSignedIn: ({ context }) => context.presence !== 'loggedOut',
  wasUnavailable: ({ context }) => context.presence === 'unavailable',
  hasAgentRequest: ({ context }) => context.agentRequestId !== null,
  wantsLogin: ({ context }) => context.wantsLogin,
  isReadyOnRegister: ({ context }) => context.config.readyOnRegister,
  isFailureOf: ({ event }, params: { command: GenesysCommandName }) =>
    event.type === 'genesys.commandFailed' && event.command === params.command,
  isFailureWhileUnavailable: ({ context, event }, params: { command: GenesysCommandName }) =>
    event.type === 'genesys.commandFailed' && event.command === params.command && context.presence === 'unavailable',
  /** A service that sends no agent events confirms Ready/NotReady/Logout by answering 2xx. */
  isConfirmedByAnswer: ({ context, event }, params: { command: GenesysCommandName }) =>
    event.type === 'genesys.commandAccepted' && event.command === params.command && !hasCapability(context.config, 'agentEvents'),
});

export const agentActions = toolbarActions({
  sendRegister: sendTo('genesys', { type: 'genesys.cmd.register' } satisfies GenesysCommand),
  sendReady: sendTo('genesys', { type: 'genesys.cmd.ready' } satisfies GenesysCommand),
  sendNotReady: sendTo('genesys', ({ context }) =>
    ({ type: 'genesys.cmd.notReady', ...(context.pendingReason ? { reason: context.pendingReason } : {}) }) satisfies GenesysCommand,
  ),
  sendLogout: sendTo('genesys', { type: 'genesys.cmd.logout' } satisfies GenesysCommand),
  settlePresence: assign({ presence: (_, params: { presence: AgentPresence }) => params.presence }),
  /** The reason asked for; it becomes the agent's reason only when Genesys confirms. */
  rememberPendingReason: assign({
    pendingReason: ({ event }) =>
      event.type === 'agent.goUnavailable' || event.type === 'fusion.makeUnavailable' ? (event.reason ?? null) : null,
  }),
  commitReason: assign({
    notReadyReason: ({ event, context }) => {
      if (event.type === 'genesys.agentNotReady') return event.reason ?? context.pendingReason ?? null;
      // Confirmed by the 2xx answer alone: the reason is the one asked for.
      return event.type === 'genesys.commandAccepted' ? context.pendingReason : context.notReadyReason;
    },
    pendingReason: null,
  }),
  noteLinkDown: assign({ notReadyReason: 'LINK_DOWN' }),
  rememberAgentRequest: assign({
    agentRequestId: ({ event }) => ('requestId' in event ? event.requestId : null),
  }),
  /** Answer Fusion's makeAvailable/makeUnavailable once Genesys has settled it. */
  settleAgentRequest: enqueueActions(({ context, enqueue }, params: { ok: boolean }) => {
    if (!context.agentRequestId) return;
    const message = context.agentError ? `${context.agentError.code}${context.agentError.detail ? `: ${context.agentError.detail}` : ''}` : undefined;
    enqueue.sendTo('fusion', {
      type: 'fusion.cmd.respond',
      requestId: context.agentRequestId,
      ok: params.ok,
      ...(params.ok || !message ? {} : { message }),
    } satisfies FusionCommand);
    enqueue.assign({ agentRequestId: null });
  }),
  refuseAgentRequest: sendTo('fusion', ({ event, context }) =>
    fusionCommand({
      type: 'fusion.cmd.respond',
      requestId: 'requestId' in event ? event.requestId : '',
      ok: false,
      message: context.online ? `NOT_ALLOWED: ${event.type} is not possible now` : 'OFFLINE: Genesys is not connected',
    }),
  ),
  agentErrorFromEvent: assign({
    agentError: ({ event }): CodedError | null => {
      if (event.type === 'genesys.commandFailed') return { code: event.code, detail: event.message };
      if (event.type === 'genesys.error') return { code: 'GENESYS_ERROR', detail: `${event.code} ${event.message}`.trim() };
      return null;
    },
  }),
  agentErrorIs: assign({ agentError: (_, params: { code: string }): CodedError => ({ code: params.code }) }),
  clearAgentError: assign({ agentError: null }),
  wantLogin: assign({ wantsLogin: true }),
  wantLogout: assign({ wantsLogin: false }),
  noteCallsActive: assign(({ context }) => withNotice(context, { code: 'CALLS_ACTIVE' }, Date.now())),
});

export const agentState = toolbarState({
  initial: 'loggedOut',
  on: {
    // Every (re)connection registers again, unless the agent logged out on purpose.
    'genesys.connected': { guard: 'wantsLogin', target: '.registering', actions: settleAgent(false) },
    'genesys.agentLogout': { target: '.loggedOut', actions: settleAgent(false) },
    // A fresh sign-in to the bridge means the agent wants to work, even after a logout.
    'genesys.signedIn': { actions: 'wantLogin' },
    'genesys.unregistered': { target: '.loggedOut', actions: settleAgent(false) },
    // Only a signed-in agent becomes unavailable; a logged-out one stays logged out.
    'genesys.linkDisconnected': { guard: 'isSignedIn', target: '.unavailable', actions: ['noteLinkDown', settleAgent(false)] },
    'genesys.linkConnected': { guard: 'wantsLogin', target: '.registering', actions: settleAgent(false) },
    // While a change is pending, another Fusion agent command is answered, never left hanging.
    'fusion.makeAvailable': { actions: 'refuseAgentRequest' },
    'fusion.makeUnavailable': { actions: 'refuseAgentRequest' },
    'agent.dismissError': { actions: 'clearAgentError' },
    // A failure no pending agent state waits on (late, or for a command since settled) is still shown.
    'genesys.commandFailed': { guard: 'isAgentCommandFailure', actions: 'noteEvent' },
  },
  states: {
    loggedOut: {
      entry: [presenceIs('loggedOut'), 'publishAgentState'],
      on: {
        'agent.login': [
          { guard: 'isOnline', target: 'registering', actions: 'wantLogin' },
          { actions: ['wantLogin', 'noteOffline'] },
        ],
        'agent.goAvailable': [
          { guard: 'isOnline', target: 'registering', actions: 'wantLogin' },
          { actions: 'noteOffline' },
        ],
        'fusion.makeAvailable': [
          { guard: 'isOnline', target: 'registering', actions: ['wantLogin', 'rememberAgentRequest'] },
          { actions: 'refuseAgentRequest' },
        ],
        'fusion.makeUnavailable': { actions: 'refuseAgentRequest' },
      },
    },
    registering: {
      entry: ['clearAgentError', 'sendRegister'],
      after: {
        agentDeadline: { target: 'loggedOut', actions: [agentErrorIs('REGISTER_TIMEOUT'), settleAgent(false)] },
      },
      on: {
        'genesys.registered': [
          { guard: 'isReadyOnRegister', target: 'available', actions: settleAgent(true) },
          { target: 'unavailable', actions: settleAgent(true) },
        ],
        'genesys.agentReady': { target: 'available', actions: settleAgent(true) },
        'genesys.agentNotReady': { target: 'unavailable', actions: ['commitReason', settleAgent(true)] },
        'genesys.commandFailed': {
          guard: { type: 'isFailureOf', params: { command: 'register' } },
          target: 'loggedOut',
          actions: ['agentErrorFromEvent', settleAgent(false)],
        },
        'fusion.makeAvailable': [
          { guard: 'hasAgentRequest', actions: 'refuseAgentRequest' },
          { actions: 'rememberAgentRequest' },
        ],
      },
    },
    available: {
      entry: [presenceIs('available'), 'publishAgentState'],
      on: {
        'agent.goUnavailable': [
          { guard: 'isOnline', target: 'goingUnavailable', actions: 'rememberPendingReason' },
          { actions: 'noteOffline' },
        ],
        'fusion.makeUnavailable': [
          { guard: 'isOnline', target: 'goingUnavailable', actions: ['rememberPendingReason', 'rememberAgentRequest'] },
          { actions: 'refuseAgentRequest' },
        ],
        'fusion.makeAvailable': { actions: ['rememberAgentRequest', settleAgent(true)] },
        'agent.logout': logoutCommand,
        'genesys.agentNotReady': { target: 'unavailable', actions: 'commitReason' },
        'call.ended': { guard: 'startsWrapUp', target: 'wrappingUp', actions: 'beginWrapUp' },
      },
    },
    wrappingUp: wrappingUpState,
    unavailable: {
      entry: [presenceIs('unavailable'), 'publishAgentState'],
      on: {
        'agent.goAvailable': [{ guard: 'isOnline', target: 'goingAvailable' }, { actions: 'noteOffline' }],
        'fusion.makeAvailable': [
          { guard: 'isOnline', target: 'goingAvailable', actions: 'rememberAgentRequest' },
          { actions: 'refuseAgentRequest' },
        ],
        'fusion.makeUnavailable': { actions: ['rememberAgentRequest', settleAgent(true)] },
        // A new reason while not ready is a NotReady with that reason.
        'agent.goUnavailable': [
          { guard: 'isOnline', target: 'goingUnavailable', actions: 'rememberPendingReason' },
          { actions: 'noteOffline' },
        ],
        'agent.logout': logoutCommand,
        'genesys.agentReady': { target: 'available' },
        'genesys.agentNotReady': { target: 'unavailable', reenter: true, actions: 'commitReason' },
        'call.ended': { guard: 'startsWrapUp', target: 'wrappingUp', actions: 'beginWrapUp' },
      },
    },
    goingAvailable: {
      entry: ['clearAgentError', 'sendReady'],
      after: {
        agentDeadline: { target: 'unavailable', actions: [agentErrorIs('AGENT_TIMEOUT'), settleAgent(false)] },
      },
      on: {
        'genesys.agentReady': { target: 'available', actions: settleAgent(true) },
        'genesys.registered': { target: 'available', actions: settleAgent(true) },
        'genesys.commandAccepted': { guard: { type: 'isConfirmedByAnswer', params: { command: 'ready' } }, target: 'available', actions: settleAgent(true) },
        'genesys.agentNotReady': {
          target: 'unavailable',
          actions: ['commitReason', agentErrorIs('AGENT_REFUSED'), settleAgent(false)],
        },
        'genesys.commandFailed': {
          guard: { type: 'isFailureOf', params: { command: 'ready' } },
          target: 'unavailable',
          actions: ['agentErrorFromEvent', settleAgent(false)],
        },
      },
    },
    goingUnavailable: {
      entry: ['clearAgentError', 'sendNotReady'],
      after: {
        agentDeadline: backToSettled([agentErrorIs('AGENT_TIMEOUT'), settleAgent(false)]),
      },
      on: {
        'genesys.agentNotReady': { target: 'unavailable', actions: ['commitReason', settleAgent(true)] },
        'genesys.commandAccepted': {
          guard: { type: 'isConfirmedByAnswer', params: { command: 'notReady' } },
          target: 'unavailable',
          actions: ['commitReason', settleAgent(true)],
        },
        'genesys.agentReady': { target: 'available', actions: [agentErrorIs('AGENT_REFUSED'), settleAgent(false)] },
        'genesys.commandFailed': backToSettledOnFailure('notReady', ['agentErrorFromEvent', settleAgent(false)]),
      },
    },
    loggingOut: {
      entry: ['clearAgentError', 'sendLogout'],
      after: {
        agentDeadline: backToSettled([agentErrorIs('AGENT_TIMEOUT'), 'wantLogin']),
      },
      on: {
        'genesys.commandAccepted': { guard: { type: 'isConfirmedByAnswer', params: { command: 'logout' } }, target: 'loggedOut' },
        'genesys.commandFailed': backToSettledOnFailure('logout', ['agentErrorFromEvent', 'wantLogin']),
      },
    },
  },
});
