import { describe, expect, it } from 'vitest';
import { msToNextSecond } from '../../src/ui/hooks';

describe('msToNextSecond', () => {
  it('ticks on whole seconds counted from the anchor, before or after it', () => {
    expect(msToNextSecond(10_250, 10_000)).toBe(750);
    expect(msToNextSecond(11_000, 10_000)).toBe(1000);
    expect(msToNextSecond(9_700, 10_000)).toBe(300);
    expect(msToNextSecond(5_000, 10_000)).toBe(1000);
  });
});
