/**
 * Bounded random integers exactly as NumPy draws them (numpy/random/src/distributions/distributions.c,
 * `random_bounded_uint{8,16,32}_fill`, `random_bounded_bool_fill`).
 *
 * Rule: a draw in [off, off + rng] takes 32-bit words from the bit generator. 8- and 16-bit dtypes
 * use each word 4 or 2 times (low bits first), bool uses it 32 times, with a buffer local to one
 * fill call. The legacy `RandomState.randint` uses masked rejection: draw & mask (the smallest
 * 2^k - 1 >= rng) until <= rng. `Generator.integers` uses Lemire's multiply-shift with rejection of
 * the low part below (2^bits - 1 - rng) % (rng + 1). rng = 0 draws nothing; rng = 2^bits - 1
 * uses the raw word. Cost: O(n) draws, 32-bit integer ops; the 64-bit product of Lemire's method
 * is assembled exactly from 16-bit halves (no BigInt).
 */
import type { TypedArray } from "../core/dtype.js";

/** What the bounded draws need from a bit generator. */
export interface Uint32Source {
  /** The next 32-bit word, as an unsigned number. */
  next32(): number;
}

/** The smallest all-ones mask covering `rng`. @example genMask(5) // 7 */
export function genMask(rng: number): number {
  let m = rng >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/**
 * Fill `out[0..n)` with `off + draw`, draws in [0, rng], for an integer dtype of `bits` bits
 * (8, 16 or 32); the typed array wraps the sum to the dtype as C's unsigned arithmetic does.
 *
 * @example
 * const mt = new MT19937(); mt.seed(0);
 * const out = new Int32Array(3);
 * boundedFill(mt, 0, 9, 32, true, out, 3); // legacy randint(0, 10, 3)
 * out // Int32Array(3) [5, 0, 3]
 */
export function boundedFill(src: Uint32Source, off: number, rng: number, bits: 8 | 16 | 32, masked: boolean, out: TypedArray, n: number): void {
  if (rng === 0) {
    for (let i = 0; i < n; i++) out[i] = off;
    return;
  }
  const max = bits === 32 ? 0xffffffff : (1 << bits) - 1;
  let buf = 0;
  let bcnt = 0;
  const perWord = 32 / bits;
  const next = (): number => {
    if (bits === 32) return src.next32();
    if (bcnt === 0) {
      buf = src.next32();
      bcnt = perWord - 1;
    } else {
      buf >>>= bits;
      bcnt--;
    }
    return buf & max;
  };
  if (rng === max) {
    for (let i = 0; i < n; i++) out[i] = off + next();
    return;
  }
  if (masked) {
    const mask = genMask(rng);
    for (let i = 0; i < n; i++) {
      let v: number;
      do v = (next() & mask) >>> 0;
      while (v > rng);
      out[i] = off + v;
    }
    return;
  }
  const rngExcl = rng + 1;
  const threshold = (max - rng) % rngExcl;
  const shift = 2 ** bits;
  for (let i = 0; i < n; i++) {
    let hi: number;
    let lo: number;
    if (bits === 32) {
      // m = next32 * rngExcl, a 64-bit product: high and low words exactly
      let a = next();
      let t = (a & 0xffff) * rngExcl;
      let u = (a >>> 16) * rngExcl + Math.floor(t / 65536);
      hi = Math.floor(u / 65536);
      lo = (((u & 0xffff) * 65536) + (t & 0xffff)) >>> 0;
      if (lo < rngExcl) {
        while (lo < threshold) {
          a = next();
          t = (a & 0xffff) * rngExcl;
          u = (a >>> 16) * rngExcl + Math.floor(t / 65536);
          hi = Math.floor(u / 65536);
          lo = (((u & 0xffff) * 65536) + (t & 0xffff)) >>> 0;
        }
      }
    } else {
      let m = next() * rngExcl;
      lo = m % shift;
      if (lo < rngExcl) {
        while (lo < threshold) {
          m = next() * rngExcl;
          lo = m % shift;
        }
      }
      hi = Math.floor(m / shift);
    }
    out[i] = off + hi;
  }
}

/** Fill `out[0..n)` with booleans (0/1) in [off, off + rng], one bit of a word per draw. */
export function boundedBoolFill(src: Uint32Source, off: number, rng: number, out: TypedArray, n: number): void {
  let buf = 0;
  let bcnt = 0;
  for (let i = 0; i < n; i++) {
    if (rng === 0) {
      out[i] = off;
      continue;
    }
    if (bcnt === 0) {
      buf = src.next32();
      bcnt = 31;
    } else {
      buf >>>= 1;
      bcnt--;
    }
    out[i] = buf & 1;
  }
}
