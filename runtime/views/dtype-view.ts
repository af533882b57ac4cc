/**
 * `a.view(dtype)`: the same bytes read as another dtype (NumPy's `ndarray.view(dtype)`), and
 * `a.tobytes(order)`: the bytes of the elements as a new Uint8Array.
 *
 * Rules (NumPy 1.24 `array_descr_set`, numpy/core/src/multiarray/getset.c):
 * - Same itemsize: same shape and strides, only the dtype changes.
 * - Another itemsize changes the last axis only, which must then be contiguous (stride ==
 *   itemsize, unless its length is 1 or the array is empty): smaller items multiply its length
 *   by old/new itemsize (the new size must divide the old), larger items divide the byte length
 *   of the last axis by the new itemsize (which must divide it); its stride becomes the new
 *   itemsize, every other stride stays. A 0-d array keeps its itemsize. Errors are NumPy's words.
 * - The result is a view: base is the owner of the memory (`a.base ?? a`), writeable as `a`,
 *   and it shares the buffer (`np.shares_memory`, the array card and `show.memory` show it).
 * - THIS RUNTIME's extra rule: a typed array addresses elements at multiples of its itemsize,
 *   so the first element's byte position in the buffer and every stride must be multiples of
 *   the new itemsize; otherwise the error names the cause and the fix (`.copy()` first).
 * Cost: O(ndim); no element is read or copied (tobytes: one copy of the elements, O(size)).
 */
import { DTYPES, toDType, type ArrayData, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { readFlat } from "../core/iterate.js";
import { NDArray } from "../core/ndarray.js";

declare module "../core/ndarray.js" {
  interface NDArray {
    /**
     * A view of the same bytes as another dtype (NumPy's `a.view(dtype)`); with no dtype, a view
     * with this dtype. The last axis is rescaled when the itemsize changes (NumPy's rules).
     *
     * @example
     * np.arange(4, { dtype: "int32" }).view(np.uint8).shape // [16]
     * np.arange(4, { dtype: "int32" }).view("uint8").base !== null // true
     * np.arange(4, { dtype: "int32" }).view("int64").tolist() // [4294967296n, 12884901890n]
     * np.arange(6, { dtype: "int32" }).reshape(2, 3).view("int64") // throws ValueError: When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.
     */
    view(dtype?: DType): NDArray;
    /**
     * The elements' bytes in `order` (`C` by default, `F`, or `A`: F when the array is
     * F-contiguous and not C-contiguous), as a new Uint8Array (NumPy's `a.tobytes()`).
     *
     * @example
     * Array.from(np.arange(2, { dtype: "int16" }).tobytes()) // [0, 0, 1, 0]
     * Array.from(np.arange(4, { dtype: "uint8" }).reshape(2, 2).tobytes({ order: "F" })) // [0, 2, 1, 3]
     */
    tobytes(order?: "C" | "F" | "A" | { order?: "C" | "F" | "A" }): Uint8Array;
  }
}

/**
 * A typed array of `dtype` over the same bytes as `data` (same byteOffset, so a region of wasm
 * memory stays the same allocation for show.memory: wasm/heap.ts allocationOf); when data's
 * byteOffset is not a multiple of the new itemsize (a frombuffer of odd bytes), over the whole
 * buffer from byte 0 (`offset`s are re-based to it; such a buffer is its own allocation).
 */
function dataOver(data: ArrayData, dtype: DType): ArrayData {
  const info = DTYPES[dtype];
  if (data.byteOffset % info.itemsize === 0) return new info.ctor(data.buffer, data.byteOffset, Math.floor(data.byteLength / info.itemsize));
  return new info.ctor(data.buffer, 0, Math.floor(data.buffer.byteLength / info.itemsize));
}

NDArray.prototype.view = function (this: NDArray, dtype?: DType): NDArray {
  const to = dtype === undefined ? this.dtype : toDType(dtype);
  const oldSize = this.itemsize;
  const newSize = DTYPES[to].itemsize;
  const shape = this.shape.slice();
  const strides = this.strides.slice();
  if (newSize !== oldSize) {
    const nd = shape.length;
    if (nd === 0) throw new ValueError("Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    const axis = nd - 1;
    if (shape[axis] !== 1 && this.size !== 0 && strides[axis] !== oldSize) {
      throw new ValueError("To change to a dtype of a different size, the last axis must be contiguous");
    }
    if (newSize < oldSize) {
      if (oldSize % newSize !== 0) throw new ValueError("When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
      shape[axis] *= oldSize / newSize;
    } else {
      const bytes = shape[axis] * oldSize;
      if (bytes % newSize !== 0) {
        throw new ValueError("When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.");
      }
      shape[axis] = bytes / newSize;
    }
    strides[axis] = newSize;
  }
  const start = this.data.byteOffset + this.offset; // byte of element (0, ..., 0) in the buffer
  if (this.size > 0 && (start % newSize !== 0 || strides.some((s, i) => shape[i] > 1 && s % newSize !== 0))) {
    const what = start % newSize !== 0 ? `starts at byte ${start} of its buffer` : `has strides ${JSON.stringify(strides)}`;
    throw new ValueError(
      `cannot view this ${this.dtype} array as ${to}: it ${what}, which is not a multiple of ${to}'s itemsize ${newSize}; ` +
        `this runtime's typed arrays only address ${to} elements at multiples of ${newSize} bytes (NumPy allows it): view a copy, a.copy().view("${to}")`,
    );
  }
  const data = to === this.dtype ? this.data : dataOver(this.data, to);
  const offset = to === this.dtype ? this.offset : start - data.byteOffset;
  return new NDArray({ data, dtype: to, shape, strides, offset, base: this.base ?? this, writeable: this._writeable });
};

NDArray.prototype.tobytes = function (this: NDArray, order?: "C" | "F" | "A" | { order?: "C" | "F" | "A" }): Uint8Array {
  const o = (typeof order === "object" && order !== null ? order.order : order) ?? "C";
  if (o !== "C" && o !== "F" && o !== "A") throw new ValueError(`order must be one of 'C', 'F', 'A' (got '${String(o)}')`);
  const f = o === "F" || (o === "A" && isFContiguous(this.shape, this.strides, this.itemsize) && !isCContiguous(this.shape, this.strides, this.itemsize));
  let v: NDArray = this;
  if (f) v = new NDArray({ data: this.data, dtype: this.dtype, shape: this.shape.slice().reverse(), strides: this.strides.slice().reverse(), offset: this.offset, base: this.base ?? this, writeable: false });
  const flat = readFlat(v);
  return new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength);
};
