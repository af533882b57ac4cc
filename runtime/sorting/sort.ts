/**
 * `np.sort`, `a.sort()` (in place) and `np.argsort`, `a.argsort()`, NumPy 1.24's way.
 *
 * Rules (numpy/core/fromnumeric.py, multiarray/item_selection.c):
 * - `np.sort(a, axis=-1)` copies `a` in its memory order (`copy(order="K")`: the result keeps an
 *   F array's F layout) and sorts that copy's lanes in place; `axis: null` sorts the C-order
 *   flattening. `a.sort()` sorts `a` itself (`sort array is read-only` otherwise).
 * - `argsort` gives int32 indices (NumPy's intp is int64: the runtime's integers default to
 *   int32), a new C-order array of `a`'s shape; `axis: null` argsorts the flattening; a 0-d
 *   array is raveled first (NumPy's PyArray_CheckAxis), giving shape (1,).
 * - NaN sorts after every number (also -inf < +inf < NaN), as NumPy.
 * - kinds: `quicksort` (default), `heapsort`, `mergesort`/`stable` (NumPy reads only the first
 *   letter: q, h, m, s). Sorted VALUES are the same for every kind. For `argsort`, the stable kinds
 *   give the stable order (NumPy's order, guaranteed); `quicksort` and `heapsort` run ports of
 *   NumPy 1.24's introsort and heapsort (introsort.ts), so ties come out as in NumPy 1.24's
 *   `aquicksort`/`aheapsort` too — tested, but only the stable kinds are NumPy's documented order.
 * Cost: O(n log n) per lane, one temporary lane.
 */
import { exactNumber } from "../core/cast.js";
import { DTYPES } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { normalizeAxis } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { flattenArray, ravelArray } from "../views/ravel.js";
import { keywordArgs } from "../stats/keywords.js";
import { aheapsort, aquicksort, stableArgsort } from "./introsort.js";
import { forEachLane } from "./lanes.js";

/** NumPy's sort kinds. */
export type SortKind = "quicksort" | "mergesort" | "heapsort" | "stable";

/** Keywords of sort/argsort. */
export interface SortOptions {
  /** Axis to sort along (default -1); null sorts the flattened array. */
  axis?: number | null;
  /** Algorithm (default "quicksort"). */
  kind?: SortKind | null;
  /** Field order (structured dtypes only: not supported, must be absent). */
  order?: null;
}

type Algo = "quick" | "heap" | "stable";

/** NumPy's PyArray_SortkindConverter. @example toSortKind("stable") // "stable" */
export function toSortKind(kind: unknown): Algo {
  if (kind === undefined || kind === null) return "quick";
  const c = typeof kind === "string" ? kind.charAt(0).toLowerCase() : "";
  if (c === "q") return "quick";
  if (c === "h") return "heap";
  if (c === "m" || c === "s") return "stable";
  throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${String(kind)}')`);
}

function checkOrder(o: SortOptions): void {
  if (o.order !== undefined && o.order !== null) throw new ValueError("Cannot specify order when the array has no fields.");
}

/** Sort `x`'s lanes along `axis` in place (values: every kind gives the same values). */
export function sortLanesInPlace(x: NDArray, axis: number, kind: Algo): void {
  void kind;
  const ax = normalizeAxis(axis, x.ndim);
  if (!x._writeable) throw new ValueError("sort array is read-only");
  const n = x.shape[ax];
  if (n <= 1 || x.size === 0) return;
  const tmp = new DTYPES[x.dtype].ctor(n);
  const d = x.data;
  forEachLane([x], ax, (starts, steps) => {
    const s = steps[0];
    let p = starts[0];
    let m = 0; // the numbers go first, NaNs after them (NumPy's order); V8's sort is not trusted with NaN
    for (let i = 0; i < n; i++, p += s) {
      const v = d[p];
      if (v === v) tmp[m++] = v;
    }
    tmp.subarray(0, m).sort(); // numeric order, -0 before 0
    p = starts[0];
    for (let i = 0; i < n; i++, p += s) d[p] = i < m ? tmp[i] : NaN;
  });
}

/**
 * A sorted copy of `a` along `axis` (default the last; `null`: flattened). NaNs go last. A copy,
 * in `a`'s memory order.
 *
 * @example
 * np.sort(np.array([3, 1, 2]))                         // array([1, 2, 3])
 * np.sort(np.array([[3, 1], [0, 2]]), 0).tolist()      // [[0, 1], [3, 2]]
 * np.sort(np.array([2, Number.NaN, 1]))                // array([ 1.,  2., nan])
 * np.sort(np.array([[3, 1], [0, 2]]), { axis: null })  // array([0, 1, 2, 3])
 */
export function sort(a: ArrayLike, axis?: number | null, kind?: SortKind | null): NDArray;
export function sort(a: ArrayLike, options?: SortOptions): NDArray;
export function sort(a: ArrayLike, ...args: unknown[]): NDArray {
  const o = keywordArgs<SortOptions>("sort", args, ["axis", "kind", "order"]);
  checkOrder(o);
  const algo = toSortKind(o.kind);
  const x = asarray(a);
  if (o.axis === null) {
    const f = flattenArray(x, "C");
    sortLanesInPlace(f, -1, algo);
    return f;
  }
  const c = x.copy("K");
  sortLanesInPlace(c, o.axis ?? -1, algo);
  return c;
}

/**
 * Indices that sort `a` along `axis` (default the last; `null`: flattened), int32 (NumPy: int64).
 * A new array. Ties: the stable kinds give NumPy's stable order; the default `quicksort` runs a
 * port of NumPy 1.24's introsort (the same order as NumPy 1.24, an implementation detail there).
 *
 * @example
 * np.argsort(np.array([3, 1, 2]))                              // array([1, 2, 0])
 * np.argsort(np.array([1, 0, 1, 0]), { kind: "stable" })       // array([1, 3, 0, 2])
 * np.argsort(np.array([[3, 1], [0, 2]]), 0).tolist()           // [[1, 0], [0, 1]]
 */
export function argsort(a: ArrayLike, axis?: number | null, kind?: SortKind | null): NDArray;
export function argsort(a: ArrayLike, options?: SortOptions): NDArray;
export function argsort(a: ArrayLike, ...args: unknown[]): NDArray {
  const o = keywordArgs<SortOptions>("argsort", args, ["axis", "kind", "order"]);
  checkOrder(o);
  return argsortArray(asarray(a), o.axis === null ? null : (o.axis ?? -1), toSortKind(o.kind));
}

/** argsort of an array along `axis` (null: flattened) with an algorithm. */
export function argsortArray(a: NDArray, axis: number | null, algo: Algo): NDArray {
  let x = a;
  let ax: number;
  if (axis === null || x.ndim === 0) {
    x = ravelArray(x, "C");
    ax = axis === null ? 0 : normalizeAxis(axis, 1);
  } else ax = normalizeAxis(axis, x.ndim);
  const out = newArray(x.shape, "int32", "C");
  const n = x.shape[ax];
  if (x.size === 0) return out;
  const vals = new Float64Array(n);
  const idx = new Int32Array(n);
  const d = x.data;
  const od = out.data;
  forEachLane([x, out], ax, (starts, steps) => {
    const s = steps[0];
    let p = starts[0];
    for (let i = 0; i < n; i++, p += s) {
      const v = d[p];
      vals[i] = typeof v === "bigint" ? exactNumber(v, "argsort") : v; // int64/uint64: exact up to 2^53
      idx[i] = i;
    }
    if (algo === "quick") aquicksort(vals, idx, n);
    else if (algo === "heap") aheapsort(vals, idx, 0, n);
    else stableArgsort(vals, idx);
    const t = steps[1];
    let q = starts[1];
    for (let i = 0; i < n; i++, q += t) od[q] = idx[i];
  });
  return out;
}
