/** mm:ss since the call's phase began; its own component so only it re-renders each second. */
import { useI18n, useSecondTicks } from '../hooks';

export function CallTimer({ since }: { since: number }) {
  const i18n = useI18n();
  const now = useSecondTicks(since);
  return (
    <span className="timer" role="timer">
      <span className="visually-hidden">{i18n.t('call.duration')} </span>
      <span data-testid="call-timer">{i18n.duration(now - since)}</span>
    </span>
  );
}
