/**
 * `show`: pictures of memory. `show.memory({ a, v })` draws which buffers arrays live in and
 * which bytes each reaches; `show.layout(a)` draws how one array walks its buffer.
 * Pure producers of SVG/HTML (no kernel imports); the kernel supplies the notebook's bindings
 * for `show.memory()` with no argument through `setScopeProvider`.
 */
import { NDArray } from "../core/ndarray.js";
import { Figure } from "./figure.js";
import { layoutFigure } from "./layout.js";
import { memoryFigure } from "./memory.js";

let scopeProvider: (() => Record<string, unknown>) | null = null;

/**
 * Called by the kernel: how `show.memory()` lists the notebook's bindings (name -> value).
 *
 * @example
 * const a = np.arange(4), v = a.get("::2");
 * setScopeProvider(() => ({ a, v }));
 * show.memory().text.includes("v shares memory with a") // true
 * setScopeProvider(null);
 */
export function setScopeProvider(provider: (() => Record<string, unknown>) | null): void {
  scopeProvider = provider;
}

/** The notebook name bound to `arr`, when the kernel told us the scope. */
function nameInScope(arr: NDArray): string | undefined {
  if (!scopeProvider) return undefined;
  for (const [k, v] of Object.entries(scopeProvider())) if (v === arr) return k;
  return undefined;
}

/** The `show` namespace. */
export const show = {
  /**
   * Which buffers the arrays live in and which bytes each one reaches, with "shares memory with"
   * conclusions. With no argument (in the kernel): every array bound in the notebook, grouped by buffer.
   *
   * @example
   * const a = np.arange(12), v = a.get("::3"), c = v.copy();
   * show.memory({ a, v, c }).text.includes("v shares memory with a") // true
   */
  memory(arrays?: Readonly<Record<string, unknown>>): Figure {
    if (arrays === undefined) {
      if (!scopeProvider) throw new TypeError("show.memory() with no argument needs the kernel's notebook scope; pass the arrays by name instead: show.memory({ a, view })");
      return memoryFigure(scopeProvider());
    }
    if (arrays instanceof NDArray) return memoryFigure({ array: arrays });
    if (typeof arrays !== "object" || arrays === null) throw new TypeError("show.memory expects arrays by name, e.g. show.memory({ a, view })");
    return memoryFigure(arrays);
  },
  /**
   * How `arr` walks its buffer: the index stored at each byte, the C-order walk, strides, and
   * what np.ascontiguousarray(arr) would change. `name` labels the picture (default "a").
   *
   * @example
   * show.layout(np.arange(6).reshape(2, 3).T).text // "a: shape (3, 2) int32, strides (4, 12) bytes = (1, 3) elements, offset 0 bytes\n..."
   */
  layout(arr: NDArray, name?: string): Figure {
    if (!(arr instanceof NDArray)) throw new TypeError(`show.layout expects an array, got ${arr === null ? "null" : typeof arr}`);
    return layoutFigure(arr, name ?? nameInScope(arr) ?? "a");
  },
};

export { Figure };
export { memoryFigure } from "./memory.js";
export { layoutFigure } from "./layout.js";
