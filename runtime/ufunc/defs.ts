/**
 * The ufunc table: for each ufunc, the input dtypes it has loops for (NumPy's `ufunc.types`
 * restricted to our dtypes), the output dtype of each loop, and the inner loop to run (int64/uint64
 * loops: int64.ts, chosen by name in run.ts).
 *
 * Differences to NumPy that follow from the missing dtype: where NumPy's first loop is float16
 * (sqrt/exp/log/sin/cos/tanh of bool, int8, uint8) ours is float32 (see promote.ts).
 */
import type { DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { LOOP_ORDER } from "./promote.js";
import type { UFuncDef } from "./apply.js";
import {
  addLoop, andLoop, binaryFrom, divideLoop, float32FloorDivide, float32Remainder, floatFloorDivide, floatRemainder,
  cPow, imulLoop, intFloorDivide, lessLoop, lessEqualLoop, greaterLoop, greaterEqualLoop, equalLoop, notEqualLoop,
  sqrtLoop, negativeLoop, absoluteLoop, expLoop, logLoop, intPower, intRemainder, multiplyLoop, orLoop, subtractLoop, unaryFrom, xorLoop,
  type BinaryLoop, type UnaryLoop,
} from "./kernels.js";
import { maximumLoop, minimumLoop } from "./extrema.js";
import { accelerate } from "../wasm/loops.js";

const ALL = LOOP_ORDER;
const NUMERIC = LOOP_ORDER.filter((t) => t !== "bool");
const INTS: readonly DType[] = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"];
const FLOATS: readonly DType[] = ["float32", "float64"];
const same = (t: DType): DType => t;
const toBool = (): DType => "bool";
const isFloat = (t: DType): boolean => t === "float32" || t === "float64";

function def(
  name: string,
  nin: 1 | 2,
  loops: readonly DType[],
  loop: (t: DType) => BinaryLoop | UnaryLoop,
  extra: Partial<Pick<UFuncDef, "out" | "intToFloat" | "comparison" | "noLoopMessage" | "logical">> = {},
): UFuncDef {
  // every inner loop passes through the wasm loop table (runtime/wasm/loops.ts): its SIMD twin where there is one
  return { name, nin, loops, loop: (t) => accelerate(loop(t)), out: extra.out ?? same, intToFloat: extra.intToFloat, comparison: extra.comparison, logical: extra.logical, noLoopMessage: extra.noLoopMessage, cache: new Map(), f64Wasm: undefined, f64New: undefined, f64UnaryNew: undefined };
}

const memo = <T>(make: (t: DType) => T): ((t: DType) => T) => {
  const m = new Map<DType, T>();
  return (t) => {
    let v = m.get(t);
    if (v === undefined) m.set(t, (v = make(t)));
    return v;
  };
};

const cmp = (name: string, loop: BinaryLoop): UFuncDef => def(name, 2, ALL, () => loop, { out: toBool, comparison: true });

const intPowerLoop = binaryFrom((x, y) => {
  if (y < 0) throw new ValueError("Integers to negative integer powers are not allowed.");
  return intPower(x, y);
});
const floatPowerLoop = binaryFrom(cPow);
const intFloorLoop = binaryFrom(intFloorDivide);
const f64FloorLoop = binaryFrom(floatFloorDivide);
const f32FloorLoop = binaryFrom(float32FloorDivide);
const intRemLoop = binaryFrom(intRemainder);
const f64RemLoop = binaryFrom(floatRemainder);
const f32RemLoop = binaryFrom(float32Remainder);

/** The ufuncs by NumPy name. */
export const UFUNCS = {
  add: def("add", 2, ALL, (t) => (t === "bool" ? orLoop : addLoop)),
  subtract: def("subtract", 2, NUMERIC, () => subtractLoop, {
    noLoopMessage: (ts) =>
      ts.every((t) => t === "bool")
        ? "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."
        : undefined,
  }),
  multiply: def("multiply", 2, ALL, (t) => (t === "bool" ? andLoop : t === "int32" || t === "uint32" ? imulLoop : multiplyLoop)),
  true_divide: def("true_divide", 2, FLOATS, () => divideLoop, { intToFloat: true }),
  floor_divide: def("floor_divide", 2, NUMERIC, (t) => (t === "float64" ? f64FloorLoop : t === "float32" ? f32FloorLoop : intFloorLoop)),
  remainder: def("remainder", 2, NUMERIC, (t) => (t === "float64" ? f64RemLoop : t === "float32" ? f32RemLoop : intRemLoop)),
  power: def("power", 2, NUMERIC, (t) => (isFloat(t) ? floatPowerLoop : intPowerLoop)),
  maximum: def("maximum", 2, ALL, () => maximumLoop),
  minimum: def("minimum", 2, ALL, () => minimumLoop),
  equal: cmp("equal", equalLoop),
  not_equal: cmp("not_equal", notEqualLoop),
  less: cmp("less", lessLoop),
  less_equal: cmp("less_equal", lessEqualLoop),
  greater: cmp("greater", greaterLoop),
  greater_equal: cmp("greater_equal", greaterEqualLoop),
  logical_and: def("logical_and", 2, ALL, memo(() => binaryFrom((x, y) => (x !== 0 && y !== 0 ? 1 : 0))), { out: toBool, logical: true }),
  logical_or: def("logical_or", 2, ALL, memo(() => binaryFrom((x, y) => (x !== 0 || y !== 0 ? 1 : 0))), { out: toBool, logical: true }),
  logical_xor: def("logical_xor", 2, ALL, memo(() => binaryFrom((x, y) => ((x !== 0) !== (y !== 0) ? 1 : 0))), { out: toBool, logical: true }),
  bitwise_and: def("bitwise_and", 2, INTS, () => andLoop),
  bitwise_or: def("bitwise_or", 2, INTS, () => orLoop),
  bitwise_xor: def("bitwise_xor", 2, INTS, () => xorLoop),
  negative: def("negative", 1, NUMERIC, () => negativeLoop, {
    noLoopMessage: (ts) =>
      ts[0] === "bool" ? "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead." : undefined,
  }),
  absolute: def("absolute", 1, ALL, () => absoluteLoop),
  sqrt: def("sqrt", 1, FLOATS, () => sqrtLoop),
  exp: def("exp", 1, FLOATS, () => expLoop),
  log: def("log", 1, FLOATS, () => logLoop),
  sin: def("sin", 1, FLOATS, memo(() => unaryFrom(Math.sin))),
  cos: def("cos", 1, FLOATS, memo(() => unaryFrom(Math.cos))),
  tanh: def("tanh", 1, FLOATS, memo(() => unaryFrom(Math.tanh))),
  logical_not: def("logical_not", 1, ALL, memo(() => unaryFrom((x) => (x === 0 ? 1 : 0))), { out: toBool }),
  invert: def("invert", 1, INTS, (t) => (t === "bool" ? boolNot : bitNot)),
} satisfies Record<string, UFuncDef>;

const boolNot: UnaryLoop = unaryFrom((x) => x ^ 1);
const bitNot: UnaryLoop = unaryFrom((x) => ~x);

/** Name of a ufunc in the table. */
export type UFuncName = keyof typeof UFUNCS;
