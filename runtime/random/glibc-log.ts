/**
 * The natural log exactly as glibc 2.36 computes it on x86_64 with FMA (`__ieee754_log_fma`), so
 * NumPy's legacy `randn` (which calls C's `log`) can be reproduced bit for bit.
 *
 * Rule: glibc's log (sysdeps/ieee754/dbl-64/e_log.c, ARM optimized-routines) is table driven:
 * x = 2^k z, z/c - 1 = r with c from a 128-entry table, log x = k ln2 + log c + log1p(r), log1p by
 * a degree-6 polynomial; inputs in [1 - 2^-4, 1 + 0x1.09p-4) use a degree-12 polynomial in x - 1.
 * Its error is up to 0.52 ulp, so it is NOT correctly rounded and differs from V8's `Math.log` in
 * the last bit for about 7% of inputs. The multiarch build compiled with -mfma contracts a*b + c
 * into fused multiply-adds; which ones was read off the disassembly of this machine's libm.so.6,
 * and each is reproduced with an exact `fma` (./fma.ts). Checked against Python's `math.log`
 * (C `log`) on millions of inputs in test/runtime/numpy/random-log.test.ts.
 * A CPU without FMA runs glibc's other variant, which can differ in the last bit: NumPy on such a
 * machine gives slightly different `randn` values; this module follows the FMA variant.
 * Cost: about 10 emulated fmas per call.
 */
import { fma } from "./fma.js";
import { LN2, POLY_A, POLY_B, TAB } from "./glibc-log-table.js";

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const [LN2HI, LN2LO] = LN2;
const [A0, A1, A2, A3, A4] = POLY_A;
const [B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = POLY_B;

/**
 * glibc's `log(x)`, bit for bit (FMA variant).
 *
 * @example
 * glibcLog(0.5) // -0.6931471805599453
 */
export function glibcLog(x: number): number {
  f64[0] = x;
  let hi = u32[1];
  const lo = u32[0];
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) {
    // close to 1
    if (x === 1) return 0;
    const r = x - 1;
    const a1 = fma(r, B2, B1);
    const a2 = fma(r, B5, B4);
    const r2 = r * r;
    const a3 = fma(r, B8, B7);
    const a1b = fma(r2, B3, a1);
    const a2b = fma(r2, B6, a2);
    const r3 = r * r2;
    const a3b = fma(r3, B10, fma(r2, B9, a3));
    const u = fma(fma(a3b, r3, a2b), r3, a1b);
    const w = r * 134217728; // r * 2^27, exact
    const rhi = r + w - w;
    const rlo = r - rhi;
    const ww = rhi * rhi * B0; // B0 = -0.5: exact scaling
    const h = r + ww;
    const l = r - h + ww;
    const l2 = fma(B0 * rlo, r + rhi, l);
    return h + fma(u, r3, l2);
  }
  const top = hi >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return Infinity;
    if (top & 0x8000 || (top & 0x7ff0) === 0x7ff0) return NaN;
    // subnormal: normalise
    f64[0] = x * 4503599627370496; // 2^52
    hi = (u32[1] - (52 << 20)) >>> 0;
    u32[1] = hi;
    return glibcLogNormal(hi, u32[0]);
  }
  return glibcLogNormal(hi, lo);
}

function glibcLogNormal(hi: number, lo: number): number {
  const tmpHi = (hi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 0x7f;
  const k = tmpHi >> 20;
  u32[1] = (hi - (tmpHi & 0xfff00000)) >>> 0;
  u32[0] = lo;
  const z = f64[0];
  const invc = TAB[2 * i];
  const logc = TAB[2 * i + 1];
  const w = fma(k, LN2HI, logc);
  const r = fma(z, invc, -1);
  const p1 = fma(r, A2, A1);
  const h = w + r;
  const r2 = r * r;
  const l = fma(k, LN2LO, w - h + r);
  const r3 = r * r2;
  const p2 = fma(r, A4, A3);
  const s = fma(r2, A0, l);
  return fma(r3, fma(p2, r2, p1), s) + h;
}
