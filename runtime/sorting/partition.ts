/**
 * `np.partition`, `a.partition()` (in place) and `np.argpartition`, `a.argpartition()`.
 *
 * Rule (numpy/core/fromnumeric.py, multiarray/item_selection.c, NumPy 1.24): for every `k` in
 * `kth`, the element at position k of each lane along `axis` is the one a sort would put there,
 * no element before it is greater and none after it is smaller (NaN sorts last). That property is
 * all NumPy promises: the order inside each side comes from its introselect and is
 * implementation-defined. DECISION: the runtime sorts the lanes (the sorted order has the
 * property for every kth at once), so its arrangement inside the sides differs from NumPy's and
 * code must not depend on it, as NumPy says; cost O(n log n) per lane where NumPy's introselect is
 * O(n). `argpartition` gives the indices of that arrangement (a stable sort: ties in index order).
 * Arguments and errors are NumPy's: `kth` an integer or a sequence of them (negative counts from
 * the end; `kth(=k) out of bounds (n)`, checked only for a non-empty array), `kind` only
 * "introselect", `axis: null` works on the C-order flattening; `np.partition` copies in memory
 * order (`copy("K")`, as `np.sort`); `a.partition` needs a writeable array and at least one axis;
 * `argpartition` gives int32 indices (NumPy: intp), a 0-d array raveled to shape (1,).
 */
import { DTYPES } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { readFlat } from "../core/iterate.js";
import type { NDArray } from "../core/ndarray.js";
import type { KindOf, RankOf } from "../core/rank.js";
import { normalizeAxis } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { flattenArray, ravelArray } from "../views/ravel.js";
import { keywordArgs } from "../stats/keywords.js";
import { argsortArray, sortLanesInPlace } from "./sort.js";

/** Keywords of partition/argpartition. */
export interface PartitionOptions {
  /** Axis along which to partition (default -1); null: the flattened array. */
  axis?: number | null;
  /** Selection algorithm: only "introselect" (NumPy's only kind). */
  kind?: "introselect";
  /** Field order (structured dtypes only: not supported, must be absent). */
  order?: null;
}

/** NumPy's argument checks before partitioning: kind, then order. */
function checkKindOrder(o: PartitionOptions): void {
  if (o.kind !== undefined && o.kind !== "introselect") throw new ValueError(`select kind must be 'introselect' (got '${String(o.kind)}')`);
  if (o.order !== undefined && o.order !== null) throw new ValueError("Cannot specify order when the array has no fields.");
}

/**
 * NumPy's partition_prep_kth_array: kth as integers in [0, n) (negative ones + n), checked
 * against n only when the array has elements.
 *
 * @example
 * kthPositions([1, -1], 5, true) // [1, 4]
 */
export function kthPositions(kth: unknown, n: number, check: boolean): number[] {
  let ks: number[];
  if (typeof kth === "number" || typeof kth === "boolean" || typeof kth === "bigint") {
    const k = Number(kth);
    if (!Number.isInteger(k)) throw new TypeError("Partition index must be integer");
    ks = [k];
  } else {
    const t = asarray(kth as ArrayLike);
    if (t.ndim > 1) throw new ValueError("object too deep for desired array");
    if (DTYPES[t.dtype].kind === "f") throw new TypeError("Partition index must be integer");
    ks = Array.from(readFlat(t) as Iterable<number | bigint | boolean>, Number);
  }
  return ks.map((k0) => {
    const k = k0 < 0 ? k0 + n : k0;
    if (check && (k < 0 || k >= n)) throw new ValueError(`kth(=${k}) out of bounds (${n})`);
    return k;
  });
}

/** Partition `x` in place along `axis` (what `a.partition` does). */
export function partitionInPlace(x: NDArray, kth: unknown, axis: number, o: PartitionOptions): void {
  checkKindOrder(o);
  if (!x._writeable) throw new ValueError("partition array is read-only");
  const ax = normalizeAxis(axis, x.ndim);
  kthPositions(kth, x.shape[ax], x.size > 0);
  sortLanesInPlace(x, ax, "quick");
}

/**
 * A partitioned copy of `a`: along `axis` (default the last; `null`: flattened) the element at each
 * `kth` position is where a sort would put it, smaller-or-equal ones before, larger-or-equal after.
 * The order within each side is unspecified (NumPy's and the runtime's differ: the runtime
 * sorts). NaNs go last.
 *
 * @example
 * const p = np.partition(np.array([3, 4, 2, 1]), 2);
 * p.get(2)                                              // 3
 * np.partition(np.array([7, 1, 5, 3]), [0, -1]).tolist() // [1, 3, 5, 7] (1 first, 7 last; the middle in any order)
 */
export function partition<A extends ArrayLike>(a: A, kth: number | readonly number[] | NDArray, axis?: number, kind?: "introselect", order?: null): NDArray<RankOf<A>, KindOf<A>>;
export function partition<A extends ArrayLike, O extends PartitionOptions>(a: A, kth: number | readonly number[] | NDArray, options: O): NDArray<O extends { axis: null } ? 1 : RankOf<A>, KindOf<A>>;
export function partition(a: ArrayLike, kth: number | readonly number[] | NDArray, ...args: unknown[]): NDArray {
  const o = keywordArgs<PartitionOptions>("partition", args, ["axis", "kind", "order"]);
  const x = asarray(a);
  const c = o.axis === null ? flattenArray(x, "C") : x.copy("K");
  partitionInPlace(c, kth, o.axis ?? -1, o);
  return c;
}

/**
 * Indices that partition `a` along `axis` (default the last; `null`: flattened): `a` taken at them
 * (`np.take_along_axis(a, idx, axis)`) is partitioned around every `kth`. int32 (NumPy: intp).
 * The order within each side is unspecified (here: sorted, ties by index).
 *
 * @example
 * const x = np.array([3, 4, 2, 1]);
 * np.argpartition(x, 2).get(2)                          // 0 (x[0] = 3 is the third smallest)
 * np.take_along_axis(x, np.argpartition(x, 1), -1).get(1) // 2
 */
export function argpartition<A extends ArrayLike>(a: A, kth: number | readonly number[] | NDArray, axis?: number | null, kind?: "introselect", order?: null): NDArray<RankOf<A> extends 0 ? 1 : RankOf<A>, "number">;
export function argpartition<A extends ArrayLike, O extends PartitionOptions>(a: A, kth: number | readonly number[] | NDArray, options: O): NDArray<O extends { axis: null } ? 1 : RankOf<A> extends 0 ? 1 : RankOf<A>, "number">;
export function argpartition(a: ArrayLike, kth: number | readonly number[] | NDArray, ...args: unknown[]): NDArray {
  const o = keywordArgs<PartitionOptions>("argpartition", args, ["axis", "kind", "order"]);
  checkKindOrder(o);
  let x = asarray(a);
  let ax: number;
  if (o.axis === null || x.ndim === 0) {
    x = ravelArray(x, "C");
    ax = o.axis === null ? 0 : normalizeAxis(o.axis ?? -1, 1);
  } else ax = normalizeAxis(o.axis ?? -1, x.ndim);
  kthPositions(kth, x.shape[ax], x.size > 0);
  return argsortArray(x, ax, "stable");
}
