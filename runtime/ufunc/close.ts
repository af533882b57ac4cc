/**
 * Comparing whole arrays: `np.isclose`, `np.allclose`, `np.array_equal`, `np.array_equiv`.
 *
 * Rules (NumPy 1.24, numpy/core/numeric.py):
 * - isclose(a, b): `|a - b| <= atol + rtol * |b|` element-wise (not symmetric in a and b), computed
 *   with NumPy's dtypes: b becomes inexact (`result_type(b, 1.0)`: integers and bools float64,
 *   float32 stays float32), `a - b` in the promotion of both, the tolerance in b's dtype (rtol and
 *   atol are weak scalars, so float32 inputs give a float32 tolerance). Where a or b is not finite
 *   the answer is `a == b` (infinities of one sign are close, NaN never, unless `equal_nan`, which
 *   makes two NaNs close). Both inputs are taken as arrays first (`asanyarray`), as NumPy 1.24
 *   does: a JS number is a 0-d array there, not a weak scalar. A 0-d result is a boolean.
 * - allclose: `all(isclose(...))`, a boolean.
 * - array_equal(a1, a2, equal_nan): false when the inputs cannot be arrays or shapes differ, else
 *   all equal (with equal_nan, NaNs must sit at the same places).
 * - array_equiv: false when the shapes do not broadcast, else all equal after broadcasting.
 * Cost: a few passes over the broadcast size.
 */
import { DTYPES } from "../core/dtype.js";
import { broadcastShapes } from "../core/broadcast.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { all } from "../reduce/reduce.js";
import { isfinite, isnan } from "./mathfuncs.js";
import { absolute, add, equal, less_equal, logical_and, logical_not, logical_or, multiply, subtract } from "./ufuncs.js";

/** Options of `np.isclose` / `np.allclose`. */
export interface IsCloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Whether two NaNs count as close (default false). */
  equal_nan?: boolean;
}

const asArr = (x: ArrayLike): NDArray => (x instanceof NDArray ? x : asarray(x));

/** rtol/atol/equal_nan from NumPy's positional (rtol, atol, equal_nan) or an options object. */
function closeArgs(rtol?: number | IsCloseOptions, atol?: number, equal_nan?: boolean): Required<IsCloseOptions> {
  if (typeof rtol === "object") return { rtol: rtol.rtol ?? 1e-5, atol: rtol.atol ?? 1e-8, equal_nan: rtol.equal_nan ?? false };
  return { rtol: rtol ?? 1e-5, atol: atol ?? 1e-8, equal_nan: equal_nan ?? false };
}

/**
 * NumPy's `np.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`, element-wise.
 *
 * @example
 * np.isclose(np.array([1e10, 1e-7]), np.array([1.00001e10, 1e-8])) // array([ True, False])
 * np.isclose(1.0, 1.0 + 1e-9)                                       // true
 * np.isclose(np.array([1, NaN]), np.array([1, NaN]), { equal_nan: true }) // array([ True,  True])
 */
export function isclose(a: number, b: number, rtol?: number | IsCloseOptions, atol?: number, equal_nan?: boolean): boolean;
export function isclose(a: ArrayLike, b: ArrayLike, rtol?: number | IsCloseOptions, atol?: number, equal_nan?: boolean): NDArray;
export function isclose(a: ArrayLike, b: ArrayLike, rtolArg?: number | IsCloseOptions, atolArg?: number, equalNanArg?: boolean): NDArray | boolean {
  const { rtol, atol, equal_nan } = closeArgs(rtolArg, atolArg, equalNanArg);
  const x = asArr(a);
  let y = asArr(b);
  if (DTYPES[y.dtype].kind !== "f") y = y.astype("float64");
  const withinTol = (): NDArray => less_equal(absolute(subtract(x, y)), add(atol, multiply(rtol, absolute(y))));
  const xfin = isfinite(x);
  const yfin = isfinite(y);
  let cond: NDArray;
  if (all(xfin) && all(yfin)) cond = withinTol();
  else {
    const finite = logical_and(xfin, yfin);
    cond = logical_or(logical_and(finite, withinTol()), logical_and(logical_not(finite), equal(x, y)));
    if (equal_nan) cond = logical_or(cond, logical_and(isnan(x), isnan(y)));
  }
  return cond.ndim === 0 ? cond.data[cond.offset] !== 0 : cond;
}

/**
 * NumPy's `np.allclose`: whether every element of `a` is close to `b` (see `isclose`).
 *
 * @example
 * np.allclose(np.array([1e10, 1e-8]), np.array([1.00001e10, 1e-9])) // true
 * np.allclose(np.array([1, NaN]), np.array([1, NaN]))                // false
 */
export function allclose(a: ArrayLike, b: ArrayLike, rtol?: number | IsCloseOptions, atol?: number, equal_nan?: boolean): boolean {
  const c = isclose(a, b, rtol, atol, equal_nan);
  return typeof c === "boolean" ? c : all(c);
}

function tryArrays(a1: ArrayLike, a2: ArrayLike): [NDArray, NDArray] | null {
  try {
    return [asArr(a1), asArr(a2)];
  } catch {
    return null;
  }
}

/**
 * NumPy's `np.array_equal(a1, a2, equal_nan=False)`: same shape and equal elements.
 *
 * @example
 * np.array_equal(np.array([1, 2]), [1, 2])                      // true
 * np.array_equal(np.array([1, 2]), [[1, 2]])                    // false
 * np.array_equal(np.array([1, NaN]), np.array([1, NaN]), { equal_nan: true }) // true
 */
export function array_equal(a1: ArrayLike, a2: ArrayLike, equal_nan: boolean | { equal_nan?: boolean } = false): boolean {
  const eqNan = typeof equal_nan === "object" ? equal_nan.equal_nan === true : equal_nan;
  const arrs = tryArrays(a1, a2);
  if (arrs === null) return false;
  const [x, y] = arrs;
  if (x.shape.length !== y.shape.length || x.shape.some((d, i) => d !== y.shape[i])) return false;
  if (!eqNan) return all(equal(x, y));
  const xn = isnan(x);
  const yn = isnan(y);
  if (!all(equal(xn, yn))) return false;
  return all(logical_or(xn, equal(x, y)));
}

/**
 * NumPy's `np.array_equiv`: shapes broadcast and all elements are equal.
 *
 * @example
 * np.array_equiv(np.array([1, 2]), [[1, 2], [1, 2]]) // true
 * np.array_equiv(np.array([1, 2]), [[1, 2, 1, 2]])   // false
 */
export function array_equiv(a1: ArrayLike, a2: ArrayLike): boolean {
  const arrs = tryArrays(a1, a2);
  if (arrs === null) return false;
  const [x, y] = arrs;
  try {
    broadcastShapes(x.shape, y.shape);
  } catch {
    return false;
  }
  return all(equal(x, y));
}
