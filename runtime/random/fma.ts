/**
 * Exact fused multiply-add, `fma(a, b, c) = RN(a*b + c)` with one rounding, which JavaScript lacks.
 *
 * Rule (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums: proved algorithms using
 * rounding to odd", IEEE TC 2008, algorithm 5.4): with a*b = uh + ul exactly (Dekker/Veltkamp
 * product) and c + uh = th + tl exactly (Knuth's TwoSum), RN(a*b + c) = RN(th + RO(tl + ul)),
 * where RO rounds to odd. Valid while nothing overflows or underflows (|a|,|b| < 2^996 and results
 * far from subnormal), which holds for every use in this runtime (glibc's log on (0, 1]).
 * Cost: about 25 flops and no allocation; when a*b is exact it is one addition.
 */

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's constant for doubles
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Round `s = RN(x + y)` to odd instead, given the exact error `e = (x + y) - s`. */
function roundToOdd(s: number, e: number): number {
  if (e === 0) return s;
  f64[0] = s;
  if (u32[0] & 1) return s; // already odd: the other neighbour is even
  // step one unit in the last place towards the exact value
  const up = e > 0 === s > 0; // away from zero?
  if (up) {
    u32[0] = u32[0] + 1; // even low word: no carry
  } else if (u32[0] === 0) {
    u32[0] = 0xffffffff;
    u32[1] = u32[1] - 1;
  } else {
    u32[0] = u32[0] - 1;
  }
  return f64[0];
}

/**
 * a*b + c rounded once (round-to-nearest-even), as C's `fma` and x86's `vfmadd`.
 *
 * @example
 * fma(0.1, 10, -1) // 5.551115123125783e-17 (0.1*10 - 1 === 0 in plain JS)
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c)) {
    // an infinite c wins over a finite exact product; otherwise IEEE's sum of the specials
    return Number.isFinite(a) && Number.isFinite(b) && !Number.isFinite(c) ? c : p + c;
  }
  // exact error of the product (Veltkamp split + Dekker)
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  if (e === 0) return p + c;
  // c + p = th + tl exactly (TwoSum)
  const th = c + p;
  const bv = th - c;
  const tl = c - (th - bv) + (p - bv);
  // RO(tl + e)
  const s = tl + e;
  const sv = s - tl;
  const se = tl - (s - sv) + (e - sv);
  return th + roundToOdd(s, se);
}
