/**
 * Announces call changes to screen readers. Each call is watched through its own `useSelector`;
 * the announcement text is UI-local (what was last said), never call state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { shallowEqual, useSelector } from '@xstate/react';
import { announce, selectSummary, type Announcement, type CallSummary } from '../announce.connect';
import { useI18n } from '../hooks';
import { useCallKeys, useCallRef } from '../toolbar.context';

type Report = (key: string, summary: CallSummary | undefined) => void;

export function LiveRegion() {
  const i18n = useI18n();
  const keys = useCallKeys();
  const last = useRef(new Map<string, CallSummary>());
  const [said, setSaid] = useState<Announcement | null>(null);

  const report = useCallback<Report>((key, summary) => {
    const message = announce(last.current.get(key), summary);
    if (summary) last.current.set(key, summary);
    else last.current.delete(key);
    if (message) setSaid(message);
  }, []);

  // A call the root removed has ended, whether or not its card saw the final state.
  useEffect(() => {
    for (const key of [...last.current.keys()]) if (!keys.includes(key)) report(key, undefined);
  }, [keys, report]);

  const text = said ? i18n.text(said.text) : '';
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
