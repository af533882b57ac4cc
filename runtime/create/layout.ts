/**
 * The memory layout of a new array made "like" another (NumPy's PyArray_NewLikeArray), and the
 * element order NumPy's iterator uses for order `K`.
 *
 * Rule (numpy/core/src/multiarray/ctors.c PyArray_NewLikeArrayWithShape, shape.c
 * PyArray_CreateSortedStridePerm): order `A` means F when the prototype is F- and not
 * C-contiguous, else C. Order `K` means C when the prototype is C-contiguous or ndim <= 1, F when
 * it is F-contiguous, and otherwise: sort the axes by |stride| descending (ties keep axis order)
 * and give the new array contiguous strides in that axis order (innermost = smallest |stride|),
 * so the copy walks memory in the same pattern as the prototype. O(ndim log ndim).
 */
import { DTYPES, type DType } from "../core/dtype.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { newArray, newWithStrides } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { type Order, type OrderAK } from "../core/shape.js";

/**
 * NumPy's PyArray_ISFORTRAN: F-contiguous and not C-contiguous.
 *
 * @example
 * isFortran(np.zeros([2, 3]).T) // true
 */
export function isFortran(a: NDArray): boolean {
  return isFContiguous(a.shape, a.strides, a.itemsize) && !isCContiguous(a.shape, a.strides, a.itemsize);
}

/** Resolve `A` against a prototype (`K` is kept). @example resolveA(np.zeros([2, 3]).T, "A") // "F" */
export function resolveA(proto: NDArray, order: OrderAK): OrderAK {
  return order === "A" ? (isFortran(proto) ? "F" : "C") : order;
}

/**
 * Axes sorted by |stride| descending, ties in axis order (PyArray_CreateSortedStridePerm).
 *
 * @example
 * sortedStridePerm([4, -2, 12]) // [2, 0, 1]
 */
export function sortedStridePerm(strides: readonly number[]): number[] {
  return strides
    .map((s, i) => [Math.abs(s), i] as const)
    .sort((x, y) => (x[0] === y[0] ? x[1] - y[1] : y[0] - x[0]))
    .map((x) => x[1]);
}

/**
 * A new owner shaped like `proto` (or `shape`), laid out by `order` NumPy's way: zero-filled, or
 * unfilled when `filled` is false (only for callers that write every element, as copies do).
 *
 * @example
 * newLike(np.zeros([2, 3, 4]).transpose(1, 0, 2), "K").strides // [32, 96, 8]
 */
export function newLike(proto: NDArray, order: OrderAK, dtype: DType = proto.dtype, shape?: readonly number[], filled: boolean = true): NDArray {
  let o = resolveA(proto, order);
  const shp = shape ?? proto.shape;
  if (shape !== undefined && shape.length !== proto.ndim && o === "K") o = "C";
  if (o === "K") {
    if (proto.ndim <= 1 || isCContiguous(proto.shape, proto.strides, proto.itemsize)) o = "C";
    else if (isFContiguous(proto.shape, proto.strides, proto.itemsize)) o = "F";
  }
  if (o !== "K") return newArray(shp, dtype, o as Order, filled);
  const perm = sortedStridePerm(proto.strides);
  const strides = new Array<number>(shp.length);
  let stride = DTYPES[dtype].itemsize;
  for (let i = perm.length - 1; i >= 0; i--) {
    strides[perm[i]] = stride;
    stride *= shp[perm[i]];
  }
  return newWithStrides(shp, dtype, strides, filled);
}

/**
 * The order in which NumPy's iterator visits `a`'s axes for order `K` (outermost first):
 * numpy/core/src/multiarray/nditer_constr.c `npyiter_find_best_axis_ordering` for one operand,
 * an insertion sort by |stride| where a zero stride (or a length-1 axis) compares as ambiguous
 * and never moves. NumPy does not flip negative strides for flatten/ravel (checked against 1.24).
 *
 * @example
 * kIterationAxes(np.zeros([2, 3]).T) // [1, 0]
 */
export function kIterationAxes(a: NDArray): number[] {
  return bestAxisOrder(a.shape, [a.strides], a.shape.map((_, i) => i));
}

/**
 * NumPy's iterator axis order for several operands over `axes` (given outermost first in C
 * order; returned outermost first): npyiter_find_best_axis_ordering's insertion sort, where an
 * operand with a zero stride (or a length-1 axis) has no opinion and, when operands disagree,
 * C order wins.
 *
 * @example
 * bestAxisOrder([3, 3], [[4, 12], [0, 4]], [0, 1]) // [1, 0]  (axis 0 is faster for the first operand)
 */
export function bestAxisOrder(shape: readonly number[], ops: readonly (readonly number[])[], axes: readonly number[]): number[] {
  const perm = axes.slice().reverse(); // iterator order: fastest first
  const st = (op: readonly number[], ax: number): number => (shape[ax] === 1 ? 0 : op[ax]);
  for (let i0 = 1; i0 < perm.length; i0++) {
    let ipos = i0;
    const j0 = perm[i0];
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const j1 = perm[i1];
      let ambig = true;
      let shouldswap = false;
      for (const op of ops) {
        const s0 = st(op, j0);
        const s1 = st(op, j1);
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) shouldswap = false;
          else if (ambig) shouldswap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldswap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let k = i0; k > ipos; k--) perm[k] = perm[k - 1];
      perm[ipos] = j0;
    }
  }
  return perm.reverse();
}
