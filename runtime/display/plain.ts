/**
 * text/plain of an array: NumPy's `repr(a)`.
 *
 * The io engineer's runtime/print writes NumPy's exact repr; until it is loaded this module falls
 * back to a simple `array([...], dtype=...)` (nested lists, no column alignment) so a cell result
 * always has text. `setReprProvider` is how runtime/print plugs itself in without an import cycle.
 */
import type { NDArray } from "../core/ndarray.js";
import { tupleText } from "./html.js";
import { formatValue } from "./values.js";
import { valueAt } from "./walk.js";

let provider: ((a: NDArray) => string) | null = null;

/** Use `repr` (NumPy's exact text, from runtime/print) for every array's text/plain. */
export function setReprProvider(repr: (a: NDArray) => string): void {
  provider = repr;
}

function nested(a: NDArray, lead: number[]): string {
  if (lead.length === a.ndim) return formatValue(valueAt(a, lead), a.dtype);
  const parts: string[] = [];
  for (let i = 0; i < a.shape[lead.length]; i++) parts.push(nested(a, [...lead, i]));
  return `[${parts.join(", ")}]`;
}

/**
 * NumPy's repr when runtime/print is loaded, else a plain fallback.
 *
 * @example
 * plainText(np.arange(3)) // "array([0, 1, 2])"
 */
export function plainText(a: NDArray): string {
  if (provider) return provider(a);
  const defaultDtype = a.dtype === "float64" || a.dtype === "bool" || (a.dtype === "int32" && a.size > 0);
  const suffix = defaultDtype ? "" : `, dtype=${a.dtype}`;
  const body = a.size > 1000 ? `<${tupleText(a.shape)} elements>` : nested(a, []);
  return `array(${body}${suffix})`;
}
