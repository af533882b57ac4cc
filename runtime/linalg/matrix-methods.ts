/**
 * `a.diagonal(offset, axis1, axis2)` (NumPy's read-only view) and `a.trace(offset, axis1, axis2,
 * { dtype, out })` as NDArray methods. (TypeScript interface merging; this module patches the
 * prototype when `np` is loaded.)
 */
import { NDArray } from "../core/ndarray.js";
import { diagonal, type DiagonalOptions } from "../views/diagonal.js";
import { trace, type TraceOptions } from "./outer.js";

declare module "../core/ndarray.js" {
  interface NDArray {
    /**
     * `np.diagonal(this, ...)`: the diagonal as a read-only view.
     * @example np.arange(4).reshape(2, 2).diagonal() // array([0, 3])
     */
    diagonal(offset?: number | DiagonalOptions, axis1?: number, axis2?: number): NDArray;
    /**
     * `np.trace(this, ...)`: the sum along a diagonal (a number for 2-D arrays).
     * @example np.arange(4).reshape(2, 2).trace() // 3
     */
    trace(offset?: number | TraceOptions, axis1?: number, axis2?: number, options?: TraceOptions): NDArray | number;
  }
}

Object.defineProperty(NDArray.prototype, "diagonal", {
  value: function (this: NDArray, offset?: number | DiagonalOptions, axis1?: number, axis2?: number): NDArray {
    return diagonal(this, offset, axis1, axis2);
  },
  writable: true,
  configurable: true,
});
Object.defineProperty(NDArray.prototype, "trace", {
  value: function (this: NDArray, offset?: number | TraceOptions, axis1?: number, axis2?: number, options?: TraceOptions): NDArray | number {
    return trace(this, offset, axis1, axis2, options);
  },
  writable: true,
  configurable: true,
});
