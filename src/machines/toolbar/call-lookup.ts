/**
 * Which toolbar call an event names (by ConnID, Fusion eventId, the UI's key, or a pending dial),
 * and the checks on what the agent types. Pure functions over the context; no XState here.
 */
import { isRecent, keyByConnection, keyByEvent } from '../toolbar.index';
import { newEventId } from '../ids';
import type { ToolbarContext, ToolbarEvent } from '../toolbar.types';

export function eventConnectionId(event: ToolbarEvent): string | undefined {
  return 'connectionId' in event && typeof event.connectionId === 'string' && event.connectionId ? event.connectionId : undefined;
}

/** The call an event names: by ConnID, by Fusion eventId, or by the UI's key. */
export function targetKey(context: ToolbarContext, event: ToolbarEvent): string | undefined {
  if ('key' in event && typeof event.key === 'string') return Object.hasOwn(context.calls, event.key) ? event.key : undefined;
  const connectionId = eventConnectionId(event);
  if (connectionId) {
    const byConnection = keyByConnection(context, connectionId);
    if (byConnection) return byConnection;
  }
  // Genesys correlates on ConnID; only Fusion commands and a failed POST name a call by eventId.
  const byEventId = event.type.startsWith('fusion.') || event.type === 'genesys.commandFailed';
  if (byEventId && 'eventId' in event && typeof event.eventId === 'string') return keyByEvent(context, event.eventId);
  return undefined;
}

/** The eventId Genesys gave, unless Fusion has seen it this session (the public mock reuses stale ones). */
export function freshEventId(context: ToolbarContext, eventId: string | undefined): string {
  // Fusion keys an engagement (and its pending Wrap Up) by eventId: one it has seen is never reused.
  return eventId && !isRecent(context.seenEventIds, eventId) && keyByEvent(context, eventId) === undefined ? eventId : newEventId();
}

/** Two renderings of one number: same digits, or one ends with the other (country or trunk prefix). */
function sameNumber(a: string, b: string): boolean {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  if (x === '' || y === '') return false;
  return x === y || (Math.min(x.length, y.length) >= 7 && (x.endsWith(y) || y.endsWith(x)));
}

/**
 * A dial the toolbar asked for that Genesys has not named yet, which this dialing/established
 * event answers: by the eventId MakeCall carried, else by the number dialled. Never a guess.
 */
export function dialRequestKey(context: ToolbarContext, event: ToolbarEvent): string | undefined {
  if (event.type !== 'genesys.dialing' && event.type !== 'genesys.established') return undefined;
  if (keyByConnection(context, event.connectionId)) return undefined;
  const pending = Object.entries(context.calls).filter(([, entry]) => entry.connectionIds.length === 0);
  const byEventId = event.eventId ? pending.find(([, entry]) => entry.eventId === event.eventId) : undefined;
  if (byEventId) return byEventId[0];
  const number = event.type === 'genesys.dialing' ? event.number : event.ani;
  if (!number) return undefined;
  return pending.find(([, entry]) => entry.dialled !== undefined && sameNumber(entry.dialled, number))?.[0];
}

/** EventDialing of a consult leg: it names a held call the toolbar has (previousConnectionId). */
export function consultParentKey(context: ToolbarContext, event: ToolbarEvent): string | undefined {
  if (event.type !== 'genesys.dialing' || !event.previousConnectionId || keyByConnection(context, event.connectionId)) return undefined;
  return keyByConnection(context, event.previousConnectionId);
}

/** DTMF the keypad may send: 0-9 * # only, at most 32 at once. */
export function isDtmf(digits: string): boolean {
  return /^[0-9*#]{1,32}$/.test(digits);
}

/** A phone number the agent can dial: digits with optional + and separators, 2-20 digits. */
export function isDialable(number: string): boolean {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, '').length;
  return /^\+?[\d\s().\-*#]+$/.test(trimmed) && digits >= 2 && digits <= 20;
}
