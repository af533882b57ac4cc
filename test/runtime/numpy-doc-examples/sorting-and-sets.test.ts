/**
 * NumPy 1.24's own docstring examples (Debian's numpy, `>>>` lines) for sorting, searching and the
 * set routines the runtime has: sort (and ndarray.sort), argsort, searchsorted, unique, isin, in1d,
 * intersect1d, union1d, setdiff1d, setxor1d, partition, argpartition (their guaranteed values: the
 * arrangement NumPy prints is its introselect's), lexsort (the numeric example; `(a[i], b[i])` tuples
 * written as lists).
 * Translated mechanically to the runtime's API (API.md: keywords as a trailing options object,
 * tuples as arrays, `a[idx]` with an index array or mask as `a.get(idx)`, a tuple of index arrays
 * `a[t]` as `a.get(...t)`, NumPy's returned tuples as JS arrays: `const [u, indices] =
 * np.unique(a, { return_index: true })`) and compared with NumPy run on the Python lines as
 * written (harness.ts).
 * Left out on purpose: structured dtypes and `order=` (sort, argsort, ndarray.sort), string arrays
 * (unique's `['a', 'b', 'b', 'c', 'a']`), a Python `set` as isin's test elements (NumPy makes a 0-d
 * object array of it), argsort's examples of take_along_axis and unravel_index (in indexing.test.ts).
 * in1d, intersect1d, union1d, setdiff1d, setxor1d: all their examples (functools.reduce as
 * Array.prototype.reduce).
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

// --- in1d
const T = "test = np.array([0, 1, 2, 5, 0])\nstates = [0, 2]\n";
const test5 = (): NDArray => np.array([0, 1, 2, 5, 0]);
for (const invert of [false, true]) {
  const M = T + `mask = np.in1d(test, states${invert ? ", invert=True" : ""})\n`;
  const mask = (): NDArray => np.in1d(test5(), [0, 2], invert ? { invert } : undefined);
  ex("in1d", M + "mask", mask);
  ex("in1d", M + "test[mask]", () => test5().get(mask()));
}

// --- intersect1d, union1d, setdiff1d, setxor1d (functools.reduce as Array.prototype.reduce)
ex("intersect1d", "np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1])", () => np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1]));
const three = [[1, 3, 4, 3], [3, 1, 2, 1], [6, 3, 4, 2]];
ex("intersect1d", "from functools import reduce\nreduce(np.intersect1d, ([1, 3, 4, 3], [3, 1, 2, 1], [6, 3, 4, 2]))", () =>
  three.map((t) => np.array(t)).reduce((p, q) => np.intersect1d(p, q)),
);
const XY = "x = np.array([1, 1, 2, 3, 4])\ny = np.array([2, 1, 4, 6])\nxy, x_ind, y_ind = np.intersect1d(x, y, return_indices=True)\n";
const xy = (): [NDArray, NDArray, NDArray, NDArray, NDArray] => {
  const x = np.array([1, 1, 2, 3, 4]);
  const y = np.array([2, 1, 4, 6]);
  const [common, xInd, yInd] = np.intersect1d(x, y, { return_indices: true });
  return [x, y, common, xInd, yInd];
};
ex("intersect1d", XY + "x_ind, y_ind", () => xy().slice(3));
ex("intersect1d", XY + "xy, x[x_ind], y[y_ind]", () => {
  const [x, y, common, xInd, yInd] = xy();
  return [common, x.get(xInd), y.get(yInd)];
});
ex("union1d", "np.union1d([-1, 0, 1], [-2, 0, 2])", () => np.union1d([-1, 0, 1], [-2, 0, 2]));
ex("union1d", "from functools import reduce\nreduce(np.union1d, ([1, 3, 4, 3], [3, 1, 2, 1], [6, 3, 4, 2]))", () =>
  three.map((t) => np.array(t)).reduce((p, q) => np.union1d(p, q)),
);
ex("setdiff1d", "a = np.array([1, 2, 3, 2, 4, 1])\nb = np.array([3, 4, 5, 6])\nnp.setdiff1d(a, b)", () => np.setdiff1d(np.array([1, 2, 3, 2, 4, 1]), np.array([3, 4, 5, 6])));
ex("setxor1d", "a = np.array([1, 2, 3, 2, 4])\nb = np.array([2, 3, 5, 7, 5])\nnp.setxor1d(a,b)", () => np.setxor1d(np.array([1, 2, 3, 2, 4]), np.array([2, 3, 5, 7, 5])));

// --- partition, argpartition: NumPy's printed arrangements come from its introselect and are
// implementation-defined (the runtime sorts: README), so the examples compare what the docstring
// text says is guaranteed (p[4], p2[4], p2[8]) and the outputs a partition fully determines
const PA = "a = np.array([7, 1, 7, 7, 1, 5, 7, 2, 3, 2, 6, 2, 3, 0])\n";
const pa = (): NDArray => np.array([7, 1, 7, 7, 1, 5, 7, 2, 3, 2, 6, 2, 3, 0]);
ex("partition", PA + "p = np.partition(a, 4)\np[4]", () => np.partition(pa(), 4).get(4));
ex("partition", PA + "p = np.partition(a, 4)\n[bool((p[:4] <= p[4]).all()), bool((p[5:] >= p[4]).all())]", () => {
  const p = np.partition(pa(), 4);
  return [np.less_equal(p.get(":4"), p.get(4)).all(), np.greater_equal(p.get("5:"), p.get(4)).all()];
});
ex("partition", PA + "p2 = np.partition(a, (4, 8))\n[p2[4], p2[8]]", () => {
  const p2 = np.partition(pa(), [4, 8]);
  return [p2.get(4), p2.get(8)];
});
ex("argpartition", "x = np.array([3, 4, 2, 1])\nx[np.argpartition(x, 3)][3]", () => {
  const x = np.array([3, 4, 2, 1]);
  return x.get(np.argpartition(x, 3)).get(3);
});
ex("argpartition", "x = np.array([3, 4, 2, 1])\nx[np.argpartition(x, (1, 3))]", () => {
  const x = np.array([3, 4, 2, 1]);
  return x.get(np.argpartition(x, [1, 3]));
});
ex("argpartition", "x = [3, 4, 2, 1]\nnp.array(x)[np.argpartition(x, 3)][3]", () => np.array([3, 4, 2, 1]).get(np.argpartition([3, 4, 2, 1], 3)).get(3));
ex("argpartition", "x = np.array([[3, 4, 2], [1, 3, 1]])\nindex_array = np.argpartition(x, kth=1, axis=-1)\nnp.take_along_axis(x, index_array, axis=-1)", () => {
  const x = np.array([[3, 4, 2], [1, 3, 1]]);
  return np.take_along_axis(x, np.argpartition(x, 1, { axis: -1 }), { axis: -1 });
});

// --- lexsort (its numeric example; the names one needs string arrays, which the runtime has not)
const LX = "a = [1,5,1,4,3,4,4] # First column\nb = [9,4,0,4,0,2,1] # Second column\nind = np.lexsort((b,a)) # Sort by a, then by b\n";
const la = [1, 5, 1, 4, 3, 4, 4];
const lb = [9, 4, 0, 4, 0, 2, 1];
ex("lexsort", LX + "ind", () => np.lexsort([lb, la]));
ex("lexsort", LX + "[[a[i], b[i]] for i in ind]", () => (np.lexsort([lb, la]) as NDArray<1, "number">).tolist().map((i) => [la[i], lb[i]]));
ex("lexsort", LX + "[[a[i], b[i]] for i in np.argsort(a)]", () => (np.argsort(la) as NDArray<1, "number">).tolist().map((i) => [la[i], lb[i]]));

runDocExamples("sorting, searching and the set routines", EXAMPLES);
