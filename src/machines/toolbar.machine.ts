/**
 * The toolbar statechart: where the agent, the Genesys link, Fusion and every call stand.
 * Four parallel regions; calls are child actors (call.machine.ts) keyed by their first ConnID.
 * Genesys and Fusion are injected actors (`provide({ actors: { genesys, fusion } })`).
 */
import { assertEvent, assign, emit, enqueueActions, sendTo, setup, stateIn, type AnyActorRef } from 'xstate';
import { callMachine, newCommCommand } from './call.machine';
import type { CallInput, CodedError } from './call.types';
import { fusionPlaceholder, genesysPlaceholder } from './actors.types';
import type { AgentPresence, FusionCommand } from './fusion.types';
import type { GenesysCommand, GenesysCommandName } from './genesys.types';
import { connectionCallKey, dialCallKey, isCallKey, newEventId } from './ids';
import { reasonLabel } from './reasons';
import { isWrapUpCall, startsWrapUp, wrapUpOf, wrappingUpState } from './toolbar/wrap-up';
import { hasCapability, type Capability } from '../capabilities';
import {
  isRecent, keyByConnection, keyByEvent, MAX_ENDED_CONNECTIONS, MAX_SEEN_EVENT_IDS, otherCallWith, withCall, withConnection, withEnding, withNotice, withoutCall, withoutEnding, withRecent,
} from './toolbar.index';
import { eventsCreating, observationFor, unknownCalls } from './resync';
import type { CallEntry, ToolbarContext, ToolbarEmitted, ToolbarEvent, ToolbarInput } from './toolbar.types';

const AGENT_COMMANDS: GenesysCommandName[] = ['register', 'ready', 'notReady', 'logout'];

function eventConnectionId(event: ToolbarEvent): string | undefined {
  return 'connectionId' in event && typeof event.connectionId === 'string' && event.connectionId ? event.connectionId : undefined;
}

/** The call an event names: by ConnID, by Fusion eventId, or by the UI's key. */
function targetKey(context: ToolbarContext, event: ToolbarEvent): string | undefined {
  if ('key' in event && typeof event.key === 'string') return Object.hasOwn(context.calls, event.key) ? event.key : undefined;
  const connectionId = eventConnectionId(event);
  if (connectionId) {
    const byConnection = keyByConnection(context, connectionId);
    if (byConnection) return byConnection;
  }
  // Genesys correlates on ConnID; only Fusion commands and a failed POST name a call by eventId.
  const byEventId = event.type.startsWith('fusion.') || event.type === 'genesys.commandFailed';
  if (byEventId && 'eventId' in event && typeof event.eventId === 'string') return keyByEvent(context, event.eventId);
  return undefined;
}

/** The eventId Genesys gave, unless Fusion has seen it this session (the public mock reuses stale ones). */
function freshEventId(context: ToolbarContext, eventId: string | undefined): string {
  // Fusion keys an engagement (and its pending Wrap Up) by eventId: one it has seen is never reused.
  return eventId && !isRecent(context.seenEventIds, eventId) && keyByEvent(context, eventId) === undefined ? eventId : newEventId();
}

/** Two renderings of one number: same digits, or one ends with the other (country or trunk prefix). */
function sameNumber(a: string, b: string): boolean {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  if (x === '' || y === '') return false;
  return x === y || (Math.min(x.length, y.length) >= 7 && (x.endsWith(y) || y.endsWith(x)));
}

/**
 * A dial the toolbar asked for that Genesys has not named yet, which this dialing/established
 * event answers: by the eventId MakeCall carried, else by the number dialled. Never a guess.
 */
function dialRequestKey(context: ToolbarContext, event: ToolbarEvent): string | undefined {
  if (event.type !== 'genesys.dialing' && event.type !== 'genesys.established') return undefined;
  if (keyByConnection(context, event.connectionId)) return undefined;
  const pending = Object.entries(context.calls).filter(([, entry]) => entry.connectionIds.length === 0);
  const byEventId = event.eventId ? pending.find(([, entry]) => entry.eventId === event.eventId) : undefined;
  if (byEventId) return byEventId[0];
  const number = event.type === 'genesys.dialing' ? event.number : event.ani;
  if (!number) return undefined;
  return pending.find(([, entry]) => entry.dialled !== undefined && sameNumber(entry.dialled, number))?.[0];
}

/** DTMF the keypad may send: 0-9 * # only, at most 32 at once. */
export function isDtmf(digits: string): boolean {
  return /^[0-9*#]{1,32}$/.test(digits);
}

/** A call control for a capability: unsupported, offline, invalid input, or forwarded to the call. */
function callControl(capability: Capability, check: 'isDialableDestination' | 'isDtmfDigits') {
  return [
    { guard: { type: 'lacks', params: { capability } }, actions: 'noteUnsupported' },
    { guard: 'isOffline', actions: 'noteOffline' },
    { guard: { type: 'isInvalid', params: { check } }, actions: 'noteEvent' },
    { actions: 'forwardToCall' },
  ] as const;
}

/** A consult step (complete, cancel, swap): unsupported, offline, or the call decides. */
function consultStep(capability: Capability) {
  return [
    { guard: { type: 'lacks', params: { capability } }, actions: 'noteUnsupported' },
    { guard: 'isOffline', actions: 'noteOffline' },
    { actions: 'forwardToCall' },
  ] as const;
}

/** EventDialing of a consult leg: it names a held call the toolbar has (previousConnectionId). */
function consultParentKey(context: ToolbarContext, event: ToolbarEvent): string | undefined {
  if (event.type !== 'genesys.dialing' || !event.previousConnectionId || keyByConnection(context, event.connectionId)) return undefined;
  return keyByConnection(context, event.previousConnectionId);
}

/** A phone number the agent can dial: digits with optional + and separators, 2-20 digits. */
export function isDialable(number: string): boolean {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, '').length;
  return /^\+?[\d\s().\-*#]+$/.test(trimmed) && digits >= 2 && digits <= 20;
}

/** Fusion's accept/reject/hang-up: refused offline or for an unknown call, else the call decides. */
const fusionCallCommand = [
  { guard: 'isOffline', actions: 'refuseOfflineFusionCall' },
  { guard: 'isKnownCall', actions: 'forwardToCall' },
  { actions: 'refuseUnknownFusionCall' },
] as const;

/** Logging out with a live call would strand it: refused until the calls are done. */
const logoutCommand = [
  { guard: 'isOffline', actions: 'noteOffline' },
  { guard: 'hasNoCalls', target: 'loggingOut', actions: 'wantLogout' },
  { actions: 'noteCallsActive' },
] as const;

type AgentRollbackAction = ReturnType<typeof settleAgent> | { type: 'agentErrorIs'; params: { code: string } } | 'agentErrorFromEvent' | 'wantLogin';

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

const settleAgent = (ok: boolean) => ({ type: 'settleAgentRequest', params: { ok } }) as const;

/** The id of an ended call's delayed removal, to cancel it when the card goes early. */
const endingTimer = (key: string) => `ending:${key}`;

function fusionCommand(command: FusionCommand): FusionCommand {
  return command;
}

export const toolbarMachine = setup({
  types: {
    context: {} as ToolbarContext,
    events: {} as ToolbarEvent,
    input: {} as ToolbarInput,
    emitted: {} as ToolbarEmitted,
  },
  actors: {
    genesys: genesysPlaceholder,
    fusion: fusionPlaceholder,
    call: callMachine,
  },
  delays: {
    /** How long register, Ready, NotReady and Logout may stay unanswered. */
    agentDeadline: 8_000,
    /** How long an ended call's card stays ("Caller hung up") before it goes. */
    endingLinger: 4_000,
    /** After-call work ends by itself after this (Fusion's SVCMCA_WRAPUP_TIMEOUT, else config.wrapUpSec). */
    wrapUpLimit: ({ context }) => context.wrapUp?.limitMs ?? context.config.wrapUpLimitMs,
  },
  guards: {
    startsWrapUp: ({ context, event }) => startsWrapUp({ context, event }),
    isWrapUpCall: ({ context, event }) => isWrapUpCall({ context, event }),
    wasAvailableBeforeWrapUp: ({ context }) => context.wrapUp?.before.presence === 'available',
    isOnline: ({ context }) => context.online,
    hasNoCalls: ({ context }) => Object.keys(context.calls).length === 0,
    isSignedIn: ({ context }) => context.presence !== 'loggedOut',
    wasUnavailable: ({ context }) => context.presence === 'unavailable',
    hasAgentRequest: ({ context }) => context.agentRequestId !== null,
    isOffline: ({ context }) => !context.online,
    isDialable: ({ event }) => 'number' in event && typeof event.number === 'string' && isDialable(event.number),
    wantsLogin: ({ context }) => context.wantsLogin,
    isReadyOnRegister: ({ context }) => context.config.readyOnRegister,
    isKnownCall: ({ context, event }) => targetKey(context, event) !== undefined,
    isDialAnswer: ({ context, event }) => dialRequestKey(context, event) !== undefined,
    /** A consult leg of a call the toolbar has: it joins that call, never a new Fusion engagement. */
    isConsultDialing: ({ context, event }) => consultParentKey(context, event) !== undefined,
    /** PartyChanged onto a ConnID another live call has: one ConnID may never name two calls. */
    isPartyConflict: ({ context, event }) =>
      event.type === 'genesys.partyChanged' && otherCallWith(context, event.connectionId, keyByConnection(context, event.previousConnectionId)) !== undefined,
    /** A call event for a call that just ended (the EventReleased after EventAbandoned/Busy). */
    isJustEnded: ({ context, event }) => {
      const connectionId = eventConnectionId(event);
      return connectionId !== undefined && isRecent(context.endedConnections, connectionId);
    },
    isKnownPreviousConnection: ({ context, event }) =>
      event.type === 'genesys.partyChanged' && keyByConnection(context, event.previousConnectionId) !== undefined,
    isAgentCommandFailure: ({ event }) => event.type === 'genesys.commandFailed' && AGENT_COMMANDS.includes(event.command),
    isSnapshotFailure: ({ event }) => event.type === 'genesys.commandFailed' && event.command === 'snapshot',
    isFailureOf: ({ event }, params: { command: GenesysCommandName }) =>
      event.type === 'genesys.commandFailed' && event.command === params.command,
    isFailureWhileUnavailable: ({ context, event }, params: { command: GenesysCommandName }) =>
      event.type === 'genesys.commandFailed' && event.command === params.command && context.presence === 'unavailable',
    /** A service that sends no agent events confirms Ready/NotReady/Logout by answering 2xx. */
    isConfirmedByAnswer: ({ context, event }, params: { command: GenesysCommandName }) =>
      event.type === 'genesys.commandAccepted' && event.command === params.command && !hasCapability(context.config, 'agentEvents'),
    lacks: ({ context }, params: { capability: Capability }) => !hasCapability(context.config, params.capability),
    /** The destination or digits a call control carries fail their check. */
    isInvalid: ({ event }, params: { check: 'isDialableDestination' | 'isDtmfDigits' }) => {
      if (params.check === 'isDtmfDigits') return !('digits' in event && typeof event.digits === 'string' && isDtmf(event.digits));
      return !('destination' in event && typeof event.destination === 'string' && isDialable(event.destination));
    },

  },
  actions: {
    // ---- adapters ----
    sendRegister: sendTo('genesys', { type: 'genesys.cmd.register' } satisfies GenesysCommand),
    sendReady: sendTo('genesys', { type: 'genesys.cmd.ready' } satisfies GenesysCommand),
    sendNotReady: sendTo('genesys', ({ context }) =>
      ({ type: 'genesys.cmd.notReady', ...(context.pendingReason ? { reason: context.pendingReason } : {}) }) satisfies GenesysCommand,
    ),
    sendLogout: sendTo('genesys', { type: 'genesys.cmd.logout' } satisfies GenesysCommand),
    forwardToGenesys: sendTo('genesys', ({ event }) => {
      assertEvent(event, 'call.sendGenesys');
      return event.command;
    }),
    /**
     * Hands a command to the Fusion adapter as it runs, not once the transition is taken (what
     * sendTo does, after the spawned call actor computed its initial state): issue 13, ring → offer.
     */
    offerNow: ({ system }, params: { command: FusionCommand }) => {
      (system.get('fusion') as AnyActorRef | undefined)?.send(params.command);
    },
    forwardToFusion: sendTo('fusion', ({ event }) => {
      assertEvent(event, 'call.sendFusion');
      return event.command;
    }),
    publishAgentState: sendTo('fusion', ({ context }) => {
      const reason = context.presence === 'unavailable' ? context.notReadyReason : null;
      const label = reason ? reasonLabel(context.config, reason) : undefined;
      return fusionCommand({
        type: 'fusion.cmd.agentState',
        presence: context.presence,
        ...(reason ? { reason } : {}),
        ...(label ? { reasonLabel: label } : {}),
      });
    }),
    // ---- agent ----
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
    // ---- after-call work (toolbar/wrap-up.ts) ----
    beginWrapUp: assign({ wrapUp: ({ context, event }) => wrapUpOf(context, event, false) }),
    extendWrapUp: assign({ wrapUp: ({ context, event }) => wrapUpOf(context, event, true) }),
    enterWrapUp: assign({
      presence: 'unavailable',
      notReadyReason: 'AfterCallWork',
      wrapUp: ({ context }) => (context.wrapUp ? { ...context.wrapUp, since: Date.now() } : null),
    }),
    endWrapUp: assign({ wrapUp: null }),
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
    // ---- connection ----
    rememberReconnect: assign({
      online: false,
      reconnect: ({ event }) => {
        assertEvent(event, 'genesys.disconnected');
        return { attempt: event.attempt, retryAt: Date.now() + event.retryInMs, reason: event.reason };
      },
    }),
    forgetReconnect: assign({ reconnect: null }),
    goOnline: assign({ online: true }),
    goOffline: assign({ online: false }),
    // ---- fusion ----
    rememberFusionError: assign({
      fusionError: ({ event }): CodedError | null => {
        if (event.type === 'fusion.failed') return { code: event.code, detail: event.message };
        if (event.type === 'fusion.absent') return { code: 'FUSION_ABSENT', detail: event.reason };
        return null;
      },
    }),
    // ---- calls ----
    spawnCall: enqueueActions(({ context, event, enqueue }) => {
      let input: CallInput;
      const base = { ringCeilingMs: context.config.ringCeilingMs, transferCloseReason: context.config.transferCloseReason };
      if (event.type === 'genesys.ringing') {
        input = { ...base, key: connectionCallKey(event.connectionId), connectionId: event.connectionId, eventId: freshEventId(context, event.eventId), direction: 'inbound', number: event.ani, start: 'ringing', ...(event.queue ? { queue: event.queue } : {}), ...(event.attachedData ? { attachedData: event.attachedData } : {}) };
      } else if (event.type === 'genesys.dialing') {
        input = { ...base, key: connectionCallKey(event.connectionId), connectionId: event.connectionId, eventId: freshEventId(context, event.eventId), direction: 'outbound', number: event.number, start: 'dialing' };
      } else if (event.type === 'genesys.established') {
        input = { ...base, key: connectionCallKey(event.connectionId), connectionId: event.connectionId, eventId: freshEventId(context, event.eventId), direction: event.direction ?? 'inbound', number: event.ani ?? '', start: 'established' };
      } else if (event.type === 'fusion.dial' || event.type === 'agent.dial') {
        const eventId = event.type === 'fusion.dial' ? event.eventId : newEventId();
        const named = event.type === 'fusion.dial' && event.displayName ? { contactName: event.displayName } : {};
        input = { ...base, key: dialCallKey(eventId), connectionId: null, eventId, direction: 'outbound', number: event.number.trim(), start: 'dialRequested', ...named };
      } else {
        return;
      }
      const dialled = input.start === 'dialRequested' ? { dialled: input.number } : {};
      if (input.start === 'ringing') {
        // The offer goes out first, in this step: a sendTo would wait for the whole transition,
        // the spawned call actor's initial state included (issue 13, ring → offer).
        // (Inside setup() enqueueActions cannot type its sibling actions; offerNow is one of them.)
        enqueue({ type: 'offerNow', params: { command: newCommCommand(input) } } as unknown as Parameters<typeof enqueue>[0]);
        input = { ...input, offered: true };
      }
      const call = input;
      // A function, so the copies (up to MAX_SEEN_EVENT_IDS eventIds) are made after the offer went out.
      enqueue.assign(({ context: now }) => ({
        calls: withCall(now.calls, call.key, { connectionIds: call.connectionId ? [call.connectionId] : [], eventId: call.eventId, ...dialled }),
        seenEventIds: withRecent(now.seenEventIds, [call.eventId], MAX_SEEN_EVENT_IDS),
        activeCall: now.activeCall ?? call.key,
      }));
      enqueue.spawnChild('call', { id: call.key, input: call });
    }),
    forwardToCall: enqueueActions(({ context, event, enqueue }) => {
      const key = targetKey(context, event);
      if (key) enqueue.sendTo(key, event as never);
    }),
    bindDialAnswer: enqueueActions(({ context, event, enqueue }) => {
      const key = dialRequestKey(context, event);
      const connectionId = eventConnectionId(event);
      if (!key || !connectionId) return;
      enqueue.assign({ calls: withConnection(context.calls, key, connectionId) });
      enqueue.sendTo(key, event as never);
    }),
    bindConsultLeg: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'genesys.dialing');
      const key = consultParentKey(context, event);
      if (!key) return;
      enqueue.assign({ calls: withConnection(context.calls, key, event.connectionId) });
      enqueue.sendTo(key, event);
    }),
    /** A call's consult leg ended: its ConnID leaves the index; a trailing event for it is expected. */
    unbindLeg: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'call.legEnded');
      const entry = Object.hasOwn(context.calls, event.key) ? context.calls[event.key] : undefined;
      if (!entry || !entry.connectionIds.includes(event.connectionId)) return;
      const connectionIds = entry.connectionIds.filter((id) => id !== event.connectionId);
      enqueue.assign({
        calls: { ...context.calls, [event.key]: { ...entry, connectionIds } },
        endedConnections: withRecent(context.endedConnections, [event.connectionId], MAX_ENDED_CONNECTIONS),
      });
    }),
    /** PartyChanged: the call keeps its actor and eventId; the index learns the new ConnID. */
    reindexCall: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'genesys.partyChanged');
      const key = keyByConnection(context, event.previousConnectionId);
      if (!key) return;
      enqueue.assign({ calls: withConnection(context.calls, key, event.connectionId) });
      enqueue.sendTo(key, event);
    }),
    forgetCall: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'call.ended');
      const { key, output } = event;
      const ended = Object.hasOwn(context.calls, key) ? (context.calls[key]?.connectionIds ?? []) : [];
      const calls = withoutCall(context.calls, key);
      enqueue.assign({ endedConnections: withRecent(context.endedConnections, ended, MAX_ENDED_CONNECTIONS) });
      enqueue.stopChild(key);
      enqueue.assign({
        calls,
        activeCall: context.activeCall === key ? (Object.keys(calls)[0] ?? null) : context.activeCall,
      });
      if (output.error) enqueue.assign(withNotice(context, output.error, Date.now()));
      const { endings, dropped } = withEnding(context.endings, output, Date.now());
      for (const gone of dropped) enqueue.cancel(endingTimer(gone.key));
      enqueue.cancel(endingTimer(key));
      enqueue.assign({ endings });
      enqueue.raise({ type: 'ending.expired', key }, { id: endingTimer(key), delay: 'endingLinger' });
    }),
    dropEnding: assign({
      endings: ({ context, event }) => {
        assertEvent(event, 'ending.expired');
        return withoutEnding(context.endings, event.key);
      },
    }),
    focusCall: assign({
      activeCall: ({ context, event }) => targetKey(context, event) ?? context.activeCall,
    }),
    answerSetActive: sendTo('fusion', ({ event }) => {
      assertEvent(event, 'fusion.setActive');
      return fusionCommand({ type: 'fusion.cmd.respond', requestId: event.requestId, ok: true });
    }),
    refuseUnknownFusionCall: sendTo('fusion', ({ event }) =>
      fusionCommand({
        type: 'fusion.cmd.respond',
        requestId: 'requestId' in event ? event.requestId : '',
        ok: false,
        message: `UNKNOWN_CALL: no call with eventId ${'eventId' in event ? event.eventId : '?'}`,
      }),
    ),
    refuseOfflineFusionCall: sendTo('fusion', ({ event }) =>
      fusionCommand({
        type: 'fusion.cmd.respond',
        requestId: 'requestId' in event ? event.requestId : '',
        ok: false,
        message: 'OFFLINE: Genesys is not connected',
      }),
    ),
    refuseDial: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'fusion.dial') return;
      const offline = !context.online;
      enqueue.sendTo(
        'fusion',
        fusionCommand({
          type: 'fusion.cmd.outboundError',
          eventId: event.eventId,
          code: offline ? 'OFFLINE' : !hasCapability(context.config, 'outbound') ? 'NOT_SUPPORTED' : 'INVALID_NUMBER',
          message: offline
            ? 'Genesys is not connected'
            : !hasCapability(context.config, 'outbound')
              ? 'The Genesys service cannot place calls'
              : `Not a dialable number: ${event.number}`,
        }),
      );
    }),
    // ---- resync (snapshot) and restore ----
    requestSnapshot: sendTo('genesys', { type: 'genesys.cmd.snapshot' } satisfies GenesysCommand),
    /**
     * Every toolbar call hears what the snapshot says of it and corrects itself with its own
     * transitions; a call only Genesys knows is created by the events the toolbar missed; the
     * agent's settled state follows the snapshot's.
     */
    reconcile: enqueueActions(({ context, event, enqueue, check }) => {
      assertEvent(event, 'genesys.snapshot');
      for (const [key, entry] of Object.entries(context.calls)) {
        // A dial Genesys has not named yet cannot be in the snapshot: it waits for its own answer.
        if (entry.connectionIds.length > 0) enqueue.sendTo(key, observationFor(entry, event));
      }
      for (const call of unknownCalls(context.calls, event)) {
        for (const missed of eventsCreating(call)) enqueue.raise(missed);
        enqueue.emit({ type: 'resync.corrected', key: call.connectionId, correction: `created ${call.state}` });
      }
      // stateIn reads the machine's snapshot (also in pure transitions); its type does not fit `check`.
      const available = check(stateIn('#toolbar.agent.available') as never);
      const unavailable = check(stateIn('#toolbar.agent.unavailable') as never);
      if (!available && !unavailable) return;
      const reason = event.reason ? { reason: event.reason } : {};
      if (event.agentState === 'LoggedOut') enqueue.raise({ type: 'genesys.agentLogout' });
      else if (event.agentState === 'Ready' && unavailable) enqueue.raise({ type: 'genesys.agentReady' });
      else if (event.agentState === 'NotReady' && (available || (event.reason && event.reason !== context.notReadyReason))) {
        enqueue.raise({ type: 'genesys.agentNotReady', ...reason });
      } else return;
      enqueue.emit({ type: 'resync.corrected', key: 'agent', correction: `agent → ${event.agentState}` });
    }),
    endRestoring: assign({
      calls: ({ context }) => {
        if (!Object.values(context.calls).some((entry) => entry.restoring)) return context.calls;
        return Object.fromEntries(Object.entries(context.calls).map(([key, { restoring: _done, ...entry }]) => [key, entry]));
      },
    }),
    noteResyncUnavailable: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'genesys.commandFailed');
      enqueue.emit({ type: 'resync.unavailable', reason: `${event.code}: ${event.message}` });
      if (context.resyncUnavailableSaid) return;
      enqueue.assign({ resyncUnavailableSaid: true, ...withNotice(context, { code: 'RESYNC_UNAVAILABLE', detail: event.code }, Date.now()) });
    }),
    logCorrection: emit(({ event }) => {
      assertEvent(event, 'call.corrected');
      return { type: 'resync.corrected' as const, key: event.key, correction: event.correction };
    }),
    /** After a reload: the calls of the record, shown at once and marked restoring until the snapshot. */
    restoreCalls: enqueueActions(({ context, enqueue }) => {
      const restored = context.restored;
      if (!restored) return;
      const calls: Record<string, CallEntry> = { ...context.calls };
      // A record is outside input: only keys this machine makes, each once, may become actors.
      const restoredCalls: typeof restored.calls = [];
      for (const call of restored.calls) {
        if (!isCallKey(call.key) || Object.hasOwn(calls, call.key)) continue;
        calls[call.key] = { connectionIds: call.connectionIds, eventId: call.eventId, restoring: true };
        restoredCalls.push(call);
      }
      // What Fusion saw before the reload stays seen: a reused Genesys eventId is not offered under it again.
      const seen = (restored.seenEventIds ?? []).filter((id): id is string => typeof id === 'string' && id.length > 0);
      enqueue.assign({ seenEventIds: withRecent(context.seenEventIds, [...seen, ...restoredCalls.map((call) => call.eventId)], MAX_SEEN_EVENT_IDS) });
      enqueue.assign({
        calls,
        activeCall: restoredCalls[0]?.key ?? null,
        restored: null,
        ...(restored.presence === 'unavailable' && restored.reason ? { notReadyReason: restored.reason } : {}),
      });
      for (const call of restoredCalls) {
        const connectionId = call.connectionIds.at(-1) ?? null;
        const start = call.state === 'held' ? 'established' : call.state;
        enqueue.spawnChild('call', {
          id: call.key,
          input: {
            key: call.key,
            connectionId,
            eventId: call.eventId,
            direction: call.direction,
            number: call.number,
            ...(call.queue ? { queue: call.queue } : {}),
            start,
            ringCeilingMs: context.config.ringCeilingMs,
            restored: { offered: call.offered, started: call.started, since: call.since },
          },
        });
        if (call.state === 'held' && connectionId) enqueue.sendTo(call.key, { type: 'genesys.held', connectionId });
      }
    }),
    // ---- notices ----
    noteOffline: assign(({ context }) => withNotice(context, { code: 'OFFLINE' }, Date.now())),
    noteCallsActive: assign(({ context }) => withNotice(context, { code: 'CALLS_ACTIVE' }, Date.now())),
    /** A control the configured microservice cannot confirm (README: capabilities). */
    noteUnsupported: assign(({ context, event }) => withNotice(context, { code: 'NOT_SUPPORTED', detail: event.type }, Date.now())),
    noteDuplicateDial: assign(({ context, event }) =>
      withNotice(context, { code: 'DUPLICATE_DIAL', detail: 'eventId' in event ? String(event.eventId) : '' }, Date.now()),
    ),
    noteEvent: assign(({ context, event }) => {
      const error: CodedError =
        event.type === 'genesys.protocolError' || event.type === 'fusion.failed' || event.type === 'fusion.publishFailed' || event.type === 'genesys.commandFailed'
          ? { code: event.code, detail: event.message }
          : event.type === 'genesys.error'
            ? { code: 'GENESYS_ERROR', detail: `${event.code} ${event.message}`.trim() }
            : event.type === 'agent.dial'
              ? { code: 'INVALID_NUMBER', detail: event.number }
              : event.type === 'call.transfer'
                ? { code: 'INVALID_NUMBER', detail: event.destination }
                : event.type === 'call.sendDtmf'
                  ? { code: 'INVALID_DIGITS', detail: event.digits }
              : { code: 'UNKNOWN_CALL', detail: `${event.type} ${eventConnectionId(event) ?? ''}`.trim() };
      return withNotice(context, error, Date.now());
    }),
    notePartyConflict: assign(({ context, event }) => {
      assertEvent(event, 'genesys.partyChanged');
      const detail = `${event.previousConnectionId} → ${event.connectionId}`;
      return withNotice(context, { code: 'PARTY_CONFLICT', detail }, Date.now());
    }),
    noteDuplicate: assign(({ context, event }) =>
      withNotice(context, { code: 'DUPLICATE_RINGING', detail: eventConnectionId(event) ?? '' }, Date.now()),
    ),
    dismissNotice: assign({
      notices: ({ context, event }) => {
        assertEvent(event, 'notice.dismiss');
        return context.notices.filter((notice) => notice.seq !== event.seq);
      },
    }),
  },
}).createMachine({
  id: 'toolbar',
  context: ({ input }) => ({
    config: input.config,
    calls: {},
    activeCall: null,
    presence: 'loggedOut',
    notReadyReason: null,
    pendingReason: null,
    wantsLogin: true,
    agentRequestId: null,
    agentError: null,
    online: false,
    reconnect: null,
    fusionError: null,
    notices: [],
    noticeSeq: 0,
    resyncUnavailableSaid: false,
    restored: input.restored ?? null,
    endings: [],
    endedConnections: [],
    seenEventIds: [],
    wrapUp: null,
  }),
  entry: 'restoreCalls',
  invoke: [
    { id: 'genesys', systemId: 'genesys', src: 'genesys', input: ({ context }) => ({ config: context.config }) },
    { id: 'fusion', systemId: 'fusion', src: 'fusion', input: ({ context }) => ({ config: context.config }) },
  ],
  type: 'parallel',
  states: {
    agent: {
      initial: 'loggedOut',
      on: {
        // Every (re)connection registers again, unless the agent logged out on purpose.
        'genesys.connected': { guard: 'wantsLogin', target: '.registering', actions: settleAgent(false) },
        'genesys.agentLogout': { target: '.loggedOut', actions: settleAgent(false) },
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
          entry: [{ type: 'settlePresence', params: { presence: 'loggedOut' } }, 'publishAgentState'],
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
            agentDeadline: {
              target: 'loggedOut',
              actions: [{ type: 'agentErrorIs', params: { code: 'REGISTER_TIMEOUT' } }, settleAgent(false)],
            },
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
          entry: [{ type: 'settlePresence', params: { presence: 'available' } }, 'publishAgentState'],
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
          entry: [{ type: 'settlePresence', params: { presence: 'unavailable' } }, 'publishAgentState'],
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
            agentDeadline: {
              target: 'unavailable',
              actions: [{ type: 'agentErrorIs', params: { code: 'AGENT_TIMEOUT' } }, settleAgent(false)],
            },
          },
          on: {
            'genesys.agentReady': { target: 'available', actions: settleAgent(true) },
            'genesys.registered': { target: 'available', actions: settleAgent(true) },
            'genesys.commandAccepted': { guard: { type: 'isConfirmedByAnswer', params: { command: 'ready' } }, target: 'available', actions: settleAgent(true) },
            'genesys.agentNotReady': {
              target: 'unavailable',
              actions: ['commitReason', { type: 'agentErrorIs', params: { code: 'AGENT_REFUSED' } }, settleAgent(false)],
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
            agentDeadline: backToSettled([{ type: 'agentErrorIs', params: { code: 'AGENT_TIMEOUT' } }, settleAgent(false)]),
          },
          on: {
            'genesys.agentNotReady': { target: 'unavailable', actions: ['commitReason', settleAgent(true)] },
            'genesys.commandAccepted': {
              guard: { type: 'isConfirmedByAnswer', params: { command: 'notReady' } },
              target: 'unavailable',
              actions: ['commitReason', settleAgent(true)],
            },
            'genesys.agentReady': {
              target: 'available',
              actions: [{ type: 'agentErrorIs', params: { code: 'AGENT_REFUSED' } }, settleAgent(false)],
            },
            'genesys.commandFailed': backToSettledOnFailure('notReady', ['agentErrorFromEvent', settleAgent(false)]),
          },
        },
        loggingOut: {
          entry: ['clearAgentError', 'sendLogout'],
          after: {
            agentDeadline: backToSettled([{ type: 'agentErrorIs', params: { code: 'AGENT_TIMEOUT' } }, 'wantLogin']),
          },
          on: {
            'genesys.commandAccepted': { guard: { type: 'isConfirmedByAnswer', params: { command: 'logout' } }, target: 'loggedOut' },
            'genesys.commandFailed': backToSettledOnFailure('logout', ['agentErrorFromEvent', 'wantLogin']),
          },
        },
      },
    },
    connection: {
      initial: 'connecting',
      states: {
        connecting: {
          on: {
            'genesys.connected': { target: 'open', actions: 'goOnline' },
            'genesys.disconnected': { target: 'reconnecting', actions: 'rememberReconnect' },
          },
        },
        open: {
          initial: 'linked',
          on: { 'genesys.disconnected': { target: 'reconnecting', actions: 'rememberReconnect' } },
          states: {
            linked: { on: { 'genesys.linkDisconnected': { target: 'switchDown' } } },
            /** The microservice is reachable but T-Server lost the switch. */
            switchDown: { on: { 'genesys.linkConnected': { target: 'linked' } } },
          },
        },
        reconnecting: {
          on: {
            'genesys.connected': { target: 'open', actions: ['forgetReconnect', 'goOnline'] },
            'genesys.disconnected': { actions: 'rememberReconnect' },
          },
        },
      },
    },
    fusion: {
      initial: 'initializing',
      states: {
        initializing: {
          on: {
            'fusion.ready': { target: 'ready' },
            'fusion.absent': { target: 'absent', actions: 'rememberFusionError' },
            'fusion.failed': { target: 'failed', actions: ['rememberFusionError', 'noteEvent'] },
          },
        },
        // Fusion may come up after the agent settled: tell it where the agent stands.
        ready: { entry: 'publishAgentState' },
        /** Outside Fusion: the toolbar works on its own. */
        absent: {},
        failed: {},
      },
    },
    calls: {
      initial: 'tracking',
      states: {
        tracking: {
          on: {
            'genesys.ringing': [{ guard: 'isKnownCall', actions: 'noteDuplicate' }, { actions: 'spawnCall' }],
            'genesys.dialing': [
              { guard: 'isConsultDialing', actions: 'bindConsultLeg' },
              { guard: 'isDialAnswer', actions: 'bindDialAnswer' },
              { guard: 'isKnownCall', actions: 'forwardToCall' },
              { actions: 'spawnCall' },
            ],
            'genesys.established': [
              { guard: 'isDialAnswer', actions: 'bindDialAnswer' },
              { guard: 'isKnownCall', actions: 'forwardToCall' },
              { actions: 'spawnCall' },
            ],
            'genesys.networkReached': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { actions: 'noteEvent' }],
            'genesys.held': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { actions: 'noteEvent' }],
            'genesys.retrieved': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { actions: 'noteEvent' }],
            'genesys.released': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { guard: 'isJustEnded' }, { actions: 'noteEvent' }],
            'genesys.abandoned': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { guard: 'isJustEnded' }, { actions: 'noteEvent' }],
            'genesys.destinationBusy': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { guard: 'isJustEnded' }, { actions: 'noteEvent' }],
            'genesys.partyChanged': [
              { guard: 'isPartyConflict', actions: 'notePartyConflict' },
              { guard: 'isKnownPreviousConnection', actions: 'reindexCall' },
              { actions: 'noteEvent' },
            ],
            'genesys.error': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { actions: 'noteEvent' }],
            'genesys.commandFailed': [
              // The agent region owns failures of agent commands (shown as the agent's error), resync its own.
              { guard: 'isAgentCommandFailure' },
              { guard: 'isSnapshotFailure' },
              { guard: 'isKnownCall', actions: 'forwardToCall' },
              { actions: 'noteEvent' },
            ],
            'genesys.protocolError': { actions: 'noteEvent' },
            'fusion.publishFailed': { actions: 'noteEvent' },
            'call.sendGenesys': { actions: 'forwardToGenesys' },
            'call.sendFusion': { actions: 'forwardToFusion' },
            'call.accept': [{ guard: 'isOnline', actions: 'forwardToCall' }, { actions: 'noteOffline' }],
            'call.reject': [{ guard: 'isOnline', actions: 'forwardToCall' }, { actions: 'noteOffline' }],
            'call.hangup': [{ guard: 'isOnline', actions: 'forwardToCall' }, { actions: 'noteOffline' }],
            'call.hold': [
              { guard: { type: 'lacks', params: { capability: 'hold' } }, actions: 'noteUnsupported' },
              { guard: 'isOnline', actions: 'forwardToCall' },
              { actions: 'noteOffline' },
            ],
            'call.retrieve': [
              { guard: { type: 'lacks', params: { capability: 'hold' } }, actions: 'noteUnsupported' },
              { guard: 'isOnline', actions: 'forwardToCall' },
              { actions: 'noteOffline' },
            ],
            'call.transfer': callControl('transfer', 'isDialableDestination'),
            'call.sendDtmf': callControl('dtmf', 'isDtmfDigits'),
            'genesys.dtmfSent': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { actions: 'noteEvent' }],
            'genesys.partyAdded': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { actions: 'noteEvent' }],
            'genesys.partyDeleted': [{ guard: 'isKnownCall', actions: 'forwardToCall' }, { actions: 'noteEvent' }],
            'call.consult': callControl('consult', 'isDialableDestination'),
            'call.conference': callControl('conference', 'isDialableDestination'),
            'call.completeTransfer': consultStep('consult'),
            'call.completeConference': consultStep('conference'),
            // Cancel and swap work on either kind of consult.
            'call.cancelConsult': consultStep('consult'),
            'call.swap': consultStep('consult'),
            'call.legEnded': { guard: 'isKnownCall', actions: 'unbindLeg' },
            'call.focus': { actions: 'focusCall' },
            'fusion.accept': fusionCallCommand,
            'fusion.reject': fusionCallCommand,
            'fusion.hangup': fusionCallCommand,
            'fusion.setActive': [
              { guard: 'isKnownCall', actions: ['focusCall', 'answerSetActive'] },
              { actions: 'refuseUnknownFusionCall' },
            ],
            'fusion.offerTimeout': { guard: 'isKnownCall', actions: 'forwardToCall' },
            'fusion.dial': [
              { guard: 'isOffline', actions: ['noteOffline', 'refuseDial'] },
              { guard: { type: 'lacks', params: { capability: 'outbound' } }, actions: ['noteUnsupported', 'refuseDial'] },
              // A second onOutgoingEvent with the same uuid (double click) must not spawn a second call.
              { guard: 'isKnownCall', actions: 'noteDuplicateDial' },
              { guard: 'isDialable', actions: 'spawnCall' },
              { actions: ['noteEvent', 'refuseDial'] },
            ],
            'agent.dial': [
              { guard: 'isOffline', actions: 'noteOffline' },
              { guard: { type: 'lacks', params: { capability: 'outbound' } }, actions: 'noteUnsupported' },
              { guard: 'isDialable', actions: 'spawnCall' },
              { actions: 'noteEvent' },
            ],
            'notice.dismiss': { actions: 'dismissNotice' },
            'call.ended': { guard: 'isKnownCall', actions: 'forgetCall' },
            'call.corrected': { actions: 'logCorrection' },
            'ending.expired': { actions: 'dropEnding' },
            'fusion.contact': { guard: 'isKnownCall', actions: 'forwardToCall' },
            'fusion.wrapupTimeout': { guard: 'isKnownCall', actions: 'rememberWrapUpLimit' },
          },
        },
      },
    },
    /** [INFER] After every register, ask Genesys what is true and correct the toolbar to it. */
    resync: {
      initial: 'watching',
      states: {
        watching: {
          on: {
            // A microservice without snapshots (profile=tutorial) is not asked, nor warned about.
            'genesys.registered': [{ guard: { type: 'lacks', params: { capability: 'snapshot' } } }, { actions: 'requestSnapshot' }],
            'genesys.snapshot': { actions: ['reconcile', 'endRestoring'] },
            // Without a snapshot the toolbar works as before; it says so once.
            'genesys.commandFailed': { guard: 'isSnapshotFailure', actions: ['noteResyncUnavailable', 'endRestoring'] },
          },
        },
      },
    },
  },
});

export type ToolbarMachine = typeof toolbarMachine;
