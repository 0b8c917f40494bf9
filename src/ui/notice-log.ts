/** Logs each new notice once, with its code, so the console tells the same story as the UI. */
import type { Notice } from '../machines/toolbar.types';

interface NoticeSource {
  subscribe(observer: { next: (snapshot: { context: { notices: Notice[] } }) => void }): { unsubscribe(): void };
}

export type NoticeLogger = (message: string, notice: Notice) => void;

export function logNewNotices(actor: NoticeSource, log: NoticeLogger): { unsubscribe(): void } {
  let lastSeq = 0;
  return actor.subscribe({
    next: (snapshot) => {
      for (const notice of snapshot.context.notices) {
        if (notice.seq <= lastSeq) continue;
        lastSeq = notice.seq;
        log(`[notice ${notice.code}]${notice.detail ? ` ${notice.detail}` : ''}`, notice);
      }
    },
  });
}
