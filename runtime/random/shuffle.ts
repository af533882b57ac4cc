/**
 * `shuffle` and `permutation` as NumPy draws them (mtrand.pyx / _generator.pyx, NumPy 1.24).
 *
 * Rule: Fisher-Yates from the end along axis 0: for i = n-1 down to 1, j = random_interval(i)
 * (masked rejection: a 32-bit word & the smallest 2^k - 1 >= i, redrawn until <= i), then rows
 * i and j swap. Both RandomState and Generator return at once, drawing nothing, for an array of
 * size 0 (even with rows to "swap", shape (3, 0)); `permutation` of such an array still draws. `permutation(n)` shuffles arange(n) (int32 here, int64 in NumPy:
 * the same numbers); `permutation(a)` shuffles a C-order copy. Cost: n - 1 draws, O(size) swaps.
 */
import { DTYPES } from "../core/dtype.js";
import { IndexError, ValueError } from "../core/errors.js";
import { forEachRow, contiguousCopy } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { genMask, type Uint32Source } from "./bounded.js";

/** NumPy's `random_interval(max)` for max < 2^32: uniform in [0, max]. */
export function randomInterval(src: Uint32Source, max: number): number {
  if (max === 0) return 0;
  const mask = genMask(max);
  let v: number;
  do v = (src.next32() & mask) >>> 0;
  while (v > max);
  return v;
}

/** Shuffle `x` in place along axis 0; `skipEmpty`: draw nothing for size 0 (NumPy 1.24, both generators). */
export function shuffleInPlace(src: Uint32Source, x: NDArray, skipEmpty: boolean): void {
  if (!(x instanceof NDArray)) throw new TypeError("shuffle expects an NDArray");
  if (x.ndim === 0) throw new TypeError("len() of unsized object");
  if (!x._writeable) throw new ValueError("array is read-only");
  if (skipEmpty && x.size === 0) return;
  const n = x.shape[0];
  const it = DTYPES[x.dtype].itemsize;
  const first = x.offset / it;
  const st0 = x.strides[0] / it;
  const rowShape = x.shape.slice(1);
  const rowStrides = x.strides.slice(1).map((s) => s / it);
  const data = x.data;
  const rowEmpty = rowShape.some((d) => d === 0);
  for (let i = n - 1; i >= 1; i--) {
    const j = randomInterval(src, i);
    if (i === j || rowEmpty) continue;
    forEachRow(rowShape, [rowStrides, rowStrides], [first + i * st0, first + j * st0], (offs, len, steps) => {
      let a = offs[0];
      let b = offs[1];
      const s = steps[0];
      for (let k = 0; k < len; k++, a += s, b += s) {
        const t = data[a];
        data[a] = data[b];
        data[b] = t;
      }
    });
  }
}

/** A shuffled arange(n) (int32) or a shuffled C-order copy of `x` along axis 0. */
export function permutationOf(src: Uint32Source, x: number | NDArray, skipEmpty: boolean): NDArray {
  if (typeof x === "number") {
    if (!Number.isInteger(x) || x < 0) throw new ValueError(`negative dimensions are not allowed`);
    const out = newArray([x], "int32");
    for (let i = 0; i < x; i++) out.data[i] = i;
    shuffleInPlace(src, out, skipEmpty);
    return out;
  }
  if (x.ndim === 0) throw new IndexError("x must be an integer or at least 1-dimensional");
  const out = contiguousCopy(x);
  if (out.ndim > 1 && out.size === 0 && out.shape[0] > 0) {
    // NumPy shuffles an index array here: it draws even though the rows are empty
    const idx = newArray([out.shape[0]], "int32");
    shuffleInPlace(src, idx, skipEmpty);
    return out;
  }
  shuffleInPlace(src, out, skipEmpty);
  return out;
}
