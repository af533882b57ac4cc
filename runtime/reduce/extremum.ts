/**
 * NumPy 1.24's whole-array `max`/`min` of a float64 or float32 array, bit for bit: which of two
 * equal zeros (+0, -0) and which NaN (payload, sign) it returns. Only those two cases depend on
 * the order of the comparisons; every other result is the extreme value, whatever the order.
 *
 * The rule, as NumPy 1.24 runs it on an AVX-512 (SKX) CPU (loops_minmax.dispatch.c.src, the
 * reduce iterator of reduction.c; checked against /usr/bin/python3's NumPy on every layout):
 * - One step: V(a, b) = a if a is NaN or a > b, else b (max; min with a < b). So a tie (+0, -0)
 *   keeps the LATER element, and a NaN already held stays.
 * - The iteration: the axes of length > 1 sorted by |stride|, largest outside (stable, C order on
 *   ties; negative strides are kept, not flipped), then coalesced (outer stride = inner length ×
 *   inner stride). The elements go to the loop in chunks of 8192 (NumPy's buffer size), read in
 *   place with the inner axis's stride when one axis is left or the chunk stays inside the inner
 *   axis, else copied into a contiguous buffer (until 2026-12-05 this file buffered every chunk of
 *   several axes: wrong for rows of 8192 or more with a stride other than 1, e.g. `m[:, ::-1]`);
 *   the first element is the initial value r and is skipped.
 * - A chunk with element stride 1 (contiguous or buffered): W lanes (8 for float64, 16 for
 *   float32: 512 bits), acc[l] = r for every lane; while 8W elements remain, for each lane l the
 *   eight elements e_k = x[p + kW + l] give acc[l] = V(acc[l], V(V(V(e0, e1), V(e2, e3)),
 *   V(V(e4, e5), V(e6, e7)))); then while W remain, acc[l] = V(acc[l], x[p + l]). Then if any
 *   lane holds a NaN, r becomes the quiet NaN 0x7ff8000000000000 (0x7fc00000 for float32: the
 *   payload is lost), else r = the lanes folded by _mm512_reduce_max_pd/ps's tree (halves 512 ->
 *   256 -> 128 as P(hi, lo), then within 128 bits P(t, swapped t); P(a, b) = a > b ? a : b);
 *   then r = V(r, x) for each remaining element in turn.
 * - A chunk with any other stride: with 8 or more elements, eight accumulators m_k = x[k], then
 *   m_k = V(m_k, x[i + k]) per group of 8, combined as V(V(V(m0, m1), V(m2, m3)), V(V(m4, m5),
 *   V(m6, m7))) into r = V(r, that); then r = V(r, x) for the rest.
 * So a NaN first element becomes the canonical NaN as soon as a contiguous chunk follows, a NaN
 * inside a chunk's lanes does too, and a NaN in a chunk's tail or in a strided run keeps its bits.
 * NumPy built for AVX2 or SSE (narrower lanes) answers differently in exactly these cases.
 *
 * The walk itself is extremum-axes.ts's (it also serves reductions over some axes, fmax/fmin,
 * `initial` and `where`). Cost: O(size) with a few comparisons per element. Used only when the
 * order matters (a zero or NaN result): the wasm loops and the JS folds compute every other result.
 * References: numpy/core/src/umath/loops_minmax.dispatch.c.src (1.24), numpy/core/src/common/simd/
 * avx512/math.h (npyv_reduce_maxn_f64), numpy/core/src/multiarray/nditer_constr.c (axis order).
 */
import type { NDArray } from "../core/ndarray.js";
import { wasmSeen } from "../wasm/loops.js";
import { numpyExtremumAxes } from "./extremum-axes.js";

/**
 * NumPy 1.24's `np.max(x)` (kind "max") or `np.min(x)` of a non-empty float64/float32 array, as
 * a number carrying NumPy's bits (the sign of a zero, a NaN's payload): the walk of
 * extremum-axes.ts with every axis reduced.
 *
 * @example
 * numpyExtremum(np.array([0, -0], { dtype: "float64" }), "max") // -0
 */
export function numpyExtremum(x: NDArray, kind: "max" | "min"): number {
  const { picks } = numpyExtremumAxes(x, x.shape.map(() => true), x.shape.map(() => 0), kind);
  return picks[0] >= 0 ? (x.data as Float64Array | Float32Array)[picks[0]] : NaN;
}

/**
 * The answer of numpyExtremum without following NumPy's order, when the run d[lo .. lo+n) (all the
 * array's elements, in any order) settles it, else undefined. For a run whose extreme value is a
 * zero or a NaN (what the wasm loops report): no NaN and zeros of one sign only, that zero; NaNs
 * all with the canonical bits (np.nan's, JS's NaN), NaN, whichever NaN NumPy's order keeps. One
 * pass (wasm's seen_T, or the JS loop), no allocation (the common cases: `np.zeros(n).max()`, data
 * with np.nan in it).
 *
 * @example
 * settledExtremum(new Float64Array([0, -1, NaN]), 0, 3) // NaN
 */
export function settledExtremum(d: Float64Array | Float32Array, lo: number, n: number): number | undefined {
  const seen = seenInRun(d, lo, n);
  if ((seen & 8) !== 0) return undefined;
  if ((seen & 4) !== 0) return NaN;
  return seen === 3 ? undefined : seen === 2 ? -0 : 0;
}

/**
 * What the run d[lo .. lo+n) holds of the values that decide a zero or NaN extremum: 1 a +0, 2 a -0,
 * 4 a NaN, 8 a NaN with bits other than the canonical quiet NaN, OR-ed (wasm's seen_T, else JS).
 *
 * @example
 * seenInRun(new Float64Array([0, -0, 1]), 0, 3) // 3
 */
export function seenInRun(d: Float64Array | Float32Array, lo: number, n: number): number {
  return wasmSeen(d, lo, n) ?? (d instanceof Float64Array ? seenF64(d, lo, n) : seenF32(d, lo, n));
}

function seenF64(d: Float64Array, lo: number, n: number): number {
  const hi = new Int32Array(d.buffer, d.byteOffset, 2 * d.length); // the words holding the sign bits: hi[2i + 1]
  let seen = 0;
  for (let i = lo, end = lo + n; i < end; i++) {
    const v = d[i];
    if (v === 0) seen |= hi[2 * i + 1] < 0 ? 2 : 1;
    else if (v !== v) seen |= hi[2 * i + 1] === 0x7ff80000 && hi[2 * i] === 0 ? 4 : 12;
  }
  return seen;
}

function seenF32(d: Float32Array, lo: number, n: number): number {
  const w = new Int32Array(d.buffer, d.byteOffset, d.length);
  let seen = 0;
  for (let i = lo, end = lo + n; i < end; i++) {
    const v = d[i];
    if (v === 0) seen |= w[i] < 0 ? 2 : 1;
    else if (v !== v) seen |= w[i] === 0x7fc00000 ? 4 : 12;
  }
  return seen;
}
