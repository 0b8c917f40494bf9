/** Whether Genesys (with the reconnect countdown) and Fusion are connected. */
import { useId } from 'react';
import { shallowEqual } from '@xstate/react';
import { connectionView, fusionView, selectConnection, selectFusion } from '../connection.connect';
import { useI18n, useSecondTicks } from '../hooks';
import { useToolbar } from '../toolbar.context';
import { ErrorText, StateLine } from './Status';

export function ConnectionStatus() {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="panel connection" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('section.status')}</h2>
      <GenesysStatus />
      <FusionStatus />
    </section>
  );
}

function GenesysStatus() {
  const i18n = useI18n();
  const input = useToolbar(selectConnection, shallowEqual);
  // Ticks only while a countdown is shown, and only this line re-renders.
  const now = useSecondTicks(input.reconnect?.retryAt ?? 0, input.state === 'reconnecting');
  const view = connectionView(input, now);
  return (
    <StateLine testId="connection-state" label={`${i18n.t('connection.label')}: ${i18n.text(view.text)}`} icon={view.icon} tone={view.tone} busy={view.busy}>
      {view.detail ? (
        // aria-live=off: the countdown ticks every second and must not be announced each time.
        <span className="detail" aria-live="off" data-testid="reconnect-countdown">
          {' · '}
          {i18n.text(view.detail)}
        </span>
      ) : null}
    </StateLine>
  );
}

function FusionStatus() {
  const i18n = useI18n();
  const view = fusionView(useToolbar(selectFusion, shallowEqual));
  return (
    <>
      <StateLine testId="fusion-state" label={`${i18n.t('fusion.label')}: ${i18n.text(view.text)}`} icon={view.icon} tone={view.tone} busy={view.busy} />
      {view.error ? <ErrorText error={view.error} /> : null}
    </>
  );
}
