/**
 * `np.round(a, decimals, { out })` (alias `np.around`, method `a.round`): NumPy's algorithm,
 * bit for bit.
 *
 * Rule (numpy/core/src/multiarray/calculation.c `PyArray_Round`, NumPy 1.24):
 * - decimals >= 0 and an integer dtype: nothing to do; `a` itself is returned (the same object,
 *   as NumPy), or copied into `out`.
 * - decimals == 0: `np.rint(a, out)` (ties to even; bool gives float32 here, float16 in NumPy).
 * - otherwise with f = 10**|decimals| (NumPy's `power_of_ten`: a table up to 1e8, then repeated
 *   `* 10.`): decimals > 0 computes `rint(a * f) / f`, decimals < 0 `rint(a / f) * f`, each step a
 *   ufunc into the result array (so float32 rounds every step in float32, as NumPy's loops do);
 *   the result array is `out`, else a new array of a's dtype (float64 for integers, cast back to
 *   the integer dtype at the end; C order unless `a` is Fortran-ordered).
 * So `np.round(2.675, 2)` is 2.67 and `np.round(0.125, 2)` 0.12 (the double of a*f, then ties to even).
 * Cost: three passes over the result.
 */
import { DTYPES } from "../core/dtype.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { isFortran } from "../create/layout.js";
import { copyto } from "./copyto.js";
import { rint } from "./mathfuncs.js";
import { multiply, true_divide } from "./ufuncs.js";

/** Options of `np.round`. */
export interface RoundOptions {
  decimals?: number;
  out?: NDArray;
}

/** NumPy's power_of_ten(n): exact table to 1e8, then repeated multiplication by 10. */
function powerOfTen(n: number): number {
  if (n < 9) return [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8][n];
  let r = 1e9;
  while (n-- > 9) r *= 10;
  return r;
}

/**
 * NumPy's `np.round`: round to `decimals` places (negative: to the left of the point), ties to even.
 *
 * @example
 * np.round(np.array([2.5, 0.125, -0.5]), 2)       // array([ 2.5 ,  0.12, -0.5 ])
 * np.round(np.array([1234, 1250, -1350]), -2)     // array([ 1200,  1200, -1400])
 * np.round(2.5)                                   // 2
 */
export function round(a: number, decimals?: number | RoundOptions, options?: RoundOptions): number;
export function round(a: ArrayLike, decimals?: number | RoundOptions, options?: RoundOptions): NDArray;
export function round(a: ArrayLike, decimalsArg: number | RoundOptions = 0, options?: RoundOptions): NDArray | number {
  const opts: RoundOptions = typeof decimalsArg === "object" ? decimalsArg : { ...options, decimals: decimalsArg };
  const decimals = opts.decimals ?? 0;
  if (!Number.isInteger(decimals)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const out = opts.out;
  const scalar = typeof a === "number" && out === undefined;
  const arr = a instanceof NDArray ? a : asarray(a);
  const res = roundArray(arr, decimals, out);
  return scalar ? (res.data[res.offset / res.itemsize] as number) : res;
}

function roundArray(a: NDArray, decimalsIn: number, out: NDArray | undefined): NDArray {
  let decimals = decimalsIn;
  const kind = DTYPES[a.dtype].kind;
  const isInteger = kind === "i" || kind === "u";
  let op1: typeof multiply;
  let op2: typeof multiply;
  if (decimals >= 0) {
    if (isInteger) {
      if (out !== undefined) {
        copyto(out, a);
        return out;
      }
      return a;
    }
    if (decimals === 0) return (out === undefined ? rint(a) : rint(a, { out })) as NDArray;
    op1 = multiply;
    op2 = true_divide;
  } else {
    op1 = true_divide;
    op2 = multiply;
    decimals = -decimals;
  }
  const retInt = out === undefined && isInteger;
  const fortran = isFortran(a);
  const target = out ?? newArray(a.shape, isInteger ? "float64" : a.dtype, fortran ? "F" : "C");
  const f = powerOfTen(decimals);
  // f is a Python float in NumPy, weak even when integer-valued: beside a float array it takes the
  // array's dtype (a JS number does too); beside integers and bools the loop is float64 (a 0-d
  // float64 array gives that, where an integer-valued JS number would be a weak integer)
  const fa: number | NDArray = DTYPES[a.dtype].kind === "f" ? f : asarray(f, { dtype: "float64" });
  const ret = op1(a, fa, { out: target });
  rint(ret, { out: ret });
  op2(ret, DTYPES[ret.dtype].kind === "f" ? f : fa, { out: ret });
  if (retInt) return ret.astype(a.dtype, { order: fortran ? "F" : "C" });
  return ret;
}

/**
 * Alias of `np.round`.
 * @example np.around(np.array([0.5, 1.5]))  // array([0., 2.])
 */
export const around = round;
