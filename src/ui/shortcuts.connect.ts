/** Keyboard shortcuts: which key means what, and which call it acts on. */
import type { CallEventType } from './call.connect';

export type ShortcutAction = 'call.accept' | 'call.reject' | 'call.hangup';

export interface KeyLike {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Physical key ('KeyA'); macOS turns Alt+A into 'å' in `key`, so `code` is checked first. */
  code: string;
  key: string;
}

const BY_LETTER: Record<string, ShortcutAction> = { a: 'call.accept', d: 'call.reject', h: 'call.hangup' };

export function shortcutAction(event: KeyLike): ShortcutAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase() ?? event.key.toLowerCase();
  return (Object.hasOwn(BY_LETTER, letter) ? BY_LETTER[letter] : undefined) ?? null;
}

/**
 * The call a shortcut acts on: the active call when it allows the action; otherwise the only call
 * that does (a second call ringing during a talk), never a guess among several.
 */
export function shortcutTarget(
  keys: readonly string[],
  activeKey: string | null,
  allows: (key: string, event: CallEventType) => boolean,
  action: ShortcutAction,
): string | null {
  if (activeKey && allows(activeKey, action)) return activeKey;
  const candidates = keys.filter((key) => allows(key, action));
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}
