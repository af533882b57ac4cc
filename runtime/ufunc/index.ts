/** The ufunc names of `np` (the compute section of runtime/np.ts spreads this module). */
export {
  add, subtract, multiply, divide, true_divide, floor_divide, remainder, mod, power, maximum, minimum,
  equal, not_equal, less, less_equal, greater, greater_equal, logical_and, logical_or, logical_xor, logical_not,
  bitwise_and, bitwise_or, bitwise_xor, invert, negative, absolute, abs, sqrt, exp, log, sin, cos, tanh,
} from "./ufuncs.js";
export {
  isnan, isinf, isfinite, floor, ceil, trunc, rint, sign, log2, log10, log1p, expm1, exp2, sinh, cosh, tan,
  arcsin, arccos, arctan, arcsinh, arccosh, arctanh, degrees, rad2deg, radians, deg2rad, square, reciprocal, hypot, arctan2, fmod, fmax, fmin,
} from "./mathfuncs.js";
export { copyto } from "./copyto.js";
export { OverflowError } from "./errors.js";
export { clip } from "./clip.js";
export { round, around } from "./round.js";
export { divmod } from "./divmod.js";
export { isclose, allclose, array_equal, array_equiv } from "./close.js";
