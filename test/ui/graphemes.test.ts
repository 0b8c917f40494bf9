/** Joined emoji and combining marks stay whole where a contact name is cleaned or cut (issue 24). */
import { describe, expect, test } from 'vitest';
import { contactOf } from '../../src/adapters/fusion/contact';
import { cutGraphemes } from '../../src/graphemes';
import { displayText } from '../../src/ui/display-text';

const FAMILY = '👨‍👩‍👧‍👦';
const FLAG = '🇯🇵';
const SKIN = '👋🏽';
const RAINBOW = '🏳️‍🌈';
const ACCENT = 'e\u0301';

describe('when a contact name has joined emoji', () => {
  test.each([FAMILY, FLAG, SKIN, RAINBOW, `Ada ${FAMILY} Lovelace`, `${RAINBOW} Pride`])('%s is shown whole', (name) => {
    expect(displayText(name)).toBe(name);
  });

  test('a zero-width joiner outside an emoji is still removed (it only hides)', () => {
    expect(displayText('+1 9\u200D00 555')).toBe('+1 900 555');
  });

  test('a long name is cut between graphemes, never inside one', () => {
    const name = FAMILY.repeat(100);
    const shown = displayText(name);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.slice(0, -1)).toBe(FAMILY.repeat(63));
  });

  test('Fusion’s contact name is cut at 120 graphemes, not code units', () => {
    const contact = contactOf({ SVCMCA_CONTACT_NAME: `${ACCENT}${FAMILY}`.repeat(100) });
    expect(contact?.name).toBe(`${ACCENT}${FAMILY}`.repeat(60));
  });
});

describe('cutGraphemes', () => {
  test('keeps text that fits and cuts the rest at a grapheme boundary', () => {
    expect(cutGraphemes('abc', 5)).toEqual({ text: 'abc', cut: false });
    expect(cutGraphemes(`${FLAG}${FLAG}${FLAG}`, 2)).toEqual({ text: `${FLAG}${FLAG}`, cut: true });
  });
});
