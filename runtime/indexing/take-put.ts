/**
 * `np.take` / `a.take` and `np.put` / `a.put`: elements picked or written by integer indices.
 *
 * Rule (numpy/core/src/multiarray/item_selection.c PyArray_TakeFrom and PyArray_PutTo, NumPy
 * 1.24): take along `axis` gives shape `a.shape[:axis] + indices.shape + a.shape[axis+1:]`, a new
 * C-ordered array of a's dtype (axis None takes from the C-order flattening); a 0-d result is
 * returned as a number, as NumPy returns a scalar. put writes `values` (cast to a's dtype,
 * repeated cyclically) at the C-order flat positions `ind`. Modes: 'raise' (an index outside
 * [-n, n) is an IndexError; negative counts from the end), 'wrap' (modulo n), 'clip' (clamped to
 * [0, n-1], so negative indices give 0). Non-integer indices truncate toward zero (NumPy's cast
 * to intp). Cost: O(result size) for take, O(len(ind)) for put.
 */
import { IndexError, ValueError } from "../core/errors.js";
import { copyInto, readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { array, asarray, type ArrayLike } from "../create/array.js";
import { isOptions, normalizeAxisIndex } from "../views/args.js";
import { ascontiguousarray } from "../views/contiguous.js";
import { ravelArray } from "../views/ravel.js";

/** How out-of-range indices are treated. */
export type ClipMode = "raise" | "wrap" | "clip";

/** Options of `take`. */
export interface TakeOptions {
  axis?: number | null;
  out?: NDArray;
  mode?: ClipMode;
}

function checkMode(mode: unknown): ClipMode {
  if (mode === undefined || mode === null) return "raise";
  if (mode === "raise" || mode === "wrap" || mode === "clip") return mode;
  throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${String(mode)}')`);
}

/** The index list (flattened, truncated toward zero) and the shape of `indices`. */
function indexList(indices: ArrayLike): { list: number[]; shape: readonly number[] } {
  const idx = typeof indices === "number" ? array(indices) : asarray(Array.isArray(indices) && indices.length === 0 ? new Int32Array(0) : indices);
  return { list: Array.from(readFlat(idx) as Iterable<number | bigint>, (v) => Math.trunc(Number(v))), shape: idx.shape };
}

/** Map index `i` into [0, n) by `mode`, or throw NumPy's IndexError. */
function adjust(i: number, n: number, axis: number, mode: ClipMode): number {
  if (mode === "raise") {
    if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
    return i < 0 ? i + n : i;
  }
  if (mode === "wrap") return ((i % n) + n) % n;
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/**
 * NumPy's PyArray_TakeFrom.
 *
 * @example
 * takeFrom(np.arange(5), [4, 0], null, "raise") // array([4, 0])
 */
export function takeFrom(a: NDArray, indices: ArrayLike, axisArg: number | null, mode: ClipMode, out?: NDArray): NDArray | number | boolean {
  const src = axisArg === null ? ravelArray(a, "C") : a;
  const axis = axisArg === null ? 0 : normalizeAxisIndex(axisArg, Math.max(src.ndim, 1));
  const s = src.ndim === 0 ? ravelArray(src, "C") : src;
  const { list, shape: ishape } = indexList(indices);
  const n = s.shape[axis];
  const outer = s.shape.slice(0, axis).reduce((x, y) => x * y, 1);
  const inner = s.shape.slice(axis + 1).reduce((x, y) => x * y, 1);
  const shape = [...s.shape.slice(0, axis), ...ishape, ...s.shape.slice(axis + 1)];
  if (out !== undefined && (out.ndim !== shape.length || out.shape.some((d, i) => d !== shape[i]))) {
    throw new ValueError("output array does not match result of ndarray.take");
  }
  const res = newArray(shape, s.dtype, "C", false); // unfilled: every element is written below
  if (res.size > 0) {
    if (n === 0) throw new IndexError("cannot do a non-empty take from an empty axes.");
    const pos = list.map((i) => adjust(i, n, axis, mode));
    const c = ascontiguousarray(s);
    const from = c.data;
    const at0 = c.offset / c.itemsize;
    const to = res.data;
    let o = 0;
    for (let p = 0; p < outer; p++) {
      for (const j of pos) {
        const start = at0 + (p * n + j) * inner;
        for (let k = 0; k < inner; k++) to[o++] = from[start + k];
      }
    }
  } else {
    // NumPy checks each index once per outer element (PyArray_TakeFrom's loop): none when the axes before `axis` hold nothing
    for (const i of list) if (mode === "raise" && outer > 0) adjust(i, n, axis, mode);
  }
  if (out !== undefined) {
    copyInto(out, res);
    return out;
  }
  if (res.ndim === 0) return res.dtype === "bool" ? res.data[0] !== 0 : (res.data[0] as number);
  return res;
}

function takeArgs(axis: number | null | TakeOptions | undefined, rest: readonly unknown[]): { axis: number | null; out?: NDArray; mode: ClipMode } {
  if (isOptions(axis)) {
    const o = axis as TakeOptions;
    return { axis: o.axis ?? null, out: o.out, mode: checkMode(o.mode) };
  }
  const [out, mode] = rest as [NDArray | null | undefined, ClipMode | undefined];
  return { axis: (axis as number | null | undefined) ?? null, out: out ?? undefined, mode: checkMode(mode) };
}

/**
 * Elements of `a` at `indices` along `axis` (from the flattened array when no axis): a new array,
 * or a number when the result has no dimensions. Modes 'raise' (default), 'wrap', 'clip'.
 *
 * @example
 * const a = np.array([4, 3, 5, 7, 6, 8]);
 * np.take(a, [0, 1, 4]) // array([4, 3, 6])
 * np.take(a, [[0, 1], [2, 3]]) // array([[4, 3], [5, 7]])
 * np.take(a, 2) // 5
 * np.take(np.arange(6).reshape(2, 3), [2, 0], { axis: 1 }).tolist() // [[2, 0], [5, 3]]
 * np.take(a, [7, -8], { mode: "clip" }).tolist() // [8, 4]
 */
export function take(a: ArrayLike, indices: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null, mode?: ClipMode): NDArray | number | boolean {
  const o = takeArgs(axis, [out, mode]);
  return takeFrom(asarray(a), indices, o.axis, o.mode, o.out);
}

/** Options of `put`. */
export interface PutOptions {
  mode?: ClipMode;
}

/**
 * NumPy's PyArray_PutTo: write `values` (cycled) at C-order flat positions `ind` of `a`.
 *
 * @example
 * const a = np.arange(5);
 * putTo(a, [0, 2], [-44, -55], "raise");
 * a.tolist() // [-44, 1, -55, 3, 4]
 */
export function putTo(a: NDArray, ind: ArrayLike, values: ArrayLike, mode: ClipMode): void {
  if (!a._writeable) throw new ValueError("put: output array is read-only");
  const { list } = indexList(ind);
  const vals = readFlat(asarray(values, { dtype: a.dtype }));
  const nv = vals.length;
  if (list.length === 0 || nv === 0) return;
  const n = a.size;
  if (n === 0 && mode !== "raise") throw new IndexError("cannot replace elements of an empty array");
  const it = a.itemsize;
  const at0 = a.offset / it;
  for (let i = 0; i < list.length; i++) {
    let f = adjust(list[i], n, 0, mode);
    let at = at0;
    for (let k = a.ndim - 1; k >= 0; k--) {
      const d = a.shape[k];
      at += (f % d) * (a.strides[k] / it);
      f = Math.floor(f / d);
    }
    a.data[at] = vals[i % nv];
  }
}

/**
 * Replace elements of `a` at C-order flat positions `ind` with `values` (repeated as needed), in place.
 *
 * @example
 * const a = np.arange(5);
 * np.put(a, [0, 2], [-44, -55]);
 * a // array([-44,   1, -55,   3,   4])
 * np.put(a, 22, -5, { mode: "clip" });
 * a.tolist() // [-44, 1, -55, 3, -5]
 */
export function put(a: NDArray, ind: ArrayLike, v: ArrayLike, mode?: ClipMode | PutOptions): void {
  putTo(a, ind, v, checkMode(isOptions(mode) ? (mode as PutOptions).mode : mode));
}

declare module "../core/ndarray.js" {
  interface NDArray {
    /**
     * Elements at `indices` along `axis` (flattened when no axis): NumPy's `a.take`. Positional
     * `(indices, axis, out, mode)` or `(indices, { axis, out, mode })`.
     *
     * @example
     * np.arange(6).reshape(2, 3).take([0, 5]).tolist() // [0, 5]
     */
    take(indices: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null, mode?: ClipMode): NDArray | number | boolean;
    /**
     * Write `values` at C-order flat positions `ind`, in place (NumPy's `a.put`).
     *
     * @example
     * const a = np.zeros(4, "int32");
     * a.put([1, 3], 7);
     * a.tolist() // [0, 7, 0, 7]
     */
    put(ind: ArrayLike, values: ArrayLike, mode?: ClipMode | PutOptions): void;
  }
}

NDArray.prototype.take = function (this: NDArray, indices: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null, mode?: ClipMode) {
  const o = takeArgs(axis, [out, mode]);
  return takeFrom(this, indices, o.axis, o.mode, o.out);
};

NDArray.prototype.put = function (this: NDArray, ind: ArrayLike, values: ArrayLike, mode?: ClipMode | PutOptions): void {
  putTo(this, ind, values, checkMode(isOptions(mode) ? (mode as PutOptions).mode : mode));
};
