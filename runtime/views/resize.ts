/**
 * `np.resize(a, new_shape)` and the in-place method `a.resize(new_shape)`.
 *
 * Rule (numpy/core/fromnumeric.py resize, NumPy 1.24): the function ravels `a`, repeats it as
 * often as needed (`concatenate((a,) * repeats)[:new_size]`) and reshapes: a view of a new
 * array; an empty input or an empty shape gives zeros. The method (numpy/core/src/multiarray/
 * shape.c PyArray_Resize) changes the array itself: it must be one segment, C- or F-contiguous
 * ("resize only works on single-segment arrays"), and, when its size changes, own its memory
 * ("cannot resize this array: it does not own its data"; a view of the same size is reshaped in
 * place). Elements keep their positions in memory, new ones are zero, and the new strides are
 * Fortran's when the array was F- and not C-contiguous, else C's (_array_fill_strides).
 * Decision: NumPy's `refcheck` (refusing when other references exist) cannot be known in
 * JavaScript and is not done; instead, when the element count changes the array gets a NEW buffer
 * (the old elements copied), so views made earlier keep the old memory and stay valid (NumPy with
 * refcheck=False would leave them pointing at freed memory). When the count is unchanged the
 * buffer is kept (a reshape in place). Cost: O(new size).
 */
import { ValueError } from "../core/errors.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { contiguousStrides, shapeSize } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { concatenate } from "./join.js";
import { ravelArray } from "./ravel.js";
import { reshapeArray } from "./reshape.js";

function shapeArg(s: number | readonly number[]): number[] {
  return typeof s === "number" ? [s] : s.slice();
}

/**
 * A new array of `new_shape` filled with `a`'s elements (flattened) repeated as needed.
 *
 * @example
 * const a = np.array([[0, 1], [2, 3]]);
 * np.resize(a, [2, 3]) // array([[0, 1, 2], [3, 0, 1]])
 * np.resize(a, [1, 4]).tolist() // [[0, 1, 2, 3]]
 * np.resize(a, [2, 4]).tolist() // [[0, 1, 2, 3], [0, 1, 2, 3]]
 */
export function resize(a: ArrayLike, new_shape: number | readonly number[]): NDArray {
  const shape = shapeArg(new_shape);
  const flat = ravelArray(asarray(a), "C");
  let size = 1;
  for (const d of shape) {
    size *= d;
    if (d < 0) throw new ValueError("all elements of `new_shape` must be non-negative");
  }
  if (flat.size === 0 || size === 0) return newArray(shape, flat.dtype);
  const repeats = Math.ceil(size / flat.size);
  const all = concatenate(new Array<NDArray>(repeats).fill(flat));
  return reshapeArray(all.get(`:${size}`) as NDArray, shape);
}

declare module "../core/ndarray.js" {
  interface NDArray {
    /**
     * Change this array's shape and size in place (NumPy's `a.resize`): new elements are zero.
     * The array must be C- or F-contiguous (its elements keep their places in memory), and own its
     * memory when the size changes. When the size changes it moves to a new buffer (views made
     * earlier keep the old one; NumPy's refcheck is not done, see the README).
     *
     * @example
     * const a = np.array([[0, 1], [2, 3]]);
     * a.resize(2, 3);
     * a // array([[0, 1, 2], [3, 0, 0]])
     * const f = np.array([[0, 1], [2, 3]], { order: "F" });
     * f.resize([2, 1]);
     * f // array([[0], [2]])
     */
    resize(...new_shape: number[] | [readonly number[]] | [readonly number[], { refcheck?: boolean }]): void;
  }
}

NDArray.prototype.resize = function (this: NDArray, ...args: unknown[]): void {
  let rest = args;
  if (rest.length > 0 && typeof rest[rest.length - 1] === "object" && !Array.isArray(rest[rest.length - 1])) rest = rest.slice(0, -1);
  const shape = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as number[]).slice() : (rest as number[]);
  if (rest.length === 0) return; // NumPy: a.resize() with no shape does nothing
  for (const d of shape) if (d < 0) throw new ValueError("negative dimensions not allowed");
  const c = isCContiguous(this.shape, this.strides, this.itemsize);
  const f = isFContiguous(this.shape, this.strides, this.itemsize);
  if (!c && !f) throw new ValueError("resize only works on single-segment arrays");
  const size = shapeSize(shape);
  const self = this as unknown as { data: NDArray["data"]; offset: number };
  if (size !== this.size) {
    if (this.base !== null) throw new ValueError("cannot resize this array: it does not own its data");
    const fresh = newArray([size], this.dtype);
    const keep = Math.min(size, this.size);
    const start = this.offset / this.itemsize;
    fresh.data.set(this.data.subarray(start, start + keep) as never, 0);
    self.data = fresh.data;
    self.offset = 0;
  }
  // the fields behind the shape and strides getters (assigning `shape` would be NumPy's no-copy reshape)
  this._shape = Object.freeze(shape);
  this._strides = Object.freeze(contiguousStrides(shape, this.itemsize, f && !c ? "F" : "C"));
};
