/** The mirrored record of the owner tab → what another tab shows: the calls, as read-only lines. */
import type { SessionRecord } from '../adapters/persistence/session-record';
import { displayText } from './display-text';
import type { UiKey } from './i18n';
import { formatPhone } from './phone';

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
  // The same readable number as the owner's card; display only, the record keeps Genesys' value.
  return (record?.calls ?? []).map((call) => ({ key: call.key, number: formatPhone(displayText(call.number)), label: LABEL[call.state] }));
}
