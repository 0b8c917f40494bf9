/** Coded problems in plain words with what to do; the agent dismisses them (notice.dismiss). */
import { useId } from 'react';
import type { Notice } from '../../machines/toolbar.types';
import { useI18n } from '../hooks';
import { noticesView, selectNotices } from '../notices.connect';
import { useToolbar, useToolbarActor } from '../toolbar.context';
import { ErrorText } from './Status';

export function Notices() {
  const i18n = useI18n();
  const view = noticesView(useToolbar(selectNotices));
  const headingId = useId();
  return (
    <section className="panel notices" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {i18n.t('section.notices')}
        {view.summary ? <span className="count"> ({i18n.text(view.summary)})</span> : null}
      </h2>
      {/* Always rendered, so notices added later are announced. */}
      <ul className="notice-list" aria-live="polite" aria-relevant="additions">
        {view.items.map((notice) => (
          <li key={notice.seq}>
            <NoticeItem notice={notice} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const i18n = useI18n();
  const actor = useToolbarActor();
  const { what } = i18n.explain(notice);
  return (
    <div className="notice" data-testid="notice" data-notice-code={notice.code} data-notice-seq={notice.seq}>
      <ErrorText error={notice} />
      <time className="at" dateTime={new Date(notice.at).toISOString()}>
        {i18n.t('notice.at', { time: i18n.time(notice.at) })}
      </time>
      <button
        type="button"
        className="dismiss"
        data-testid="notice-dismiss"
        aria-label={`${i18n.t('button.dismiss')}: ${what}`}
        onClick={() => actor.send({ type: 'notice.dismiss', seq: notice.seq })}
      >
        <span aria-hidden="true">✕</span> <span className="dismiss-text">{i18n.t('button.dismiss')}</span>
      </button>
    </div>
  );
}
