import { describe, expect, it } from 'vitest';
import { createTranslator, errorRef, MESSAGES } from '../../src/ui/i18n';

/** Every code the machine and adapters can raise (the brief's list, plus the adapters' start-up codes). */
const CODES = [
  'OFFLINE', 'COMMAND_TIMEOUT', 'DIAL_TIMEOUT', 'REGISTER_TIMEOUT', 'AGENT_TIMEOUT', 'AGENT_REFUSED', 'GENESYS_ERROR',
  'UNKNOWN_CALL', 'DUPLICATE_RINGING', 'PARTY_CONFLICT', 'INVALID_NUMBER', 'BUSY', 'NO_ANSWER', 'DIAL_FAILED', 'NOT_ALLOWED', 'FUSION_ABSENT',
  'UEF_TIMEOUT', 'UEF_REJECTED', 'UEF_SCRIPT_REFUSED', 'UEF_INIT_TIMEOUT', 'UEF_INIT_FAILED', 'REST_STATUS', 'REST_NETWORK', 'REST_TIMEOUT',
  'FRAME_MALFORMED', 'FRAME_INVALID', 'FRAME_UNKNOWN_EVENT', 'FRAME_TOO_LARGE', 'LINK_DOWN',
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('error codes', () => {
  it.each(CODES)('%s has its own words in both languages', (code) => {
    expect(errorRef(code)).toEqual({ key: code, params: {} });
    for (const lang of ['en', 'ja'] as const) {
      const explained = createTranslator(lang).explain({ code });
      expect(explained.what.length).toBeGreaterThan(5);
      expect(explained.fix.length).toBeGreaterThan(5);
      expect(explained.what).not.toContain('{');
    }
  });

  it('REST_HTTP_<status> names the status', () => {
    expect(errorRef('REST_HTTP_503')).toEqual({ key: 'REST_HTTP', params: { status: '503' } });
    expect(createTranslator('en').explain({ code: 'REST_HTTP_404' }).what).toBe('The Genesys service answered with error 404.');
    expect(createTranslator('ja').explain({ code: 'REST_HTTP_404' }).what).toContain('404');
  });

  it('anything else falls back to a generic entry that shows the code', () => {
    expect(errorRef('REST_HTTP_')).toEqual({ key: 'UNKNOWN', params: { code: 'REST_HTTP_' } });
    expect(errorRef('UNKNOWN')).toEqual({ key: 'UNKNOWN', params: { code: 'UNKNOWN' } });
    expect(errorRef('toString')).toEqual({ key: 'UNKNOWN', params: { code: 'toString' } });
    expect(createTranslator('en').explain({ code: 'X_1', detail: 'd' })).toEqual({
      what: 'Something went wrong (code X_1).',
      fix: expect.any(String),
      code: 'X_1',
      detail: 'd',
    });
  });
});

describe('translations', () => {
  it('Japanese has every string, translated, with the same placeholders', () => {
    const { en, ja } = MESSAGES;
    for (const key of Object.keys(en.ui) as (keyof typeof en.ui)[]) {
      expect(ja.ui[key], key).toBeTruthy();
      expect(placeholders(ja.ui[key]), key).toEqual(placeholders(en.ui[key]));
    }
    for (const code of Object.keys(en.errors) as (keyof typeof en.errors)[]) {
      expect(placeholders(ja.errors[code].what), code).toEqual(placeholders(en.errors[code].what));
      expect(ja.errors[code].fix).not.toBe(en.errors[code].fix);
    }
    // Only product names may read the same in both.
    const same = (Object.keys(en.ui) as (keyof typeof en.ui)[]).filter((key) => en.ui[key] === ja.ui[key]);
    expect(same).toEqual(['connection.label', 'fusion.label']);
  });

  it('fills placeholders and formats numbers for the language', () => {
    expect(createTranslator('en').count('notices.count', 1200)).toBe('1,200 notices');
    expect(createTranslator('en').count('notices.count', 1)).toBe('1 notice');
    expect(createTranslator('ja').count('notices.count', 1)).toBe('お知らせ 1 件');
    expect(createTranslator('ja').t('connection.retry', { when: { inSeconds: 5 }, attempt: 2 })).toBe('5 秒後に再接続（2 回目）');
    expect(createTranslator('en').t('connection.retry', { when: { inSeconds: 1 }, attempt: 1 })).toBe('retrying in 1 second (attempt 1)');
    expect(createTranslator('en').t('connection.retry', { when: { inSeconds: 5 }, attempt: 1 })).toBe('retrying in 5 seconds (attempt 1)');
    expect(createTranslator('en').t('live.incoming', { number: '{count}' })).toBe('Incoming call from {count}');
  });

  it('formats durations as mm:ss, and hours when they come', () => {
    const t = createTranslator('en');
    expect(t.duration(0)).toBe('00:00');
    expect(t.duration(65_400)).toBe('01:05');
    expect(t.duration(-5_000)).toBe('00:00');
    expect(t.duration(3_725_000)).toBe('1:02:05');
  });
});
