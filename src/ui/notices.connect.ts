/** Notices → the list the agent reads: newest first, each a coded error with its time. */
import type { Notice } from '../machines/toolbar.types';
import type { Text } from './i18n';
import type { ToolbarSnapshot } from './toolbar.context';

export interface NoticesView {
  items: Notice[];
  /** The count for the heading; null when there is nothing to count. */
  summary: Text | null;
}

export function selectNotices(snapshot: ToolbarSnapshot): Notice[] {
  return snapshot.context.notices;
}

export function noticesView(notices: readonly Notice[]): NoticesView {
  const items = [...notices].sort((a, b) => b.seq - a.seq);
  return {
    items,
    summary: items.length ? { key: 'notices.count', params: { count: items.length } } : null,
  };
}
