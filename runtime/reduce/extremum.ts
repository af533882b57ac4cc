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
 *   inner stride). One axis left: its elements in that order with its stride; more: the elements
 *   in that order, copied into a contiguous buffer. Either way they go to the loop in chunks of
 *   8192 (NumPy's buffer size); the first element is the initial value r and is skipped.
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
 * Cost: O(size) with a few comparisons per element, no allocation beyond one chunk of 8192
 * element indices. Used only when the order matters (a zero or NaN result): the wasm loops and
 * the JS folds compute every other result.
 * References: numpy/core/src/umath/loops_minmax.dispatch.c.src (1.24), numpy/core/src/common/simd/
 * avx512/math.h (npyv_reduce_maxn_f64), numpy/core/src/multiarray/nditer_constr.c (axis order).
 */
import type { NDArray } from "../core/ndarray.js";
import { wasmSeen } from "../wasm/loops.js";

/** NumPy's buffer size (np.getbufsize()): the reduce loop sees the elements in chunks this long. */
const CHUNK = 8192;

/**
 * NumPy 1.24's `np.max(x)` (kind "max") or `np.min(x)` of a non-empty float64/float32 array, as
 * a number carrying NumPy's bits (the sign of a zero, a NaN's payload).
 *
 * @example
 * numpyExtremum(np.array([0, -0], { dtype: "float64" }), "max") // -0
 */
export function numpyExtremum(x: NDArray, kind: "max" | "min"): number {
  const d = x.data as Float64Array | Float32Array;
  const W = d instanceof Float64Array ? 8 : 16;
  const isz = x.itemsize;
  const first = x.offset / isz;
  // axes of length > 1, outermost first by |stride| (a stable sort: C order on ties), coalesced
  const axes: [number, number][] = [];
  for (let i = 0; i < x.ndim; i++) if (x.shape[i] !== 1) axes.push([x.shape[i], x.strides[i] / isz]);
  axes.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const co: [number, number][] = [];
  for (let i = axes.length - 1; i >= 0; i--) {
    const [n, s] = axes[i];
    const last = co[co.length - 1];
    if (last !== undefined && last[1] * last[0] === s) last[0] *= n;
    else co.push([n, s]);
  }
  co.reverse();
  if (co.length === 0) return d[first];
  // one axis: its own stride decides the loop; more: NumPy buffers them, contiguous
  const contiguous = co.length > 1 || co[0][1] === 1;
  const max = kind === "max";
  const V = max ? (i: number, j: number): number => (d[i] !== d[i] || d[i] > d[j] ? i : j) : (i: number, j: number): number => (d[i] !== d[i] || d[i] < d[j] ? i : j);
  const P = max ? (i: number, j: number): number => (d[i] > d[j] ? i : j) : (i: number, j: number): number => (d[i] < d[j] ? i : j);
  const chunk = new Int32Array(CHUNK);
  const acc = new Int32Array(W);
  const m = new Int32Array(8);
  let r = first;
  let skip = 1;
  // the elements in iteration order: an odometer over the coalesced axes
  const nd = co.length;
  const idx = new Array<number>(nd).fill(0);
  let pos = first;
  let left = x.size;
  const direct = nd === 1 && co[0][1] === 1; // one contiguous run: element k of a chunk is pos + k
  while (left > 0) {
    const len = Math.min(CHUNK, left);
    if (direct) for (let k = 0; k < len; k++) chunk[k] = pos + k;
    else {
      for (let k = 0; k < len; k++) {
        chunk[k] = pos;
        for (let a = nd - 1; a >= 0; a--) {
          pos += co[a][1];
          if (++idx[a] < co[a][0]) break;
          pos -= co[a][0] * co[a][1];
          idx[a] = 0;
        }
      }
    }
    if (direct) pos += len;
    left -= len;
    const p0 = skip;
    skip = 0;
    const L = len - p0;
    if (L <= 0) continue;
    if (contiguous) {
      acc.fill(r);
      let p = p0;
      const end = p0 + L;
      for (; end - p >= 8 * W; p += 8 * W) {
        for (let l = 0; l < W; l++) {
          const q = p + l;
          const t0 = V(V(chunk[q], chunk[q + W]), V(chunk[q + 2 * W], chunk[q + 3 * W]));
          const t1 = V(V(chunk[q + 4 * W], chunk[q + 5 * W]), V(chunk[q + 6 * W], chunk[q + 7 * W]));
          acc[l] = V(acc[l], V(t0, t1));
        }
      }
      for (; end - p >= W; p += W) for (let l = 0; l < W; l++) acc[l] = V(acc[l], chunk[p + l]);
      for (let l = 0; l < W; l++) if (d[acc[l]] !== d[acc[l]]) return NaN; // canonical, and it stays
      r = laneFold(acc, W, P);
      for (; p < end; p++) r = V(r, chunk[p]);
    } else {
      let i = 0;
      if (L >= 8) {
        for (let k = 0; k < 8; k++) m[k] = chunk[p0 + k];
        for (i = 8; i + 8 <= L; i += 8) for (let k = 0; k < 8; k++) m[k] = V(m[k], chunk[p0 + i + k]);
        r = V(r, V(V(V(m[0], m[1]), V(m[2], m[3])), V(V(m[4], m[5]), V(m[6], m[7]))));
      }
      for (; i < L; i++) r = V(r, chunk[p0 + i]);
    }
  }
  return d[r];
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
  // 1: a +0, 2: a -0, 4: a NaN, 8: a NaN with other bits
  const seen = wasmSeen(d, lo, n) ?? (d instanceof Float64Array ? seenF64(d, lo, n) : seenF32(d, lo, n));
  if ((seen & 8) !== 0) return undefined;
  if ((seen & 4) !== 0) return NaN;
  return seen === 3 ? undefined : seen === 2 ? -0 : 0;
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

/** _mm512_reduce_max_pd/ps's order over W lanes (8 or 16) of element indices: halves as P(hi, lo), then P(t, swapped t). */
function laneFold(acc: Int32Array, W: number, P: (i: number, j: number) => number): number {
  const t = Array.from({ length: W }, (_, l) => acc[l]);
  let n = W;
  while (n > 4 || (n === 4 && W === 8)) {
    n >>= 1;
    for (let j = 0; j < n; j++) t[j] = P(t[n + j], t[j]);
  }
  if (n === 4) {
    t[0] = P(t[0], t[2]);
    t[1] = P(t[1], t[3]);
  }
  return P(t[0], t[1]);
}
