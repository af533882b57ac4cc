/**
 * The seeded PRNG every generated-case test draws from: mulberry32 (Tommy Ettinger's 32-bit
 * generator), a pure function of its seed, so `SEED=n` (test/support/numpy.ts `caseSeed`)
 * reproduces a run. Not for anything under test: only to make cases. Cost: a few integer ops
 * per draw. Reference: https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */

/**
 * mulberry32: a function giving doubles in [0, 1) from `seed` (taken modulo 2^32).
 *
 * @example
 * const r = mulberry32(1); r() // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
