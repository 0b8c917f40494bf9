/** One call: number, direction, state, running timer, its error, and the buttons its state allows. */
import { useId, useLayoutEffect } from 'react';
import { shallowEqual, useSelector } from '@xstate/react';
import { callView, selectCall, type CallButtonView } from '../call.connect';
import { useI18n } from '../hooks';
import { useToolbar, useToolbarActor, type CallRef } from '../toolbar.context';
import { CallTimer } from './CallTimer';
import { BusyMark, ErrorText } from './Status';

interface CallCardProps {
  callRef: CallRef;
  callKey: string;
  active: boolean;
  /**
   * Called after each render and after the card goes: the buttons follow the call's state, so the
   * one with focus may have been removed or disabled, and focus must not fall to <body>.
   */
  restoreFocus?: () => void;
}

export function CallCard({ callRef, callKey, active, restoreFocus }: CallCardProps) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  const online = useToolbar((snapshot) => snapshot.matches({ connection: 'open' }));
  const capabilities = useToolbar((snapshot) => snapshot.context.config.capabilities);
  const view = callView(useSelector(callRef, selectCall, shallowEqual), online, capabilities);
  const titleId = useId();
  // Genesys may send no ANI; the number is caller data, so it is only ever rendered as text.
  const number = view.number || t('call.unknownNumber');
  useLayoutEffect(() => {
    restoreFocus?.();
  });
  // The list restores focus when it drops the card; this covers a card that goes on its own.
  useLayoutEffect(() => {
    if (!restoreFocus) return undefined;
    return () => queueMicrotask(restoreFocus);
  }, [restoreFocus]);
  return (
    <article
      className={`call-card${active ? ' active' : ''}`}
      data-testid="call-card"
      data-call-key={callKey}
      data-call-state={view.phase}
      aria-labelledby={titleId}
      aria-current={active ? 'true' : undefined}
      aria-busy={view.busy}
      // Focusing a card's control makes it the call the shortcuts act on.
      onFocus={() => {
        if (!active) actor.send({ type: 'call.focus', key: callKey });
      }}
    >
      {/* Focus lands here when the control that had it goes (tabIndex -1: not a Tab stop). */}
      <h3 id={titleId} className="call-title" data-call-title="" tabIndex={-1}>
        <span className="icon" aria-hidden="true">
          {view.directionIcon}
        </span>
        <span className="visually-hidden">{t(view.direction)}: </span>
        <span className="number" data-testid="call-number">
          {number}
        </span>
      </h3>
      <p className="call-meta">
        <span className="direction">{t(view.direction)}</span>
        <span className="call-state" data-testid="call-state">
          <span className="icon" aria-hidden="true">
            {view.icon}
          </span>
          {t(view.label)}
        </span>
        {view.showTimer ? <CallTimer since={view.since} /> : null}
        <BusyMark busy={view.busy} />
        {active ? <span className="badge">{t('call.active')}</span> : null}
      </p>
      {view.queue ? <p className="queue">{t('call.queue', { queue: view.queue })}</p> : null}
      {view.error ? <ErrorText error={view.error} alert /> : null}
      <div className="actions">
        {view.buttons.map((button) => (
          <CallButton key={button.id} button={button} callKey={callKey} />
        ))}
      </div>
    </article>
  );
}

const ICONS: Record<CallButtonView['id'], string> = {
  accept: '✆',
  decline: '✕',
  hangup: '✕',
  hold: '‖',
  resume: '▶',
  'cancel-dial': '✕',
};

function CallButton({ button, callKey }: { button: CallButtonView; callKey: string }) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  const label = t(button.label);
  return (
    <button
      type="button"
      className={`call-button ${button.id}`}
      data-testid={button.id}
      disabled={!button.enabled}
      title={button.shortcut ? t('button.shortcut', { label, keys: button.shortcut }) : label}
      aria-keyshortcuts={button.shortcut}
      onClick={() => actor.send({ type: button.event, key: callKey })}
    >
      <span className="icon" aria-hidden="true">
        {ICONS[button.id]}
      </span>
      {label}
    </button>
  );
}
