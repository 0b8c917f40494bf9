/** After-call work: whose call, the time left before it ends by itself, and Done (one heading, one action). */
import { useId } from 'react';
import { shallowEqual } from '@xstate/react';
import { countdown, selectWrapUp, wrapUpView } from '../wrap-up.connect';
import { useI18n, useSecondTicks } from '../hooks';
import { useToolbar, useToolbarActor } from '../toolbar.context';

export function WrapUpPanel() {
  const i18n = useI18n();
  const actor = useToolbarActor();
  const view = wrapUpView(useToolbar(selectWrapUp, shallowEqual));
  const headingId = useId();
  const now = useSecondTicks(view.since, view.shown && !view.busy);
  if (!view.shown) return null;
  const left = countdown(view, now);
  const caller = view.caller;
  return (
    <section className="panel wrap-up" aria-labelledby={headingId} aria-busy={view.busy} data-testid="wrap-up">
      {/* The header already says "After-call work": the panel's one heading names the customer. */}
      <h2 id={headingId} className="wrap-up-title">
        <span className={caller ? 'visually-hidden' : undefined}>{i18n.t('wrapup.title')}</span>
        {caller ? (
          <>
            <span className="visually-hidden">: </span>
            <span className="caller-name" data-testid="wrap-up-caller">
              {caller.title}
            </span>
          </>
        ) : null}
      </h2>
      {caller?.number ? (
        <p className="caller-sub">
          <span className="number" data-testid="wrap-up-number">
            {caller.number}
          </span>
          {caller.account ? <span className="account">{i18n.t('call.account', { account: caller.account })}</span> : null}
        </p>
      ) : null}
      {view.busy ? (
        <p className="wrap-up-state">{i18n.t('wrapup.requesting')}</p>
      ) : (
        <p className={`wrap-up-state${left.ending ? ' ending' : ''}`}>
          <span role="timer" data-testid="wrap-up-timer">
            {i18n.t('wrapup.left', { time: i18n.duration(left.leftMs) })}
          </span>
        </p>
      )}
      <p className="wrap-up-how">{i18n.t('wrapup.how')}</p>
      <button type="button" className="call-button done" data-testid="wrap-up-done" disabled={!view.doneEnabled} onClick={() => actor.send({ type: 'agent.wrapUpDone' })}>
        {i18n.t('button.done')}
      </button>
    </section>
  );
}
