/**
 * NumPy docstring examples whose cells print something other than NumPy, each because of a
 * decision the README (or API.md) states. numpy-docs.test.ts fails on any other difference, and
 * on a row of DIFFERENCES that no longer differs.
 */
export interface Difference {
  /** The routine as numpy_docs.py reports it (`where`, `ndarray.view`, `Generator.choice`). */
  routine: string;
  /** The Python example exactly as NumPy's docstring has it (without the trailing newline). */
  source: string;
  /** Why, naming the decision. */
  reason: string;
}

export const DIFFERENCES: Difference[] = [
  ...([["median", "assert not np.all(a==b)"], ["percentile", "assert not np.all(a == b)"], ["quantile", "assert not np.all(a == b)"]].map(([routine, source]) => ({
    routine,
    source,
    reason: "README Decisions (Searching, sorting, statistics): overwrite_input is accepted and the input is left unchanged (NumPy leaves its contents undefined, here partly sorted); the assert needs `==` as np.equal, which cells have (issue 9)",
  }))),
  {
    routine: "diff",
    source: "u8_arr[1,...] - u8_arr[0,...]",
    reason: "README Decisions (Compute): a ufunc or operator on 0-d arrays gives a 0-d array (array(255, dtype=uint8)), NumPy a scalar (255)",
  },
  {
    routine: "inner",
    source: "np.inner(a, b)",
    reason: "README Decisions (Compute): np.inner of two 1-D arrays is a 0-d array, as np.dot (NumPy: a scalar)",
  },
  {
    routine: "trace",
    source: "np.trace(a).shape",
    reason: "API.md (indexing, types): np.trace's type is `number | NDArray` (a number for 2-D input), so `.shape` needs `(np.trace(a) as NDArray).shape`",
  },
  ...(["np.atleast_1d(1.0)", "np.atleast_2d(3.0)", "np.atleast_3d(3.0)"].map((source) => ({
    routine: source.slice(3, 13),
    source,
    reason: "API.md (dtypes): JavaScript cannot tell 1.0 from 1, so the number makes an int32 array (write { dtype: \"float64\" })",
  }))),
  {
    routine: "indices",
    source: "row, col = np.indices((2, 3))",
    reason: "README Decisions (Runtime): an NDArray is not iterable, so it does not unpack (`const g = np.indices([2, 3]); const row = g.get(0)`)",
  },
  {
    routine: "indices",
    source: "x[row, col]",
    reason: "follows from the row above (row and col were not bound)",
  },
  {
    routine: "loadtxt",
    source: "x, y = np.loadtxt(c, delimiter=',', usecols=(0, 2), unpack=True)",
    reason: "README Decisions (Runtime): an NDArray is not iterable, so unpack: true's transposed array does not unpack into x, y",
  },
  ...["x", "y"].map((source) => ({ routine: "loadtxt", source, reason: "follows from the row above (x and y were not bound)" })),
  {
    routine: "ndarray.tobytes",
    source: "x.tobytes('C') == x.tobytes()",
    reason: "README Decisions (Runtime): tobytes gives a new Uint8Array, and `==` on two Uint8Arrays is JavaScript's identity (compare with Buffer.compare)",
  },
  {
    routine: "Generator.permutation",
    source: 'rng.permutation("abc")',
    reason: "README Decisions (Runtime): no string dtypes; a string is not an array-like, so the cell stops at its type check (NumPy raises AxisError at run time)",
  },
  ...(["rng.integers(1, [3, 5, 10])", "rng.integers([1, 5, 7], 10)", "rng.integers([1, 3, 5, 7], [[10], [20]], dtype=np.uint8)"].map((source) => ({
    routine: "Generator.integers",
    source,
    reason: "README Decisions (Runtime): Generator.integers takes number bounds; NumPy also broadcasts arrays of bounds",
  }))),
];

/**
 * Examples that wait for work in progress on another branch (a runtime or kernel change not yet
 * on main): a pending row may pass or fail; the test prints which pass so the row can be removed.
 * Empty since issue 9 (`==` on arrays, array-likes in np.transpose, linspace's `num`) landed.
 */
export const PENDING: Difference[] = [];
