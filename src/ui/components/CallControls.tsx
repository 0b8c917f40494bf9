/**
 * A connected call's transfer and keypad controls, rendered inside its card. The typed destination
 * and whether the keypad is open are the only local state; everything else is the machine's.
 */
import { useId, useState, type FormEvent } from 'react';
import { shallowEqual, useSelector } from '@xstate/react';
import { callControlsView, isTransferDestination, selectCallControls, type CallControlsView, type ControlView } from '../call-controls.connect';
import { useI18n } from '../hooks';
import { useToolbar, useToolbarActor, type CallRef } from '../toolbar.context';
import { Keypad } from './Keypad';

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
  const [destination, setDestination] = useState('');
  const [keypadOpen, setKeypadOpen] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const keypadId = useId();
  const steps = CONSULT_STEPS.filter((item) => view[item.view].shown);
  const withDestination = view.transfer.shown || view.consult.shown || view.conference.shown;
  if (!withDestination && !view.keypad.shown && steps.length === 0) return null;
  const valid = isTransferDestination(destination);
  const invalid = destination.trim() !== '' && !valid;
  // Blind transfer, consult or conference: each goes to the number typed in "Transfer to".
  const toDestination = (type: 'call.transfer' | 'call.consult' | 'call.conference', control: ControlView) => {
    if (!valid || !control.enabled) return;
    actor.send({ type, key: callKey, destination: destination.trim() });
  };
  const transfer = (event: FormEvent) => {
    event.preventDefault();
    toDestination('call.transfer', view.transfer);
  };

  return (
    <div className="call-controls" data-testid="call-controls">
      {withDestination ? (
        <form className="transfer" onSubmit={transfer}>
          <label htmlFor={inputId}>{t('transfer.input')}</label>
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
          <span id={hintId} className="hint">
            {invalid ? t('transfer.invalid') : ''}
          </span>
          {view.transfer.shown ? (
            <button type="submit" className="call-button transfer" data-testid="transfer" disabled={!valid || !view.transfer.enabled}>
              {t('button.transfer')}
            </button>
          ) : null}
          {view.consult.shown ? (
            <button type="button" className="call-button consult" data-testid="consult" disabled={!valid || !view.consult.enabled} onClick={() => toDestination('call.consult', view.consult)}>
              {t('button.consult')}
            </button>
          ) : null}
          {view.conference.shown ? (
            <button type="button" className="call-button conference" data-testid="conference" disabled={!valid || !view.conference.enabled} onClick={() => toDestination('call.conference', view.conference)}>
              {t('button.conference')}
            </button>
          ) : null}
        </form>
      ) : null}
      {steps.length > 0 ? (
        <div className="consult-steps" role="group" aria-label={t('button.consult')} data-testid="consult-steps">
          {steps.map((item) => (
            <button
              key={item.id}
              type="button"
              className={`call-button ${item.id}`}
              data-testid={item.id}
              disabled={!view[item.view].enabled}
              onClick={() => actor.send({ type: item.event, key: callKey })}
            >
              {t(`button.${item.id}`)}
            </button>
          ))}
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
