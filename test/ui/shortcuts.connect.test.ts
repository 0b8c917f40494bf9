import { describe, expect, it } from 'vitest';
import { shortcutAction, shortcutTarget, type KeyLike } from '../../src/ui/shortcuts.connect';

const key = (code: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  key: code.replace('Key', '').toLowerCase(),
  ...extra,
});

describe('shortcutAction', () => {
  it('Alt+A, Alt+D, Alt+H', () => {
    expect(shortcutAction(key('KeyA'))).toBe('call.accept');
    expect(shortcutAction(key('KeyD'))).toBe('call.reject');
    expect(shortcutAction(key('KeyH'))).toBe('call.hangup');
  });

  it('uses the physical key (macOS Alt+A types å)', () => {
    expect(shortcutAction(key('KeyA', { key: 'å' }))).toBe('call.accept');
    expect(shortcutAction(key('', { key: 'h' }))).toBe('call.hangup');
  });

  it('nothing else', () => {
    expect(shortcutAction(key('KeyA', { altKey: false }))).toBeNull();
    expect(shortcutAction(key('KeyA', { ctrlKey: true }))).toBeNull();
    expect(shortcutAction(key('KeyA', { metaKey: true }))).toBeNull();
    expect(shortcutAction(key('KeyA', { shiftKey: true }))).toBeNull();
    expect(shortcutAction(key('KeyX'))).toBeNull();
  });
});

describe('shortcutTarget', () => {
  const allows = (table: Record<string, string[]>) => (callKey: string, event: string) => table[callKey]?.includes(event) ?? false;

  it('the active call when it allows the action', () => {
    expect(shortcutTarget(['c1', 'c2'], 'c2', allows({ c1: ['call.accept'], c2: ['call.accept'] }), 'call.accept')).toBe('c2');
  });

  it('else the only call that allows it', () => {
    expect(shortcutTarget(['c1', 'c2'], 'c1', allows({ c1: ['call.hangup'], c2: ['call.accept'] }), 'call.accept')).toBe('c2');
  });

  it('never a guess among several, nor a call that cannot', () => {
    expect(shortcutTarget(['c1', 'c2', 'c3'], 'c1', allows({ c2: ['call.accept'], c3: ['call.accept'] }), 'call.accept')).toBeNull();
    expect(shortcutTarget(['c1'], null, allows({}), 'call.reject')).toBeNull();
    expect(shortcutTarget([], null, allows({}), 'call.hangup')).toBeNull();
  });
});
