/**
 * Searching and sorting as NDArray methods: `a.sort()` (in place), `a.argsort()`, `a.nonzero()`,
 * `a.searchsorted(v)`, as NumPy's ndarray methods (TypeScript interface merging; this module
 * patches the prototype when `np` is loaded).
 */
import { NDArray } from "../core/ndarray.js";
import type { ArrayLike } from "../create/array.js";
import { keywordArgs } from "../stats/keywords.js";
import { nonzero } from "./nonzero.js";
import { searchsorted, type SearchsortedOptions } from "./search.js";
import { argsort, sortLanesInPlace, toSortKind, type SortKind, type SortOptions } from "./sort.js";
import { ValueError } from "../core/errors.js";
import type { Kind } from "../core/rank.js";
import { argpartition, partitionInPlace, type PartitionOptions } from "./partition.js";

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * Sort in place along `axis` (default the last; NaN last). Returns nothing, as NumPy.
     * @example
     * const a = np.array([3, 1, 2]); a.sort(); a // array([1, 2, 3])
     */
    sort(axis?: number, kind?: SortKind | null): void;
    sort(options?: { axis?: number; kind?: SortKind | null; order?: null }): void;
    /**
     * Indices that sort along `axis` (int32): `np.argsort(a, ...)`.
     * @example np.array([3, 1, 2]).argsort() // array([1, 2, 0])
     */
    argsort(axis?: number | null, kind?: SortKind | null): NDArray;
    argsort(options?: SortOptions): NDArray;
    /**
     * Indices of the non-zero elements, one int32 array per axis: `np.nonzero(a)`.
     * @example np.array([0, 2, 0, 3]).nonzero() // [array([1, 3])]
     */
    nonzero(): NDArray<1, "number">[];
    /**
     * Where `v` would be inserted to keep this sorted 1-D array sorted: `np.searchsorted(a, v, ...)`.
     * @example np.array([1, 2, 3]).searchsorted(2, "right") // 2
     */
    searchsorted(v: number, side?: "left" | "right", sorter?: ArrayLike | null): number;
    searchsorted(v: number, options?: SearchsortedOptions): number;
    searchsorted(v: ArrayLike, side?: "left" | "right", sorter?: ArrayLike | null): NDArray;
    searchsorted(v: ArrayLike, options?: SearchsortedOptions): NDArray;
    /**
     * Partition in place along `axis` (default the last) around each `kth`: `np.partition`'s
     * property, in place (the order within each side is unspecified). Returns nothing, as NumPy.
     * @example
     * const a = np.array([3, 4, 2, 1]); a.partition(3); a.get(3) // 4
     */
    partition(kth: number | readonly number[] | NDArray, axis?: number, kind?: "introselect", order?: null): void;
    partition(kth: number | readonly number[] | NDArray, options?: { axis?: number; kind?: "introselect"; order?: null }): void;
    /**
     * Indices that partition along `axis` around each `kth` (int32): `np.argpartition(a, kth, ...)`.
     * @example np.array([3, 4, 2, 1]).argpartition(0).get(0) // 3
     */
    argpartition(kth: number | readonly number[] | NDArray, axis?: number | null, kind?: "introselect", order?: null): NDArray;
    argpartition(kth: number | readonly number[] | NDArray, options?: PartitionOptions): NDArray;
  }
}

const define = (name: string, value: (this: NDArray, ...args: never[]) => unknown): void => {
  Object.defineProperty(NDArray.prototype, name, { value, writable: true, configurable: true });
};

define("sort", function (this: NDArray, ...args: unknown[]): void {
  const o = keywordArgs<SortOptions>("sort", args, ["axis", "kind", "order"]);
  if (o.order !== undefined && o.order !== null) throw new ValueError("Cannot specify order when the array has no fields.");
  sortLanesInPlace(this, o.axis ?? -1, toSortKind(o.kind));
});
define("argsort", function (this: NDArray, ...args: unknown[]): NDArray {
  return (argsort as (a: NDArray, ...r: unknown[]) => NDArray)(this, ...args);
});
define("nonzero", function (this: NDArray): NDArray[] {
  return nonzero(this);
});
define("searchsorted", function (this: NDArray, ...args: unknown[]): NDArray | number {
  return (searchsorted as (a: NDArray, ...r: unknown[]) => NDArray | number)(this, ...args);
});
define("partition", function (this: NDArray, kth: unknown, ...args: unknown[]): void {
  const o = keywordArgs<PartitionOptions>("partition", args, ["axis", "kind", "order"]);
  partitionInPlace(this, kth, o.axis ?? -1, o);
});
define("argpartition", function (this: NDArray, kth: unknown, ...args: unknown[]): NDArray {
  return (argpartition as (a: NDArray, k: unknown, ...r: unknown[]) => NDArray)(this, kth, ...args);
});
