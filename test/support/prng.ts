/**
 * The seeded PRNG every generated-case test draws from: mulberry32 (Tommy Ettinger's 32-bit
 * generator), a pure function of its seed, so `SEED=n` (test/support/numpy.ts `caseSeed`)
 * reproduces a run. Not for anything under test: only to make cases. Cost: a few integer ops
 * per draw. Reference: https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */

/** A case generator's draws from one seeded stream: doubles, whole numbers, picks and coin flips. */
export interface CaseRng {
  /** A double in [0, 1). */
  rand: () => number;
  /** A whole number in [lo, hi], both included. */
  int: (lo: number, hi: number) => number;
  /** One of `xs`, each as likely. */
  pick: <T>(xs: readonly T[]) => T;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
}

/**
 * The draws generated-case suites make, all from one mulberry32 stream of `seed`.
 *
 * @example
 * const { int, pick } = caseRng(1); [int(0, 9), pick(["C", "F"])] // [6, "C"]
 */
export function caseRng(seed: number): CaseRng {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  return { rand, int, pick: (xs) => xs[Math.floor(rand() * xs.length)], chance: (p) => rand() < p };
}

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
