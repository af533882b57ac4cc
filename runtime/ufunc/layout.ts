/**
 * Layout tests and strides for ufunc operands and results: contiguity (relaxed, as NumPy's
 * flags), NumPy's trivial-loop order for a new result, and "the same elements in the same order"
 * (an input that needs no read-first copy). Rules are stated in apply.ts; all O(ndim).
 */
import { isCContiguous, isFContiguous } from "../core/flags.js";
import type { DType } from "../core/dtype.js";
import type { NDArray } from "../core/ndarray.js";
import { elementStrides } from "./nditer.js";

/** C-contiguous ignoring length-1 axes. @example isContiguousC(np.zeros([2, 3])) // true */
export function isContiguousC(a: NDArray): boolean {
  let s = a.itemsize;
  for (let i = a.shape.length - 1; i >= 0; i--) {
    const d = a.shape[i];
    if (d !== 1 && a.strides[i] !== s) return false;
    s *= d;
  }
  return true;
}

/** Exact C strides (length-1 axes included). @example exactC(np.zeros([2, 3])) // true */
export function exactC(a: NDArray): boolean {
  return exactCStrides(a.shape, a.strides, a.itemsize);
}

/**
 * Whether `st` are exactly the C strides of `sh` for items of `itemsize` bytes (length-1 axes included).
 *
 * @example
 * exactCStrides([2, 3], [24, 8], 8) // true
 */
export function exactCStrides(sh: readonly number[], st: readonly number[], itemsize: number): boolean {
  if (sh.length !== st.length) return false;
  let s = itemsize;
  for (let i = sh.length - 1; i >= 0; i--) {
    if (st[i] !== s) return false;
    const d = sh[i];
    s *= d > 1 ? d : 1;
  }
  return true;
}

/** Equal shapes (the same frozen array, or equal lengths along every axis). @example sameShape([2, 3], [2, 3]) // true */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * NumPy's trivial-loop layout of a new result: "C", "F", or null (use K order).
 *
 * @example
 * trivialOrder([np.zeros([2, 3]).T], [3, 2], "float64") // "F"
 */
export function trivialOrder(ins: readonly NDArray[], shape: readonly number[], loopIn: DType): "C" | "F" | null {
  let order = 0;
  for (const a of ins) {
    if (a.ndim === 0) continue;
    if (!sameShape(a.shape, shape)) return null;
    // inputs needing a cast keep the trivial loop only when 0-d or small 1-D (NumPy copies those)
    if (a.dtype !== loopIn && !(a.ndim === 1 && a.shape[0] <= 8192)) return null;
    if (a.ndim === 1) continue;
    const f = (isCContiguous(a.shape, a.strides, a.itemsize) ? 1 : 0) | (isFContiguous(a.shape, a.strides, a.itemsize) ? 2 : 0);
    if (f === 0) return null;
    if (order === 0) order = f;
    else if (order !== f) return null;
  }
  return order === 2 ? "F" : "C";
}

/**
 * Strides (bytes) of a new contiguous array of `shape` in `order`; all zero for a size-0 shape, as
 * NumPy gives every fresh empty array.
 *
 * @example
 * contiguous([2, 3], 8, "F") // [8, 16]
 * contiguous([0, 3], 8, "C") // [0, 0]
 */
export function contiguous(shape: readonly number[], itemsize: number, order: "C" | "F"): number[] {
  if (shape.includes(0)) return shape.map(() => 0);
  const st = new Array<number>(shape.length);
  let s = itemsize;
  if (order === "C") {
    for (let i = shape.length - 1; i >= 0; i--) {
      st[i] = s;
      s *= Math.max(shape[i], 1);
    }
  } else {
    for (let i = 0; i < shape.length; i++) {
      st[i] = s;
      s *= Math.max(shape[i], 1);
    }
  }
  return st;
}

/**
 * Whether input `a` walks exactly `out`'s elements in `out`'s order (same bytes, same strides).
 *
 * @example
 * const a = np.arange(6).reshape(2, 3);
 * sameElements(a, a, a.shape) // true
 * sameElements(a.T, a, a.shape) // false
 */
export function sameElements(a: NDArray, out: NDArray, shape: readonly number[]): boolean {
  if (a.itemsize !== out.itemsize || a.data.byteOffset + a.offset !== out.data.byteOffset + out.offset) return false;
  const s = elementStrides(a, shape);
  if (s === null) return false;
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1 && s[i] * a.itemsize !== out.strides[i]) return false;
  return true;
}

