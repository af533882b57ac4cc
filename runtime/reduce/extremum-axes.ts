/**
 * NumPy 1.24's `max`/`min` over axes (and `np.fmax.reduce`/`np.fmin.reduce`, which `nanmax`/`nanmin`
 * are), bit for bit: which element each result is (so which of two equal zeros, which NaN), as
 * NumPy's reduction hands the elements to its loops on an AVX-512 (SKX) CPU. Only a result that is a
 * zero or a NaN depends on that order; the fast folds compute every other result, and this walk
 * runs only to settle those bits.
 *
 * The rule (numpy/core/src/umath/reduction.c, ufunc_object.c `reduce_loop`, nditer_constr.c,
 * nditer_api.c `npyiter_checkreducesize`/`npyiter_copy_to_buffers`, loops_minmax.dispatch.c.src;
 * checked against /usr/bin/python3's NumPy on every layout):
 * - The iterator: operands (result, input[, where mask]); axes of length > 1 ordered by their
 *   strides (K order, the result's strides first, zero on reduced axes; negative strides kept),
 *   neighbours merged where every operand chains. Without `initial`, each result starts as the
 *   input element at index 0 of every reduced axis, and that element is skipped in the walk.
 * - The walk goes in transfers of at most 8192 elements; npyiter_checkreducesize cuts a transfer
 *   into `outersize` inner loops of `inner` elements (a loop never mixes reduced and kept axes),
 *   and once it has found a two-level loop starting at coordinate 0 it reuses that shape.
 * - The input is read in place (its own stride) when its strides chain over the whole walk, when
 *   the transfer stays inside the innermost axis, or in a two-level loop whose outer axis is the
 *   second; otherwise it is copied into a contiguous buffer. A cast (`dtype=`) always buffers.
 * - An inner loop whose result stride is 0 (a reduction run): stride 1 (in place or buffered):
 *   the AVX-512 loop of extremum.ts (W lanes, blocks of 8W, the NaN check: any NaN lane gives the
 *   canonical NaN for max/min; for fmax/fmin only all-NaN lanes give lane 0, else NaN lanes count as
 *   -inf/+inf), then the tail one by one; any other stride: eight scalar accumulators when 8 or more
 *   elements, combined as a tree, then the rest one by one. A kept-axis run: result[j] = V(result[j], x[j]).
 * - The steps: V(a, b) = a if a is NaN or a > b, else b (max; `<` for min: a tie keeps the later
 *   element); for fmax/fmin F(a, b) = a if b is NaN, else b if a is NaN, else a > b ? a : b.
 * - `where=`: NumPy's masked loop calls the loop on each run of unmasked elements.
 * Cost: O(size) with a few comparisons per element, O(result + 8192) memory.
 */
import type { NDArray } from "../core/ndarray.js";
import { keepOrderPerm } from "../ufunc/nditer.js";

/** NumPy's buffer size (np.getbufsize()). */
const BUFSIZE = 8192;

/** Pseudo element indices: values that are not input elements. */
const CANONICAL_NAN = -1;
const MINUS_INF = -2;
const PLUS_INF = -3;
const INITIAL = -4;

/** What NumPy's walk picks for each result: the input element index (or a pseudo index below 0), by result offset. */
export interface ExtremumPicks {
  /** picks[o - base] for the result element at layout offset o. */
  picks: Int32Array;
  base: number;
}

/** Options of numpyExtremumAxes. */
export interface ExtremumAxesOptions {
  /** fmax/fmin (NaN ignored) instead of maximum/minimum (NaN propagates). */
  ignoreNaN?: boolean;
  /** NumPy's `initial` (the result starts there and no element is skipped). */
  initial?: number;
  /** A bool mask broadcast to the input's shape (NumPy's `where`; needs `initial`). */
  mask?: NDArray;
  /**
   * The loop's dtype when the input is cast into it (`dtype=`: NumPy buffers it, contiguous); the
   * loop's lanes are that dtype's (float32 reduced in float64 runs 8 lanes, not 16).
   */
  cast?: "float64" | "float32";
  /** Only these results (non-zero, indexed as picks) are computed; the walk skips the others' work. */
  need?: Uint8Array;
}

/**
 * For each element of a reduction's result, the input element NumPy 1.24's `np.maximum.reduce`
 * (kind "max"; "min": minimum; with ignoreNaN: fmax/fmin) returns there. `layout` is the result's
 * element strides over `x.shape` as NumPy iterates it (0 on reduced axes): the allocated result's
 * (K order of `x`) or `out`'s.
 *
 * @example
 * numpyExtremumAxes(np.array([[0, -0], [-0, 0]], { dtype: "float64" }), [true, false], [0, 1], "max").picks[0] // 2
 */
export function numpyExtremumAxes(x: NDArray, red: readonly boolean[], layout: readonly number[], kind: "max" | "min", options: ExtremumAxesOptions = {}): ExtremumPicks {
  const d = x.data as Float64Array | Float32Array;
  const W = (options.cast ?? (d instanceof Float64Array ? "float64" : "float32")) === "float64" ? 8 : 16;
  const isz = x.itemsize;
  const mask = options.mask;
  const initial = options.initial;
  const ignoreNaN = options.ignoreNaN === true;
  const max = kind === "max";
  // the pseudo values
  const pseudo = [0, NaN, -Infinity, Infinity, initial ?? NaN];
  const val = (i: number): number => (i >= 0 ? d[i] : pseudo[-i]);
  // maximum/minimum: every step is V(a, b) = a if a is NaN or a > b, else b (SSE/AVX-512 max with NumPy's NaN blend)
  const V = max
    ? (a: number, b: number): number => { const va = val(a); return va !== va || va > val(b) ? a : b; }
    : (a: number, b: number): number => { const va = val(a); return va !== va || va < val(b) ? a : b; };
  // fmax/fmin: G(a, b) = the number if one is NaN, a if both are, else a > b ? a : b (a tie gives b): AVX-512's
  // maxp and glibc's fmax; the compiled loops call it with the operands swapped in some places (measured)
  const G = max
    ? (a: number, b: number): number => { const va = val(a); const vb = val(b); return vb !== vb ? a : va !== va ? b : va > vb ? a : b; }
    : (a: number, b: number): number => { const va = val(a); const vb = val(b); return vb !== vb ? a : va !== va ? b : va < vb ? a : b; };
  const swapped = (a: number, b: number): number => G(b, a);
  /** the SIMD step and the kept-axis step */
  const vec = ignoreNaN ? G : V;
  /** the scalar tail after the SIMD reduce: r = op(r, x) */
  const ctail = ignoreNaN ? swapped : V;
  /** the strided reduce's eight accumulators: m = op(m, x) */
  const sloop = ignoreNaN ? swapped : V;
  /** the strided reduce's final step and its tail: r = op(r, x) */
  const sfinal = ignoreNaN ? G : V;
  /**
   * the strided reduce's tree (m0 m1, m2 m3, m4 m5, m6 m7, then m0 m2, m4 m6, then m0 m4): for
   * fmax/fmin the compiled code swaps the operands of some of these calls, differently for float64
   * and float32 (measured: which of two equal zeros each step keeps)
   */
  const swaps = !ignoreNaN ? [0, 0, 0, 0, 0, 0, 0] : W === 8 ? [1, 1, 1, 1, 0, 0, 0] : [0, 0, 0, 1, 0, 0, 0];
  const tree = swaps.map((sw) => (!ignoreNaN ? V : sw === 1 ? swapped : G));
  const P = max ? (a: number, b: number): number => (val(a) > val(b) ? a : b) : (a: number, b: number): number => (val(a) < val(b) ? a : b);

  const { dims, OS, IS, MS, size, base, span } = iterationSpace(x, red, layout, mask);
  const nd = dims.length;
  const picks = new Int32Array(span).fill(initial === undefined ? CANONICAL_NAN : INITIAL);
  const need = options.need;
  if (size === 0) return { picks, base };

  const isReduce = OS.some((s, k) => s === 0 && dims[k] > 1);
  // the input reads in place everywhere when its strides chain over the whole walk (NPY_OP_ITFLAG_BUFNEVER)
  let chains = options.cast === undefined;
  for (let k = 1; k < nd && chains; k++) if (IS[k] !== IS[k - 1] * dims[k - 1]) chains = false;

  // the walk: coordinates, element index, result offset, mask index; `nzRed` counts reduced axes off 0
  const coords = new Array<number>(nd).fill(0);
  let ip = x.offset / isz;
  let op = 0;
  let mp = mask === undefined ? 0 : mask.offset / mask.itemsize;
  const md = mask === undefined ? null : mask.data;
  let nzRed = 0;
  const advance = (): void => {
    for (let k = 0; k < nd; k++) {
      ip += IS[k];
      op += OS[k];
      if (MS !== null) mp += MS[k];
      if (++coords[k] < dims[k]) {
        if (coords[k] === 1 && OS[k] === 0) nzRed++;
        return;
      }
      ip -= IS[k] * dims[k];
      op -= OS[k] * dims[k];
      if (MS !== null) mp -= MS[k] * dims[k];
      coords[k] = 0;
      if (OS[k] === 0 && dims[k] > 1) nzRed--;
    }
  };

  const runE = new Int32Array(BUFSIZE);
  const runO = new Int32Array(BUFSIZE);
  const runM = new Uint8Array(BUFSIZE);
  const acc = new Int32Array(W);
  const m = new Int32Array(8);
  const seenFirst = initial !== undefined;

  /** NumPy's reduce loop over runE[p .. p+n) into the result value r (an element index). */
  const reduceRun = (p: number, n: number, r: number, contiguous: boolean): number => {
    if (n < 1) return r;
    if (contiguous) {
      acc.fill(r);
      let q = p;
      let left = n;
      for (; left >= 8 * W; left -= 8 * W, q += 8 * W) {
        for (let l = 0; l < W; l++) {
          const s = q + l;
          const t0 = vec(vec(runE[s], runE[s + W]), vec(runE[s + 2 * W], runE[s + 3 * W]));
          const t1 = vec(vec(runE[s + 4 * W], runE[s + 5 * W]), vec(runE[s + 6 * W], runE[s + 7 * W]));
          acc[l] = vec(acc[l], vec(t0, t1));
        }
      }
      for (; left >= W; left -= W, q += W) for (let l = 0; l < W; l++) acc[l] = vec(acc[l], runE[q + l]);
      let nans = 0;
      for (let l = 0; l < W; l++) if (val(acc[l]) !== val(acc[l])) nans++;
      if (!ignoreNaN) r = nans > 0 ? CANONICAL_NAN : laneFold(acc, W, P);
      else if (nans === W) r = acc[0];
      else {
        for (let l = 0; l < W; l++) if (val(acc[l]) !== val(acc[l])) acc[l] = max ? MINUS_INF : PLUS_INF;
        r = laneFold(acc, W, P);
      }
      for (; left > 0; left--, q++) r = ctail(r, runE[q]);
      return r;
    }
    let i = 0;
    if (n >= 8) {
      for (let k = 0; k < 8; k++) m[k] = runE[p + k];
      for (i = 8; i + 8 <= n; i += 8) for (let k = 0; k < 8; k++) m[k] = sloop(m[k], runE[p + i + k]);
      const t = tree;
      const m01 = t[0](m[0], m[1]);
      const m23 = t[1](m[2], m[3]);
      const m45 = t[2](m[4], m[5]);
      const m67 = t[3](m[6], m[7]);
      r = sfinal(r, t[6](t[4](m01, m23), t[5](m45, m67)));
    }
    for (; i < n; i++) r = sfinal(r, runE[p + i]);
    return r;
  };

  let iterindex = 0;
  let reuse = false;
  let inner = 0;
  let outerdim = 0;
  let first = true;
  while (iterindex < size) {
    let transfer = Math.min(BUFSIZE, size - iterindex);
    let outersize = 1;
    if (!isReduce) inner = transfer;
    else if (reuse && !first) {
      outersize = dims[outerdim] - coords[outerdim];
      if (outersize * inner > BUFSIZE) outersize = Math.floor(transfer / inner);
      transfer = outersize * inner;
    } else {
      const c = checkReduceLoops(dims, OS, coords, transfer);
      transfer = c.count;
      inner = c.inner;
      outerdim = c.outerdim;
      if (c.reuse !== null) reuse = c.reuse;
      outersize = inner === 0 ? 0 : transfer / inner;
    }
    first = false;
    if (transfer === 0) break;
    const onestride = Math.min(dims[0] - coords[0], size - iterindex) >= transfer;
    const direct = chains || (options.cast === undefined && (onestride || (isReduce && outerdim === 1 && outersize <= dims[1] - coords[1])));
    const contiguous = direct ? IS[0] === 1 : true;
    for (let r = 0; r < outersize; r++) {
      // the next `inner` elements in iteration order
      const firstVisit = !seenFirst && nzRed === 0;
      for (let j = 0; j < inner; ) {
        // along the innermost axis at once, then one odometer step where it ends
        const m = Math.min(dims[0] - coords[0], inner - j);
        const s0 = IS[0];
        const o0 = OS[0];
        for (let t = 0, e = ip, o = op - base; t < m; t++, j++, e += s0, o += o0) {
          runE[j] = e;
          runO[j] = o;
        }
        if (md !== null && MS !== null) for (let t = 0, q = mp; t < m; t++, q += MS[0]) runM[j - m + t] = md[q] !== 0 ? 1 : 0;
        const step = coords[0] + m < dims[0] ? m : m - 1;
        if (step > 0) {
          if (coords[0] === 0 && o0 === 0) nzRed++;
          coords[0] += step;
          ip += step * s0;
          op += step * o0;
          if (MS !== null) mp += step * MS[0];
        }
        if (step !== m) advance();
      }
      if (OS[0] === 0) {
        // a reduction run into one result
        const o = runO[0];
        let p = 0;
        if (firstVisit) {
          picks[o] = runE[0];
          p = 1;
        }
        if (need !== undefined && need[o] === 0) continue;
        if (md === null) picks[o] = reduceRun(p, inner - p, picks[o], contiguous);
        else {
          // the masked loop: each run of unmasked elements on its own
          while (p < inner) {
            while (p < inner && runM[p] === 0) p++;
            let e = p;
            while (e < inner && runM[e] !== 0) e++;
            if (e > p) picks[o] = reduceRun(p, e - p, picks[o], contiguous);
            p = e;
          }
        }
      } else if (firstVisit) {
        for (let j = 0; j < inner; j++) picks[runO[j]] = runE[j];
      } else {
        for (let j = 0; j < inner; j++) if ((md === null || runM[j] !== 0) && (need === undefined || need[runO[j]] !== 0)) picks[runO[j]] = vec(picks[runO[j]], runE[j]);
      }
    }
    iterindex += transfer;
  }
  return { picks, base };
}

/** The walk's coalesced axes (fastest first) with each operand's element strides, and the result offsets it reaches. */
interface IterationSpace {
  dims: number[];
  OS: number[];
  IS: number[];
  MS: number[] | null;
  size: number;
  /** the lowest result offset (picks[o - base]) */
  base: number;
  /** how many result offsets from base */
  span: number;
}

/** NumPy's iterator axes for (result, input[, mask]): K order (result strides first), length-1 axes dropped, chains merged. */
function iterationSpace(x: NDArray, red: readonly boolean[], layout: readonly number[], mask: NDArray | undefined): IterationSpace {
  const shape = x.shape;
  const ins = x.strides.map((s, i) => (shape[i] === 1 ? 0 : s / x.itemsize));
  const outs = layout.map((s, i) => (shape[i] === 1 || red[i] ? 0 : s));
  const mks = mask === undefined ? null : mask.strides.map((s, i) => (shape[i] === 1 ? 0 : s / mask.itemsize));
  const ops = mks === null ? [outs, ins] : [outs, ins, mks];
  const perm = keepOrderPerm(shape, ops).filter((ax) => shape[ax] !== 1);
  const dims: number[] = [];
  const st: number[][] = ops.map(() => []);
  for (const ax of perm) {
    const k = dims.length - 1;
    if (k >= 0 && ops.every((s, o) => s[ax] === st[o][k] * dims[k])) {
      dims[k] *= shape[ax];
      continue;
    }
    dims.push(shape[ax]);
    ops.forEach((s, o) => st[o].push(s[ax]));
  }
  if (dims.length === 0) {
    dims.push(1);
    st.forEach((s) => s.push(0));
  }
  let size = 1;
  for (const n of dims) size *= n;
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < dims.length; k++) {
    const ext = (dims[k] - 1) * st[0][k];
    if (ext < 0) lo += ext;
    else hi += ext;
  }
  return { dims, OS: st[0], IS: st[1], MS: st.length > 2 ? st[2] : null, size, base: lo, span: hi - lo + 1 };
}

/**
 * Per result element (indexed as numpyExtremumAxes's picks), which zeros and NaNs reach it: 1 a +0,
 * 2 a -0, 4 a NaN, 8 a NaN with bits other than the canonical quiet NaN. One pass, in any order.
 *
 * @example
 * seenPerResult(np.array([[0, -0], [0, 0]], { dtype: "float64" }), [true, false], [0, 1]).flags // Uint8Array [1, 3]
 */
export function seenPerResult(x: NDArray, red: readonly boolean[], layout: readonly number[]): { flags: Uint8Array; base: number } {
  const { dims, OS, IS, size, base, span } = iterationSpace(x, red, layout, undefined);
  const flags = new Uint8Array(span);
  if (size === 0) return { flags, base };
  const d = x.data as Float64Array | Float32Array;
  const f64 = d instanceof Float64Array;
  const w = new Int32Array(d.buffer, d.byteOffset, f64 ? 2 * d.length : d.length);
  const nd = dims.length;
  const n0 = dims[0];
  const s0 = IS[0];
  const o0 = OS[0];
  const coords = new Array<number>(nd).fill(0);
  let ip = x.offset / x.itemsize;
  let op = -base;
  for (;;) {
    if (f64) {
      for (let j = 0, p = ip, o = op; j < n0; j++, p += s0, o += o0) {
        const v = d[p];
        // a zero without a branch (random signs mispredict): 1 << (sign bit) is 1 for +0, 2 for -0
        flags[o] |= +(v === 0) << (w[2 * p + 1] >>> 31);
        if (v !== v) flags[o] |= w[2 * p + 1] === 0x7ff80000 && w[2 * p] === 0 ? 4 : 12;
      }
    } else {
      for (let j = 0, p = ip, o = op; j < n0; j++, p += s0, o += o0) {
        const v = d[p];
        flags[o] |= +(v === 0) << (w[p] >>> 31);
        if (v !== v) flags[o] |= w[p] === 0x7fc00000 ? 4 : 12;
      }
    }
    let k = 1;
    for (; k < nd; k++) {
      ip += IS[k];
      op += OS[k];
      if (++coords[k] < dims[k]) break;
      ip -= IS[k] * dims[k];
      op -= OS[k] * dims[k];
      coords[k] = 0;
    }
    if (k >= nd) return { flags, base };
  }
}

/**
 * npyiter_checkreducesize (NumPy 1.24): the transfer's element count, the inner loop's length,
 * the axis of the outer loop, and whether later transfers reuse this shape (null: unchanged).
 *
 * @example
 * checkReduceLoops([100, 300], [0, 1], [0, 0], 8192) // { count: 8100, inner: 100, outerdim: 1, reuse: true }
 */
export function checkReduceLoops(dims: readonly number[], os: readonly number[], coords: readonly number[], count0: number): { count: number; inner: number; outerdim: number; reuse: boolean | null } {
  let count = count0;
  const nd = dims.length;
  if (nd === 1 || count === 0) return { count, inner: count, outerdim: 0, reuse: null };
  const zero0 = os[0] === 0;
  let reducespace = dims[0] - coords[0];
  let factor = dims[0];
  let nonzero = coords[0] !== 0;
  let idim = 1;
  for (; idim < nd && reducespace < count; idim++) {
    if (zero0 ? os[idim] !== 0 : os[idim] === 0) {
      if (nonzero) return { count: Math.min(count, reducespace), inner: Math.min(count, reducespace), outerdim: 0, reuse: false };
      break;
    }
    if (coords[idim] !== 0) nonzero = true;
    reducespace += (dims[idim] - coords[idim] - 1) * factor;
    factor *= dims[idim];
  }
  if (nonzero || count < reducespace || idim === nd) {
    count = Math.min(count, reducespace);
    return { count, inner: count, outerdim: 0, reuse: false };
  }
  const reuse = coords[idim] === 0;
  const inner = reducespace;
  count = Math.floor(count / reducespace);
  const outerdim = idim;
  const zero1 = os[idim] === 0;
  reducespace = dims[idim] - coords[idim];
  factor = dims[idim];
  idim++;
  for (; idim < nd && reducespace < count; idim++) {
    if (zero1 ? os[idim] !== 0 : os[idim] === 0) return { count: Math.min(count, reducespace) * inner, inner, outerdim, reuse };
    reducespace += (dims[idim] - coords[idim] - 1) * factor;
    factor *= dims[idim];
  }
  return { count: Math.min(count, reducespace) * inner, inner, outerdim, reuse };
}

/**
 * Give the zero and NaN elements of `res` (the keepdims result over `x.shape` of a max/min of `x`
 * over `red`, computed by a fast fold) NumPy's bits: settled from which zeros and NaNs reach each
 * result (one pass: zeros of one sign, or canonical NaNs only, leave no choice), else by NumPy's
 * walk (numpyExtremumAxes) for those results alone. `layout`: as numpyExtremumAxes.
 */
export function settleExtremum(res: NDArray, red: readonly boolean[], layout: readonly number[], x: NDArray, kind: "max" | "min", options: ExtremumAxesOptions = {}): void {
  const rd = res.data as Float64Array | Float32Array;
  const f64 = rd instanceof Float64Array;
  const w = f64 ? 2 : 1;
  const rw = new Int32Array(rd.buffer, rd.byteOffset, rd.length * w);
  const initial = options.initial;
  // what reaches each result (a mask: everything is left to the walk)
  let seen: { flags: Uint8Array; base: number } | null = options.mask === undefined ? seenPerResult(x, red, layout) : null;
  if (seen !== null && initial !== undefined && (initial === 0 || initial !== initial)) {
    const f = initial !== initial ? 4 : Object.is(initial, -0) ? 2 : 1;
    for (let i = 0; i < seen.flags.length; i++) seen.flags[i] |= f;
  }
  let walk: ExtremumPicks | null = null;
  let need: Uint8Array | null = null;
  let all = false;
  for (let pass = 0; pass < 2; pass++) {
    // pass 0: settle what the flags settle, mark the rest; pass 1: write the walk's picks for the rest
    const nd = res.ndim;
    const rs = res.strides.map((st) => st / res.itemsize);
    const idx = new Array<number>(nd).fill(0);
    let q = res.offset / res.itemsize;
    const base = seen !== null ? seen.base : walk !== null ? walk.base : 0;
    let o = -base;
    for (let n = 0; n < res.size; n++) {
      const v = rd[q];
      if (v === 0 || v !== v) {
        if (pass === 0) {
          const f = seen === null ? 3 | 8 : seen.flags[o];
          if (v === 0 && (f & 3) !== 3) rd[q] = (f & 3) === 2 ? -0 : 0;
          else if (v !== v && (f & 8) === 0) setCanonicalNaN(rw, q, f64);
          else if (seen === null) all = true;
          else (need ??= new Uint8Array(seen.flags.length))[o] = 1;
        } else if (walk !== null && (need === null || need[o] !== 0)) writePick(rd, rw, q, x, walk.picks[o], f64, initial);
      }
      for (let k = nd - 1; k >= 0; k--) {
        if (red[k] || res.shape[k] === 1) continue;
        q += rs[k];
        o += layout[k];
        if (++idx[k] < res.shape[k]) break;
        q -= rs[k] * res.shape[k];
        o -= layout[k] * res.shape[k];
        idx[k] = 0;
      }
    }
    if (pass === 0) {
      if (need === null && !all) return;
      walk = numpyExtremumAxes(x, red, layout, kind, need === null ? options : { ...options, need });
      seen = null;
    }
  }
}

function setCanonicalNaN(rw: Int32Array, q: number, f64: boolean): void {
  if (f64) {
    rw[2 * q] = 0;
    rw[2 * q + 1] = 0x7ff80000;
  } else rw[q] = 0x7fc00000;
}

/** The bits of pick `i` (an element of `x`, or a pseudo value) into result element q. */
function writePick(rd: Float64Array | Float32Array, rw: Int32Array, q: number, x: NDArray, i: number, f64: boolean, initial: number | undefined): void {
  const xd = x.data as Float64Array | Float32Array;
  if (i >= 0 && (xd instanceof Float64Array) === f64) {
    const xw = new Int32Array(xd.buffer, xd.byteOffset, f64 ? 2 * xd.length : xd.length);
    if (f64) {
      rw[2 * q] = xw[2 * i];
      rw[2 * q + 1] = xw[2 * i + 1];
    } else rw[q] = xw[i];
  } else if (i >= 0) rd[q] = xd[i];
  else if (i === CANONICAL_NAN) setCanonicalNaN(rw, q, f64);
  else rd[q] = i === MINUS_INF ? -Infinity : i === PLUS_INF ? Infinity : (initial ?? NaN);
}

/**
 * _mm512_reduce_max_pd/ps's order over W lanes (8 or 16) of element indices: halves as P(hi, lo), then P(t, swapped t).
 *
 * @example
 * laneFold(Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7), 8, (i, j) => (i > j ? i : j)) // 7
 */
export function laneFold(acc: Int32Array, W: number, P: (i: number, j: number) => number): number {
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
