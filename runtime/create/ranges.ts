/**
 * `np.arange`, `np.linspace`, `np.eye`: arrays of evenly spaced values and identity matrices.
 *
 * Rule (numpy/core/src/multiarray/ctors.c PyArray_ArangeObj and the dtype `fill` functions):
 * length = ceil((stop - start) / step) (0 if negative); element i = start + i * delta with
 * delta = (start + step) - start computed in the result dtype (so rounding matches NumPy's).
 * linspace (numpy/core/function_base.py, 1.24): div = num - 1 (endpoint) or num;
 * step = (stop - start) / div; y[i] = i * step + start (or i / div * delta when step == 0);
 * the last element is exactly `stop` when endpoint; integer dtypes take floor(y).
 * Cost: O(n), one allocation.
 */
import { DEFAULT_FLOAT, DEFAULT_INT, DTYPES, isBigDType, type DType } from "../core/dtype.js";
import { scalarFor } from "../core/iterate.js";
import { AxisError, ValueError } from "../core/errors.js";
import { newArray, viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { optDType, optOrder, type CreateOptions } from "./options.js";
import type { KindFrom } from "../core/rank.js";
import { keywordArgs } from "../stats/keywords.js";

/**
 * NumPy's `ZeroDivisionError` (a step of zero in `np.arange`).
 *
 * @example
 * np.arange(0, 1, 0) // throws ZeroDivisionError: division by zero
 */
export class ZeroDivisionError extends Error {
  override name = "ZeroDivisionError";
}

type DTypeOpt = { dtype?: DType };

/**
 * Evenly spaced values in [start, stop) (NumPy's `np.arange`); int32 when every argument is an
 * integer, else float64.
 *
 * @example
 * np.arange(4).tolist() // [0, 1, 2, 3]
 * np.arange(1, 2, 0.25).tolist() // [1, 1.25, 1.5, 1.75]
 * np.arange(5, 0, -2).tolist() // [5, 3, 1]
 */
export function arange(...args: number[]): NDArray<1, "number">;
export function arange(...args: (number | bigint)[]): NDArray<1, "bigint">;
export function arange<O extends DTypeOpt | DType>(...args: [...(number | bigint)[], O]): NDArray<1, KindFrom<O, "number">>;
export function arange(...args: (number | bigint | DTypeOpt | DType)[]): NDArray {
  let opts: DTypeOpt | undefined;
  // the dtype as options or, as NumPy allows, positionally after start, stop, step: np.arange(1, 5, 2, "int8")
  const last = args[args.length - 1];
  if (typeof last === "object") opts = args.pop() as DTypeOpt;
  else if (typeof last === "string") opts = { dtype: args.pop() as DType };
  if (args.some((x) => typeof x === "bigint") || isBigDType(optDType(opts, DEFAULT_INT))) return arangeBig(args as (number | bigint)[], opts);
  const nums = args as number[];
  for (const x of nums) if (typeof x !== "number") throw new TypeError(`arange arguments must be numbers, got ${typeof x}`);
  if (nums.length === 0 || nums.length > 3) throw new TypeError(`arange() takes 1 to 3 numbers (start, stop, step), got ${nums.length}`);
  const [start, stop, step] = nums.length === 1 ? [0, nums[0], 1] : nums.length === 2 ? [nums[0], nums[1], 1] : [nums[0], nums[1], nums[2]];
  if (step === 0) throw new ZeroDivisionError("division by zero");
  const dflt = nums.every((x) => Number.isInteger(x)) ? DEFAULT_INT : DEFAULT_FLOAT;
  const dtype = optDType(opts, dflt);
  let len = Math.ceil((stop - start) / step);
  if (!(len > 0)) len = 0;
  if (!Number.isFinite(len)) throw new ValueError("arange: cannot compute length");
  const a = newArray([len], dtype);
  const d = a.data;
  if (len === 0) return a;
  d[0] = dtype === "bool" ? (start !== 0 ? 1 : 0) : start;
  if (len === 1) return a;
  d[1] = dtype === "bool" ? (start + step !== 0 ? 1 : 0) : start + step;
  if (len > 2 && dtype === "bool") throw new TypeError("no fill-function for data-type.");
  const first = d[0];
  if (dtype === "float32") {
    // NumPy's FLOAT_fill computes in float32: delta = buffer[1] - buffer[0] rounded to float32,
    // then start + (float)i * delta, each step rounded
    const f = Math.fround;
    const delta = f(d[1] - d[0]);
    for (let i = 2; i < len; i++) d[i] = f(first + f(f(i) * delta));
  } else {
    const delta = d[1] - d[0];
    for (let i = 2; i < len; i++) d[i] = first + i * delta;
  }
  return a;
}

/**
 * `np.arange` with bigint arguments or an int64/uint64 dtype: exact, as NumPy's LONGLONG_fill
 * (the first two values cast to the dtype, then start + i * delta in 64-bit integers). Bigint
 * arguments alone give int64; a float dtype computes in float64.
 */
function arangeBig(nums: readonly (number | bigint)[], opts: DTypeOpt | undefined): NDArray {
  for (const x of nums) if (typeof x !== "number" && typeof x !== "bigint") throw new TypeError(`arange arguments must be numbers, got ${typeof x}`);
  if (nums.length === 0 || nums.length > 3) throw new TypeError(`arange() takes 1 to 3 numbers (start, stop, step), got ${nums.length}`);
  const allInt = nums.every((x) => typeof x === "bigint" || Number.isInteger(x));
  const dtype = optDType(opts, allInt ? "int64" : DEFAULT_FLOAT);
  if (!isBigDType(dtype)) return arange(...nums.map(Number), { dtype });
  const [start, stop, step] = nums.length === 1 ? [0, nums[0], 1] : nums.length === 2 ? [nums[0], nums[1], 1] : [nums[0], nums[1], nums[2]];
  if (Number(step) === 0) throw new ZeroDivisionError("division by zero");
  let len: number;
  if (allInt) {
    const [b0, b1, bs] = [BigInt(start), BigInt(stop), BigInt(step)];
    const span = b1 - b0;
    const q = span / bs + ((span % bs !== 0n && (span > 0n) === (bs > 0n)) ? 1n : 0n); // ceil
    len = q > 0n ? Number(q) : 0;
  } else {
    len = Math.ceil((Number(stop) - Number(start)) / Number(step));
    if (!(len > 0)) len = 0;
  }
  if (!Number.isFinite(len)) throw new ValueError("arange: cannot compute length");
  const a = newArray([len], dtype);
  if (len === 0) return a;
  const d = a.data as BigInt64Array; // the store wraps for BigUint64Array too
  const first = scalarFor(start, dtype) as bigint;
  d[0] = first;
  if (len === 1) return a;
  const second = scalarFor(typeof start === "bigint" || typeof step === "bigint" ? BigInt(start) + BigInt(step) : start + step, dtype) as bigint;
  const delta = second - first;
  for (let i = 1; i < len; i++) d[i] = first + BigInt(i) * delta;
  return a;
}

/** NumPy's keywords of `np.linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0)`. */
export interface LinspaceOptions {
  num?: number;
  endpoint?: boolean;
  /** Also return the step: `[samples, step]` (NumPy's tuple). */
  retstep?: boolean;
  dtype?: DType;
  /** Only 0 (the scalar start and stop here give 1-D samples). */
  axis?: number;
}

/**
 * `num` evenly spaced samples from start to stop (NumPy's `np.linspace`, its exact formula).
 *
 * @example
 * np.linspace(0, 1, 5).tolist() // [0, 0.25, 0.5, 0.75, 1]
 * np.linspace(0, 1, 3, { endpoint: false }).tolist() // [0, 0.3333333333333333, 0.6666666666666666]
 * np.linspace(2, 3, { num: 5, endpoint: false, retstep: true })[1] // 0.2
 */
export function linspace<O extends LinspaceOptions & { retstep: true }>(start: number, stop: number, options: O): [NDArray<1, KindFrom<O, "number">>, number];
export function linspace<O extends LinspaceOptions & { retstep: true }>(start: number, stop: number, num: number, options: O): [NDArray<1, KindFrom<O, "number">>, number];
export function linspace<O extends LinspaceOptions | undefined = undefined>(start: number, stop: number, options?: O): NDArray<1, KindFrom<O, "number">>;
export function linspace<O extends LinspaceOptions | undefined = undefined>(start: number, stop: number, num?: number, options?: O): NDArray<1, KindFrom<O, "number">>;
export function linspace(
  start: number,
  stop: number,
  num: number,
  endpoint?: boolean,
  retstep?: boolean,
  dtype?: DType | null,
  axis?: number,
): NDArray | [NDArray, number];
export function linspace(start: number, stop: number, ...rest: unknown[]): NDArray | [NDArray, number] {
  const o = keywordArgs<LinspaceOptions>("linspace", rest, ["num", "endpoint", "retstep", "dtype", "axis"]);
  if (o.axis !== undefined && o.axis !== 0 && o.axis !== -1) throw new AxisError(o.axis, 1);
  if (typeof start !== "number" || typeof stop !== "number") throw new TypeError("linspace takes numbers for start and stop (array start/stop are not supported)");
  const num = o.num ?? 50;
  const samples = linspaceArray(start, stop, num, o);
  if (o.retstep !== true) return samples;
  const div = (o.endpoint ?? true) ? num - 1 : num;
  return [samples, div > 0 ? (stop - start) / div : NaN];
}

function linspaceArray(start: number, stop: number, num: number, options: LinspaceOptions): NDArray {
  if (!Number.isInteger(num)) throw new TypeError(`'${num}' cannot be interpreted as an integer`);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = options?.endpoint ?? true;
  const dtype = optDType(options, DEFAULT_FLOAT);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = new Float64Array(num);
  const step = delta / div;
  if (div > 0) {
    if (step === 0) for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    else for (let i = 0; i < num; i++) y[i] = i * step + start;
  } else {
    for (let i = 0; i < num; i++) y[i] = i * delta + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  const a = newArray([num], dtype);
  const integer = DTYPES[dtype].kind === "i" || DTYPES[dtype].kind === "u";
  const ad = a.data as unknown as (number | bigint)[];
  for (let i = 0; i < num; i++) ad[i] = scalarFor(dtype === "bool" ? y[i] !== 0 : integer ? Math.floor(y[i]) : y[i], dtype);
  // NumPy scales arange(num).reshape(-1) in place (`y *= step`) when div > 0, so its float64
  // result is a VIEW of that arange (base set, owndata false); mirror that.
  if (div > 0 && dtype === "float64") return viewOf(a, a.shape, a.strides, 0);
  return a;
}

/** Options of `np.eye`. */
export interface EyeOptions extends CreateOptions {
  /** Number of columns (default N). */
  M?: number | null;
  k?: number;
}

/**
 * A 2-D array with ones on diagonal `k` and zeros elsewhere (NumPy's `np.eye(N, M=None, k=0)`).
 *
 * @example
 * np.eye(2).tolist() // [[1, 0], [0, 1]]
 * np.eye(2, 3, { k: 1 }).tolist() // [[0, 1, 0], [0, 0, 1]]
 * np.eye(2, 3, 1).tolist() // [[0, 1, 0], [0, 0, 1]]
 * np.eye(2, { M: 3, k: 1, dtype: "int8" }).dtype // "int8"
 */
export function eye<O extends EyeOptions | undefined = undefined>(N: number, M?: number | null, options?: O): NDArray<2, KindFrom<O, "number">>;
export function eye<O extends EyeOptions | DType | undefined = undefined>(N: number, M: number | null | undefined, k: number, options?: O): NDArray<2, KindFrom<O, "number">>;
export function eye<O extends EyeOptions>(N: number, options: O): NDArray<2, KindFrom<O, "number">>;
export function eye(N: number, M?: number | EyeOptions | null, kOrOptions?: number | EyeOptions, last?: EyeOptions | DType): NDArray {
  // NumPy's eye(N, M=None, k=0, dtype=float, order='C'): positionally, or as options
  let opts: EyeOptions | undefined = typeof kOrOptions === "object" ? kOrOptions : typeof last === "string" ? { dtype: last } : last;
  if (typeof kOrOptions === "number") opts = { ...opts, k: kOrOptions };
  let cols: number;
  if (typeof M === "object" && M !== null) {
    opts = M;
    cols = M.M ?? N;
  } else cols = M ?? opts?.M ?? N;
  const k = opts?.k ?? 0;
  const a = newArray([N, cols].map((x) => {
    if (!Number.isInteger(x)) throw new TypeError(`'${x}' cannot be interpreted as an integer`);
    if (x < 0) throw new ValueError("negative dimensions are not allowed");
    return x;
  }), optDType(opts, DEFAULT_FLOAT), optOrder(opts));
  const it = DTYPES[a.dtype].itemsize;
  const [s0, s1] = [a.strides[0] / it, a.strides[1] / it];
  const one = scalarFor(1, a.dtype); // 1n for int64/uint64
  const d = a.data as unknown as (number | bigint)[];
  for (let i = Math.max(0, -k); i < N && i + k < cols; i++) d[i * s0 + (i + k) * s1] = one;
  return a;
}
