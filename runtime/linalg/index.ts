/** The linear-algebra names of `np` (the compute section of runtime/np.ts spreads this module). */
export { dot, matmul } from "./product.js";
export { outer, inner, trace } from "./outer.js";
