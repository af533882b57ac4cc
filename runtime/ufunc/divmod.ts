/**
 * `np.divmod(x, y, { out: [q, r], where, dtype, casting })`: floor division and remainder at once.
 *
 * Rule (NumPy 1.24's divmod ufunc, loops `bb->bb` ... `dd->dd`): the quotient is exactly
 * `np.floor_divide(x, y)` and the remainder `np.remainder(x, y)` (npy_divmod for floats, the
 * divisor's sign for the remainder; integer division by zero gives 0 and 0), both in the one loop
 * dtype. Returns `[q, r]` (NumPy's tuple). With `out`, both inputs are read before either output
 * is written (an input overlapping an output is copied first), as NumPy's iterator does.
 * Layout: a two-output ufunc never takes NumPy's trivial (contiguous) path, so its results are
 * laid out by the iterator's K order, where a length-1 axis has no say (stride 0): without `out`,
 * the results get `keepOrderStrides` of the inputs (a copy when the one-output ufuncs chose
 * otherwise, which only length-1 axes make possible).
 * Cost: two passes (three when the layout is redone).
 */
import { UFuncTypeError, ValueError } from "../core/errors.js";
import { boundsOverlap, contiguousCopy } from "../core/iterate.js";
import { NDArray } from "../core/ndarray.js";
import type { ArrayLike, UFuncOptions } from "./apply.js";
import { floor_divide, remainder } from "./ufuncs.js";
import { copyInto } from "../core/iterate.js";
import { newWithStrides } from "../core/make.js";
import { elementStrides, keepOrderStrides } from "./nditer.js";

/** `r` laid out in the K order of the inputs `ins` as NumPy's iterator allocates (r itself when it is already). */
function iteratorLayout(r: NDArray, ins: readonly ArrayLike[]): NDArray {
  if (!(r instanceof NDArray) || r.ndim < 2) return r; // two numbers give numbers
  const like = ins.filter((a): a is NDArray => a instanceof NDArray).map((a) => elementStrides(a, r.shape) ?? []);
  const strides = keepOrderStrides(r.shape, r.itemsize, like);
  if (strides.every((s, i) => s === r.strides[i])) return r;
  const c = newWithStrides(r.shape, r.dtype, strides);
  copyInto(c, r);
  return c;
}

/** Options of `np.divmod`: `out` is a pair of arrays. */
export interface DivmodOptions extends Omit<UFuncOptions, "out"> {
  out?: readonly [NDArray, NDArray];
}

/** Run `f` and report its ufunc errors under the name `divmod`. */
function asDivmod<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TypeError && /ufunc '(floor_divide|remainder)'/.test(e.message)) {
      const err = new UFuncTypeError(e.message.replace(/ufunc '(floor_divide|remainder)'/, "ufunc 'divmod'"));
      throw err;
    }
    throw e;
  }
}

/**
 * NumPy's `np.divmod`: `[np.floor_divide(x, y), np.remainder(x, y)]`.
 *
 * @example
 * np.divmod(7, 2)                                 // [3, 1]
 * np.divmod(np.array([7, -7]), 2)[0]           // array([ 3, -4])
 * np.divmod(np.array([7, -7]), 2)[1]           // array([1, 1])
 */
export function divmod(x: number, y: number, options?: DivmodOptions): [number, number];
export function divmod(x: ArrayLike, y: ArrayLike, options?: DivmodOptions): [NDArray, NDArray];
export function divmod(x: ArrayLike, y: ArrayLike, options: DivmodOptions = {}): [NDArray | number, NDArray | number] {
  const { out, ...rest } = options;
  if (out === undefined) {
    const [q, r] = asDivmod(() => [floor_divide(x, y, rest) as NDArray, remainder(x, y, rest) as NDArray]);
    return [iteratorLayout(q, [x, y]), iteratorLayout(r, [x, y])];
  }
  if (!Array.isArray(out) || out.length !== 2 || !(out[0] instanceof NDArray) || !(out[1] instanceof NDArray)) {
    throw new ValueError("The 'out' tuple must have exactly 2 entries: one per ufunc output");
  }
  const [o1, o2] = out;
  // every input read before any output is written
  const fresh = (a: ArrayLike): ArrayLike => (a instanceof NDArray && (boundsOverlap(a, o1) || boundsOverlap(a, o2)) ? contiguousCopy(a) : a);
  const xs = fresh(x);
  const ys = fresh(y);
  return asDivmod(() => [floor_divide(xs, ys, { ...rest, out: o1 }), remainder(xs, ys, { ...rest, out: o2 })]);
}
