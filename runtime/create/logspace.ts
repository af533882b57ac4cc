/**
 * `np.logspace` and `np.geomspace`: numbers spaced evenly on a log scale.
 *
 * Rule (numpy/core/function_base.py, NumPy 1.24): logspace is `base ** linspace(start, stop,
 * num, endpoint)` (then `astype(dtype)`). geomspace refuses a zero end, flips two negative ends
 * to positive (and the result back), takes `logspace(log10(start), log10(stop))`, puts `start`
 * and `stop` back exactly at the ends, and casts to `dtype` (float64 by default). Scalar
 * `start`/`stop` only (NumPy also takes arrays with an `axis`). Powers and logarithms are V8's
 * (`Math.pow`, `Math.log10`), which can differ from glibc's in the last bit (README, Compute).
 * Cost: O(num).
 */
import { DEFAULT_FLOAT, toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { linspace } from "./ranges.js";

/** Options of `np.logspace`. */
export interface LogspaceOptions {
  /** Number of samples (NumPy's keyword `num`), when not given positionally. */
  num?: number;
  endpoint?: boolean;
  base?: number;
  dtype?: DType;
}

/** Options of `np.geomspace`. */
export interface GeomspaceOptions {
  /** Number of samples (NumPy's keyword `num`), when not given positionally. */
  num?: number;
  endpoint?: boolean;
  dtype?: DType;
}

/** `values` (float64) as a new array of `dtype` (float-to-int truncates, as astype does). */
function asDType(values: Float64Array, dtype: DType): NDArray {
  const out = newArray([values.length], dtype, "C", false);
  if (dtype === "bool") for (let i = 0; i < values.length; i++) out.data[i] = values[i] !== 0 ? 1 : 0;
  else if (dtype === "float64" || dtype === "float32") (out.data as Float64Array | Float32Array).set(values);
  else {
    const tmp = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) tmp[i] = Math.trunc(values[i]);
    for (let i = 0; i < values.length; i++) out.data[i] = tmp[i];
  }
  return out;
}

function powers(start: number, stop: number, num: number, endpoint: boolean, base: number): Float64Array {
  const y = linspace(start, stop, num, { endpoint });
  const out = new Float64Array(num);
  for (let i = 0; i < num; i++) out[i] = Math.pow(base, y.data[i] as number);
  return out;
}

/**
 * `num` numbers from base**start to base**stop, evenly spaced in the exponent (NumPy's `np.logspace`).
 *
 * @example
 * np.logspace(2, 3, 4) // array([ 100.        ,  215.443469  ,  464.15888336, 1000.        ])
 * np.logspace(0, 3, 4, { base: 2 }).tolist() // [1, 2, 4, 8]
 * np.logspace(2, 3, 4, { endpoint: false }).shape // [4]
 * np.logspace(0, 3, { num: 4, base: 2 }).tolist() // [1, 2, 4, 8]
 */
export function logspace(start: number, stop: number, num?: number | LogspaceOptions, options?: LogspaceOptions): NDArray;
export function logspace(start: number, stop: number, numOrOptions: number | LogspaceOptions = 50, opts?: LogspaceOptions): NDArray {
  const options = typeof numOrOptions === "object" ? numOrOptions : opts;
  const num = typeof numOrOptions === "object" ? (numOrOptions.num ?? 50) : numOrOptions;
  const vals = powers(start, stop, num, options?.endpoint ?? true, options?.base ?? 10);
  return asDType(vals, options?.dtype === undefined ? DEFAULT_FLOAT : toDType(options.dtype));
}

/**
 * `num` numbers from start to stop in geometric progression (NumPy's `np.geomspace`); the ends are exact.
 *
 * @example
 * np.geomspace(1, 1000, 4).tolist() // [1, 10, 100, 1000]
 * np.geomspace(-1000, -1, 4).tolist() // [-1000, -100, -10, -1]
 * np.geomspace(1, 256, 9, { dtype: "int32" }) // array([  1,   2,   4,   7,  16,  32,  63, 127, 256])
 * np.geomspace(1, 1000, { num: 4 }).tolist() // [1, 10, 100, 1000]
 */
export function geomspace(start: number, stop: number, num?: number | GeomspaceOptions, options?: GeomspaceOptions): NDArray;
export function geomspace(start: number, stop: number, numOrOptions: number | GeomspaceOptions = 50, opts?: GeomspaceOptions): NDArray {
  const options = typeof numOrOptions === "object" ? numOrOptions : opts;
  const num = typeof numOrOptions === "object" ? (numOrOptions.num ?? 50) : numOrOptions;
  if (start === 0 || stop === 0) throw new ValueError("Geometric sequence cannot include zero");
  const dtype = options?.dtype === undefined ? DEFAULT_FLOAT : toDType(options.dtype);
  const endpoint = options?.endpoint ?? true;
  let sign = 1;
  let s = start;
  let e = stop;
  if (Math.sign(s) === -1 && Math.sign(e) === -1) {
    s = -s;
    e = -e;
    sign = -1;
  }
  const r = asDType(powers(Math.log10(s), Math.log10(e), num, endpoint, 10), dtype);
  const vals = Float64Array.from(r.data as ArrayLike<number>);
  if (num > 0) {
    vals[0] = r.dtype === "float64" ? s : (asDType(Float64Array.of(s), dtype).data[0] as number);
    if (num > 1 && endpoint) vals[num - 1] = r.dtype === "float64" ? e : (asDType(Float64Array.of(e), dtype).data[0] as number);
  }
  for (let i = 0; i < num; i++) vals[i] = sign * vals[i];
  return asDType(vals, dtype);
}
