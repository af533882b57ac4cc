/**
 * The walk of a ufunc over its operands: NumPy's K order, coalesced axes, one inner 1-D loop.
 *
 * Rule (numpy/core/src/multiarray/nditer_constr.c `npyiter_find_best_axis_ordering`): axes are
 * ordered fastest first by a stable insertion sort where axis j goes before axis k when, for the
 * first operand with non-zero strides on both, |stride_j| < |stride_k| (a later operand that
 * disagrees cannot override: C order wins ties and conflicts). An allocated output gets positive
 * strides in that order, so `a.T + b.T` is F-ordered and a mix of C and F inputs is C-ordered.
 * Then neighbouring axes whose strides chain (stride[k+1] = stride[k] * shape[k] for every
 * operand) are merged, and the walk calls one inner loop per remaining outer index.
 * Cost: O(ndim^2 * nop) to plan, O(size) to walk; no allocation per element.
 * Strides here are in ELEMENTS (bytes / itemsize), starts are element indices into `data`.
 */
import type { ArrayData } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";

/** An operand of a walk: its typed array, first element index, element strides per result axis. */
export interface WalkOp {
  readonly data: ArrayData;
  readonly start: number;
  readonly strides: readonly number[];
}

/**
 * The element strides of `a` broadcast to `shape` (0 on broadcast and length-1 axes), or null
 * when `a` cannot broadcast to `shape`.
 *
 * @example
 * elementStrides(np.zeros([3, 1]), [2, 3, 4]) // [0, 1, 0]
 */
export function elementStrides(a: NDArray, shape: readonly number[]): number[] | null {
  const nd = shape.length;
  const k = a.shape.length;
  if (k > nd) return null;
  const isz = a.itemsize;
  const out = new Array<number>(nd).fill(0);
  for (let i = 0; i < k; i++) {
    const d = a.shape[k - 1 - i];
    const j = nd - 1 - i;
    if (d === shape[j]) out[j] = d === 1 ? 0 : a.strides[k - 1 - i] / isz;
    else if (d !== 1) return null;
  }
  return out;
}

/** An operand of `a` broadcast to `shape` (callers have checked that it broadcasts). */
export function walkOp(a: NDArray, shape: readonly number[]): WalkOp {
  return { data: a.data, start: a.offset / a.itemsize, strides: elementStrides(a, shape) ?? [] };
}

/**
 * NumPy's K-order axis permutation, fastest axis first (see the file head).
 *
 * @example
 * keepOrderPerm([2, 3], [[1, 2]]) // [0, 1]  (an F-ordered operand: axis 0 is fastest)
 * keepOrderPerm([2, 3], [[3, 1]]) // [1, 0]
 */
export function keepOrderPerm(shape: readonly number[], strides: readonly (readonly number[])[]): number[] {
  const nd = shape.length;
  const perm: number[] = [];
  for (let i = nd - 1; i >= 0; i--) perm.push(i);
  for (let i0 = 1; i0 < nd; i0++) {
    let ipos = i0;
    const j0 = perm[i0];
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      let ambig = true;
      let shouldSwap = false;
      const j1 = perm[i1];
      for (const s of strides) {
        const s0 = s[j0];
        const s1 = s[j1];
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) shouldSwap = false;
          else if (ambig) shouldSwap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldSwap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1];
      perm[ipos] = j0;
    }
  }
  return perm;
}

/**
 * Byte strides of a new array of `shape` laid out in the K order of `like` (element strides of
 * the inputs broadcast to `shape`): positive, densely packed, fastest axis per `keepOrderPerm`;
 * all zero for a size-0 shape, as NumPy gives every fresh empty array.
 *
 * @example
 * keepOrderStrides([2, 3], 8, [[1, 2]]) // [8, 16]
 * keepOrderStrides([2, 0], 8, [[1, 2]]) // [0, 0]
 */
export function keepOrderStrides(shape: readonly number[], itemsize: number, like: readonly (readonly number[])[]): number[] {
  if (shape.includes(0)) return shape.map(() => 0);
  const perm = keepOrderPerm(shape, like);
  const strides = new Array<number>(shape.length).fill(0);
  let s = itemsize;
  for (const ax of perm) {
    strides[ax] = s;
    s *= Math.max(shape[ax], 1);
  }
  return strides;
}

/** A planned walk: inner length, per-op inner stride, outer axes (fastest first). */
export interface Walk {
  readonly size: number;
  readonly inner: number;
  readonly innerStrides: number[];
  readonly outerShape: number[];
  /** outerStrides[op][axis] */
  readonly outerStrides: number[][];
  readonly starts: number[];
}

/**
 * Plan a walk over `shape` for `ops`, in the K order of all operands, with chained axes merged.
 *
 * @example
 * const data = new Float64Array(6);
 * planWalk([2, 3], [{ data, start: 0, strides: [3, 1] }]).inner // 6 (one contiguous run)
 */
export function planWalk(shape: readonly number[], ops: readonly WalkOp[]): Walk {
  let size = 1;
  for (const d of shape) size *= d;
  const nop = ops.length;
  const starts = ops.map((o) => o.start);
  // drop length-1 axes, then order fastest first
  const perm = keepOrderPerm(shape, ops.map((o) => o.strides)).filter((ax) => shape[ax] !== 1);
  const dims: number[] = [];
  const str: number[][] = ops.map(() => []);
  for (const ax of perm) {
    const d = shape[ax];
    const last = dims.length - 1;
    if (last >= 0 && ops.every((o, k) => o.strides[ax] === str[k][last] * dims[last])) {
      dims[last] *= d;
      continue;
    }
    dims.push(d);
    for (let k = 0; k < nop; k++) str[k].push(ops[k].strides[ax]);
  }
  if (dims.length === 0) return { size, inner: size === 0 ? 0 : 1, innerStrides: ops.map(() => 0), outerShape: [], outerStrides: ops.map(() => []), starts };
  return {
    size,
    inner: dims[0],
    innerStrides: str.map((s) => s[0]),
    outerShape: dims.slice(1),
    outerStrides: str.map((s) => s.slice(1)),
    starts,
  };
}

/**
 * Call `f(idx)` once per inner run of a planned walk; `idx[k]` is op k's first element index of
 * the run (the same array object each time: read it, do not keep it).
 *
 * @example
 * const starts: number[] = [];
 * eachRun(planWalk([2, 2], [{ data: new Float64Array(8), start: 0, strides: [4, 1] }]), (idx) => starts.push(idx[0]));
 * starts // [0, 4]
 */
export function eachRun(w: Walk, f: (idx: number[]) => void): void {
  if (w.size === 0) return;
  const nop = w.starts.length;
  const idx = w.starts.slice();
  const outerNd = w.outerShape.length;
  if (outerNd === 0) {
    f(idx);
    return;
  }
  const counter = new Array<number>(outerNd).fill(0);
  for (;;) {
    f(idx);
    let ax = 0;
    for (; ax < outerNd; ax++) {
      if (++counter[ax] < w.outerShape[ax]) {
        for (let k = 0; k < nop; k++) idx[k] += w.outerStrides[k][ax];
        break;
      }
      counter[ax] = 0;
      for (let k = 0; k < nop; k++) idx[k] -= w.outerStrides[k][ax] * (w.outerShape[ax] - 1);
    }
    if (ax === outerNd) return;
  }
}
