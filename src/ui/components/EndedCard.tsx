/**
 * A call that just ended, for the few seconds the machine keeps it: who, and how it ended. A failed
 * dial's reason is told beside the dial field, not here.
 */
import { useI18n } from '../hooks';
import type { EndingView } from '../calls.connect';
import { Icon } from './Icon';

/** @param wrapUpHint say "Wrap up in Fusion" (not while the toolbar's own wrap-up panel says what to do) */
export function EndedCard({ ending, wrapUpHint = true }: { ending: EndingView; wrapUpHint?: boolean }) {
  const { t } = useI18n();
  const title = ending.caller.title || t('call.unknownNumber');
  return (
    <article className="call-card tone-ended" data-testid="ended-card" data-call-key={ending.key} aria-label={`${title}: ${t(ending.label)}`}>
      <div className="call-head">
        <h3 className="call-title">
          <span className="caller-name">{title}</span>
        </h3>
        <p className="call-state" data-testid="ended-state">
          <Icon name="ended" />
          <span className="state-words">{t(ending.label)}</span>
        </p>
      </div>
      {ending.caller.number !== null ? (
        <p className="caller-sub">
          <span className="number">{ending.caller.number}</span>
        </p>
      ) : null}
      {ending.wrapUp && wrapUpHint ? <p className="call-meta">{t('call.ending.wrapup')}</p> : null}
    </article>
  );
}
