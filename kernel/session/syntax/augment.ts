/**
 * The kernel-only types that let a cell write NumPy's subscripts on arrays: `a[0]`, `a["1:3"]`,
 * `a["..., None"]`. A virtual module file augments the runtime's `NDArray` interface with index
 * signatures, so the checker (and hover/completion) types `a["1:3"]` as `NDArray` and `a[0]` as
 * `NDArray | number | boolean`, exactly as the method forms `a.get("1:3")` and `a.get(0)` are typed
 * (runtime/indexing/methods.ts). Outside the kernel nothing changes: the plain library has no
 * index signatures, and this file is only ever a virtual file of the kernel's language service.
 *
 * Rule: index strings that hold a slice (`:`), an ellipsis (`...`) or `None` always give a view
 * (`NDArray`); any other index (integers, `"1, 2"`) gives a view or an element depending on the
 * array's ndim, known only at run time. The cell rewrite (rewrite.ts) turns every such access into
 * `get`/`set` before the cell is emitted, so the signatures never reach run time.
 */
import { codeModule } from "../paths.js";

/** The virtual file name of the augmentation (under the kernel's package, never the notebook's). */
export const SYNTAX_FILE_NAME = codeModule("kernel", "session", "syntax", "__strided_syntax__.d.ts");

/** The module where `NDArray` is declared (what the augmentation patches). */
export const NDARRAY_MODULE = codeModule("runtime", "core", "ndarray.js");

/** The global name of the run-time helper for element compound assignments (`a[i] += v`). */
export const SYNTAX_HELPER = "__strided_syntax__";

/** The augmentation's text. */
export function syntaxAugmentationText(): string {
  const helper = JSON.stringify(codeModule("kernel", "session", "syntax", "helper.js"));
  const rank = JSON.stringify(codeModule("runtime", "core", "rank.js"));
  return [
    `import type { AtIndex, Kind, KindValues } from ${rank};`,
    `declare module ${JSON.stringify(NDARRAY_MODULE)} {`,
    "  interface NDArray<R extends number = number, K extends Kind = Kind> {",
    "    /** NumPy's `a[i]` in a kernel cell: `a.get(i)`, an element on 1-D (`number`, `boolean` or `bigint` by dtype), a view of one rank less on n-D; `a[i] = v` is `a.set(i, v)`. */",
    "    [index: number]: AtIndex<R, K>;",
    "    /** NumPy's basic indexing in a kernel cell: `a[\"1:3\"]`, `a[\"::-1, 1\"]`, `a[\"..., None\"]` read as `a.get(...)` (a view, typed by rank once rewritten); assigning is `a.set(...)`. */",
    "    [index: `${string}:${string}` | `${string}...${string}` | `${string}None${string}`]: NDArray<number, K>;",
    "    /** NumPy's `a[i, j]` in a kernel cell, written as one string `a[\"1, 2\"]`: `a.get(\"1, 2\")`. */",
    "    [index: `${string},${string}`]: NDArray<number, K> | KindValues[K];",
    "  }",
    "}",
    "declare global {",
    `  /** The kernel's helper for \`a[i] += v\` (NumPy's getitem, in-place ufunc, setitem). */`,
    `  const ${SYNTAX_HELPER}: typeof import(${helper}).syntaxHelper;`,
    "}",
    "",
  ].join("\n");
}
