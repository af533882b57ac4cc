/** The ufunc names of `np` (the compute section of runtime/np.ts spreads this module). */
export {
  add, subtract, multiply, divide, true_divide, floor_divide, remainder, mod, power, maximum, minimum,
  equal, not_equal, less, less_equal, greater, greater_equal, logical_and, logical_or, logical_xor, logical_not,
  bitwise_and, bitwise_or, bitwise_xor, invert, negative, absolute, abs, sqrt, exp, log, sin, cos, tanh,
} from "./ufuncs.js";
export { copyto } from "./copyto.js";
export { OverflowError } from "./errors.js";
