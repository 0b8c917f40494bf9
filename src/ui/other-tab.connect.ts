/** The mirrored record of the owner tab → what another tab shows: the calls, as read-only lines. */
import type { SessionRecord } from '../adapters/persistence/session-record';
import type { UiKey } from './i18n';

export interface OtherTabCall {
  key: string;
  number: string;
  label: UiKey;
}

const LABEL: Record<SessionRecord['calls'][number]['state'], UiKey> = {
  ringing: 'call.ringing.alerting',
  dialing: 'call.dialing.alerting',
  established: 'call.established.talking',
  held: 'call.established.held',
};

export function otherTabCalls(record: SessionRecord | null): OtherTabCall[] {
  return (record?.calls ?? []).map((call) => ({ key: call.key, number: call.number, label: LABEL[call.state] }));
}
