/** Coded problems that belong to no card or field, in plain words; only there when there are some. */
import { useId } from 'react';
import type { Notice } from '../../machines/toolbar.types';
import { useI18n } from '../hooks';
import { noticeCaller, noticesView, selectNotices, selectShownElsewhere } from '../notices.connect';
import { useToolbar, useToolbarActor } from '../toolbar.context';
import { ErrorText } from './Status';

export function Notices() {
  const i18n = useI18n();
  const elsewhere = useToolbar(selectShownElsewhere);
  const view = noticesView(useToolbar(selectNotices), elsewhere ? [elsewhere] : []);
  const headingId = useId();
  return (
    <section className={`panel notices${view.count ? '' : ' is-empty'}`} aria-labelledby={headingId} hidden={view.count === 0}>
      <h2 id={headingId}>{view.count ? i18n.count('notices.count', view.count) : i18n.t('section.notices')}</h2>
      {/* Always rendered (hidden when empty), so notices added later are announced. */}
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

export function NoticeItem({ notice, testId = 'notice' }: { notice: Notice; testId?: string }) {
  const i18n = useI18n();
  const actor = useToolbarActor();
  const caller = noticeCaller(notice);
  return (
    <div className="notice" data-testid={testId} data-notice-code={notice.code} data-notice-seq={notice.seq}>
      {caller ? (
        <p className="notice-call" data-testid={`${testId}-call`}>
          {i18n.t('notice.call', { caller })}
        </p>
      ) : null}
      <ErrorText error={notice} dismissTestId={`${testId}-dismiss`} onDismiss={() => actor.send({ type: 'notice.dismiss', seq: notice.seq })} />
      <time className="at" dateTime={new Date(notice.at).toISOString()}>
        {i18n.t('notice.at', { time: i18n.time(notice.at) })}
      </time>
    </div>
  );
}
