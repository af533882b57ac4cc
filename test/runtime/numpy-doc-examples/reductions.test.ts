/**
 * NumPy 1.24's own docstring examples (Debian's numpy, `>>>` lines) for the reductions: sum, prod,
 * mean, std, var, min/max (amin/amax), argmin/argmax, any/all, cumsum/cumprod, the nan-variants,
 * ptp, average, median, quantile, percentile, diff, trace, count_nonzero. Translated mechanically to
 * the runtime's API (API.md: keywords as a trailing options object, tuples as arrays, `a[0, :] = v`
 * as `a.set("0, :", v)`, an operator as its ufunc, a Python list holding a float literal with an
 * integer value such as `[1., 2.]` as `np.array(list, { dtype: "float64" })`) and compared with
 * NumPy run on the Python lines as written (harness.ts). The amin/amax examples run through
 * np.min/np.max too (their docstrings are amin's and amax's). Changed from the docs, said at the
 * example: `np.NINF` as `-np.inf`, `np.NaN` as `np.nan`, `id(z), id(o)` as `z is o`. The keyword
 * lines of sum/mean/std/var/amin/amax (where=, initial=, keepdims, out=, ddof, dtype) also run through
 * nansum/nanmean/nanstd/nanvar/nanmin/nanmax and their plain siblings, on other dtypes, layouts and
 * empty arrays, lists and ndarrays both (NumPy's nan-functions take two paths). Not among them: an
 * axis tuple leaving no axes (a 0-d array here, the README's decision for every reduction; NumPy a
 * scalar) and `dtype=` for min/max/nanmin/nanmax (NumPy has no such keyword; API.md gives every
 * reduction `dtype`).
 * Left out on purpose: `dtype=float` / `== int` / `== np.uint` (Python types and platform aliases
 * as dtypes), float128/complex dtypes (average), datetime64 (diff), np.unravel_index and
 * np.take_along_axis (not in the runtime), Python's builtins `min`/`max` and plain Python
 * arithmetic, and three README decisions: `sum`/`prod` of int32 give int32, wrapping (prod's
 * `np.prod(x)` of four 536870910: 16, the docstring's "may vary" answer; NumPy on Linux
 * 6917529010461213000 in int64), `overwrite_input` leaves the input unchanged (the
 * `assert not np.all(a == b)` lines of median, quantile, percentile) and a ufunc on 0-d arrays gives
 * a 0-d array (diff's `u8_arr[1,...] - u8_arr[0,...]`, compared with `.item()`).
 */
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { docExamples, runDocExamples } from "./harness.js";

const { EXAMPLES, ex } = docExamples();
/** A Python list with float literals (`[1., 2.]`): float64, as API.md says to write it. */
const F = (v: unknown): NDArray => np.array(v as number[], { dtype: "float64" });

// --- sum, prod
ex("sum", "np.sum([])", () => np.sum([]));
ex("sum", "np.sum([0.5, 1.5])", () => np.sum([0.5, 1.5]));
ex("sum", "np.sum([0.5, 0.7, 0.2, 1.5], dtype=np.int32)", () => np.sum([0.5, 0.7, 0.2, 1.5], { dtype: np.int32 }));
ex("sum", "np.sum([[0, 1], [0, 5]])", () => np.sum([[0, 1], [0, 5]]));
ex("sum", "np.sum([[0, 1], [0, 5]], axis=0)", () => np.sum([[0, 1], [0, 5]], { axis: 0 }));
ex("sum", "np.sum([[0, 1], [0, 5]], axis=1)", () => np.sum([[0, 1], [0, 5]], { axis: 1 }));
ex("sum", "np.sum([[0, 1], [np.nan, 5]], where=[False, True], axis=1)", () => np.sum([[0, 1], [np.nan, 5]], { where: [false, true], axis: 1 }));
ex("sum", "np.ones(128, dtype=np.int8).sum(dtype=np.int8)", () => np.ones(128, { dtype: np.int8 }).sum({ dtype: np.int8 }));
ex("sum", "np.sum([10], initial=5)", () => np.sum([10], { initial: 5 }));
ex("prod", "np.prod([])", () => np.prod([]));
ex("prod", "np.prod([1.,2.])", () => np.prod(F([1, 2])));
const A22 = "a = np.array([[1., 2.], [3., 4.]])\n";
const a22 = (): NDArray => F([[1, 2], [3, 4]]);
ex("prod", A22 + "np.prod(a)", () => np.prod(a22()));
ex("prod", A22 + "np.prod(a, axis=1)", () => np.prod(a22(), { axis: 1 }));
ex("prod", A22 + "np.prod(a, axis=0)", () => np.prod(a22(), { axis: 0 }));
ex("prod", "np.prod([1., np.nan, 3.], where=[True, False, True])", () => np.prod([1, np.nan, 3], { where: [true, false, true] }));
ex("prod", "np.prod([1, 2], initial=5)", () => np.prod([1, 2], { initial: 5 }));

// --- mean, std, var
const I22 = "a = np.array([[1, 2], [3, 4]])\n";
const i22 = (): NDArray => np.array([[1, 2], [3, 4]]);
const F32 = "a = np.zeros((2, 512*512), dtype=np.float32)\na[0, :] = 1.0\na[1, :] = 0.1\n";
const f32 = (): NDArray => {
  const a = np.zeros([2, 512 * 512], { dtype: np.float32 });
  a.set("0, :", 1.0);
  a.set("1, :", 0.1);
  return a;
};
const S34 = "a = np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]])\n";
const s34 = (): NDArray => np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]]);
for (const f of ["mean", "std", "var"] as const) {
  // mean's options have no ddof: one signature for the three
  const fn = np[f] as (a: NDArray, o?: { axis?: number; dtype?: string }) => unknown;
  ex(f, I22 + `np.${f}(a)`, () => fn(i22()));
  ex(f, I22 + `np.${f}(a, axis=0)`, () => fn(i22(), { axis: 0 }));
  ex(f, I22 + `np.${f}(a, axis=1)`, () => fn(i22(), { axis: 1 }));
  ex(f, F32 + `np.${f}(a)`, () => fn(f32()));
  ex(f, F32 + `np.${f}(a, dtype=np.float64)`, () => fn(f32(), { dtype: np.float64 }));
}
const M33 = "a = np.array([[5, 9, 13], [14, 10, 12], [11, 15, 19]])\n";
const m33 = (): NDArray => np.array([[5, 9, 13], [14, 10, 12], [11, 15, 19]]);
ex("mean", M33 + "np.mean(a)", () => np.mean(m33()));
ex("mean", M33 + "np.mean(a, where=[[True], [False], [False]])", () => np.mean(m33(), { where: [[true], [false], [false]] }));
for (const f of ["std", "var"] as const) {
  ex(f, S34 + `np.${f}(a)`, () => np[f](s34()));
  ex(f, S34 + `np.${f}(a, where=[[True], [True], [False]])`, () => np[f](s34(), { where: [[true], [true], [false]] }));
}

// --- amin/amax (and min/max, the same docstrings), nanmin/nanmax
const A4 = "a = np.arange(4).reshape((2,2))\n";
const a4 = (): NDArray => np.arange(4).reshape([2, 2]);
const B5 = "b = np.arange(5, dtype=float)\nb[2] = np.nan\n";
const b5 = (): NDArray => {
  const b = np.arange(5, { dtype: "float64" });
  b.set(2, np.nan);
  return b;
};
for (const [lo, hi, name] of [["amin", "amax", "amin/amax"], ["min", "max", "min/max"]] as const) {
  const fmin = lo === "amin" ? np.amin : np.min;
  const fmax = hi === "amax" ? np.amax : np.max;
  ex(name, A4 + "a", a4);
  ex(name, A4 + "np.amin(a)", () => fmin(a4()));
  ex(name, A4 + "np.amin(a, axis=0)", () => fmin(a4(), { axis: 0 }));
  ex(name, A4 + "np.amin(a, axis=1)", () => fmin(a4(), { axis: 1 }));
  ex(name, A4 + "np.amin(a, where=[False, True], initial=10, axis=0)", () => fmin(a4(), { where: [false, true], initial: 10, axis: 0 }));
  ex(name, B5 + "np.amin(b)", () => fmin(b5()));
  ex(name, B5 + "np.amin(b, where=~np.isnan(b), initial=10)", () => fmin(b5(), { where: np.invert(np.isnan(b5())), initial: 10 }));
  ex(name, B5 + "np.nanmin(b)", () => np.nanmin(b5()));
  ex(name, "np.amin([[-50], [10]], axis=-1, initial=0)", () => fmin([[-50], [10]], { axis: -1, initial: 0 }));
  ex(name, "np.amin([6], initial=5)", () => fmin([6], { initial: 5 }));
  ex(name, A4 + "np.amax(a)", () => fmax(a4()));
  ex(name, A4 + "np.amax(a, axis=0)", () => fmax(a4(), { axis: 0 }));
  ex(name, A4 + "np.amax(a, axis=1)", () => fmax(a4(), { axis: 1 }));
  ex(name, A4 + "np.amax(a, where=[False, True], initial=-1, axis=0)", () => fmax(a4(), { where: [false, true], initial: -1, axis: 0 }));
  ex(name, B5 + "np.amax(b)", () => fmax(b5()));
  ex(name, B5 + "np.amax(b, where=~np.isnan(b), initial=-1)", () => fmax(b5(), { where: np.invert(np.isnan(b5())), initial: -1 }));
  ex(name, B5 + "np.nanmax(b)", () => np.nanmax(b5()));
  ex(name, "np.amax([[-50], [10]], axis=-1, initial=0)", () => fmax([[-50], [10]], { axis: -1, initial: 0 }));
  ex(name, "np.amax([5], initial=6)", () => fmax([5], { initial: 6 }));
}
const N22 = "a = np.array([[1, 2], [3, np.nan]])\n";
const n22 = (): NDArray => np.array([[1, 2], [3, np.nan]]);
for (const f of ["nanmin", "nanmax"] as const) {
  ex(f, N22 + `np.${f}(a)`, () => np[f](n22()));
  ex(f, N22 + `np.${f}(a, axis=0)`, () => np[f](n22(), { axis: 0 }));
  ex(f, N22 + `np.${f}(a, axis=1)`, () => np[f](n22(), { axis: 1 }));
  ex(f, `np.${f}([1, 2, np.nan, np.inf])`, () => np[f]([1, 2, np.nan, np.inf]));
  ex(f, `np.${f}([1, 2, np.nan, -np.inf])`, () => np[f]([1, 2, np.nan, -np.inf]));
}

// --- argmin, argmax
const A10 = "a = np.arange(6).reshape(2,3) + 10\n";
const a10 = (): NDArray => np.add(np.arange(6).reshape(2, 3), 10);
for (const f of ["argmin", "argmax"] as const) {
  ex(f, A10 + "a", a10);
  ex(f, A10 + `np.${f}(a)`, () => np[f](a10()));
  ex(f, A10 + `np.${f}(a, axis=0)`, () => np[f](a10(), { axis: 0 }));
  ex(f, A10 + `np.${f}(a, axis=1)`, () => np[f](a10(), { axis: 1 }));
  ex(f, `x = np.arange(24).reshape((2, 3, 4))\nres = np.${f}(x, axis=1, keepdims=True)\nres.shape`, () => np[f](np.arange(24).reshape([2, 3, 4]), { axis: 1, keepdims: true }).shape);
}
// argmax/argmin take one axis: a tuple (allowed by sum's docstring lines) or a float is NumPy's TypeError
for (const f of ["argmin", "argmax"] as const) {
  ex(f, A10 + `np.${f}(a, axis=(0, 1))`, () => np[f](a10(), { axis: [0, 1] as unknown as number }));
  ex(f, A10 + `np.${f}(a, axis=0.5)`, () => np[f](a10(), { axis: 0.5 }));
  ex(f, A10 + `np.${f}(a, axis=2)`, () => np[f](a10(), { axis: 2 }));
}
const b10 = (): NDArray => {
  const b = np.add(np.arange(6), 10);
  b.set(4, 10);
  return b;
};
ex("argmin", "b = np.arange(6) + 10\nb[4] = 10\nb", b10);
ex("argmin", "b = np.arange(6) + 10\nb[4] = 10\nnp.argmin(b)", () => np.argmin(b10()));
const b6 = (): NDArray => {
  const b = np.arange(6);
  b.set(1, 5);
  return b;
};
ex("argmax", "b = np.arange(6)\nb[1] = 5\nb", b6);
ex("argmax", "b = np.arange(6)\nb[1] = 5\nnp.argmax(b)", () => np.argmax(b6()));

// --- any, all
ex("any", "np.any([[True, False], [True, True]])", () => np.any([[true, false], [true, true]]));
ex("any", "np.any([[True, False], [False, False]], axis=0)", () => np.any([[true, false], [false, false]], { axis: 0 }));
ex("any", "np.any([-1, 0, 5])", () => np.any([-1, 0, 5]));
ex("any", "np.any(np.nan)", () => np.any(np.nan));
ex("any", "np.any([[True, False], [False, False]], where=[[False], [True]])", () => np.any([[true, false], [false, false]], { where: [[false], [true]] }));
ex("all", "np.all([[True,False],[True,True]])", () => np.all([[true, false], [true, true]]));
ex("all", "np.all([[True,False],[True,True]], axis=0)", () => np.all([[true, false], [true, true]], { axis: 0 }));
ex("all", "np.all([-1, 4, 5])", () => np.all([-1, 4, 5]));
ex("all", "np.all([1.0, np.nan])", () => np.all([1.0, np.nan]));
ex("all", "np.all([[True, True], [False, True]], where=[[True], [False]])", () => np.all([[true, true], [false, true]], { where: [[true], [false]] }));
for (const f of ["any", "all"] as const) {
  ex(f, `o=np.array(False)\nz=np.${f}([-1, 4, 5], out=o)\n[z is o, z, o]`, () => {
    const o = np.array(false);
    const z = np[f]([-1, 4, 5], { out: o });
    return [z === o, z, o];
  });
}

// --- cumsum, cumprod
const C23 = "a = np.array([[1,2,3], [4,5,6]])\n";
const c23 = (): NDArray => np.array([[1, 2, 3], [4, 5, 6]]);
ex("cumsum", C23 + "a", c23);
ex("cumsum", C23 + "np.cumsum(a)", () => np.cumsum(c23()));
ex("cumsum", C23 + "np.cumsum(a,axis=0)", () => np.cumsum(c23(), { axis: 0 }));
ex("cumsum", C23 + "np.cumsum(a,axis=1)", () => np.cumsum(c23(), { axis: 1 }));
let big: NDArray | undefined;
/** The 3e6-element array of cumsum's example, built once (read only by the examples). */
const bigB = (): NDArray => (big ??= np.array(Array.from({ length: 3_000_000 }, (_, i) => [1, 2e-9, 3e-9][i % 3])));
const BIG = "b = np.array([1, 2e-9, 3e-9] * 1000000)\n";
ex("cumsum", BIG + "b.cumsum()[-1]", () => bigB().cumsum().get(-1));
ex("cumsum", BIG + "b.sum()", () => bigB().sum());
ex("cumprod", "a = np.array([1,2,3])\nnp.cumprod(a)", () => np.cumprod(np.array([1, 2, 3])));
ex("cumprod", C23 + "np.cumprod(a, axis=0)", () => np.cumprod(c23(), { axis: 0 }));
ex("cumprod", C23 + "np.cumprod(a,axis=1)", () => np.cumprod(c23(), { axis: 1 }));

// --- nansum, nanmean, nanstd, nanvar
ex("nansum", "np.nansum(1)", () => np.nansum(1));
ex("nansum", "np.nansum([1])", () => np.nansum([1]));
ex("nansum", "np.nansum([1, np.nan])", () => np.nansum([1, np.nan]));
ex("nansum", "a = np.array([[1, 1], [1, np.nan]])\nnp.nansum(a)", () => np.nansum(np.array([[1, 1], [1, np.nan]])));
ex("nansum", "a = np.array([[1, 1], [1, np.nan]])\nnp.nansum(a, axis=0)", () => np.nansum(np.array([[1, 1], [1, np.nan]]), { axis: 0 }));
ex("nansum", "np.nansum([1, np.nan, np.inf])", () => np.nansum([1, np.nan, np.inf]));
ex("nansum", "np.nansum([1, np.nan, -np.inf])", () => np.nansum([1, np.nan, -np.inf]));
ex("nansum", "import warnings\nwarnings.simplefilter('ignore', RuntimeWarning)\nnp.nansum([1, np.nan, np.inf, -np.inf])", () => np.nansum([1, np.nan, np.inf, -np.inf]));
const N2 = "a = np.array([[1, np.nan], [3, 4]])\n";
const n2 = (): NDArray => np.array([[1, np.nan], [3, 4]]);
for (const f of ["nanmean", "nanstd", "nanvar"] as const) {
  ex(f, N2 + `np.${f}(a)`, () => np[f](n2()));
  ex(f, N2 + `np.${f}(a, axis=0)`, () => np[f](n2(), { axis: 0 }));
  ex(f, N2 + `np.${f}(a, axis=1)`, () => np[f](n2(), { axis: 1 }));
}

// --- ptp, average
const X24 = "x = np.array([[4, 9, 2, 10],\n              [6, 9, 7, 12]])\n".replace("\n              ", " ");
const x24 = (): NDArray => np.array([[4, 9, 2, 10], [6, 9, 7, 12]]);
ex("ptp", X24 + "np.ptp(x, axis=1)", () => np.ptp(x24(), { axis: 1 }));
ex("ptp", X24 + "np.ptp(x, axis=0)", () => np.ptp(x24(), { axis: 0 }));
ex("ptp", X24 + "np.ptp(x)", () => np.ptp(x24()));
const Y8 = "y = np.array([[1, 127], [0, 127], [-1, 127], [-2, 127]], dtype=np.int8)\n";
const y8 = (): NDArray => np.array([[1, 127], [0, 127], [-1, 127], [-2, 127]], { dtype: np.int8 });
ex("ptp", Y8 + "np.ptp(y, axis=1)", () => np.ptp(y8(), { axis: 1 }));
ex("ptp", Y8 + "np.ptp(y, axis=1).view(np.uint8)", () => (np.ptp(y8(), { axis: 1 }) as NDArray).view(np.uint8));
ex("average", "data = np.arange(1, 5)\ndata", () => np.arange(1, 5));
ex("average", "data = np.arange(1, 5)\nnp.average(data)", () => np.average(np.arange(1, 5)));
ex("average", "np.average(np.arange(1, 11), weights=np.arange(10, 0, -1))", () => np.average(np.arange(1, 11), { weights: np.arange(10, 0, -1) }));
const D32 = "data = np.arange(6).reshape((3, 2))\n";
const d32 = (): NDArray => np.arange(6).reshape([3, 2]);
ex("average", D32 + "data", d32);
ex("average", D32 + "np.average(data, axis=1, weights=[1./4, 3./4])", () => np.average(d32(), { axis: 1, weights: [1 / 4, 3 / 4] }));
ex("average", D32 + "np.average(data, weights=[1./4, 3./4])", () => np.average(d32(), { weights: [1 / 4, 3 / 4] }));
ex("average", D32 + "np.average(data, axis=1, keepdims=True)", () => np.average(d32(), { axis: 1, keepdims: true }));

// --- median, quantile, percentile
const Q = "a = np.array([[10, 7, 4], [3, 2, 1]])\n";
const q = (): NDArray => np.array([[10, 7, 4], [3, 2, 1]]);
ex("median", Q + "a", q);
ex("median", Q + "np.median(a)", () => np.median(q()));
ex("median", Q + "np.median(a, axis=0)", () => np.median(q(), { axis: 0 }));
ex("median", Q + "np.median(a, axis=1)", () => np.median(q(), { axis: 1 }));
for (const what of ["r", "m"]) {
  ex("median", Q + `m = np.median(a, axis=0)\nout = np.zeros_like(m)\nr = np.median(a, axis=0, out=m)\n${what}`, () => {
    const m = np.median(q(), { axis: 0 }) as NDArray;
    np.zeros_like(m);
    const r = np.median(q(), { axis: 0, out: m });
    return what === "r" ? r : m;
  });
}
ex("median", Q + "b = a.copy()\nnp.median(b, axis=1, overwrite_input=True)", () => np.median(q().copy(), { axis: 1, overwrite_input: true }));
ex("median", Q + "b = a.copy()\nnp.median(b, axis=None, overwrite_input=True)", () => np.median(q().copy(), { axis: null, overwrite_input: true }));
for (const [f, p] of [["quantile", "0.5"], ["percentile", "50"]] as const) {
  const fn = f === "quantile" ? np.quantile : np.percentile;
  const pv = Number(p);
  ex(f, Q + `np.${f}(a, ${p})`, () => fn(q(), pv));
  ex(f, Q + `np.${f}(a, ${p}, axis=0)`, () => fn(q(), pv, { axis: 0 }));
  ex(f, Q + `np.${f}(a, ${p}, axis=1)`, () => fn(q(), pv, { axis: 1 }));
  ex(f, Q + `np.${f}(a, ${p}, axis=1, keepdims=True)`, () => fn(q(), pv, { axis: 1, keepdims: true }));
  for (const what of ["r", "m", "out"]) {
    ex(f, Q + `m = np.${f}(a, ${p}, axis=0)\nout = np.zeros_like(m)\nr = np.${f}(a, ${p}, axis=0, out=out)\n${what}`, () => {
      const m = fn(q(), pv, { axis: 0 }) as NDArray;
      const out = np.zeros_like(m);
      const r = fn(q(), pv, { axis: 0, out });
      return what === "r" ? r : what === "m" ? m : out;
    });
  }
  ex(f, Q + `b = a.copy()\nnp.${f}(b, ${p}, axis=1, overwrite_input=True)`, () => fn(q().copy(), pv, { axis: 1, overwrite_input: true }));
}

// --- diff, trace, count_nonzero
const U8 = "u8_arr = np.array([1, 0], dtype=np.uint8)\n";
const u8 = (): NDArray => np.array([1, 0], { dtype: np.uint8 });
ex("diff", U8 + "np.diff(u8_arr)", () => np.diff(u8()));
ex("diff", U8 + "u8_arr[1,...] - u8_arr[0,...]", () => np.subtract(u8().get("1,...") as NDArray, u8().get("0,...") as NDArray).item());
ex("diff", U8 + "i16_arr = u8_arr.astype(np.int16)\nnp.diff(i16_arr)", () => np.diff(u8().astype(np.int16)));
const X5 = "x = np.array([1, 2, 4, 7, 0])\n";
ex("diff", X5 + "np.diff(x)", () => np.diff(np.array([1, 2, 4, 7, 0])));
ex("diff", X5 + "np.diff(x, n=2)", () => np.diff(np.array([1, 2, 4, 7, 0]), { n: 2 }));
const X8 = "x = np.array([[1, 3, 6, 10], [0, 5, 6, 8]])\n";
const x8 = (): NDArray => np.array([[1, 3, 6, 10], [0, 5, 6, 8]]);
ex("diff", X8 + "np.diff(x)", () => np.diff(x8()));
ex("diff", X8 + "np.diff(x, axis=0)", () => np.diff(x8(), { axis: 0 }));
// diff's keywords given NumPy's None: a TypeError each (diff has no default for them), as NumPy
ex("diff", X8 + "np.diff(x, axis=None)", () => np.diff(x8(), { axis: null as unknown as number }));
ex("diff", X5 + "np.diff(x, n=None)", () => np.diff(np.array([1, 2, 4, 7, 0]), { n: null as unknown as number }));
ex("trace", "np.trace(np.eye(3))", () => np.trace(np.eye(3)));
ex("trace", "a = np.arange(8).reshape((2,2,2))\nnp.trace(a)", () => np.trace(np.arange(8).reshape([2, 2, 2])));
ex("trace", "a = np.arange(24).reshape((2,2,2,3))\nnp.trace(a).shape", () => (np.trace(np.arange(24).reshape([2, 2, 2, 3])) as NDArray).shape);
ex("count_nonzero", "np.count_nonzero(np.eye(4))", () => np.count_nonzero(np.eye(4)));
const C24 = "a = np.array([[0, 1, 7, 0], [3, 0, 2, 19]])\n";
const c24 = (): NDArray => np.array([[0, 1, 7, 0], [3, 0, 2, 19]]);
ex("count_nonzero", C24 + "np.count_nonzero(a)", () => np.count_nonzero(c24()));
ex("count_nonzero", C24 + "np.count_nonzero(a, axis=0)", () => np.count_nonzero(c24(), { axis: 0 }));
ex("count_nonzero", C24 + "np.count_nonzero(a, axis=1)", () => np.count_nonzero(c24(), { axis: 1 }));
ex("count_nonzero", C24 + "np.count_nonzero(a, axis=1, keepdims=True)", () => np.count_nonzero(c24(), { axis: 1, keepdims: true }));

// --- the keyword lines of sum/mean/std/var/amin/amax (where=, initial=, keepdims, out=, ddof, dtype)
// run through the nan-variants and their plain siblings, on the docstrings' arrays in other dtypes
// and layouts (NumPy's nanmean/nanvar pass `where` to every sum; nanmin/nanmax are fmin/fmax.reduce
// on an ndarray, amin/amax on a list, and their errors name that ufunc)
type Reduction = (a: unknown, o?: Record<string, unknown>) => unknown;
const R = np as unknown as Record<string, Reduction>;
const NAN22 = "np.array([[1, np.nan], [3, 4]])";
const nan22 = (): NDArray => np.array([[1, np.nan], [3, 4]]);
for (const f of ["nansum", "nanmean", "nanstd", "nanvar", "nanmin", "nanmax", "sum", "mean", "std", "var", "min", "max", "prod"]) {
  ex(f, `np.${f}([[0, 1], [np.nan, 5]], where=[False, True], axis=1)`, () => R[f]([[0, 1], [np.nan, 5]], { where: [false, true], axis: 1 }));
  ex(f, `np.${f}([[0, 1], [np.nan, 5]], where=[False, True])`, () => R[f]([[0, 1], [np.nan, 5]], { where: [false, true] }));
  ex(f, `np.${f}(np.array([[0, 1], [np.nan, 5]]), where=[False, True])`, () => R[f](np.array([[0, 1], [np.nan, 5]]), { where: [false, true] }));
  ex(f, `np.${f}([[0, 1], [np.nan, 5]], where=[[False], [True]], axis=0, keepdims=True)`, () => R[f]([[0, 1], [np.nan, 5]], { where: [[false], [true]], axis: 0, keepdims: true }));
  ex(f, M33 + `np.${f}(a, where=[[True], [False], [False]])`, () => R[f](m33(), { where: [[true], [false], [false]] }));
  ex(f, M33 + `np.${f}(a.astype(np.float32), axis=1, where=[[True, False, True], [False, False, False], [True, True, False]])`, () =>
    R[f](m33().astype("float32"), { axis: 1, where: [[true, false, true], [false, false, false], [true, true, false]] }),
  );
  ex(f, `np.${f}(${NAN22}.astype(np.float32), axis=0, keepdims=True)`, () => R[f](nan22().astype("float32"), { axis: 0, keepdims: true }));
  ex(f, `np.${f}(${NAN22}.T, axis=1)`, () => R[f](nan22().T, { axis: 1 }));
  ex(f, `np.${f}(${NAN22}[::-1, ::-1], axis=0)`, () => R[f](nan22().get("::-1, ::-1"), { axis: 0 }));
  // an out of the wrong number of dimensions: NumPy names the ufunc it reduces with
  ex(f, `np.${f}(${NAN22}, out=np.zeros(1))`, () => R[f](nan22(), { out: np.zeros(1) }));
  ex(f, `np.${f}(${NAN22}, axis=0, keepdims=True, out=np.zeros(2))`, () => R[f](nan22(), { axis: 0, keepdims: true, out: np.zeros(2) }));
  ex(f, `np.${f}(${NAN22}.tolist(), axis=0, out=np.zeros((1, 2)))`, () => R[f](nan22().tolist(), { axis: 0, out: np.zeros([1, 2]) }));
  ex(f, `o = np.zeros(2)\nr = np.${f}(${NAN22}, axis=1, out=o)\n[r is o, o]`, () => {
    const o = np.zeros(2);
    const r = R[f](nan22(), { axis: 1, out: o });
    return [r === o, o];
  });
  ex(f, `np.${f}(np.array([[1, 2], [3, 4]], dtype=np.int8), axis=0)`, () => R[f](np.array([[1, 2], [3, 4]], { dtype: "int8" }), { axis: 0 }));
  ex(f, `np.${f}(np.array([[1, 2], [3, 4]], dtype=np.uint8))`, () => R[f](np.array([[1, 2], [3, 4]], { dtype: "uint8" })));
  ex(f, `np.${f}(np.array([[True, False], [True, True]]), axis=1)`, () => R[f](np.array([[true, false], [true, true]]), { axis: 1 }));
  ex(f, `np.${f}(np.zeros((0, 3)), axis=0)`, () => R[f](np.zeros([0, 3]), { axis: 0 }));
  ex(f, `np.${f}(np.zeros((0, 3)), axis=1)`, () => R[f](np.zeros([0, 3]), { axis: 1 }));
  ex(f, `np.${f}([])`, () => R[f]([]));
  ex(f, `np.${f}(np.array([]))`, () => R[f](np.array([])));
  ex(f, `np.${f}([1., np.nan, 3.], axis=2)`, () => R[f]([1, np.nan, 3], { axis: 2 }));
  // NumPy's min/max/nanmin/nanmax take no dtype (the runtime's do: API.md)
  if (!/min|max/.test(f)) ex(f, `np.${f}(${NAN22}, axis=1, dtype=np.float32)`, () => R[f](nan22(), { axis: 1, dtype: "float32" }));
}
for (const f of ["nansum", "nanmin", "nanmax", "sum", "min", "max", "prod"]) {
  ex(f, `np.${f}([10], initial=5)`, () => R[f]([10], { initial: 5 }));
  ex(f, `np.${f}([10., np.nan], initial=5)`, () => R[f]([10, np.nan], { initial: 5 }));
  ex(f, `np.${f}([], initial=5)`, () => R[f]([], { initial: 5 }));
  ex(f, `np.${f}([[-50], [10]], axis=-1, initial=0)`, () => R[f]([[-50], [10]], { axis: -1, initial: 0 }));
  ex(f, `np.${f}(np.arange(4).reshape((2,2)), where=[False, True], initial=10, axis=0)`, () => R[f](np.arange(4).reshape([2, 2]), { where: [false, true], initial: 10, axis: 0 }));
  ex(f, `np.${f}(${NAN22}, where=[False, True], initial=-1, axis=0)`, () => R[f](nan22(), { where: [false, true], initial: -1, axis: 0 }));
}
// nanmean/nanstd/nanvar of a float array refuse an integer dtype or out (NumPy's TypeError); of an integer array they are mean/std/var
for (const f of ["nanmean", "nanstd", "nanvar"]) {
  ex(f, `np.${f}(${NAN22}, dtype=np.int8)`, () => R[f](nan22(), { dtype: "int8" }));
  ex(f, `np.${f}(${NAN22}, axis=0, out=np.zeros(2, dtype=np.int32))`, () => R[f](nan22(), { axis: 0, out: np.zeros(2, { dtype: "int32" }) }));
  ex(f, `np.${f}(np.array([[1, 2], [3, 4]]), axis=0, dtype=np.float32)`, () => R[f](np.array([[1, 2], [3, 4]]), { axis: 0, dtype: "float32" }));
}
for (const f of ["nanstd", "nanvar", "std", "var"]) {
  ex(f, `np.${f}(${NAN22}, ddof=1, axis=0)`, () => R[f](nan22(), { ddof: 1, axis: 0 }));
  ex(f, `np.${f}(${NAN22}, ddof=2)`, () => R[f](nan22(), { ddof: 2 }));
  ex(f, S34 + `np.${f}(a.astype(np.float64), ddof=1, axis=1, where=[True, False, True, True])`, () => R[f](s34().astype("float64"), { ddof: 1, axis: 1, where: [true, false, true, true] }));
}

runDocExamples("the reductions", EXAMPLES);
