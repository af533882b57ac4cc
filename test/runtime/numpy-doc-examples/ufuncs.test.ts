/**
 * NumPy 1.24's own docstring examples (Debian's numpy, `>>>` lines) for the ufuncs: arithmetic,
 * floor_divide/remainder/fmod/divmod, powers, logs and exponentials, trigonometric and hyperbolic,
 * rounding, maximum/minimum/fmax/fmin, clip, comparisons, logical and bitwise, isnan/isinf/
 * isfinite, isclose/allclose/array_equal/array_equiv, ufunc.reduce (minimum's lines, also through
 * maximum, fmax and fmin: the runtime's ufuncs with reduce), and the same calls as the methods
 * a.clip and a.round. Translated mechanically to the runtime's API
 * (API.md: keywords as a trailing options object, tuples as arrays, an operator as its ufunc, a
 * Python list holding a float literal with an integer value such as `[1., -1.]` as
 * `np.array(list, { dtype: "float64" })`) and compared with NumPy run on the Python lines as
 * written (harness.ts). Python's builtins `abs` and `divmod` on arrays are np.abs and np.divmod.
 * Changed from the docs, said at the example: `dtype='d'` as `dtype=np.float64`, `np.NINF` as
 * `-np.inf`, `np.Inf` as `np.inf`, `np.reciprocal(2.)` with `dtype=np.float64`.
 * Left out on purpose: complex numbers (`1.2 + 1j`, `dtype=complex`, square, sinh/tanh/log2/sqrt/sign/
 * array_equal's complex lines), matplotlib plots (exp's only example, absolute, sin, arccos, arctan,
 * cosh), np.binary_repr, np.format_float_positional and np.bitwise_not (not in the runtime),
 * Python's `round`; and the README decision "a ufunc on 0-d arrays gives a 0-d array" (NumPy a
 * scalar): `np.invert(np.array(13, dtype=np.uint8))` is compared with `.item()`.
 */
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { docExamples, runDocExamples } from "./harness.js";

const { EXAMPLES, ex } = docExamples();
/** A Python list with float literals (`[1., 2.]`): float64, as API.md says to write it. */
const F = (v: unknown): NDArray => np.array(v as number[], { dtype: "float64" });

// --- add, subtract, multiply, divide, true_divide
const X1 = "x1 = np.arange(9.0).reshape((3, 3))\n";
const x1 = (): NDArray => np.arange(9, { dtype: "float64" }).reshape([3, 3]);
const x2 = (): NDArray => np.arange(3, { dtype: "float64" });
const X12 = X1 + "x2 = np.arange(3.0)\n";
ex("add", "np.add(1.0, 4.0)", () => np.add(1.0, 4.0));
ex("add", X12 + "np.add(x1, x2)", () => np.add(x1(), x2()));
ex("add", X12 + "x1 + x2", () => np.add(x1(), x2()));
ex("subtract", "np.subtract(1.0, 4.0)", () => np.subtract(1.0, 4.0));
ex("subtract", X12 + "np.subtract(x1, x2)", () => np.subtract(x1(), x2()));
ex("subtract", X12 + "x1 - x2", () => np.subtract(x1(), x2()));
ex("multiply", "np.multiply(2.0, 4.0)", () => np.multiply(2.0, 4.0));
ex("multiply", X12 + "np.multiply(x1, x2)", () => np.multiply(x1(), x2()));
ex("multiply", X12 + "x1 * x2", () => np.multiply(x1(), x2()));
for (const f of ["divide", "true_divide"] as const) {
  const fn = f === "divide" ? np.divide : np.true_divide;
  ex(f, "np.divide(2.0, 4.0)", () => fn(2.0, 4.0));
  ex(f, X12 + "np.divide(x1, x2)", () => fn(x1(), x2()));
  ex(f, X1 + "x2 = 2 * np.ones(3)\nx1 / x2", () => fn(x1(), np.multiply(2, np.ones(3))));
}

// --- floor_divide, power, mod/remainder, fmod, divmod
ex("floor_divide", "np.floor_divide(7,3)", () => np.floor_divide(7, 3));
ex("floor_divide", "np.floor_divide([1., 2., 3., 4.], 2.5)", () => np.floor_divide(F([1, 2, 3, 4]), 2.5));
ex("floor_divide", "x1 = np.array([1., 2., 3., 4.])\nx1 // 2.5", () => np.floor_divide(F([1, 2, 3, 4]), 2.5));
const P1 = "x1 = np.arange(6)\n";
ex("power", P1 + "x1", () => np.arange(6));
ex("power", P1 + "np.power(x1, 3)", () => np.power(np.arange(6), 3));
ex("power", P1 + "x2 = [1.0, 2.0, 3.0, 3.0, 2.0, 1.0]\nnp.power(x1, x2)", () => np.power(np.arange(6), F([1, 2, 3, 3, 2, 1])));
const P2 = P1 + "x2 = np.array([[1, 2, 3, 3, 2, 1], [1, 2, 3, 3, 2, 1]])\n";
const p2 = (): NDArray => np.array([[1, 2, 3, 3, 2, 1], [1, 2, 3, 3, 2, 1]]);
ex("power", P2 + "x2", p2);
ex("power", P2 + "np.power(x1, x2)", () => np.power(np.arange(6), p2()));
ex("power", "x2 = np.array([1, 2, 3, 3, 2, 1])\nx1 = np.arange(6)\nx1 ** x2", () => np.power(np.arange(6), np.array([1, 2, 3, 3, 2, 1])));
ex("power", "x3 = np.array([-1.0, -4.0])\nwith np.errstate(invalid='ignore'):\n    p = np.power(x3, 1.5)\np", () => np.power(F([-1, -4]), 1.5));
// power's float lines on C's special values (pow(1, y) is 1 even for NaN, pow(-1, ±inf) is 1), float64 and float32
ex("power", "x1 = np.array([1., -1., 2., 0.])\nnp.power(x1[:, None], [np.nan, np.inf, -np.inf, 0.5, 0.])", () =>
  np.power(F([1, -1, 2, 0]).get(":, None"), [np.nan, np.inf, -np.inf, 0.5, 0]),
);
ex("power", "x1 = np.array([1., -1., 2., 0.], dtype=np.float32)\nnp.power(x1[:, None], np.array([np.nan, np.inf, -np.inf, 0.5, 0.], dtype=np.float32))", () =>
  np.power(np.array([1, -1, 2, 0], { dtype: "float32" }).get(":, None"), np.array([np.nan, np.inf, -np.inf, 0.5, 0], { dtype: "float32" })),
);
ex("power", "[np.power(1.0, np.nan), np.power(-1.0, np.inf), np.power(1.0, -np.inf)]", () => [np.power(1.0, np.nan), np.power(-1.0, np.inf), np.power(1.0, -np.inf)]);
for (const f of ["mod", "remainder"] as const) {
  const fn = f === "mod" ? np.mod : np.remainder;
  ex(f, "np.remainder([4, 7], [2, 3])", () => fn([4, 7], [2, 3]));
  ex(f, "np.remainder(np.arange(7), 5)", () => fn(np.arange(7), 5));
  ex(f, "x1 = np.arange(7)\nx1 % 5", () => fn(np.arange(7), 5));
}
ex("fmod", "np.fmod([-3, -2, -1, 1, 2, 3], 2)", () => np.fmod([-3, -2, -1, 1, 2, 3], 2));
ex("fmod", "np.remainder([-3, -2, -1, 1, 2, 3], 2)", () => np.remainder([-3, -2, -1, 1, 2, 3], 2));
ex("fmod", "np.fmod([5, 3], [2, 2.])", () => np.fmod([5, 3], F([2, 2])));
const a32 = (): NDArray => np.arange(-3, 3).reshape(3, 2);
ex("fmod", "a = np.arange(-3, 3).reshape(3, 2)\na", a32);
ex("fmod", "a = np.arange(-3, 3).reshape(3, 2)\nnp.fmod(a, [2,2])", () => np.fmod(a32(), [2, 2]));
ex("divmod", "np.divmod(np.arange(5), 3)", () => np.divmod(np.arange(5), 3));
ex("divmod", "x = np.arange(5)\ndivmod(x, 3)", () => np.divmod(np.arange(5), 3));

// --- negative, absolute, sqrt, exp2, expm1, log, log10, log2, log1p
ex("negative", "np.negative([1.,-1.])", () => np.negative(F([1, -1])));
ex("negative", "x1 = np.array(([1., -1.]))\n-x1", () => np.negative(F([1, -1])));
ex("absolute", "x = np.array([-1.2, 1.2])\nnp.absolute(x)", () => np.absolute(np.array([-1.2, 1.2])));
ex("absolute", "x = np.array([-1.2, 1.2])\nabs(x)", () => np.abs(np.array([-1.2, 1.2])));
ex("sqrt", "np.sqrt([1,4,9])", () => np.sqrt([1, 4, 9]));
ex("sqrt", "np.sqrt([4, -1, np.inf])", () => np.sqrt([4, -1, np.inf]));
ex("exp2", "np.exp2([2, 3])", () => np.exp2([2, 3]));
ex("expm1", "np.expm1(1e-10)", () => np.expm1(1e-10));
ex("expm1", "np.exp(1e-10) - 1", () => (np.exp(1e-10) as number) - 1);
ex("log", "np.log([1, np.e, np.e**2, 0])", () => np.log([1, np.e, np.e ** 2, 0]));
ex("log10", "np.log10([1e-15, -3.])", () => np.log10([1e-15, -3]));
ex("log2", "x = np.array([0, 1, 2, 2**4])\nnp.log2(x)", () => np.log2(np.array([0, 1, 2, 2 ** 4])));
ex("log1p", "np.log1p(1e-99)", () => np.log1p(1e-99));
ex("log1p", "np.log(1 + 1e-99)", () => np.log(1 + 1e-99));

// --- trigonometric, hyperbolic, angles
ex("sin", "np.sin(np.pi/2.)", () => np.sin(np.pi / 2));
ex("sin", "np.sin(np.array((0., 30., 45., 60., 90.)) * np.pi / 180. )", () => np.sin(np.divide(np.multiply(F([0, 30, 45, 60, 90]), np.pi), 180)));
ex("cos", "np.cos(np.array([0, np.pi/2, np.pi]))", () => np.cos(np.array([0, np.pi / 2, np.pi])));
// dtype='d' as np.float64 (the runtime names dtypes, no codes)
for (const f of ["cos", "sinh", "tanh"] as const) {
  ex(f, `out1 = np.array([0], dtype=np.float64)\nout2 = np.${f}([0.1], out1)\n[out2 is out1, out1]`, () => {
    const out1 = np.array([0], { dtype: np.float64 });
    const out2 = np[f]([0.1], out1);
    return [out2 === out1, out1];
  });
  ex(f, `np.${f}(np.zeros((3,3)),np.zeros((2,2)))`, () => np[f](np.zeros([3, 3]), np.zeros([2, 2])));
}
ex("tan", "from math import pi\nnp.tan(np.array([-pi,pi/2,pi]))", () => np.tan(np.array([-Math.PI, Math.PI / 2, Math.PI])));
ex("arcsin", "np.arcsin(1)", () => np.arcsin(1));
ex("arcsin", "np.arcsin(-1)", () => np.arcsin(-1));
ex("arcsin", "np.arcsin(0)", () => np.arcsin(0));
ex("arccos", "np.arccos([1, -1])", () => np.arccos([1, -1]));
ex("arctan", "np.arctan([0, 1])", () => np.arctan([0, 1]));
ex("arctan", "np.pi/4", () => np.pi / 4);
const XY = "x = np.array([-1, +1, +1, -1])\ny = np.array([-1, -1, +1, +1])\n";
ex("arctan2", XY + "np.arctan2(y, x) * 180 / np.pi", () => np.divide(np.multiply(np.arctan2(np.array([-1, -1, 1, 1]), np.array([-1, 1, 1, -1])), 180), np.pi));
ex("arctan2", "np.arctan2([1., -1.], [0., 0.])", () => np.arctan2(F([1, -1]), F([0, 0])));
ex("arctan2", "np.arctan2([0., 0., np.inf], [+0., -0., np.inf])", () => np.arctan2([0, 0, np.inf], [+0, -0, np.inf]));
ex("hypot", "np.hypot(3*np.ones((3, 3)), 4*np.ones((3, 3)))", () => np.hypot(np.multiply(3, np.ones([3, 3])), np.multiply(4, np.ones([3, 3]))));
ex("hypot", "np.hypot(3*np.ones((3, 3)), [4])", () => np.hypot(np.multiply(3, np.ones([3, 3])), [4]));
ex("sinh", "np.sinh(0)", () => np.sinh(0));
ex("cosh", "np.cosh(0)", () => np.cosh(0));
ex("arcsinh", "np.arcsinh(np.array([np.e, 10.0]))", () => np.arcsinh(F([np.e, 10])));
ex("arccosh", "np.arccosh([np.e, 10.0])", () => np.arccosh(F([np.e, 10])));
ex("arccosh", "np.arccosh(1)", () => np.arccosh(1));
ex("arctanh", "np.arctanh([0, -0.5])", () => np.arctanh([0, -0.5]));
ex("deg2rad", "np.deg2rad(180)", () => np.deg2rad(180));
ex("rad2deg", "np.rad2deg(np.pi/2)", () => np.rad2deg(np.pi / 2));
const rad = (): NDArray => np.divide(np.multiply(np.arange(12, { dtype: "float64" }), np.pi), 6);
const RAD = "rad = np.arange(12.)*np.pi/6\n";
ex("degrees", RAD + "np.degrees(rad)", () => np.degrees(rad()));
ex("degrees", RAD + "out = np.zeros((rad.shape))\nr = np.degrees(rad, out)\nnp.all(r == out)", () => {
  const r0 = rad();
  const out = np.zeros(r0.shape);
  const r = np.degrees(r0, out);
  return np.all(np.equal(r, out));
});
const deg = (): NDArray => np.multiply(np.arange(12, { dtype: "float64" }), 30);
const DEG = "deg = np.arange(12.) * 30.\n";
ex("radians", DEG + "np.radians(deg)", () => np.radians(deg()));
ex("radians", DEG + "out = np.zeros((deg.shape))\nret = np.radians(deg, out)\nret is out", () => {
  const d = deg();
  const out = np.zeros(d.shape);
  return np.radians(d, out) === out;
});

// --- reciprocal, sign, rounding
ex("reciprocal", "np.reciprocal(2., dtype=np.float64)", () => np.reciprocal(2, { dtype: "float64" }));
ex("reciprocal", "np.reciprocal([1, 2., 3.33])", () => np.reciprocal([1, 2, 3.33]));
ex("sign", "np.sign([-5., 4.5])", () => np.sign([-5, 4.5]));
ex("sign", "np.sign(0)", () => np.sign(0));
const R = "a = np.array([-1.7, -1.5, -0.2, 0.2, 1.5, 1.7, 2.0])\n";
const r7 = (): NDArray => np.array([-1.7, -1.5, -0.2, 0.2, 1.5, 1.7, 2.0]);
for (const f of ["floor", "ceil", "trunc", "rint"] as const) ex(f, R + `np.${f}(a)`, () => np[f](r7()));
ex("around", "np.round(56294995342131.5, 3)", () => np.round(56294995342131.5, 3));
ex("around", "np.round(16.055, 2)", () => np.round(16.055, 2));
ex("around", "np.around([0.37, 1.64])", () => np.around([0.37, 1.64]));
ex("around", "np.around([0.37, 1.64], decimals=1)", () => np.around([0.37, 1.64], { decimals: 1 }));
ex("around", "np.around([.5, 1.5, 2.5, 3.5, 4.5])", () => np.around([0.5, 1.5, 2.5, 3.5, 4.5]));
ex("around", "np.around([1,2,3,11], decimals=1)", () => np.around([1, 2, 3, 11], { decimals: 1 }));
ex("around", "np.around([1,2,3,11], decimals=-1)", () => np.around([1, 2, 3, 11], { decimals: -1 }));

// --- maximum, minimum, fmax, fmin, clip
for (const f of ["maximum", "minimum", "fmax", "fmin"] as const) {
  ex(f, `np.${f}([2, 3, 4], [1, 5, 2])`, () => np[f]([2, 3, 4], [1, 5, 2]));
  ex(f, `np.${f}(np.eye(2), [0.5, 2])`, () => np[f](np.eye(2), [0.5, 2]));
  ex(f, `np.${f}([np.nan, 0, np.nan], [0, np.nan, np.nan])`, () => np[f]([np.nan, 0, np.nan], [0, np.nan, np.nan]));
}
// np.Inf as np.inf (the runtime spells NumPy's constants once)
ex("maximum", "np.maximum(np.inf, 1)", () => np.maximum(np.inf, 1));
ex("minimum", "np.minimum(-np.inf, 1)", () => np.minimum(-np.inf, 1));
ex("clip", "a = np.arange(10)\na", () => np.arange(10));
ex("clip", "a = np.arange(10)\nnp.clip(a, 1, 8)", () => np.clip(np.arange(10), 1, 8));
ex("clip", "a = np.arange(10)\nnp.clip(a, 8, 1)", () => np.clip(np.arange(10), 8, 1));
ex("clip", "a = np.arange(10)\nnp.clip(a, 3, 6, out=a)", () => {
  const a = np.arange(10);
  return np.clip(a, 3, 6, { out: a });
});
ex("clip", "a = np.arange(10)\nnp.clip(a, 3, 6, out=a)\na", () => {
  const a = np.arange(10);
  np.clip(a, 3, 6, { out: a });
  return a;
});
ex("clip", "a = np.arange(10)\nnp.clip(a, [3, 4, 1, 1, 1, 4, 4, 4, 4, 4], 8)", () => np.clip(np.arange(10), [3, 4, 1, 1, 1, 4, 4, 4, 4, 4], 8));

// --- comparisons
ex("equal", "np.equal([0, 1, 3], np.arange(3))", () => np.equal([0, 1, 3], np.arange(3)));
ex("equal", "np.equal(1, np.ones(1))", () => np.equal(1, np.ones(1)));
ex("equal", "a = np.array([2, 4, 6])\nb = np.array([2, 4, 2])\na == b", () => np.equal(np.array([2, 4, 6]), np.array([2, 4, 2])));
ex("not_equal", "np.not_equal([1.,2.], [1., 3.])", () => np.not_equal(F([1, 2]), F([1, 3])));
ex("not_equal", "np.not_equal([1, 2], [[1, 3],[1, 4]])", () => np.not_equal([1, 2], [[1, 3], [1, 4]]));
ex("not_equal", "a = np.array([1., 2.])\nb = np.array([1., 3.])\na != b", () => np.not_equal(F([1, 2]), F([1, 3])));
ex("less", "np.less([1, 2], [2, 2])", () => np.less([1, 2], [2, 2]));
ex("less", "a = np.array([1, 2])\nb = np.array([2, 2])\na < b", () => np.less(np.array([1, 2]), np.array([2, 2])));
ex("less_equal", "np.less_equal([4, 2, 1], [2, 2, 2])", () => np.less_equal([4, 2, 1], [2, 2, 2]));
ex("less_equal", "a = np.array([4, 2, 1])\nb = np.array([2, 2, 2])\na <= b", () => np.less_equal(np.array([4, 2, 1]), np.array([2, 2, 2])));
ex("greater", "np.greater([4,2],[2,2])", () => np.greater([4, 2], [2, 2]));
ex("greater", "a = np.array([4, 2])\nb = np.array([2, 2])\na > b", () => np.greater(np.array([4, 2]), np.array([2, 2])));
ex("greater_equal", "np.greater_equal([4, 2, 1], [2, 2, 2])", () => np.greater_equal([4, 2, 1], [2, 2, 2]));
ex("greater_equal", "a = np.array([4, 2, 1])\nb = np.array([2, 2, 2])\na >= b", () => np.greater_equal(np.array([4, 2, 1]), np.array([2, 2, 2])));

// --- logical
ex("logical_and", "np.logical_and(True, False)", () => np.logical_and(true, false));
ex("logical_and", "np.logical_and([True, False], [False, False])", () => np.logical_and([true, false], [false, false]));
ex("logical_and", "x = np.arange(5)\nnp.logical_and(x>1, x<4)", () => np.logical_and(np.greater(np.arange(5), 1), np.less(np.arange(5), 4)));
ex("logical_and", "a = np.array([True, False])\nb = np.array([False, False])\na & b", () => np.bitwise_and(np.array([true, false]), np.array([false, false])));
ex("logical_or", "np.logical_or(True, False)", () => np.logical_or(true, false));
ex("logical_or", "np.logical_or([True, False], [False, False])", () => np.logical_or([true, false], [false, false]));
ex("logical_or", "x = np.arange(5)\nnp.logical_or(x < 1, x > 3)", () => np.logical_or(np.less(np.arange(5), 1), np.greater(np.arange(5), 3)));
ex("logical_or", "a = np.array([True, False])\nb = np.array([False, False])\na | b", () => np.bitwise_or(np.array([true, false]), np.array([false, false])));
ex("logical_not", "np.logical_not(3)", () => np.logical_not(3));
ex("logical_not", "np.logical_not([True, False, 0, 1])", () => np.logical_not([true, false, 0, 1]));
ex("logical_not", "x = np.arange(5)\nnp.logical_not(x<3)", () => np.logical_not(np.less(np.arange(5), 3)));
ex("logical_xor", "np.logical_xor(True, False)", () => np.logical_xor(true, false));
ex("logical_xor", "np.logical_xor([True, True, False, False], [True, False, True, False])", () => np.logical_xor([true, true, false, false], [true, false, true, false]));
ex("logical_xor", "x = np.arange(5)\nnp.logical_xor(x < 1, x > 3)", () => np.logical_xor(np.less(np.arange(5), 1), np.greater(np.arange(5), 3)));
ex("logical_xor", "np.logical_xor(0, np.eye(2))", () => np.logical_xor(0, np.eye(2)));

// --- bitwise, invert
ex("bitwise_and", "np.bitwise_and(13, 17)", () => np.bitwise_and(13, 17));
ex("bitwise_and", "np.bitwise_and(14, 13)", () => np.bitwise_and(14, 13));
ex("bitwise_and", "np.bitwise_and([14,3], 13)", () => np.bitwise_and([14, 3], 13));
ex("bitwise_and", "np.bitwise_and([11,7], [4,25])", () => np.bitwise_and([11, 7], [4, 25]));
ex("bitwise_and", "np.bitwise_and(np.array([2,5,255]), np.array([3,14,16]))", () => np.bitwise_and(np.array([2, 5, 255]), np.array([3, 14, 16])));
ex("bitwise_and", "np.bitwise_and([True, True], [False, True])", () => np.bitwise_and([true, true], [false, true]));
ex("bitwise_and", "x1 = np.array([2, 5, 255])\nx2 = np.array([3, 14, 16])\nx1 & x2", () => np.bitwise_and(np.array([2, 5, 255]), np.array([3, 14, 16])));
ex("bitwise_or", "np.bitwise_or(13, 16)", () => np.bitwise_or(13, 16));
ex("bitwise_or", "np.bitwise_or(32, 2)", () => np.bitwise_or(32, 2));
ex("bitwise_or", "np.bitwise_or([33, 4], 1)", () => np.bitwise_or([33, 4], 1));
ex("bitwise_or", "np.bitwise_or([33, 4], [1, 2])", () => np.bitwise_or([33, 4], [1, 2]));
ex("bitwise_or", "np.bitwise_or(np.array([2, 5, 255]), np.array([4, 4, 4]))", () => np.bitwise_or(np.array([2, 5, 255]), np.array([4, 4, 4])));
ex("bitwise_or", "np.array([2, 5, 255]) | np.array([4, 4, 4])", () => np.bitwise_or(np.array([2, 5, 255]), np.array([4, 4, 4])));
// int32 prints without dtype= here (the default integer, README): values and dtype compared
ex("bitwise_or", "r = np.bitwise_or(np.array([2, 5, 255, 2147483647], dtype=np.int32), np.array([4, 4, 4, 2147483647], dtype=np.int32))\n[r.tolist(), str(r.dtype)]", () => {
  const r = np.bitwise_or(np.array([2, 5, 255, 2147483647], { dtype: np.int32 }), np.array([4, 4, 4, 2147483647], { dtype: np.int32 }));
  return [r.tolist(), r.dtype];
});
ex("bitwise_or", "np.bitwise_or([True, True], [False, True])", () => np.bitwise_or([true, true], [false, true]));
ex("bitwise_xor", "np.bitwise_xor(13, 17)", () => np.bitwise_xor(13, 17));
ex("bitwise_xor", "np.bitwise_xor(31, 5)", () => np.bitwise_xor(31, 5));
ex("bitwise_xor", "np.bitwise_xor([31,3], 5)", () => np.bitwise_xor([31, 3], 5));
ex("bitwise_xor", "np.bitwise_xor([31,3], [5,6])", () => np.bitwise_xor([31, 3], [5, 6]));
ex("bitwise_xor", "np.bitwise_xor([True, True], [False, True])", () => np.bitwise_xor([true, true], [false, true]));
ex("bitwise_xor", "x1 = np.array([True, True])\nx2 = np.array([False, True])\nx1 ^ x2", () => np.bitwise_xor(np.array([true, true]), np.array([false, true])));
// a ufunc on a 0-d array: NumPy a scalar, the runtime a 0-d array (README), compared by .item()
ex("invert", "x = np.invert(np.array(13, dtype=np.uint8))\nx", () => np.invert(np.array(13, { dtype: np.uint8 })).item());
ex("invert", "x = np.invert(np.array(13, dtype=np.uint16))\nx", () => np.invert(np.array(13, { dtype: np.uint16 })).item());
ex("invert", "np.invert(np.array([13], dtype=np.int8))", () => np.invert(np.array([13], { dtype: np.int8 })));
ex("invert", "np.invert(np.array([True, False]))", () => np.invert(np.array([true, false])));
ex("invert", "x1 = np.array([True, False])\n~x1", () => np.invert(np.array([true, false])));

// --- isnan, isinf, isfinite (np.NINF as -np.inf)
ex("isnan", "np.isnan(np.nan)", () => np.isnan(np.nan));
ex("isnan", "np.isnan(np.inf)", () => np.isnan(np.inf));
ex("isnan", "np.isnan([np.log(-1.),1.,np.log(0)])", () => np.isnan([np.log(-1) as number, 1, np.log(0) as number]));
ex("isinf", "np.isinf(np.inf)", () => np.isinf(np.inf));
ex("isinf", "np.isinf(np.nan)", () => np.isinf(np.nan));
ex("isinf", "np.isinf(-np.inf)", () => np.isinf(-np.inf));
ex("isinf", "np.isinf([np.inf, -np.inf, 1.0, np.nan])", () => np.isinf([np.inf, -np.inf, 1.0, np.nan]));
ex("isfinite", "np.isfinite(1)", () => np.isfinite(1));
ex("isfinite", "np.isfinite(0)", () => np.isfinite(0));
ex("isfinite", "np.isfinite(np.nan)", () => np.isfinite(np.nan));
ex("isfinite", "np.isfinite(np.inf)", () => np.isfinite(np.inf));
ex("isfinite", "np.isfinite(-np.inf)", () => np.isfinite(-np.inf));
ex("isfinite", "np.isfinite([np.log(-1.),1.,np.log(0)])", () => np.isfinite([np.log(-1) as number, 1, np.log(0) as number]));
for (const f of ["isinf", "isfinite"] as const) {
  for (const what of ["r", "y"]) {
    ex(f, `x = np.array([-np.inf, 0., np.inf])\ny = np.array([2, 2, 2])\nr = np.${f}(x, y)\n${what}`, () => {
      const y = np.array([2, 2, 2]);
      const r = np[f](np.array([-np.inf, 0, np.inf]), y);
      return what === "r" ? r : y;
    });
  }
}

// --- isclose, allclose, array_equal, array_equiv
ex("isclose", "np.isclose([1e10,1e-7], [1.00001e10,1e-8])", () => np.isclose([1e10, 1e-7], [1.00001e10, 1e-8]));
ex("isclose", "np.isclose([1e10,1e-8], [1.00001e10,1e-9])", () => np.isclose([1e10, 1e-8], [1.00001e10, 1e-9]));
ex("isclose", "np.isclose([1e10,1e-8], [1.0001e10,1e-9])", () => np.isclose([1e10, 1e-8], [1.0001e10, 1e-9]));
ex("isclose", "np.isclose([1.0, np.nan], [1.0, np.nan])", () => np.isclose([1.0, np.nan], [1.0, np.nan]));
ex("isclose", "np.isclose([1.0, np.nan], [1.0, np.nan], equal_nan=True)", () => np.isclose([1.0, np.nan], [1.0, np.nan], { equal_nan: true }));
ex("isclose", "np.isclose([1e-8, 1e-7], [0.0, 0.0])", () => np.isclose([1e-8, 1e-7], F([0, 0])));
ex("isclose", "np.isclose([1e-100, 1e-7], [0.0, 0.0], atol=0.0)", () => np.isclose([1e-100, 1e-7], F([0, 0]), { atol: 0.0 }));
ex("isclose", "np.isclose([1e-10, 1e-10], [1e-20, 0.0])", () => np.isclose([1e-10, 1e-10], [1e-20, 0.0]));
ex("isclose", "np.isclose([1e-10, 1e-10], [1e-20, 0.999999e-10], atol=0.0)", () => np.isclose([1e-10, 1e-10], [1e-20, 0.999999e-10], { atol: 0.0 }));
ex("allclose", "np.allclose([1e10,1e-7], [1.00001e10,1e-8])", () => np.allclose([1e10, 1e-7], [1.00001e10, 1e-8]));
ex("allclose", "np.allclose([1e10,1e-8], [1.00001e10,1e-9])", () => np.allclose([1e10, 1e-8], [1.00001e10, 1e-9]));
ex("allclose", "np.allclose([1e10,1e-8], [1.0001e10,1e-9])", () => np.allclose([1e10, 1e-8], [1.0001e10, 1e-9]));
ex("allclose", "np.allclose([1.0, np.nan], [1.0, np.nan])", () => np.allclose([1.0, np.nan], [1.0, np.nan]));
ex("allclose", "np.allclose([1.0, np.nan], [1.0, np.nan], equal_nan=True)", () => np.allclose([1.0, np.nan], [1.0, np.nan], { equal_nan: true }));
ex("array_equal", "np.array_equal([1, 2], [1, 2])", () => np.array_equal([1, 2], [1, 2]));
ex("array_equal", "np.array_equal(np.array([1, 2]), np.array([1, 2]))", () => np.array_equal(np.array([1, 2]), np.array([1, 2])));
ex("array_equal", "np.array_equal([1, 2], [1, 2, 3])", () => np.array_equal([1, 2], [1, 2, 3]));
ex("array_equal", "np.array_equal([1, 2], [1, 4])", () => np.array_equal([1, 2], [1, 4]));
ex("array_equal", "a = np.array([1, np.nan])\nnp.array_equal(a, a)", () => {
  const a = np.array([1, np.nan]);
  return np.array_equal(a, a);
});
ex("array_equal", "a = np.array([1, np.nan])\nnp.array_equal(a, a, equal_nan=True)", () => {
  const a = np.array([1, np.nan]);
  return np.array_equal(a, a, { equal_nan: true });
});
ex("array_equiv", "np.array_equiv([1, 2], [1, 2])", () => np.array_equiv([1, 2], [1, 2]));
ex("array_equiv", "np.array_equiv([1, 2], [1, 3])", () => np.array_equiv([1, 2], [1, 3]));
ex("array_equiv", "np.array_equiv([1, 2], [[1, 2], [1, 2]])", () => np.array_equiv([1, 2], [[1, 2], [1, 2]]));
ex("array_equiv", "np.array_equiv([1, 2], [[1, 2, 1, 2], [1, 2, 1, 2]])", () => np.array_equiv([1, 2], [[1, 2, 1, 2], [1, 2, 1, 2]]));
ex("array_equiv", "np.array_equiv([1, 2], [[1, 2], [1, 3]])", () => np.array_equiv([1, 2], [[1, 2], [1, 3]]));

// --- ufunc.reduce (the runtime has it for maximum, minimum, fmax, fmin): minimum's lines of its docstring
ex("minimum.reduce", "np.minimum.reduce([], initial=np.inf)", () => np.minimum.reduce([], { initial: np.inf }));
ex("minimum.reduce", "np.minimum.reduce([[1., 2.], [3., 4.]], initial=10., where=[True, False])", () =>
  np.minimum.reduce(F([[1, 2], [3, 4]]), { initial: 10, where: [true, false] }),
);
ex("minimum.reduce", "np.minimum.reduce([])", () => np.minimum.reduce([]));
// the same calls through maximum, fmax and fmin
for (const f of ["maximum", "fmax", "fmin"] as const) {
  ex(`${f}.reduce`, `np.${f}.reduce([], initial=np.inf)`, () => np[f].reduce([], { initial: np.inf }));
  ex(`${f}.reduce`, `np.${f}.reduce([[1., 2.], [3., 4.]], initial=10., where=[True, False])`, () =>
    np[f].reduce(F([[1, 2], [3, 4]]), { initial: 10, where: [true, false] }),
  );
  ex(`${f}.reduce`, `np.${f}.reduce([])`, () => np[f].reduce([]));
}

// --- the methods sharing these docstrings: a.clip, a.round
ex("ndarray.clip", "a = np.arange(10)\na.clip(1, 8)", () => np.arange(10).clip(1, 8));
ex("ndarray.clip", "a = np.arange(10)\na.clip(8, 1)", () => np.arange(10).clip(8, 1));
ex("ndarray.clip", "a = np.arange(10)\na.clip([3, 4, 1, 1, 1, 4, 4, 4, 4, 4], 8)", () => np.arange(10).clip([3, 4, 1, 1, 1, 4, 4, 4, 4, 4], 8));
ex("ndarray.round", "np.array([0.37, 1.64]).round()", () => np.array([0.37, 1.64]).round());
ex("ndarray.round", "np.array([0.37, 1.64]).round(decimals=1)", () => np.array([0.37, 1.64]).round({ decimals: 1 }));
ex("ndarray.round", "np.array([.5, 1.5, 2.5, 3.5, 4.5]).round()", () => np.array([0.5, 1.5, 2.5, 3.5, 4.5]).round());
ex("ndarray.round", "np.array([1,2,3,11]).round(decimals=-1)", () => np.array([1, 2, 3, 11]).round({ decimals: -1 }));

runDocExamples("the ufuncs", EXAMPLES);
