/**
 * NumPy's `_ureduce` (numpy/lib/function_base.py): how median and quantile take several axes and
 * `keepdims` although their core handles one axis.
 *
 * Rule: with axes (a, b, ...) the kept axes are swapped to the front (`swapaxes(i, s)` for each
 * kept axis s in order), the reduced ones merged into one last axis by `reshape(kept + (-1,))`,
 * and the core runs on axis -1; one axis is passed as is; no axis is the core's own `null`.
 * `keepdims` then indexes the result with `[..., newaxis or :]` per input axis: a view with
 * stride-0 axes of length 1 where axes were reduced. O(ndim) besides the core.
 */
import type { DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { newArray, viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { normalizeAxis } from "../core/shape.js";
import { reshapeArray } from "../views/reshape.js";
import { swapaxesArray } from "../views/transpose.js";

/** An axis argument of median/quantile. */
export type AxisArg = number | readonly number[] | null | undefined;

/** NumPy's normalize_axis_tuple. @example axisTuple([0, -1], 3) // [0, 2] */
export function axisTuple(axis: number | readonly number[], ndim: number): number[] {
  const list = typeof axis === "number" ? [axis] : [...axis];
  const out = list.map((x) => normalizeAxis(x, ndim));
  if (new Set(out).size !== out.length) throw new ValueError("repeated axis");
  return out;
}

/**
 * Run `core(a, axis)` with NumPy's extended axes and keepdims; a 0-d result of a call with no axis
 * and no keepdims is given as a number (with keepdims, a number becomes an array of `numberDType`).
 */
export function ureduce(
  a: NDArray,
  axis: AxisArg,
  keepdims: boolean,
  core: (a: NDArray, axis: number | null) => NDArray | number,
  numberDType: DType = "float64",
): NDArray | number {
  const nd = a.ndim;
  let axes: number[] | null = null;
  let r: NDArray | number;
  if (axis !== undefined && axis !== null) {
    axes = axisTuple(axis, nd);
    if (axes.length === 1) r = core(a, axes[0]);
    else {
      const keep = [...Array(nd).keys()].filter((i) => !(axes as number[]).includes(i));
      let x = a;
      keep.forEach((s, i) => (x = swapaxesArray(x, i, s)));
      x = reshapeArray(x, [...x.shape.slice(0, keep.length), -1]);
      r = core(x, -1);
    }
  } else r = core(a, null);
  if (!keepdims) return r;
  let arr: NDArray;
  const fresh = !(r instanceof NDArray); // a number (or a boolean, from a bool array)
  if (!(r instanceof NDArray)) {
    arr = newArray([], numberDType);
    arr.data[0] = Number(r);
  } else arr = r;
  const kept = axes === null ? 0 : nd - axes.length;
  const lead = arr.ndim - kept;
  const shape = arr.shape.slice(0, lead);
  const strides = arr.strides.slice(0, lead);
  let k = lead;
  for (let i = 0; i < nd; i++) {
    if (axes === null || axes.includes(i)) {
      shape.push(1);
      strides.push(0);
    } else {
      shape.push(arr.shape[k]);
      strides.push(arr.strides[k++]);
    }
  }
  return fresh
    ? new NDArray({ data: arr.data, dtype: arr.dtype, shape, strides, offset: 0, base: null, writeable: true })
    : viewOf(arr, shape, strides, arr.offset);
}
