/**
 * `np.repeat` / `a.repeat` and `np.tile`: new arrays that repeat elements or whole arrays.
 *
 * Rule (numpy/core/src/multiarray/item_selection.c PyArray_Repeat, numpy/lib/shape_base.py tile,
 * NumPy 1.24): repeat works on a C-contiguous copy of `a` (raveled when axis is None); `repeats`
 * is one count for every element or one per element along the axis (non-integer counts truncate
 * toward zero as NumPy's cast to intp does); the result is a new C-ordered array. tile gives `A`
 * `len(reps)` dimensions (`np.array(A, ndmin=d)`, a view with length-1 axes prepended), then
 * for each axis whose count is not 1 does `c = c.reshape(-1, n).repeat(count, 0)`, and returns
 * `c.reshape(shape_out)`: a view of the last repeat's result. With every count 1 and an NDArray
 * input it returns a copy (order K); with an empty input the reshape of the input itself.
 * Cost: O(result size).
 */
import { ValueError } from "../core/errors.js";
import { copyInto, readFlat } from "../core/iterate.js";
import { newArray, viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { isOptions, normalizeAxisIndex } from "./args.js";
import { ravelArray } from "./ravel.js";
import { prependOnes } from "./ndmin.js";
import { reshapeArray } from "./reshape.js";


/** Repeat counts: one number, or one per element along the axis (JS array or integer NDArray). */
export type Repeats = number | readonly number[] | NDArray;

function counts(repeats: Repeats): number[] {
  if (typeof repeats === "number") return [Math.trunc(repeats)];
  const list = repeats instanceof NDArray ? Array.from(readFlat(repeats), Number) : repeats.slice();
  return list.map((x) => Math.trunc(x));
}

/**
 * NumPy's PyArray_Repeat.
 *
 * @example
 * repeatArray(np.arange(3), 2, null).tolist() // [0, 0, 1, 1, 2, 2]
 */
export function repeatArray(a: NDArray, repeats: Repeats, axisArg: number | null): NDArray {
  let src = a;
  let axis: number;
  if (axisArg === null) {
    src = ravelArray(a, "C");
    axis = 0;
  } else {
    axis = normalizeAxisIndex(axisArg, Math.max(a.ndim, 1));
    if (a.ndim === 0) src = reshapeArray(a, [1]);
  }
  const n = src.shape[axis];
  let c = counts(repeats);
  const isScalar = typeof repeats === "number" || (repeats instanceof NDArray && repeats.ndim === 0);
  let total: number;
  if (isScalar || c.length === 1) {
    total = c[0] * n + 0; // + 0: no -0 length
    if (total < 0) throw new ValueError("negative dimensions are not allowed");
    c = new Array<number>(n).fill(c[0]);
  } else {
    if (c.length !== n) throw new ValueError(`operands could not be broadcast together with shape (${n},) (${c.length},)`);
    total = 0;
    for (const k of c) {
      if (k < 0) throw new ValueError("repeats may not contain negative values.");
      total += k;
    }
  }
  const shape = src.shape.slice();
  shape[axis] = total;
  const out = newArray(shape, a.dtype, "C", false); // unfilled: every slab below is written
  if (total === 0) return out;
  let at = 0;
  const slab = src.shape.slice();
  slab[axis] = 1;
  for (let i = 0; i < n; i++) {
    if (c[i] === 0) continue;
    const from = viewOf(src, slab, src.strides, src.offset + i * src.strides[axis]);
    const part = slab.slice();
    part[axis] = c[i];
    copyInto(viewOf(out, part, out.strides, at * out.strides[axis]), from);
    at += c[i];
  }
  return out;
}

function repeatAxis(axis: number | null | { axis?: number | null } | undefined): number | null {
  if (isOptions(axis)) return (axis.axis as number | null | undefined) ?? null;
  return axis ?? null;
}

declare module "../core/ndarray.js" {
  interface NDArray {
    /**
     * Repeat each element `repeats` times (one count, or one per element along `axis`); without
     * an axis the array is flattened first. A new array.
     *
     * @example
     * np.array([[1, 2], [3, 4]]).repeat(2) // array([1, 1, 2, 2, 3, 3, 4, 4])
     * np.array([[1, 2], [3, 4]]).repeat([1, 2], { axis: 0 }) // array([[1, 2], [3, 4], [3, 4]])
     */
    repeat(repeats: Repeats, axis?: number | null | { axis?: number | null }): NDArray;
  }
}

NDArray.prototype.repeat = function (this: NDArray, repeats: Repeats, axis?: number | null | { axis?: number | null }): NDArray {
  return repeatArray(this, repeats, repeatAxis(axis));
};

/**
 * NumPy's `np.repeat(a, repeats, axis=None)`: repeat elements (a new array).
 *
 * @example
 * np.repeat(3, 4) // array([3, 3, 3, 3])
 * np.repeat(np.array([[1, 2], [3, 4]]), 2, 1) // array([[1, 1, 2, 2], [3, 3, 4, 4]])
 */
export function repeat(a: ArrayLike, repeats: Repeats, axis?: number | null | { axis?: number | null }): NDArray {
  return repeatArray(asarray(a), repeats, repeatAxis(axis));
}

/** NumPy's `np.array(A, copy, ndmin=d)`: the array (or its copy) with length-1 axes prepended (ndmin.ts). */
function withNdmin(A: ArrayLike, copy: boolean, ndmin: number): NDArray {
  let a = asarray(A);
  if (copy) a = a.copy("K");
  return prependOnes(a, ndmin);
}

/**
 * Repeat the whole array `reps` times along each axis (NumPy's `np.tile`).
 *
 * @example
 * const a = np.array([0, 1, 2]);
 * np.tile(a, 2) // array([0, 1, 2, 0, 1, 2])
 * np.tile(a, [2, 2]) // array([[0, 1, 2, 0, 1, 2], [0, 1, 2, 0, 1, 2]])
 * np.tile(np.array([[1, 2], [3, 4]]), 2).shape // [2, 4]
 */
export function tile(A: ArrayLike, reps: number | readonly number[]): NDArray {
  let tup = typeof reps === "number" ? [reps] : reps.slice();
  const d = tup.length;
  let c: NDArray;
  if (tup.every((x) => x === 1) && A instanceof NDArray) return withNdmin(A, true, d);
  c = withNdmin(A, false, d);
  if (d < c.ndim) tup = [...new Array<number>(c.ndim - d).fill(1), ...tup];
  const shapeOut = c.shape.map((s, i) => s * tup[i]);
  let n = c.size;
  if (n > 0) {
    const shapeIn = c.shape.slice();
    for (let i = 0; i < shapeIn.length; i++) {
      const dimIn = shapeIn[i];
      const nrep = tup[i];
      if (nrep !== 1) c = repeatArray(reshapeArray(c, [-1, n]), nrep, 0);
      n = Math.floor(n / dimIn);
    }
  }
  return reshapeArray(c, shapeOut);
}
