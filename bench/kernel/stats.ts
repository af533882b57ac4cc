/** Percentiles by the nearest-rank method (p in 0..100) over a sample of timings. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1];
}

export const median = (xs: number[]): number => percentile(xs, 50);
