/**
 * The math ufuncs' table (isnan ... arctan2): input dtypes with a loop, output dtype, inner loop,
 * in the same shape as defs.ts so `applyUFunc` runs them with broadcasting, out, where, dtype,
 * casting and NumPy's overlap rule.
 *
 * Loops (NumPy 1.24's `ufunc.types`, restricted to our dtypes):
 * - isnan, isinf, isfinite: every dtype, bool result (integers are never NaN or infinite).
 * - floor, ceil, trunc, rint, log2, log10, log1p, expm1, exp2, sinh, cosh, tan, arcsin, arccos,
 *   arctan, arcsinh, arccosh, arctanh, degrees, radians, deg2rad, rad2deg, hypot, arctan2:
 *   float loops only, so integers go to the first float type that holds them safely (int8, uint8
 *   and bool give float32 where NumPy gives float16; int16/uint16 float32; int32/uint32 float64).
 * - sign, square, reciprocal, fmod: integer and float loops; bool goes to int8 as in NumPy,
 *   except sign, which NumPy refuses for bool.
 * Kernels and their bit-exactness: mathkernels.ts.
 */
import type { DType } from "../core/dtype.js";
import { UFuncTypeError } from "../core/errors.js";
import type { UFuncDef } from "./apply.js";
import { binaryFrom, unaryFrom, type BinaryLoop, type UnaryLoop } from "./kernels.js";
import { DEG2RAD, DEG2RAD32, RAD2DEG, RAD2DEG32, fmax, fmin, hypot, hypotf, intFmod, intReciprocal, rint, sign } from "./mathkernels.js";
import { LOOP_ORDER } from "./promote.js";

const ALL = LOOP_ORDER;
const NUMERIC = LOOP_ORDER.filter((t) => t !== "bool");
const FLOATS: readonly DType[] = ["float32", "float64"];
const same = (t: DType): DType => t;
const toBool = (): DType => "bool";
const isFloat = (t: DType): boolean => t === "float32" || t === "float64";

function def(name: string, nin: 1 | 2, loops: readonly DType[], loop: (t: DType) => BinaryLoop | UnaryLoop, extra: Partial<Pick<UFuncDef, "out" | "noLoopMessage">> = {}): UFuncDef {
  const made = new Map<DType, BinaryLoop | UnaryLoop>();
  const memo = (t: DType): BinaryLoop | UnaryLoop => {
    let l = made.get(t);
    if (l === undefined) made.set(t, (l = loop(t)));
    return l;
  };
  return { name, nin, loops, loop: memo, out: extra.out ?? same, noLoopMessage: extra.noLoopMessage, cache: new Map(), f64Wasm: undefined, f64New: undefined, f64UnaryNew: undefined };
}

/** A float-only unary ufunc computing `f` in double (the float32 store rounds once). */
const floatUnary = (name: string, f: (x: number) => number): UFuncDef => def(name, 1, FLOATS, () => unaryFrom(f));
/** A bool-valued predicate over every dtype. */
const predicate = (name: string, f: (x: number) => number): UFuncDef => def(name, 1, ALL, () => unaryFrom(f), { out: toBool });

const degrees = (t: DType): UnaryLoop => {
  const c = t === "float32" ? RAD2DEG32 : RAD2DEG;
  return unaryFrom((x) => x * c);
};
const radians = (t: DType): UnaryLoop => {
  const c = t === "float32" ? DEG2RAD32 : DEG2RAD;
  return unaryFrom((x) => x * c);
};

/** The math ufuncs by NumPy name. */
export const MATH_UFUNCS = {
  isnan: predicate("isnan", (x) => (x !== x ? 1 : 0)),
  isinf: predicate("isinf", (x) => (x === Infinity || x === -Infinity ? 1 : 0)),
  isfinite: predicate("isfinite", (x) => (x - x === 0 ? 1 : 0)),
  floor: floatUnary("floor", Math.floor),
  ceil: floatUnary("ceil", Math.ceil),
  trunc: floatUnary("trunc", Math.trunc),
  rint: floatUnary("rint", rint),
  sign: def("sign", 1, NUMERIC, () => unaryFrom(sign), {
    noLoopMessage: (ts) => {
      if (ts[0] === "bool") throw new UFuncTypeError("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None");
      return undefined;
    },
  }),
  log2: floatUnary("log2", Math.log2),
  log10: floatUnary("log10", Math.log10),
  log1p: floatUnary("log1p", Math.log1p),
  expm1: floatUnary("expm1", Math.expm1),
  exp2: floatUnary("exp2", (x) => Math.pow(2, x)),
  sinh: floatUnary("sinh", Math.sinh),
  cosh: floatUnary("cosh", Math.cosh),
  tan: floatUnary("tan", Math.tan),
  arcsin: floatUnary("arcsin", Math.asin),
  arccos: floatUnary("arccos", Math.acos),
  arctan: floatUnary("arctan", Math.atan),
  arcsinh: floatUnary("arcsinh", Math.asinh),
  arccosh: floatUnary("arccosh", Math.acosh),
  arctanh: floatUnary("arctanh", Math.atanh),
  degrees: def("degrees", 1, FLOATS, degrees),
  rad2deg: def("rad2deg", 1, FLOATS, degrees),
  radians: def("radians", 1, FLOATS, radians),
  deg2rad: def("deg2rad", 1, FLOATS, radians),
  square: def("square", 1, NUMERIC, (t) => (t === "int32" || t === "uint32" ? unaryFrom((x) => Math.imul(x, x)) : unaryFrom((x) => x * x))),
  reciprocal: def("reciprocal", 1, NUMERIC, (t) => (isFloat(t) ? unaryFrom((x) => 1 / x) : unaryFrom((x) => intReciprocal(x, t === "int32")))),
  hypot: def("hypot", 2, FLOATS, (t) => binaryFrom(t === "float32" ? hypotf : hypot)),
  arctan2: def("arctan2", 2, FLOATS, () => binaryFrom(Math.atan2)),
  fmod: def("fmod", 2, NUMERIC, (t) => binaryFrom(isFloat(t) ? (x, y) => x % y : intFmod)),
  fmax: def("fmax", 2, ALL, () => binaryFrom(fmax)),
  fmin: def("fmin", 2, ALL, () => binaryFrom(fmin)),
} satisfies Record<string, UFuncDef>;

/** Name of a math ufunc. */
export type MathUFuncName = keyof typeof MATH_UFUNCS;
