/**
 * NumPy 1.24's own docstring examples (Debian's numpy, `>>>` lines) for sorting, searching and the
 * set routines the runtime has: sort (and ndarray.sort), argsort, searchsorted, unique, isin.
 * Translated mechanically to the runtime's API (API.md: keywords as a trailing options object,
 * tuples as arrays, `a[idx]` with an index array or mask as `a.get(idx)`, a tuple of index arrays
 * `a[t]` as `a.get(...t)`, NumPy's returned tuples as JS arrays: `const [u, indices] =
 * np.unique(a, { return_index: true })`) and compared with NumPy run on the Python lines as
 * written (harness.ts).
 * Left out on purpose: structured dtypes and `order=` (sort, argsort, ndarray.sort), string arrays
 * (unique's `['a', 'b', 'b', 'c', 'a']`), a Python `set` as isin's test elements (NumPy makes a 0-d
 * object array of it), np.take_along_axis and np.unravel_index (argsort's; not in the runtime).
 * partition/argpartition, lexsort, in1d, intersect1d, union1d, setdiff1d and setxor1d are not in
 * the runtime.
 */
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { docExamples, runDocExamples } from "./harness.js";

const { EXAMPLES, ex } = docExamples();

// --- sort, ndarray.sort
const S = "a = np.array([[1,4],[3,1]])\n";
const s22 = (): NDArray => np.array([[1, 4], [3, 1]]);
ex("sort", S + "np.sort(a)", () => np.sort(s22()));
ex("sort", S + "np.sort(a, axis=None)", () => np.sort(s22(), { axis: null }));
ex("sort", S + "np.sort(a, axis=0)", () => np.sort(s22(), { axis: 0 }));
ex("ndarray.sort", S + "a.sort(axis=1)", () => s22().sort({ axis: 1 }));
ex("ndarray.sort", S + "a.sort(axis=1)\na", () => {
  const a = s22();
  a.sort({ axis: 1 });
  return a;
});
ex("ndarray.sort", S + "a.sort(axis=1)\na.sort(axis=0)\na", () => {
  const a = s22();
  a.sort({ axis: 1 });
  a.sort({ axis: 0 });
  return a;
});

// --- argsort
ex("argsort", "x = np.array([3, 1, 2])\nnp.argsort(x)", () => np.argsort(np.array([3, 1, 2])));
const X = "x = np.array([[0, 3], [2, 2]])\n";
const x22 = (): NDArray => np.array([[0, 3], [2, 2]]);
ex("argsort", X + "x", x22);
ex("argsort", X + "ind = np.argsort(x, axis=0)\nind", () => np.argsort(x22(), { axis: 0 }));
ex("argsort", X + "ind = np.argsort(x, axis=1)\nind", () => np.argsort(x22(), { axis: 1 }));

// --- searchsorted
ex("searchsorted", "np.searchsorted([1,2,3,4,5], 3)", () => np.searchsorted([1, 2, 3, 4, 5], 3));
ex("searchsorted", "np.searchsorted([1,2,3,4,5], 3, side='right')", () => np.searchsorted([1, 2, 3, 4, 5], 3, { side: "right" }));
ex("searchsorted", "np.searchsorted([1,2,3,4,5], [-10, 10, 2, 3])", () => np.searchsorted([1, 2, 3, 4, 5], [-10, 10, 2, 3]));

// --- unique
ex("unique", "np.unique([1, 1, 2, 2, 3, 3])", () => np.unique([1, 1, 2, 2, 3, 3]));
ex("unique", "a = np.array([[1, 1], [2, 3]])\nnp.unique(a)", () => np.unique(np.array([[1, 1], [2, 3]])));
ex("unique", "a = np.array([[1, 0, 0], [1, 0, 0], [2, 3, 4]])\nnp.unique(a, axis=0)", () => np.unique(np.array([[1, 0, 0], [1, 0, 0], [2, 3, 4]]), { axis: 0 }));
const U = "a = np.array([1, 2, 6, 4, 2, 3, 2])\n";
const u7 = (): NDArray => np.array([1, 2, 6, 4, 2, 3, 2]);
for (const what of ["u", "indices", "u[indices]"]) {
  ex("unique", U + `u, indices = np.unique(a, return_inverse=True)\n${what}`, () => {
    const [u, indices] = np.unique(u7(), { return_inverse: true });
    return what === "u" ? u : what === "indices" ? indices : u.get(indices);
  });
}
for (const what of ["values", "counts", "np.repeat(values, counts)"]) {
  ex("unique", U + `values, counts = np.unique(a, return_counts=True)\n${what}`, () => {
    const [values, counts] = np.unique(u7(), { return_counts: true });
    return what === "values" ? values : what === "counts" ? counts : np.repeat(values, counts);
  });
}

// --- isin
const E = "element = 2*np.arange(4).reshape((2, 2))\ntest_elements = [1, 2, 4, 8]\n";
const element = (): NDArray => np.multiply(2, np.arange(4).reshape([2, 2]));
const testElements = [1, 2, 4, 8];
ex("isin", E + "element", element);
for (const invert of [false, true]) {
  const M = E + `mask = np.isin(element, test_elements${invert ? ", invert=True" : ""})\n`;
  const mask = (): NDArray => np.isin(element(), testElements, invert ? { invert } : undefined);
  ex("isin", M + "mask", mask);
  ex("isin", M + "element[mask]", () => element().get(mask()));
  if (!invert) ex("isin", M + "np.nonzero(mask)", () => np.nonzero(mask()));
}
// the same lines with isin's kind= (NumPy's table runs on integer and bool arrays only)
for (const kind of ["sort", "table"] as const) {
  ex("isin", E + `np.isin(element, test_elements, kind='${kind}')`, () => np.isin(element(), testElements, { kind }));
  ex("isin", E + `np.isin(element / 2, test_elements, kind='${kind}')`, () => np.isin(np.divide(element(), 2), testElements, { kind }));
  ex("isin", E + `np.isin(element, [1.5, 2], kind='${kind}')`, () => np.isin(element(), [1.5, 2], { kind }));
  ex("isin", E + `np.isin(element > 2, [True], kind='${kind}', invert=True)`, () => np.isin(np.greater(element(), 2), [true], { kind, invert: true }));
}
ex("isin", E + "np.isin(element, test_elements, kind='bogus')", () => np.isin(element(), testElements, { kind: "bogus" as "sort" }));
ex("isin", E + "test_set = {1, 2, 4, 8}\nnp.isin(element, list(test_set))", () => np.isin(element(), [1, 2, 4, 8]));

runDocExamples("sorting, searching and the set routines", EXAMPLES);
