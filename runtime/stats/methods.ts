/**
 * Cumulative sums and products and `ptp` as NDArray methods (`a.cumsum()`, `a.cumprod()`,
 * `a.ptp()`), as NumPy 1.24's ndarray methods (TypeScript interface merging; this module patches
 * the prototype when `np` is loaded).
 */
import type { DType } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";
import { cumprod, cumsum, type CumulativeOptions } from "./cumulative.js";
import { ptp, type PtpOptions } from "./average.js";

declare module "../core/ndarray.js" {
  interface NDArray {
    /**
     * Cumulative sum (flattened unless `axis`): `np.cumsum(a, ...)`.
     * @example np.array([1, 2, 3]).cumsum() // array([1, 3, 6])
     */
    cumsum(axis?: number | null, dtype?: DType | null, out?: NDArray | null): NDArray;
    cumsum(options?: CumulativeOptions): NDArray;
    /**
     * Cumulative product (flattened unless `axis`): `np.cumprod(a, ...)`.
     * @example np.array([1, 2, 3]).cumprod() // array([1, 2, 6])
     */
    cumprod(axis?: number | null, dtype?: DType | null, out?: NDArray | null): NDArray;
    cumprod(options?: CumulativeOptions): NDArray;
    /**
     * Peak to peak, max - min: `np.ptp(a, ...)`.
     * @example np.array([4, 9, 2]).ptp() // 7
     */
    ptp(axis?: null, out?: undefined, options?: { keepdims?: false }): number;
    ptp(options?: { axis?: null; keepdims?: false; out?: undefined }): number;
    ptp(axis: number | readonly number[] | null, out?: NDArray, options?: { keepdims?: boolean }): NDArray;
    ptp(options: PtpOptions): NDArray;
  }
}

type Loose = (a: NDArray, ...args: unknown[]) => unknown;
const define = (name: string, f: Loose): void => {
  Object.defineProperty(NDArray.prototype, name, {
    value: function (this: NDArray, ...args: unknown[]) {
      return f(this, ...args);
    },
    writable: true,
    configurable: true,
  });
};

define("cumsum", cumsum as Loose);
define("cumprod", cumprod as Loose);
define("ptp", ptp as Loose);
