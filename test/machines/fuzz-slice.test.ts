/** A slice of `npm run fuzz` in `npm test`: long random sequences, every check of the issue. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkSequence, sequence } from '../fuzz/fuzz-core';

describe('random sequences into the real machine (npm run fuzz slice)', () => {
  test('500 sequences of 40-80 steps: no throw, model states only, children = index, UEF settled once, agent state current', () => {
    let longest = 0;
    fc.assert(
      fc.property(sequence(40, 80), (steps) => {
        longest = Math.max(longest, steps.length);
        checkSequence(steps);
      }),
      { numRuns: 500 },
    );
    expect(longest).toBeGreaterThanOrEqual(70);
    // A fixed amount of work, not a speed check: on a loaded 2-core machine it can take 20 s.
  }, 90_000);
});
