/**
 * Copies and casts between layouts in wasm (runtime/wasm/templates/copy.mjs): the element moves of
 * core/iterate.ts's copy kernel (`copy()`, `ascontiguousarray`, `astype`, assignment, the inputs'
 * read-first copies) when both sides live in wasm memory.
 *
 * Rules:
 * - Same typed-array kind: the bits move (any dtype, by element size: b1, b2, b4, b8). Casts with a
 *   twin: float64 -> float32, float32 -> float64, int32 -> float64, int32 -> float32, each the
 *   typed-array store's conversion (round to nearest even). Any other pair (float -> int, which
 *   the JS store wraps modulo 2^32, bool results, bigint conversions) answers false and the caller
 *   runs its JavaScript loop; so do runs shorter than MIN_RUN and data outside wasm memory.
 * - A 2-D block (copy2d) is walked in 32 x 32 tiles inside wasm: a transposing copy reads and
 *   writes whole cache lines on both sides (NumPy gets the same from its buffered copy loops).
 * - The caller guarantees that source and destination do not overlap (copyInto copies an
 *   overlapping source first).
 * Cost: a few comparisons per call; the loop itself.
 */
import type { ArrayData } from "../core/dtype.js";
import { inWasmMemory } from "./heap.js";
import { wasm, type LoopExports } from "./instance.js";
import { MIN_RUN } from "./loops.js";

/** The copy loop's suffix for (source, destination) typed arrays, or null when there is no twin. */
export function copyKind(s: ArrayData, d: ArrayData): string | null {
  if (s.constructor === d.constructor) return `b${s.BYTES_PER_ELEMENT}`;
  if (d instanceof Float64Array) return s instanceof Float32Array ? "f32_f64" : s instanceof Int32Array ? "i32_f64" : null;
  if (d instanceof Float32Array) return s instanceof Float64Array ? "f64_f32" : s instanceof Int32Array ? "i32_f32" : null;
  return null;
}

const name1 = (k: string): keyof LoopExports => (k[0] === "b" ? `copy_${k}_${k}` : `copy_${k}`) as keyof LoopExports;
const name2 = (k: string): keyof LoopExports => (k[0] === "b" ? `copy2d_${k}_${k}` : `copy2d_${k}`) as keyof LoopExports;

/**
 * Copy the run d[di + k*ds] = s[si + k*ss] (k < n, strides in elements) in wasm; false when it
 * cannot (see the file head) and nothing was written.
 *
 * @example
 * const a = np.arange(300, { dtype: "float64" }), b = np.zeros(300, { dtype: "float32" });
 * wasmCopyRun(300, b.data, 0, 1, a.data, 0, 1) // true
 */
export function wasmCopyRun(n: number, d: ArrayData, di: number, ds: number, s: ArrayData, si: number, ss: number): boolean {
  if (n < MIN_RUN || !inWasmMemory(d.buffer) || !inWasmMemory(s.buffer)) return false;
  const k = copyKind(s, d);
  const w = k === null ? null : wasm();
  if (w === null || k === null) return false;
  const bs = s.BYTES_PER_ELEMENT;
  const bd = d.BYTES_PER_ELEMENT;
  w.loops[name1(k)](n, s.byteOffset + si * bs, ss * bs, d.byteOffset + di * bd, ds * bd);
  return true;
}

/**
 * Copy the 2-D block d[d0 + i*di + j*dj] = s[s0 + i*si + j*sj] (i < ni, j < nj, strides in
 * elements) in wasm, in 32 x 32 tiles; false when it cannot and nothing was written.
 *
 * @example
 * const a = np.arange(1024, { dtype: "float64" }).reshape(32, 32), b = np.zeros([32, 32]);
 * wasmCopy2d(32, 32, b.data, 0, 1, 32, a.data, 0, 32, 1) // true
 */
export function wasmCopy2d(ni: number, nj: number, d: ArrayData, d0: number, di: number, dj: number, s: ArrayData, s0: number, si: number, sj: number): boolean {
  if (ni * nj < MIN_RUN || !inWasmMemory(d.buffer) || !inWasmMemory(s.buffer)) return false;
  const k = copyKind(s, d);
  const w = k === null ? null : wasm();
  if (w === null || k === null) return false;
  const bs = s.BYTES_PER_ELEMENT;
  const bd = d.BYTES_PER_ELEMENT;
  w.loops[name2(k)](ni, nj, s.byteOffset + s0 * bs, si * bs, sj * bs, d.byteOffset + d0 * bd, di * bd, dj * bd);
  return true;
}
