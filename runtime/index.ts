/**
 * strided's runtime as a plain library: `import { np, NDArray } from "strided"`.
 * Hard rule: nothing under runtime/ imports kernel/.
 */
export { np, type Np, type NpLib, type StrideTricks } from "./np.js";
export { NDArray, type NDArrayParts } from "./core/ndarray.js";
export type { Kind, Elem } from "./core/rank.js";
export { DTYPES, type DType, type TypedArray } from "./core/dtype.js";
export { allocationStats, type AllocationStats } from "./core/alloc.js";
export { AttributeError, IndexError, ValueError, MemoryError, AxisError, TooHardError, UFuncTypeError } from "./core/errors.js";
// structure: the types of indices, flags, array-likes and overlap answers
export { Flags, type SetFlag, type SetFlagsOptions } from "./core/flags.js";
export { IInfo, FInfo, type IntDType, type FloatDType } from "./core/limits.js";
export type { IndexArg } from "./indexing/resolve.js";
export type { SetValue } from "./indexing/methods.js";
export type { ArrayLike } from "./create/array.js";
export type { Overlap } from "./memory/overlap.js";
export type { Order, OrderAK } from "./core/shape.js";
// rich display: arrays and flags display themselves (Symbol.for("Jupyter.display")); pictures; timing
import "./display/index.js";
export { show, Figure } from "./show/index.js";
export { timeit, TimeitResult, type TimeitOptions } from "./timeit/index.js";
