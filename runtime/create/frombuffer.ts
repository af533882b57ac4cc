/**
 * `np.frombuffer(buffer, { dtype, count, offset })`: a 1-D array over the caller's memory.
 *
 * Rules (NumPy 1.24 `PyArray_FromBuffer`): `offset` (bytes) must be in [0, buffer length]
 * (`offset must be non-negative and no greater than buffer length (8)`); with `count` -1 (the
 * default) the bytes after `offset` must be a whole number of items (`buffer size must be a
 * multiple of element size`), else `count` items must fit (`buffer is smaller than requested size`).
 * The default dtype is float64.
 * Decisions: the buffer is an ArrayBuffer (the whole of it) or any typed array, DataView or Node
 * Buffer (the bytes it spans). The result SHARES that memory (writes show through both ways;
 * `np.shares_memory` with other arrays over the same ArrayBuffer is exact) and is writeable:
 * JavaScript buffers are mutable, as a Python `bytearray` is (NumPy makes it read-only only for
 * immutable `bytes`). Its `base` is a uint8 array over the bytes given (NumPy's is the buffer
 * object itself), so `owndata` is false as in NumPy. The first element must sit at a multiple of
 * the itemsize within the ArrayBuffer (typed arrays address nothing else); otherwise the error
 * names the fix (copy the bytes: `buffer.slice(...)`).
 * Cost: O(1): no byte is copied.
 */
import { DTYPES, toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";

/** NumPy's frombuffer keywords. */
export interface FromBufferOptions {
  dtype?: DType;
  /** Items to read; -1 (default) reads to the end. */
  count?: number;
  /** Bytes to skip from the start of the buffer. */
  offset?: number;
}

/**
 * A 1-D array over the caller's buffer, sharing its memory (NumPy's `np.frombuffer`).
 *
 * @example
 * const buf = new ArrayBuffer(8);
 * np.frombuffer(buf, { dtype: "int16" }).shape // [4]
 * np.frombuffer(new Uint8Array([1, 0, 2, 0]), { dtype: "uint16" }).tolist() // [1, 2]
 * np.frombuffer(new ArrayBuffer(7), { dtype: "int16" }) // throws ValueError: buffer size must be a multiple of element size
 */
export function frombuffer(buffer: ArrayBufferLike | ArrayBufferView, options?: FromBufferOptions | DType): NDArray {
  const opts: FromBufferOptions = typeof options === "string" ? { dtype: options } : (options ?? {});
  const dtype = opts.dtype === undefined ? "float64" : toDType(opts.dtype);
  const count = opts.count ?? -1;
  const offset = opts.offset ?? 0;
  let buf: ArrayBufferLike;
  let start: number;
  let length: number;
  if (ArrayBuffer.isView(buffer)) {
    buf = buffer.buffer;
    start = buffer.byteOffset;
    length = buffer.byteLength;
  } else if (buffer instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && buffer instanceof SharedArrayBuffer)) {
    buf = buffer;
    start = 0;
    length = buffer.byteLength;
  } else {
    throw new TypeError("a bytes-like object is required: an ArrayBuffer, a typed array, a DataView or a Buffer");
  }
  if (!Number.isInteger(count) || !Number.isInteger(offset)) throw new TypeError("count and offset must be integers");
  if (offset < 0 || offset > length) throw new ValueError(`offset must be non-negative and no greater than buffer length (${length})`);
  const itemsize = DTYPES[dtype].itemsize;
  const rest = length - offset;
  let n: number;
  if (count < 0) {
    if (rest % itemsize !== 0) throw new ValueError("buffer size must be a multiple of element size");
    n = rest / itemsize;
  } else {
    if (rest < count * itemsize) throw new ValueError("buffer is smaller than requested size");
    n = count;
  }
  const first = start + offset;
  if (n > 0 && first % itemsize !== 0) {
    throw new ValueError(
      `cannot read ${dtype} at byte ${first} of the ArrayBuffer: this runtime's typed arrays only address ${dtype} elements at multiples of ${itemsize} bytes (NumPy allows it); ` +
        `copy the bytes first, e.g. np.frombuffer(bytes.slice(${offset}), { dtype: "${dtype}" }) for a Uint8Array or Buffer`,
    );
  }
  const owner = new NDArray({ data: new Uint8Array(buf, start, length), dtype: "uint8", shape: [length], strides: [1], offset: 0, base: null, writeable: true });
  const data = new DTYPES[dtype].ctor(buf, 0, Math.floor(buf.byteLength / itemsize));
  return new NDArray({ data, dtype, shape: [n], strides: [itemsize], offset: first, base: owner, writeable: true });
}
