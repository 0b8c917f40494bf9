/**
 * Call data (ANI, DNIS, queue, contact) as it may be shown: bidi overrides, isolates, marks and
 * zero-width characters removed (they can make "+1 900…" read as another number), control
 * characters turned into spaces, length capped. Display only: Genesys and Fusion keep the raw value.
 */
const BIDI_AND_INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/** Longest call datum shown; a hostile 10 KB ANI must not push the card's buttons away. */
export const MAX_DISPLAY_CHARS = 64;

export function displayText(raw: string, max = MAX_DISPLAY_CHARS): string {
  const clean = raw.replace(BIDI_AND_INVISIBLE, '').replace(CONTROL, ' ').replace(/\s{2,}/g, ' ').trim();
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

/** The same for optional data. */
export function displayOptional(raw: string | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = displayText(raw);
  return text === '' ? undefined : text;
}
