/**
 * The statechart's part of the reload record, read from a root snapshot, and the way back: the
 * `RestoredSession` the root respawns its calls from. Pending commands and timers are never kept.
 */
import type { SnapshotFrom } from 'xstate';
import { elapsedClock } from '../clock/elapsed';
import type { CallMachine } from '../../machines/call.machine';
import type { ToolbarMachine } from '../../machines/toolbar.machine';
import type { RestoredSession } from '../../machines/toolbar.types';
import { MAX_SAVED_EVENT_IDS, type RecordCall, type SessionRecord, type ToolbarPart } from './session-record';

type RootSnapshot = SnapshotFrom<ToolbarMachine>;
type CallSnapshot = SnapshotFrom<CallMachine>;

/** Where a call stands, as far as a reload needs: a pending command counts as where it started. */
export function recordState(call: CallSnapshot): RecordCall['state'] | undefined {
  if (call.matches('ringing')) return 'ringing';
  // A dial Genesys has not named (no ConnID) is an in-flight command: not kept.
  if (call.matches({ dialing: 'alerting' }) || call.matches({ dialing: 'canceling' })) return 'dialing';
  if (call.matches({ established: 'held' }) || call.matches({ established: 'retrieving' })) return 'held';
  if (call.matches('established')) return call.context.onHold && call.matches({ established: 'hangingUp' }) ? 'held' : 'established';
  return undefined;
}

export function toolbarPart(snapshot: RootSnapshot): ToolbarPart {
  const { context } = snapshot;
  const calls: RecordCall[] = [];
  for (const [key, entry] of Object.entries(context.calls)) {
    const ref = Object.hasOwn(snapshot.children, key) ? snapshot.children[key] : undefined;
    const call = ref?.getSnapshot() as CallSnapshot | undefined;
    if (!call || entry.connectionIds.length === 0 || call.status !== 'active') continue;
    const state = recordState(call);
    if (!state) continue;
    const c = call.context;
    calls.push({
      key,
      connectionIds: entry.connectionIds,
      eventId: entry.eventId,
      direction: c.direction,
      number: c.number,
      ...(c.queue ? { queue: c.queue } : {}),
      state,
      // On the wall clock as it reads now, so a jump before a reload does not stretch the call.
      since: elapsedClock.rebased(c.since),
      offered: c.offered,
      started: c.started,
    });
  }
  return {
    presence: context.presence,
    ...(context.presence === 'unavailable' && context.notReadyReason ? { reason: context.notReadyReason } : {}),
    calls,
    seenEventIds: recentSeen(context.seenEventIds),
  };
}

// The same list (by reference) for the same context list, so unchanged ids are never compared as text.
const kept = new WeakMap<readonly string[], string[]>();

/** The most recent eventIds Fusion has seen, as many as a record keeps. */
function recentSeen(seen: readonly string[]): string[] {
  if (seen.length <= MAX_SAVED_EVENT_IDS) return seen as string[];
  let recent = kept.get(seen);
  if (!recent) kept.set(seen, (recent = seen.slice(seen.length - MAX_SAVED_EVENT_IDS)));
  return recent;
}

/** A reload takes seconds; a longer (or negative) gap since the record was saved is a clock jump. */
export const MAX_RELOAD_GAP_MS = 10 * 60_000;

/**
 * The machine's input after a reload. A call counts as offered (or started) in Fusion only when
 * the record's Fusion engagements have it, so a call Fusion never had is never closed there. The
 * calls' durations are the ones saved, plus the time since the save only when that is plausible:
 * a wall clock that jumped meanwhile is not trusted.
 */
export function restoredSession(record: SessionRecord, now = Date.now()): RestoredSession {
  const gap = now - record.savedAt;
  const shift = gap >= 0 && gap <= MAX_RELOAD_GAP_MS ? 0 : gap;
  const inFusion = new Set(record.engagements.map((engagement) => engagement.eventId));
  const fusionOf = (call: RecordCall) => (inFusion.has(call.eventId) ? {} : { offered: false, started: false });
  return {
    presence: record.presence,
    ...(record.reason ? { reason: record.reason } : {}),
    calls: record.calls.map((call) => ({ ...call, since: call.since + shift, ...fusionOf(call) })),
    seenEventIds: [...record.seenEventIds],
  };
}
