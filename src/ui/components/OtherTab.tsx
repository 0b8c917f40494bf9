/**
 * Shown by a tab that does not own the toolbar: the owner's calls (mirrored, read-only) and
 * "Use here", which moves the Genesys connection and Fusion publishing to this tab.
 */
import { useId } from 'react';
import type { Lang } from '../../config';
import { translatorFor } from '../i18n';
import type { OtherTabCall } from '../other-tab.connect';

export function OtherTab({ lang, calls, onUseHere }: { lang: Lang; calls: OtherTabCall[]; onUseHere: () => void }) {
  const i18n = translatorFor(lang);
  const titleId = useId();
  return (
    <div className="toolbar" lang={lang}>
      <main aria-labelledby={titleId}>
        <section className="panel other-tab" data-testid="other-tab" role="status" aria-labelledby={titleId}>
          <h1 id={titleId}>{i18n.t('tabs.elsewhere')}</h1>
          <p>{i18n.t('tabs.elsewhereHint')}</p>
          {calls.length > 0 ? (
            <ul aria-label={i18n.t('section.calls')}>
              {calls.map((call) => (
                <li key={call.key} data-testid="other-tab-call">
                  {/* Caller data: text only. */}
                  <span className="number">{call.number || i18n.t('call.unknownNumber')}</span> {i18n.t(call.label)}
                </li>
              ))}
            </ul>
          ) : null}
          <button type="button" data-testid="use-here" onClick={onUseHere}>
            {i18n.t('tabs.useHere')}
          </button>
        </section>
      </main>
    </div>
  );
}
