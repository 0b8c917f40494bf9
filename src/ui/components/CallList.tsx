/** The live calls, ringing ones first, then the others in arrival order, then those that just ended. */
import { memo, useId, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { CallFocusKeeper } from '../call-focus';
import { endingsView, orderCalls, selectEndings } from '../calls.connect';
import { useI18n } from '../hooks';
import { useCallRef, useToolbar } from '../toolbar.context';
import { useCallSummaries } from '../useCallSummaries';
import { CallCard } from './CallCard';
import { EndedCard } from './EndedCard';
import { selectWrapUp } from '../wrap-up.connect';

interface CallListProps {
  /** Where keyboard focus goes when it was in a card that went and no other card is left (the dial input). */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

export function CallList({ fallbackFocus }: CallListProps) {
  const { t } = useI18n();
  const summaries = useCallSummaries();
  const keys = useMemo(() => {
    const pinned = new Set(summaries.filter((call) => call.ringing).map((call) => call.key));
    return orderCalls(
      summaries.map((call) => call.key),
      pinned,
    );
  }, [summaries]);
  const endings = endingsView(useToolbar(selectEndings), keys);
  const activeCall = useToolbar((snapshot) => snapshot.context.activeCall);
  // During the toolbar's own after-call work its panel names the customer and says what to do.
  const wrappingUp = useToolbar((snapshot) => selectWrapUp(snapshot).phase !== null);
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

  const empty = keys.length === 0 && endings.length === 0 && !wrappingUp;
  return (
    <section ref={section} className="calls" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="visually-hidden">
        {t('section.calls')}
      </h2>
      {empty ? (
        <p className="empty">{t('calls.none')}</p>
      ) : (
        <ul className="call-list">
          {keys.map((key) => (
            <li key={key}>
              <CallSlot callKey={key} active={key === activeCall} showActive={keys.length > 1} restoreFocus={keeper.restore} />
            </li>
          ))}
          {endings.map((ending) => (
            <li key={`ended:${ending.key}`}>
              <EndedCard ending={ending} wrapUpHint={!wrappingUp} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// Memoised: a new call re-renders the list, not the cards already in it.
const CallSlot = memo(function CallSlot({ callKey, active, showActive, restoreFocus }: { callKey: string; active: boolean; showActive: boolean; restoreFocus: () => void }) {
  const callRef = useCallRef(callKey);
  return callRef ? <CallCard callRef={callRef} callKey={callKey} active={active} showActive={showActive} restoreFocus={restoreFocus} /> : null;
});
