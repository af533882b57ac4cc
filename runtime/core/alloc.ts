/**
 * Allocation of element buffers, and the count of bytes allocated.
 *
 * Rule: every buffer an array owns is made here, so `allocationStats()` is the total the runtime
 * allocated (timeit reports bytes per loop from it). An allocation that cannot fit fails with
 * NumPy's MemoryError text naming the bytes asked for, before anything is changed.
 */
import { DTYPES, type DType, type TypedArray } from "./dtype.js";
import { MemoryError } from "./errors.js";

/** Largest element count a typed array may have in this Node (V8 caps ArrayBuffers). */
const MAX_BYTES = 2 ** 32; // 4 GiB: V8's typed-array limit on 64-bit Node 20 for one buffer

let bytesAllocated = 0;
let buffersAllocated = 0;

/** Running totals of what the runtime has allocated since the process started. */
export interface AllocationStats {
  readonly bytes: number;
  readonly buffers: number;
}

/**
 * The bytes and buffers the runtime has allocated so far (monotonic; subtract two readings).
 *
 * @example
 * const before = allocationStats().bytes;
 * np.zeros(10);
 * allocationStats().bytes - before // 80
 */
export function allocationStats(): AllocationStats {
  return { bytes: bytesAllocated, buffers: buffersAllocated };
}

/** NumPy's human size: `7.28 TiB`. */
export function formatBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(2)} ${units[i]}`;
}

/**
 * Allocate a zero-filled buffer for `size` elements of `dtype`, counting the bytes.
 * `shape` is only used for the error message.
 *
 * @example
 * allocate("float64", 4, [4]) // Float64Array(4) [0, 0, 0, 0]
 * allocate("float64", 1e12, [1e12]) // throws MemoryError: unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64
 */
export function allocate(dtype: DType, size: number, shape: readonly number[]): TypedArray {
  const info = DTYPES[dtype];
  const bytes = size * info.itemsize;
  const fail = (): never => {
    const shp = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
    throw new MemoryError(`unable to allocate ${formatBytes(bytes)} for an array with shape ${shp} and data type ${dtype}`);
  };
  if (!Number.isSafeInteger(size) || size < 0 || bytes > MAX_BYTES) fail();
  let data: TypedArray;
  try {
    data = new info.ctor(size);
  } catch {
    return fail();
  }
  bytesAllocated += bytes;
  buffersAllocated += 1;
  return data;
}
