/**
 * agentStateEventOperation fields for each presence. Fusion shows `stateDisplayString` as is,
 * so it must be translated (protocol.md 2.2 common rules).
 */
import type { Lang } from '../../config';
import type { AgentPresence } from '../../machines/fusion.types';

export interface AgentStateFields {
  isAvailable: boolean;
  isLoggedIn: boolean;
  state: 'AVAILABLE' | 'UNAVAILABLE' | 'LOGGED_OUT';
  stateDisplayString: string;
  reason: string | null;
  reasonDisplayString: string;
}

const TEXT: Record<Lang, Record<AgentPresence | 'defaultReason', string>> = {
  en: { available: 'Available', unavailable: 'Unavailable', loggedOut: 'Logged out', defaultReason: 'On Break' },
  ja: { available: '受付可', unavailable: '受付不可', loggedOut: 'ログアウト', defaultReason: '休憩中' },
};

/** `reasonLabel`: the reason's translated words; without them the code is shown as its own text. */
export function agentStateFields(presence: AgentPresence, lang: Lang, reason?: string, reasonLabel?: string): AgentStateFields {
  const text = TEXT[lang];
  switch (presence) {
    case 'available':
      return {
        isAvailable: true,
        isLoggedIn: true,
        state: 'AVAILABLE',
        stateDisplayString: text.available,
        reason: null,
        reasonDisplayString: '',
      };
    case 'unavailable': {
      // The reason code is shown as its own text; without one Fusion shows the default break text.
      const reasonText = reasonLabel ?? reason ?? text.defaultReason;
      return {
        isAvailable: false,
        isLoggedIn: true,
        state: 'UNAVAILABLE',
        stateDisplayString: `${text.unavailable}. ${reasonText}`,
        reason: reason ?? null,
        reasonDisplayString: reasonText,
      };
    }
    case 'loggedOut':
      return {
        isAvailable: false,
        isLoggedIn: false,
        state: 'LOGGED_OUT',
        stateDisplayString: text.loggedOut,
        reason: reason ?? null,
        reasonDisplayString: reason ?? '',
      };
  }
}
