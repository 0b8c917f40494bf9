/** Shared pieces: a state line with icon and words (never colour alone), a busy mark, an explained error. */
import type { ReactNode } from 'react';
import type { CodedError } from '../../machines/call.types';
import type { Tone } from '../agent.connect';
import { useI18n } from '../hooks';
import { Icon } from './Icon';
import type { IconName } from '../icon-names';

export function BusyMark({ busy }: { busy: boolean }) {
  const { t } = useI18n();
  if (!busy) return null;
  return (
    <span className="busy" data-testid="busy">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('busy')}</span>
    </span>
  );
}

/** @param title the whole line's words, for a line that may end in an ellipsis */
export function StateLine(props: { testId: string; label: string; icon: IconName; tone: Tone; busy: boolean; title?: string; children?: ReactNode }) {
  return (
    <p className={`state tone-${props.tone}`} role="status" aria-busy={props.busy} data-testid={props.testId} title={props.title}>
      <Icon name={props.icon} />
      <span className="label">{props.label}</span>
      {props.children}
      <BusyMark busy={props.busy} />
    </p>
  );
}

/**
 * A coded error in plain words and what to do, in the agent's language; the code and the source's
 * own detail (often English, from the server) wait behind a "Details" disclosure.
 */
export function ErrorText({ error, alert = false, onDismiss, dismissTestId = 'error-dismiss' }: { error: CodedError; alert?: boolean; onDismiss?: () => void; dismissTestId?: string }) {
  const i18n = useI18n();
  const explained = i18n.explain(error);
  return (
    <div className="error" role={alert ? 'alert' : undefined} data-testid="error" data-error-code={explained.code}>
      <p className="error-text">
        <Icon name="warning" />
        <span className="what">{explained.what}</span> <span className="fix">{explained.fix}</span>
      </p>
      <div className="error-foot">
        <details className="more">
          <summary>{i18n.t('error.more')}</summary>
          <code className="code">{i18n.t('error.code', { code: explained.code })}</code>
          {explained.detail ? <span className="detail">{i18n.t('notice.detail', { detail: explained.detail })}</span> : null}
        </details>
        {onDismiss ? (
          <button type="button" className="dismiss" data-testid={dismissTestId} aria-label={`${i18n.t('button.dismiss')}: ${explained.what}`} onClick={onDismiss}>
            <Icon name="close" className="icon-only" />
          </button>
        ) : null}
      </div>
    </div>
  );
}
