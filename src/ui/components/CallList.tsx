/** The live calls, one card each, in arrival order. */
import { useId } from 'react';
import { useI18n } from '../hooks';
import { useCallKeys, useCallRef, useToolbar } from '../toolbar.context';
import { CallCard } from './CallCard';

export function CallList() {
  const { t } = useI18n();
  const keys = useCallKeys();
  const activeCall = useToolbar((snapshot) => snapshot.context.activeCall);
  const headingId = useId();
  return (
    <section className="panel calls" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('section.calls')}</h2>
      {keys.length === 0 ? (
        <p className="empty">{t('calls.none')}</p>
      ) : (
        <ul className="call-list">
          {keys.map((key) => (
            <li key={key}>
              <CallSlot callKey={key} active={key === activeCall} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CallSlot({ callKey, active }: { callKey: string; active: boolean }) {
  const callRef = useCallRef(callKey);
  return callRef ? <CallCard callRef={callRef} callKey={callKey} active={active} /> : null;
}
