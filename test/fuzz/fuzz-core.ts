/**
 * Random sequences into the real toolbar machine (issue 10): raw Genesys frames through the real
 * decoder (valid, malformed, duplicated, reordered, hostile ConnIDs), Fusion commands, UI events,
 * REST and UEF failures, disconnects and timer jumps. Each sequence is a flight log replayed with
 * `replay()`, so a failing one is written as a log and becomes a regression test as it is.
 */
import fc from 'fast-check';
import type { SnapshotFrom } from 'xstate';
import { decodeFrame } from '../../src/adapters/genesys/frame-decoder';
import { callMachine } from '../../src/machines/call.machine';
import { toolbarMachine, type ToolbarMachine } from '../../src/machines/toolbar.machine';
import type { ToolbarEvent } from '../../src/machines/toolbar.types';
import { FLIGHT_LOG_FORMAT, FLIGHT_LOG_VERSION, type FlightEntry, type FlightLog } from '../../src/recorder/flight-log';
import { replay } from '../../src/recorder/replay';
import { keyOf } from '../support/call-names';

export const HOSTILE_CONN_IDS = ['c1', 'c2', 'fusion', 'genesys', '__proto__', 'constructor', 'toString', 'dial:d1', 'call:conn:c1'];
const EVENT_IDS = ['e1', 'e2', 'reused', 'constructor', '__proto__', 'd1'];
const ANIS = ['+15551230000', '\u202E0009 555 1+', '', '+1\u0000555', '9'.repeat(200)];
const FRAME_NAMES = [
  'EventRinging', 'EventDialing', 'EventNetworkReached', 'EventEstablished', 'EventHeld', 'EventRetrieved', 'EventReleased',
  'EventAbandoned', 'EventDestinationBusy', 'EventPartyChanged', 'EventError', 'EventRegistered', 'EventUnregistered',
  'EventAgentReady', 'EventAgentNotReady', 'EventAgentLogout', 'EventLinkDisconnected', 'EventLinkConnected',
  'EventAttachedDataChanged', 'EventPartyAdded', 'EventPartyDeleted', 'EventDtmfSent', 'EventBogus', '__proto__', 'constructor', 'toString',
];

export type Step =
  | { kind: 'frame'; text: string }
  | { kind: 'event'; source: 'genesys' | 'fusion' | 'ui'; event: ToolbarEvent }
  | { kind: 'wait'; ms: number };

const conn = fc.constantFrom(...HOSTILE_CONN_IDS);
const eventId = fc.constantFrom(...EVENT_IDS);

const frame: fc.Arbitrary<Step> = fc
  .record({
    name: fc.constantFrom(...FRAME_NAMES),
    v2: fc.boolean(),
    conn,
    previous: conn,
    eventId: fc.option(eventId, { nil: undefined }),
    ani: fc.constantFrom(...ANIS),
    callState: fc.constantFrom(undefined, 'Ok', 'Abandoned', 'Busy', 'NoAnswer', 'Redirected', 'Transferred', 'Conferenced', 22),
    callType: fc.constantFrom(undefined, 'Inbound', 'Outbound', 'Consult'),
  })
  .map((f) => {
    const body: Record<string, unknown> = { [f.v2 ? 'eventType' : 'eventName']: f.name, [f.v2 ? 'connectionId' : 'ConnID']: f.conn, ANI: f.ani };
    if (f.eventId !== undefined) body.eventId = f.eventId;
    if (f.callState !== undefined) body.CallState = f.callState;
    if (f.callType !== undefined) body.CallType = f.callType;
    if (f.name === 'EventPartyChanged') body.PreviousConnID = f.previous;
    // A consult leg names the held call it belongs to.
    if (f.name === 'EventDialing' && f.callType === 'Consult') body.TransferConnID = f.previous;
    if (f.name === 'EventPartyAdded' || f.name === 'EventPartyDeleted') body.party = f.ani;
    if (f.name === 'EventRinging' && f.callType === 'Consult') body.UserData = { SVCMCA_PARENT_INTERACTION_ID: f.ani, __proto__: 'x', toString: 5 };
    if (f.name === 'EventError') Object.assign(body, { ErrorCode: 56, ErrorMessage: 'Invalid call' });
    return { kind: 'frame' as const, text: JSON.stringify(body) };
  });

const malformed: fc.Arbitrary<Step> = fc
  .constantFrom('{', '[]', 'null', '"x"', '{"eventName":5}', '{"eventName":"EventRinging"}', '', '{"eventName":"EventReleased","ConnID":""}', '{"__proto__":{"eventName":"EventRinging"}}')
  .map((text) => ({ kind: 'frame' as const, text }));

const genesysLife: fc.Arbitrary<Step> = fc
  .constantFrom<ToolbarEvent>(
    { type: 'genesys.connected' },
    { type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'socket dropped' },
    { type: 'genesys.replaced', code: 4004, reason: 'another session of the agent took over' },
    { type: 'genesys.commandFailed', command: 'register', code: 'REST_HTTP_500', message: 'x' },
    { type: 'genesys.commandFailed', command: 'ready', code: 'REST_TIMEOUT', message: 'x' },
    { type: 'genesys.commandFailed', command: 'notReady', code: 'REST_NETWORK', message: 'x' },
  )
  .map((event) => ({ kind: 'event' as const, source: 'genesys' as const, event }));

const restFailure: fc.Arbitrary<Step> = fc
  .record({ conn, command: fc.constantFrom('accept', 'reject', 'hangup', 'hold', 'retrieve', 'makeCall', 'initiateTransfer', 'initiateConference', 'completeTransfer', 'completeConference', 'reconnectCall', 'alternateCall'), code: fc.constantFrom('REST_HTTP_500', 'REST_TIMEOUT', 'REST_NETWORK', 'REST_HTTP_404'), eventId })
  .map(({ conn: connectionId, command, code, eventId: id }) => ({
    kind: 'event' as const,
    source: 'genesys' as const,
    event: { type: 'genesys.commandFailed', command, connectionId, eventId: id, code, message: 'fault' } as ToolbarEvent,
  }));

const fusionCommand: fc.Arbitrary<Step> = fc
  .record({ verb: fc.constantFrom('accept', 'reject', 'hangup', 'setActive', 'offerTimeout', 'wrapupClosed', 'contact', 'publishFailed'), eventId })
  .map(({ verb, eventId: id }) => {
    const event =
      verb === 'offerTimeout' || verb === 'wrapupClosed'
        ? { type: `fusion.${verb}`, eventId: id }
        : verb === 'contact'
          ? { type: 'fusion.contact', eventId: id, name: '\u202EAda' }
          : verb === 'publishFailed'
            ? { type: 'fusion.publishFailed', operation: 'newCommEvent', eventId: id, code: 'UEF_TIMEOUT', message: 'never settled' }
            : { type: `fusion.${verb}`, eventId: id, requestId: 'r' };
    return { kind: 'event' as const, source: 'fusion' as const, event: event as ToolbarEvent };
  });

const fusionLife: fc.Arbitrary<Step> = fc
  .constantFrom<ToolbarEvent>(
    { type: 'fusion.ready' },
    { type: 'fusion.makeAvailable', requestId: 'r' },
    { type: 'fusion.makeUnavailable', requestId: 'r', reason: 'Break' },
    { type: 'fusion.dial', number: '+15550002222', eventId: 'd1' },
    { type: 'fusion.dial', number: 'not a number', eventId: 'd2' },
  )
  .map((event) => ({ kind: 'event' as const, source: 'fusion' as const, event }));

const uiCall: fc.Arbitrary<Step> = fc
  .record({
    conn,
    raw: fc.boolean(),
    verb: fc.constantFrom('accept', 'reject', 'hangup', 'hold', 'retrieve', 'focus', 'consult', 'conference', 'completeTransfer', 'completeConference', 'cancelConsult', 'swap', 'transfer'),
    destination: fc.constantFrom('+15550007777', 'reception', ''),
  })
  .map(({ conn: c, raw, verb, destination }) => ({
    kind: 'event' as const,
    source: 'ui' as const,
    event: { type: `call.${verb}`, key: raw ? c : keyOf(c), destination } as ToolbarEvent,
  }));

const uiAgent: fc.Arbitrary<Step> = fc
  .constantFrom<ToolbarEvent>(
    { type: 'agent.login' },
    { type: 'agent.goAvailable' },
    { type: 'agent.goUnavailable', reason: 'Break' },
    { type: 'agent.logout' },
    { type: 'agent.dial', number: '+15550001111' },
    { type: 'agent.dismissError' },
    { type: 'notice.dismiss', seq: 1 },
    { type: 'connection.useHere' },
  )
  .map((event) => ({ kind: 'event' as const, source: 'ui' as const, event }));

const wait: fc.Arbitrary<Step> = fc.constantFrom(50, 1_000, 4_000, 8_000, 30_000, 600_000).map((ms) => ({ kind: 'wait' as const, ms }));

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: frame },
  { weight: 1, arbitrary: malformed },
  { weight: 1, arbitrary: genesysLife },
  { weight: 2, arbitrary: restFailure },
  { weight: 3, arbitrary: fusionCommand },
  { weight: 1, arbitrary: fusionLife },
  { weight: 3, arbitrary: uiCall },
  { weight: 1, arbitrary: uiAgent },
  { weight: 1, arbitrary: wait },
);

const LOGIN: Step[] = [
  { kind: 'event', source: 'genesys', event: { type: 'genesys.connected' } },
  { kind: 'event', source: 'fusion', event: { type: 'fusion.ready' } },
  { kind: 'frame', text: '{"eventName":"EventRegistered"}' },
];

/** Sequences start where a shift starts (socket open, Fusion ready, registered) half of the time. */
export const sequence = (minLength: number, maxLength: number): fc.Arbitrary<Step[]> =>
  fc.tuple(fc.boolean(), fc.array(step, { minLength, maxLength, size: 'max' })).map(([fromLogin, steps]) => (fromLogin ? [...LOGIN, ...steps] : steps));

/**
 * The sequence as the recorder would have written it: each frame, then the event the decoder made
 * of it; unique UEF request ids; virtual times that carry the waits.
 */
export function toFlightLog(steps: Step[]): FlightLog {
  const entries: FlightEntry[] = [];
  let at = 0;
  let seq = 0;
  let ids = 0;
  const push = (entry: Omit<FlightEntry, 'seq' | 'at'>) => entries.push({ seq: seq++, at, ...entry });
  for (const item of steps) {
    at += 1;
    if (item.kind === 'wait') at += item.ms;
    else if (item.kind === 'frame') {
      push({ kind: 'frame', data: item.text });
      const outcome = decodeFrame(item.text, () => `gen-${ids++}`);
      if (outcome.kind === 'event') push({ kind: 'event', source: 'genesys', data: outcome.event });
      else if (outcome.kind === 'error') push({ kind: 'event', source: 'genesys', data: { type: 'genesys.protocolError', code: outcome.code, message: outcome.message } });
    } else {
      const event = 'requestId' in item.event ? { ...item.event, requestId: `r${seq}` } : item.event;
      push({ kind: 'event', source: item.source, data: event });
    }
  }
  return { format: FLIGHT_LOG_FORMAT, version: FLIGHT_LOG_VERSION, masked: false, dropped: 0, entries };
}

/** Whether a state value names only states the machine defines (parallel regions, nested states). */
/** The part of a state node this reads: its type and child states. */
interface NodeShape {
  type: string;
  states: Record<string, NodeShape>;
}

export function isStateOf(node: NodeShape, value: unknown): boolean {
  if (typeof value === 'string') return Object.hasOwn(node.states, value) && Object.keys(node.states[value]!.states).length === 0;
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  if (node.type === 'parallel' && keys.length !== Object.keys(node.states).length) return false;
  if (node.type === 'compound' && keys.length !== 1) return false;
  return keys.every((key) => Object.hasOwn(node.states, key) && isStateOf(node.states[key]!, (value as Record<string, unknown>)[key]));
}

/** Every check the issue lists, after each event and once all deadlines have passed. */
export function checkSequence(steps: Step[]): void {
  checkLog(toFlightLog(steps));
}

/** The same checks on a flight log (a fuzz counterexample or a field recording). */
export function checkLog(log: FlightLog): void {
  const requested = log.entries.flatMap((entry) => (entry.kind === 'event' && typeof entry.data === 'object' && entry.data !== null && 'requestId' in entry.data ? [String(entry.data.requestId)] : []));
  const check = (snapshot: SnapshotFrom<ToolbarMachine>, where: string) => {
    if (snapshot.status !== 'active') throw new Error(`${where}: root ${snapshot.status}`);
    if (!isStateOf(toolbarMachine.root as unknown as NodeShape, snapshot.value)) throw new Error(`${where}: root in ${JSON.stringify(snapshot.value)}, not a state of the model`);
    const children = Object.keys(snapshot.children).filter((id) => id !== 'genesys' && id !== 'fusion').sort();
    const indexed = Object.keys(snapshot.context.calls).sort();
    if (JSON.stringify(children) !== JSON.stringify(indexed)) throw new Error(`${where}: children ${JSON.stringify(children)} ≠ calls index ${JSON.stringify(indexed)}`);
    for (const id of children) {
      const child = snapshot.children[id]?.getSnapshot() as { status: string; value: unknown } | undefined;
      if (child?.status !== 'active') throw new Error(`${where}: call ${id} is ${child?.status}`);
      if (!isStateOf(callMachine.root as unknown as NodeShape, child.value)) throw new Error(`${where}: call ${id} in ${JSON.stringify(child.value)}, not a state of the model`);
    }
    for (const adapter of ['genesys', 'fusion'] as const) {
      if (snapshot.children[adapter]?.getSnapshot().status !== 'active') throw new Error(`${where}: adapter ${adapter} stopped`);
    }
  };
  const result = replay(log, { onStep: (snapshot, entry) => check(snapshot, `after #${entry.seq} ${JSON.stringify(entry.data).slice(0, 120)}`) });
  if (result.errors.length > 0) throw new Error(`machine error: ${String(result.errors[0])}`);
  // Past every deadline and ring ceiling, every UEF promise is settled, and only once.
  result.drain(700_000);
  check(result.snapshot, 'after every deadline');
  const answered = result.fusionCommands.flatMap((command) => (command.type === 'fusion.cmd.respond' ? [command.requestId] : []));
  const twice = answered.filter((id, index) => answered.indexOf(id) !== index);
  if (twice.length > 0) throw new Error(`UEF promise settled twice: ${twice.join(', ')}`);
  const unsettled = requested.filter((id) => !answered.includes(id));
  if (unsettled.length > 0) throw new Error(`UEF promise never settled: ${unsettled.join(', ')}`);
  const stranger = answered.filter((id) => !requested.includes(id));
  if (stranger.length > 0) throw new Error(`answer for a promise never asked: ${stranger.join(', ')}`);
  // Fusion's agent state is never stale: once Fusion is ready, the last published presence is the agent's.
  const snapshot = result.snapshot;
  if (snapshot.matches({ fusion: 'ready' })) {
    const published = result.fusionCommands.filter((command) => command.type === 'fusion.cmd.agentState').at(-1);
    if (published?.type === 'fusion.cmd.agentState' && published.presence !== snapshot.context.presence) {
      throw new Error(`Fusion shows ${published.presence}, the agent is ${snapshot.context.presence}`);
    }
  }
}
