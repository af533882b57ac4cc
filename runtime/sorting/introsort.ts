/**
 * NumPy 1.24's index sorts (numpy/core/src/npysort/quicksort.cpp `aquicksort_`, heapsort.cpp
 * `aheapsort_`), ported step for step so `argsort` gives NumPy's order even among ties.
 *
 * Rule: `less(a, b)` is a < b, with NaN after every number (NumPy's `Tag::less` for floats:
 * a < b || (b != b && a == a)). Introsort: while a partition has more than 16 elements (pr - pl > 15), take the
 * median of first, middle and last (swapping them into order), park it at pr - 1, partition with
 * two scans, push the larger side on a stack; depth limit 2 * floor(log2 n), past which the
 * partition is heap-sorted; partitions of at most 16 elements are insertion-sorted. Stable kinds need no
 * port: every stable sort gives the same order (value, then index). Cost: O(n log n) comparisons.
 */

/** NumPy's NaN-last comparison. @example less(1, NaN) // true */
export function less(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/** NumPy's `aheapsort_` on `idx[lo .. lo + n)`, comparing `v[idx[i]]`. */
export function aheapsort(v: ArrayLike<number>, idx: Int32Array, lo: number, n: number): void {
  // a[k] is idx[lo + k - 1] (NumPy offsets the array by one for heap indexing)
  const b = lo - 1;
  let i: number;
  let j: number;
  let tmp: number;
  for (let l = n >> 1; l > 0; --l) {
    tmp = idx[b + l];
    for (i = l, j = l << 1; j <= n; ) {
      if (j < n && less(v[idx[b + j]], v[idx[b + j + 1]])) j += 1;
      if (less(v[tmp], v[idx[b + j]])) {
        idx[b + i] = idx[b + j];
        i = j;
        j += j;
      } else break;
    }
    idx[b + i] = tmp;
  }
  for (; n > 1; ) {
    tmp = idx[b + n];
    idx[b + n] = idx[b + 1];
    n -= 1;
    for (i = 1, j = 2; j <= n; ) {
      if (j < n && less(v[idx[b + j]], v[idx[b + j + 1]])) j++;
      if (less(v[tmp], v[idx[b + j]])) {
        idx[b + i] = idx[b + j];
        i = j;
        j += j;
      } else break;
    }
    idx[b + i] = tmp;
  }
}

const SMALL_QUICKSORT = 15; // npysort_common.h

/** floor(log2 n) for n >= 1 (NumPy's npy_get_msb); 0 for n <= 1. */
function msb(n: number): number {
  let d = 0;
  while ((n = Math.floor(n / 2)) > 0) d++;
  return d;
}

/**
 * NumPy's `aquicksort_`: sort `idx[0 .. n)` (initially 0..n-1) by `v[idx[i]]`.
 *
 * @example
 * const idx = Int32Array.from([0, 1, 2]); aquicksort([3, 1, 2], idx, 3); idx // Int32Array [1, 2, 0]
 */
export function aquicksort(v: ArrayLike<number>, idx: Int32Array, num: number): void {
  let pl = 0;
  let pr = num - 1;
  const stack: number[] = [];
  const depth: number[] = [];
  let cdepth = msb(num) * 2;
  let pm: number, pi: number, pj: number, pk: number, vi: number, t: number;
  let vp: number;
  for (;;) {
    if (cdepth < 0) {
      aheapsort(v, idx, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        pm = pl + ((pr - pl) >> 1);
        if (less(v[idx[pm]], v[idx[pl]])) { t = idx[pm]; idx[pm] = idx[pl]; idx[pl] = t; }
        if (less(v[idx[pr]], v[idx[pm]])) { t = idx[pr]; idx[pr] = idx[pm]; idx[pm] = t; }
        if (less(v[idx[pm]], v[idx[pl]])) { t = idx[pm]; idx[pm] = idx[pl]; idx[pl] = t; }
        vp = v[idx[pm]];
        pi = pl;
        pj = pr - 1;
        t = idx[pm]; idx[pm] = idx[pj]; idx[pj] = t;
        for (;;) {
          do ++pi; while (less(v[idx[pi]], vp));
          do --pj; while (less(vp, v[idx[pj]]));
          if (pi >= pj) break;
          t = idx[pi]; idx[pi] = idx[pj]; idx[pj] = t;
        }
        pk = pr - 1;
        t = idx[pi]; idx[pi] = idx[pk]; idx[pk] = t;
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depth.push(--cdepth);
      }
      for (pi = pl + 1; pi <= pr; ++pi) {
        vi = idx[pi];
        vp = v[vi];
        pj = pi;
        pk = pi - 1;
        while (pj > pl && less(vp, v[idx[pk]])) idx[pj--] = idx[pk--];
        idx[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop() as number;
    pl = stack.pop() as number;
    cdepth = depth.pop() as number;
  }
}

/**
 * A stable index sort (value order, NaN last, ties by index): the order of NumPy's mergesort,
 * timsort and radix sort alike.
 *
 * @example
 * const idx = Int32Array.from([0, 1, 2]); stableArgsort([2, 1, 1], idx); idx // Int32Array [1, 2, 0]
 */
export function stableArgsort(v: ArrayLike<number>, idx: Int32Array): void {
  idx.sort((i, j) => {
    const a = v[i];
    const b = v[j];
    if (less(a, b)) return -1;
    if (less(b, a)) return 1;
    return i - j;
  });
}
