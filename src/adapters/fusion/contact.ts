/** Who Fusion's reverse lookup found, read from newCommEvent's outData (protocol.md 2.2 tokens). */
import { cutGraphemes } from '../../graphemes';
import type { UefData } from './uef.types';

/** Longer names are cut (in graphemes, so an emoji is never split): they are only shown on a card. */
const MAX_LENGTH = 120;

function text(value: UefData[string] | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed ? cutGraphemes(trimmed, MAX_LENGTH).text : undefined;
}

/** The contact's name (full, display, or first + last) and account, when the lookup matched one. */
export function contactOf(outData: UefData): { name: string; account?: string } | undefined {
  const parts = [text(outData.SVCMCA_CONTACT_FIRST_NAME), text(outData.SVCMCA_CONTACT_LAST_NAME)].filter(Boolean).join(' ');
  const name = text(outData.SVCMCA_CONTACT_NAME) ?? text(outData.SVCMCA_DISPLAY_NAME) ?? text(parts);
  if (!name) return undefined;
  const account = text(outData.SVCMCA_CONTACT_PRIM_ORG_NAME);
  return account ? { name, account } : { name };
}
