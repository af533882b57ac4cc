/**
 * The young generation grows only for the notebook's own code. V8 doubles the semi-spaces
 * after scavenges that keep much alive, up to 16 MB each (34 MB resident for good); the kernel's
 * own work (parsing @types/node at warm-up, a program and checker per cell) grew them to the
 * maximum, a sixth of the idle kernel's memory. With a growth factor of 1 while the kernel works
 * and V8's default (2) once a cell's code has run for GROW_AFTER_MS (the agent worker sets
 * it: the main thread is busy then; V8's flags are per process), an idle kernel keeps a 1 MB
 * semi-space (measured: warm-up as fast, RSS 186 -> 158 MB in process), short cells never grow
 * it (scavenges during a quick cell would), and allocation-heavy cells still get the larger
 * young generation they need.
 * `--semi-space-growth-factor` is read by V8 each time it grows the new space, so setting it
 * at run time takes effect (checked on Node 20); starting a Worker resets V8's flags, so it is
 * set again on every call (after the agent worker started, and after each cell, whose code
 * may start workers). Cost: parsing one flag string.
 *
 * The old generation likewise: every cell makes a new TypeScript program and checker (about
 * 0.5 MB of garbage that outlives the young generation), and V8's default growing factor lets
 * the old space reach 3-4x the live heap (60 -> 250 MB committed, kept after the collection)
 * before a full collection. While the kernel works, the limit grows by 20% past the live heap
 * (`--heap-growing-percent=20`, read by V8 each time it sets the limit): measured over 1,500
 * distinct cells in process, old space 253 -> 88 MB committed, RSS 395 -> 225 MB; once a
 * cell's code has run for GROW_AFTER_MS, V8's own heuristics (`=0`) again, so an
 * allocation-heavy cell is not slowed by more frequent full collections.
 */
import v8 from "node:v8";

/** How long a cell's code runs before the young generation may grow. */
export const GROW_AFTER_MS = 200;

const KERNEL_WORK = "--semi-space-growth-factor=1 --heap-growing-percent=20";
const USER_CODE = "--semi-space-growth-factor=2 --heap-growing-percent=0";

/**
 * Let the young generation grow (while a cell's code runs) or keep it as it is (the kernel's work).
 *
 * @example
 * youngGenerationGrows(false); // at start-up, and after each cell
 * youngGenerationGrows(true);  // a cell's code has run for GROW_AFTER_MS
 */
export function youngGenerationGrows(grows: boolean): void {
  v8.setFlagsFromString(grows ? USER_CODE : KERNEL_WORK);
}
