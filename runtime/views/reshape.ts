/**
 * `reshape`: a new shape over the same elements, a view whenever the strides allow it.
 *
 * Rule (numpy/core/src/multiarray/shape.c PyArray_Newshape, `_attempt_nocopy_reshape`,
 * `_fix_unknown_dimension`, NumPy 1.24): one negative length is inferred from the size. Same
 * shape: a plain view. Contiguous in the requested order (C, or F; `A` is F for F-not-C arrays):
 * a view with fresh contiguous strides. Otherwise try a view: drop the length-1 axes of the old
 * shape, then match runs of old and new axes with equal products; a run of old axes can merge
 * only if, in the requested order, each stride equals the next stride times its length; the new
 * axes of the run get strides built from the run's innermost stride; trailing new length-1 axes
 * get the last stride (times its length in F order). If any run cannot merge, copy in the
 * requested order and view the copy (so the result's base is that copy, as in NumPy).
 * Cost: O(ndim) for a view, O(size) for a copy.
 */
import { AttributeError, ValueError } from "../core/errors.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { copyInto } from "../core/iterate.js";
import { newArray, viewOf } from "../core/make.js";
import { NDArray, shapeSetter } from "../core/ndarray.js";
import { contiguousStrides, toOrder, type Order } from "../core/shape.js";
import { isFortran } from "../create/layout.js";
import type { Kind, KindOf, ShapeRank } from "../core/rank.js";
import { asarray, type ArrayLike } from "../create/array.js";

/**
 * The shape as NumPy's reshape error prints it (numpy/core/src/multiarray/common.c
 * build_shape_string): leading unknown (negative) lengths are dropped, later ones print as
 * `newaxis`, and the trailing comma appears only for a 1-element list: `(5,)`, `(5,newaxis)`,
 * `(0)` for [-1, 0], `()` for [-1].
 */
function shapeText(dims: readonly number[]): string {
  let i = 0;
  while (i < dims.length && dims[i] < 0) i++;
  if (i === dims.length) return "()";
  const parts = dims.slice(i).map((d) => (d < 0 ? "newaxis" : String(d)));
  return dims.length === 1 ? `(${parts[0]},)` : `(${parts.join(",")})`;
}

/**
 * Resolve a negative (unknown) length against `size`.
 *
 * @example
 * fixUnknownDimension([3, -1], 12) // [3, 4]
 * fixUnknownDimension([5], 12) // throws ValueError: cannot reshape array of size 12 into shape (5,)
 */
export function fixUnknownDimension(dims: readonly number[], size: number): number[] {
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    if (dims[i] < 0) {
      if (unknown >= 0) throw new ValueError("can only specify one unknown dimension");
      unknown = i;
    } else known *= dims[i];
  }
  const err = () => new ValueError(`cannot reshape array of size ${size} into shape ${shapeText(dims)}`);
  const out = dims.slice();
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw err();
    out[unknown] = size / known;
  } else if (known !== size) throw err();
  return out;
}

/**
 * NumPy's `_attempt_nocopy_reshape`: the strides (bytes) of a view of `a` with `newdims`, or null.
 *
 * @example
 * attemptNocopyReshape(np.arange(12).reshape(3, 4).T, [12], "C") // null (needs a copy)
 * attemptNocopyReshape(np.arange(12).reshape(3, 4).get(":, :2"), [3, 2, 1], "C") // [16, 4, 4]
 */
export function attemptNocopyReshape(a: NDArray, newdims: readonly number[], order: Order): number[] | null {
  const olddims: number[] = [];
  const oldstrides: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] !== 1) {
      olddims.push(a.shape[i]);
      oldstrides.push(a.strides[i]);
    }
  }
  const oldnd = olddims.length;
  const newnd = newdims.length;
  const newstrides = new Array<number>(newnd).fill(0);
  const f = order === "F";
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newnd && oi < oldnd) {
    let np_ = newdims[ni];
    let op = olddims[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= newdims[nj++];
      else op *= olddims[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (f) {
        if (oldstrides[ok + 1] !== olddims[ok] * oldstrides[ok]) return null;
      } else if (oldstrides[ok] !== olddims[ok + 1] * oldstrides[ok + 1]) return null;
    }
    if (f) {
      newstrides[ni] = oldstrides[oi];
      for (let nk = ni + 1; nk < nj; nk++) newstrides[nk] = newstrides[nk - 1] * newdims[nk - 1];
    } else {
      newstrides[nj - 1] = oldstrides[oj - 1];
      for (let nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  let last = ni >= 1 ? newstrides[ni - 1] : a.itemsize;
  if (f && ni >= 1) last *= newdims[ni - 1];
  for (let nk = ni; nk < newnd; nk++) newstrides[nk] = last;
  return newstrides;
}

/**
 * Reshape `a` NumPy's way: a view when possible, else a view of a copy.
 *
 * @example
 * np.arange(6).reshape(2, 3).base !== null // true (a view)
 */
export function reshapeArray(a: NDArray, dims: readonly number[], orderArg: unknown = "C"): NDArray {
  const ord = toOrder(orderArg, ["C", "F", "A", "K"] as const, "C");
  if (ord === "K") throw new ValueError("order 'K' is not permitted for reshaping");
  const order: Order = ord === "A" ? (isFortran(a) ? "F" : "C") : ord;
  for (const d of dims) if (!Number.isInteger(d)) throw new TypeError(`'${String(d)}' cannot be interpreted as an integer`);
  if (dims.length === a.ndim && dims.every((d, i) => d === a.shape[i])) return viewOf(a, a.shape, a.strides, a.offset);
  const shape = fixUnknownDimension(dims, a.size);
  let src = a;
  let strides: number[] | null = null;
  const contiguous = order === "C" ? isCContiguous(a.shape, a.strides, a.itemsize) : isFContiguous(a.shape, a.strides, a.itemsize);
  if (!contiguous) {
    strides = attemptNocopyReshape(a, shape, order);
    if (strides === null) {
      src = newArray(a.shape, a.dtype, order, false); // unfilled: copyInto writes every element
      copyInto(src, a);
    }
  }
  return viewOf(src, shape, strides ?? contiguousStrides(shape, a.itemsize, order), src.offset);
}

/**
 * NumPy's `a.shape = newshape` (numpy/core/src/multiarray/getset.c array_shape_set): reshape in C
 * order; when that gives a view of the same memory, this array takes its shape and strides in
 * place; when it would need a copy, NumPy's AttributeError.
 */
shapeSetter.set = (a: NDArray, value: number | readonly number[]): void => {
  const dims = typeof value === "number" ? [value] : Array.from(value);
  const r = reshapeArray(a, dims, "C");
  if (r.data !== a.data || r.offset !== a.offset) {
    throw new AttributeError("Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.");
  }
  a._shape = r._shape;
  a._strides = r._strides;
};

/** NumPy's keywords of `reshape`. */
export interface ReshapeOptions {
  order?: "C" | "F" | "A";
}

/**
 * Split `reshape`'s arguments: numbers or one array, then an optional `{ order }`.
 *
 * @example
 * reshapeArgs([[2, 3], { order: "F" }]) // { dims: [2, 3], order: "F" }
 */
export function reshapeArgs(args: readonly unknown[]): { dims: number[]; order: unknown } {
  let rest = args;
  let order: unknown = "C";
  const last = rest[rest.length - 1];
  if (last !== null && typeof last === "object" && !Array.isArray(last)) {
    order = (last as { order?: unknown }).order ?? "C";
    rest = rest.slice(0, -1);
  } else if (rest.length === 2 && Array.isArray(rest[0]) && typeof last === "string") {
    order = last;
    rest = rest.slice(0, -1);
  }
  if (rest.length === 1 && Array.isArray(rest[0])) return { dims: (rest[0] as number[]).slice(), order };
  return { dims: rest as number[], order };
}

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * The same elements with a new shape (one length may be -1): a view when the strides allow
     * it (NumPy's `_attempt_nocopy_reshape`), else a copy. Numbers or one array, then `{ order }`.
     *
     * @example
     * np.arange(12).reshape(3, 4).shape // [3, 4]
     * np.arange(12).reshape([2, -1], { order: "F" }).strides // [4, 8]
     * np.arange(12).reshape(5) // throws ValueError: cannot reshape array of size 12 into shape (5,)
     */
    reshape<const S extends readonly number[]>(...shape: S): NDArray<S["length"], K>;
    reshape<const S extends readonly number[]>(shape: S, options?: ReshapeOptions | "C" | "F" | "A"): NDArray<S["length"], K>;
    reshape<const S extends readonly number[]>(...shapeAndOptions: [...S, ReshapeOptions]): NDArray<S["length"], K>;
  }
}

NDArray.prototype.reshape = function (this: NDArray, ...args: unknown[]): NDArray {
  const { dims, order } = reshapeArgs(args);
  return reshapeArray(this, dims, order);
} as NDArray["reshape"];

/**
 * NumPy's `np.reshape(a, newshape, order='C')`.
 *
 * @example
 * np.reshape(np.arange(6), [3, 2]).tolist() // [[0, 1], [2, 3], [4, 5]]
 */
export function reshape<A extends ArrayLike, const S extends number | readonly number[]>(a: A, newshape: S, options?: ReshapeOptions | "C" | "F" | "A"): NDArray<ShapeRank<S>, KindOf<A>>;
export function reshape<A extends ArrayLike, const S extends number | readonly number[]>(a: A, options: ReshapeOptions & { newshape: S }): NDArray<ShapeRank<S>, KindOf<A>>;
export function reshape(a: ArrayLike, newshape: number | readonly number[] | (ReshapeOptions & { newshape: number | readonly number[] }), options?: ReshapeOptions | "C" | "F" | "A"): NDArray {
  let shape = newshape;
  let opts = options;
  if (typeof shape === "object" && !Array.isArray(shape)) {
    opts = shape as ReshapeOptions;
    shape = (shape as { newshape: number | readonly number[] }).newshape;
  }
  const order = typeof opts === "string" ? opts : (opts?.order ?? "C");
  return reshapeArray(asarray(a), typeof shape === "number" ? [shape] : (shape as readonly number[]), order);
}
