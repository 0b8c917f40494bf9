/** Number field, digit keys and Call: sends agent.dial; the typed text is the only local state. */
import { useId, useState, type FormEvent, type Ref } from 'react';
import { isDialable } from '../../machines/toolbar.machine';
import { useI18n } from '../hooks';
import { useToolbar, useToolbarActor } from '../toolbar.context';

const KEYS = [
  ['1', '1'],
  ['2', '2'],
  ['3', '3'],
  ['4', '4'],
  ['5', '5'],
  ['6', '6'],
  ['7', '7'],
  ['8', '8'],
  ['9', '9'],
  ['*', 'star'],
  ['0', '0'],
  ['#', 'hash'],
] as const;

/** @param inputRef the number field, where focus goes when the last call card that had it goes */
export function DialPad({ inputRef }: { inputRef?: Ref<HTMLInputElement> }) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  const online = useToolbar((snapshot) => snapshot.matches({ connection: 'open' }));
  const canDial = useToolbar((snapshot) => snapshot.context.config.capabilities.includes('outbound'));
  const [number, setNumber] = useState('');
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const dialable = isDialable(number);
  const invalid = number.trim() !== '' && !dialable;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dialable || !online) return;
    actor.send({ type: 'agent.dial', number: number.trim() });
    setNumber('');
  };

  // A service that cannot place calls gets no dial pad (README: capabilities).
  if (!canDial) return null;
  return (
    <section className="panel dial" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('section.dial')}</h2>
      <form onSubmit={submit}>
        <label htmlFor={inputId}>{t('dial.input')}</label>
        <div className="dial-row">
          <input
            ref={inputRef}
            id={inputId}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            data-testid="dial-input"
            value={number}
            aria-invalid={invalid}
            aria-describedby={hintId}
            onChange={(event) => setNumber(event.target.value)}
          />
          <button type="button" data-testid="dial-backspace" aria-label={t('button.backspace')} disabled={!number} onClick={() => setNumber((text) => text.slice(0, -1))}>
            <span aria-hidden="true">⌫</span>
          </button>
        </div>
        <p id={hintId} className="hint" data-testid="dial-hint">
          {invalid ? t('dial.invalid') : ''}
        </p>
        <div className="keypad">
          {KEYS.map(([digit, name]) => (
            <button key={name} type="button" data-testid={`dial-key-${name}`} onClick={() => setNumber((text) => text + digit)}>
              {digit}
            </button>
          ))}
        </div>
        <button type="submit" className="call-button accept" data-testid="dial-button" disabled={!dialable || !online}>
          <span className="icon" aria-hidden="true">
            ✆
          </span>
          {t('button.call')}
        </button>
      </form>
    </section>
  );
}
