/**
 * Which cell is running: an AsyncLocalStorage store set around each cell's evaluation, so that
 * output from a timer or a promise the cell started goes to THAT cell's publisher.
 * Code with no store (the kernel itself, output after a cell's publisher is gone) logs to stderr.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { inspect } from "node:util";
import v8 from "node:v8";
import { LOG_ENABLED } from "../../log.js";
import type { Publisher } from "../contract.js";
import { process } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** What a running cell may publish to, and whether it may ask for input. */
export interface CellContext {
  /** The cell's number in this session (1, 2, ...). */
  readonly cell: number;
  readonly io: Publisher;
  readonly allowStdin: boolean;
}

/** The store of the cell whose code is running now. */
export const cellContext = new AsyncLocalStorage<CellContext>();

/**
 * How a cell's store looks where Node shows it. Node's AsyncLocalStorage writes the store onto
 * every async resource made in a cell (`resource[kResourceStore] = store`, an enumerable symbol
 * property), so `console.log(promise)` lists it, as Node's REPL lists a promise's async ids; it
 * reads `[strided cell N]`, never the publisher behind it. A cell's result has those properties
 * hidden (display/bundle.ts). (Hiding them at the write, with a setter on Object.prototype, cost
 * every promise a defineProperty: `await null` 4-5x slower.)
 *
 * @example
 * showStoreBriefly(ctx); util.inspect(ctx) // "[strided cell 3]"
 */
export function showStoreBriefly(ctx: CellContext): void {
  try {
    Object.defineProperty(ctx, inspect.custom, { value: () => `[strided cell ${ctx.cell}]`, configurable: true, enumerable: false });
  } catch {
    // a frozen context: shown in full, nothing breaks
  }
}

/** The running cell's context, or undefined outside any cell. */
export function currentCell(): CellContext | undefined {
  return cellContext.getStore();
}

/**
 * The kernel's log: stderr, written with the original write so it never loops back into a cell.
 * Bound when this module loads, or, inside the startup-snapshot builder (where touching
 * process.stderr makes a stream the snapshot cannot hold), as the snapshot is deserialised,
 * still before any cell runs (kernel/snapshot/entry.ts).
 */
export const logToStderr: (text: string) => void = (() => {
  let write: ((text: string) => unknown) | null = null;
  const bind = (): void => {
    write = process.stderr.write.bind(process.stderr);
  };
  if (v8.startupSnapshot?.isBuildingSnapshot?.()) v8.startupSnapshot.addDeserializeCallback(bind);
  else bind();
  return (text: string) => {
    if (LOG_ENABLED) write?.(text);
  };
})();
