/**
 * The calls region: the index of live calls (child actors of call.machine.ts keyed by their first
 * ConnID) and the routing of every event about one call to that call's actor; the calls Genesys
 * starts (ringing, dialing, established) and the agent dials; the ended-call cards; notices.
 */
import { assertEvent, assign, emit, enqueueActions, sendTo, type AnyActorRef } from 'xstate';
import { hasCapability, type Capability } from '../../capabilities';
import { newCommCommand } from '../call.machine';
import type { CallInput } from '../call.types';
import type { FusionCommand } from '../fusion.types';
import { connectionCallKey, dialCallKey, newEventId } from '../ids';
import {
  isRecent, keyByConnection, MAX_ENDED_CONNECTIONS, MAX_SEEN_EVENT_IDS, otherCallWith, withCall, withConnection, withEnding, withNotice, withoutCall, withoutEnding, withRecent,
} from '../toolbar.index';
import type { ToolbarEvent } from '../toolbar.types';
import { consultParentKey, dialRequestKey, eventConnectionId, freshEventId, isDialable, isDtmf, targetKey } from './call-lookup';
import { toolbarActions, toolbarGuards, toolbarState } from './define';
import { fusionCommand, lacks } from './shared';

/** To the call the event names, if the toolbar has it. */
const toKnownCall = { guard: 'isKnownCall', actions: 'forwardToCall' } as const;

/** What becomes of an event about a call the toolbar does not have. */
const IF_UNKNOWN = {
  /** A notice (UNKNOWN_CALL). */
  noted: [{ actions: 'noteEvent' }],
  /** Nothing when it trails a call that just ended (EventReleased after EventAbandoned), else a notice. */
  trailing: [{ guard: 'isJustEnded' }, { actions: 'noteEvent' }],
  /** Nothing. */
  ignored: [],
} as const;

/** Every event that only ever concerns one known call, and what happens when the call is unknown. */
const CALL_EVENTS = {
  'genesys.networkReached': 'noted',
  'genesys.held': 'noted',
  'genesys.retrieved': 'noted',
  'genesys.released': 'trailing',
  'genesys.abandoned': 'trailing',
  'genesys.destinationBusy': 'trailing',
  'genesys.error': 'noted',
  'genesys.dtmfSent': 'noted',
  'genesys.partyAdded': 'noted',
  'genesys.partyDeleted': 'noted',
  'fusion.offerTimeout': 'ignored',
  'fusion.contact': 'ignored',
} as const satisfies Partial<Record<ToolbarEvent['type'], keyof typeof IF_UNKNOWN>>;

type IfUnknown = keyof typeof IF_UNKNOWN;
type Routes<T extends Record<string, IfUnknown>> = {
  [K in keyof T]: T[K] extends 'ignored' ? typeof toKnownCall : readonly [typeof toKnownCall, ...(typeof IF_UNKNOWN)[T[K]]];
};

/** The calls region's transitions for a table of call events: to the known call, else as the table says. */
function routesToCalls<T extends Record<string, IfUnknown>>(table: T): Routes<T> {
  const route = (unknown: IfUnknown) => (IF_UNKNOWN[unknown].length === 0 ? toKnownCall : [toKnownCall, ...IF_UNKNOWN[unknown]]);
  const routes = Object.fromEntries(Object.entries(table).map(([type, unknown]) => [type, route(unknown)]));
  // fromEntries forgets which key has which route; Routes<T> says it again for the machine's types.
  return routes as unknown as Routes<T>;
}

/** A call control for a capability: unsupported, offline, invalid input, or forwarded to the call. */
function callControl(capability: Capability, check: 'isDialableDestination' | 'isDtmfDigits') {
  return [
    { guard: lacks(capability), actions: 'noteUnsupported' },
    { guard: 'isOffline', actions: 'noteOffline' },
    { guard: { type: 'isInvalid', params: { check } }, actions: 'noteEvent' },
    { actions: 'forwardToCall' },
  ] as const;
}

/** A consult step (complete, cancel, swap): unsupported, offline, or the call decides. */
function consultStep(capability: Capability) {
  return [
    { guard: lacks(capability), actions: 'noteUnsupported' },
    { guard: 'isOffline', actions: 'noteOffline' },
    { actions: 'forwardToCall' },
  ] as const;
}

/** Accept, reject, hang-up (and hold, resume where supported): the call decides, unless offline. */
const onlineCallCommand = [{ guard: 'isOnline', actions: 'forwardToCall' }, { actions: 'noteOffline' }] as const;

/** Fusion's accept/reject/hang-up: refused offline or for an unknown call, else the call decides. */
const fusionCallCommand = [
  { guard: 'isOffline', actions: 'refuseOfflineFusionCall' },
  toKnownCall,
  { actions: 'refuseUnknownFusionCall' },
] as const;

/** The id of an ended call's delayed removal, to cancel it when the card goes early. */
const endingTimer = (key: string) => `ending:${key}`;

/** A refusal of a Fusion command about a call (unknown, or the link is down). */
function refusal(event: ToolbarEvent, message: string): FusionCommand {
  return { type: 'fusion.cmd.respond', requestId: 'requestId' in event ? event.requestId : '', ok: false, message };
}

export const callsDelays = {
  /** How long an ended call's card stays ("Caller hung up") before it goes. */
  endingLinger: 4_000,
};

export const callsGuards = toolbarGuards({
  isDialable: ({ event }) => 'number' in event && typeof event.number === 'string' && isDialable(event.number),
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
  /** The destination or digits a call control carries fail their check. */
  isInvalid: ({ event }, params: { check: 'isDialableDestination' | 'isDtmfDigits' }) => {
    if (params.check === 'isDtmfDigits') return !('digits' in event && typeof event.digits === 'string' && isDtmf(event.digits));
    return !('destination' in event && typeof event.destination === 'string' && isDialable(event.destination));
  },
});

export const callsActions = toolbarActions({
  forwardToGenesys: sendTo('genesys', ({ event }) => {
    assertEvent(event, 'call.sendGenesys');
    return event.command;
  }),
  forwardToFusion: sendTo('fusion', ({ event }) => {
    assertEvent(event, 'call.sendFusion');
    return event.command;
  }),
  /**
   * Hands a command to the Fusion adapter as it runs, not once the transition is taken (what
   * sendTo does, after the spawned call actor computed its initial state): issue 13, ring → offer.
   */
  offerNow: ({ system }, params: { command: FusionCommand }) => {
    (system.get('fusion') as AnyActorRef | undefined)?.send(params.command);
  },
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
    // The card goes, so the notice names the call it is about.
    if (output.error) enqueue.assign(withNotice(context, { ...output.error, call: { number: output.number, contact: output.contact } }, Date.now()));
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
    fusionCommand(refusal(event, `UNKNOWN_CALL: no call with eventId ${'eventId' in event ? event.eventId : '?'}`)),
  ),
  refuseOfflineFusionCall: sendTo('fusion', ({ event }) => fusionCommand(refusal(event, 'OFFLINE: Genesys is not connected'))),
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
  /** A call corrected itself from a snapshot: the log hears it (`resync.corrected`). */
  logCorrection: emit(({ event }) => {
    assertEvent(event, 'call.corrected');
    return { type: 'resync.corrected' as const, key: event.key, correction: event.correction };
  }),
  /** A control the configured microservice cannot confirm (README: capabilities). */
  noteUnsupported: assign(({ context, event }) => withNotice(context, { code: 'NOT_SUPPORTED', detail: event.type }, Date.now())),
  noteDuplicateDial: assign(({ context, event }) =>
    withNotice(context, { code: 'DUPLICATE_DIAL', detail: 'eventId' in event ? String(event.eventId) : '' }, Date.now()),
  ),
  notePartyConflict: assign(({ context, event }) => {
    assertEvent(event, 'genesys.partyChanged');
    const detail = `${event.previousConnectionId} → ${event.connectionId}`;
    return withNotice(context, { code: 'PARTY_CONFLICT', detail }, Date.now());
  }),
  noteDuplicate: assign(({ context, event }) =>
    withNotice(context, { code: 'DUPLICATE_RINGING', detail: eventConnectionId(event) ?? '' }, Date.now()),
  ),
  noteUnsaved: assign(({ context, event }) => {
    assertEvent(event, 'persistence.unsaved');
    return withNotice(context, { code: event.code, detail: event.detail }, Date.now());
  }),
  dismissNotice: assign({
    notices: ({ context, event }) => {
      assertEvent(event, 'notice.dismiss');
      return context.notices.filter((notice) => notice.seq !== event.seq);
    },
  }),
});

export const callsState = toolbarState({
  initial: 'tracking',
  states: {
    tracking: {
      on: {
        ...routesToCalls(CALL_EVENTS),
        'genesys.ringing': [{ guard: 'isKnownCall', actions: 'noteDuplicate' }, { actions: 'spawnCall' }],
        'genesys.dialing': [
          { guard: 'isConsultDialing', actions: 'bindConsultLeg' },
          { guard: 'isDialAnswer', actions: 'bindDialAnswer' },
          toKnownCall,
          { actions: 'spawnCall' },
        ],
        'genesys.established': [{ guard: 'isDialAnswer', actions: 'bindDialAnswer' }, toKnownCall, { actions: 'spawnCall' }],
        'genesys.partyChanged': [
          { guard: 'isPartyConflict', actions: 'notePartyConflict' },
          { guard: 'isKnownPreviousConnection', actions: 'reindexCall' },
          { actions: 'noteEvent' },
        ],
        'genesys.commandFailed': [
          // The agent region owns failures of agent commands (shown as the agent's error), resync its own.
          { guard: 'isAgentCommandFailure' },
          { guard: 'isSnapshotFailure' },
          toKnownCall,
          { actions: 'noteEvent' },
        ],
        'genesys.protocolError': { actions: 'noteEvent' },
        'fusion.publishFailed': { actions: 'noteEvent' },
        'call.sendGenesys': { actions: 'forwardToGenesys' },
        'call.sendFusion': { actions: 'forwardToFusion' },
        'call.accept': onlineCallCommand,
        'call.reject': onlineCallCommand,
        'call.hangup': onlineCallCommand,
        'call.hold': [{ guard: lacks('hold'), actions: 'noteUnsupported' }, ...onlineCallCommand],
        'call.retrieve': [{ guard: lacks('hold'), actions: 'noteUnsupported' }, ...onlineCallCommand],
        'call.transfer': callControl('transfer', 'isDialableDestination'),
        'call.sendDtmf': callControl('dtmf', 'isDtmfDigits'),
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
        'fusion.dial': [
          { guard: 'isOffline', actions: ['noteOffline', 'refuseDial'] },
          { guard: lacks('outbound'), actions: ['noteUnsupported', 'refuseDial'] },
          // A second onOutgoingEvent with the same uuid (double click) must not spawn a second call.
          { guard: 'isKnownCall', actions: 'noteDuplicateDial' },
          { guard: 'isDialable', actions: 'spawnCall' },
          { actions: ['noteEvent', 'refuseDial'] },
        ],
        'agent.dial': [
          { guard: 'isOffline', actions: 'noteOffline' },
          { guard: lacks('outbound'), actions: 'noteUnsupported' },
          { guard: 'isDialable', actions: 'spawnCall' },
          { actions: 'noteEvent' },
        ],
        'notice.dismiss': { actions: 'dismissNotice' },
        'persistence.unsaved': { actions: 'noteUnsaved' },
        'call.ended': { guard: 'isKnownCall', actions: 'forgetCall' },
        'call.corrected': { actions: 'logCorrection' },
        'ending.expired': { actions: 'dropEnding' },
        'fusion.wrapupTimeout': { guard: 'isKnownCall', actions: 'rememberWrapUpLimit' },
      },
    },
  },
});
