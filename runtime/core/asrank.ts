/**
 * `np.asrank(a, n)`: the one-line, checked narrowing of an array whose rank the types cannot know
 * (a parameter typed `NDArray`, `np.load`, a shape computed at run time) to `NDArray<n>`;
 * `np.asrank(a, n, "number")` also narrows the element kind (`"number"`, `"boolean"` for bool,
 * `"bigint"` for int64/uint64), so that `a[i]` is a plain `number`.
 * Rule: returns `a` itself (no copy, no view) when `a.ndim === n` (and its dtype is of that kind),
 * else throws a ValueError; the unchecked alternative is the annotation `a as NDArray<n, "number">`.
 * Cost: O(1).
 */
import { ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { formatShape } from "./shape.js";
import type { Kind, KindOf } from "./rank.js";

/** The element kind of a dtype: what its elements read back as. */
function kindOf(dtype: string): Kind {
  return dtype === "bool" ? "boolean" : dtype === "int64" || dtype === "uint64" ? "bigint" : "number";
}

/**
 * `a` typed with rank `ndim` (and element kind `kind`), checked at run time:
 * `np.asrank(np.load("m.npy"), 2, "number")[1, 2]` is a number.
 *
 * @example
 * const a: NDArray = np.zeros([2, 3]);
 * np.asrank(a, 2).shape // [2, 3]
 * np.asrank(a, 2, "number").item(0) // 0
 * np.asrank(a, 1) // throws ValueError: expected an array of rank 1, got rank 2 (shape (2, 3))
 * np.asrank(a, 2, "boolean") // throws ValueError: expected an array of kind boolean, got dtype float64
 */
export function asrank<A extends NDArray, const N extends number>(a: A, ndim: N): NDArray<N, KindOf<A>>;
export function asrank<const N extends number, const K extends Kind>(a: NDArray, ndim: N, kind: K): NDArray<N, K>;
export function asrank(a: NDArray, ndim: number, kind?: Kind): NDArray {
  if (!(a instanceof NDArray)) throw new TypeError("asrank expects an NDArray");
  if (a.ndim !== ndim) throw new ValueError(`expected an array of rank ${ndim}, got rank ${a.ndim} (shape ${formatShape(a.shape)})`);
  if (kind !== undefined && kindOf(a.dtype) !== kind) throw new ValueError(`expected an array of kind ${kind}, got dtype ${a.dtype}`);
  return a;
}
