/** Small React hooks shared by the components. */
import { useEffect, useState } from 'react';
import { elapsedClock } from '../adapters/clock/elapsed';
import { translatorFor, type Translator } from './i18n';
import { useToolbar } from './toolbar.context';

/** Milliseconds until the next whole second counted from `anchor` (in (0, 1000]). */
export function msToNextSecond(now: number, anchor: number): number {
  return 1000 - ((((now - anchor) % 1000) + 1000) % 1000);
}

/**
 * The current time as seen from `anchor` (a call's `since`, a reconnect's `retryAt`): `anchor`
 * plus the time since it on the monotonic clock, so `now - anchor` ignores wall-clock jumps.
 * Refreshed on each whole second counted from `anchor` while `active`, so a timer turns exactly
 * when its seconds do. Only the calling component re-renders.
 */
export function useSecondTicks(anchor: number, active = true): number {
  const [now, setNow] = useState(() => anchor + elapsedClock.elapsed(anchor));
  useEffect(() => {
    if (!active) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const time = anchor + elapsedClock.elapsed(anchor);
      setNow(time);
      timer = setTimeout(tick, msToNextSecond(time, anchor));
    };
    tick();
    return () => clearTimeout(timer);
  }, [anchor, active]);
  return now;
}

/** Words and formats in the configured language. */
export function useI18n(): Translator {
  return translatorFor(useToolbar((snapshot) => snapshot.context.config.lang));
}
