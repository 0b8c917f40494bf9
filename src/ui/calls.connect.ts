/** The call list: ringing calls first (Answer always in sight), then the others, then the ones that just ended. */
import type { CodedError } from '../machines/call.types';
import type { Ending } from '../machines/toolbar.types';
import type { UiKey } from './i18n';
import { callerOf, type CallerView } from './call.connect';
import type { ToolbarSnapshot } from './toolbar.context';

/** Call keys in display order: pinned (ringing) ones first, each group in arrival order. */
export function orderCalls(keys: readonly string[], pinned: ReadonlySet<string>): string[] {
  return [...keys.filter((key) => pinned.has(key)), ...keys.filter((key) => !pinned.has(key))];
}

export interface EndingView {
  key: string;
  caller: CallerView;
  /** Who ended it or how it went: "Caller hung up", "Call ended", "Missed call"… */
  label: UiKey;
  /** After a connected inbound or outbound call, Fusion's wrap-up is next. */
  wrapUp: boolean;
  error: CodedError | null;
}

export function selectEndings(snapshot: ToolbarSnapshot): Ending[] {
  return snapshot.context.endings;
}

function labelOf(ending: Ending): UiKey {
  switch (ending.reason) {
    case 'WRAPUP':
      // "Caller hung up" only on Genesys' word (RemoteRelease); the softphone's own hang-up is "Call ended".
      return ending.endedByRemote && !ending.endedByAgent ? 'call.ending.remote' : 'call.ending.agent';
    // Only a transfer the agent completed closes this way.
    case 'ENDCOMMUNICATION':
      return 'call.ending.agent';
    case 'ABANDONED':
      return 'call.ending.abandoned';
    case 'MISSED':
    case 'TIMEOUT':
      return 'call.ending.missed';
    case 'CANCELED':
      return 'call.ending.canceled';
    case 'REJECT':
      // An outbound REJECT is a dial that failed; inbound, the agent (or Fusion) declined.
      return ending.direction === 'outbound' ? 'call.ending.failed' : 'call.ending.declined';
  }
}

export function endingView(ending: Ending): EndingView {
  return {
    key: ending.key,
    caller: callerOf(ending.number, ending.contact),
    label: labelOf(ending),
    wrapUp: ending.reason === 'WRAPUP',
    error: ending.error,
  };
}

/** Ended calls not live again under the same key (a ConnID Genesys reused), newest first. */
export function endingsView(endings: readonly Ending[], liveKeys: readonly string[]): EndingView[] {
  return endings
    .filter((ending) => !liveKeys.includes(ending.key))
    .reverse()
    .map(endingView);
}
