/**
 * One call: who (name, then number and account), its state in words, icon and colour, the running
 * timer (and the hold timer), its error, and the buttons its state allows.
 */
import { useId, useLayoutEffect, useRef } from 'react';
import { shallowEqual, useSelector } from '@xstate/react';
import { callView, selectCall, type CallButtonId, type CallButtonView } from '../call.connect';
import { useI18n } from '../hooks';
import { useToolbar, useToolbarActor, type CallRef } from '../toolbar.context';
import { CallControls } from './CallControls';
import { CallTimer } from './CallTimer';
import { BusyMark, ErrorText } from './Status';
import { Icon } from './Icon';
import type { IconName } from '../icon-names';
import type { PartyView } from '../consult.connect';

interface CallCardProps {
  callRef: CallRef;
  callKey: string;
  /** The call the shortcuts act on; marked only when there is more than one call. */
  active: boolean;
  showActive?: boolean;
  /**
   * Called after each render and after the card goes: the buttons follow the call's state, so the
   * one with focus may have been removed or disabled, and focus must not fall to <body>.
   */
  restoreFocus?: () => void;
}

/** The control that undoes (or follows) each action: focus goes there once it appears. */
const UNDO: Partial<Record<CallButtonId, CallButtonId>> = { hold: 'resume', resume: 'hold', accept: 'hangup' };

export function CallCard({ callRef, callKey, active, showActive = false, restoreFocus }: CallCardProps) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  const online = useToolbar((snapshot) => snapshot.matches({ connection: 'open' }));
  // Restored after a reload and not yet confirmed by Genesys' snapshot.
  const restoring = useToolbar((snapshot) => Object.hasOwn(snapshot.context.calls, callKey) && snapshot.context.calls[callKey]?.restoring === true);
  const capabilities = useToolbar((snapshot) => snapshot.context.config.capabilities);
  const view = callView(useSelector(callRef, selectCall, shallowEqual), online, capabilities);
  const titleId = useId();
  const card = useRef<HTMLElement>(null);
  // Which control should get focus next (UI-local: where the agent's keyboard is, not call state).
  const focusNext = useRef<CallButtonId | null>(null);
  // Genesys may send no ANI; caller data is only ever rendered as text.
  const title = view.caller.title || t('call.unknownNumber');
  useLayoutEffect(() => {
    restoreFocus?.();
    const wanted = focusNext.current;
    if (!wanted || !card.current) return;
    const target = card.current.querySelector<HTMLButtonElement>(`[data-testid="${wanted}"]`);
    if (!target || target.disabled) return;
    focusNext.current = null;
    const here = card.current.ownerDocument.activeElement;
    // Only when focus is still where the action left it: in this card or adrift.
    if (here === null || here === card.current.ownerDocument.body || card.current.contains(here)) target.focus();
  });
  // The list restores focus when it drops the card; this covers a card that goes on its own.
  useLayoutEffect(() => {
    if (!restoreFocus) return undefined;
    return () => queueMicrotask(restoreFocus);
  }, [restoreFocus]);
  const press = (button: CallButtonView) => {
    focusNext.current = UNDO[button.id] ?? null;
    actor.send({ type: button.event, key: callKey });
  };
  return (
    <article
      ref={card}
      className={`call-card tone-${view.tone}${active && showActive ? ' active' : ''}`}
      data-testid="call-card"
      data-call-key={callKey}
      data-call-state={view.phase}
      aria-labelledby={titleId}
      aria-current={active && showActive ? 'true' : undefined}
      aria-busy={view.busy}
      // Focusing a card's control makes it the call the shortcuts act on.
      onFocus={() => {
        if (!active) actor.send({ type: 'call.focus', key: callKey });
      }}
    >
      <div className="call-head">
        {/* Focus lands here when the control that had it goes (tabIndex -1: not a Tab stop). */}
        <h3 id={titleId} className="call-title" data-call-title="" tabIndex={-1}>
          <span className="visually-hidden">{t(view.direction)}: </span>
          <span className="caller-name" data-testid="call-caller">
            {title}
          </span>
        </h3>
        <p className="call-state" data-testid="call-state">
          <Icon name={view.icon} />
          <span className="state-words">{t(view.label, view.labelParams)}</span>
          <BusyMark busy={view.busy} />
        </p>
      </div>
      <p className="caller-sub">
        {view.caller.number !== null ? (
          <span className="number" data-testid="call-number">
            {view.caller.number}
          </span>
        ) : (
          <span className="visually-hidden" data-testid="call-number">
            {title}
          </span>
        )}
        {view.caller.account ? <span className="account">{t('call.account', { account: view.caller.account })}</span> : null}
      </p>
      <p className="call-meta">
        <span className="direction">
          <Icon name={view.directionIcon} /> {t(view.direction)}
        </span>
        {view.queue ? <span className="queue">{t('call.queue', { queue: view.queue })}</span> : null}
        {view.showTimer ? <CallTimer since={view.since} /> : null}
        {view.heldSince !== null ? <CallTimer since={view.heldSince} label="call.heldFor" testId="hold-timer" /> : null}
        {active && showActive ? <span className="badge">{t('call.active')}</span> : null}
        {restoring ? (
          <span className="badge" data-testid="call-restoring">
            {t('call.restoring')}
          </span>
        ) : null}
      </p>
      {view.consult ? <ConsultParties parties={view.consult} /> : null}
      {view.parties.length > 0 ? (
        <p className="call-parties" data-testid="call-parties">
          {t('call.parties', { parties: view.parties.join(', ') })}
        </p>
      ) : null}
      {view.error ? <ErrorText error={view.error} alert /> : null}
      <div className="actions">
        {view.buttons.map((button) => (
          <CallButton key={button.id} button={button} onPress={press} />
        ))}
      </div>
      <CallControls callRef={callRef} callKey={callKey} number={title} />
    </article>
  );
}

const ICONS: Record<CallButtonView['id'], IconName> = {
  accept: 'answer',
  decline: 'hangUp',
  hangup: 'hangUp',
  hold: 'held',
  resume: 'resume',
  'cancel-dial': 'hangUp',
};

/** Both sides of a consult, each with its state words and timer; the one the agent hears is marked in words. */
function ConsultParties({ parties }: { parties: PartyView[] }) {
  const { t } = useI18n();
  return (
    <ul className="consult-parties" aria-label={t('consult.parties')} data-testid="consult-parties">
      {parties.map((party) => (
        <li key={party.who} className={`party${party.talking ? ' talking' : ''}`} data-testid="consult-party" data-party={party.who} aria-current={party.talking ? 'true' : undefined}>
          <Icon name={party.icon} />
          <span className="party-who">
            <span className="party-role">{t(party.role)}</span> <span className="party-name">{party.name}</span>
          </span>
          {party.stateShown ? <span className="party-state">{t(party.state)}</span> : null}
          {party.timer ? <CallTimer since={party.timer.since} label={party.timer.label} testId={`${party.who}-timer`} /> : null}
        </li>
      ))}
    </ul>
  );
}

function CallButton({ button, onPress }: { button: CallButtonView; onPress: (button: CallButtonView) => void }) {
  const { t } = useI18n();
  const label = t(button.label);
  return (
    <button
      type="button"
      className={`call-button ${button.id}`}
      data-testid={button.id}
      disabled={!button.enabled}
      title={button.shortcut ? t('button.shortcut', { label, keys: button.shortcut }) : label}
      aria-keyshortcuts={button.shortcut}
      onClick={() => onPress(button)}
    >
      <Icon name={ICONS[button.id]} />
      {label}
    </button>
  );
}
