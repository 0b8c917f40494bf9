/** Everything that alerts the agent to a ringing call outside the toolbar's own UI, plus where the choices live. */
import { createNotifier, type Notifier } from './notifier';
import { createPageSignals, type PageSignals } from './page';
import { createPreferenceStore, type PreferenceStore } from './preferences';
import { createRingTone, type RingTone } from './ring-tone';

export type { AlertPreferences, PreferenceStore } from './preferences';
export type { Notifier, NotifyPermission } from './notifier';
export type { PageSignals } from './page';
export type { RingTone } from './ring-tone';

export interface AlertServices {
  preferences: PreferenceStore;
  ringTone: RingTone;
  notifier: Notifier;
  page: PageSignals;
}

function localStorageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

export function createAlertServices(win: Window): AlertServices {
  const ringTone = createRingTone(win as unknown as Parameters<typeof createRingTone>[0]);
  const page = createPageSignals(win.document);
  page.onFirstGesture(() => ringTone.prime());
  return { preferences: createPreferenceStore(localStorageOf(win), win), ringTone, notifier: createNotifier(win), page };
}
