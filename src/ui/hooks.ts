/** Small React hooks shared by the components. */
import { useEffect, useState } from 'react';
import { translatorFor, type Translator } from './i18n';
import { useToolbar } from './toolbar.context';

/** The current time, refreshed every `intervalMs` while `active`; only its caller re-renders. */
export function useNow(intervalMs = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}

/** Words and formats in the configured language. */
export function useI18n(): Translator {
  return translatorFor(useToolbar((snapshot) => snapshot.context.config.lang));
}
