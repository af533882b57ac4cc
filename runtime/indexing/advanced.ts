/**
 * Advanced (fancy) indexing: gathering a copy and scattering values, from a resolved selection.
 *
 * Rule: the result is built as an array of shape B + (subspace axes) (B outermost, in C order or
 * the index arrays' order, the subspace in the source's memory order, as NumPy's mapiter allocates
 * it: see `layout`), element
 * [b..., s...] = view[offset of b + offsets of s]; when B belongs in the middle (adjacent
 * advanced indices not first) the returned array is the transposed view of it, as NumPy's
 * mapiter result is. Scattering visits the index shape in C order and the subspace in NumPy's
 * iterator order (so with repeated indices the last write wins, as in NumPy). An overlapping value
 * is read exactly as NumPy 1.24 reads it: NOT copied first, except that the value is read ahead
 * in 8192-element chunks when NumPy's iterator would buffer it (no subspace and a value that one
 * stride cannot walk), and contiguous runs (subspace chunks, runs of a full boolean mask) move as
 * a memmove. Checked against NumPy with overlapping views in test/runtime/numpy/indexing.test.ts.
 * Cost: O(result size).
 */
import { ValueError } from "../core/errors.js";
import { broadcastStrides } from "../core/broadcast.js";
import { isBigDType, type TypedArray } from "../core/dtype.js";
import { copyInto, forEachRow } from "../core/iterate.js";
import { elementStrides, firstIndex, newArray, newWithStrides } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { formatShapeCompact, shapeSize } from "../core/shape.js";
import { bestAxisOrder, sortedStridePerm } from "../create/layout.js";
import { reshapeArray } from "../views/reshape.js";
import type { Advanced } from "./resolve.js";

/**
 * Shape and strides (bytes) of the copy before moving B, and the axis order of the final result.
 * NumPy 1.24's mapiter (mapping.c PyArray_MapIterNew, "NpyIter cannot allocate extra_op for us"):
 * the subspace axes are laid out by PyArray_CreateSortedStridePerm of the subspace's strides
 * (|stride| descending, ties in axis order; length-1 axes count with their stride), innermost;
 * B is outside them, in C order, except when the subspace has exactly one element (or there is
 * none: a pure fancy index, which nditer allocates in KEEPORDER), where B follows the index
 * arrays' own memory order (NpyIter_CreateCompatibleStrides of an iterator over them).
 */
function layout(sel: Advanced): { tmpShape: number[]; tmpStrides: number[]; perm: number[] } {
  const v = sel.view;
  const subShape = sel.sub.map((k) => v.shape[k]);
  const tmpShape = [...sel.bshape, ...subShape];
  const it = v.itemsize;
  const subOrder = sortedStridePerm(sel.sub.map((k) => v.strides[k]));
  const inner = new Array<number>(subShape.length);
  let st = it;
  for (let k = subOrder.length - 1; k >= 0; k--) {
    inner[subOrder[k]] = st;
    st *= subShape[subOrder[k]];
  }
  const nb = sel.bshape.length;
  const bAxes = sel.bshape.map((_, k) => k);
  const bOrder = shapeSize(subShape) === 1 ? bestAxisOrder(sel.bshape, sel.bstrides, bAxes) : bAxes;
  let s = it * shapeSize(subShape);
  const outer = new Array<number>(nb);
  for (let k = nb - 1; k >= 0; k--) {
    outer[bOrder[k]] = s;
    s *= sel.bshape[bOrder[k]];
  }
  const tmpStrides = shapeSize(tmpShape) === 0 ? tmpShape.map(() => 0) : [...outer, ...inner];
  const perm: number[] = [];
  // result axes: sub[0:bpos], B, sub[bpos:]   -> indices into tmp axes
  for (let k = 0; k < sel.bpos; k++) perm.push(nb + k);
  for (let k = 0; k < nb; k++) perm.push(k);
  for (let k = sel.bpos; k < sel.sub.length; k++) perm.push(nb + k);
  return { tmpShape, tmpStrides, perm };
}

/** Per-axis strides over the tmp layout: source strides (elements) and B-position strides. */
function walkers(sel: Advanced, tmpShape: readonly number[]): [number[], number[]] {
  const nb = sel.bshape.length;
  const vs = elementStrides(sel.view);
  const src: number[] = [];
  const bpos: number[] = [];
  let bs = 1;
  const bstr = new Array<number>(nb);
  for (let k = nb - 1; k >= 0; k--) {
    bstr[k] = bs;
    bs *= sel.bshape[k];
  }
  for (let k = 0; k < tmpShape.length; k++) {
    if (k < nb) {
      src.push(0);
      bpos.push(bstr[k]);
    } else {
      src.push(vs[sel.sub[k - nb]]);
      bpos.push(0);
    }
  }
  return [src, bpos];
}

/**
 * The copy an advanced index selects.
 *
 * @example
 * const r = resolveIndex(np.arange(5), [[0, 2]]);
 * r.kind === "advanced" ? gather(r.sel) : null // array([0, 2])
 */
export function gather(sel: Advanced): NDArray {
  if (sel.error) throw sel.error;
  const { tmpShape, tmpStrides, perm } = layout(sel);
  const dtype = sel.view.dtype;
  const out = newWithStrides(tmpShape, dtype, tmpStrides);
  const [src, bp] = walkers(sel, tmpShape);
  const d = sel.view.data as Float64Array; // out has the view's dtype: the same element kind on both sides
  const o = out.data as Float64Array;
  const boff = sel.boffsets;
  const it = out.itemsize;
  forEachRow(tmpShape, [src, bp, tmpStrides.map((x) => x / it)], [firstIndex(sel.view), 0, 0], (offs, n, steps) => {
    let s = offs[0];
    let b = offs[1];
    let w = offs[2];
    const [ss, bs, ws] = steps;
    for (let k = 0; k < n; k++, s += ss, b += bs, w += ws) o[w] = d[s + boff[b]];
  });
  if (perm.every((p, k) => p === k)) return out;
  return new NDArray({
    data: out.data,
    dtype: out.dtype,
    shape: perm.map((p) => out.shape[p]),
    strides: perm.map((p) => out.strides[p]),
    offset: 0,
    base: out,
    writeable: true,
  });
}

/**
 * Write `value` (broadcast to the selection's shape) into the selected elements.
 *
 * @example
 * const a = np.arange(5);
 * const r = resolveIndex(a, [[0, 2]]);
 * if (r.kind === "advanced") scatter(r.sel, np.array([7, 8]));
 * a // array([7, 1, 8, 3, 4])
 */
export function scatter(sel: Advanced, value0: NDArray): void {
  if (!sel.view._writeable) throw new ValueError("assignment destination is read-only");
  const { tmpShape, perm } = layout(sel);
  const resultShape = perm.map((p) => tmpShape[p]);
  // bigint values into a number array (or numbers into int64/uint64): cast first (core/cast.ts),
  // so every store below is between arrays of one element kind
  let value = value0;
  if (isBigDType(value.dtype) !== isBigDType(sel.view.dtype)) {
    value = newArray(value0.shape, sel.view.dtype, "C", false);
    copyInto(value, value0);
  }
  let v = value;
  if (sel.pureBool) {
    // numpy/core/src/multiarray/mapping.c array_assign_boolean_subscript
    if (v.ndim > 1) {
      throw new TypeError(`NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${v.ndim} dimensions`);
    }
    if (v.ndim === 1 && v.shape[0] !== 1 && v.shape[0] !== sel.bshape[0]) {
      throw new ValueError(
        `NumPy boolean array indexing assignment cannot assign ${v.shape[0]} input values to the ${sel.bshape[0]} output values where the mask is true`,
      );
    }
  }
  const mismatch = (): ValueError =>
    new ValueError(
      `shape mismatch: value array of shape ${formatShapeCompact(value.shape)} could not be broadcast to indexing result of shape ${formatShapeCompact(resultShape)}`,
    );
  if (!sel.pureBool && v.ndim > resultShape.length) {
    // PyArray_MapIterNew: a value with more axes is reshaped to its trailing result-ndim lengths
    // (so extra leading 1s drop, and any empty value fits an empty selection)
    const trailing = v.shape.slice(v.ndim - resultShape.length);
    if (shapeSize(trailing) !== v.size) throw mismatch();
    v = reshapeArray(v, trailing);
  }
  const vs = broadcastStrides(v, resultShape);
  if (vs === null) throw mismatch();
  if (sel.setError) throw sel.setError;
  // No copy of an overlapping value: NumPy's mapiter reads it while writing, element by element in
  // index order, except that a run contiguous in both (a subspace chunk, a run of true mask
  // elements) moves as one memmove; typed-array set() on one buffer has memmove semantics too.
  const vtmp = new Array<number>(tmpShape.length);
  for (let k = 0; k < perm.length; k++) vtmp[perm[k]] = vs[k] / v.itemsize;
  const [src, bp] = walkers(sel, tmpShape);
  const d = sel.view.data as Float64Array; // the same element kind as v.data (cast above)
  const x = v.data as Float64Array;
  const boff = sel.boffsets;
  const toBool = sel.view.dtype === "bool" && v.dtype !== "bool";
  const same = v.dtype === sel.view.dtype;
  // a subspace of one element is no subspace for NumPy's mapiter (one iterator over the index shape)
  const subSize = sel.sub.reduce((acc, k) => acc * sel.view.shape[k], 1);
  if (subSize === 1 && !sel.pureBool) {
    outerScatter(sel, v, vtmp.slice(0, sel.bshape.length), toBool);
    return;
  }
  // the index shape in C order outside, the subspace inside in NumPy's iterator order (memory
  // order of the destination and the value), as mapiter's subspace iterator walks it
  const nb = sel.bshape.length;
  const subAxes = tmpShape.map((_, i) => i).slice(nb);
  const order = [...tmpShape.map((_, i) => i).slice(0, nb), ...bestAxisOrder(tmpShape, [src, vtmp], subAxes)];
  const pick = (xs: readonly number[]) => order.map((i) => xs[i]);
  forEachRow(pick(tmpShape), [pick(src), pick(bp), pick(vtmp)], [firstIndex(sel.view), 0, firstIndex(v)], (offs, n, steps) => {
    let s = offs[0];
    let b = offs[1];
    let q = offs[2];
    const [ss, bs, qs] = steps;
    if (toBool) {
      for (let k = 0; k < n; k++, s += ss, b += bs, q += qs) d[s + boff[b]] = x[q] !== 0 ? 1 : 0;
    } else if (same && ss === 1 && bs === 0 && qs === 1) {
      d.set(x.subarray(q, q + n), s + boff[b]); // a contiguous subspace chunk
    } else if (same && sel.pureBool && ss === 0 && bs === 1 && qs === 1) {
      // runs of adjacent true elements move as one block
      let k = 0;
      while (k < n) {
        let len = 1;
        while (k + len < n && boff[b + len] === boff[b + len - 1] + 1) len++;
        d.set(x.subarray(q, q + len), s + boff[b]);
        k += len;
        b += len;
        q += len;
      }
    } else {
      for (let k = 0; k < n; k++, s += ss, b += bs, q += qs) d[s + boff[b]] = x[q];
    }
  });
}

/** NumPy's iterator buffer size: a buffered operand is read this many elements ahead. */
const BUFSIZE = 8192;

/**
 * Whether NumPy's iterator would buffer the value operand (nditer_constr.c, the BUFNEVER test):
 * it is read through a buffer unless, ignoring length-1 axes and walking from the innermost
 * axis out, each stride is the previous stride times the previous length (one stride would do),
 * or the iteration has at most one axis. A 0-d value is always buffered.
 */
function needsBuffer(shape: readonly number[], strides: readonly number[], valueNdim: number): boolean {
  if (valueNdim === 0) return true;
  const axes = shape.map((_, i) => i).filter((i) => shape[i] !== 1);
  if (axes.length <= 1) return false;
  let k = axes.length - 1;
  let stride = strides[axes[k]];
  let len = shape[axes[k]];
  for (k--; k >= 0; k--) {
    if (stride * len !== strides[axes[k]]) return true;
    len *= shape[axes[k]];
  }
  return false;
}

/**
 * The scatter for a subspace of one element, as NumPy's mapiter does it: one iterator over the
 * index arrays and the value (NpyIter KEEPORDER: axes by npyiter_find_best_axis_ordering, an axis
 * walked backwards where every operand's stride is negative or zero, unless the only index array
 * is 1-D), so with repeated indices the last write in THAT order wins. The value is read through
 * BUFSIZE-element buffers when the iterator would buffer it (`needsBuffer`, in iteration order):
 * with an overlapping value this is why `a[idx2d] = a` reads a before writing when a must be
 * repeated along an axis.
 */
function outerScatter(sel: Advanced, v: NDArray, vB: readonly number[], toBool: boolean): void {
  const shape = sel.bshape;
  const nb = shape.length;
  const ops = [...sel.bstrides, vB.map((s, k) => (shape[k] === 1 ? 0 : s))];
  const perm = bestAxisOrder(shape, ops, shape.map((_, k) => k)); // outermost first
  const dir = perm.map((k) => (!sel.dontNegate && ops.every((o) => o[k] <= 0) && ops.some((o) => o[k] < 0) ? -1 : 1));
  const bC = new Array<number>(nb);
  let c = 1;
  for (let k = nb - 1; k >= 0; k--) {
    bC[k] = c;
    c *= shape[k];
  }
  const n = sel.boffsets.length;
  if (n === 0) return;
  const buffered = needsBuffer(
    perm.map((k) => shape[k]),
    perm.map((k, j) => ops[ops.length - 1][k] * dir[j]),
    v.ndim,
  );
  const boff = sel.boffsets;
  const base = firstIndex(sel.view);
  if (!buffered && !isBigDType(v.dtype) && perm.every((k, j) => k === j) && dir.every((dj) => dj === 1)) {
    // C order, unbuffered (the common case): no position lists
    const d = sel.view.data as TypedArray;
    const x = v.data as TypedArray;
    let b = 0;
    forEachRow(shape, [vB], [firstIndex(v)], (offs, len, steps) => {
      let q = offs[0];
      for (let k = 0; k < len; k++, q += steps[0], b++) {
        const val = x[q];
        d[base + boff[b]] = toBool ? (val !== 0 ? 1 : 0) : val;
      }
    });
    return;
  }
  // B positions (C order) and value indices in the iterator's order
  const bidx = new Float64Array(n);
  const vidx = new Float64Array(n);
  const pos = perm.map((k, j) => (dir[j] < 0 ? shape[k] - 1 : 0));
  const v0 = firstIndex(v);
  for (let w = 0; w < n; w++) {
    let b = 0;
    let q = v0;
    for (let j = 0; j < nb; j++) {
      b += pos[j] * bC[perm[j]];
      q += pos[j] * vB[perm[j]];
    }
    bidx[w] = b;
    vidx[w] = q;
    for (let j = nb - 1; j >= 0; j--) {
      const len = shape[perm[j]];
      pos[j] += dir[j];
      if (pos[j] >= 0 && pos[j] < len) break;
      pos[j] = dir[j] < 0 ? len - 1 : 0;
    }
  }
  if (isBigDType(v.dtype)) {
    // (the destination has the same element kind: scatter cast the value first)
    const d = sel.view.data as BigInt64Array;
    const x = v.data as BigInt64Array;
    const step = buffered ? BUFSIZE : 1;
    const buf: bigint[] = new Array<bigint>(Math.min(step, n));
    for (let start = 0; start < n; start += step) {
      const end = Math.min(start + step, n);
      for (let j = start; j < end; j++) buf[j - start] = x[vidx[j]];
      for (let j = start; j < end; j++) d[base + boff[bidx[j]]] = buf[j - start]; // BigUint64Array stores wrap
    }
    return;
  }
  const d = sel.view.data as TypedArray;
  const x = v.data as TypedArray;
  if (!buffered) {
    for (let j = 0; j < n; j++) {
      const val = x[vidx[j]];
      d[base + boff[bidx[j]]] = toBool ? (val !== 0 ? 1 : 0) : val;
    }
    return;
  }
  const buf = new Float64Array(Math.min(BUFSIZE, n));
  for (let start = 0; start < n; start += BUFSIZE) {
    const end = Math.min(start + BUFSIZE, n);
    for (let j = start; j < end; j++) buf[j - start] = x[vidx[j]];
    for (let j = start; j < end; j++) {
      const val = buf[j - start];
      d[base + boff[bidx[j]]] = toBool ? (val !== 0 ? 1 : 0) : val;
    }
  }
}
