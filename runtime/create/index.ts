/** The creation functions of `np` (runtime/create). */
export { array, asarray, asanyarray, type ArrayLike } from "./array.js";
export { empty, zeros, ones, full } from "./filled.js";
export { arange, linspace, eye, ZeroDivisionError } from "./ranges.js";
export { empty_like, zeros_like, ones_like, full_like, copy } from "./like.js";
export { frombuffer, type FromBufferOptions } from "./frombuffer.js";
