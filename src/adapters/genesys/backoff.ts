import type { BackoffOptions } from './deps.types';

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000, healthyMs: 10_000 };

/**
 * Exponential backoff with "equal jitter": the n-th delay is uniform in [d/2, d] where
 * d = min(cap, base·2^(n-1)), so retries never bunch at zero yet still spread out.
 */
export interface Backoff {
  /** Delay before the next attempt; also advances the attempt count. */
  next(): number;
  /** Consecutive failed attempts so far (1 after the first `next()`). */
  readonly attempt: number;
  reset(): void;
}

export function ceilingFor(attempt: number, options: BackoffOptions): number {
  // 2^30 already exceeds any sane cap; clamping the exponent keeps the math finite.
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(options.capMs, options.baseMs * 2 ** exponent);
}

export function createBackoff(options: BackoffOptions, random: () => number): Backoff {
  let attempt = 0;
  return {
    next() {
      attempt += 1;
      const ceiling = ceilingFor(attempt, options);
      const half = ceiling / 2;
      return Math.round(half + half * Math.min(Math.max(random(), 0), 1));
    },
    get attempt() {
      return attempt;
    },
    reset() {
      attempt = 0;
    },
  };
}
