/** Sealed tokens (server/seal.ts): authenticated, bound to their purpose, opened under any listed key. */
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseSessionKeys, Sealer } from '../../src/bridge/server/seal';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('when the bridge seals a token', () => {
  test('it opens to the same payload, under the key that sealed it, for the same purpose only', () => {
    const sealer = new Sealer([k1]);
    const sealed = sealer.seal('session', ['sid', 1, 'x']);
    expect(sealed.startsWith('k1.')).toBe(true);
    expect(sealer.open('session', sealed)).toEqual(['sid', 1, 'x']);
    expect(sealer.open('ticket', sealed)).toBeUndefined();
    expect(sealer.seal('session', ['sid', 1, 'x'])).not.toBe(sealed);
  });

  test('an altered byte, a truncation, another key id or a key of another deployment is refused', () => {
    const sealer = new Sealer([k1]);
    const sealed = sealer.seal('session', { a: 1 });
    const body = sealed.slice(3);
    for (let i = 0; i < body.length - 1; i += 7) {
      const flipped = `k1.${body.slice(0, i)}${body[i] === 'A' ? 'B' : 'A'}${body.slice(i + 1)}`;
      expect(sealer.open('session', flipped), `byte ${i}`).toBeUndefined();
    }
    expect(sealer.open('session', sealed.slice(0, -4))).toBeUndefined();
    expect(sealer.open('session', `k2.${body}`)).toBeUndefined();
    expect(new Sealer([{ id: 'k1', key: randomBytes(32) }]).open('session', sealed)).toBeUndefined();
    expect(sealer.open('session', null)).toBeUndefined();
  });

  test('rotation: a new key first seals, tokens of the old key still open until it is dropped', () => {
    const old = new Sealer([k1]).seal('session', 'before');
    const rotated = new Sealer([k2, k1]);
    expect(rotated.open('session', old)).toBe('before');
    expect(rotated.seal('session', 'after').startsWith('k2.')).toBe(true);
    expect(new Sealer([k2]).open('session', old)).toBeUndefined();
  });

  test('--session-key takes id:key pairs of 32 bytes in hex, base64 or base64url', () => {
    const keys = parseSessionKeys(`a:${'0f'.repeat(32)}, b:${randomBytes(32).toString('base64url')}`);
    expect(keys.map((k) => [k.id, k.key.length])).toEqual([['a', 32], ['b', 32]]);
    expect(() => parseSessionKeys('a:short')).toThrow('is not 32 bytes');
  });
});
