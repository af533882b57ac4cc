/**
 * `ravel` (a view when possible) and `flatten` (always a copy): the elements as a 1-D array.
 *
 * Rule (numpy/core/src/multiarray/shape.c PyArray_Ravel, NumPy 1.24): order `A` is F for
 * F-and-not-C arrays, else C. Order `K` is C when the array is C-contiguous, F when
 * F-contiguous. C (F) on a C- (F-) contiguous array: a view. Still `K`: sort the axes by |stride|
 * descending (stable); if, ignoring length-1 axes, the strides from the innermost outwards are
 * exactly itemsize, itemsize*len, ... (positive: a negative stride fails), a 1-D view with
 * stride itemsize at the same first element; else a copy. Copies (PyArray_Flatten) visit the
 * elements in C order, F order (first axis fastest), or for `K` NumPy's iterator order
 * (create/layout.ts kIterationAxes: memory order by |stride|, negative strides NOT flipped).
 * Cost: O(ndim) for a view, O(size) for a copy.
 */
import { copyInto } from "../core/iterate.js";
import { newArray, viewOf } from "../core/make.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { NDArray } from "../core/ndarray.js";
import { contiguousStrides, toOrder, type OrderAK } from "../core/shape.js";
import { isFortran, kIterationAxes, sortedStridePerm } from "../create/layout.js";
import { reshapeArray } from "./reshape.js";
import type { Kind, KindOf } from "../core/rank.js";
import { asarray, type ArrayLike } from "../create/array.js";

/**
 * A 1-D copy of `a` with its elements visited with axes in `axes` order (outermost first).
 *
 * @example
 * flatCopy(np.arange(6).reshape(2, 3), [1, 0]).tolist() // [0, 3, 1, 4, 2, 5]
 */
export function flatCopy(a: NDArray, axes: readonly number[]): NDArray {
  const out = newArray([a.size], a.dtype, "C", false); // unfilled: copyInto below writes every element
  if (a.size === 0) return out;
  // the 1-D result seen with the visiting order's shape, C-contiguous; copyInto walks it tiled
  const shape = axes.map((k) => a.shape[k]);
  const dst = viewOf(out, shape, contiguousStrides(shape, a.itemsize, "C"), 0);
  const src = viewOf(a, shape, axes.map((k) => a.strides[k]), a.offset);
  copyInto(dst, src);
  return out;
}

function axesFor(a: NDArray, order: OrderAK): number[] {
  const ax = a.shape.map((_, i) => i);
  if (order === "F") return ax.reverse();
  if (order === "K") return kIterationAxes(a);
  return ax;
}

function resolveOrder(a: NDArray, order: OrderAK): OrderAK {
  return order === "A" ? (isFortran(a) ? "F" : "C") : order;
}

/**
 * NumPy's PyArray_Flatten: always a new 1-D array.
 *
 * @example
 * flattenArray(np.arange(4).reshape(2, 2), "F").tolist() // [0, 2, 1, 3]
 */
export function flattenArray(a: NDArray, orderArg: unknown = "C"): NDArray {
  const order = resolveOrder(a, toOrder(orderArg, ["C", "F", "A", "K"] as const, "C"));
  return flatCopy(a, axesFor(a, order));
}

/**
 * NumPy's PyArray_Ravel.
 *
 * @example
 * ravelArray(np.arange(4).reshape(2, 2)).base !== null // true (a view)
 */
export function ravelArray(a: NDArray, orderArg: unknown = "C"): NDArray {
  let order = toOrder(orderArg, ["C", "F", "A", "K"] as const, "C");
  const c = isCContiguous(a.shape, a.strides, a.itemsize);
  const f = isFContiguous(a.shape, a.strides, a.itemsize);
  if (order === "K") {
    if (c) order = "C";
    else if (f) order = "F";
  } else if (order === "A") order = isFortran(a) ? "F" : "C";
  if (order === "C" && c) return reshapeArray(a, [-1], "C");
  if (order === "F" && f) return reshapeArray(a, [-1], "F");
  if (order === "K") {
    const perm = sortedStridePerm(a.strides);
    let stride = a.itemsize;
    let i = a.ndim - 1;
    for (; i >= 0; i--) {
      const ax = perm[i];
      if (a.shape[ax] === 1) continue;
      if (a.strides[ax] !== stride) break;
      stride *= a.shape[ax];
    }
    if (i < 0) return viewOf(a, [a.size], [a.itemsize], a.offset);
  }
  return flatCopy(a, axesFor(a, order));
}

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * The elements as 1-D: a view when they are already contiguous in that order (`K`: in
     * memory order), else a copy (NumPy's PyArray_Ravel).
     *
     * @example
     * const a = np.arange(6).reshape(2, 3);
     * a.ravel().base === a.base      // true (a view of the same memory)
     * a.T.ravel().tolist()           // [0, 3, 1, 4, 2, 5] (a copy)
     * a.T.ravel("K").base === a.base // true (memory order needs no copy)
     */
    ravel(order?: OrderAK | { order?: OrderAK }): NDArray<1, K>;
    /**
     * A 1-D copy of the elements in `order` (always a copy).
     *
     * @example
     * np.arange(4).reshape(2, 2).flatten("F").tolist() // [0, 2, 1, 3]
     */
    flatten(order?: OrderAK | { order?: OrderAK }): NDArray<1, K>;
  }
}

const orderOf = (order: OrderAK | { order?: OrderAK } | undefined): OrderAK => (typeof order === "object" && order !== null ? order.order : order) ?? "C";
NDArray.prototype.ravel = function (this: NDArray, order?: OrderAK | { order?: OrderAK }): NDArray<1> {
  return ravelArray(this, orderOf(order)) as NDArray<1>;
};
NDArray.prototype.flatten = function (this: NDArray, order?: OrderAK | { order?: OrderAK }): NDArray<1> {
  return flattenArray(this, orderOf(order)) as NDArray<1>;
};

/**
 * NumPy's `np.ravel(a, order='C')`.
 *
 * @example
 * np.ravel(np.zeros([2, 3])).shape // [6]
 */
export function ravel<A extends ArrayLike>(a: A, order: OrderAK | { order?: OrderAK } = "C"): NDArray<1, KindOf<A>> {
  return ravelArray(asarray(a), orderOf(order)) as never;
}
