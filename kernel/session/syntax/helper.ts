/**
 * The one run-time helper of the NumPy-syntax rewrite: `a[i] += v` (and `-=`, `*=`, ...), which
 * NumPy runs as getitem, an in-place ufunc, setitem. A view (`a["1:3"] += 1`, or `a[0]` on n-D) is
 * updated in place with `out=` (so NumPy's same_kind casting rule applies: `+= 1.5` on an int
 * view raises); a copy (`a[mask] += 1`, fancy indexing) is updated in place and stored back; an
 * element (`a[0]` on 1-D) gets the ufunc's result stored back with `set`.
 * Cost: one `get`, one ufunc call, one `typeof` test (the only run-time test the rewrite emits,
 * because whether `a[0]` is an element or a view depends on the array's ndim).
 *
 * Installed as the non-enumerable global `__strided_syntax__` when this module loads (the kernel's
 * compiler loads it before the first cell runs).
 */
import type { NDArray } from "../../../runtime/core/ndarray.js";
import type { IndexArg } from "../../../runtime/indexing/resolve.js";
import type { ArrayLike } from "../../../runtime/create/array.js";
import type { BinaryUFunc } from "../../../runtime/ufunc/ufuncs.js";
import type { Kind } from "../../../runtime/core/rank.js";
import { SYNTAX_HELPER } from "./augment.js";

export const syntaxHelper = {
  /**
   * NumPy's `a[index] op= value`: in place on a view, stored back for an element.
   *
   * @example
   * const a = np.arange(4);
   * __strided_syntax__.updateAt(np.add, a, ["1:3"], 10); // a is now [0, 11, 12, 3]
   */
  updateAt(ufunc: BinaryUFunc<Kind>, target: NDArray, index: readonly IndexArg[], value: ArrayLike): NDArray | number | boolean | bigint {
    const current = target.get(...index);
    if (typeof current === "object") {
      ufunc(current, value, { out: current });
      // a fancy or mask index gave a copy (it owns its data): store it back, as NumPy's setitem does
      if (current.base === null) target.set(...index, current);
      return current;
    }
    const result = ufunc(current as ArrayLike, value);
    target.set(...index, result);
    return result;
  },
};

Object.defineProperty(globalThis, SYNTAX_HELPER, { value: syntaxHelper, configurable: true, enumerable: false, writable: false });
