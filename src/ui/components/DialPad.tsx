/**
 * Number field and Call, with the last dial's outcome right beside it. While calls are up it folds
 * behind "Dial a number" (the calls come first); the 12 keys show only when asked for. The typed
 * text and what is unfolded are the only local state.
 */
import { useId, useState, type FormEvent, type Ref } from 'react';
import { dialableForm } from '../../dialable';
import { isDialable } from '../../machines/toolbar.machine';
import { shallowEqual, useSelector } from '@xstate/react';
import { KEYPAD_KEYS, selectKeypadTarget } from '../call-controls.connect';
import { useI18n } from '../hooks';
import { noticesView, selectNotices } from '../notices.connect';
import { useCallKeys, useCallRef, useToolbar, useToolbarActor } from '../toolbar.context';
import { NoticeItem } from './Notices';
import { Icon } from './Icon';

/** @param inputRef the number field, where focus goes when the last call card that had it goes */
export function DialPad({ inputRef }: { inputRef?: Ref<HTMLInputElement> }) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  const online = useToolbar((snapshot) => snapshot.matches({ connection: 'open' }));
  const canDial = useToolbar((snapshot) => snapshot.context.config.capabilities.includes('outbound'));
  const canSendDtmf = useToolbar((snapshot) => snapshot.context.config.capabilities.includes('dtmf'));
  const activeKey = useToolbar((snapshot) => snapshot.context.activeCall);
  const connected = useSelector(useCallRef(activeKey ?? ''), selectKeypadTarget, shallowEqual);
  const hasCalls = useCallKeys().length > 0;
  const outcome = noticesView(useToolbar(selectNotices)).dialOutcome;
  const [number, setNumber] = useState('');
  const [unfolded, setUnfolded] = useState(false);
  const [keypad, setKeypad] = useState(false);
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const formId = useId();
  const keypadId = useId();
  const dialable = isDialable(number);
  const invalid = number.trim() !== '' && !dialable;
  const open = !hasCalls || unfolded;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dialable || !online) return;
    // Genesys and Fusion get the digits; the card shows them grouped again.
    actor.send({ type: 'agent.dial', number: dialableForm(number) });
    setNumber('');
    setUnfolded(false);
  };

  // A service that cannot place calls gets no dial pad (README: capabilities).
  // While the active call is connected, the dial pad's keys are that call's keypad (DTMF).
  const tones = connected && canSendDtmf && activeKey ? { key: activeKey, ...connected } : null;
  if (!canDial) return null;
  return (
    <section className={`panel dial${open ? '' : ' folded'}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={hasCalls ? 'visually-hidden' : undefined}>
        {t('section.dial')}
      </h2>
      {hasCalls ? (
        <button type="button" className="fold" data-testid="dial-unfold" aria-expanded={open} aria-controls={formId} onClick={() => setUnfolded((was) => !was)}>
          <Icon name={open ? 'unfolded' : 'folded'} />
          {t('dial.open')}
        </button>
      ) : null}
      <form id={formId} onSubmit={submit} hidden={!open}>
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
          <button type="button" className="icon-button" data-testid="dial-backspace" aria-label={t('button.backspace')} disabled={!number} onClick={() => setNumber((text) => text.slice(0, -1))}>
            <Icon name="backspace" className="icon-only" />
          </button>
          <button type="button" className="icon-button" data-testid="dial-keypad" aria-expanded={keypad} aria-controls={keypadId} title={t('dial.keypad')} onClick={() => setKeypad((was) => !was)}>
            <Icon name="keypad" className="icon-only" />
            <span className="visually-hidden">{t('dial.keypad')}</span>
          </button>
          <button type="submit" className="call-button accept" data-testid="dial-button" disabled={!dialable || !online}>
            <Icon name="answer" />
            {t('button.call')}
          </button>
        </div>
        <p id={hintId} className="hint" data-testid="dial-hint">
          {invalid ? t('dial.invalid') : ''}
        </p>
        <div
          className="keypad"
          id={keypadId}
          hidden={!keypad}
          role="group"
          data-keypad-for={tones?.key}
          aria-label={tones ? t('keypad.label', { number: tones.number || t('call.unknownNumber') }) : undefined}
        >
          {KEYPAD_KEYS.map(([digit, name]) => (
            <button
              key={name}
              type="button"
              data-testid={`dial-key-${name}`}
              disabled={tones !== null && !online}
              onClick={() => (tones ? actor.send({ type: 'call.sendDtmf', key: tones.key, digits: digit }) : setNumber((text) => text + digit))}
            >
              {digit}
            </button>
          ))}
          {tones?.digits ? (
            <p className="keypad-sent" data-testid="dial-keypad-sent">
              {t('keypad.sent', { digits: tones.digits })}
            </p>
          ) : null}
        </div>
      </form>
      {/* Outside the fold: a dial's outcome is seen even while other calls are up. */}
      <div className="dial-outcome" role="status" aria-label={t('dial.outcome')}>
        {outcome ? <NoticeItem notice={outcome} testId="dial-outcome" /> : null}
      </div>
    </section>
  );
}
