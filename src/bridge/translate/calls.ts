/**
 * GWS `CallStateChanged` → toolbar frames: the last state seen per call id and the new one pick a
 * row of CALL_ROWS (gws-protocol.md §6.1). Pure: the call map goes in, the next map comes out.
 */
import type { ToolbarFrame } from '../session/agent-session.types';
import type { GwsCall, GwsCallState } from '../gws/gws.schema';
import { frames, userDataOf, type CallRecord } from './frames';
import type { TranslateOptions } from './options';

type Prev = CallRecord['state'] | 'none';
/** What a row makes: `offer` is EventRinging or EventDialing by the call's direction (a call first seen late). */
type FrameKind = 'ringing' | 'dialing' | 'offer' | 'established' | 'retrieved' | 'held' | 'released';

/** next state → previous state → the frames, in order. A missing row sends nothing. */
export const CALL_ROWS: Readonly<Record<GwsCallState, Partial<Record<Prev, readonly FrameKind[]>>>> = {
  Ringing: { none: ['ringing'], Released: ['ringing'] },
  Dialing: { none: ['dialing'], Released: ['dialing'] },
  Established: { none: ['offer', 'established'], Ringing: ['established'], Dialing: ['established'], Held: ['retrieved'] },
  Held: { none: ['offer', 'established', 'held'], Ringing: ['established', 'held'], Dialing: ['established', 'held'], Established: ['held'] },
  Released: { Ringing: ['released'], Dialing: ['released'], Established: ['released'], Held: ['released'] },
  Completed: { Ringing: ['released'], Dialing: ['released'], Established: ['released'], Held: ['released'] },
};

export type CallMap = ReadonlyMap<string, CallRecord>;

/** Why a call the bridge sees released ended, when the session knows: its own command asked for it. */
export type ReleaseHint =
  /** No command of this agent asked: caller left, far end gone, softphone, routing. */
  | { readonly by: 'other' }
  /** The agent's Hangup/Reject/cancel: no cause to report. */
  | { readonly by: 'agent' }
  /** A transfer or conference the agent completed. */
  | { readonly by: 'agent'; readonly callState: string };

export interface CallContext {
  readonly options: TranslateOptions;
  /** The agent's own DN, never reported as a party. */
  readonly agentDn: string;
  /** A new toolbar eventId for a call id seen for the first time. */
  newEventId(callId: string): string;
  /** The eventId of the MakeCall this Dialing answers, if one is pending. */
  dialEventId(call: GwsCall): string | undefined;
  releaseHint(callId: string): ReleaseHint;
}

export interface CallStep {
  readonly calls: CallMap;
  readonly frames: readonly ToolbarFrame[];
  /** Calls the bridge should `complete` itself (released, `complete` offered, option on). */
  readonly complete: readonly string[];
  /** The record as it stands after the step (also for a call just forgotten), for settling commands. */
  readonly record: CallRecord | undefined;
  readonly previous: Prev;
}

function roleNumber(call: GwsCall, roles: readonly string[]): string | undefined {
  for (const role of roles) {
    const found = call.participants?.find((p) => p.role === role && p.number);
    if (found?.number) return found.number;
  }
  return undefined;
}

function partiesOf(call: GwsCall, agentDn: string): string[] {
  const out: string[] = [];
  for (const p of call.participants ?? []) {
    if (p.number && p.number !== agentDn && !out.includes(p.number) && out.length < 16) out.push(p.number);
  }
  return out;
}

function callTypeOf(call: GwsCall, options: TranslateOptions): string | undefined {
  if (!call.callType) return call.parentConnId ? 'Consult' : undefined;
  return Object.hasOwn(options.callTypeNames, call.callType) ? options.callTypeNames[call.callType] : call.callType;
}

function recordOf(call: GwsCall, prev: CallRecord | undefined, ctx: CallContext): CallRecord {
  const { options } = ctx;
  // A Released record seen again (a transfer ringing back) is a new call for the toolbar.
  const known = prev !== undefined && prev.state !== 'Released' ? prev : undefined;
  const dialId = known === undefined && call.state === 'Dialing' ? ctx.dialEventId(call) : undefined;
  const outbound = call.state === 'Dialing' || call.callType === 'Outbound';
  return {
    id: call.id,
    eventId: known?.eventId ?? dialId ?? ctx.newEventId(call.id),
    state: call.state === 'Completed' ? 'Released' : call.state,
    direction: known?.direction ?? (outbound ? 'outbound' : 'inbound'),
    callType: callTypeOf(call, options) ?? known?.callType,
    parentConnId: call.parentConnId ?? known?.parentConnId,
    ani: call.ani ?? roleNumber(call, options.originationRoles) ?? known?.ani,
    dnis: call.dnis ?? roleNumber(call, options.destinationRoles) ?? known?.dnis,
    parties: partiesOf(call, ctx.agentDn),
    capabilities: call.capabilities ?? known?.capabilities ?? [],
  };
}

function releaseCallState(call: GwsCall, prev: Prev, ctx: CallContext): string | undefined {
  for (const list of [call.extensions, call.reasons]) {
    const kv = list?.find((item) => ctx.options.callStateKeys.includes(item.key) && typeof item.value === 'string');
    if (kv && typeof kv.value === 'string') return kv.value;
  }
  const hint = ctx.releaseHint(call.id);
  if ('callState' in hint) return hint.callState;
  if (hint.by === 'agent') return undefined;
  if (prev === 'Dialing') return ctx.options.unansweredDialCallState;
  if (prev === 'Ringing') return ctx.options.unansweredRingCallState;
  return undefined;
}

function partyFrames(prev: CallRecord, next: CallRecord): ToolbarFrame[] {
  const talking = (s: Prev) => s === 'Established' || s === 'Held';
  if (!talking(prev.state) || !talking(next.state)) return [];
  const out: ToolbarFrame[] = [];
  for (const party of next.parties) if (!prev.parties.includes(party)) out.push(frames.partyAdded(next, party));
  for (const party of prev.parties) if (!next.parties.includes(party)) out.push(frames.partyDeleted(next, party));
  return out;
}

function build(kind: FrameKind, record: CallRecord, call: GwsCall, prev: Prev, ctx: CallContext): ToolbarFrame {
  switch (kind) {
    case 'offer':
      return record.direction === 'outbound' ? frames.dialing(record) : frames.ringing(record, userDataOf(call.userData));
    case 'ringing':
      return frames.ringing(record, userDataOf(call.userData));
    case 'dialing':
      return frames.dialing(record);
    case 'established':
      return frames.established(record);
    case 'retrieved':
      return frames.retrieved(record);
    case 'held':
      return frames.held(record);
    case 'released':
      return frames.released(record, releaseCallState(call, prev, ctx));
  }
}

const MAX_RELEASED = 64;

/** Released calls GWS never completes must not pile up: the oldest are forgotten. */
function pruneReleased(map: Map<string, CallRecord>): void {
  let released = 0;
  for (const record of map.values()) if (record.state === 'Released') released++;
  for (const [id, record] of map) {
    if (released <= MAX_RELEASED) break;
    if (record.state === 'Released') {
      map.delete(id);
      released--;
    }
  }
}

/** One CallStateChanged applied to the call map. */
export function applyCall(calls: CallMap, call: GwsCall, ctx: CallContext): CallStep {
  const out: ToolbarFrame[] = [];
  const map = new Map(calls);
  let prevRecord = map.get(call.id);
  // A new ConnID for a call we know (two-step transfer, conference): same call, same eventId.
  const previousId = call.previousConnId;
  if (previousId && previousId !== call.id && prevRecord === undefined) {
    const old = map.get(previousId);
    if (old) {
      map.delete(previousId);
      prevRecord = { ...old, id: call.id };
      map.set(call.id, prevRecord);
      out.push(frames.partyChanged(prevRecord, previousId));
    }
  }
  const prev: Prev = prevRecord?.state ?? 'none';
  const row = CALL_ROWS[call.state][prev];
  if (prev === 'none' && (call.state === 'Released' || call.state === 'Completed')) {
    return { calls: map, frames: out, complete: [], record: undefined, previous: prev };
  }
  // A released call stays released whatever GWS later says of it (the simulator's ghosts), unless it rings again.
  if (prev === 'Released' && call.state === 'Completed') {
    map.delete(call.id);
    return { calls: map, frames: out, complete: [], record: prevRecord, previous: prev };
  }
  if (prev === 'Released' && row === undefined) return { calls: map, frames: out, complete: [], record: prevRecord, previous: prev };
  const record = recordOf(call, prevRecord, ctx);
  // Parties are compared only when both sides list them (GWS may leave participants out); a
  // conference's new party comes before the retrieve that ends the consult.
  if (prevRecord && call.participants && prevRecord.parties.length > 0) out.push(...partyFrames(prevRecord, record));
  for (const kind of row ?? []) out.push(build(kind, record, call, prev, ctx));
  const complete: string[] = [];
  if (call.state === 'Completed') {
    map.delete(call.id);
  } else {
    map.set(call.id, record);
    pruneReleased(map);
    if (call.state === 'Released' && prev !== 'Released' && ctx.options.completeReleasedCalls && record.capabilities.includes('complete')) {
      complete.push(call.id);
    }
  }
  return { calls: map, frames: out, complete, record, previous: prev };
}
