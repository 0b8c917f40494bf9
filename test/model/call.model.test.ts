/**
 * Model-based tests of the call machine: paths generated from the real machine by xstate/graph,
 * each executed through the whole toolbar (driver with fake adapters), asserting the call's state
 * and the commands sent to Genesys and Fusion at every step.
 */
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { createEmptyActor, type AnyActorScope, type SnapshotFrom } from 'xstate';
import { callMachine } from '../../src/machines/call.machine';
import type { CallEvent, CallInput, CallStart } from '../../src/machines/call.types';
import { toolbarMachine } from '../../src/machines/toolbar.machine';
import { createDriver, keyOf, type Driver } from '../support/driver';
import { longestPaths, ModelCoverage } from '../support/coverage';

type CallSnapshot = SnapshotFrom<typeof callMachine>;

const CONN = 'c1';
const EVENT_ID = 'ev1';
const RING_CEILING_MS = 600_000;
const COMMAND_DEADLINE_MS = 8_000;

const coverage = new ModelCoverage([callMachine, toolbarMachine]);

function keyFor(start: CallStart): string {
  return keyOf(start === 'dialRequested' ? `dial:${EVENT_ID}` : CONN);
}

function inputFor(start: CallStart): CallInput {
  return {
    key: keyFor(start),
    connectionId: start === 'dialRequested' ? null : CONN,
    eventId: EVENT_ID,
    direction: start === 'ringing' ? 'inbound' : 'outbound',
    number: '+15551230000',
    start,
    ringCeilingMs: RING_CEILING_MS,
  };
}

/** Every delayed event the machine defines (`xstate.after.<delay>.<state id>`). */
function afterEvents(): CallEvent[] {
  const types: string[] = [];
  const visit = (node: { after: { eventType: string }[]; states: Record<string, unknown> }) => {
    for (const t of node.after) types.push(t.eventType);
    for (const child of Object.values(node.states)) visit(child as typeof node);
  };
  visit(callMachine.root as unknown as Parameters<typeof visit>[0]);
  return [...new Set(types)].map((type) => ({ type }) as unknown as CallEvent);
}

function sampleEvents(key: string): CallEvent[] {
  const on = { connectionId: CONN };
  const failed = (command: 'accept' | 'reject' | 'hangup' | 'hold' | 'retrieve' | 'makeCall' | 'singleStepTransfer' | 'sendDtmf'): CallEvent => ({
    type: 'genesys.commandFailed', command, ...on, eventId: EVENT_ID, code: 'REST_HTTP_500', message: 'boom',
  });
  return [
    { type: 'call.accept', key }, { type: 'call.reject', key }, { type: 'call.hangup', key },
    { type: 'call.hold', key }, { type: 'call.retrieve', key },
    { type: 'fusion.accept', eventId: EVENT_ID, requestId: 'f' },
    { type: 'fusion.reject', eventId: EVENT_ID, requestId: 'f' },
    { type: 'fusion.hangup', eventId: EVENT_ID, requestId: 'f' },
    { type: 'fusion.contact', eventId: EVENT_ID, name: 'Ada Lovelace' },
    { type: 'fusion.offerTimeout', eventId: EVENT_ID },
    // Genesys echoes the eventId the MakeCall carried, which is how a dial is matched to its ConnID.
    { type: 'genesys.established', ...on, eventId: EVENT_ID },
    { type: 'genesys.released', ...on },
    { type: 'genesys.released', ...on, callState: 'NoAnswer' },
    { type: 'genesys.released', ...on, callState: 'Busy' },
    { type: 'genesys.abandoned', ...on },
    { type: 'genesys.held', ...on },
    { type: 'genesys.retrieved', ...on },
    { type: 'genesys.dialing', ...on, eventId: EVENT_ID, number: '+15551230000' },
    { type: 'genesys.networkReached', ...on },
    { type: 'genesys.destinationBusy', ...on },
    { type: 'genesys.partyChanged', connectionId: 'c2', previousConnectionId: CONN },
    { type: 'genesys.error', ...on, code: '56', message: 'Invalid state' },
    failed('accept'), failed('reject'), failed('hangup'), failed('hold'), failed('retrieve'), failed('makeCall'),
    // The microservice has no such call (404): hang-up, hold and retrieve end the call.
    ...(['hangup', 'hold', 'retrieve'] as const).map((command): CallEvent => ({ ...failed(command), code: 'REST_HTTP_404' } as CallEvent)),
    // What a Genesys snapshot says of the call (the root sends these after every register).
    ...(['Ringing', 'Dialing', 'Established', 'Held'] as const).map((state): CallEvent => ({ type: 'resync.present', state })),
    { type: 'resync.gone' },
    // Call controls of a connected call (tried only while established: see isPossible).
    ...CONTROL_EVENTS(key),
    ...CONSULT_EVENTS(key),
    ...afterEvents(),
  ];
}

/** Blind transfer and keypad: meaningful only once the call is established. */
function CONTROL_EVENTS(key: string): CallEvent[] {
  const on = { connectionId: CONN };
  const failed = (command: 'singleStepTransfer' | 'sendDtmf'): CallEvent => ({
    type: 'genesys.commandFailed', command, ...on, eventId: EVENT_ID, code: 'REST_HTTP_500', message: 'boom',
  });
  return [
    { type: 'call.transfer', key, destination: '+15550007777' },
    { type: 'call.sendDtmf', key, digits: '1' },
    { type: 'genesys.dtmfSent', ...on, digits: '1' },
    { type: 'genesys.released', ...on, callState: 'Transferred' },
    failed('singleStepTransfer'),
    failed('sendDtmf'),
  ];
}
/** The consult leg's ConnID (EventDialing names the held call as previousConnectionId). */
const LEG = 'k2';
const TARGET = '+15550007777';

/** Consult, transfer, conference: tried only on a call that started established (see isPossible). */
function CONSULT_EVENTS(key: string): CallEvent[] {
  const leg = { connectionId: LEG };
  const failed = (command: 'initiateTransfer' | 'initiateConference' | 'completeTransfer' | 'completeConference' | 'reconnectCall' | 'alternateCall'): CallEvent => ({
    type: 'genesys.commandFailed', command, connectionId: CONN, eventId: EVENT_ID, code: 'REST_HTTP_500', message: 'boom',
  });
  return [
    { type: 'call.consult', key, destination: TARGET },
    { type: 'call.conference', key, destination: TARGET },
    { type: 'genesys.dialing', ...leg, number: TARGET, callType: 'Consult', previousConnectionId: CONN },
    { type: 'genesys.established', ...leg },
    { type: 'genesys.released', ...leg },
    { type: 'genesys.released', ...leg, callState: 'Transferred' },
    { type: 'genesys.destinationBusy', ...leg },
    { type: 'genesys.retrieved', ...leg },
    { type: 'genesys.partyAdded', connectionId: CONN, party: TARGET },
    { type: 'genesys.partyDeleted', connectionId: CONN, party: TARGET },
    { type: 'call.completeTransfer', key },
    { type: 'call.completeConference', key },
    { type: 'call.cancelConsult', key },
    { type: 'call.swap', key },
    // Hanging up the consult leg after the caller left.
    { type: 'genesys.commandFailed', command: 'hangup', ...leg, eventId: EVENT_ID, code: 'REST_HTTP_500', message: 'boom' },
    { type: 'genesys.error', ...leg, code: '56', message: 'Invalid state' },
    failed('initiateTransfer'), failed('initiateConference'), failed('completeTransfer'), failed('completeConference'), failed('reconnectCall'), failed('alternateCall'),
    // A snapshot during the consult: without the consult leg, without the caller's leg, with both.
    { type: 'resync.present', state: 'Held', present: [CONN] },
    { type: 'resync.present', state: 'Established', present: [LEG] },
    { type: 'resync.present', state: 'Held', present: [CONN, LEG] },
  ];
}
const CONSULT_TYPES = new Set(['call.consult', 'call.conference', 'call.completeTransfer', 'call.completeConference', 'call.cancelConsult', 'call.swap', 'genesys.partyAdded', 'genesys.partyDeleted']);
const CONSULT_COMMANDS = new Set(['initiateTransfer', 'initiateConference', 'completeTransfer', 'completeConference', 'reconnectCall', 'alternateCall']);
const isConsultEvent = (event: CallEvent) =>
  CONSULT_TYPES.has(event.type) ||
  ('connectionId' in event && event.connectionId === LEG) ||
  (event.type === 'genesys.commandFailed' && CONSULT_COMMANDS.has(event.command));
const CALLER_LEG_EVENTS = new Set(['genesys.held', 'genesys.retrieved', 'genesys.released', 'genesys.abandoned', 'genesys.error']);
const inConsult = (snapshot: CallSnapshot) => snapshot.matches({ established: 'consulting' }) || snapshot.matches({ established: 'consultOnly' });

const CONTROL_TYPES = new Set(['call.transfer', 'call.sendDtmf', 'genesys.dtmfSent']);
const isControl = (event: CallEvent) =>
  CONTROL_TYPES.has(event.type) ||
  (event.type === 'genesys.released' && event.callState === 'Transferred') ||
  (event.type === 'genesys.commandFailed' && (event.command === 'singleStepTransfer' || event.command === 'sendDtmf'));

function activeIds(snapshot: CallSnapshot): string[] {
  return (snapshot as unknown as { _nodes: { id: string }[] })._nodes.map((node) => node.id);
}

/** `xstate.after.commandDeadline.call.ringing.accepting` → `call.ringing.accepting` */
function afterStateId(type: string): string {
  return type.split('.').slice(3).join('.');
}

function stepName(event: CallEvent): string {
  return event.type.startsWith('xstate.after.') ? `after ${event.type.split('.')[2]} (${afterStateId(event.type).slice(5)})` : event.type;
}

/** A ring ceiling cannot pass while a command (8 s) is pending inside ringing: the deadline fires first. */
function isPossible(snapshot: CallSnapshot, event: CallEvent): boolean {
  if (snapshot.matches('ended')) return false;
  // A snapshot that names the call's legs one by one is the root's view of a consulting call.
  if (event.type === 'resync.present' && event.present) return snapshot.matches({ established: 'consulting' });
  if (isConsultEvent(event)) {
    if (snapshot.context.start !== 'established' || !snapshot.matches('established')) return false;
    // The root routes the leg's events here only while the call has it (EventDialing binds it).
    if ('connectionId' in event && event.connectionId === LEG && event.type !== 'genesys.dialing') return snapshot.context.consult?.connectionId === LEG;
    return true;
  }
  // Once the caller left a consult, the root no longer routes the caller's ConnID here.
  if (snapshot.matches({ established: 'consultOnly' }) && 'connectionId' in event && event.connectionId === CONN && event.type.startsWith('genesys.')) return false;
  // Inside a consult only its own events, the caller's leg and time are walked; other events are
  // ignored there like any stray event, and walking each in each consult state only adds paths.
  if (inConsult(snapshot) && !CALLER_LEG_EVENTS.has(event.type) && event.type !== 'call.hangup' && !event.type.startsWith('xstate.after.')) return false;
  // Transfer and keypad events elsewhere are ignored like any stray event; walking them there only adds paths.
  if (isControl(event)) return snapshot.matches('established') && snapshot.context.start === 'ringing';
  // Before Genesys names a dialled call, only events that carry its eventId can be routed to it.
  const correlatedByEventId = ['genesys.dialing', 'genesys.established', 'genesys.commandFailed'];
  const unnamed = snapshot.matches({ dialing: 'requested' }) || snapshot.matches({ dialing: 'cancelRequested' });
  if (unnamed && event.type.startsWith('genesys.')) return correlatedByEventId.includes(event.type);
  // The root never sends a snapshot's view to a dial Genesys has not named.
  if (unnamed && event.type.startsWith('resync.')) return false;
  // The ceiling timer fires once, and only matters while Fusion still holds the offer.
  if (event.type.startsWith('xstate.after.ringCeiling')) return snapshot.matches({ ringing: 'alerting' }) && snapshot.context.offered;
  // Time passing fires only the timers of active states; a delayed event of another state cannot happen.
  if (event.type.startsWith('xstate.after.')) return activeIds(snapshot).includes(afterStateId(event.type));
  return true;
}

/** State + what the next step depends on, plus the edge that led here, so shortest paths cover transitions. */
function serialize(snapshot: CallSnapshot, event: CallEvent | undefined, prev?: CallSnapshot): string {
  const { offered, started, fusionRequestId, onHold, connectionId, dtmfQueue, consult, engagementClosed } = snapshot.context;
  const leg = consult ? [consult.kind, consult.connectionId !== null, consult.answered, consult.talkingTo] : null;
  const state = JSON.stringify([snapshot.value, offered, started, fusionRequestId !== null, onHold, connectionId !== null, dtmfQueue !== '', leg, engagementClosed]);
  return `${state}|${JSON.stringify(prev?.value ?? null)}|${JSON.stringify(event ?? null)}`;
}

const PENDING_COMMAND: Record<string, string> = {
  '{"ringing":"accepting"}': 'genesys.cmd.accept',
  '{"ringing":"rejecting"}': 'genesys.cmd.reject',
  '{"established":"hangingUp"}': 'genesys.cmd.hangup',
  '{"established":"holding"}': 'genesys.cmd.hold',
  '{"established":"retrieving"}': 'genesys.cmd.retrieve',
  '{"dialing":"canceling"}': 'genesys.cmd.hangup',
  '{"dialing":"cancelRequested"}': '',
  '{"dialing":"requested"}': 'genesys.cmd.makeCall',
  '{"established":"transferring"}': 'genesys.cmd.singleStepTransfer',
  '{"established":"sendingDigits"}': 'genesys.cmd.sendDtmf',
  '{"established":{"consulting":"completing"}}': 'genesys.cmd.completeTransfer',
  '{"established":{"consulting":"conferencing"}}': 'genesys.cmd.completeConference',
  '{"established":{"consulting":"canceling"}}': 'genesys.cmd.reconnectCall',
  '{"established":{"consulting":"swapping"}}': 'genesys.cmd.alternateCall',
  '{"established":{"consultOnly":"hangingUp"}}': 'genesys.cmd.hangup',
};

/** The command a state waits on; a consult's first one depends on its kind. */
function pendingCommand(next: CallSnapshot): string | undefined {
  if (next.matches({ established: { consulting: 'initiating' } })) {
    return next.context.consult?.kind === 'conference' ? 'genesys.cmd.initiateConference' : 'genesys.cmd.initiateTransfer';
  }
  return PENDING_COMMAND[JSON.stringify(next.value)];
}

function startCall(d: Driver, start: CallStart) {
  if (start === 'ringing') d.ring(CONN, '+15551230000', EVENT_ID);
  else if (start === 'dialRequested') d.fusion({ type: 'fusion.dial', number: '+15551230000', eventId: EVENT_ID });
  else if (start === 'dialing') d.genesys({ type: 'genesys.dialing', connectionId: CONN, eventId: EVENT_ID, number: '+15551230000' });
  else d.genesys({ type: 'genesys.established', connectionId: CONN, eventId: EVENT_ID, ani: '+15551230000', direction: 'outbound' });
}

function execute(d: Driver, event: CallEvent, key: string) {
  if (event.type.startsWith('xstate.after.')) {
    vi.advanceTimersByTime(event.type.includes('ringCeiling') ? RING_CEILING_MS : COMMAND_DEADLINE_MS);
  } else if (event.type.startsWith('resync.')) d.callRef(key)?.send(event);
  else if (event.type.startsWith('genesys.')) d.genesys(event as Parameters<Driver['genesys']>[0]);
  else if (event.type.startsWith('fusion.')) d.fusion(event as Parameters<Driver['fusion']>[0]);
  else d.send(event as Parameters<Driver['send']>[0]);
}

function expectedFusion(prev: CallSnapshot, next: CallSnapshot): string[] {
  const types: string[] = [];
  if (!prev.context.offered && next.context.offered) types.push('fusion.cmd.newComm');
  // An offer withdrawn at the ring ceiling or on Fusion's offer timeout is closed with TIMEOUT.
  if (prev.context.offered && !next.context.offered && !next.matches('ended')) types.push('fusion.cmd.closeComm');
  if (!prev.context.started && next.context.started) types.push('fusion.cmd.startComm');
  const done = next.matches('ended');
  if (done && prev.matches('dialing')) {
    const failed = next.context.closeReason === 'REJECT';
    if (failed) types.push('fusion.cmd.outboundError');
  }
  if (done && !next.context.offered && next.context.closeReason === 'CANCELED') types.push('fusion.cmd.outboundError');
  // The caller left during a consult: the engagement closes then, not again when the consult leg ends.
  if (!prev.context.engagementClosed && next.context.engagementClosed && next.context.offered) types.push('fusion.cmd.closeComm');
  if (done && next.context.offered && !prev.context.engagementClosed && !next.context.engagementClosed) types.push('fusion.cmd.closeComm');
  return types;
}

/**
 * The call machine talks to its parent; xstate/graph walks it with a parentless mock scope,
 * so the walk gets an inert parent (actions are never executed during the walk anyway).
 */
const parentSink = createEmptyActor();
function withParent(scope: AnyActorScope): AnyActorScope {
  (scope.self as unknown as { _parent: unknown })._parent ??= parentSink;
  return scope;
}
const walkableCallMachine: typeof callMachine = Object.create(callMachine, {
  getInitialSnapshot: { value: (scope: AnyActorScope, input: CallInput) => callMachine.getInitialSnapshot(withParent(scope), input) },
  transition: { value: (snapshot: CallSnapshot, event: CallEvent, scope: AnyActorScope) => callMachine.transition(snapshot, event, withParent(scope)) },
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const starts: CallStart[] = ['ringing', 'dialRequested', 'dialing', 'established'];
let pathCount = 0;

for (const start of starts) {
  const key = keyFor(start);
  const paths = longestPaths(getShortestPaths(walkableCallMachine, {
    input: inputFor(start),
    events: sampleEvents(key),
    filterEvents: isPossible,
    serializeState: serialize,
  }));
  pathCount += paths.length;

  describe(`call model, starting ${start} (${paths.length} paths)`, () => {
    test.each(paths.map((path) => [path.steps.slice(1).map((s) => stepName(s.event)).join(' → ') || '(start)', path] as const))(
      '%s',
      (_name, path) => {
        const d = createDriver({ inspect: coverage.inspect });
        d.login();
        startCall(d, start);
        let prev = path.steps[0]!.state;
        expect(d.callSnapshot(key)?.value).toEqual(prev.value);
        for (const step of path.steps.slice(1)) {
          const genesysBefore = d.genesysCommands.length;
          const fusionBefore = d.fusionCommands.length;
          execute(d, step.event, key);
          const next = step.state;
          const where = `after ${step.event.type}`;
          if (next.matches('ended')) {
            expect(d.callRef(key), where).toBeUndefined();
            if (next.context.offered) {
              expect(d.fusionOf('fusion.cmd.closeComm').at(-1), where).toEqual({ type: 'fusion.cmd.closeComm', eventId: EVENT_ID, reason: next.context.closeReason ?? 'WRAPUP' });
            }
          } else {
            expect(d.callSnapshot(key)?.value, where).toEqual(next.value);
          }
          // Digits typed while a SendDTMF was in flight go out as the next one when it is confirmed.
          const queuedSent = step.event.type === 'genesys.dtmfSent' && prev.context.dtmfQueue !== '';
          const entered = JSON.stringify(next.value) !== JSON.stringify(prev.value) || queuedSent;
          const pending = entered ? pendingCommand(next) : undefined;
          expect(d.genesysCommands.slice(genesysBefore).map((c) => c.type), where).toEqual(pending ? [pending] : []); // '' = waits, sends nothing
          const fusionDelta = d.fusionCommands.slice(fusionBefore).filter((c) => c.type !== 'fusion.cmd.respond' && c.type !== 'fusion.cmd.agentState');
          expect(fusionDelta.map((c) => c.type), where).toEqual(expectedFusion(prev, next));
          const hadRequest = prev.context.fusionRequestId !== null;
          const hasRequest = next.context.fusionRequestId !== null;
          const askedNow = 'requestId' in step.event;
          const responds = (hadRequest && !hasRequest ? 1 : 0) + (askedNow && !(!hadRequest && hasRequest) ? 1 : 0);
          expect(d.fusionOf('fusion.cmd.respond').length - d.fusionCommands.slice(0, fusionBefore).filter((c) => c.type === 'fusion.cmd.respond').length, where).toBe(responds);
          prev = next;
        }
        expect(d.errors).toEqual([]);
        d.stop();
      },
    );
  });
}

afterAll(() => {
  const report = coverage.report('call');
  console.log(`${report.line} over ${pathCount} generated paths`);
  expect(report.missingStates, 'call states never reached').toEqual([]);
  expect(report.missingTransitions, 'call transitions never taken').toEqual([]);
});
