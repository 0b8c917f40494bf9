/** Call changes → what the live region says; ringing interrupts (assertive), the rest waits (polite). */
import { displayText } from './display-text';
import type { Text } from './i18n';
import type { CallPhase } from './call.connect';
import type { CallSnapshot } from './toolbar.context';
import { phaseOf } from './call.connect';
import { formatPhone } from './phone';

export interface CallSummary {
  phase: CallPhase;
  /** What names the call aloud: the caller's name once Fusion's lookup gave it, else the number. */
  number: string;
  /** The contact's name ('' until Fusion gives one) and the number grouped for reading. */
  name?: string;
  readable?: string;
}

export interface Announcement {
  text: Text;
  urgency: 'polite' | 'assertive';
}

export function selectSummary(snapshot: CallSnapshot): CallSummary {
  const name = displayText(snapshot.context.contact?.name ?? '');
  const shown = displayText(snapshot.context.number);
  const readable = shown ? formatPhone(shown) : '';
  return { phase: phaseOf(snapshot.value), number: name || readable, name, readable };
}

/** A ring names the caller, then the number; the number alone until Fusion's lookup answers. */
function incoming(next: CallSummary): Announcement {
  const text: Text = next.name && next.readable ? { key: 'live.incomingNamed', params: { name: next.name, number: next.readable } } : { key: 'live.incoming', params: { number: next.number } };
  return { text, urgency: 'assertive' };
}

const groupOf = (phase: CallPhase | undefined) => phase?.split('.')[0];
const onHold = (phase: CallPhase | undefined) => phase === 'established.held' || phase === 'established.retrieving';

/** What to announce when a call goes from `prev` to `next`; undefined means unknown / gone. */
export function announce(prev: CallSummary | undefined, next: CallSummary | undefined): Announcement | null {
  const before = groupOf(prev?.phase);
  const polite = (text: Text): Announcement => ({ text, urgency: 'polite' });
  // With several calls, "ended" or "connected" alone would not say which.
  if (!next) return prev && prev.phase !== 'ended' ? polite({ key: 'live.ended', params: { number: prev.number } }) : null;
  const after = groupOf(next.phase);
  if (after === 'ended') return before === 'ended' ? null : polite({ key: 'live.ended', params: { number: next.number } });
  if (after === 'ringing' && before !== 'ringing') return incoming(next);
  // The name came after the first words (Fusion answers the offer later): said again, with it.
  if (after === 'ringing' && !prev?.name && next.name) return incoming(next);
  if (after === 'dialing' && before !== 'dialing') return polite({ key: 'live.dialing', params: { number: next.number } });
  if (after !== 'established') return null;
  if (before !== 'established') return polite({ key: 'live.connected', params: { number: next.number } });
  if (next.phase === 'established.held' && !onHold(prev?.phase)) return polite({ key: 'live.held' });
  if (next.phase === 'established.talking' && onHold(prev?.phase)) return polite({ key: 'live.resumed' });
  return null;
}
