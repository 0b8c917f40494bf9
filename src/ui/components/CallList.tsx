/** The live calls, one card each, in arrival order. */
import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { CallFocusKeeper } from '../call-focus';
import { useI18n } from '../hooks';
import { useCallKeys, useCallRef, useToolbar } from '../toolbar.context';
import { CallCard } from './CallCard';

interface CallListProps {
  /** Where keyboard focus goes when it was in a card that went and no other card is left (the dial input). */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

export function CallList({ fallbackFocus }: CallListProps) {
  const { t } = useI18n();
  const keys = useCallKeys();
  const activeCall = useToolbar((snapshot) => snapshot.context.activeCall);
  const headingId = useId();
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [keeper] = useState(
    () => new CallFocusKeeper(() => ({ section: section.current, fallbacks: [fallbackFocus?.current, heading.current] })),
  );

  useLayoutEffect(() => {
    const element = section.current;
    if (!element) return undefined;
    element.addEventListener('focusin', keeper.focusIn);
    element.addEventListener('focusout', keeper.focusOut);
    return () => {
      element.removeEventListener('focusin', keeper.focusIn);
      element.removeEventListener('focusout', keeper.focusOut);
    };
  }, [keeper]);

  // A card that went may have had focus: restore it before the new order replaces the old one.
  useLayoutEffect(() => {
    keeper.restore();
    keeper.setOrder(keys);
  }, [keeper, keys]);

  return (
    <section ref={section} className="panel calls" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('section.calls')}
      </h2>
      {keys.length === 0 ? (
        <p className="empty">{t('calls.none')}</p>
      ) : (
        <ul className="call-list">
          {keys.map((key) => (
            <li key={key}>
              <CallSlot callKey={key} active={key === activeCall} restoreFocus={keeper.restore} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CallSlot({ callKey, active, restoreFocus }: { callKey: string; active: boolean; restoreFocus: () => void }) {
  const callRef = useCallRef(callKey);
  return callRef ? <CallCard callRef={callRef} callKey={callKey} active={active} restoreFocus={restoreFocus} /> : null;
}
