/**
 * Python's `math.fsum`: the correctly rounded sum of floats.
 *
 * Rule: Shewchuk's exact partial sums ("Adaptive Precision Floating-Point Arithmetic", 1997;
 * CPython's mathmodule.c msum): keep non-overlapping partials whose exact sum is the true sum,
 * then add them from the top with the half-way correction CPython makes. Cost O(n * partials).
 * IPython computes a TimeitResult's mean and standard deviation with it, so ours does too.
 */

/**
 * The correctly rounded sum of `xs` (finite values).
 *
 * @example
 * fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]) // 1
 * [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1].reduce((a, b) => a + b) // 0.9999999999999999
 */
export function fsum(xs: readonly number[]): number {
  const partials: number[] = [];
  for (let x of xs) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  // round half-way cases the way CPython does: when the rest has the same sign as lo
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}
