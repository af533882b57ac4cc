/**
 * Between cells: a full garbage collection once cells have put COLLECT_BYTES of new arrays in
 * WebAssembly memory since the last one, so the regions of dead arrays come back before the next
 * cell and the wasm memory's high-water mark (which never shrinks) stays near one batch of
 * temporaries, not near whatever V8's own heuristics let pile up (it does not count wasm memory).
 *
 * Rule: never inside a cell (a cell's own loop keeps today's budget and nudges, runtime/wasm/heap.ts);
 * only when wasm allocations grew, so a notebook that holds large live arrays is not collected per cell.
 * Cost: one major collection (tens of ms with the checker's heap) per COLLECT_BYTES allocated;
 * nothing for cells that allocate less. `gc` is kernel/gc.ts's (a cell's global scope gets none).
 * The same `gc` is the runtime's collector (setCollector, installed before the first cell runs):
 * timeit collects with it between runs, and a synchronous loop every CYCLE_BYTES of wasm
 * allocations (runtime/wasm/heap.ts).
 */
import { fullCollector } from "../../gc.js";
import { reclaimWasm, setCollector, wasmHeapStats } from "../../../runtime/wasm/heap.js";

/** Wasm bytes allocated by cells after which the kernel collects between cells. */
export const COLLECT_BYTES = 64 * 2 ** 20;

let collectedAt = 0;
const gc = fullCollector;

/**
 * Collect if cells allocated COLLECT_BYTES in wasm memory since the last collection; true when it did.
 *
 * @example
 * collectWasmTemporaries() // false (nothing allocated yet)
 */
export function collectWasmTemporaries(): boolean {
  const stats = wasmHeapStats();
  if (stats === null || stats.allocatedBytes - collectedAt < COLLECT_BYTES) return false;
  collectedAt = stats.allocatedBytes;
  const f = gc();
  if (f === null) return false;
  if (!reclaimWasm()) f(); // through the runtime once installed: it counts the collection (timeit then need not repeat it)
  return true;
}

let installed = false;

/**
 * Hand the kernel's `gc` to the runtime's wasm allocator (once; before a cell runs, not at
 * snapshot time). True when a collector is installed.
 *
 * @example
 * installWasmCollector() // true
 */
export function installWasmCollector(): boolean {
  if (!installed) {
    installed = true;
    const f = gc();
    if (f !== null) setCollector(f);
  }
  return gc() !== null;
}
