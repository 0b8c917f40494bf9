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

export function withNotice(context: Pick<ToolbarContext, 'notices' | 'noticeSeq'>, error: CodedError, at: number) {
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
