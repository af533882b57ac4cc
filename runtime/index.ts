/**
 * strided's runtime as a plain library: `import { np, NDArray } from "strided"`.
 * Hard rule: nothing under runtime/ imports kernel/.
 */
export { np, type Np } from "./np.js";
export { NDArray, type NDArrayParts } from "./core/ndarray.js";
export { DTYPES, type DType, type TypedArray } from "./core/dtype.js";
export { allocationStats, type AllocationStats } from "./core/alloc.js";
export { IndexError, ValueError, MemoryError, AxisError, TooHardError, UFuncTypeError } from "./core/errors.js";
// rich display: arrays and flags display themselves (Symbol.for("Jupyter.display")); pictures; timing
import "./display/index.js";
export { show, Figure } from "./show/index.js";
export { timeit, TimeitResult, type TimeitOptions } from "./timeit/index.js";
