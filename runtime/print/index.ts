/**
 * Printing arrays as NumPy does: `String(a)` / `a.toString()` is NumPy's `str(a)`, `console.log(a)`
 * shows the same, and `repr(a)` / `np.array_repr(a)` is NumPy's `repr(a)` (what a cell shows).
 */
import { NDArray } from "../core/ndarray.js";
import { array_repr, array_str } from "./array2string.js";
import type { Kind } from "../core/rank.js";

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * NumPy's `str(a)`.
     *
     * @example
     * np.array([1, 99, 3, 4]).toString() // "[ 1 99  3  4]"
     */
    toString(): string;
  }
}

NDArray.prototype.toString = function (this: NDArray): string {
  return array_str(this);
};

Object.defineProperty(NDArray.prototype, Symbol.for("nodejs.util.inspect.custom"), {
  value: function (this: NDArray): string {
    return array_str(this);
  },
  writable: true,
  configurable: true,
  enumerable: false,
});

export { array2string, array_repr, array_str, repr, shapeRepr, type Array2StringOptions } from "./array2string.js";
export { get_printoptions, set_printoptions, type PrintOptions } from "./options.js";
export { floatScalarStr } from "./digits.js";
