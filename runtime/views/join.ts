/**
 * `np.concatenate` and `np.stack`: new arrays joining others along an axis (always copies).
 *
 * Rule (numpy/core/src/multiarray/multiarraymodule.c PyArray_ConcatenateArrays,
 * shape.c PyArray_CreateMultiSortedStridePerm, NumPy 1.24): all inputs have the same ndim and
 * the same lengths except along `axis`; the result's layout follows the inputs' memory order
 * (an insertion sort of the axes by |stride| over all inputs, where an axis of length 1 in an
 * input is ambiguous and C order wins conflicts), so joining F-ordered arrays gives an
 * F-ordered result. `axis: null` joins the C-order ravels. `stack` inserts a new axis with
 * `expand_dims` and concatenates along it. dtype: NumPy's promotion of the inputs' dtypes.
 * Cost: one allocation, O(total size).
 */
import { DTYPES, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { copyInto } from "../core/iterate.js";
import { promoteTypes } from "../ufunc/promote.js";
import { newWithStrides, viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { normalizeAxis } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { expand_dims } from "./dims.js";
import { ravelArray } from "./ravel.js";
import type { KindFrom, KindOf, RankOf, RankUp } from "../core/rank.js";

// NumPy's promote_types with int64 (int32 with uint32 is int64): the ufuncs' table, one copy
export { promoteTypes };

/** Axes outermost-first ordered as PyArray_CreateMultiSortedStridePerm orders them. */
function multiSortedStridePerm(arrays: readonly NDArray[], ndim: number): number[] {
  const perm = Array.from({ length: ndim }, (_, i) => i);
  for (let i0 = 1; i0 < ndim; i0++) {
    let ipos = i0;
    const j0 = perm[i0];
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      let ambig = true;
      let shouldswap = false;
      const j1 = perm[i1];
      for (const a of arrays) {
        if (a.shape[j0] !== 1 && a.shape[j1] !== 1) {
          if (Math.abs(a.strides[j0]) <= Math.abs(a.strides[j1])) shouldswap = false;
          else if (ambig) shouldswap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldswap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let k = i0; k > ipos; k--) perm[k] = perm[k - 1];
      perm[ipos] = j0;
    }
  }
  return perm;
}

/** Options of `np.concatenate`. */
export interface ConcatenateOptions {
  axis?: number | null;
  dtype?: DType;
}

/**
 * Join arrays along an existing axis (a new array).
 *
 * @example
 * np.concatenate([np.arange(2), np.arange(3)]).tolist() // [0, 1, 0, 1, 2]
 * np.concatenate([np.zeros([2, 2]), np.ones([2, 1])], { axis: 1 }).shape // [2, 3]
 */
export function concatenate<A extends ArrayLike>(arrays: readonly A[], axis?: number | null): NDArray<RankOf<A>, KindOf<A>>;
export function concatenate<A extends ArrayLike, O extends ConcatenateOptions>(arrays: readonly A[], options: O): NDArray<O extends { axis: null } ? 1 : RankOf<A>, KindFrom<O, KindOf<A>>>;
export function concatenate(arrays: readonly ArrayLike[], axisOrOptions?: ConcatenateOptions | number | null): NDArray {
  const options: ConcatenateOptions | undefined = typeof axisOrOptions === "number" || axisOrOptions === null ? { axis: axisOrOptions } : axisOrOptions;
  if (arrays.length === 0) throw new ValueError("need at least one array to concatenate");
  let arrs = arrays.map((a) => asarray(a));
  let axisOpt = options?.axis === undefined ? 0 : options.axis;
  if (axisOpt === null) {
    arrs = arrs.map((a) => ravelArray(a, "C"));
    axisOpt = 0;
  }
  const nd = arrs[0].ndim;
  if (nd === 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
  const axis = normalizeAxis(axisOpt, nd);
  const shape = arrs[0].shape.slice();
  for (let i = 1; i < arrs.length; i++) {
    const a = arrs[i];
    if (a.ndim !== nd) {
      throw new ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
      );
    }
    for (let k = 0; k < nd; k++) {
      if (k === axis) continue;
      if (a.shape[k] !== shape[k]) {
        throw new ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${k}, the array at index 0 has size ${shape[k]} and the array at index ${i} has size ${a.shape[k]}`,
        );
      }
    }
    shape[axis] += a.shape[axis];
  }
  const dtype = options?.dtype ?? arrs.map((a) => a.dtype).reduce(promoteTypes);
  const perm = multiSortedStridePerm(arrs, nd);
  const strides = new Array<number>(nd);
  let s = DTYPES[dtype].itemsize;
  for (let k = nd - 1; k >= 0; k--) {
    strides[perm[k]] = s;
    s *= shape[perm[k]];
  }
  const out = newWithStrides(shape, dtype, strides);
  let at = 0;
  for (const a of arrs) {
    const part = shape.slice();
    part[axis] = a.shape[axis];
    copyInto(viewOf(out, part, out.strides, at * out.strides[axis]), a);
    at += a.shape[axis];
  }
  return out;
}

/**
 * Join same-shaped arrays along a NEW axis (a new array).
 *
 * @example
 * np.stack([np.arange(3), np.arange(3)]).shape // [2, 3]
 * np.stack([np.arange(3), np.arange(3)], { axis: 1 }).shape // [3, 2]
 */
export function stack<A extends ArrayLike, O extends { axis?: number; dtype?: DType } | number | undefined = undefined>(arrays: readonly A[], options?: O): NDArray<RankUp<RankOf<A>>, KindFrom<O, KindOf<A>>>;
export function stack(arrays: readonly ArrayLike[], axisOrOptions?: { axis?: number; dtype?: DType } | number): NDArray {
  const options = typeof axisOrOptions === "number" ? { axis: axisOrOptions } : axisOrOptions;
  if (arrays.length === 0) throw new ValueError("need at least one array to stack");
  const arrs = arrays.map((a) => asarray(a));
  const s0 = arrs[0].shape;
  for (const a of arrs) {
    if (a.ndim !== s0.length || a.shape.some((d, i) => d !== s0[i])) throw new ValueError("all input arrays must have the same shape");
  }
  const axis = normalizeAxis(options?.axis ?? 0, s0.length + 1);
  return concatenate(arrs.map((a) => expand_dims(a, axis)), { axis, dtype: options?.dtype });
}
