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

export type Params = Record<string, string | number>;

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
}

export const MESSAGES: Record<Lang, Messages> = { en, ja };

function fill(template: string, params: Params | undefined, number: Intl.NumberFormat): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? number.format(value) : value;
  });
}

export function createTranslator(lang: Lang): Translator {
  const messages = MESSAGES[lang];
  const number = new Intl.NumberFormat(lang);
  const twoDigits = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2, useGrouping: false });
  const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const t = (key: UiKey, params?: Params) => fill(messages.ui[key], params, number);
  return {
    lang,
    t,
    text: ({ key, params }) => t(key, params),
    explain(error) {
      const ref = errorRef(error.code);
      const entry = messages.errors[ref.key];
      return {
        what: fill(entry.what, ref.params, number),
        fix: fill(entry.fix, ref.params, number),
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
