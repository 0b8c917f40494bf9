/** Ringing calls + the agent's choices + whether the toolbar is hidden → tone, page title and notifications. */
import type { AlertPreferences } from '../adapters/alerts';
import type { Text } from './i18n';

/** A call as the alerts need it; `caller` is the card's title (name or readable number; '' if none). */
export interface CallSummary {
  key: string;
  ringing: boolean;
  caller: string;
  queue: string | null;
}

export interface NotificationPlan {
  tag: string;
  caller: string;
  queue: string | null;
}

export interface AlertPlan {
  ring: boolean;
  /** The page title; null: the toolbar's own name. */
  title: Text | null;
  /** Notifications that should be open now, one per ringing call (tag = call key). */
  notifications: NotificationPlan[];
}

export function alertPlan(calls: readonly CallSummary[], preferences: AlertPreferences, hidden: boolean): AlertPlan {
  const ringing = calls.filter((call) => call.ringing);
  const first = ringing[0];
  return {
    ring: preferences.ringTone && ringing.length > 0,
    title: preferences.title && first ? { key: 'title.ringing', params: { caller: first.caller } } : null,
    notifications: preferences.notify && hidden ? ringing.map(({ key, caller, queue }) => ({ tag: key, caller, queue })) : [],
  };
}
