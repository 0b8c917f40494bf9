/**
 * Call data (ANI, DNIS, queue, contact) as it may be shown: bidi overrides, isolates, marks and
 * zero-width characters removed (they can make "+1 900…" read as another number), control
 * characters turned into spaces, length capped. Display only: Genesys and Fusion keep the raw value.
 */
import { cutGraphemes, graphemes } from '../graphemes';

const BIDI_AND_INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Inside an emoji the zero-width joiner joins (👨‍👩‍👧): only the rest goes. */
const BIDI_AND_INVISIBLE_BUT_JOINER = /[\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/** Longest call datum shown; a hostile 10 KB ANI must not push the card's buttons away. */
export const MAX_DISPLAY_CHARS = 64;

/** Invisible characters out, grapheme by grapheme, so a joined emoji keeps its joiners. */
function withoutInvisible(raw: string): string {
  if (!raw.includes('\u200D')) return raw.replace(BIDI_AND_INVISIBLE, '');
  return graphemes(raw)
    .map((cluster) => cluster.replace(PICTOGRAPHIC.test(cluster) ? BIDI_AND_INVISIBLE_BUT_JOINER : BIDI_AND_INVISIBLE, ''))
    .join('');
}

export function displayText(raw: string, max = MAX_DISPLAY_CHARS): string {
  const clean = withoutInvisible(raw).replace(CONTROL, ' ').replace(/\s{2,}/g, ' ').trim();
  const { text, cut } = cutGraphemes(clean, max);
  return cut ? `${cutGraphemes(text, max - 1).text}…` : clean;
}

/** The same for optional data. */
export function displayOptional(raw: string | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = displayText(raw);
  return text === '' ? undefined : text;
}
