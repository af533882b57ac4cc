/**
 * Indexing methods of NDArray: `get`, `set`, `item`, `tolist`, `fill` (NumPy's `a[i]`,
 * `a[i] = v`, `a.item()`, `a.tolist()`, `a.fill(v)`). The rules are in resolve.ts.
 */
import { ValueError, IndexError } from "../core/errors.js";
import { copyInto, forEachIndex, scalarFor } from "../core/iterate.js";
import { firstIndex } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { array, type ArrayLike } from "../create/array.js";
import { gather, scatter } from "./advanced.js";
import { resolveIndex, type IndexArg } from "./resolve.js";
import type { AtIndex, IndexResult, Kind, KindValues, ShiftByRank } from "../core/rank.js";

/**
 * An index string that always gives an array, so `a.get("1:3")` is typed `NDArray`: it holds a
 * slice (`:`), an ellipsis (`...`) or `None`, each of which keeps or adds an axis.
 */
export type ViewIndexString = `${string}:${string}` | `${string}...${string}` | `${string}None${string}`;

/**
 * One slice written with numbers and no comma (`"1:3"`, `":"`, `"::-1"`, `"2:"`): the array's own
 * rank. A non-generic overload of `get` listed first, so the commonest index strings cost the
 * checker no inference (other strings are read by `IndexResult`, to the same answer).
 */
export type OneSlice = ":" | "::" | `${number}:` | `:${number}` | `${number}:${number}` | `::${number}` | `${number}:${number}:${number}` | `${number}::${number}` | `:${number}:${number}`;

/** A value `set` can store: a number, a bigint, a boolean, an array, or nested JS arrays. */
export type SetValue = number | bigint | boolean | NDArray | readonly ArrayLike[];

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * NumPy's `a[index]`. Strings hold NumPy's syntax (`"1:3, ::-1"`, `"..., None"`); numbers are
     * integer indices; `null` is `None`; an integer array (JS or NDArray) or a bool mask is a fancy
     * index. Slices, `...` and `None` give views; all-integer full indexing gives a number
     * (a boolean for bool arrays, a bigint for int64/uint64); fancy indexing gives a copy.
     *
     * Typed by rank: on `NDArray<2>`, `a.get(1, 2)` is a `number`, `a.get(1)` and `a.get("0, :")`
     * are `NDArray<1>`, `a.get(null, "...")` is `NDArray<3>`. On an array of unknown rank (plain
     * `NDArray`) integer indices give `NDArray | number | boolean | bigint`: narrow the array once
     * with `np.asrank(a, 2)` (checked) or `a as NDArray<2>`.
     *
     * @example
     * const a = np.arange(12).reshape(3, 4);
     * a.get(1, 2)              // 6
     * a.get("1:, ::2").tolist() // [[4, 6], [8, 10]]  (a view: base === a)
     * a.get([0, 2]).shape     // [2, 4]  (a copy)
     */
    get(index: number): AtIndex<R, K>;
    get(index: OneSlice): NDArray<R, K>;
    get<const S extends string>(index: S): IndexResult<R, K, [S]>;
    get(index: readonly number[] | readonly boolean[]): NDArray<R, K>;
    get<MR extends number>(mask: NDArray<MR, "boolean">): NDArray<ShiftByRank<MR, 1>[R], K>;
    get<IR extends number>(index: NDArray<IR, "number" | "bigint">): NDArray<ShiftByRank<1, IR>[R], K>;
    get<const I extends readonly IndexArg[]>(...index: I): IndexResult<R, K, I>;
    /**
     * NumPy's `a[index] = value`, broadcasting `value`; the last argument is the value (a number
     * or a bigint for int64/uint64 arrays, cast as NumPy casts a Python scalar).
     *
     * @example
     * const a = np.zeros(5);
     * a.set("::2", 1);
     * a.tolist() // [1, 0, 1, 0, 1]
     */
    set(...indexAndValue: [...IndexArg[], SetValue]): void;
    /**
     * One element as a JS number (boolean for bool arrays, bigint for int64/uint64): no argument
     * (size 1), a flat C-order index, or one index per axis, separately or as one array (NumPy's
     * tuple: `a.item((1, 0))`).
     *
     * @example
     * np.arange(6).reshape(2, 3).item(4)      // 4
     * np.arange(6).reshape(2, 3).item(1, 0)   // 3
     * np.arange(6).reshape(2, 3).item([1, 0]) // 3
     */
    item(...index: number[] | [readonly number[]]): KindValues[K];
    /**
     * The elements as nested JS arrays (a number or boolean for 0-d arrays; bigints for int64/uint64).
     *
     * @example
     * np.arange(4).reshape(2, 2).tolist() // [[0, 1], [2, 3]]
     */
    tolist(this: NDArray<0, K>): KindValues[K];
    tolist(this: NDArray<1, K>): KindValues[K][];
    tolist(this: NDArray<2, K>): KindValues[K][][];
    tolist(this: NDArray<3, K>): KindValues[K][][][];
    tolist(): unknown;
    /**
     * What `JSON.stringify` writes for the array: its elements as nested arrays, as `tolist()`
     * (NaN and ±Infinity become `null`, as JSON.stringify writes them; int64/uint64 elements are
     * bigints, which JSON.stringify refuses as for any bigint: convert first, e.g. `.astype("float64")`).
     * Only the array's own elements, never the rest of the buffer a view reaches into.
     *
     * @example
     * JSON.stringify(np.arange(4).reshape(2, 2)) // "[[0,1],[2,3]]"
     */
    toJSON(): unknown;
    /**
     * Set every element to `value` (cast to the array's dtype), in place.
     *
     * @example
     * const a = np.zeros(3, { dtype: "int32" });
     * a.fill(2.9);
     * a.tolist() // [2, 2, 2]
     */
    fill(value: number | boolean | bigint): void;
  }
}

function scalarOf(a: NDArray, index: number): number | boolean | bigint {
  const v = a.data[index];
  return a.dtype === "bool" ? v !== 0 : v;
}

/** Fast path for a[i, j, ...] with one in-range integer per axis: the element's index in data, or -1. */
function scalarPosition(a: NDArray, index: readonly unknown[]): number {
  if (index.length !== a.ndim) return -1;
  let at = a.offset / a.itemsize;
  for (let k = 0; k < index.length; k++) {
    let i = index[k];
    if (typeof i !== "number" || !Number.isInteger(i)) return -1;
    const n = a.shape[k];
    if (i < 0) i += n;
    if (i < 0 || i >= n) return -1; // let the general path raise NumPy's error
    at += i * (a.strides[k] / a.itemsize);
  }
  return at;
}

NDArray.prototype.get = function (this: NDArray, ...index: IndexArg[]): NDArray | number | boolean | bigint {
  const at = scalarPosition(this, index);
  if (at >= 0) return scalarOf(this, at);
  const r = resolveIndex(this, index);
  if (r.kind === "advanced") return gather(r.sel);
  if (r.scalar) return scalarOf(r.view, firstIndex(r.view));
  return r.view;
} as NDArray["get"]; // the overloads above only narrow the result type (rank and kind)

/** NumPy converts a nested-list value with at most the target's ndim (ndmax): deeper is an error. */
function checkDepth(raw: unknown, ndim: number): void {
  let depth = 0;
  let x = raw;
  while (Array.isArray(x)) {
    depth++;
    x = x[0];
  }
  if (depth > ndim) {
    throw new ValueError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${ndim}.`);
  }
}

function toValue(v: SetValue): NDArray | number | boolean | bigint {
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" || v instanceof NDArray) return v;
  return array(v as ArrayLike);
}

NDArray.prototype.set = function (this: NDArray, ...args: unknown[]): void {
  if (args.length === 0) throw new TypeError("set() needs a value: a.set(index..., value)");
  const value = toValue(args[args.length - 1] as SetValue);
  const index = args.slice(0, -1) as IndexArg[];
  if (!this._writeable) throw new ValueError("assignment destination is read-only");
  const at = scalarPosition(this, index);
  if (at >= 0 && (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")) {
    (this.data as unknown as (number | bigint)[])[at] = scalarFor(value, this.dtype); // then the typed-array store casts like NumPy
    return;
  }
  const r = resolveIndex(this, index);
  const raw = args[args.length - 1];
  if (r.kind === "view") {
    if (r.scalar && (Array.isArray(raw) || (raw instanceof NDArray && raw.size !== 1))) {
      throw new ValueError("setting an array element with a sequence.");
    }
    checkDepth(raw, r.view.ndim);
    copyInto(r.view, value);
    return;
  }
  checkDepth(raw, r.sel.bshape.length + r.sel.sub.length);
  const v = value instanceof NDArray ? value : array(value);
  scatter(r.sel, v);
};

NDArray.prototype.item = function (this: NDArray, ...args: number[] | [readonly number[]]): number | boolean | bigint {
  // NumPy's a.item((i, j)) is a.item(i, j); API.md writes the tuple as an array
  const index: readonly number[] = args.length === 1 && Array.isArray(args[0]) ? args[0] : (args as number[]);
  if (index.length === 0) {
    if (this.size !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
    let at = firstIndex(this);
    forEachIndex(this, (i) => (at = i));
    return scalarOf(this, at);
  }
  for (const i of index) if (!Number.isInteger(i)) throw new TypeError(`'${String(i)}' cannot be interpreted as an integer`);
  if (index.length === 1 && this.ndim !== 1) {
    const size = this.size;
    let f = index[0];
    if (f < -size || f >= size) throw new IndexError(`index ${f} is out of bounds for size ${size}`);
    if (f < 0) f += size;
    let at = firstIndex(this);
    const it = this.itemsize;
    for (let k = this.ndim - 1; k >= 0; k--) {
      const n = this.shape[k];
      at += (f % n) * (this.strides[k] / it);
      f = Math.floor(f / n);
    }
    return scalarOf(this, at);
  }
  if (index.length !== this.ndim) throw new ValueError("incorrect number of indices for array");
  const r = this.get(...index);
  return r as number | boolean | bigint;
};

NDArray.prototype.tolist = function (this: NDArray): unknown {
  const it = this.itemsize;
  const rec = (axis: number, at: number): unknown => {
    if (axis === this.ndim) return scalarOf(this, at);
    const out: unknown[] = new Array(this.shape[axis]);
    const s = this.strides[axis] / it;
    for (let i = 0; i < this.shape[axis]; i++) out[i] = rec(axis + 1, at + i * s);
    return out;
  };
  return rec(0, firstIndex(this));
} as NDArray["tolist"];

NDArray.prototype.toJSON = function (this: NDArray): unknown {
  return this.tolist();
};

NDArray.prototype.fill = function (this: NDArray, value: number | boolean | bigint): void {
  copyInto(this, value);
};

export type { IndexArg };
