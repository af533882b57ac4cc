/** The reduction names of `np` (the compute section of runtime/np.ts spreads this module). */
import "./methods.js";
export { sum, prod, max, min, any, all } from "./reduce.js";
export { mean, std, var_ as var } from "./stats.js";
export { argmax, argmin } from "./arg.js";
export { max as amax, min as amin } from "./reduce.js";
export { maximum, minimum, fmax, fmin } from "./ufunc-reduce.js";
