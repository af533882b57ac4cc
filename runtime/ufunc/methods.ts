/**
 * Math methods of NDArray: `a.clip(min, max)` is `np.clip(a, min, max)`, `a.round(decimals)` is
 * `np.round(a, decimals)`. (TypeScript interface merging; this module patches the prototype when
 * `np` is loaded.)
 */
import { NDArray } from "../core/ndarray.js";
import { clip, type ClipBound, type ClipOptions } from "./clip.js";
import { round, type RoundOptions } from "./round.js";
import type { Kind } from "../core/rank.js";

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * `np.clip(this, a_min, a_max, options)`: a new array (or `out`) with values limited to [a_min, a_max].
     * @example np.arange(5).clip(1, 3) // array([1, 1, 2, 3, 3])
     */
    clip(a_min: ClipBound | ClipOptions, a_max?: ClipBound, options?: ClipOptions): NDArray<R, K>;
    /**
     * `np.round(this, decimals, options)`: NumPy's rounding (ties to even); integers with decimals >= 0 return this array.
     * @example np.array([1.25, 2.5]).round(1) // array([1.2, 2.5])
     */
    round(decimals?: number | RoundOptions, options?: RoundOptions): NDArray<R, K>;
  }
}

Object.defineProperty(NDArray.prototype, "clip", {
  value: function (this: NDArray, a_min: ClipBound | ClipOptions, a_max?: ClipBound, options?: ClipOptions): NDArray {
    return clip(this, a_min, a_max, options) as NDArray;
  },
  writable: true,
  configurable: true,
});
Object.defineProperty(NDArray.prototype, "round", {
  value: function (this: NDArray, decimals?: number | RoundOptions, options?: RoundOptions): NDArray {
    return round(this, decimals, options) as NDArray;
  },
  writable: true,
  configurable: true,
});
