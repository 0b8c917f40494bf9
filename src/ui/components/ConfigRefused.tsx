/** Shown instead of the toolbar when its parameters name what the build does not allow: nothing runs. */
import type { ConfigRefusal, Lang } from '../../config';
import { translatorFor } from '../i18n';

export function ConfigRefused({ lang, refusals }: { lang: Lang; refusals: readonly ConfigRefusal[] }) {
  const { t } = translatorFor(lang);
  return (
    <div className="toolbar" lang={lang}>
      <main>
        <section className="panel fatal" role="alert" data-testid="config-refused">
          <h1>{t('config.refused.title')}</h1>
          <ul>
            {refusals.map((refusal) => (
              <li key={refusal.parameter} data-refusal-code={refusal.code}>
                {/* The origin came from the framing page: text only. */}
                {t('config.refused.genesys', { origin: refusal.origin, parameter: refusal.parameter })}{' '}
                <code className="code">{t('error.code', { code: refusal.code })}</code>
              </li>
            ))}
          </ul>
          <p>{t('config.refused.fix')}</p>
        </section>
      </main>
    </div>
  );
}
