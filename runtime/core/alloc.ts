/**
 * Allocation of element buffers, and the count of bytes allocated.
 *
 * Rule: every buffer an array owns is made here, so `allocationStats()` is the total the runtime
 * allocated (timeit reports bytes per loop from it). An allocation that cannot fit fails with
 * NumPy's MemoryError text naming the bytes asked for, before anything is changed.
 *
 * Two kinds of buffer:
 * - `allocate`: zero-filled (np.zeros, np.empty, accumulators, masked results: anything that may
 *   be read before every element is written). np.empty is zero-filled too, so results are
 *   reproducible.
 * - `allocateUnfilled`: for results whose every element is written before anything reads them
 *   (ufunc outputs without `where`, copies, casts). Above 64 bytes, outside wasm memory (no wasm,
 *   over its budget), it takes an ArrayBuffer of its own from `Buffer.allocUnsafeSlow` (never
 *   Node's shared 8 KiB pool: an array must not share an ArrayBuffer with unrelated data, or
 *   shares_memory / show.memory, which compare buffers, would see them together). Measured here on 8 MB: the fill-free allocation plus the add loop runs
 *   in about 0.85x the time of `new Float64Array(n)` plus the loop. Up to 64 bytes V8 keeps a typed
 *   array on the JS heap, which is faster (about 30 ns) than any separate buffer, so small sizes
 *   stay `new Ctor(n)`.
 */
import { DTYPES, type ArrayData, type DType } from "./dtype.js";
import { MemoryError } from "./errors.js";
import { wasmAllocate } from "../wasm/heap.js";

/**
 * Buffers of at least this many bytes are made in WebAssembly memory (runtime/wasm/heap.ts), where
 * the SIMD loops run on them: every buffer V8 would not keep on its own heap (above ON_HEAP_BYTES).
 * Measured (Node 20, 2026-12-05): a 100-element float64 `np.add(a, b)` cost 0.9-1.7 us with its
 * result in an ordinary buffer (Buffer.allocUnsafeSlow and the collector's work on ArrayBuffers
 * were 45% of its profile) against 0.29 us in wasm memory (a typed array over the memory plus a
 * registry entry). Up to 64 bytes, `new Ctor(n)` on V8's heap is cheaper still (about 30 ns).
 */
export const WASM_MIN_BYTES = 65;

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
 * allocate("float64", 1e12, [1e12]) // throws MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64
 */
export function allocate(dtype: DType, size: number, shape: readonly number[]): ArrayData {
  const info = DTYPES[dtype];
  const bytes = size * info.itemsize;
  if (!Number.isSafeInteger(size) || size < 0 || bytes > MAX_BYTES) throw memoryError(dtype, bytes, shape);
  let data: ArrayData | null = bytes >= WASM_MIN_BYTES ? wasmAllocate(dtype, size, true) : null;
  if (data !== null) {
    bytesAllocated += bytes;
    buffersAllocated += 1;
    return data;
  }
  try {
    data = new info.ctor(size);
  } catch {
    throw memoryError(dtype, bytes, shape);
  }
  bytesAllocated += bytes;
  buffersAllocated += 1;
  return data;
}

/** NumPy's MemoryError for `bytes` asked for an array of `shape` (made only on failure: no closure per call). */
function memoryError(dtype: DType, bytes: number, shape: readonly number[]): MemoryError {
  const shp = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  return new MemoryError(`Unable to allocate ${formatBytes(bytes)} for an array with shape ${shp} and data type ${dtype}`);
}

/** Sizes up to this many bytes stay on V8's heap (`new Ctor(n)`, V8's typed_array_max_size_in_heap). */
const ON_HEAP_BYTES = 64;

/**
 * Like `allocate`, but the contents are NOT zeroed above 64 bytes: only for results whose every
 * element the caller writes before anything reads it. Counted like `allocate`.
 *
 * @example
 * const d = allocateUnfilled("float64", 1000, [1000]); // Float64Array(1000), contents unspecified
 * d.byteLength // 8000
 */
export function allocateUnfilled(dtype: DType, size: number, shape: readonly number[]): ArrayData {
  const info = DTYPES[dtype];
  const bytes = size * info.itemsize;
  if (bytes <= ON_HEAP_BYTES || !Number.isSafeInteger(size) || bytes > MAX_BYTES) return allocate(dtype, size, shape);
  if (bytes >= WASM_MIN_BYTES) {
    const data = wasmAllocate(dtype, size, false);
    if (data !== null) {
      bytesAllocated += bytes;
      buffersAllocated += 1;
      return data;
    }
  }
  let buf: Buffer;
  try {
    buf = Buffer.allocUnsafeSlow(bytes);
  } catch {
    return allocate(dtype, size, shape); // its MemoryError names the bytes
  }
  // allocUnsafeSlow gives a whole ArrayBuffer at offset 0; anything else falls back to a zeroed one
  if (buf.byteOffset !== 0 || buf.buffer.byteLength !== bytes) return allocate(dtype, size, shape);
  bytesAllocated += bytes;
  buffersAllocated += 1;
  return new info.ctor(buf.buffer, 0, size);
}
