/** The size check never encodes a huge frame (issue 10, item 8). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFrame, MAX_FRAME_BYTES, utf8SizeUpTo } from '../../src/adapters/genesys/frame-decoder';

afterEach(() => vi.restoreAllMocks());

describe('frame size', () => {
  it('a 50 MB frame is refused without being encoded', () => {
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    const encodeInto = vi.spyOn(TextEncoder.prototype, 'encodeInto');
    const outcome = decodeFrame(`{"eventName":"EventRegistered","p":"${'x'.repeat(50_000_000)}"}`, () => 'id');
    expect(outcome).toMatchObject({ kind: 'error', code: 'FRAME_TOO_LARGE' });
    expect(encode).not.toHaveBeenCalled();
    expect(encodeInto).not.toHaveBeenCalled();
  });

  it.each([
    ['ASCII', 'a'],
    ['two-byte', 'é'],
    ['three-byte', '日'],
    ['four-byte pair', '😀'],
    ['lone surrogate', '\uD800'],
  ])('%s characters: over the limit exactly when their UTF-8 encoding is', (_name, char) => {
    for (const repeat of [1, Math.floor(MAX_FRAME_BYTES / 4), Math.floor(MAX_FRAME_BYTES / 3) + 1, MAX_FRAME_BYTES / 2]) {
      const text = `x${char.repeat(repeat)}`;
      const size = utf8SizeUpTo(text, MAX_FRAME_BYTES);
      const exact = Buffer.byteLength(text, 'utf8');
      expect(size > MAX_FRAME_BYTES, `${repeat} × ${JSON.stringify(char)}`).toBe(exact > MAX_FRAME_BYTES);
      if (text.length * 3 > MAX_FRAME_BYTES && exact <= MAX_FRAME_BYTES) expect(size).toBe(exact);
    }
  });
});
