/** mm:ss since `since` (the call's phase, or the hold); its own component so only it re-renders each second. */
import { useI18n, useSecondTicks } from '../hooks';
import type { UiKey } from '../i18n';

export function CallTimer({ since, label = 'call.duration', testId = 'call-timer' }: { since: number; label?: UiKey; testId?: string }) {
  const i18n = useI18n();
  const now = useSecondTicks(since);
  return (
    <span className={`timer ${testId}`} role="timer">
      <span className="timer-label">{i18n.t(label)} </span>
      <span data-testid={testId}>{i18n.duration(now - since)}</span>
    </span>
  );
}
