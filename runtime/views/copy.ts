/**
 * `a.copy(order)` and `a.astype(dtype)`: new memory, laid out NumPy's way.
 *
 * Rule (PyArray_NewCopy → PyArray_NewLikeArray, see create/layout.ts): order `C`/`F` give that
 * layout; `A` gives F for F-and-not-C arrays; `K` keeps the source's memory order (axes sorted by
 * |stride|). Values are copied element by element at the same logical index (casting NumPy's
 * unsafe way for astype). `astype(..., { copy: false })` returns the same array when dtype and
 * order already fit. Cost: one allocation and O(size).
 */
import { isBigDType, toDType, type DType, type TypedArray } from "../core/dtype.js";
import { newArray } from "../core/make.js";
import { wasmCopyRun } from "../wasm/copy.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { copyInto } from "../core/iterate.js";
import { NDArray } from "../core/ndarray.js";
import { toOrder, type OrderAK } from "../core/shape.js";
import { newLike } from "../create/layout.js";
import type { Kind, KindOfDType } from "../core/rank.js";

/** Options of `astype`. */
export interface AstypeOptions {
  order?: OrderAK;
  copy?: boolean;
}

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * A copy in new memory (NumPy's `ndarray.copy(order='C')`; `K` keeps the memory order).
     *
     * @example
     * const a = np.arange(6).reshape(2, 3).T;
     * a.copy().flags.c_contiguous   // true
     * a.copy("K").flags.f_contiguous // true
     */
    copy(order?: OrderAK | { order?: OrderAK }): NDArray<R, K>;
    /**
     * The elements cast to `dtype` (a copy unless `{ copy: false }` and nothing changes).
     * Floats to ints truncate toward zero; anything to bool is `!= 0`.
     *
     * @example
     * np.array([1.7, -1.7]).astype("int32").tolist() // [1, -1]
     */
    astype<D extends DType>(dtype: D, options?: AstypeOptions | OrderAK): NDArray<R, KindOfDType<D>>;
  }
}

NDArray.prototype.copy = function (this: NDArray, order?: OrderAK | { order?: OrderAK }): NDArray {
  const out = newLike(this, toOrder(typeof order === "object" && order !== null ? order.order : order, ["C", "F", "A", "K"] as const, "C"), this.dtype, undefined, false); // unfilled: copyInto writes every element
  copyInto(out, this);
  return out;
};

NDArray.prototype.astype = function (this: NDArray, dtype: DType, orderOrOptions?: AstypeOptions | OrderAK): NDArray {
  const options = typeof orderOrOptions === "string" ? { order: orderOrOptions } : orderOrOptions;
  const dt = toDType(dtype);
  const order = toOrder(options?.order, ["C", "F", "A", "K"] as const, "K");
  if (options?.copy === false && dt === this.dtype) {
    const fits =
      order === "K" ||
      (order === "A" && (isCContiguous(this.shape, this.strides, this.itemsize) || isFContiguous(this.shape, this.strides, this.itemsize))) ||
      (order === "C" && isCContiguous(this.shape, this.strides, this.itemsize)) ||
      (order === "F" && isFContiguous(this.shape, this.strides, this.itemsize));
    if (fits) return this;
  }
  // a C-contiguous array into a fresh C array of another number dtype (NumPy's K, C and A orders
  // all give C here): the one contiguous run copyInto's kernel would make of it, without planning
  // (a 100-element astype spent most of its 2 us in newLike and copyInto's walk); bool targets
  // (`!= 0`) and int64/uint64 (their own casts) take the general path
  if (order !== "F" && dt !== "bool" && !isBigDType(dt) && !isBigDType(this.dtype) && isCContiguous(this.shape, this.strides, this.itemsize)) {
    const out = newArray(this.shape, dt, "C", false); // unfilled: the run writes every element
    const n = out.size;
    const src = this.data as TypedArray;
    const si = this.offset / this.itemsize;
    if (n > 0 && !wasmCopyRun(n, out.data, 0, 1, src, si, 1)) (out.data as TypedArray).set(src.subarray(si, si + n), 0);
    return out;
  }
  const out = newLike(this, order, dt, undefined, false); // unfilled: copyInto writes every element
  copyInto(out, this);
  return out;
} as NDArray["astype"];
