/**
 * Array data inside WebAssembly memory: a size-class allocator over the shared memory of
 * instance.ts, so the SIMD loops can run on the arrays' own bytes (no copy in or out).
 *
 * Rules:
 * - An allocation is a typed array over a region [ptr, ptr + classBytes) of the memory's
 *   SharedArrayBuffer (64-byte aligned). That typed array becomes the array's `data`; every view
 *   of the array shares the same `data` object, so "the allocation" of an array is its
 *   `data`'s byte range (allocationOf below): what show.memory calls a buffer.
 * - Freeing: the region goes back to the free lists (Sizes, below) when its `data` typed array is
 *   garbage-collected (a FinalizationRegistry keyed on `data` itself, not on any NDArray): as long
 *   as a user holds `a.data`, or any array or view over it, the region stays allocated, so there is
 *   no use after free through `a.data`. (A typed array the user makes over `a.data.buffer`, the
 *   whole wasm memory, is memory they address by hand, as with a pointer: not tracked.)
 * - V8 does not count wasm memory as its heap: dead 8 MB arrays cost it a few hundred bytes each,
 *   so it would not collect them for a long time. After every NUDGE_BYTES of wasm allocations the
 *   allocator makes (and drops) an ArrayBuffer of NUDGE_BYTES, which V8 does count (external
 *   memory): that prompts a collection, after which the registry frees the dead regions. The nudge
 *   runs at the end of the current job (a microtask), at most once per job: inside a synchronous
 *   loop it could free nothing sooner (finalizers run between tasks) and cost the loop 6-22 ms.
 *   With a collector (node --expose-gc) it is a full collection there instead (reclaimWasm).
 *   Measured on Node 20 (10,000 temporaries of 8 MB, one per event-loop turn): no nudge, nothing
 *   freed (80 GB outstanding); 64 MB nudges, 8.9 GB peak; 256 MB nudges, 0.7-0.85 GB peak.
 * - Finalizers only run between event-loop tasks. Inside one synchronous loop nothing can be
 *   freed, so when the bytes outstanding would pass BUDGET_BYTES the allocator answers null and
 *   the caller (core/alloc.ts) makes an ordinary ArrayBuffer instead (collected by V8 as usual;
 *   its loops run in JavaScript). The footprint stays bounded by the budget.
 * - Except where the engine offers `FinalizationRegistry.prototype.cleanupSome` (Node 20 started
 *   with --harmony-weak-refs-with-cleanup-some; detected once): then, before growing or giving up
 *   at the budget, the allocator runs the callbacks of regions a collection (a nudge's, a scavenge's)
 *   already found dead, so a synchronous loop (%timeit) keeps reusing wasm regions. Measured, 20,000
 *   `np.add(a, b)` of 1e4 float64 in one loop: without it 6,551 results in wasm memory and 33-35 us
 *   a call (the rest ordinary buffers, JS loops), with it all 20,000 and 6-7 us a call.
 * - With a collector as well (setCollector: the kernel's gc; else node --expose-gc's global gc):
 *   every CYCLE_BYTES of wasm allocations (adaptive, 32-448 MiB: 6.4 MiB per ms the last
 *   collection took) the allocator runs a full collection and cleanupSome itself, instead of the
 *   nudge, so a synchronous loop reuses its own dead results' regions (already touched) and wasm
 *   memory stays near one cycle; over the budget it collects once 64 MiB were allocated since the
 *   last collection. timeit collects the same way between runs (reclaimWasm), untimed. Only a full
 *   collection clears FinalizationRegistry targets in Node 20 (not a minor one, nor
 *   gc({ type: "major" })). A collection inside an allocation can free any region whose `data` is
 *   unreachable: code must not keep a raw address across an allocation without keeping its typed
 *   array (or array) reachable until the address is last used.
 * - Sizes: an allocation takes a whole size class: multiples of 64 bytes up to 1 KiB, then four
 *   classes per power of two (waste at most 25%). Free regions are blocks of any multiple of 64
 *   bytes, listed by the largest class they hold. An allocation takes, in order: a block of its own
 *   class (the last pushed: the registry runs its callbacks newest region first, so after a
 *   collection a loop gets its regions back in the order it first made them; handing out the
 *   newest first, malloc's LIFO, measured no faster in the sweep's harness, whose full collection
 *   between repeats leaves nothing warm, and its alternating walk direction a little slower); a
 *   block of the smallest larger class, split (the rest stays free); after merging adjacent free blocks
 *   (consolidate), when enough was freed since the last merge, a block that now fits; else fresh
 *   memory at the bump pointer (a merged block that ends there is given back to it). So regions
 *   freed by arrays of one size serve arrays of other sizes: a process walking many sizes stays
 *   near its peak of live bytes (before the merging, every class kept its own regions for good,
 *   and such a walk took the memory to 4 GiB). The memory grows (at least doubling) only when no
 *   free block fits; it never shrinks (wasm memory cannot), so its high-water mark stays mapped.
 *   Largest array in wasm memory: 4 GiB (wasm32) less what is in use; bigger ones are ordinary
 *   ArrayBuffers.
 * Cost: allocation O(1) when a block of its class or a larger one is free (a pop, a scan of the
 *   ~100 class lists at most, a typed array, a registry entry: about 0.1 us measured here, plus
 *   the collector's work on the registry entry), O(F log F) for a merge of F free blocks;
 *   freeing O(1) in the finalizer.
 */
import { DTYPES, type ArrayData, type DType } from "../core/dtype.js";
import { MAX_PAGES, wasm, type WasmMemory } from "./instance.js";

/** Bytes of wasm allocations after which the allocator nudges V8 to collect (see the file head). */
export const NUDGE_BYTES = 256 * 2 ** 20;
/**
 * With a collector and cleanupSome: bytes of wasm allocations between two synchronous collections
 * inside one loop. Adaptive: after each collection, CYCLE_BYTES_PER_MS per millisecond it took,
 * between 32 MiB and the budget less 64 MiB (448 MiB; at least half the budget), so collections
 * cost about the same per byte allocated whatever the heap (plain node's 5-9 ms give ~40 MiB
 * cycles; the kernel's 60-75 ms, the checker's heap, the largest). STRIDED_WASM_CYCLE_MB fixes it
 * (read at first use; see the file head).
 */
export let CYCLE_BYTES = 32 * 2 ** 20;
/** Cycle bytes per millisecond a collection took (~0.15 ns of collection per byte allocated). */
const CYCLE_BYTES_PER_MS = 6.4 * 2 ** 20;
const MIN_CYCLE_BYTES = 32 * 2 ** 20;
let cycleFixed = false;
/** With a collector: wasm bytes allocated since the last collection before an over-budget allocation collects. */
const MIN_RECLAIM_BYTES = 64 * 2 ** 20;
/** Most bytes held in wasm memory at once; STRIDED_WASM_BUDGET_MB overrides (read at first use). */
export let BUDGET_BYTES = 512 * 2 ** 20;
const PAGE = 65536;
const ALIGN = 64;

let top = ALIGN; // bump pointer (address 0 is never handed out)
/** The highest `top` so far: memory from here up was never handed out, so it is still zero (a fresh grow). */
let high = ALIGN;
let outstanding = 0;
let sinceNudge = 0;
let sinceCollect = 0;
let collections = 0;
let collectMs = 0;
/** The full, synchronous collection setCollector installed (the kernel's gc), or null. */
let collector: (() => void) | null = null;
let freedTotal = 0;
let allocatedTotal = 0;
let configured = false;
/**
 * Free blocks by size: free[k] holds the blocks whose size has floor class k
 * (classBytes(k) <= size < classBytes(k + 1)), each as its address in ALIGN units (a small
 * integer) when its size is exactly classBytes(k), else as -1 - that (its size in `oddSizes`);
 * the last pushed is handed out first.
 */
const free: number[][] = [];
/** Sizes of the free blocks that are not exactly a class's size (split rests, merged runs), by address in ALIGN units. */
const oddSizes = new Map<number, number>();
/** Bytes in free blocks (so top - ALIGN = outstanding + freeBytes). */
let freeBytes = 0;
/** Bytes freed since the last merge (consolidate). */
let freedSinceMerge = 0;
let merges = 0;
/** Every SharedArrayBuffer object of the memory handed out (a new one after each grow). */
const buffers = new Set<ArrayBufferLike>();
let current: ArrayBufferLike | null = null;
/**
 * Size class of `bytes`: its index and size. Up to 1 KiB, multiples of 64 bytes (classes 0-15);
 * above, four classes per power of two (16 + 4(k - 10) + q - 1 for 2^k < bytes <= 2^(k+1)).
 *
 * @example
 * classOf(100) // [1, 128]
 * classOf(5000) // [24, 5120]
 */
export function classOf(bytes: number): [number, number] {
  if (bytes <= 1024) {
    const c = Math.max(1, Math.ceil(bytes / ALIGN));
    return [c - 1, c * ALIGN];
  }
  const k = 31 - Math.clz32(bytes - 1); // 2^k < bytes <= 2^(k+1), 10 <= k <= 31 (bytes <= 4 GiB)
  // shifts, not `2 ** (k - 2)`: V8 runs a variable power through its pow routine, ~50 ns, which
  // was a third of an allocation's cost (measured 2026-12-05: classOf 82 -> 7 ns a call)
  const step = 1 << (k - 2); // at most 2^29
  const q = ((bytes - 1) >>> (k - 2)) - 3; // ceil(bytes / step) - 4, 1..4
  return [16 + (k - 10) * 4 + q - 1, (4 + q) * step];
}

/** Bytes of size class `idx` (the inverse of classOf). @example classBytes(24) // 5120 */
export function classBytes(idx: number): number {
  if (idx < 16) return (idx + 1) * ALIGN;
  const j = idx - 16;
  const k = 10 + Math.floor(j / 4);
  return (4 + (j % 4) + 1) * (1 << (k - 2)); // k <= 31: a shift (see classOf)
}

const registry = new FinalizationRegistry<number>((held) => {
  const idx = held % 128;
  const bytes = classBytes(idx);
  (free[idx] ??= []).push((held - idx) / 128); // its address in ALIGN units: a block of exactly its class
  outstanding -= bytes;
  freedTotal += bytes;
  freeBytes += bytes;
  freedSinceMerge += bytes;
});

/** Put the free block [ptr, ptr + bytes) on its floor class's list (freeBytes is the caller's). */
function pushFree(ptr: number, bytes: number): void {
  const [idx, size] = classOf(bytes);
  const unit = ptr / ALIGN;
  if (size === bytes) (free[idx] ??= []).push(unit);
  else {
    oddSizes.set(unit, bytes);
    (free[idx - 1] ??= []).push(-1 - unit);
  }
}

/**
 * A free region of `bytes` (class `idx`) from the list of class `idx`, else (`larger`) from the
 * smallest non-empty larger class, the rest of the block going back as a free block of its own;
 * -1 when there is none.
 */
function takeFree(idx: number, bytes: number, larger: boolean): number {
  let k = idx;
  let list: number[] | undefined = free[idx];
  if (list === undefined || list.length === 0) {
    if (!larger) return -1;
    list = undefined;
    for (k = idx + 1; k < free.length; k++) {
      const l = free[k];
      if (l !== undefined && l.length > 0) {
        list = l;
        break;
      }
    }
    if (list === undefined) return -1;
  }
  const e = list.pop() as number;
  let ptr: number;
  let size: number;
  if (e >= 0) {
    ptr = e * ALIGN;
    size = k === idx ? bytes : classBytes(k);
  } else {
    ptr = (-1 - e) * ALIGN;
    size = oddSizes.get(-1 - e) as number;
    oddSizes.delete(-1 - e);
  }
  if (size > bytes) pushFree(ptr + bytes, size - bytes);
  freeBytes -= bytes;
  return ptr;
}

/**
 * Merge adjacent free blocks (all classes) into one block each, and give a block that ends at the
 * bump pointer back to it: what lets regions freed by arrays of one size serve arrays of another,
 * so a process walking many sizes stays near its peak of live bytes. Cost O(F log F) for F free
 * blocks; run only when no free block fits and enough was freed since the last merge (wasmAllocate).
 */
function consolidate(): void {
  const blocks: number[] = []; // start, size pairs in ALIGN units
  for (let k = 0; k < free.length; k++) {
    const list = free[k];
    if (list === undefined) continue;
    const units = classBytes(k) / ALIGN;
    for (const e of list) {
      if (e >= 0) blocks.push(e, units);
      else blocks.push(-1 - e, (oddSizes.get(-1 - e) as number) / ALIGN);
    }
    list.length = 0;
  }
  oddSizes.clear();
  const order = Array.from({ length: blocks.length / 2 }, (_, i) => 2 * i).sort((i, j) => blocks[i] - blocks[j]);
  const runs: number[] = [];
  for (const i of order) {
    const n = runs.length;
    if (n > 0 && runs[n - 2] + runs[n - 1] === blocks[i]) runs[n - 1] += blocks[i + 1];
    else runs.push(blocks[i], blocks[i + 1]);
  }
  let n = runs.length;
  if (n > 0 && (runs[n - 2] + runs[n - 1]) * ALIGN === top) {
    top = runs[n - 2] * ALIGN;
    freeBytes -= runs[n - 1] * ALIGN;
    n -= 2;
  }
  for (let i = 0; i < n; i += 2) pushFree(runs[i] * ALIGN, runs[i + 1] * ALIGN);
  freedSinceMerge = 0;
  merges += 1;
}

/**
 * `registry.cleanupSome()` where the engine has it (Node 20 behind --harmony-weak-refs-with-cleanup-some):
 * runs the callbacks of regions the collector has already found dead, synchronously, so a long
 * synchronous loop (%timeit) gets them back before falling back to ordinary buffers. Looked up at
 * each call, never kept from module evaluation: in the kernel's startup snapshot this module is
 * evaluated by the snapshot builder, and a cleanupSome captured there freed nothing in the
 * deserialised kernel (measured: reclaimWasm after 1,000 dead results, freedBytes 0; looked up
 * at the call, 8 MB). False where the engine has none.
 */
function cleanupSome(): boolean {
  const f = (registry as unknown as { cleanupSome?: () => void }).cleanupSome;
  if (typeof f !== "function") return false;
  f.call(registry);
  return true;
}

/** Whether the engine has FinalizationRegistry.prototype.cleanupSome (a property read). */
function hasCleanupSome(): boolean {
  return typeof (registry as unknown as { cleanupSome?: unknown }).cleanupSome === "function";
}

/**
 * The number an environment variable holds, or NaN when it is unset or blank: `Number("")` is 0,
 * so `STRIDED_WASM_BUDGET_MB=` (set but empty, as a shell line or a kernel.json env entry leaves it)
 * read as a budget of 0 bytes and put every array outside wasm memory (measured: astype of 1e6
 * float64 to float32 12 ms a call instead of 0.26 ms).
 *
 * @example
 * envNumber("STRIDED_UNSET_VARIABLE") // NaN
 */
export function envNumber(name: string): number {
  const v = process.env[name];
  return v === undefined || v.trim() === "" ? NaN : Number(v);
}

function configure(): void {
  configured = true;
  const mb = envNumber("STRIDED_WASM_BUDGET_MB");
  if (Number.isFinite(mb) && mb >= 0) BUDGET_BYTES = mb * 2 ** 20;
  const cy = envNumber("STRIDED_WASM_CYCLE_MB");
  cycleFixed = Number.isFinite(cy) && cy > 0;
  if (cycleFixed) CYCLE_BYTES = cy * 2 ** 20;
}

/** The largest cycle: the budget less MIN_RECLAIM_BYTES, at least half the budget. */
function maxCycle(): number {
  return Math.max(BUDGET_BYTES / 2, BUDGET_BYTES - MIN_RECLAIM_BYTES);
}

/**
 * Give the allocator a full, synchronous garbage collection to run (the kernel passes its `gc`,
 * kernel/session/run/wasm-collect.ts; null takes it back). Without one, `globalThis.gc` is used
 * when it is a function (node --expose-gc).
 *
 * @example
 * setCollector(null) // undefined
 */
export function setCollector(fn: (() => void) | null): void {
  collector = fn;
}

/** The collector to use: setCollector's, else node --expose-gc's global `gc`, else null. */
function collectorFn(): (() => void) | null {
  if (collector !== null) return collector;
  const g = (globalThis as { gc?: unknown }).gc;
  return typeof g === "function" ? (g as () => void) : null;
}

/**
 * Collect now and hand the regions of dead arrays back at once: a full collection (the collector,
 * see setCollector), then the registry's callbacks through cleanupSome where the engine has it
 * (elsewhere they run after the current task). timeit calls it before runs, untimed. False when
 * there is no collector or less than `minBytes` were allocated in wasm memory since the last
 * collection it made (nothing done).
 *
 * @example
 * reclaimWasm() // false (no collector: plain node without --expose-gc)
 */
export function reclaimWasm(minBytes = 0): boolean {
  const f = collectorFn();
  if (f === null || sinceCollect < minBytes) return false;
  const t0 = performance.now();
  f();
  const ms = performance.now() - t0;
  collections += 1;
  collectMs += ms;
  if (!cycleFixed) CYCLE_BYTES = Math.min(maxCycle(), Math.max(MIN_CYCLE_BYTES, ms * CYCLE_BYTES_PER_MS));
  cleanupSome();
  sinceCollect = 0;
  sinceNudge = 0;
  return true;
}

/**
 * Bytes of wasm allocations that can still be made before the allocator must either collect
 * inside the current job (with a collector and cleanupSome: every CYCLE_BYTES) or hand out
 * ordinary buffers (past BUDGET_BYTES outstanding); Infinity without wasm. timeit's autorange
 * stops at the count of calls whose results fit (runtime/timeit/timeit.ts).
 *
 * @example
 * wasmRoomBytes() > 0 // true
 */
export function wasmRoomBytes(): number {
  if (wasm() === null) return Infinity;
  if (!configured) configure();
  const budget = BUDGET_BYTES - outstanding;
  return hasCleanupSome() && collectorFn() !== null ? Math.min(budget, CYCLE_BYTES - sinceCollect) : budget;
}

/** Grow the memory so that `end` bytes fit; false when it cannot (4 GiB or the system refuses). */
function ensure(memory: WasmMemory, end: number): boolean {
  const have = memory.buffer.byteLength;
  if (end <= have) return true;
  const havePages = have / PAGE;
  const needPages = Math.ceil(end / PAGE);
  if (needPages > MAX_PAGES) return false;
  const want = Math.min(MAX_PAGES, Math.max(needPages, havePages * 2));
  try {
    memory.grow(want - havePages);
  } catch {
    try {
      memory.grow(needPages - havePages);
    } catch {
      return false;
    }
  }
  current = null;
  return true;
}

/**
 * A typed array of `size` elements of `dtype` in wasm memory, or null (no wasm, over the budget,
 * or no room): the caller then allocates an ordinary ArrayBuffer. `zero`: the contents must be 0.
 *
 * @example
 * wasmAllocate("float64", 1000, true)?.length // 1000
 */
export function wasmAllocate(dtype: DType, size: number, zero: boolean): ArrayData | null {
  const w = wasm();
  if (w === null) return null;
  if (!configured) configure();
  const info = DTYPES[dtype];
  const [idx, bytes] = classOf(size * info.itemsize);
  // a synchronous loop with a collector and cleanupSome: collect every CYCLE_BYTES, so the loop
  // reuses the regions of its own dead results (already touched) instead of fresh pages
  if (hasCleanupSome() && (sinceCollect >= CYCLE_BYTES || (outstanding + bytes > BUDGET_BYTES && sinceCollect >= MIN_RECLAIM_BYTES)) && collectorFn() !== null) reclaimWasm();
  if (outstanding + bytes > BUDGET_BYTES) cleanupSome(); // regions V8 already found dead, freed now (see the file head)
  if (outstanding + bytes > BUDGET_BYTES) {
    // over budget: the caller makes an ordinary buffer, which V8 counts; nudge once in a while
    sinceNudge += bytes;
    sinceCollect += bytes;
    if (sinceNudge >= NUDGE_BYTES && !(hasCleanupSome() && collectorFn() !== null)) nudge(NUDGE_BYTES);
    return null;
  }
  let ptr = takeFree(idx, bytes, false);
  if (ptr < 0 && cleanupSome()) ptr = takeFree(idx, bytes, false);
  if (ptr < 0) ptr = takeFree(idx, bytes, true);
  // merge free blocks when they may now hold one that fits (enough freed since the last merge)
  if (ptr < 0 && freeBytes >= bytes && freedSinceMerge >= Math.min(bytes, freeBytes / 8)) {
    consolidate();
    ptr = takeFree(idx, bytes, true);
  }
  if (ptr < 0) {
    if (!ensure(w.memory, top + bytes)) return null;
    ptr = top;
    top += bytes;
  }
  const reused = ptr < high; // memory below `high` was handed out before: not zero any more
  if (top > high) high = top;
  let buffer = current;
  if (buffer === null) {
    buffer = current = w.memory.buffer;
    buffers.add(buffer);
  }
  const data = new info.ctor(buffer, ptr, size);
  if (zero && reused) {
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) data.fill(0n);
    else data.fill(0);
  }
  registry.register(data, (ptr / ALIGN) * 128 + idx);
  outstanding += bytes;
  allocatedTotal += bytes;
  sinceCollect += bytes;
  sinceNudge += bytes;
  if (sinceNudge >= NUDGE_BYTES && !(hasCleanupSome() && collectorFn() !== null)) nudge(NUDGE_BYTES);
  return data;
}

/** Make V8 count `bytes` of external memory for a moment, prompting a collection (see the file head). */
function nudgeNow(bytes: number): void {
  try {
    new ArrayBuffer(Math.max(bytes, 2 ** 20));
  } catch {
    // no room even for the nudge: nothing to do
  }
}

/** Whether a nudge is queued for the end of the current job (nudge), and allocatedTotal then. */
let nudgeQueued = false;
let nudgeQueuedAt = 0;

/**
 * Prompt a collection (nudgeNow) at the end of the current job, once however many NUDGE_BYTES the
 * job allocates: the regions a collection finds dead come back only in finalizers, which run
 * between tasks, so a nudge inside a synchronous loop frees nothing earlier than one after it, and
 * each cost the loop its time: measured 2026-12-05 (load 10-12), the sweep's `np.add(a, b)` chunks
 * of 20 ms at 1e4-1e6 elements held 1-2 in-loop nudges of 6-22 ms each (making the 256 MB
 * ArrayBuffer; V8 starts incremental marking there and finishes it in a task after the loop). Synchronous where the
 * engine has cleanupSome (the allocator then frees, inside the loop, what the nudge's collection
 * found dead) or no queueMicrotask (looked up at the call).
 */
function nudge(bytes: number): void {
  sinceNudge = 0;
  const queue = (globalThis as { queueMicrotask?: unknown }).queueMicrotask;
  if (hasCleanupSome() || typeof queue !== "function") return nudgeNow(bytes);
  // once per job; queued again only if 1 GiB of wasm allocations went by without it running (a
  // microtask queue dropped by a terminated execution must not stop the nudges for good)
  if (nudgeQueued && allocatedTotal - nudgeQueuedAt < 4 * NUDGE_BYTES) return;
  nudgeQueued = true;
  nudgeQueuedAt = allocatedTotal;
  try {
    (queue as (cb: () => void) => void)(() => {
      nudgeQueued = false;
      // with a collector (node --expose-gc), collect now, synchronously, between jobs: the 256 MB
      // buffer starts V8's incremental marking instead, which then finishes inside whatever runs next
      // (measured: 3-8 ms of marking steps and pause inside the sweep's next timed chunk)
      if (!reclaimWasm()) nudgeNow(bytes);
    });
  } catch {
    // a queueMicrotask a cell replaced and that throws: nudge now, as before
    nudgeQueued = false;
    nudgeNow(bytes);
  }
}

/**
 * Whether `buffer` is (one of the ArrayBuffer objects of) the wasm memory.
 *
 * @example
 * inWasmMemory(np.zeros(1000).data.buffer) // true (false under STRIDED_NO_WASM=1)
 */
export function inWasmMemory(buffer: ArrayBufferLike): boolean {
  return buffer === current || buffers.has(buffer);
}

/** What the allocator holds now. */
export interface WasmHeapStats {
  /** Bytes of the wasm memory (its high-water mark: it never shrinks). */
  readonly memoryBytes: number;
  /** Bytes in live allocations (size classes). */
  readonly outstandingBytes: number;
  /** Bytes freed by the collector so far. */
  readonly freedBytes: number;
  /** Bytes handed out so far (every allocation, freed or not). */
  readonly allocatedBytes: number;
  /** Collections the allocator ran through its collector (reclaimWasm: timeit's and the loop cycle's). */
  readonly collections: number;
  /** Milliseconds those collections took, in all. */
  readonly collectMs: number;
  /** Bytes of the memory handed out so far, allocated or free (the bump pointer less its first 64 bytes): outstandingBytes + freeBytes. */
  readonly extentBytes: number;
  /** Bytes in free regions, waiting to be handed out again (freed by the collector, not yet reused). */
  readonly freeBytes: number;
  /** Times the free regions were merged (consolidate: an allocation no free region fitted). */
  readonly merges: number;
}

/**
 * The wasm heap's numbers, or null without wasm.
 *
 * @example
 * const s = wasmHeapStats(); // null without wasm
 * s === null || s.outstandingBytes >= 0 // true
 */
export function wasmHeapStats(): WasmHeapStats | null {
  const w = wasm();
  if (w === null) return null;
  return {
    memoryBytes: w.memory.buffer.byteLength, outstandingBytes: outstanding, freedBytes: freedTotal, allocatedBytes: allocatedTotal,
    collections, collectMs, extentBytes: top - ALIGN, freeBytes, merges,
  };
}

/**
 * The allocation `data` belongs to, as the object that identifies it and the byte range it spans
 * in that object: an ordinary ArrayBuffer is one allocation (the whole buffer); in wasm memory an
 * allocation is the range of the `data` typed array (every view of an array shares its `data`).
 *
 * @example
 * allocationOf(np.zeros(4).data).bytes // 32 (an ordinary ArrayBuffer: the whole buffer)
 */
export function allocationOf(data: ArrayData): { key: object | string; start: number; bytes: number } {
  const buffer = data.buffer;
  // keyed by the region's address, so typed arrays of another dtype over the same region (a.view) are the same allocation
  if (inWasmMemory(buffer)) return { key: `wasm@${data.byteOffset}`, start: data.byteOffset, bytes: data.byteLength };
  return { key: buffer, start: 0, bytes: buffer.byteLength };
}
