/**
 * `np.unique` (with return_index, return_inverse, return_counts, axis, equal_nan) and `np.isin`.
 *
 * Rules (numpy/lib/arraysetops.py, NumPy 1.24):
 * - Without `axis`, the flattened input is sorted; an element is kept when it differs from its
 *   predecessor; with `equal_nan` (default true) all NaNs (sorted last) collapse into one.
 *   `return_index` gives the FIRST occurrence (a stable argsort, as NumPy's mergesort); with
 *   `return_inverse` alone the order is NumPy's quicksort argsort's (ties, such as NaNs kept apart
 *   by `equal_nan: false`, in its order: the inverse shows it),
 *   `return_inverse` the 1-D indices that rebuild the flattened input, `return_counts` how many.
 *   The unique values keep the input's dtype; the index arrays are int32 (NumPy: intp, int64).
 * - With `axis`, the sub-arrays along that axis are compared as rows (lexicographically, as NumPy
 *   compares its structured view of them); the unique rows are a new C array moved back into
 *   place (`np.moveaxis(uniq, 0, axis)`: a view, as NumPy's result is).
 * - One result: the array; with any `return_*`: a JS array [unique, index?, inverse?, counts?].
 * - `isin(element, test_elements)` is a bool array of element's shape: whether each element
 *   equals some test element (NaN equals nothing; -0 equals 0); `invert` negates.
 * Cost: O(n log n) for unique, O(n + m) for isin.
 */
import { DTYPES, type DType } from "../core/dtype.js";
import { AxisError, ValueError } from "../core/errors.js";
import { numbersOf } from "../core/cast.js";
import { readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { reshapeArray } from "../views/reshape.js";
import { transposeArray } from "../views/transpose.js";
import { keywordArgs } from "../stats/keywords.js";
import { aquicksort, less } from "./introsort.js";

/** Keywords of unique. */
export interface UniqueOptions {
  return_index?: boolean;
  return_inverse?: boolean;
  return_counts?: boolean;
  /** Find unique sub-arrays along this axis (default: the flattened array's unique elements). */
  axis?: number | null;
  /** Collapse NaNs into one (default true). */
  equal_nan?: boolean;
}

/** Indexable numbers (a typed array or a JS array). */
type Numbers = { readonly length: number; readonly [i: number]: number };

/** Sorted order of `n` numbers as NumPy's default argsort gives it (its introsort: ties in its order). */
function quickOrder(v: Parameters<typeof aquicksort>[0], n: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  aquicksort(v, idx, n);
  return idx;
}

/** Sorted order of `n` items with a comparison (stable: ties keep their order). */
function stableOrder(n: number, cmp: (i: number, j: number) => number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((i, j) => cmp(i, j) || i - j);
  return idx;
}

const int32Array = (values: Numbers): NDArray => {
  const a = newArray([values.length], "int32");
  (a.data as Int32Array).set(values);
  return a;
};

/**
 * The sorted unique elements of `ar` (flattened), or unique sub-arrays along `axis`; with the
 * `return_*` options a JS array of [unique, index, inverse, counts] (the requested ones, in that order).
 *
 * @example
 * np.unique(np.array([1, 1, 2, 2, 3, 3]))                                   // array([1, 2, 3])
 * np.unique(np.array([3, 1, 3]), { return_counts: true })[1]                // array([1, 2])
 * np.unique(np.array([[1, 0, 0], [1, 0, 0], [2, 3, 4]]), { axis: 0 }).tolist() // [[1, 0, 0], [2, 3, 4]]
 */
export function unique(ar: ArrayLike, options?: { return_index?: false; return_inverse?: false; return_counts?: false; axis?: number | null; equal_nan?: boolean }): NDArray;
export function unique(ar: ArrayLike, options: UniqueOptions): [NDArray, ...NDArray<1, "number">[]];
export function unique(ar: ArrayLike, return_index?: boolean, return_inverse?: boolean, return_counts?: boolean, axis?: number | null): NDArray | NDArray[];
export function unique(ar: ArrayLike, ...args: unknown[]): NDArray | NDArray[] {
  const o = keywordArgs<UniqueOptions>("unique", args, ["return_index", "return_inverse", "return_counts", "axis"]);
  const x = asarray(ar);
  const equalNan = o.equal_nan ?? true;
  let nRows: number;
  let width: number;
  let vals: Numbers;
  let axis = -1;
  if (o.axis === undefined || o.axis === null) {
    vals = readFlat(x) as unknown as Numbers; // bigints for int64/uint64: less and !== order and compare them exactly too
    nRows = vals.length;
    width = 1;
  } else {
    if (!Number.isInteger(o.axis) || o.axis < -x.ndim || o.axis >= x.ndim) throw new AxisError(o.axis, x.ndim);
    axis = o.axis < 0 ? o.axis + x.ndim : o.axis;
    const perm = [axis, ...x.shape.map((_, i) => i).filter((i) => i !== axis)];
    vals = readFlat(transposeArray(x, perm)) as unknown as Numbers; // np.moveaxis(ar, axis, 0), C order (bigints as above)
    nRows = x.shape[axis];
    width = nRows === 0 ? 0 : vals.length / nRows;
    if (nRows === 0) width = x.shape.reduce((p, d, i) => (i === axis ? p : p * d), 1);
  }
  const isFloat = DTYPES[x.dtype].kind === "f";
  // compare rows lexicographically, NaN last
  const cmpRows = (i: number, j: number): number => {
    for (let k = 0; k < width; k++) {
      const a = vals[i * width + k];
      const b = vals[j * width + k];
      if (less(a, b)) return -1;
      if (less(b, a)) return 1;
    }
    return 0;
  };
  // NumPy's _unique1d: argsort(kind='mergesort') for return_index (first occurrences), its quicksort
  // for return_inverse alone: equal elements (NaNs with equal_nan false, ±0) come in its unstable
  // order, which the inverse indices show
  const quick = width === 1 && o.return_inverse === true && !o.return_index && typeof vals[0] !== "bigint";
  const perm = quick ? quickOrder(vals as Parameters<typeof aquicksort>[0], nRows) : width === 1 ? stableOrder(nRows, (i, j) => (less(vals[i], vals[j]) ? -1 : less(vals[j], vals[i]) ? 1 : 0)) : stableOrder(nRows, cmpRows);
  // mask[k]: sorted row k starts a new unique value
  const mask = new Uint8Array(nRows);
  if (nRows > 0) mask[0] = 1;
  const differs = (i: number, j: number): boolean => {
    for (let k = 0; k < width; k++) if (vals[i * width + k] !== vals[j * width + k]) return true; // NaN != NaN, as NumPy's !=
    return false;
  };
  if (axis === -1 && equalNan && isFloat && nRows > 0 && Number.isNaN(vals[perm[nRows - 1]])) {
    let firstNan = 0; // searchsorted(aux, aux[-1], 'left'): the first NaN
    while (!Number.isNaN(vals[perm[firstNan]])) firstNan++;
    for (let k = 1; k < firstNan; k++) mask[k] = differs(perm[k], perm[k - 1]) ? 1 : 0;
    mask[firstNan] = 1;
  } else {
    for (let k = 1; k < nRows; k++) mask[k] = differs(perm[k], perm[k - 1]) ? 1 : 0;
  }
  let nu = 0;
  for (let k = 0; k < nRows; k++) nu += mask[k];
  // the unique rows, in sorted order
  let uniq: NDArray;
  if (axis === -1) {
    uniq = newArray([nu], x.dtype);
    let w = 0;
    for (let k = 0; k < nRows; k++) if (mask[k]) uniq.data[w++] = vals[perm[k]];
  } else {
    const rest = x.shape.filter((_, i) => i !== axis);
    const u = newArray([nu, ...rest], x.dtype);
    let w = 0;
    for (let k = 0; k < nRows; k++) if (mask[k]) for (let m = 0; m < width; m++) u.data[w++] = vals[perm[k] * width + m];
    const back = rest.map((_, i) => i + 1);
    back.splice(axis, 0, 0);
    uniq = transposeArray(u, back); // np.moveaxis(uniq, 0, axis)
  }
  if (!o.return_index && !o.return_inverse && !o.return_counts) return uniq;
  const ret: NDArray[] = [uniq];
  if (o.return_index) {
    const idx: number[] = [];
    for (let k = 0; k < nRows; k++) if (mask[k]) idx.push(perm[k]);
    ret.push(int32Array(idx));
  }
  if (o.return_inverse) {
    const inv = new Int32Array(nRows);
    let c = -1;
    for (let k = 0; k < nRows; k++) {
      c += mask[k];
      inv[perm[k]] = c;
    }
    ret.push(int32Array(inv));
  }
  if (o.return_counts) {
    const counts: number[] = [];
    for (let k = 0; k < nRows; k++) {
      if (mask[k]) counts.push(1);
      else counts[counts.length - 1]++;
    }
    ret.push(int32Array(counts));
  }
  return ret;
}

const isIntOrBool = (d: DType): boolean => DTYPES[d].kind !== "f";

/** Keywords of isin. */
export interface IsinOptions {
  /** Whether both inputs are already unique (accepted; the answer does not depend on it). */
  assume_unique?: boolean;
  /** Give "not in" instead (default false). */
  invert?: boolean;
  /** NumPy's algorithm choice ("sort" or "table"); the answer does not depend on it. */
  kind?: "sort" | "table" | null;
}

/**
 * Whether each element of `element` is in `test_elements` (a bool array of element's shape; a new array).
 *
 * @example
 * np.isin(np.array([1, 2, 3, 4]), [2, 4])                   // array([False,  True, False,  True])
 * np.isin(np.array([1, 2, 3, 4]), [2, 4], { invert: true }) // array([ True, False,  True, False])
 */
export function isin(element: ArrayLike, test_elements: ArrayLike, assume_unique?: boolean, invert?: boolean): NDArray;
export function isin(element: ArrayLike, test_elements: ArrayLike, options?: IsinOptions): NDArray;
export function isin(element: ArrayLike, test_elements: ArrayLike, ...args: unknown[]): NDArray {
  const o = keywordArgs<IsinOptions>("isin", args, ["assume_unique", "invert"]);
  if (o.kind !== undefined && o.kind !== null && o.kind !== "sort" && o.kind !== "table") {
    throw new ValueError(`Invalid kind: '${String(o.kind)}'. Please use None, 'sort' or 'table'.`);
  }
  const x = asarray(element);
  const t = asarray(test_elements);
  // NumPy's in1d runs its table only on integer and bool arrays, and refuses kind="table" otherwise
  if (o.kind === "table" && !(isIntOrBool(x.dtype) && isIntOrBool(t.dtype))) {
    throw new ValueError("The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.");
  }
  // int64/uint64 values as exact numbers (isin compares with a Set: 5n and 5 must meet)
  const tests = new Set<number>();
  for (const v of numbersOf(readFlat(t), "isin")) if (v === v) tests.add(v);
  const flat = numbersOf(readFlat(x), "isin");
  const out = newArray([flat.length], "bool");
  const inv = o.invert === true;
  for (let i = 0; i < flat.length; i++) out.data[i] = tests.has(flat[i]) !== inv ? 1 : 0;
  // NumPy: in1d(element, ...).reshape(element.shape), so an empty n-D result has a reshape's strides
  return reshapeArray(out, x.shape);
}
