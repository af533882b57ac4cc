/**
 * text/plain of an array: NumPy's `repr(a)`, written by runtime/print (np.set_printoptions applies).
 */
import type { NDArray } from "../core/ndarray.js";
import { array_repr } from "../print/array2string.js";

/**
 * NumPy's repr, as a cell result shows it.
 *
 * @example
 * plainText(np.arange(3)) // "array([0, 1, 2])"
 */
export function plainText(a: NDArray): string {
  return array_repr(a);
}
