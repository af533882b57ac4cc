/**
 * `a.flags`: NumPy's memory-layout flags, computed from shape and strides on each read.
 *
 * Rule (numpy/core/src/multiarray/flagsobject.c, `_UpdateContiguousFlags`, NumPy >= 1.12
 * "relaxed strides"): an array with a zero-length axis is both C- and F-contiguous; otherwise,
 * ignoring axes of length 1, it is C-contiguous when walking axes from last to first each stride
 * equals itemsize times the product of the lengths after it, and F-contiguous likewise from first
 * to last. O(ndim) per read. OWNDATA is `base === null`. WRITEABLE may always be set false; it may
 * be set true only when the owner of the memory is writeable (NumPy's `_IsWriteable`), else
 * ValueError `cannot set WRITEABLE flag to True of this array`. ALIGNED is always true (typed
 * arrays cannot address a misaligned element); WRITEBACKIFCOPY is always false.
 */
import { inspect } from "node:util";
import { ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import type { Kind } from "./rank.js";

/**
 * Whether shape/strides (bytes) are C-contiguous under NumPy's relaxed rule.
 *
 * @example
 * isCContiguous([2, 1, 3], [24, 999, 8], 8) // true  (the length-1 axis is ignored)
 */
export function isCContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  return isContiguousWalking(shape, strides, itemsize, true);
}

/**
 * Whether shape/strides (bytes) are F-contiguous under NumPy's relaxed rule.
 *
 * @example
 * isFContiguous([2, 3], [8, 16], 8) // true
 */
export function isFContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  return isContiguousWalking(shape, strides, itemsize, false);
}

/** The rule at the head of this file, walking the axes last to first (C) or first to last (F). */
function isContiguousWalking(shape: readonly number[], strides: readonly number[], itemsize: number, lastFirst: boolean): boolean {
  const n = shape.length;
  let sd = itemsize;
  let ok = true;
  for (let k = 0; k < n; k++) {
    const i = lastFirst ? n - 1 - k : k;
    const dim = shape[i];
    if (dim === 0) return true;
    if (dim !== 1) {
      if (strides[i] !== sd) ok = false;
      sd *= dim;
    }
  }
  return ok;
}

const T = (b: boolean): string => (b ? "True" : "False");

/** Arrays whose ALIGNED flag the user cleared (NumPy's `setflags(align=False)`); views are not in it. */
const UNALIGNED = new WeakSet<NDArray>();

/**
 * The flags of one array (a live view of it: reads follow the array, `writeable` can be set).
 *
 * @example
 * const f = np.zeros([2, 3]).flags;
 * f.c_contiguous // true
 * String(f)      // "  C_CONTIGUOUS : True\n  F_CONTIGUOUS : False\n  OWNDATA : True\n ..."
 * const t = np.zeros([2, 3]).T.flags;
 * [t.fnc, t.forc, t.farray, t["FNC"], t["W"], t.num] // [true, true, true, true, true, 1282]
 */
export class Flags {
  /** @internal */
  constructor(private readonly array: NDArray) {}
  /** Elements are laid out row-major with no gaps. */
  get c_contiguous(): boolean {
    const a = this.array;
    return isCContiguous(a.shape, a.strides, a.itemsize);
  }
  /** Elements are laid out column-major with no gaps. */
  get f_contiguous(): boolean {
    const a = this.array;
    return isFContiguous(a.shape, a.strides, a.itemsize);
  }
  /** The array owns its memory (`base === null`). */
  get owndata(): boolean {
    return this.array.base === null;
  }
  /** Writes are allowed. Set false to protect; set true only when the owner is writeable. */
  get writeable(): boolean {
    return this.array._writeable;
  }
  set writeable(v: boolean) {
    const a = this.array;
    if (v && a.base !== null && !a.base._writeable) throw new ValueError("cannot set WRITEABLE flag to True of this array");
    a._writeable = Boolean(v);
  }
  /** The elements are aligned: always so here (typed arrays hold aligned elements), unless cleared with `setflags({ align: false })`. */
  get aligned(): boolean {
    return !UNALIGNED.has(this.array);
  }
  set aligned(v: boolean) {
    // NumPy lets a user clear ALIGNED (its views compute their own); setting it true is allowed for aligned data
    if (v) UNALIGNED.delete(this.array);
    else UNALIGNED.add(this.array);
  }
  /** Always false here (NumPy uses it for temporary copies in C code); it can only be set false. */
  get writebackifcopy(): boolean {
    return false;
  }
  set writebackifcopy(v: boolean) {
    if (v) throw new ValueError("cannot set WRITEBACKIFCOPY flag to True");
  }
  /** F_CONTIGUOUS and not C_CONTIGUOUS (NumPy's `np.isfortran`). */
  get fnc(): boolean {
    return this.f_contiguous && !this.c_contiguous;
  }
  /** F_CONTIGUOUS or C_CONTIGUOUS: one segment of memory. */
  get forc(): boolean {
    return this.f_contiguous || this.c_contiguous;
  }
  /** ALIGNED and WRITEABLE. */
  get behaved(): boolean {
    return this.aligned && this.writeable;
  }
  /** BEHAVED and C_CONTIGUOUS. */
  get carray(): boolean {
    return this.behaved && this.c_contiguous;
  }
  /**
   * Documented as BEHAVED and F_CONTIGUOUS and not C_CONTIGUOUS; computed as NumPy 1.24 computes it
   * (flagsobject.c tests `flags & (ALIGNED|WRITEABLE|F_CONTIGUOUS) != 0`: any of the three) and
   * not C_CONTIGUOUS, so `a[:, ::2].flags.farray` is true there and here.
   */
  get farray(): boolean {
    return (this.aligned || this.writeable || this.f_contiguous) && !this.c_contiguous;
  }
  /** NumPy's alias of `f_contiguous`. */
  get fortran(): boolean {
    return this.f_contiguous;
  }
  /** The flags as NumPy's bit mask (C 1, F 2, OWNDATA 4, ALIGNED 0x100, WRITEABLE 0x400, WRITEBACKIFCOPY 0x2000). */
  get num(): number {
    return (this.c_contiguous ? 1 : 0) | (this.f_contiguous ? 2 : 0) | (this.owndata ? 4 : 0) | (this.aligned ? 0x100 : 0) | (this.writeable ? 0x400 : 0) | (this.writebackifcopy ? 0x2000 : 0);
  }
  /** Short alias as in NumPy (`a.flags.c_contiguous`). */
  get contiguous(): boolean {
    return this.c_contiguous;
  }
  /** NumPy's mapping spelling, `a.flags["C_CONTIGUOUS"]`. */
  get C_CONTIGUOUS(): boolean {
    return this.c_contiguous;
  }
  get F_CONTIGUOUS(): boolean {
    return this.f_contiguous;
  }
  get OWNDATA(): boolean {
    return this.owndata;
  }
  get WRITEABLE(): boolean {
    return this.writeable;
  }
  set WRITEABLE(v: boolean) {
    this.writeable = v;
  }
  get ALIGNED(): boolean {
    return this.aligned;
  }
  set ALIGNED(v: boolean) {
    this.aligned = v;
  }
  get WRITEBACKIFCOPY(): boolean {
    return this.writebackifcopy;
  }
  set WRITEBACKIFCOPY(v: boolean) {
    this.writebackifcopy = v;
  }
  // NumPy's other dictionary keys, short names included (`a.flags["W"] = false`)
  get C(): boolean {
    return this.c_contiguous;
  }
  get F(): boolean {
    return this.f_contiguous;
  }
  get O(): boolean {
    return this.owndata;
  }
  get W(): boolean {
    return this.writeable;
  }
  set W(v: boolean) {
    this.writeable = v;
  }
  get A(): boolean {
    return this.aligned;
  }
  set A(v: boolean) {
    this.aligned = v;
  }
  get X(): boolean {
    return this.writebackifcopy;
  }
  set X(v: boolean) {
    this.writebackifcopy = v;
  }
  get CONTIGUOUS(): boolean {
    return this.c_contiguous;
  }
  get FORTRAN(): boolean {
    return this.f_contiguous;
  }
  get FNC(): boolean {
    return this.fnc;
  }
  get FORC(): boolean {
    return this.forc;
  }
  get B(): boolean {
    return this.behaved;
  }
  get BEHAVED(): boolean {
    return this.behaved;
  }
  get CA(): boolean {
    return this.carray;
  }
  get CARRAY(): boolean {
    return this.carray;
  }
  get FA(): boolean {
    return this.farray;
  }
  get FARRAY(): boolean {
    return this.farray;
  }
  /** Exactly NumPy's `str(a.flags)`. */
  toString(): string {
    return flagEntries(this)
      .map(([name, on]) => `  ${name} : ${T(on)}\n`)
      .join("");
  }
  [inspect.custom](): string {
    return this.toString();
  }
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString() };
  }
}

/**
 * The six flags as NumPy names and orders them in `str(a.flags)`, with their values (what every
 * display of the flags lists).
 *
 * @example
 * flagEntries(np.zeros([2, 3]).T.flags)[1] // ["F_CONTIGUOUS", true]
 */
export function flagEntries(f: Flags): [string, boolean][] {
  return [
    ["C_CONTIGUOUS", f.c_contiguous],
    ["F_CONTIGUOUS", f.f_contiguous],
    ["OWNDATA", f.owndata],
    ["WRITEABLE", f.writeable],
    ["ALIGNED", f.aligned],
    ["WRITEBACKIFCOPY", f.writebackifcopy],
  ];
}

declare module "./ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * NumPy's memory-layout flags of this array.
     *
     * @example
     * np.zeros([2, 3]).T.flags.f_contiguous // true
     * np.arange(3).get("1:").flags.owndata // false
     */
    readonly flags: Flags;
    /**
     * Set the WRITEABLE and ALIGNED flags, NumPy's `a.setflags(write=None, align=None, uic=None)`
     * (positional, or NumPy's keywords as `{ write, align, uic }`). WRITEABLE can be set true only
     * when the memory's owner is writeable; WRITEBACKIFCOPY (`uic`) can only be cleared.
     *
     * @example
     * const y = np.array([[3, 1, 7], [2, 0, 0]]);
     * y.setflags({ write: 0, align: 0 });
     * [y.flags.writeable, y.flags.aligned] // [false, false]
     * y.set(0, 0, 5) // throws ValueError: assignment destination is read-only
     * y.setflags({ uic: 1 }) // throws ValueError: cannot set WRITEBACKIFCOPY flag to True
     */
    setflags(write?: SetFlag | SetFlagsOptions, align?: SetFlag, uic?: SetFlag): void;
  }
}

/** A value for one of `setflags`' flags: truthy sets, falsy clears, null/undefined leaves it (Python's 0/1 work). */
export type SetFlag = boolean | number | null | undefined;
/** NumPy's keywords of `a.setflags`. */
export interface SetFlagsOptions {
  write?: SetFlag;
  align?: SetFlag;
  uic?: SetFlag;
}

NDArray.prototype.setflags = function (this: NDArray, write?: SetFlag | SetFlagsOptions, align?: SetFlag, uic?: SetFlag): void {
  const o: SetFlagsOptions = write !== null && typeof write === "object" ? write : { write, align, uic };
  const f = this.flags;
  const before = [f.writeable, f.aligned] as const;
  if (o.write !== undefined && o.write !== null) f.writeable = Boolean(o.write);
  if (o.align !== undefined && o.align !== null) f.aligned = Boolean(o.align);
  if (o.uic !== undefined && o.uic !== null && Boolean(o.uic)) {
    // NumPy puts the flags back as they were before raising
    this._writeable = before[0];
    f.aligned = before[1];
    throw new ValueError("cannot set WRITEBACKIFCOPY flag to True");
  }
};

Object.defineProperty(NDArray.prototype, "flags", {
  get(this: NDArray): Flags {
    return new Flags(this);
  },
  configurable: true,
});
