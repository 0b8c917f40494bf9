/** Pure helpers over the root's call index and notices; no XState, easy to test. */
import type { CodedError } from './call.types';
import type { CallEntry, Notice, ToolbarContext } from './toolbar.types';

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
  const entry = calls[key];
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
