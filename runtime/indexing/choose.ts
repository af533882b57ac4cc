/**
 * `np.choose`: build an array by picking, element by element, from one of several choices.
 *
 * Rule (numpy/core/src/multiarray/item_selection.c PyArray_Choose, NumPy 1.24): `a` holds
 * integers (bool counts as 0/1; floats are refused as NumPy's safe cast to intp refuses them);
 * `a` and every choice broadcast together (NumPy's message numbers the choices first, `a` last);
 * `out[i] = choices[a[i]][i]`, a new C-order array of the broadcast shape in the choices' common
 * dtype (their promotion). Modes: 'raise' (an index outside [0, n) is `invalid entry in choice
 * array`; negative ones too), 'wrap' (modulo n), 'clip' (clamped to [0, n - 1]). `choices` is a
 * JS array of array-likes (NumPy's sequence) or an array whose sub-arrays along axis 0 are the
 * choices. `out` is written and returned when given. Cost: O(result size).
 */
import { DTYPES, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { copyInto, readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { promoteTypes } from "../ufunc/promote.js";
import { broadcast_arrays } from "../views/broadcast-arrays.js";
import { isOptions } from "../views/args.js";
import type { ClipMode } from "./take-put.js";

/** Keywords of choose. */
export interface ChooseOptions {
  /** Where to write the result (its shape must be the broadcast shape). */
  out?: NDArray | null;
  /** How indices outside [0, n) are treated (default "raise"). */
  mode?: ClipMode;
}

/**
 * `choices[a[i]][i]` for every position of the broadcast shape of `a` and the choices: a new array
 * in the choices' common dtype.
 *
 * @example
 * const choices = [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]];
 * np.choose([2, 3, 1, 0], choices)                    // array([20, 31, 12,  3])
 * np.choose([2, 4, 1, 0], choices, { mode: "clip" })  // array([20, 31, 12,  3])
 * np.choose([2, 4, 1, 0], choices, { mode: "wrap" })  // array([20,  1, 12,  3])
 */
export function choose(a: ArrayLike, choices: readonly ArrayLike[] | NDArray, options?: ChooseOptions): NDArray;
export function choose(a: ArrayLike, choices: readonly ArrayLike[] | NDArray, out?: NDArray | null, mode?: ClipMode): NDArray;
export function choose(a: ArrayLike, choices: readonly ArrayLike[] | NDArray, ...args: unknown[]): NDArray {
  const o: ChooseOptions = args.length > 0 && isOptions(args[args.length - 1]) ? (args[args.length - 1] as ChooseOptions) : { out: args[0] as NDArray | null, mode: args[1] as ClipMode };
  const mode = o.mode ?? "raise";
  if (mode !== "raise" && mode !== "wrap" && mode !== "clip") throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${String(mode)}')`);
  // an array's sub-arrays along axis 0 as a[i, ...] (a 0-d view keeps the dtype; a[i] would be a number)
  const cs: NDArray[] =
    choices instanceof NDArray
      ? Array.from({ length: choices.ndim === 0 ? 0 : choices.shape[0] }, (_, i) => asarray(choices.get(i, "...") as ArrayLike))
      : choices.map((c) => asarray(c));
  if (cs.length === 0) throw new ValueError("0-length sequence.");
  const idx = asarray(a);
  if (DTYPES[idx.dtype].kind === "f") throw new TypeError(`Cannot cast ${idx.ndim === 0 ? "scalar" : "array data"} from dtype('${idx.dtype}') to dtype('int64') according to the rule 'safe'`);
  const dtype: DType = cs.map((c) => c.dtype).reduce(promoteTypes);
  const all = broadcast_arrays(...cs, idx);
  const shape = all[0].shape;
  const n = cs.length;
  const picks = Array.from(readFlat(all[n]) as Iterable<number | bigint>, Number);
  const cols = all.slice(0, n).map((c) => readFlat(c.astype(dtype))); // each choice in the common dtype
  const res = newArray(shape, dtype);
  picks.forEach((p0, i) => {
    let p = p0;
    if (p < 0 || p >= n) {
      if (mode === "raise") throw new ValueError("invalid entry in choice array");
      p = mode === "wrap" ? ((p % n) + n) % n : p < 0 ? 0 : n - 1;
    }
    res.data[i] = cols[p][i];
  });
  if (o.out !== undefined && o.out !== null) {
    copyInto(o.out, res);
    return o.out;
  }
  return res;
}
