/**
 * The kernel's handle on V8's full garbage collection, for its own between-cell and idle work
 * (session/run/wasm-collect.ts, idle-compaction.ts).
 *
 * Rule: `gc` comes from a fresh vm context after `--expose-gc` is set, so a cell's global scope
 * never gets a `gc`; null where the flag cannot be set.
 */
import v8 from "node:v8";
import vm from "node:vm";

let gcFn: (() => void) | null | undefined;

/**
 * V8's full collection as a function (made once), or null.
 *
 * @example
 * fullCollector()?.() // one full collection
 */
export function fullCollector(): (() => void) | null {
  if (gcFn === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      gcFn = vm.runInNewContext("gc") as () => void;
    } catch {
      gcFn = null;
    }
  }
  return gcFn;
}
