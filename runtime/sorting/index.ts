/** The searching, sorting and counting names of `np` (runtime/np.ts spreads this module). */
import "./methods.js";
export { sort, argsort } from "./sort.js";
export { searchsorted } from "./search.js";
export { where, nonzero, argwhere, flatnonzero, count_nonzero } from "./nonzero.js";
export { unique, isin } from "./unique.js";
export { in1d, intersect1d, union1d, setdiff1d, setxor1d } from "./sets.js";
export { partition, argpartition } from "./partition.js";
export { lexsort } from "./lexsort.js";
