/**
 * Strided iteration: visit every element of one or more same-shaped operands, a row at a time.
 *
 * Rule: element (i0..i{n-1}) of operand k is at `starts[k] + sum(i_j * strides[k][j])` (in
 * elements of its typed array). Before iterating, axes of length 1 are dropped and neighbouring
 * axes j, j+1 are merged when, for every operand, strides[j] == strides[j+1] * shape[j+1]
 * (NumPy's nditer "coalescing"); a contiguous array is then ONE row, so the caller's inner loop
 * runs over all elements with no per-element call. Cost: O(size) element visits plus O(ndim) per
 * row; no allocation per row (the `offs` array passed to `visit` is reused: read it, don't keep it).
 */
import { DTYPES, isBigDType, type ArrayData, type DType, type TypedArray } from "./dtype.js";
import { converter, doubleToBig, intToBig, bigToNumber } from "./cast.js";
import { ValueError } from "./errors.js";
import { assignBroadcastError, broadcastStrides } from "./broadcast.js";
import { NDArray } from "./ndarray.js";
import { elementStrides, firstIndex, newArray } from "./make.js";
import { wasmCopy2d, wasmCopyRun } from "../wasm/copy.js";

/** Called once per row: `offs[k]` is operand k's first index in the row, `steps[k]` its stride, `n` the row length. */
export type RowVisitor = (offs: number[], n: number, steps: readonly number[]) => void;

/**
 * Drop length-1 axes and merge neighbours that are contiguous for every operand (see the rule
 * above); null when the shape has a zero length (nothing to visit).
 *
 * @example
 * coalesce([2, 3], [[3, 1]]) // { dims: [6], strides: [[1]] }
 */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): { dims: number[]; strides: number[][] } | null {
  const nop = strides.length;
  const dims: number[] = [];
  const st: number[][] = [];
  for (let k = 0; k < nop; k++) st.push([]);
  for (let j = 0; j < shape.length; j++) {
    const d = shape[j];
    if (d === 0) return null;
    if (d === 1) continue;
    const m = dims.length;
    let merge = m > 0;
    if (merge) for (let k = 0; k < nop; k++) if (st[k][m - 1] !== strides[k][j] * d) merge = false;
    if (merge) {
      dims[m - 1] *= d;
      for (let k = 0; k < nop; k++) st[k][m - 1] = strides[k][j];
    } else {
      dims.push(d);
      for (let k = 0; k < nop; k++) st[k].push(strides[k][j]);
    }
  }
  return { dims, strides: st };
}

/**
 * Visit the rows of operands that share `shape`; strides in elements, one array per operand.
 * Rows come in C order of the (coalesced) axes; a size-0 shape visits nothing, a 0-d shape one row of 1.
 *
 * @example
 * const seen: number[] = [];
 * forEachRow([2, 3], [[3, 1]], [0], (offs, n, steps) => { for (let i = 0; i < n; i++) seen.push(offs[0] + i * steps[0]); });
 * seen // [0, 1, 2, 3, 4, 5]  (one row of 6: the axes coalesce)
 */
export function forEachRow(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  starts: readonly number[],
  visit: RowVisitor,
): void {
  const nop = strides.length;
  const c = coalesce(shape, strides);
  if (c === null) return;
  const { dims, strides: st } = c;
  const offs = starts.slice();
  const nd = dims.length;
  if (nd === 0) {
    visit(offs, 1, new Array<number>(nop).fill(0));
    return;
  }
  const n = dims[nd - 1];
  const steps = st.map((s) => s[nd - 1]);
  if (nd === 1) {
    visit(offs, n, steps);
    return;
  }
  const idx = new Array<number>(nd - 1).fill(0);
  const rowStarts = starts.slice();
  for (;;) {
    for (let k = 0; k < nop; k++) offs[k] = rowStarts[k];
    visit(offs, n, steps);
    let j = nd - 2;
    for (; j >= 0; j--) {
      idx[j]++;
      for (let k = 0; k < nop; k++) rowStarts[k] += st[k][j];
      if (idx[j] < dims[j]) break;
      for (let k = 0; k < nop; k++) rowStarts[k] -= st[k][j] * dims[j];
      idx[j] = 0;
    }
    if (j < 0) return;
  }
}

/**
 * Visit every element's index in `a.data`, in C order of `a`'s axes.
 *
 * @example
 * const idx: number[] = [];
 * forEachIndex(np.arange(6).reshape(2, 3).T, (i) => idx.push(i));
 * idx // [0, 3, 1, 4, 2, 5]
 */
export function forEachIndex(a: NDArray, visit: (index: number) => void): void {
  forEachRow(a.shape, [elementStrides(a)], [firstIndex(a)], (offs, n, steps) => {
    let i = offs[0];
    const s = steps[0];
    for (let k = 0; k < n; k++, i += s) visit(i);
  });
}

/**
 * The elements of `a` in C order as a new typed array of its dtype (not counted as an array allocation).
 *
 * @example
 * readFlat(np.arange(6).reshape(2, 3).T) // Int32Array [0, 3, 1, 4, 2, 5]
 */
export function readFlat(a: NDArray): ArrayData {
  const out = new DTYPES[a.dtype].ctor(a.size) as Float64Array; // same element kind as a.data (one of the two, statically)
  let o = 0;
  const src = a.data as Float64Array;
  forEachRow(a.shape, [elementStrides(a)], [firstIndex(a)], (offs, n, steps) => {
    let i = offs[0];
    const s = steps[0];
    for (let k = 0; k < n; k++, i += s) out[o++] = src[i];
  });
  return out;
}

/**
 * Byte range [low, high) of `a.data`'s buffer that `a` reaches (an empty range for size 0).
 *
 * @example
 * byteExtent(np.arange(4).get("::-1")) // [0, 16]
 */
export function byteExtent(a: NDArray): [number, number] {
  const base = a.data.byteOffset + a.offset;
  if (a.size === 0) return [base, base];
  let lo = base;
  let hi = base;
  for (let j = 0; j < a.ndim; j++) {
    const span = (a.shape[j] - 1) * a.strides[j];
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi + a.itemsize];
}

/**
 * Whether the byte ranges of `a` and `b` intersect within the same buffer (may share memory).
 *
 * @example
 * boundsOverlap(np.arange(4).get("::2"), np.arange(4).get("1::2")) // false (different buffers)
 */
export function boundsOverlap(a: NDArray, b: NDArray): boolean {
  if (a.data.buffer !== b.data.buffer) return false;
  const [alo, ahi] = byteExtent(a);
  const [blo, bhi] = byteExtent(b);
  return alo < bhi && blo < ahi && alo < ahi && blo < bhi;
}

/** A C-contiguous copy of `a` (new owner). @example contiguousCopy(np.arange(4).get("::-1")).strides // [4] */
export function contiguousCopy(a: NDArray): NDArray {
  const out = newArray(a.shape, a.dtype, "C", false); // copyKernel writes every element
  copyKernel(out, a, elementStrides(a));
  return out;
}

/**
 * Copy `src` (an array broadcastable to `dst.shape`, or a scalar) into `dst`, casting NumPy's
 * unsafe way (float to int truncates toward zero; to bool is `!= 0`). When the two overlap in
 * memory, `src` is read completely first (NumPy's copyto semantics).
 *
 * @example
 * const a = np.arange(5);
 * copyInto(a.get("1:"), a.get(":-1"));
 * a.tolist() // [0, 0, 1, 2, 3]
 */
export function copyInto(dst: NDArray, src: NDArray | number | boolean | bigint): void {
  if (!dst._writeable) throw new ValueError("assignment destination is read-only");
  if (!(src instanceof NDArray)) {
    fillWith(dst, src);
    return;
  }
  // NumPy (PyArray_AssignArray) drops leading length-1 axes of the source beyond dst's ndim
  let s = src;
  let extra = 0;
  while (s.ndim - extra > dst.ndim && s.shape[extra] === 1) extra++;
  if (extra > 0) {
    s = new NDArray({ data: s.data, dtype: s.dtype, shape: s.shape.slice(extra), strides: s.strides.slice(extra), offset: s.offset, base: s.base ?? s, writeable: s._writeable });
  }
  const bstrides = broadcastStrides(s, dst.shape);
  if (bstrides === null) throw assignBroadcastError(s.shape, dst.shape); // NumPy names the shape without the dropped axes
  if (dst.size === 0) return;
  if (boundsOverlap(dst, s)) {
    s = contiguousCopy(s);
    const again = broadcastStrides(s, dst.shape);
    if (again === null) throw assignBroadcastError(src.shape, dst.shape);
    copyKernel(dst, s, again.map((b) => b / s.itemsize));
    return;
  }
  const it = s.itemsize;
  copyKernel(dst, s, bstrides.map((b) => b / it));
}

/** The inner copy: dst and src element strides over dst.shape; src already broadcast. */
function copyKernel(dst: NDArray, src: NDArray, srcStrides: readonly number[]): void {
  const conv = converter(src.dtype, dst.dtype);
  if (conv !== null && !(isBigDType(src.dtype) && isBigDType(dst.dtype))) {
    convertCopy(dst, src, srcStrides, conv);
    return;
  }
  // both number arrays, or both bigint arrays (a store between BigInt64Array and BigUint64Array wraps)
  const d = dst.data as TypedArray;
  const s = src.data as TypedArray;
  const toBool = dst.dtype === "bool" && src.dtype !== "bool";
  // visit in dst's memory order: sort axes by |dst stride| descending (order does not change the result)
  const ds = elementStrides(dst);
  const perm = ds.map((_, i) => i).sort((i, j) => Math.abs(ds[j]) - Math.abs(ds[i]));
  const shape = perm.map((i) => dst.shape[i]);
  const st = [perm.map((i) => ds[i]), perm.map((i) => srcStrides[i])];
  const c = coalesce(shape, st);
  if (c === null) return;
  const nd = c.dims.length;
  if (!toBool && nd >= 2 && Math.abs(c.strides[1][nd - 1]) > Math.abs(c.strides[1][nd - 2]) && c.dims[nd - 1] >= 16 && c.dims[nd - 2] >= 16) {
    tiledCopy(d, s, c.dims, c.strides[0], c.strides[1], firstIndex(dst), firstIndex(src));
    return;
  }
  forEachRow(c.dims, c.strides, [firstIndex(dst), firstIndex(src)], (offs, n, steps) => {
    let di = offs[0];
    let si = offs[1];
    const dstep = steps[0];
    const sstep = steps[1];
    if (toBool) {
      for (let k = 0; k < n; k++, di += dstep, si += sstep) d[di] = s[si] !== 0 ? 1 : 0;
    } else if (wasmCopyRun(n, d, di, dstep, s, si, sstep)) {
      // done in wasm (runtime/wasm/copy.ts: same bits, or the store's cast)
    } else if (dstep === 1 && sstep === 1) {
      // contiguous run: one typed-array set (a memcpy when the dtypes match, a cast otherwise)
      d.set(s.subarray(si, si + n), di);
    } else {
      for (let k = 0; k < n; k++, di += dstep, si += sstep) d[di] = s[si];
    }
  });
}

/** A copy between a bigint array and a number array, one element at a time through `conv` (core/cast.ts). */
function convertCopy(dst: NDArray, src: NDArray, srcStrides: readonly number[], conv: (x: number | bigint) => number | bigint): void {
  const d = dst.data as unknown as (number | bigint)[];
  const s = src.data as unknown as (number | bigint)[];
  forEachRow(dst.shape, [elementStrides(dst), srcStrides], [firstIndex(dst), firstIndex(src)], (offs, n, steps) => {
    let di = offs[0];
    let si = offs[1];
    const dstep = steps[0];
    const sstep = steps[1];
    for (let k = 0; k < n; k++, di += dstep, si += sstep) d[di] = conv(s[si]);
  });
}

/** Tile edge for transposing copies: 32x32 elements of 8 bytes are 8 KiB per side, well inside L1. */
const TILE = 32;

/**
 * Copy where the source's fast axis is the destination's slow one (a transpose): walk the last
 * two axes in TILE x TILE blocks so both sides stay in cache (what NumPy's copy loops get from
 * their buffering). Outer axes are walked with an odometer.
 */
function tiledCopy(d: TypedArray, s: TypedArray, dims: number[], dst: number[], src: number[], d0: number, s0: number): void {
  const nd = dims.length;
  const ni = dims[nd - 2];
  const nj = dims[nd - 1];
  const di = dst[nd - 2];
  const dj = dst[nd - 1];
  const si = src[nd - 2];
  const sj = src[nd - 1];
  const outer = dims.slice(0, nd - 2);
  const idx = new Array<number>(outer.length).fill(0);
  let db = d0;
  let sb = s0;
  for (;;) {
    // the same tiles in wasm when both sides live there (runtime/wasm/copy.ts)
    if (!wasmCopy2d(ni, nj, d, db, di, dj, s, sb, si, sj)) for (let i0 = 0; i0 < ni; i0 += TILE) {
      const i1 = Math.min(i0 + TILE, ni);
      for (let j0 = 0; j0 < nj; j0 += TILE) {
        const j1 = Math.min(j0 + TILE, nj);
        for (let i = i0; i < i1; i++) {
          let dp = db + i * di + j0 * dj;
          let sp = sb + i * si + j0 * sj;
          for (let j = j0; j < j1; j++, dp += dj, sp += sj) d[dp] = s[sp];
        }
      }
    }
    let k = outer.length - 1;
    for (; k >= 0; k--) {
      idx[k]++;
      db += dst[k];
      sb += src[k];
      if (idx[k] < outer[k]) break;
      db -= dst[k] * outer[k];
      sb -= src[k] * outer[k];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

/**
 * `v` as an element of `dtype`: a number (cast by the typed-array store) or, for int64/uint64,
 * a bigint (a fractional or out-of-range number truncates as a float cast, an integer or a
 * bigint wraps to 64 bits); a bigint into a number dtype keeps its low bits (core/cast.ts).
 *
 * @example
 * scalarFor(2.9, "int64") // 2n
 * scalarFor(-1n, "uint8") // 255
 */
export function scalarFor(v: number | boolean | bigint, dtype: DType): number | bigint {
  if (isBigDType(dtype)) {
    if (typeof v === "bigint") return intToBig(v, dtype);
    if (typeof v === "boolean") return v ? 1n : 0n;
    return Number.isInteger(v) ? intToBig(v, dtype) : doubleToBig(v, dtype);
  }
  if (typeof v === "bigint") return bigToNumber(v, dtype);
  if (typeof v === "boolean") return v ? 1 : 0;
  return dtype === "bool" ? (v !== 0 ? 1 : 0) : v;
}

/** Store one scalar in every element of `dst` (cast as NumPy casts a Python scalar into the array). */
function fillWith(dst: NDArray, v: number | boolean | bigint): void {
  const x = scalarFor(v, dst.dtype);
  if (typeof x === "bigint") {
    const d = dst.data as BigInt64Array; // the same store for BigUint64Array (x is already in range)
    forEachRow(dst.shape, [elementStrides(dst)], [firstIndex(dst)], (offs, n, steps) => {
      let i = offs[0];
      const s = steps[0];
      if (s === 1) d.fill(x, i, i + n);
      else for (let k = 0; k < n; k++, i += s) d[i] = x;
    });
    return;
  }
  const d = dst.data as TypedArray;
  // write through a 1-element typed array so the cast (truncation, wrap, rounding) happens once
  const cast = new DTYPES[dst.dtype].ctor(1);
  cast[0] = x;
  const c = cast[0];
  forEachRow(dst.shape, [elementStrides(dst)], [firstIndex(dst)], (offs, n, steps) => {
    let i = offs[0];
    const s = steps[0];
    if (s === 1) d.fill(c, i, i + n);
    else for (let k = 0; k < n; k++, i += s) d[i] = c;
  });
}
