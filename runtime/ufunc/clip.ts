/**
 * `np.clip(a, a_min, a_max, { out, where, dtype, casting })`: values limited to [a_min, a_max].
 *
 * Rules (NumPy 1.24, numpy/core/_methods.py `_clip` and umath/clip.cpp):
 * - Both bounds missing (null/undefined): `ValueError: One of max or min must be given`.
 * - Only a_max: `np.minimum(a, a_max)`; only a_min: `np.maximum(a, a_min)` (their NaN and tie rules).
 * - Both: NumPy's 3-input `clip` ufunc, one loop dtype for the three operands (weak JS numbers,
 *   NEP 50: `np.clip(int8 array, 1, 3)` stays int8, a non-integer bound makes float64, an
 *   integer bound outside the dtype raises OverflowError), and per element
 *   `MIN(MAX(x, lo), hi)` with `MAX(a, b) = isnan(a) ? a : (a > b ? a : b)`,
 *   `MIN(a, b) = isnan(a) ? a : (a < b ? a : b)`: a NaN in x or in an array bound propagates.
 * - A NaN bound that is a JS number or a 0-d array means "no bound" (NumPy 1.24's deprecated
 *   behaviour: it becomes ∓inf, a weak float).
 * - An `out` the default casting refuses is written with casting "unsafe" (NumPy 1.24 does so
 *   with a DeprecationWarning); an explicit `casting` is obeyed.
 * - The result is a new array (or `out`); two passes through the ufunc machinery (lower bound,
 *   then upper bound with `out`/`where`), so broadcasting, casting and overlap are NumPy's.
 * Cost: O(size), one temporary of the result's size.
 */
import { UFuncTypeError, ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { DTYPES } from "../core/dtype.js";
import { broadcastShapes } from "../core/broadcast.js";
import { newWithStrides } from "../core/make.js";
import { copyto } from "./copyto.js";
import { contiguous, trivialOrder } from "./layout.js";
import { elementStrides, keepOrderStrides } from "./nditer.js";
import { asarray } from "../create/array.js";
import { applyUFunc, type ArrayLike, type UFuncDef, type UFuncOptions } from "./apply.js";
import { binaryFrom } from "./kernels.js";
import { LOOP_ORDER, resolveLoop, type TypeOperand } from "./promote.js";
import { maximum, minimum } from "./ufuncs.js";

const clipDef = (lower: boolean): UFuncDef => {
  const loop = lower ? binaryFrom((x, lo) => (x !== x ? x : x > lo ? x : lo)) : binaryFrom((x, hi) => (x !== x ? x : x < hi ? x : hi));
  return { name: "clip", nin: 2, loops: LOOP_ORDER, loop: () => loop, out: (t) => t, cache: new Map(), f64Wasm: undefined, f64New: undefined, f64UnaryNew: undefined };
};
const CLIP_LO = clipDef(true);
const CLIP_HI = clipDef(false);

/** A bound of `clip`: an array-like, or null/undefined for none. */
export type ClipBound = ArrayLike | null | undefined;

/** Options of `np.clip` (NumPy's keywords; `a_min`/`a_max` may also be given here). */
export interface ClipOptions extends UFuncOptions {
  a_min?: ClipBound;
  a_max?: ClipBound;
}

const isOptions = (x: unknown): x is ClipOptions =>
  typeof x === "object" && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && !("shape" in x && "dtype" in x);

/**
 * NumPy's `np.clip`: limit the values of `a` to `[a_min, a_max]` (a new array, or `out`).
 *
 * @example
 * np.clip(np.arange(6), 1, 4)                         // array([1, 1, 2, 3, 4, 4])
 * np.clip(np.array([-1.5, 0.5, 2.5]), null, 1)        // array([-1.5,  0.5,  1. ])
 * np.clip(np.arange(4), { a_min: 2, a_max: 2.5 })     // array([2. , 2. , 2. , 2.5])
 */
export function clip(a: number, a_min: ClipBound | ClipOptions, a_max?: ClipBound, options?: ClipOptions): number;
export function clip(a: ArrayLike, a_min: ClipBound | ClipOptions, a_max?: ClipBound, options?: ClipOptions): NDArray;
export function clip(a: ArrayLike, a_min: ClipBound | ClipOptions, a_max?: ClipBound, options?: ClipOptions): NDArray | number | boolean | bigint {
  let lo: ClipBound = a_min as ClipBound;
  let hi = a_max;
  let opts: ClipOptions = options ?? {};
  if (isOptions(a_min)) {
    opts = a_min;
    lo = a_min.a_min;
    hi = a_min.a_max;
  } else if (options !== undefined) {
    if (options.a_min !== undefined) lo = options.a_min;
    if (options.a_max !== undefined) hi = options.a_max;
  }
  const { a_min: _lo, a_max: _hi, ...ufuncOpts } = opts;
  void _lo;
  void _hi;
  if ((lo === null || lo === undefined) && (hi === null || hi === undefined)) throw new ValueError("One of max or min must be given");
  // NumPy 1.24: a scalar NaN bound is no bound (deprecated there)
  if (scalarNaN(lo)) lo = -Infinity;
  if (scalarNaN(hi)) hi = Infinity;
  if (ufuncOpts.casting === undefined && ufuncOpts.out !== undefined) {
    // NumPy 1.24 (_clip_dep_invoke_with_casting): an output that the default casting refuses is
    // written with casting "unsafe" instead (with a DeprecationWarning there)
    try {
      return clipWith(a, lo, hi, ufuncOpts);
    } catch (e) {
      if (!(e instanceof UFuncTypeError && /^Cannot cast ufunc '\w+' output/.test(e.message))) throw e;
      return clipWith(a, lo, hi, { ...ufuncOpts, casting: "unsafe" });
    }
  }
  return clipWith(a, lo, hi, ufuncOpts);
}

/** NumPy 1.24 (`_clip_dep_is_scalar_nan`): a NaN bound that is a scalar or a 0-d array means no bound. */
function scalarNaN(x: ClipBound): boolean {
  if (typeof x === "number") return Number.isNaN(x);
  if (x instanceof NDArray) return x.ndim === 0 && Number.isNaN(x.data[x.offset / x.itemsize] as number);
  return false;
}

function clipWith(a: ArrayLike, lo: ClipBound, hi: ClipBound, ufuncOpts: UFuncOptions): NDArray | number | boolean | bigint {
  if (lo === null || lo === undefined) return minimum(a, hi as ArrayLike, ufuncOpts) as NDArray;
  if (hi === null || hi === undefined) return maximum(a, lo, ufuncOpts) as NDArray;
  const operands: ArrayLike[] = [a, lo, hi];
  // one loop dtype for the three operands; a weak float among them makes integer weak scalars
  // float too (NEP 50 promotes all operands together), so they need not fit the integer dtype
  const anyWeakFloat = operands.some((x) => typeof x === "number" && !Number.isInteger(x));
  const ops: TypeOperand[] = operands.map((x) =>
    typeof x === "number" ? { weak: anyWeakFloat && Number.isInteger(x) ? x + 0.5 : x } : { dtype: typeof x === "boolean" ? "bool" : asarray(x).dtype },
  );
  const loopDType = resolveLoop(CLIP_LO, ops, ufuncOpts.dtype, ufuncOpts.casting).loopIn;
  const [x, l, h] = operands.map((v) => (typeof v === "number" && anyWeakFloat && DTYPES[loopDType].kind === "f" ? asarray(v, { dtype: loopDType }) : v));
  const casting = ufuncOpts.casting;
  if (ufuncOpts.out !== undefined) {
    const low = applyUFunc(CLIP_LO, [x, l], { dtype: loopDType, casting });
    return applyUFunc(CLIP_HI, [low, h], { ...ufuncOpts, dtype: loopDType });
  }
  if (operands.every((v) => typeof v === "number" || typeof v === "boolean")) {
    return applyUFunc(CLIP_HI, [applyUFunc(CLIP_LO, [x, l], { dtype: loopDType, casting }), h], { dtype: loopDType, casting });
  }
  // a new result laid out as NumPy lays out a 3-operand ufunc's result (apply.ts), both passes into it
  const arrs = [x, l, h].map((v) => (v instanceof NDArray ? v : asarray(v, typeof v === "number" ? { dtype: loopDType } : undefined)));
  const shape = broadcastShapes(...arrs.map((v) => v.shape));
  const itemsize = DTYPES[loopDType].itemsize;
  const order = trivialOrder(arrs, shape, loopDType);
  const strides = order !== null ? contiguous(shape, itemsize, order) : keepOrderStrides(shape, itemsize, arrs.map((v) => elementStrides(v, shape) ?? []));
  const res = newWithStrides(shape, loopDType, strides);
  applyUFunc(CLIP_LO, [x, l], { dtype: loopDType, casting, out: res });
  applyUFunc(CLIP_HI, [res, h], { dtype: loopDType, casting, out: res });
  if (ufuncOpts.where === undefined) return res;
  const masked = newWithStrides(shape, loopDType, strides);
  copyto(masked, res, { where: ufuncOpts.where });
  return masked;
}
