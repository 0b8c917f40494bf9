/** The alert services (ring tone, notifications, page, preferences) main.tsx provides; tests may leave them out. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AlertPreferences, AlertServices } from '../adapters/alerts';
import { DEFAULT_PREFERENCES } from '../adapters/alerts/preferences';

export const AlertServicesContext = createContext<AlertServices | null>(null);

export function useAlertServices(): AlertServices | null {
  return useContext(AlertServicesContext);
}

const noSubscription = () => () => undefined;

/** The agent's alert choices, live (another tab may change them too). */
export function usePreferences(): AlertPreferences {
  const services = useAlertServices();
  return useSyncExternalStore(services?.preferences.subscribe ?? noSubscription, () => services?.preferences.get() ?? DEFAULT_PREFERENCES);
}
