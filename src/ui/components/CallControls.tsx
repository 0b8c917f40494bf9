/**
 * A connected call's transfer and keypad controls, rendered inside its card: the action first, then
 * a destination field labelled for it. The action picked, the typed destination and whether the
 * keypad is open are the only local state; everything else is the machine's.
 */
import { useId, useState, type FormEvent } from 'react';
import { shallowEqual, useSelector } from '@xstate/react';
import { callControlsView, DESTINATION_ACTIONS, isTransferDestination, selectCallControls, type CallControlsView, type ControlView, type DestinationAction } from '../call-controls.connect';
import type { UiKey } from '../i18n';
import { dialableForm } from '../../dialable';
import { useI18n } from '../hooks';
import { useToolbar, useToolbarActor, type CallRef } from '../toolbar.context';
import { Keypad } from './Keypad';

/** The reasons a group's controls do not work, each said once. */
function whyOf(controls: readonly ControlView[]): UiKey[] {
  return [...new Set(controls.flatMap((control) => (control.why ? [control.why] : [])))];
}

/** The steps of a consult under way, in the order agents read them. */
const CONSULT_STEPS = [
  { id: 'complete-transfer', view: 'completeTransfer', event: 'call.completeTransfer' },
  { id: 'complete-conference', view: 'completeConference', event: 'call.completeConference' },
  { id: 'swap', view: 'swap', event: 'call.swap' },
  { id: 'cancel-consult', view: 'cancelConsult', event: 'call.cancelConsult' },
] as const satisfies readonly { id: string; view: keyof CallControlsView; event: string }[];

export function CallControls({ callRef, callKey, number }: { callRef: CallRef; callKey: string; number: string }) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  const online = useToolbar((snapshot) => snapshot.matches({ connection: 'open' }));
  const capabilities = useToolbar((snapshot) => snapshot.context.config.capabilities);
  const view = callControlsView(useSelector(callRef, selectCallControls, shallowEqual), online, capabilities);
  // UI-local: which action the agent picked and what they typed, not call state.
  const [chosen, setChosen] = useState<DestinationAction | null>(null);
  const [destination, setDestination] = useState('');
  const [keypadOpen, setKeypadOpen] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const formId = useId();
  const whyId = useId();
  const stepsWhyId = useId();
  const keypadId = useId();
  const steps = CONSULT_STEPS.filter((item) => view[item.view].shown);
  const actions = DESTINATION_ACTIONS.filter((item) => view[item.action].shown);
  const picked = actions.find((item) => item.action === chosen) ?? null;
  if (actions.length === 0 && !view.keypad.shown && steps.length === 0) return null;
  const valid = isTransferDestination(destination);
  const invalid = destination.trim() !== '' && !valid;
  const actionsWhy = whyOf(actions.map((item) => view[item.action]));
  const stepsWhy = whyOf(steps.map((item) => view[item.view]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!picked || !valid || !view[picked.action].enabled) return;
    actor.send({ type: picked.event, key: callKey, destination: dialableForm(destination) });
    setChosen(null);
    setDestination('');
  };

  return (
    <div className="call-controls" data-testid="call-controls">
      {actions.length > 0 ? (
        <div className="destination-actions" role="group" aria-label={t('controls.passOn')}>
          {actions.map((item) => (
            <button
              key={item.action}
              type="button"
              className={`call-button ${item.action}`}
              data-testid={item.action}
              aria-expanded={chosen === item.action}
              aria-controls={formId}
              aria-describedby={actionsWhy.length > 0 ? whyId : undefined}
              disabled={!view[item.action].enabled}
              onClick={() => setChosen((was) => (was === item.action ? null : item.action))}
            >
              {t(`button.${item.action}`)}
            </button>
          ))}
          {actionsWhy.length > 0 ? (
            <p id={whyId} className="why" data-testid="controls-why">
              {actionsWhy.map((key) => t(key)).join(' ')}
            </p>
          ) : null}
        </div>
      ) : null}
      {/* The destination comes second, in a field labelled for the action picked. */}
      <form id={formId} className="transfer" onSubmit={submit} hidden={!picked}>
        {picked ? (
          <>
            <label htmlFor={inputId}>{t(picked.input)}</label>
            <input
              id={inputId}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              data-testid="transfer-input"
              value={destination}
              aria-invalid={invalid}
              aria-describedby={hintId}
              onChange={(event) => setDestination(event.target.value)}
            />
            <button type="submit" className="call-button go" data-testid={`${picked.action}-go`} disabled={!valid || !view[picked.action].enabled}>
              {t(picked.go)}
            </button>
            <span id={hintId} className="hint">
              {invalid ? t('transfer.invalid') : ''}
            </span>
          </>
        ) : null}
      </form>
      {steps.length > 0 ? (
        <div className="consult-steps" role="group" aria-label={t('button.consult')} data-testid="consult-steps">
          {steps.map((item) => (
            <button
              key={item.id}
              type="button"
              className={`call-button ${item.id}`}
              data-testid={item.id}
              disabled={!view[item.view].enabled}
              aria-describedby={view[item.view].why ? stepsWhyId : undefined}
              onClick={() => actor.send({ type: item.event, key: callKey })}
            >
              {t(`button.${item.id}`)}
            </button>
          ))}
          {stepsWhy.length > 0 ? (
            <p id={stepsWhyId} className="why" data-testid="consult-why">
              {stepsWhy.map((key) => t(key)).join(' ')}
            </p>
          ) : null}
        </div>
      ) : null}
      {view.keypad.shown ? (
        <>
          <button
            type="button"
            className="call-button keypad-toggle"
            data-testid="keypad"
            aria-expanded={keypadOpen}
            aria-controls={keypadId}
            onClick={() => setKeypadOpen((open) => !open)}
          >
            {t('button.keypad')}
          </button>
          {keypadOpen ? (
            <Keypad
              id={keypadId}
              label={t('keypad.label', { number })}
              digits={view.keypad.digits}
              enabled={view.keypad.enabled}
              onKey={(digits) => actor.send({ type: 'call.sendDtmf', key: callKey, digits })}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
