/**
 * `np.asrank(a, n)`: the one-line, checked narrowing of an array whose rank the types cannot know
 * (a parameter typed `NDArray`, `np.load`, a shape computed at run time) to `NDArray<n>`.
 * Rule: returns `a` itself (no copy, no view) when `a.ndim === n`, else throws a ValueError; the
 * unchecked alternative is the annotation `a as NDArray<n>`. Cost: O(1).
 */
import { ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { formatShape } from "./shape.js";
import type { KindOf } from "./rank.js";

/**
 * `a` typed with rank `ndim` (checked at run time): `np.asrank(np.load("m.npy"), 2)[1, 2]` is a number.
 *
 * @example
 * const a: NDArray = np.zeros([2, 3]);
 * np.asrank(a, 2).shape // [2, 3]
 * np.asrank(a, 1) // throws ValueError: expected an array of rank 1, got rank 2 (shape (2, 3))
 */
export function asrank<A extends NDArray, const N extends number>(a: A, ndim: N): NDArray<N, KindOf<A>> {
  if (!(a instanceof NDArray)) throw new TypeError("asrank expects an NDArray");
  if (a.ndim !== ndim) throw new ValueError(`expected an array of rank ${ndim}, got rank ${a.ndim} (shape ${formatShape(a.shape)})`);
  return a as unknown as NDArray<N, KindOf<A>>;
}
