/**
 * Functions the debugger runs on the main thread with Runtime.callFunctionOn, sent as their
 * source text (the inspector protocol takes a function declaration). Each reads only `this`
 * and its arguments (never a global a cell could rebind) and is written as a plain `function`
 * so that its text is a valid declaration after compilation.
 */

/** The part of an NDArray these functions read. */
interface ArrayView {
  shape: readonly number[];
  strides: readonly number[];
  dtype: string;
  ndim: number;
  size: number;
  itemsize: number;
  nbytes: number;
  offset: number;
  base: unknown;
  flags: { c_contiguous: boolean; f_contiguous: boolean; owndata: boolean; writeable: boolean; aligned: boolean; writebackifcopy: boolean };
  toString(): string;
}

/**
 * One line for the Variables panel: `ndarray (3, 4) int32 view` (or `owner`), NumPy's shape tuple.
 * Runs with `this` = an NDArray.
 */
export function ndarraySummary(this: ArrayView): string {
  const sh = this.shape;
  const tuple = sh.length === 1 ? `(${sh[0]},)` : `(${sh.join(", ")})`;
  return `ndarray ${tuple} ${this.dtype} ${this.base === null ? "owner" : "view"}`;
}

/**
 * What expanding an NDArray in the Variables panel lists, in this order: shape, strides (bytes),
 * dtype, ndim, size, itemsize, nbytes, offset, flags, base (expandable), values (NumPy's str,
 * summarised past 1000 elements as NumPy prints). Runs with `this` = an NDArray.
 */
export function ndarrayDetails(this: ArrayView): Record<string, unknown> {
  const tuple = (t: readonly number[]): string => (t.length === 1 ? `(${t[0]},)` : `(${t.join(", ")})`);
  const f = this.flags;
  return {
    shape: tuple(this.shape),
    strides: tuple(this.strides),
    dtype: this.dtype,
    ndim: this.ndim,
    size: this.size,
    itemsize: this.itemsize,
    nbytes: this.nbytes,
    offset: this.offset,
    flags: {
      C_CONTIGUOUS: f.c_contiguous,
      F_CONTIGUOUS: f.f_contiguous,
      OWNDATA: f.owndata,
      WRITEABLE: f.writeable,
      ALIGNED: f.aligned,
      WRITEBACKIFCOPY: f.writebackifcopy,
    },
    base: this.base,
    values: String(this),
  };
}

/** Elements start .. start+count-1 of an array-like as an object keyed by index (variable paging). */
export function indexedSlice(this: ArrayLike<unknown>, start: number, count: number): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  const end = Math.min(this.length, start + count);
  for (let i = start; i < end; i++) out[i] = this[i];
  return out;
}

/** Calls `this.bundle(value)` / `this.userGlobals()` on the helper object (main-helpers.ts). */
export function callBundle(this: { bundle(v: unknown): unknown }, value: unknown): unknown {
  return this.bundle(value);
}
export function callUserGlobals(this: { userGlobals(): string[] }): string[] {
  return this.userGlobals();
}
