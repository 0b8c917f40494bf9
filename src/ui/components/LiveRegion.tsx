/**
 * Announces call changes to screen readers. Each call is watched through its own `useSelector`;
 * the announcement text is UI-local (what was last said), never call state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { shallowEqual, useSelector } from '@xstate/react';
import { announce, selectSummary, type Announcement, type CallSummary } from '../announce.connect';
import { useI18n } from '../hooks';
import type { Text, Translator } from '../i18n';
import { useCallKeys, useCallRef } from '../toolbar.context';

type Report = (key: string, summary: CallSummary | undefined) => void;

/**
 * How long the region stays empty before the same words are said again. Setting identical text
 * leaves the DOM unchanged, so screen readers would say nothing; clearing and refilling in one
 * frame can be merged into no change too, so the refill waits a little.
 */
export const REPEAT_DELAY_MS = 150;

/** The words of an announcement; a call without a number (no ANI) is named as such. */
function wordsOf(i18n: Translator, { key, params }: Text): string {
  if (params && params.number === '') return i18n.text({ key, params: { ...params, number: i18n.t('call.unknownNumber') } });
  return i18n.text({ key, params });
}

export function LiveRegion() {
  const i18n = useI18n();
  const keys = useCallKeys();
  const last = useRef(new Map<string, CallSummary>());
  const [said, setSaid] = useState<Announcement | null>(null);
  // What the region says or is about to say, to spot a repeat; and the pending refill.
  const latest = useRef<{ words: string; urgency: Announcement['urgency'] } | null>(null);
  const refill = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const say = useCallback(
    (message: Announcement) => {
      const words = wordsOf(i18n, message.text);
      const repeat = latest.current !== null && latest.current.words === words && latest.current.urgency === message.urgency;
      latest.current = { words, urgency: message.urgency };
      clearTimeout(refill.current);
      refill.current = undefined;
      if (!repeat) {
        setSaid(message);
        return;
      }
      setSaid(null);
      refill.current = setTimeout(() => {
        refill.current = undefined;
        setSaid(message);
      }, REPEAT_DELAY_MS);
    },
    [i18n],
  );

  useEffect(() => () => clearTimeout(refill.current), []);

  const report = useCallback<Report>(
    (key, summary) => {
      const message = announce(last.current.get(key), summary);
      if (summary) last.current.set(key, summary);
      else last.current.delete(key);
      if (message) say(message);
    },
    [say],
  );

  // A call the root removed has ended, whether or not its card saw the final state.
  useEffect(() => {
    for (const key of [...last.current.keys()]) if (!keys.includes(key)) report(key, undefined);
  }, [keys, report]);

  const text = said ? wordsOf(i18n, said.text) : '';
  return (
    <div className="visually-hidden" data-testid="live-region">
      <div role="status" aria-live="polite" data-testid="live-polite">
        {said?.urgency === 'polite' ? text : ''}
      </div>
      <div aria-live="assertive" data-testid="live-assertive">
        {said?.urgency === 'assertive' ? text : ''}
      </div>
      {keys.map((key) => (
        <CallWatcher key={key} callKey={key} report={report} />
      ))}
    </div>
  );
}

function CallWatcher({ callKey, report }: { callKey: string; report: Report }) {
  const summary = useSelector(useCallRef(callKey), (snapshot) => (snapshot ? selectSummary(snapshot) : undefined), shallowEqual);
  useEffect(() => {
    if (summary) report(callKey, summary);
  }, [callKey, summary, report]);
  return null;
}
