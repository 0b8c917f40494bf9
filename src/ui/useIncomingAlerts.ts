/**
 * Applies the alert plan (alerts.connect) to the alert services: ring tone on while a call rings,
 * a desktop notification per ringing call while the toolbar is hidden, the ringing call in the
 * page title. All I/O is in the services (adapters); this only says when.
 */
import { useEffect, useRef, useState } from 'react';
import { alertPlan, type CallSummary } from './alerts.connect';
import { useI18n } from './hooks';
import { useAlertServices, usePreferences } from './services.context';

export function useIncomingAlerts(calls: readonly CallSummary[]): void {
  const services = useAlertServices();
  const i18n = useI18n();
  const preferences = usePreferences();
  const [hidden, setHidden] = useState(() => services?.page.hidden() ?? false);
  const shown = useRef(new Set<string>());

  useEffect(() => {
    if (!services) return undefined;
    return services.page.onVisibility(() => setHidden(services.page.hidden()));
  }, [services]);

  const unknown = i18n.t('call.unknownNumber');
  const named = calls.map((call) => ({ ...call, caller: call.caller || unknown }));
  const plan = alertPlan(named, preferences, hidden);
  const title = plan.title ? i18n.text(plan.title) : i18n.t('app.title');
  const notifications = JSON.stringify(plan.notifications);

  useEffect(() => {
    if (!services) return;
    if (plan.ring) services.ringTone.start();
    else services.ringTone.stop();
  }, [services, plan.ring]);

  useEffect(() => {
    services?.page.setTitle(title);
  }, [services, title]);

  useEffect(() => {
    if (!services) return;
    const wanted = plan.notifications;
    const tags = new Set(wanted.map((item) => item.tag));
    for (const tag of shown.current) {
      if (!tags.has(tag)) services.notifier.close(tag);
    }
    for (const item of wanted) {
      if (shown.current.has(item.tag)) continue;
      const body = item.queue ? `${item.caller}\n${i18n.t('notify.queue', { queue: item.queue })}` : item.caller;
      services.notifier.show(item.tag, i18n.t('notify.title'), body);
    }
    shown.current = tags;
    // `notifications` is the plan's value; the effect re-runs only when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, notifications, i18n]);

  // The page going away stops the tone and closes what it opened.
  useEffect(
    () => () => {
      services?.ringTone.stop();
      for (const tag of shown.current) services?.notifier.close(tag);
    },
    [services],
  );
}
