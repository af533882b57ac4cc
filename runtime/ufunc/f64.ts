/**
 * Keeping the inner loops monomorphic: every JS loop of the compute half reads and writes
 * Float64Arrays only (Float32Array in the float32 sum), whatever the dtype.
 *
 * Why (measured here): V8 specialises a loop on the kinds of typed arrays it has seen. Once a
 * loop has run on Int32Array, Uint8Array, Float32Array... as well as Float64Array, its element
 * accesses go megamorphic and the float64 add of 1e6 elements went from ~3 ms to ~140 ms.
 * So arrays of other dtypes are converted to a Float64Array over the same element span, with
 * the same strides, by TypedArray.prototype.set (native code, no JS feedback involved); results
 * go back the same way. Every value of our nine dtypes is exact in a double, and the way back
 * (`set`) performs the C store: wrap for integers, round for float32.
 * int64/uint64 arrays (BigInt64Array) convert element by element (Number(b), rounding past 2^53,
 * and back with the x86 C cast of core/cast.ts): the exact int64 ufunc and reduction loops
 * (ufunc/int64.ts, reduce/int64.ts) never come here; only routines without an int64 loop do.
 * Cost: one native pass per converted operand and its span (the span of a strided view includes
 * its gaps); nothing for float64 arrays. The copies come from alloc.ts (unfilled: `set` writes
 * every element), so timeit's bytes per loop include them (real temporaries, as NumPy's casting
 * buffers are).
 */
import { NDArray } from "../core/ndarray.js";
import { allocateUnfilled } from "../core/alloc.js";
import { type ArrayData } from "../core/dtype.js";
import { doubleToBig } from "../core/cast.js";

/**
 * Store the numbers of `src` into `dst` from element `at` on: a native `set` (the C store of
 * the number dtypes), or, into a BigInt64Array/BigUint64Array, the x86 C cast of each double.
 *
 * @example
 * const d = new BigInt64Array(2);
 * setNumbers(d, new Float64Array([1, -2.5]));
 * d // BigInt64Array(2) [1n, -2n]
 */
export function setNumbers(dst: ArrayData, src: Float64Array | Float32Array, at = 0): void {
  if (dst instanceof BigInt64Array || dst instanceof BigUint64Array) {
    const to = dst instanceof BigInt64Array ? "int64" : "uint64";
    for (let i = 0; i < src.length; i++) dst[at + i] = doubleToBig(src[i], to);
  } else dst.set(src, at);
}

/** Copy `src[lo..hi]` (any element kind) into the number array `dst` from 0 (bigints by Number()). */
function copyNumbers(dst: Float64Array | Float32Array, src: ArrayData, lo: number, hi: number): void {
  if (src instanceof BigInt64Array || src instanceof BigUint64Array) {
    for (let i = lo; i <= hi; i++) dst[i - lo] = Number(src[i]);
  } else dst.set(src.subarray(lo, hi + 1));
}

/** First and last element index of `a` in `a.data` (lo > hi when empty). @example elementSpan(np.arange(6).get("::-2")) // [1, 5] */
export function elementSpan(a: NDArray): [number, number] {
  const first = a.offset / a.itemsize;
  if (a.size === 0) return [first, first - 1];
  let lo = first;
  let hi = first;
  for (let i = 0; i < a.ndim; i++) {
    const ext = (a.shape[i] - 1) * (a.strides[i] / a.itemsize);
    if (ext < 0) lo += ext;
    else hi += ext;
  }
  return [lo, hi];
}

/** A view of `a`'s values in a typed array of `Ctor` (same shape and element strides), and where its span starts in `a.data`. */
function asSpan(a: NDArray, Ctor: Float64ArrayConstructor | Float32ArrayConstructor, dtype: "float64" | "float32"): { view: NDArray; lo: number } {
  const [lo, hi] = elementSpan(a);
  const n = Math.max(0, hi - lo + 1);
  const data = allocateUnfilled(dtype, n, [n]) as Float64Array | Float32Array;
  if (n > 0) copyNumbers(data, a.data, lo, hi); // the whole span: no element left unwritten
  const isz = a.itemsize;
  const bytes = Ctor.BYTES_PER_ELEMENT;
  const view = new NDArray({
    data,
    dtype,
    shape: a.shape,
    strides: a.strides.map((s) => (s / isz) * bytes),
    offset: (a.offset / isz - lo) * bytes,
    base: null,
    writeable: true,
  });
  return { view, lo };
}

/**
 * `a` itself when it already lives in a Float64Array, else a float64 copy of its span with the
 * same layout; `writeBack()` stores the copy's span back into `a` (C conversion by `set`).
 *
 * @example
 * const s = asF64(np.arange(3)); // s.view.data is a Float64Array [0, 1, 2]
 */
export function asF64(a: NDArray): { view: NDArray; writeBack: () => void } {
  if (a.data instanceof Float64Array) return { view: a, writeBack: () => undefined };
  const { view, lo } = asSpan(a, Float64Array, "float64");
  return { view, writeBack: () => (view.data.length > 0 ? setNumbers(a.data, view.data as Float64Array, lo) : undefined) };
}

/** `a` itself when it lives in a Float32Array, else a float32 copy of its span (exact for the dtypes that cast safely to float32). */
export function asF32(a: NDArray): NDArray {
  if (a.data instanceof Float32Array) return a;
  return asSpan(a, Float32Array, "float32").view;
}
