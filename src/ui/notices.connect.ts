/** Notices → where the agent reads them: a dial's outcome beside the dial field, the rest in the list. */
import type { Notice } from '../machines/toolbar.types';
import { callerOf } from './call.connect';
import type { ToolbarSnapshot } from './toolbar.context';

/** Codes that say how a dial went: shown next to the number field, not in the notice list. */
export const DIAL_OUTCOMES: readonly string[] = ['BUSY', 'NO_ANSWER', 'INVALID_NUMBER', 'DIAL_FAILED', 'DIAL_TIMEOUT', 'CANCEL_TOO_LATE', 'DUPLICATE_DIAL'];

export interface NoticesView {
  /** Newest first, dial outcomes left out. */
  items: Notice[];
  /** How many, for the heading (plural rules in the translator); 0 means no panel at all. */
  count: number;
  /** The newest dial outcome, shown beside the dial field until dismissed. */
  dialOutcome: Notice | null;
}

export function selectNotices(snapshot: ToolbarSnapshot): Notice[] {
  return snapshot.context.notices;
}

/** Codes the header shows (Fusion's failure), so the list leaves them out. */
export function selectShownElsewhere(snapshot: ToolbarSnapshot): string {
  return snapshot.matches({ fusion: 'failed' }) ? (snapshot.context.fusionError?.code ?? '') : '';
}

/** @param shownElsewhere codes already shown where they belong (the header's Fusion error): not listed twice */
export function noticesView(notices: readonly Notice[], shownElsewhere: readonly string[] = []): NoticesView {
  const newest = [...notices].sort((a, b) => b.seq - a.seq);
  const items = newest.filter((notice) => !DIAL_OUTCOMES.includes(notice.code) && !shownElsewhere.includes(notice.code));
  return { items, count: items.length, dialOutcome: newest.find((notice) => DIAL_OUTCOMES.includes(notice.code)) ?? null };
}

/** The call a notice is about, as the agent knew it: "Ada Lovelace, +1 555-123-0000"; null when about no call. */
export function noticeCaller(notice: Notice): string | null {
  if (!notice.call) return null;
  const caller = callerOf(notice.call.number, notice.call.contact);
  if (!caller.title) return null;
  return caller.number ? `${caller.title}, ${caller.number}` : caller.title;
}
