/**
 * The agent's alert choices (ring tone, desktop notification, page title), remembered per browser
 * in localStorage. The only code that reads or writes them; what it reads is validated, and a
 * storage that throws (private mode, blocked third-party storage in a frame) just forgets.
 */

export interface AlertPreferences {
  ringTone: boolean;
  notify: boolean;
  title: boolean;
}

export interface PreferenceStore {
  get(): AlertPreferences;
  set(patch: Partial<AlertPreferences>): void;
  /** Calls `listener` after every change (here or in another tab); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Off until the agent turns them on (a tone or a notification nobody asked for is a nuisance); the title on. */
export const DEFAULT_PREFERENCES: AlertPreferences = { ringTone: false, notify: false, title: true };
export const PREFERENCES_KEY = 'fusion-toolbar.alerts.v1';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function parse(text: string | null): AlertPreferences {
  if (!text) return DEFAULT_PREFERENCES;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return DEFAULT_PREFERENCES;
    const read = (name: keyof AlertPreferences) => {
      const entry = (value as Record<string, unknown>)[name];
      return typeof entry === 'boolean' ? entry : DEFAULT_PREFERENCES[name];
    };
    return { ringTone: read('ringTone'), notify: read('notify'), title: read('title') };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

function safely<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}

/** @param storage localStorage, or null where there is none; @param events the window, to hear other tabs */
export function createPreferenceStore(storage: StorageLike | null, events?: Pick<Window, 'addEventListener'>): PreferenceStore {
  let current = parse(storage ? safely(() => storage.getItem(PREFERENCES_KEY), null) : null);
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  events?.addEventListener('storage', (event) => {
    if (event.key !== PREFERENCES_KEY) return;
    current = parse(event.newValue);
    notify();
  });
  return {
    get: () => current,
    set(patch) {
      current = { ...current, ...patch };
      if (storage) safely(() => storage.setItem(PREFERENCES_KEY, JSON.stringify(current)), undefined);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
