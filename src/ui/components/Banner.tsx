/** Across the top while Genesys is out of reach: what is wrong, when it retries, and what still works. */
import { shallowEqual } from '@xstate/react';
import { bannerView, selectConnection } from '../connection.connect';
import { useI18n, useSecondTicks } from '../hooks';
import { useToolbar, useToolbarActor } from '../toolbar.context';
import { Icon } from './Icon';

export function Banner() {
  const i18n = useI18n();
  const input = useToolbar(selectConnection, shallowEqual);
  const actor = useToolbarActor();
  // Ticks only while the countdown is shown, and only the banner re-renders.
  const now = useSecondTicks(input.reconnect?.retryAt ?? 0, input.state === 'reconnecting');
  const view = bannerView(input, now);
  // role=alert on the element that appears: said once when the link goes, not on every tick.
  if (!view) return null;
  return (
    <div className="banner" role="alert" data-testid="connection-banner">
      <p className="banner-title">
        <Icon name="warning" />
        <strong>{i18n.text(view.title)}</strong>
        {view.detail ? (
          <span className="detail" aria-live="off" data-testid="reconnect-countdown">
            {' · '}
            {i18n.text(view.detail)}
          </span>
        ) : null}
      </p>
      <p className="banner-still">{i18n.text(view.still)}</p>
      {view.action === 'useHere' ? (
        <button type="button" data-testid="use-here" onClick={() => actor.send({ type: 'connection.useHere' })}>
          {i18n.t('tabs.useHere')}
        </button>
      ) : null}
    </div>
  );
}
