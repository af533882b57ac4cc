/**
 * Which cell is running: an AsyncLocalStorage store set around each cell's evaluation, so that
 * output from a timer or a promise the cell started goes to THAT cell's publisher.
 * Code with no store (the kernel itself, output after a cell's publisher is gone) logs to stderr.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import { LOG_ENABLED } from "../../log.js";
import type { Publisher } from "../contract.js";
import { adoptBuiltin, process } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

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
 * Keep the store off what a cell displays. Node's AsyncLocalStorage writes it onto every async
 * resource as an ordinary (enumerable) symbol property (`resource[kResourceStore] = store`), so a
 * cell whose result is a pending promise or a timer showed `[Symbol(kResourceStore)]: { cell: 2,
 * io: RequestPublisher { outbox: Dispatcher { ... } } }`: the kernel's objects. A setter for that
 * symbol on Object.prototype turns the write into a non-enumerable own property (reads and later
 * writes are the own property's; util.inspect and the debugger's previews skip it).
 * Cost: one setter call per async resource made in a cell's context.
 */
{
  const key = (cellContext as unknown as { kResourceStore?: unknown }).kResourceStore;
  if (typeof key === "symbol") {
    const define = Object.defineProperty;
    Object.defineProperty(Object.prototype, key, {
      configurable: true,
      enumerable: false,
      get: () => undefined,
      set(this: object, store: unknown) {
        try {
          define(this, key, { value: store, writable: true, enumerable: false, configurable: true });
        } catch {
          // a frozen resource: no store, as an assignment to it would give
        }
      },
    });
    adoptBuiltin(Object.prototype, key);
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
