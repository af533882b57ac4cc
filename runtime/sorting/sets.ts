/**
 * NumPy's 1-D set routines: `np.in1d`, `np.intersect1d`, `np.union1d`, `np.setdiff1d`, `np.setxor1d`.
 *
 * Rules (numpy/lib/arraysetops.py, NumPy 1.24), followed step for step with the runtime's own
 * `unique`, `concatenate`, `sort`, `argsort` and comparisons, so dtypes, NaNs and errors are theirs:
 * - Inputs are flattened (C order). Unless `assume_unique`, each is made unique first (`unique`,
 *   which collapses NaNs into one). Results are new sorted 1-D arrays.
 * - `in1d(ar1, ar2)` is `isin(ar1, ar2).ravel()`: NaN is in nothing, -0 equals 0.
 * - `intersect1d`: sort the concatenation, keep each value equal to its successor. Its dtype is
 *   `concatenate`'s (the promotion of both); `return_indices` adds the indices of the first
 *   occurrences in each flattened input (int32: the runtime's index type; NumPy's intp is int64).
 *   NaN is never common (NaN != NaN).
 * - `union1d`: `unique(concatenate([ar1, ar2], axis=None))`.
 * - `setdiff1d`: the unique values of ar1 not in ar2 (ar1's dtype).
 * - `setxor1d`: sort the concatenation, keep values equal to neither neighbour; a NaN of each
 *   input survives (NaN != NaN), as in NumPy.
 * - `assume_unique: true` skips `unique` (faster); the inputs must then really be unique, as in
 *   NumPy, or the answer is unspecified (it is NumPy's, whose steps are followed).
 * Cost: O((n + m) log(n + m)).
 */
import { ValueError } from "../core/errors.js";
import type { NDArray } from "../core/ndarray.js";
import type { Kind, KindOf } from "../core/rank.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { ravelArray } from "../views/ravel.js";
import { concatenate } from "../views/join.js";
import { equal, not_equal, logical_and, subtract } from "../ufunc/ufuncs.js";
import { keywordArgs } from "../stats/keywords.js";
import { isin, unique, type IsinOptions } from "./unique.js";
import { argsortArray } from "./sort.js";

/** The element kind of a join of A and B: theirs when they agree, else unknown (promotion decides). */
type JoinKind<A, B> = [KindOf<A>] extends [KindOf<B>] ? ([KindOf<B>] extends [KindOf<A>] ? KindOf<A> : Kind) : Kind;

/** `a[mask]` with a bool mask of the same length (a copy). */
const masked = (a: NDArray, mask: NDArray): NDArray => a.get(mask as NDArray<1, "boolean">) as NDArray;

/** `unique` of an input, or its flattening when `assume_unique`. */
const prepared = (a: ArrayLike, assumeUnique: boolean): NDArray => (assumeUnique ? ravelArray(asarray(a), "C") : (unique(a) as NDArray));

/**
 * Whether each element of the flattened `ar1` is in `ar2`: a 1-D bool array (`invert` negates).
 * `np.isin` keeps `ar1`'s shape instead.
 *
 * @example
 * np.in1d(np.array([0, 1, 2, 5, 0]), [0, 2])                   // array([ True, False,  True, False,  True])
 * np.in1d(np.array([0, 1, 2, 5, 0]), [0, 2], { invert: true }) // array([False,  True, False,  True, False])
 */
export function in1d(ar1: ArrayLike, ar2: ArrayLike, assume_unique?: boolean, invert?: boolean): NDArray<1, "boolean">;
export function in1d(ar1: ArrayLike, ar2: ArrayLike, options?: IsinOptions): NDArray<1, "boolean">;
export function in1d(ar1: ArrayLike, ar2: ArrayLike, ...args: unknown[]): NDArray<1, "boolean"> {
  const o = keywordArgs<IsinOptions>("in1d", args, ["assume_unique", "invert"]);
  return ravelArray(isin(ravelArray(asarray(ar1), "C"), ar2, o), "C") as NDArray<1, "boolean">;
}

/** Keywords of intersect1d. */
export interface Intersect1dOptions {
  /** Whether both inputs are already unique (default false). */
  assume_unique?: boolean;
  /** Also give the indices of the common values in each flattened input (default false). */
  return_indices?: boolean;
}

/**
 * The sorted unique values in both `ar1` and `ar2` (flattened); with `return_indices` a JS array
 * `[common, ar1_indices, ar2_indices]` (first occurrences, int32).
 *
 * @example
 * np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1])                              // array([1, 3])
 * const [xy, i, j] = np.intersect1d([1, 1, 2, 3, 4], [2, 1, 4, 6], { return_indices: true });
 * i // array([0, 2, 4])
 * j // array([1, 0, 2])
 */
export function intersect1d<A extends ArrayLike, B extends ArrayLike>(ar1: A, ar2: B, options: Intersect1dOptions & { return_indices: true }): [NDArray<1, JoinKind<A, B>>, NDArray<1, "number">, NDArray<1, "number">];
export function intersect1d<A extends ArrayLike, B extends ArrayLike>(ar1: A, ar2: B, assume_unique: boolean | undefined, return_indices: true): [NDArray<1, JoinKind<A, B>>, NDArray<1, "number">, NDArray<1, "number">];
export function intersect1d<A extends ArrayLike, B extends ArrayLike>(ar1: A, ar2: B, options?: Intersect1dOptions & { return_indices?: false }): NDArray<1, JoinKind<A, B>>;
export function intersect1d<A extends ArrayLike, B extends ArrayLike>(ar1: A, ar2: B, assume_unique?: boolean, return_indices?: false): NDArray<1, JoinKind<A, B>>;
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, options?: Intersect1dOptions): NDArray<1> | [NDArray<1>, NDArray<1, "number">, NDArray<1, "number">];
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, ...args: unknown[]): NDArray<1> | NDArray[] {
  const o = keywordArgs<Intersect1dOptions>("intersect1d", args, ["assume_unique", "return_indices"]);
  const assumeUnique = o.assume_unique === true;
  let a1: NDArray;
  let a2: NDArray;
  let ind1: NDArray | undefined;
  let ind2: NDArray | undefined;
  if (assumeUnique) {
    a1 = ravelArray(asarray(ar1), "C");
    a2 = ravelArray(asarray(ar2), "C");
  } else if (o.return_indices === true) {
    [a1, ind1] = unique(ar1, { return_index: true });
    [a2, ind2] = unique(ar2, { return_index: true });
  } else {
    a1 = unique(ar1);
    a2 = unique(ar2);
  }
  let aux = concatenate([a1, a2]) as NDArray;
  let order: NDArray | undefined;
  if (o.return_indices === true) {
    order = argsortArray(aux, -1, "stable");
    aux = aux.get(order as NDArray<1, "number">) as NDArray;
  } else aux.sort();
  const n = aux.shape[0];
  const mask = equal(aux.get("1:"), aux.get(`:${Math.max(n - 1, 0)}`));
  const common = masked(aux.get(`:${Math.max(n - 1, 0)}`), mask) as NDArray<1>;
  if (order === undefined) return common;
  let i1 = masked(order.get(`:${Math.max(n - 1, 0)}`), mask);
  let i2 = subtract(masked(order.get("1:"), mask), a1.size) as NDArray;
  if (ind1 !== undefined && ind2 !== undefined) {
    i1 = ind1.get(i1 as NDArray<1, "number">) as NDArray;
    i2 = ind2.get(i2 as NDArray<1, "number">) as NDArray;
  }
  return [common, i1, i2];
}

/**
 * The sorted unique values in either input (flattened): `np.unique(np.concatenate([ar1, ar2], { axis: null }))`.
 *
 * @example
 * np.union1d([-1, 0, 1], [-2, 0, 2]) // array([-2, -1,  0,  1,  2])
 */
export function union1d<A extends ArrayLike, B extends ArrayLike>(ar1: A, ar2: B): NDArray<1, JoinKind<A, B>> {
  return unique(concatenate([asarray(ar1), asarray(ar2)], { axis: null })) as NDArray<1, JoinKind<A, B>>;
}

/** Keywords of setdiff1d and setxor1d. */
export interface SetOptions {
  /** Whether both inputs are already unique (default false). */
  assume_unique?: boolean;
}

/**
 * The sorted unique values of `ar1` that are not in `ar2` (ar1's dtype; with `assume_unique`,
 * ar1's flattened order).
 *
 * @example
 * np.setdiff1d(np.array([1, 2, 3, 2, 4, 1]), np.array([3, 4, 5, 6])) // array([1, 2])
 */
export function setdiff1d<A extends ArrayLike>(ar1: A, ar2: ArrayLike, assume_unique?: boolean): NDArray<1, KindOf<A>>;
export function setdiff1d<A extends ArrayLike>(ar1: A, ar2: ArrayLike, options?: SetOptions): NDArray<1, KindOf<A>>;
export function setdiff1d(ar1: ArrayLike, ar2: ArrayLike, ...args: unknown[]): NDArray<1> {
  const o = keywordArgs<SetOptions>("setdiff1d", args, ["assume_unique"]);
  const assumeUnique = o.assume_unique === true;
  const a1 = prepared(ar1, assumeUnique);
  const a2 = assumeUnique ? ar2 : prepared(ar2, false);
  return masked(a1, in1d(a1, a2, { assume_unique: true, invert: true })) as NDArray<1>;
}

/**
 * The sorted values in exactly one of the inputs (flattened, unique first unless `assume_unique`).
 *
 * @example
 * np.setxor1d(np.array([1, 2, 3, 2, 4]), np.array([2, 3, 5, 7, 5])) // array([1, 4, 5, 7])
 */
export function setxor1d<A extends ArrayLike, B extends ArrayLike>(ar1: A, ar2: B, assume_unique?: boolean): NDArray<1, JoinKind<A, B>>;
export function setxor1d<A extends ArrayLike, B extends ArrayLike>(ar1: A, ar2: B, options?: SetOptions): NDArray<1, JoinKind<A, B>>;
export function setxor1d(ar1: ArrayLike, ar2: ArrayLike, ...args: unknown[]): NDArray<1> {
  const o = keywordArgs<SetOptions>("setxor1d", args, ["assume_unique"]);
  const assumeUnique = o.assume_unique === true;
  // NumPy concatenates the inputs as given when assume_unique (axis 0: n-D inputs stay n-D)
  const a1 = assumeUnique ? asarray(ar1) : prepared(ar1, false);
  const a2 = assumeUnique ? asarray(ar2) : prepared(ar2, false);
  const aux = concatenate([a1, a2]) as NDArray;
  if (aux.size === 0) return aux as NDArray<1>;
  aux.sort();
  const n = aux.shape[aux.ndim - 1];
  if (aux.ndim !== 1) {
    // NumPy: np.concatenate(([True], aux[1:] != aux[:-1], [True])) of an n-D aux
    throw new ValueError(`all the input arrays must have same number of dimensions, but the array at index 0 has 1 dimension(s) and the array at index 1 has ${aux.ndim} dimension(s)`);
  }
  const differs = not_equal(aux.get("1:"), aux.get(`:${n - 1}`));
  const flag = concatenate([asarray([true]), differs, asarray([true])]);
  return masked(aux, logical_and(flag.get("1:"), flag.get(`:${n}`))) as NDArray<1>;
}
