/** Maps a coded error to its plain-words entry; codes are stable strings from the machine and adapters. */
import { en, type ErrorKey } from './en';

export interface ErrorRef {
  key: ErrorKey;
  /** Values for the entry's placeholders: the HTTP status, or the raw code for the fallback. */
  params: Record<string, string>;
}

const REST_HTTP = /^REST_HTTP_(\d{3})$/;

function isErrorKey(code: string): code is ErrorKey {
  return Object.hasOwn(en.errors, code) && code !== 'REST_HTTP' && code !== 'UNKNOWN';
}

/** Which entry explains `code`: its own, REST_HTTP_<status>, or the generic one naming the code. */
export function errorRef(code: string): ErrorRef {
  if (isErrorKey(code)) return { key: code, params: {} };
  const http = REST_HTTP.exec(code);
  if (http?.[1]) return { key: 'REST_HTTP', params: { status: http[1] } };
  return { key: 'UNKNOWN', params: { code } };
}
