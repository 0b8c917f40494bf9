/** Pure helpers over the root's call index and notices; no XState, easy to test. */
import type { CodedError } from './call.types';
import type { CallOutput } from './call.types';
import type { CallEntry, Ending, Notice, ToolbarContext } from './toolbar.types';

/** Notices kept for the UI; older ones are dropped so an 8-hour shift does not grow memory. */
export const MAX_NOTICES = 20;

export function keyByConnection(context: Pick<ToolbarContext, 'calls'>, connectionId: string): string | undefined {
  for (const [key, entry] of Object.entries(context.calls)) {
    if (entry.connectionIds.includes(connectionId)) return key;
  }
  return undefined;
}

export function keyByEvent(context: Pick<ToolbarContext, 'calls'>, eventId: string): string | undefined {
  for (const [key, entry] of Object.entries(context.calls)) {
    if (entry.eventId === eventId) return key;
  }
  return undefined;
}

export function withCall(calls: Record<string, CallEntry>, key: string, entry: CallEntry): Record<string, CallEntry> {
  return { ...calls, [key]: entry };
}

export function withConnection(calls: Record<string, CallEntry>, key: string, connectionId: string): Record<string, CallEntry> {
  const entry = Object.hasOwn(calls, key) ? calls[key] : undefined;
  if (!entry || entry.connectionIds.includes(connectionId)) return calls;
  return { ...calls, [key]: { ...entry, connectionIds: [...entry.connectionIds, connectionId] } };
}

export function withoutCall(calls: Record<string, CallEntry>, key: string): Record<string, CallEntry> {
  const { [key]: _gone, ...rest } = calls;
  return rest;
}

export function withNotice(context: Pick<ToolbarContext, 'notices' | 'noticeSeq'>, error: CodedError & Pick<Notice, 'call'>, at: number) {
  const seq = context.noticeSeq + 1;
  const notice: Notice = { ...error, seq, at };
  return { notices: [...context.notices, notice].slice(-MAX_NOTICES), noticeSeq: seq };
}

/** Ended-call cards shown at once; an older one goes early when more calls end together. */
export const MAX_ENDINGS = 3;

/** The endings with this call's added (and any same-key one replaced), newest last, and the ones pushed out. */
export function withEnding(endings: readonly Ending[], output: CallOutput, at: number): { endings: Ending[]; dropped: Ending[] } {
  const ending: Ending = {
    key: output.key,
    direction: output.direction,
    number: output.number,
    contact: output.contact,
    reason: output.reason,
    endedByAgent: output.endedByAgent,
    endedByRemote: output.endedByRemote,
    error: output.error,
    at,
  };
  const all = [...endings.filter((item) => item.key !== output.key), ending];
  const cut = Math.max(0, all.length - MAX_ENDINGS);
  return { endings: all.slice(cut), dropped: all.slice(0, cut) };
}

export function withoutEnding(endings: readonly Ending[], key: string): Ending[] {
  return endings.filter((item) => item.key !== key);
}

/** ConnIDs of ended calls kept so their trailing EventReleased is recognised. */
export const MAX_ENDED_CONNECTIONS = 64;
/** eventIds given to Fusion kept for the session; an 8-hour shift has far fewer calls. */
export const MAX_SEEN_EVENT_IDS = 4_000;

/**
 * The members of a recent list (seen eventIds, ended ConnIDs) as a Set, so a check is O(1) and
 * not a scan of up to MAX_SEEN_EVENT_IDS ids before the offer. Lists are immutable: a Set is built
 * once per list, and `withRecent` hands it on to the list it makes (the old list, kept by old
 * snapshots, lets go of it and is read afresh if ever asked again).
 */
const recentIndex = new WeakMap<readonly string[], Set<string>>();

function membersOf(list: readonly string[]): Set<string> {
  let members = recentIndex.get(list);
  if (members === undefined) {
    members = new Set(list);
    recentIndex.set(list, members);
  }
  return members;
}

/** Whether `item` is in `list` (made by `withRecent`, or any list without duplicates). */
export function isRecent(list: readonly string[], item: string): boolean {
  return membersOf(list).has(item);
}

/** `list` with `items` appended (no duplicates), oldest dropped past `max`. */
export function withRecent(list: readonly string[], items: readonly string[], max: number): string[] {
  const members = membersOf(list);
  const fresh: string[] = [];
  for (const item of items) {
    if (members.has(item)) continue;
    members.add(item);
    fresh.push(item);
  }
  if (fresh.length === 0) return list as string[];
  const all = [...list, ...fresh];
  const next = all.length > max ? all.slice(all.length - max) : all;
  for (let i = 0; i < all.length - next.length; i++) members.delete(all[i]!);
  recentIndex.delete(list);
  recentIndex.set(next, members);
  return next;
}

/** The call other than `key` that already has `connectionId`, if any. */
export function otherCallWith(context: Pick<ToolbarContext, 'calls'>, connectionId: string, key: string | undefined): string | undefined {
  const owner = keyByConnection(context, connectionId);
  return owner !== undefined && owner !== key ? owner : undefined;
}
