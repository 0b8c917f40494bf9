/** The agent's switches for ring tone, desktop notification and page title (remembered per browser). */
import { useId, useState } from 'react';
import type { AlertPreferences, NotifyPermission } from '../../adapters/alerts';
import { useI18n } from '../hooks';
import type { UiKey } from '../i18n';
import { useAlertServices, usePreferences } from '../services.context';

export function AlertSettings() {
  const { t } = useI18n();
  const services = useAlertServices();
  const preferences = usePreferences();
  const headingId = useId();
  // What the browser answered when asked; shown so a refused permission is not a silent failure.
  const [permission, setPermission] = useState<NotifyPermission | null>(() => services?.notifier.permission() ?? null);
  if (!services) return null;
  const set = (patch: Partial<AlertPreferences>) => services.preferences.set(patch);
  const onNotify = async (on: boolean) => {
    if (!on) return set({ notify: false });
    // Asked only here, from the agent's own click.
    const answer = services.notifier.permission() === 'granted' ? 'granted' : await services.notifier.request();
    setPermission(answer);
    set({ notify: answer === 'granted' });
  };
  const notifyNote: UiKey | null = permission === 'denied' ? 'settings.notifyBlocked' : permission === 'unsupported' ? 'settings.notifyUnsupported' : null;
  return (
    <section className="settings" aria-labelledby={headingId} data-testid="alert-settings">
      <h3 id={headingId}>{t('settings.title')}</h3>
      <Check testId="pref-ring-tone" checked={preferences.ringTone} label={t('settings.ringTone')} onChange={(on) => {
        if (on) services.ringTone.prime();
        set({ ringTone: on });
      }} />
      <Check testId="pref-notify" checked={preferences.notify} label={t('settings.notify')} disabled={permission === 'unsupported'} onChange={(on) => void onNotify(on)} />
      {notifyNote ? <p className="hint-text" data-testid="pref-notify-note">{t(notifyNote)}</p> : null}
      <Check testId="pref-title" checked={preferences.title} label={t('settings.docTitle')} onChange={(on) => set({ title: on })} />
      <p className="hint-text">{t('settings.saved')}</p>
    </section>
  );
}

function Check(props: { testId: string; checked: boolean; label: string; disabled?: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  return (
    <p className="check">
      <input id={id} type="checkbox" data-testid={props.testId} checked={props.checked} disabled={props.disabled} onChange={(event) => props.onChange(event.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </p>
  );
}
