/** The twelve DTMF keys of a connected call and the digits sent so far (shown as text). */
import { useI18n } from '../hooks';
import { KEYPAD_KEYS, SENT_LABEL } from '../call-controls.connect';

interface KeypadProps {
  id?: string;
  /** Accessible name of the key group, e.g. "Keypad for the call with +1555…". */
  label: string;
  digits: string;
  enabled: boolean;
  onKey: (digit: string) => void;
}

export function Keypad({ id, label, digits, enabled, onKey }: KeypadProps) {
  const { t } = useI18n();
  return (
    <div id={id} className="keypad call-keypad" role="group" aria-label={label} data-testid="call-keypad">
      {KEYPAD_KEYS.map(([digit, name]) => (
        <button key={name} type="button" data-testid={`keypad-key-${name}`} disabled={!enabled} onClick={() => onKey(digit)}>
          {digit}
        </button>
      ))}
      <p className="keypad-sent" data-testid="keypad-sent">
        {digits ? t(SENT_LABEL, { digits }) : ''}
      </p>
    </div>
  );
}
