/**
 * The order in which NumPy's reduction visits elements, so float sums match NumPy bit for bit.
 *
 * Rule (NumPy 1.24 numpy/core/src/umath/reduction.c + nditer: `npyiter_find_best_axis_ordering`,
 * `npyiter_coalesce_axes`, `npyiter_checkreducesize`; the iterator is BUFFERED with buffersize
 * 8192, DONT_NEGATE_STRIDES, and the result starts at the identity 0):
 * 1. Axes are ordered by the input's |strides| (K order, ties in C order) and neighbouring
 *    axes are merged when both the input and the result (stride 0 on reduced axes) chain.
 * 2. The walk proceeds in transfers of at most 8192 elements. Within a transfer, the inner loop
 *    runs `inner` elements at a time (npyiter_checkreducesize: a run stops where the result's
 *    stride switches between zero and non-zero, and a transfer never wraps a reduced run past
 *    the buffer), as consecutive blocks in iteration order.
 * 3. A run whose result stride is 0 is a reduction run: result += pairwise_sum(run) (the run is
 *    gathered into a scratch buffer when it spans several axes, as NumPy copies it into its
 *    buffer); otherwise each element is added on its own: result[j] += x (sequential).
 * So `a.sum()` on a contiguous array is ((0 + pw(x[0:8192])) + pw(x[8192:16384])) + ...,
 * `a.sum({ axis: 0 })` of a C array adds rows one by one, and `a.sum({ axis: -1 })` sums each
 * row pairwise in chunks of 8192. Cost: O(size) plus O(ndim) per run.
 */
import type { TypedArray } from "../core/dtype.js";
import { keepOrderPerm } from "../ufunc/nditer.js";
import { pairwiseSum, pairwiseSumF32, pairwiseSumF64 } from "./pairwise.js";
import { accelerate, MIN_RUN, wasmAddRowsF64, wasmBinaryF64, wasmExtremumF64 } from "../wasm/loops.js";
import { inWasmMemory } from "../wasm/heap.js";
import { addLoop, type BinaryLoop } from "../ufunc/kernels.js";

/** NumPy's ufunc buffer size (np.getbufsize()), in elements. */
export const BUFSIZE = 8192;

/** The coalesced iteration space of a reduction: dims fastest first, with both operands' strides. */
export interface ReduceSpace {
  dims: number[];
  inStrides: number[];
  outStrides: number[];
  inStart: number;
  outStart: number;
  size: number;
}

/**
 * Plan the iteration of a reduction of an input (element strides `inStrides`) into a result
 * (element strides `outStrides`, 0 on reduced axes) over `shape`.
 *
 * @example
 * reduceSpace([3, 4], [4, 1], [0, 0], 0, 0).dims // [12]  (a full reduction of a C array is one run)
 */
export function reduceSpace(shape: readonly number[], inStrides: readonly number[], outStrides: readonly number[], inStart: number, outStart: number): ReduceSpace {
  const ins = inStrides.map((s, i) => (shape[i] === 1 ? 0 : s));
  const outs = outStrides.map((s, i) => (shape[i] === 1 ? 0 : s));
  const perm = keepOrderPerm(shape, [outs, ins]).filter((ax) => shape[ax] !== 1);
  const dims: number[] = [];
  const is: number[] = [];
  const os: number[] = [];
  let size = 1;
  for (const d of shape) size *= d;
  for (const ax of perm) {
    const k = dims.length - 1;
    if (k >= 0 && ins[ax] === is[k] * dims[k] && outs[ax] === os[k] * dims[k]) {
      dims[k] *= shape[ax];
      continue;
    }
    dims.push(shape[ax]);
    is.push(ins[ax]);
    os.push(outs[ax]);
  }
  if (dims.length === 0) {
    dims.push(1);
    is.push(0);
    os.push(0);
  }
  return { dims, inStrides: is, outStrides: os, inStart, outStart, size };
}

/**
 * npyiter_checkreducesize: [inner run length, elements in this transfer].
 *
 * @example
 * checkReduceSize([12000, 3], [0, 1], [0, 0], 8192) // [8192, 8192]  (a long row is cut at the buffer size)
 * checkReduceSize([100, 300], [0, 1], [0, 0], 8192) // [100, 8100]  (81 rows of 100 per transfer)
 */
export function checkReduceSize(dims: readonly number[], os: readonly number[], coords: readonly number[], count0: number): [number, number] {
  let count = count0;
  const nd = dims.length;
  if (nd === 1 || count === 0) return [count, count];
  const zero0 = os[0] === 0;
  let reducespace = 1 + (dims[0] - coords[0] - 1);
  let factor = dims[0];
  let nonzero = coords[0] !== 0;
  let idim = 1;
  for (; idim < nd && reducespace < count; idim++) {
    if (zero0 ? os[idim] !== 0 : os[idim] === 0) {
      if (count <= reducespace) return [count, count];
      if (nonzero) {
        if (reducespace < count) count = reducespace;
        return [count, count];
      }
      break;
    }
    if (coords[idim] !== 0) nonzero = true;
    reducespace += (dims[idim] - coords[idim] - 1) * factor;
    factor *= dims[idim];
  }
  if (nonzero || count < reducespace || idim === nd) {
    if (reducespace < count) count = reducespace;
    return [count, count];
  }
  const inner = reducespace;
  count = Math.floor(count / reducespace);
  const zero1 = os[idim] === 0;
  let rs = dims[idim] - coords[idim];
  factor = dims[idim];
  idim++;
  for (; idim < nd && rs < count; idim++) {
    if (zero1 ? os[idim] !== 0 : os[idim] === 0) return [inner, Math.min(count, rs) * inner];
    rs += (dims[idim] - coords[idim] - 1) * factor;
    factor *= dims[idim];
  }
  if (rs < count) count = rs;
  return [inner, count * inner];
}

/** The add loop with its wasm SIMD twin (made on first use: the loop table needs every loop module loaded). */
let addF64: BinaryLoop | null = null;

/**
 * out[q + j*so] += inp[p + j*s0] for j < m: the elementwise runs (float64 only, so V8 keeps it monomorphic).
 * Both in wasm memory: the wasm add loop with `out` as first operand and result (each element is one
 * IEEE addition out + inp, as NumPy's `io1 = io1 + in2`, so the bits are those of the JS loop below).
 */
function addIntoF64(out: Float64Array, q: number, so: number, inp: Float64Array, p: number, s0: number, m: number): void {
  if (m >= MIN_RUN && inWasmMemory(out.buffer) && inWasmMemory(inp.buffer)) {
    addF64 ??= accelerate(addLoop);
    addF64(m, out, q, so, inp, p, s0, out, q, so);
    return;
  }
  if (m >= 64 && so === 1 && s0 === 1) {
    // contiguous: 8x unrolled over zero-based subarrays (V8 checks bounds less; see ufunc/arith.ts)
    const O = out.subarray(q, q + m);
    const I = inp.subarray(p, p + m);
    const e = O.length - (O.length % 8);
    let i = 0;
    for (; i < e; i += 8) {
      O[i] += I[i];
      O[i + 1] += I[i + 1];
      O[i + 2] += I[i + 2];
      O[i + 3] += I[i + 3];
      O[i + 4] += I[i + 4];
      O[i + 5] += I[i + 5];
      O[i + 6] += I[i + 6];
      O[i + 7] += I[i + 7];
    }
    for (; i < O.length; i++) O[i] += I[i];
    return;
  }
  for (let j = 0; j < m; j++, p += s0, q += so) out[q] += inp[p];
}

/** The same for float32 results (each store rounds to float32). */
function addInto(out: Float64Array | Float32Array, q: number, so: number, inp: Float64Array | Float32Array, p: number, s0: number, m: number): void {
  for (let j = 0; j < m; j++, p += s0, q += so) out[q] += inp[p];
}

/** The same for integer sums, kept exact. */
function addIntoExact(out: Float64Array | Float32Array, q: number, so: number, inp: Float64Array | Float32Array, p: number, s0: number, m: number): void {
  for (let j = 0; j < m; j++, p += s0, q += so) out[q] = keepExact(out[q] + inp[p]);
}

/** An integer sum kept exact in a double: reduced modulo 2^32 (a multiple of every integer dtype's range) past 2^52. */
function keepExact(t: number): number {
  return t > 4503599627370496 || t < -4503599627370496 ? t % 4294967296 : t;
}

/**
 * A 2-D space whose inner runs are elementwise and whose outer axis is reduced (`m.sum({ axis: 0 })`
 * of a C array, axis 1 of an F array): out[j] += inp[row r, j] for r = 0, 1, ... in turn, each row one
 * call of the wasm add loop on the arrays' own memory. Every result element still adds its inputs
 * one by one in increasing r (the order of the general walk below, whose buffered transfers only
 * change where pairwise runs are cut, and this space has none), so the bits are the same. Returns
 * false (nothing done) when the arrays are not both in wasm memory or the rows are short.
 */
function rowsIntoF64(sp: ReduceSpace, inp: Float64Array | Float32Array, out: Float64Array | Float32Array): boolean {
  const n = sp.dims[0];
  if (n < MIN_RUN || !(inp instanceof Float64Array) || !(out instanceof Float64Array)) return false;
  if (!inWasmMemory(inp.buffer) || !inWasmMemory(out.buffer)) return false;
  const entry = wasmBinaryF64(addLoop);
  if (entry === null) return false;
  const o = out.byteOffset + sp.outStart * 8;
  const so = sp.outStrides[0] * 8;
  const si = sp.inStrides[0] * 8;
  const step = sp.inStrides[1] * 8;
  let p = inp.byteOffset + sp.inStart * 8;
  const rows = sp.dims[1];
  if (si === 8 && so === 8) {
    // contiguous rows into contiguous results: every row in one call, the results held in vector
    // registers over the rows (add_rows_f64; the same additions in the same order)
    const all = wasmAddRowsF64();
    if (all !== null) {
      all(rows, n, p, step, o);
      return true;
    }
  }
  for (let r = 0; r < rows; r++, p += step) entry(n, o, so, p, si, o, so);
  return true;
}

/**
 * Add every element of the input into the result in NumPy's order (see the file head).
 * `inp` holds the input values already in the loop dtype (as a Float64Array, or Float32Array
 * for float32 sums: see ufunc/f64.ts); `out` accumulates (Float32Array stores round like
 * NumPy's float32 result), pre-filled with the identity 0. `f32` selects float32 pairwise
 * arithmetic; `int` keeps integer sums exact (the caller wraps them into the result dtype).
 */
export function addReduce(sp: ReduceSpace, inp: Float64Array | Float32Array, out: Float64Array | Float32Array, f32: boolean, int = false): void {
  const { dims, inStrides: is, outStrides: os, size } = sp;
  if (size === 0) return;
  const nd = dims.length;
  if (!int && !f32 && nd === 2 && os[0] !== 0 && os[1] === 0 && rowsIntoF64(sp, inp, out)) return;
  const coords = new Array<number>(nd).fill(0);
  let inIdx = sp.inStart;
  let outIdx = sp.outStart;
  const s0 = is[0];
  const contiguousF64 = !f32 && s0 === 1 && inp instanceof Float64Array;
  let scratch: Float64Array | Float32Array | null = null;
  const advance = (k: number): void => {
    // move the multi-index k elements forward in iteration order, updating both indices
    let carry = k;
    for (let d = 0; d < nd && carry > 0; d++) {
      const c = coords[d] + carry;
      const nc = c % dims[d];
      carry = Math.floor(c / dims[d]);
      inIdx += (nc - coords[d]) * is[d];
      outIdx += (nc - coords[d]) * os[d];
      coords[d] = nc;
    }
  };
  let done = 0;
  while (done < size) {
    const [inner, transfer] = checkReduceSize(dims, os, coords, Math.min(BUFSIZE, size - done));
    for (let r = 0; r < transfer; r += inner) {
      if (os[0] === 0) {
        // a reduction run: pairwise over `inner` elements in iteration order
        let v: number;
        if (coords[0] + inner <= dims[0]) {
          v = contiguousF64 ? pairwiseSumF64(inp as Float64Array, inIdx, inner) : f32 ? pairwiseSumF32(inp as Float32Array, inIdx, inner, s0) : pairwiseSum(inp, inIdx, inner, s0);
        } else {
          if (scratch === null) scratch = f32 ? new Float32Array(BUFSIZE) : new Float64Array(BUFSIZE);
          const o0 = outIdx;
          let k = 0;
          while (k < inner) {
            const m = Math.min(dims[0] - coords[0], inner - k);
            for (let j = 0, p = inIdx; j < m; j++, p += s0) scratch[k + j] = inp[p];
            k += m;
            advance(m);
          }
          // rewind is unnecessary: the run is consumed; account for it below
          v = f32 ? pairwiseSumF32(scratch as Float32Array, 0, inner, 1) : pairwiseSum(scratch, 0, inner, 1);
          out[o0] = int ? keepExact(out[o0] + v) : out[o0] + v;
          continue;
        }
        out[outIdx] = int ? keepExact(out[outIdx] + v) : out[outIdx] + v;
        advance(inner);
      } else {
        // element by element along the iteration order
        let k = 0;
        while (k < inner) {
          const m = Math.min(dims[0] - coords[0], inner - k);
          const so = os[0];
          if (int) addIntoExact(out, outIdx, so, inp, inIdx, s0, m);
          else if (out instanceof Float64Array && inp instanceof Float64Array) addIntoF64(out, outIdx, so, inp, inIdx, s0, m);
          else addInto(out, outIdx, so, inp, inIdx, s0, m);
          k += m;
          advance(m);
        }
      }
    }
    done += transfer;
  }
}

/** Contiguous min/max runs at least this long use four accumulators (maxRun/minRun). */
const RUN_MIN = 64;

/**
 * max(acc, A[p..p+n)) with NumPy's rules (`acc >= v || acc !== acc ? acc : v`: NaN propagates),
 * over four interleaved accumulators so the comparisons do not wait on each other (measured
 * on 1e6 contiguous float64: 0.58 ms against 1.4 ms sequentially). The value is the same as
 * the sequential fold's: max is associative for numbers and NaN wins in every order. Which of
 * two equal zeros (0, -0) and which NaN come back depends on the order: the caller gives a zero or
 * NaN result NumPy's bits afterwards (reduce.ts settleExtremumBits).
 */
function maxRun(inp: Float64Array, p: number, n: number, acc: number): number {
  const w = wasmExtremumF64("max", inp, p, n); // NaN: fold here (runtime/wasm/loops.ts)
  if (w === w) return acc >= w || acc !== acc ? acc : w;
  const A = inp.subarray(p, p + n);
  let r0 = A[0];
  let r1 = A[1];
  let r2 = A[2];
  let r3 = A[3];
  const m = A.length - (A.length % 4);
  let i = 4;
  for (; i < m; i += 4) {
    const v0 = A[i];
    const v1 = A[i + 1];
    const v2 = A[i + 2];
    const v3 = A[i + 3];
    r0 = r0 >= v0 || r0 !== r0 ? r0 : v0;
    r1 = r1 >= v1 || r1 !== r1 ? r1 : v1;
    r2 = r2 >= v2 || r2 !== r2 ? r2 : v2;
    r3 = r3 >= v3 || r3 !== r3 ? r3 : v3;
  }
  r0 = r0 >= r1 || r0 !== r0 ? r0 : r1;
  r2 = r2 >= r3 || r2 !== r2 ? r2 : r3;
  r0 = r0 >= r2 || r0 !== r0 ? r0 : r2;
  let res = acc >= r0 || acc !== acc ? acc : r0;
  for (; i < A.length; i++) {
    const v = A[i];
    res = res >= v || res !== res ? res : v;
  }
  return res;
}

/** min(acc, A[p..p+n)) with NumPy's rules, as maxRun. */
function minRun(inp: Float64Array, p: number, n: number, acc: number): number {
  const w = wasmExtremumF64("min", inp, p, n); // NaN: fold here (runtime/wasm/loops.ts)
  if (w === w) return acc <= w || acc !== acc ? acc : w;
  const A = inp.subarray(p, p + n);
  let r0 = A[0];
  let r1 = A[1];
  let r2 = A[2];
  let r3 = A[3];
  const m = A.length - (A.length % 4);
  let i = 4;
  for (; i < m; i += 4) {
    const v0 = A[i];
    const v1 = A[i + 1];
    const v2 = A[i + 2];
    const v3 = A[i + 3];
    r0 = r0 <= v0 || r0 !== r0 ? r0 : v0;
    r1 = r1 <= v1 || r1 !== r1 ? r1 : v1;
    r2 = r2 <= v2 || r2 !== r2 ? r2 : v2;
    r3 = r3 <= v3 || r3 !== r3 ? r3 : v3;
  }
  r0 = r0 <= r1 || r0 !== r0 ? r0 : r1;
  r2 = r2 <= r3 || r2 !== r2 ? r2 : r3;
  r0 = r0 <= r2 || r0 !== r0 ? r0 : r2;
  let res = acc <= r0 || acc !== acc ? acc : r0;
  for (; i < A.length; i++) {
    const v = A[i];
    res = res <= v || res !== res ? res : v;
  }
  return res;
}

/**
 * Fold every element into the result sequentially in NumPy's iteration order:
 * out[j] = f(out[j], x) (prod, min, max, any, all; their result does not depend on runs).
 * With `skipFirst`, the first element reaching each result element only seeds it (min/max,
 * which have no identity); `seen` tracks that.
 */
export function foldReduce(
  sp: ReduceSpace,
  inp: Float64Array,
  out: Float64Array,
  f: (acc: number, x: number) => number,
  seed: Uint8Array | null,
  kind: "max" | "min" | null = null,
): void {
  const { dims, inStrides: is, outStrides: os, size } = sp;
  if (size === 0) return;
  const nd = dims.length;
  const counter = new Array<number>(nd).fill(0);
  let inIdx = sp.inStart;
  let outIdx = sp.outStart;
  const n0 = dims[0];
  const s0 = is[0];
  const o0 = os[0];
  for (;;) {
    if (o0 === 0 && kind !== null) {
      // a reduction run into one result element, with the comparison written out (same order as f)
      let j = 0;
      let p = inIdx;
      const q = outIdx;
      if (seed !== null && seed[q - sp.outStart] === 0) {
        seed[q - sp.outStart] = 1;
        out[q] = inp[p];
        j = 1;
        p += s0;
      }
      let acc = out[q];
      if (s0 === 1 && n0 - j >= RUN_MIN) acc = kind === "max" ? maxRun(inp, p, n0 - j, acc) : minRun(inp, p, n0 - j, acc);
      else if (kind === "max") for (; j < n0; j++, p += s0) {
        const v = inp[p];
        acc = acc >= v || acc !== acc ? acc : v;
      }
      else for (; j < n0; j++, p += s0) {
        const v = inp[p];
        acc = acc <= v || acc !== acc ? acc : v;
      }
      out[q] = acc;
    } else {
      for (let j = 0, p = inIdx, q = outIdx; j < n0; j++, p += s0, q += o0) {
        if (seed !== null && seed[q - sp.outStart] === 0) {
          seed[q - sp.outStart] = 1;
          out[q] = inp[p];
        } else out[q] = f(out[q], inp[p]);
      }
    }
    let d = 1;
    for (; d < nd; d++) {
      inIdx += is[d];
      outIdx += os[d];
      if (++counter[d] < dims[d]) break;
      inIdx -= is[d] * dims[d];
      outIdx -= os[d] * dims[d];
      counter[d] = 0;
    }
    if (d >= nd) return;
  }
}
