/**
 * A connected call's transfer and keypad controls, rendered inside its card. The typed destination
 * and whether the keypad is open are the only local state; everything else is the machine's.
 */
import { useId, useState, type FormEvent } from 'react';
import { shallowEqual, useSelector } from '@xstate/react';
import { callControlsView, isTransferDestination, selectCallControls } from '../call-controls.connect';
import { useI18n } from '../hooks';
import { useToolbar, useToolbarActor, type CallRef } from '../toolbar.context';
import { Keypad } from './Keypad';

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
  if (!view.transfer.shown && !view.keypad.shown) return null;
  const valid = isTransferDestination(destination);
  const invalid = destination.trim() !== '' && !valid;

  const transfer = (event: FormEvent) => {
    event.preventDefault();
    if (!valid || !view.transfer.enabled) return;
    actor.send({ type: 'call.transfer', key: callKey, destination: destination.trim() });
  };

  return (
    <div className="call-controls" data-testid="call-controls">
      {view.transfer.shown ? (
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
          <button type="submit" className="call-button transfer" data-testid="transfer" disabled={!valid || !view.transfer.enabled}>
            {t('button.transfer')}
          </button>
        </form>
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
