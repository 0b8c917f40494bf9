/**
 * The UI's words and number/time formats for one language. Components get a `Translator`
 * from `useI18n()`; connect functions return keys (`Text`) so they stay language-free.
 */
import type { Lang } from '../../config';
import type { CodedError } from '../../machines/call.types';
import { en, type Messages, type UiKey } from './en';
import { errorRef } from './errors';
import { ja } from './ja';

export type { UiKey, ErrorKey, Messages } from './en';
export { errorRef } from './errors';

/** A placeholder value: text, a number (formatted for the language), or a time from now in seconds. */
export type Param = string | number | { inSeconds: number };
export type Params = Record<string, Param>;

/** Message families with one key per plural category (Intl.PluralRules): `<base>.one`, `<base>.other`. */
export type PluralBase = 'notices.count';

/** A message to show: a key and its placeholder values. */
export interface Text {
  key: UiKey;
  params?: Params;
}

export interface ExplainedError {
  what: string;
  fix: string;
  code: string;
  detail?: string;
}

export interface Translator {
  lang: Lang;
  t(key: UiKey, params?: Params): string;
  text(text: Text): string;
  explain(error: CodedError): ExplainedError;
  /** Elapsed time as mm:ss (h:mm:ss from an hour), digits formatted for the language. */
  duration(ms: number): string;
  /** A wall-clock time of day, e.g. for when a notice arrived. */
  time(epochMs: number): string;
  /** The message of `base` for `count`, by the language's plural rules. */
  count(base: PluralBase, count: number): string;
}

export const MESSAGES: Record<Lang, Messages> = { en, ja };

interface Formats {
  number: Intl.NumberFormat;
  relative: Intl.RelativeTimeFormat;
}

function fill(template: string, params: Params | undefined, formats: Formats): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'object') return formats.relative.format(value.inSeconds, 'second');
    return typeof value === 'number' ? formats.number.format(value) : value;
  });
}

export function createTranslator(lang: Lang): Translator {
  const messages = MESSAGES[lang];
  const number = new Intl.NumberFormat(lang);
  const formats: Formats = { number, relative: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }) };
  const plurals = new Intl.PluralRules(lang);
  const twoDigits = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2, useGrouping: false });
  const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const t = (key: UiKey, params?: Params) => fill(messages.ui[key], params, formats);
  return {
    lang,
    t,
    text: ({ key, params }) => t(key, params),
    explain(error) {
      const ref = errorRef(error.code);
      const entry = messages.errors[ref.key];
      return {
        what: fill(entry.what, ref.params, formats),
        fix: fill(entry.fix, ref.params, formats),
        code: error.code,
        ...(error.detail ? { detail: error.detail } : {}),
      };
    },
    duration(ms) {
      const total = Math.max(0, Math.floor(ms / 1000));
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const seconds = twoDigits.format(total % 60);
      if (hours > 0) return `${number.format(hours)}:${twoDigits.format(minutes)}:${seconds}`;
      return `${twoDigits.format(minutes)}:${seconds}`;
    },
    time: (epochMs) => clock.format(epochMs),
    count(base, count) {
      const key = `${base}.${plurals.select(count)}`;
      return t(Object.hasOwn(messages.ui, key) ? (key as UiKey) : `${base}.other`, { count });
    },
  };
}

const cache = new Map<Lang, Translator>();

/** One translator per language, so formatters are built once. */
export function translatorFor(lang: Lang): Translator {
  let translator = cache.get(lang);
  if (!translator) {
    translator = createTranslator(lang);
    cache.set(lang, translator);
  }
  return translator;
}
