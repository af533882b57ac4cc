/**
 * NumPy 1.24's own docstring examples (Debian's numpy, `>>>` lines) for the indexing routines:
 * take, put, where, nonzero, argwhere, flatnonzero, diagonal, diag, tril, triu, ix_, indices, s_,
 * index_exp (s_'s docstring), ndarray.item, take_along_axis, put_along_axis (with argsort's examples
 * of it), choose, compress, unravel_index (with argsort's example of it), ravel_multi_index.
 * Translated mechanically to the runtime's API (API.md: keywords as a trailing options object,
 * tuples as arrays, `a[1:3]` as `a.get("1:3")`, `a[idx]` with an index array or mask as
 * `a.get(idx)`, a tuple of index arrays `a[t]` as `a.get(...t)`, an operator as its ufunc) and
 * compared with NumPy run on the Python lines as written (harness.ts). diagonal's examples the
 * memory-and-shape file already has are not repeated.
 * Left out on purpose: the reprs of Python slice objects (`np.s_[2::2]` is `slice(2, None, 2)`;
 * here the index string), and one README decision: an NDArray is not iterable, so
 * `row, col = np.indices((2, 3))` is written `g = np.indices([2, 3])`, `g.get(0)`, `g.get(1)`, as
 * the README says.
 */
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { docExamples, runDocExamples } from "./harness.js";

const { EXAMPLES, ex } = docExamples();

// --- take, put
const T = "a = [4, 3, 5, 7, 6, 8]\nindices = [0, 1, 4]\n";
ex("take", T + "np.take(a, indices)", () => np.take([4, 3, 5, 7, 6, 8], [0, 1, 4]));
ex("take", T + "a = np.array(a)\na[indices]", () => np.array([4, 3, 5, 7, 6, 8]).get([0, 1, 4]));
ex("take", T + "a = np.array(a)\nnp.take(a, [[0, 1], [2, 3]])", () => np.take(np.array([4, 3, 5, 7, 6, 8]), [[0, 1], [2, 3]]));
ex("put", "a = np.arange(5)\nnp.put(a, [0, 2], [-44, -55])", () => np.put(np.arange(5), [0, 2], [-44, -55]));
ex("put", "a = np.arange(5)\nnp.put(a, [0, 2], [-44, -55])\na", () => {
  const a = np.arange(5);
  np.put(a, [0, 2], [-44, -55]);
  return a;
});
ex("put", "a = np.arange(5)\nnp.put(a, 22, -5, mode='clip')\na", () => {
  const a = np.arange(5);
  np.put(a, 22, -5, { mode: "clip" });
  return a;
});

// --- where
const a10 = (): NDArray => np.arange(10);
ex("where", "a = np.arange(10)\na", a10);
ex("where", "a = np.arange(10)\nnp.where(a < 5, a, 10*a)", () => np.where(np.less(a10(), 5), a10(), np.multiply(10, a10())));
ex("where", "np.where([[True, False], [True, True]], [[1, 2], [3, 4]], [[9, 8], [7, 6]])", () =>
  np.where([[true, false], [true, true]], [[1, 2], [3, 4]], [[9, 8], [7, 6]]),
);
ex("where", "x, y = np.ogrid[:3, :4]\nnp.where(x < y, x, 10 + y)", () => {
  const [x, y] = np.ogrid[":3, :4"];
  return np.where(np.less(x, y), x, np.add(10, y));
});
const W = "a = np.array([[0, 1, 2], [0, 2, 4], [0, 3, 6]])\n";
ex("where", W + "np.where(a < 4, a, -1)", () => {
  const a = np.array([[0, 1, 2], [0, 2, 4], [0, 3, 6]]);
  return np.where(np.less(a, 4), a, -1);
});

// --- nonzero, argwhere, flatnonzero
const X = "x = np.array([[3, 0, 0], [0, 4, 0], [5, 6, 0]])\n";
const x33 = (): NDArray => np.array([[3, 0, 0], [0, 4, 0], [5, 6, 0]]);
ex("nonzero", X + "x", x33);
ex("nonzero", X + "np.nonzero(x)", () => np.nonzero(x33()));
ex("nonzero", X + "x[np.nonzero(x)]", () => x33().get(...np.nonzero(x33())));
ex("nonzero", X + "np.transpose(np.nonzero(x))", () => np.transpose(np.nonzero(x33())));
const A = "a = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])\n";
const a33 = (): NDArray => np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
ex("nonzero", A + "a > 3", () => np.greater(a33(), 3));
ex("nonzero", A + "np.nonzero(a > 3)", () => np.nonzero(np.greater(a33(), 3)));
ex("nonzero", A + "a[np.nonzero(a > 3)]", () => a33().get(...np.nonzero(np.greater(a33(), 3))));
ex("nonzero", A + "a[a > 3]", () => a33().get(np.greater(a33(), 3)));
ex("nonzero", A + "(a > 3).nonzero()", () => np.greater(a33(), 3).nonzero());
ex("argwhere", "x = np.arange(6).reshape(2,3)\nx", () => np.arange(6).reshape(2, 3));
ex("argwhere", "x = np.arange(6).reshape(2,3)\nnp.argwhere(x>1)", () => np.argwhere(np.greater(np.arange(6).reshape(2, 3), 1)));
ex("flatnonzero", "x = np.arange(-2, 3)\nx", () => np.arange(-2, 3));
ex("flatnonzero", "x = np.arange(-2, 3)\nnp.flatnonzero(x)", () => np.flatnonzero(np.arange(-2, 3)));
ex("flatnonzero", "x = np.arange(-2, 3)\nx.ravel()[np.flatnonzero(x)]", () => {
  const x = np.arange(-2, 3);
  return x.ravel().get(np.flatnonzero(x));
});

// --- diagonal (the rest of its examples), diag, tril, triu
const A8 = "a = np.arange(8).reshape(2,2,2)\n";
const a8 = (): NDArray => np.arange(8).reshape(2, 2, 2);
ex("diagonal", "a = np.arange(4).reshape(2,2)\na", () => np.arange(4).reshape(2, 2));
ex("diagonal", A8 + "a", a8);
ex("diagonal", A8 + "a[:,:,0]", () => a8().get(":,:,0"));
ex("diagonal", A8 + "a[:,:,1]", () => a8().get(":,:,1"));
ex("diagonal", "a = np.arange(9).reshape(3, 3)\na", () => np.arange(9).reshape(3, 3));
const D = "x = np.arange(9).reshape((3,3))\n";
const d33 = (): NDArray => np.arange(9).reshape([3, 3]);
ex("diag", D + "x", d33);
ex("diag", D + "np.diag(x)", () => np.diag(d33()));
ex("diag", D + "np.diag(x, k=1)", () => np.diag(d33(), { k: 1 }));
ex("diag", D + "np.diag(x, k=-1)", () => np.diag(d33(), { k: -1 }));
ex("diag", D + "np.diag(np.diag(x))", () => np.diag(np.diag(d33())));
for (const f of ["tril", "triu"] as const) {
  ex(f, `np.${f}([[1,2,3],[4,5,6],[7,8,9],[10,11,12]], -1)`, () => np[f]([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]], -1));
  ex(f, `np.${f}(np.arange(3*4*5).reshape(3, 4, 5))`, () => np[f](np.arange(3 * 4 * 5).reshape(3, 4, 5)));
}

// --- ix_, indices, s_
const IX = "a = np.arange(10).reshape(2, 5)\n";
const a25 = (): NDArray => np.arange(10).reshape(2, 5);
ex("ix_", IX + "a", a25);
ex("ix_", "ixgrid = np.ix_([0, 1], [2, 4])\nixgrid", () => np.ix_([0, 1], [2, 4]));
ex("ix_", "ixgrid = np.ix_([0, 1], [2, 4])\nixgrid[0].shape, ixgrid[1].shape", () => {
  const ixgrid = np.ix_([0, 1], [2, 4]);
  return [ixgrid[0].shape, ixgrid[1].shape];
});
ex("ix_", IX + "ixgrid = np.ix_([0, 1], [2, 4])\na[ixgrid]", () => a25().get(...np.ix_([0, 1], [2, 4])));
ex("ix_", IX + "ixgrid = np.ix_([True, True], [2, 4])\na[ixgrid]", () => a25().get(...np.ix_([true, true], [2, 4])));
ex("ix_", IX + "ixgrid = np.ix_([True, True], [False, False, True, False, True])\na[ixgrid]", () =>
  a25().get(...np.ix_([true, true], [false, false, true, false, true])),
);
const G = "grid = np.indices((2, 3))\n";
ex("indices", G + "grid.shape", () => np.indices([2, 3]).shape);
ex("indices", G + "grid[0]", () => np.indices([2, 3]).get(0));
ex("indices", G + "grid[1]", () => np.indices([2, 3]).get(1));
ex("indices", "x = np.arange(20).reshape(5, 4)\nrow, col = np.indices((2, 3))\nx[row, col]", () => {
  const x = np.arange(20).reshape(5, 4);
  const g = np.indices([2, 3]);
  return x.get(g.get(0) as NDArray, g.get(1) as NDArray);
});
const IJ = "i, j = np.indices((2, 3), sparse=True)\n";
for (const what of ["i.shape", "j.shape", "i", "j"]) {
  ex("indices", IJ + what, () => {
    const [i, j] = np.indices([2, 3], { sparse: true });
    const r: Record<string, unknown> = { "i.shape": i.shape, "j.shape": j.shape, i, j };
    return r[what];
  });
}
ex("s_", "np.array([0, 1, 2, 3, 4])[np.s_[2::2]]", () => np.array([0, 1, 2, 3, 4]).get(np.s_["2::2"]));
ex("index_exp", "np.array([0, 1, 2, 3, 4])[np.index_exp[2::2]]", () => np.array([0, 1, 2, 3, 4]).get(...np.index_exp["2::2"]));

// --- ndarray.item (the legacy randint stream is NumPy's: the same x for seed 123); size is
// positional, as API.md spells randint(lo, hi?, size?) (README: `randint(lo, hi, { size })` is not accepted)
const R = "np.random.seed(123)\nx = np.random.randint(9, size=(3, 3))\n";
const r33 = (): NDArray => {
  np.random.seed(123);
  return np.random.randint(9, null, [3, 3]);
};
ex("ndarray.item", R + "x", r33);
ex("ndarray.item", R + "[x.item(3), x.item(7), x.item((0, 1)), x.item((2, 2))]", () => {
  const x = r33();
  return [x.item(3), x.item(7), x.item([0, 1]), x.item([2, 2])];
});

// --- take_along_axis, put_along_axis (and argsort's example of it)
const TA = "a = np.array([[10, 30, 20], [60, 40, 50]])\n";
const ta = (): NDArray => np.array([[10, 30, 20], [60, 40, 50]]);
ex("take_along_axis", TA + "np.sort(a, axis=1)", () => np.sort(ta(), { axis: 1 }));
ex("take_along_axis", TA + "ai = np.argsort(a, axis=1)\nai", () => np.argsort(ta(), { axis: 1 }));
ex("take_along_axis", TA + "ai = np.argsort(a, axis=1)\nnp.take_along_axis(a, ai, axis=1)", () => np.take_along_axis(ta(), np.argsort(ta(), { axis: 1 }), { axis: 1 }));
ex("take_along_axis", TA + "np.expand_dims(np.max(a, axis=1), axis=1)", () => np.expand_dims(np.max(ta(), { axis: 1 }), 1));
const AIMAX = "ai = np.expand_dims(np.argmax(a, axis=1), axis=1)\n";
const aimax = (): NDArray => np.expand_dims(np.argmax(ta(), { axis: 1 }), 1);
ex("take_along_axis", TA + AIMAX + "ai", aimax);
ex("take_along_axis", TA + AIMAX + "np.take_along_axis(a, ai, axis=1)", () => np.take_along_axis(ta(), aimax(), { axis: 1 }));
const MINMAX = "ai_min = np.expand_dims(np.argmin(a, axis=1), axis=1)\nai_max = np.expand_dims(np.argmax(a, axis=1), axis=1)\nai = np.concatenate([ai_min, ai_max], axis=1)\n";
const minmax = (): NDArray => np.concatenate([np.expand_dims(np.argmin(ta(), { axis: 1 }), 1), aimax()], { axis: 1 });
ex("take_along_axis", TA + MINMAX + "ai", minmax);
ex("take_along_axis", TA + MINMAX + "np.take_along_axis(a, ai, axis=1)", () => np.take_along_axis(ta(), minmax(), { axis: 1 }));
ex("put_along_axis", TA + AIMAX + "ai", aimax);
ex("put_along_axis", TA + AIMAX + "np.put_along_axis(a, ai, 99, axis=1)", () => np.put_along_axis(ta(), aimax(), 99, { axis: 1 }));
ex("put_along_axis", TA + AIMAX + "np.put_along_axis(a, ai, 99, axis=1)\na", () => {
  const a = ta();
  np.put_along_axis(a, np.expand_dims(np.argmax(a, { axis: 1 }), 1), 99, { axis: 1 });
  return a;
});
const AX = "x = np.array([[0, 3], [2, 2]])\n";
ex("argsort", AX + "ind = np.argsort(x, axis=0)\nnp.take_along_axis(x, ind, axis=0)", () => {
  const x = np.array([[0, 3], [2, 2]]);
  return np.take_along_axis(x, np.argsort(x, { axis: 0 }), { axis: 0 });
});
ex("argsort", AX + "ind = np.argsort(x, axis=1)\nnp.take_along_axis(x, ind, axis=1)", () => {
  const x = np.array([[0, 3], [2, 2]]);
  return np.take_along_axis(x, np.argsort(x, { axis: 1 }), { axis: 1 });
});

// --- choose, compress
const CH = "choices = [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]]\n";
const ch = [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]];
ex("choose", CH + "np.choose([2, 3, 1, 0], choices)", () => np.choose([2, 3, 1, 0], ch));
ex("choose", CH + "np.choose([2, 4, 1, 0], choices, mode='clip')", () => np.choose([2, 4, 1, 0], ch, { mode: "clip" }));
ex("choose", CH + "np.choose([2, 4, 1, 0], choices, mode='wrap')", () => np.choose([2, 4, 1, 0], ch, { mode: "wrap" }));
ex("choose", "a = [[1, 0, 1], [0, 1, 0], [1, 0, 1]]\nchoices = [-10, 10]\nnp.choose(a, choices)", () => np.choose([[1, 0, 1], [0, 1, 0], [1, 0, 1]], [-10, 10]));
ex("choose", "a = np.array([0, 1]).reshape((2,1,1))\nc1 = np.array([1, 2, 3]).reshape((1,3,1))\nc2 = np.array([-1, -2, -3, -4, -5]).reshape((1,1,5))\nnp.choose(a, (c1, c2))", () =>
  np.choose(np.array([0, 1]).reshape([2, 1, 1]), [np.array([1, 2, 3]).reshape([1, 3, 1]), np.array([-1, -2, -3, -4, -5]).reshape([1, 1, 5])]),
);
const CA = "a = np.array([[1, 2], [3, 4], [5, 6]])\n";
const ca = (): NDArray => np.array([[1, 2], [3, 4], [5, 6]]);
ex("compress", CA + "a", ca);
ex("compress", CA + "np.compress([0, 1], a, axis=0)", () => np.compress([0, 1], ca(), { axis: 0 }));
ex("compress", CA + "np.compress([False, True, True], a, axis=0)", () => np.compress([false, true, true], ca(), { axis: 0 }));
ex("compress", CA + "np.compress([False, True], a, axis=1)", () => np.compress([false, true], ca(), { axis: 1 }));
ex("compress", CA + "np.compress([False, True], a)", () => np.compress([false, true], ca()));

// --- unravel_index, ravel_multi_index (and argsort's example of unravel_index)
ex("unravel_index", "np.unravel_index([22, 41, 37], (7,6))", () => np.unravel_index([22, 41, 37], [7, 6]));
ex("unravel_index", "np.unravel_index([31, 41, 13], (7,6), order='F')", () => np.unravel_index([31, 41, 13], [7, 6], { order: "F" }));
ex("unravel_index", "np.unravel_index(1621, (6,7,8,9))", () => np.unravel_index(1621, [6, 7, 8, 9]));
const RM = "arr = np.array([[3,6,6],[4,5,1]])\n";
const rm = (): NDArray => np.array([[3, 6, 6], [4, 5, 1]]);
ex("ravel_multi_index", RM + "np.ravel_multi_index(arr, (7,6))", () => np.ravel_multi_index(rm(), [7, 6]));
ex("ravel_multi_index", RM + "np.ravel_multi_index(arr, (7,6), order='F')", () => np.ravel_multi_index(rm(), [7, 6], { order: "F" }));
ex("ravel_multi_index", RM + "np.ravel_multi_index(arr, (4,6), mode='clip')", () => np.ravel_multi_index(rm(), [4, 6], { mode: "clip" }));
ex("ravel_multi_index", RM + "np.ravel_multi_index(arr, (4,4), mode=('clip','wrap'))", () => np.ravel_multi_index(rm(), [4, 4], { mode: ["clip", "wrap"] }));
ex("ravel_multi_index", "np.ravel_multi_index((3,1,4,1), (6,7,8,9))", () => np.ravel_multi_index([3, 1, 4, 1], [6, 7, 8, 9]));
const XS = "x = np.array([[0, 3], [2, 2]])\nind = np.unravel_index(np.argsort(x, axis=None), x.shape)\n";
const xs = (): [NDArray, NDArray[]] => {
  const x = np.array([[0, 3], [2, 2]]);
  return [x, np.unravel_index(np.argsort(x, { axis: null }), x.shape)];
};
ex("argsort", XS + "ind", () => xs()[1]);
ex("argsort", XS + "x[ind]", () => {
  const [x, ind] = xs();
  return x.get(...(ind as [NDArray<1, "number">, NDArray<1, "number">]));
});

runDocExamples("the indexing routines", EXAMPLES);
