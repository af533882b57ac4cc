/**
 * The array: a typed array over a buffer, plus dtype, shape, strides (bytes) and offset (bytes).
 *
 * Rule (scijs ndarray, NumPy's PyArrayObject): element (i0, ..., i{n-1}) lives at byte
 *   offset + i0*strides[0] + ... + i{n-1}*strides[n-1]
 * of the buffer, i.e. at index (that byte) / itemsize of `data`. A view shares `data` with its
 * base and costs O(ndim) to make; it never copies. `base` is the array that owns the memory
 * (never a chain of views), `null` for an owner. `shape` and `strides` are frozen arrays; a
 * frozen array handed to the constructor is kept as is (shared, never copied), so a view or
 * result that reuses an input's shape costs no copy. `a.shape = [2, 5]` replaces both in place
 * only when NumPy would (no copy; views/reshape.ts installs that rule in `shapeSetter`).
 * Methods of other modules are added to the
 * prototype by those modules (TypeScript interface merging), so this file stays small.
 */
import { DTYPES, type ArrayData, type DType } from "./dtype.js";
import type { Kind } from "./rank.js";

/** What it takes to make an array object (no checks: callers in the runtime guarantee them). */
export interface NDArrayParts {
  data: ArrayData;
  dtype: DType;
  shape: readonly number[];
  /** Bytes between neighbours along each axis (may be negative or zero). */
  strides: readonly number[];
  /** Byte offset of element (0, ..., 0) in `data.buffer`, relative to `data.byteOffset`. */
  offset: number;
  /** The owner of the memory, or null when this array owns it. */
  base: NDArray | null;
  writeable: boolean;
  /**
   * The caller guarantees `shape` and `strides` are frozen arrays with no -0 in them (another
   * array's, or frozen by a cache): kept as they are without a check (`Object.isFrozen` costs
   * ~20 ns a call, two per array made).
   */
  frozen?: boolean;
}

/** @internal NumPy's `a.shape = ...` rule, installed by views/reshape.ts (which owns the no-copy reshape rule). */
export const shapeSetter = {
  set(_a: NDArray, _shape: number | readonly number[]): void {
    throw new Error("the shape setter is installed by runtime/views/reshape.ts");
  },
};

/** No element is -0 (strides compare with ===, but printing and Object.is would tell -0 apart). */
function noNegativeZero(st: readonly number[]): boolean {
  for (let i = 0; i < st.length; i++) if (st[i] === 0 && 1 / st[i] < 0) return false;
  return true;
}

/**
 * An n-dimensional strided array with NumPy's memory semantics.
 *
 * @example
 * const a = np.arange(6).reshape(2, 3);
 * a.shape   // [2, 3]
 * a.strides // [12, 4]
 * a.T.base === a.base // true (the owner of the memory, never a chain)
 */
export class NDArray<out R extends number = number, out K extends Kind = Kind> {
  /** The typed array over the whole buffer (shared with the base and every view); a BigInt64Array / BigUint64Array for int64 / uint64. */
  readonly data: ArrayData;
  /** The element type, e.g. `"float64"`. */
  readonly dtype: DType;
  /** @internal the shape; read `shape`. */
  _shape: readonly number[];
  /** @internal the strides; read `strides`. */
  _strides: readonly number[];
  /** Byte offset of the first element within `data`. */
  readonly offset: number;
  /** The array that owns the memory, or `null` if this array owns it. */
  readonly base: NDArray | null;
  /** @internal the WRITEABLE flag; use `flags.writeable`. */
  _writeable: boolean;

  /** @internal Use `np.array`, `np.zeros`, ... to make arrays. */
  constructor(parts: NDArrayParts) {
    this.data = parts.data;
    this.dtype = parts.dtype;
    // A frozen shape or strides array (another array's, or one built here) is shared as is:
    // copying and freezing was half the cost of a small ufunc call. Others are copied and frozen.
    const sh = parts.shape;
    const st = parts.strides;
    if (parts.frozen === true) {
      this._shape = sh;
      this._strides = st;
    } else {
      this._shape = Object.isFrozen(sh) ? sh : Object.freeze(sh.slice());
      this._strides = Object.isFrozen(st) && noNegativeZero(st) ? st : Object.freeze(st.map((s) => s + 0)); // + 0 turns -0 (0 * negative step) into 0
    }
    this.offset = parts.offset + 0; // no -0 (0 * a negative stride)
    this.base = parts.base;
    this._writeable = parts.writeable;
  }

  /**
   * Length along each axis. Assigning reshapes this array in place, as NumPy's `a.shape = ...`:
   * only when no copy is needed (NumPy's no-copy reshape rule), else NumPy's AttributeError.
   *
   * @example
   * const a = np.arange(6);
   * a.shape = [2, 3];
   * a.shape // [2, 3]
   * a.T.shape = [6] // throws AttributeError: Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.
   */
  get shape(): readonly number[] {
    return this._shape;
  }
  set shape(value: number | readonly number[]) {
    shapeSetter.set(this, value);
  }

  /** Bytes to step along each axis, as NumPy's `strides`. @example np.zeros([2, 3]).strides // [24, 8] */
  get strides(): readonly number[] {
    return this._strides;
  }

  /** Number of axes. @example np.zeros([2, 3]).ndim // 2 */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. @example np.zeros([2, 3]).size // 6 */
  get size(): number {
    const sh = this.shape;
    let n = 1;
    for (let i = 0; i < sh.length; i++) n *= sh[i]; // an indexed loop: for-of over the frozen shape cost ~14% of a 1e3-element np.add(a, b, { out })
    return n;
  }

  /** Bytes per element. @example np.zeros(3, { dtype: "float32" }).itemsize // 4 */
  get itemsize(): number {
    return DTYPES[this.dtype].itemsize;
  }

  /** Bytes the elements take (size * itemsize), as NumPy's `nbytes`. @example np.zeros([2, 3]).nbytes // 48 */
  get nbytes(): number {
    return this.size * this.itemsize;
  }
}
