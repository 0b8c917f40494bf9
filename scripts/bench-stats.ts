/** Percentiles of a sample set; every figure in bench/results.json is a number. */
export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  // Nearest-rank percentiles: p99 of 500 samples is the 495th value.
  const pick = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
  return { n, p50: pick(0.5), p99: pick(0.99), max: sorted[n - 1]!, mean: sorted.reduce((sum, v) => sum + v, 0) / n };
}
