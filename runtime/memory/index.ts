/** The memory functions of `np` (runtime/memory). */
export { shares_memory, may_share_memory, byte_bounds, overlap, type ShareOptions } from "./shares.js";
export { as_strided, type AsStridedOptions } from "./as-strided.js";
export { sliding_window_view, type SlidingWindowOptions } from "./sliding-window.js";
export { solveMayShareMemory, solveDiophantine, memoryExtents, type Overlap } from "./overlap.js";
