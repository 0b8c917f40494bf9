/** After-call work: how long it has run, when it ends by itself, and Done. */
import { useId } from 'react';
import { shallowEqual } from '@xstate/react';
import { selectWrapUp, wrapUpView } from '../wrap-up.connect';
import { useI18n, useSecondTicks } from '../hooks';
import { useToolbar, useToolbarActor } from '../toolbar.context';

export function WrapUpPanel() {
  const i18n = useI18n();
  const actor = useToolbarActor();
  const view = wrapUpView(useToolbar(selectWrapUp, shallowEqual));
  const headingId = useId();
  const now = useSecondTicks(view.since, view.shown && !view.busy);
  if (!view.shown) return null;
  return (
    <section className="panel wrap-up" aria-labelledby={headingId} aria-busy={view.busy} data-testid="wrap-up">
      <h2 id={headingId}>{i18n.t('wrapup.title')}</h2>
      {view.busy ? (
        <p className="wrap-up-state">{i18n.t('wrapup.requesting')}</p>
      ) : (
        <p className="wrap-up-state">
          <span role="timer" data-testid="wrap-up-timer">
            {i18n.t('wrapup.time', { time: i18n.duration(now - view.since) })}
          </span>{' '}
          <span className="hint">{i18n.t('wrapup.limit', { time: i18n.duration(view.limitMs) })}</span>
        </p>
      )}
      <button type="button" className="call-button done" data-testid="wrap-up-done" disabled={!view.doneEnabled} onClick={() => actor.send({ type: 'agent.wrapUpDone' })}>
        {i18n.t('button.done')}
      </button>
    </section>
  );
}
