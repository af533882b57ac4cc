/**
 * timeit: IPython's %timeit as a function, with the bytes the runtime allocates per loop.
 */
export { timeit, type TimeitOptions } from "./timeit.js";
export { TimeitResult, type TimeitParts } from "./result.js";
export { formatTime, formatG, formatFixed, thousands, timeitLine, cachingWarning } from "./format.js";
export { fsum } from "./fsum.js";
