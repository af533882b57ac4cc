/**
 * Making array objects: a fresh owner with contiguous strides, and a view onto an existing array.
 *
 * Rule: a fresh array has contiguous strides, except that a fresh array of size 0 has all
 * strides 0 (as NumPy 1.24 allocates them). A view's `base` is the owner of the memory (`a.base ?? a`), never a chain, and it starts
 * as writeable as its source (NumPy copies the WRITEABLE flag into views). O(ndim) per view.
 */
import { allocate, allocateUnfilled } from "./alloc.js";
import { DTYPES, type DType } from "./dtype.js";
import { NDArray } from "./ndarray.js";
import { contiguousStrides, shapeSize, type Order } from "./shape.js";

/** Frozen contiguous strides per frozen shape, by itemsize and order (slot 2 * itemsize + (F ? 1 : 0)). */
const CONTIGUOUS = new WeakMap<readonly number[], (readonly number[] | undefined)[]>();

/**
 * A frozen shape's contiguous strides as a frozen array made once per shape, itemsize and order
 * (an `astype` or a ufunc result keeps its source's frozen shape: freezing fresh strides cost
 * 100-250 ns a call); null for a shape that is not frozen (it may still change: no cache).
 *
 * @example
 * frozenContiguousStrides(np.zeros([2, 3]).shape, 4, "C") // [12, 4]
 */
export function frozenContiguousStrides(shape: readonly number[], itemsize: number, order: Order): readonly number[] | null {
  if (!Object.isFrozen(shape)) return null;
  let slots = CONTIGUOUS.get(shape);
  if (slots === undefined) CONTIGUOUS.set(shape, (slots = []));
  const k = 2 * itemsize + (order === "F" ? 1 : 0);
  return (slots[k] ??= Object.freeze(contiguousStrides(shape, itemsize, order)));
}

/**
 * A new array that owns its memory, contiguous in `order`: zero-filled, or with `filled` false
 * unfilled (alloc.ts `allocateUnfilled`: only when the caller writes every element, as copies do).
 *
 * @example
 * newArray([2, 3], "float64", "F").strides // [8, 16]
 */
export function newArray(shape: readonly number[], dtype: DType, order: Order = "C", filled: boolean = true): NDArray {
  const size = shapeSize(shape);
  const data = filled ? allocate(dtype, size, shape) : allocateUnfilled(dtype, size, shape);
  const cached = size === 0 ? null : frozenContiguousStrides(shape, DTYPES[dtype].itemsize, order);
  if (cached !== null) return new NDArray({ data, dtype, shape, strides: cached, offset: 0, base: null, writeable: true, frozen: true });
  return new NDArray({
    data,
    dtype,
    shape,
    // NumPy (PyArray_NewFromDescr) gives a fresh empty array all-zero strides: its memory is never read
    strides: size === 0 ? shape.map(() => 0) : contiguousStrides(shape, DTYPES[dtype].itemsize, order),
    offset: 0,
    base: null,
    writeable: true,
  });
}

/**
 * A new owner with the given strides (bytes), as NumPy allocates with explicit strides; a size-0
 * array gets all-zero strides like every fresh empty array in NumPy. Zero-filled unless `filled`
 * is false (only when the caller writes every element).
 *
 * @example
 * newWithStrides([2, 3], "int32", [4, 8]).flags.f_contiguous // true
 */
export function newWithStrides(shape: readonly number[], dtype: DType, strides: readonly number[], filled: boolean = true): NDArray {
  const size = shapeSize(shape);
  return new NDArray({
    data: filled ? allocate(dtype, size, shape) : allocateUnfilled(dtype, size, shape),
    dtype,
    shape,
    strides: size === 0 ? shape.map(() => 0) : strides,
    offset: 0,
    base: null,
    writeable: true,
  });
}

/**
 * A view of `a`'s memory with another shape, strides (bytes) and offset (bytes); base is `a`'s owner.
 * `frozen`: the caller guarantees shape and strides are frozen with no -0 (NDArrayParts.frozen).
 *
 * @example
 * const a = np.arange(3, { dtype: "float64" });
 * const v = viewOf(a, [3], [-8], a.offset + 16); // a reversed view of a
 * v.tolist() // [2, 1, 0]
 * v.base === a // true
 */
export function viewOf(
  a: NDArray,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  writeable: boolean = a._writeable,
  frozen: boolean = false,
): NDArray {
  return new NDArray({ data: a.data, dtype: a.dtype, shape, strides, offset, base: a.base ?? a, writeable, frozen });
}

/** Index in `a.data` of element (0, ..., 0). @example firstIndex(np.arange(4).get("1:")) // 1 */
export function firstIndex(a: NDArray): number {
  return a.offset / DTYPES[a.dtype].itemsize;
}

/** Strides of `a` in elements of `a.data` rather than bytes. @example elementStrides(np.zeros([2, 3])) // [3, 1] */
export function elementStrides(a: NDArray): number[] {
  const it = DTYPES[a.dtype].itemsize;
  return a.strides.map((s) => s / it);
}
