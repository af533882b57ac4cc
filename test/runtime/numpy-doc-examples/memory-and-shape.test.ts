/**
 * NumPy 1.24's own docstring examples (Debian's numpy, `>>>` lines) for the memory-model and
 * shape routines, translated mechanically to the runtime's API (API.md: keywords as a trailing
 * options object, tuples as arrays, `a[1:3]` as `a.get("1:3")`) and compared with NumPy run on
 * the Python lines as written: arrays by NumPy's repr as the runtime prints it, other values as
 * JSON (tuples as arrays), errors by type and message. The int32 default prints like NumPy's
 * int64 (no `dtype=`), so integer examples compare as text too.
 * sliding_window_view's axis comes third, positionally, as NumPy's docs write it.
 * Left out on purpose (README decisions): `a.resize` refusing a referenced array (refcheck),
 * dtype codes such as `dtype='f'`, structured dtypes, np.matrix, masked arrays.
 */
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { docExamples, runDocExamples } from "./harness.js";

const { EXAMPLES, ex } = docExamples();

// --- shares_memory, may_share_memory, byte_bounds, as_strided
ex("shares_memory", "x = np.array([1, 2, 3, 4])\nnp.shares_memory(x, np.array([5, 6, 7]))", () => np.shares_memory(np.array([1, 2, 3, 4]), np.array([5, 6, 7])));
ex("shares_memory", "x = np.array([1, 2, 3, 4])\nnp.shares_memory(x[::2], x)", () => {
  const x = np.array([1, 2, 3, 4]);
  return np.shares_memory(x.get("::2"), x);
});
ex("shares_memory", "x = np.array([1, 2, 3, 4])\nnp.shares_memory(x[::2], x[1::2])", () => {
  const x = np.array([1, 2, 3, 4]);
  return np.shares_memory(x.get("::2"), x.get("1::2"));
});
ex(
  "shares_memory",
  "from numpy.lib.stride_tricks import as_strided\nx = np.zeros([192163377], dtype=np.int8)\nx1 = as_strided(x, strides=(36674, 61119, 85569), shape=(1049, 1049, 1049))\nx2 = as_strided(x[64023025:], strides=(12223, 12224, 1), shape=(1049, 1049, 1))\nnp.shares_memory(x1, x2, max_work=1000)",
  () => {
    const x = np.zeros([192163377], { dtype: np.int8 });
    const x1 = np.lib.stride_tricks.as_strided(x, { strides: [36674, 61119, 85569], shape: [1049, 1049, 1049] });
    const x2 = np.lib.stride_tricks.as_strided(x.get("64023025:"), { strides: [12223, 12224, 1], shape: [1049, 1049, 1] });
    return np.shares_memory(x1, x2, { max_work: 1000 });
  },
);
ex("may_share_memory", "np.may_share_memory(np.array([1,2]), np.array([5,8,9]))", () => np.may_share_memory(np.array([1, 2]), np.array([5, 8, 9])));
ex("may_share_memory", "x = np.zeros([3, 4])\nnp.may_share_memory(x[:,0], x[:,1])", () => {
  const x = np.zeros([3, 4]);
  return np.may_share_memory(x.get(":,0"), x.get(":,1"));
});
ex("byte_bounds", "I = np.eye(2)\nlow, high = np.byte_bounds(I)\nhigh - low == I.size*I.itemsize", () => {
  const I = np.eye(2);
  const [low, high] = np.byte_bounds(I);
  return high - low === I.size * I.itemsize;
});

const swv = np.lib.stride_tricks.sliding_window_view;
const SWV = "from numpy.lib.stride_tricks import sliding_window_view\n";
const ij = (): NDArray => {
  const [i, j] = np.ogrid[":3, :4"];
  return np.add(np.multiply(10, i), j);
};
const IJ = SWV + "i, j = np.ogrid[:3, :4]\nx = 10*i + j\n";
ex("sliding_window_view", SWV + "x = np.arange(6)\nv = sliding_window_view(x, 3)\nv.shape", () => swv(np.arange(6), 3).shape);
ex("sliding_window_view", SWV + "x = np.arange(6)\nv = sliding_window_view(x, 3)\nv", () => swv(np.arange(6), 3));
ex("sliding_window_view", IJ + "x", ij);
ex("sliding_window_view", IJ + "sliding_window_view(x, (2,2))", () => swv(ij(), [2, 2]));
ex("sliding_window_view", IJ + "sliding_window_view(x, 3, 0)", () => swv(ij(), 3, 0));
ex("sliding_window_view", IJ + "sliding_window_view(x, (2, 3), (1, 1))", () => swv(ij(), [2, 3], [1, 1]));
ex("sliding_window_view", SWV + "x = np.arange(7)\nsliding_window_view(x, 5)[:, ::2]", () => swv(np.arange(7), 5).get(":, ::2"));
ex("sliding_window_view", SWV + "x = np.arange(7)\nsliding_window_view(x, 3)[::2, :]", () => swv(np.arange(7), 3).get("::2, :"));
ex("sliding_window_view", SWV + "v = sliding_window_view(np.arange(6), 3)\nv.mean(axis=-1)", () => swv(np.arange(6), 3).mean({ axis: -1 }));
ex("sliding_window_view", SWV + "sliding_window_view(np.arange(12).reshape(3, 4), 2, 1, writeable=True).flags.writeable", () =>
  swv(np.arange(12).reshape(3, 4), 2, 1, { writeable: true }).flags.writeable,
);

// --- ndarray.view, ndarray.copy, copyto, ascontiguousarray, asfortranarray, flags
ex("ndarray.view", "x = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int16)\nx[:, ::2]", () => np.array([[1, 2, 3], [4, 5, 6]], { dtype: np.int16 }).get(":, ::2"));
ex("ndarray.view", "x = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int16)\nx[:, ::2].view(np.int32)", () =>
  (np.array([[1, 2, 3], [4, 5, 6]], { dtype: np.int16 }).get(":, ::2") as NDArray).view(np.int32),
);
ex("ndarray.view", "x = np.arange(2 * 3 * 4, dtype=np.int8).reshape(2, 3, 4)\nx.transpose(1, 0, 2).view(np.int16)", () =>
  np.arange(2 * 3 * 4, { dtype: np.int8 }).reshape(2, 3, 4).transpose(1, 0, 2).view(np.int16),
);
for (const what of ["x", "y", "y.flags['C_CONTIGUOUS']"]) {
  ex("ndarray.copy", `x = np.array([[1,2,3],[4,5,6]], order='F')\ny = x.copy()\nx.fill(0)\n${what}`, () => {
    const x = np.array([[1, 2, 3], [4, 5, 6]], { order: "F" });
    const y = x.copy();
    x.fill(0);
    return what === "x" ? x : what === "y" ? y : y.flags["C_CONTIGUOUS"];
  });
}
ex("copyto", "A = np.array([4, 5, 6])\nB = [1, 2, 3]\nnp.copyto(A, B)\nA", () => {
  const A = np.array([4, 5, 6]);
  np.copyto(A, [1, 2, 3]);
  return A;
});
ex("copyto", "A = np.array([[1, 2, 3], [4, 5, 6]])\nB = [[4, 5, 6], [7, 8, 9]]\nnp.copyto(A, B)\nA", () => {
  const A = np.array([[1, 2, 3], [4, 5, 6]]);
  np.copyto(A, [[4, 5, 6], [7, 8, 9]]);
  return A;
});
for (const [fn, first, second] of [["ascontiguousarray", "F", "C"], ["asfortranarray", "C", "F"]] as const) {
  const conv = (x: NDArray): NDArray => (fn === "ascontiguousarray" ? np.ascontiguousarray(x) : np.asfortranarray(x));
  ex(fn, `x = np.ones((2, 3), order='${first}')\ny = np.${fn}(x)\n[x.flags['${first}_CONTIGUOUS'], y.flags['${second}_CONTIGUOUS'], np.may_share_memory(x, y)]`, () => {
    const x = np.ones([2, 3], { order: first });
    const y = conv(x);
    return [x.flags[`${first}_CONTIGUOUS`], y.flags[`${second}_CONTIGUOUS`], np.may_share_memory(x, y)];
  });
  ex(fn, `x = np.ones((2, 3), order='${second}')\ny = np.${fn}(x)\n[x.flags['${second}_CONTIGUOUS'], x is y]`, () => {
    const x = np.ones([2, 3], { order: second });
    return [x.flags[`${second}_CONTIGUOUS`], conv(x) === x];
  });
}
const x23 = (): NDArray => np.arange(6).reshape(2, 3);
ex("require", "x = np.arange(6).reshape(2,3)\nstr(x.flags)", () => String(x23().flags));
ex("require", "x = np.arange(6).reshape(2,3)\ny = np.require(x, dtype=np.float32, requirements=['A', 'O', 'W', 'F'])\nstr(y.flags)", () =>
  String(np.require(x23(), { dtype: np.float32, requirements: ["A", "O", "W", "F"] }).flags),
);
ex("require", "x = np.arange(6).reshape(2,3)\nnp.require(x, np.float32, ['A', 'O', 'W', 'F'])", () => np.require(x23(), np.float32, ["A", "O", "W", "F"]));
ex("require", "x = np.arange(6).reshape(2,3)\nnp.require(x, None, ['C']) is x", () => {
  const x = x23();
  return np.require(x, null, ["C"]) === x;
});
ex("require", "x = np.arange(6).reshape(2,3).astype(np.int32)\n[np.require(x, requirements='O').flags.owndata, np.require(x.T, requirements='W').strides]", () => [
  np.require(x23(), { requirements: "O" }).flags.owndata,
  np.require(x23().T, { requirements: "W" }).strides,
]);
ex("require", "x = np.arange(6).reshape(2,3).astype(np.int32)\nnp.require(np.broadcast_to(x[0], (2, 3)), requirements=['writeable', 'c']).strides", () =>
  np.require(np.broadcast_to(x23().get(0), [2, 3]), { requirements: ["writeable", "c"] }).strides,
);
ex("require", "x = np.arange(6).reshape(2,3)\nnp.require(x.T, None, 'CF')", () => np.require(x23().T, null, "CF"));
ex("ndarray.flags", "x = np.arange(6).reshape(2,3)\nstr(x.flags)", () => String(np.arange(6).reshape(2, 3).flags));

const y33 = (): NDArray => np.array([[3, 1, 7], [2, 0, 0], [8, 5, 9]]);
const Y33 = "y = np.array([[3, 1, 7], [2, 0, 0], [8, 5, 9]])\n";
ex("ndarray.setflags", Y33 + "str(y.flags)", () => String(y33().flags));
ex("ndarray.setflags", Y33 + "y.setflags(write=0, align=0)\nstr(y.flags)", () => {
  const y = y33();
  y.setflags({ write: 0, align: 0 });
  return String(y.flags);
});
ex("ndarray.setflags", Y33 + "y.setflags(uic=1)", () => y33().setflags({ uic: 1 }));
ex("ndarray.setflags", Y33 + "y.setflags(0, 0)\ny[0, 0] = 1", () => {
  const y = y33();
  y.setflags(0, 0);
  y.set(0, 0, 1);
});
ex("ndarray.setflags", Y33 + "y.setflags(write=False)\ny.setflags(align=True, uic=True)\n", () => {
  const y = y33();
  y.setflags({ write: false });
  y.setflags({ align: true, uic: true });
});
ex("ndarray.setflags", Y33 + "y.setflags(write=False)\ntry: y.setflags(align=False, uic=True)\nexcept ValueError: pass\nstr(y.flags)", () => {
  const y = y33();
  y.setflags({ write: false });
  try {
    y.setflags({ align: false, uic: true });
  } catch {
    // NumPy puts the flags back
  }
  return String(y.flags);
});
ex("ndarray.setflags", Y33 + "v = y[1:]\ny.setflags(write=False)\nv.setflags(write=True)", () => {
  const y = y33();
  const v = y.get("1:") as NDArray;
  y.setflags({ write: false });
  v.setflags({ write: true });
});
ex("ndarray.setflags", Y33 + "y.setflags(align=False)\n[y.flags.aligned, y[1:].flags.aligned, y.copy().flags.aligned]", () => {
  const y = y33();
  y.setflags({ align: false });
  return [y.flags.aligned, (y.get("1:") as NDArray).flags.aligned, y.copy().flags.aligned];
});
ex("ndarray.shape", "y = np.zeros((2, 3, 4))\ny.shape = (3, 8)\ny", () => {
  const y = np.zeros([2, 3, 4]);
  y.shape = [3, 8];
  return y;
});
ex("ndarray.shape", "y = np.zeros((2, 3, 4))\ny.shape = (3, 6)", () => {
  np.zeros([2, 3, 4]).shape = [3, 6];
});
ex("ndarray.shape", "np.zeros((4,2))[::2].shape = (-1,)", () => {
  (np.zeros([4, 2]).get("::2") as NDArray).shape = [-1];
});
ex("copy", "x = np.array([1, 2, 3])\ny = x\nz = np.copy(x)\nx[0] = 10\n[x[0] == y[0], x[0] == z[0]]", () => {
  const x = np.array([1, 2, 3]);
  const y = x;
  const z = np.copy(x);
  x.set(0, 10);
  return [x.get(0) === y.get(0), x.get(0) === z.get(0)];
});
ex("copy", "a = np.array([1, 2, 3])\na.flags['WRITEABLE'] = False\nb = np.copy(a)\nb[0] = 3\n[b.flags['WRITEABLE'], b]", () => {
  const a = np.array([1, 2, 3]);
  a.flags["WRITEABLE"] = false;
  const b = np.copy(a);
  b.set(0, 3);
  return [b.flags["WRITEABLE"], b];
});
ex("diagonal", "a = np.arange(4).reshape(2,2)\n[a.diagonal(), a.diagonal(1)]", () => [np.arange(4).reshape(2, 2).diagonal(), np.arange(4).reshape(2, 2).diagonal(1)]);
ex("diagonal", "a = np.arange(8).reshape(2,2,2)\na.diagonal(0, 0, 1)", () => np.arange(8).reshape(2, 2, 2).diagonal(0, 0, 1));
ex("diagonal", "a = np.arange(9).reshape(3, 3)\n[np.fliplr(a).diagonal(), np.flipud(a).diagonal()]", () => [np.fliplr(np.arange(9).reshape(3, 3)).diagonal(), np.flipud(np.arange(9).reshape(3, 3)).diagonal()]);
ex("diagonal", "a = np.arange(9).reshape(3, 3)\nd = a.diagonal()\n[d.flags.writeable, np.shares_memory(d, a)]", () => {
  const a = np.arange(9).reshape(3, 3);
  const d = a.diagonal();
  return [d.flags.writeable, np.shares_memory(d, a)];
});

ex("asarray", "a = [1, 2]\nnp.asarray(a)", () => np.asarray([1, 2]));
ex("asarray", "a = np.array([1, 2])\nnp.asarray(a) is a", () => {
  const a = np.array([1, 2]);
  return np.asarray(a) === a;
});
ex("asarray", "a = np.array([1, 2], dtype=np.float32)\n[np.asarray(a, dtype=np.float32) is a, np.asarray(a, dtype=np.float64) is a]", () => {
  const a = np.array([1, 2], { dtype: np.float32 });
  return [np.asarray(a, { dtype: np.float32 }) === a, np.asarray(a, { dtype: np.float64 }) === a];
});
ex("array", "np.array([[1, 2], [3, 4]])", () => np.array([[1, 2], [3, 4]]));
ex("array", "np.array([1, 2, 3], ndmin=2)", () => np.array([1, 2, 3], { ndmin: 2 }));
// what ndmin and copy=False do to memory (numpy/core/src/multiarray/multiarraymodule.c _prepend_ones)
ex("array", "b = np.array(np.array([1, 2, 3], dtype=np.int32), ndmin=2)\n[b.flags.owndata, b.base.tolist(), b.strides]", () => {
  const b = np.array(np.array([1, 2, 3]), { ndmin: 2 });
  return [b.flags.owndata, (b.base as NDArray).tolist(), b.strides];
});
ex("array", "a = np.arange(3, dtype=np.int32)\nc = np.array(a, copy=False, ndmin=3)\n[c.base is a, c.strides, np.array(a, copy=False) is a]", () => {
  const a = np.arange(3);
  const c = np.array(a, { copy: false, ndmin: 3 });
  return [c.base === a, c.strides, np.array(a, { copy: false }) === a];
});
ex("array", "a = np.arange(3)\nc = np.array(a, ndmin=2)\n[c.base is a, np.shares_memory(a, c)]", () => {
  const a = np.arange(3);
  const c = np.array(a, { ndmin: 2 });
  return [c.base === a, np.shares_memory(a, c)];
});
ex("array", "z = np.zeros((2, 3)).T\n[np.array(z, ndmin=3).strides, np.array(z, order='C', ndmin=3).strides, np.array(z, copy=False, dtype=np.float32).strides]", () => {
  const z = np.zeros([2, 3]).T;
  return [np.array(z, { ndmin: 3 }).strides, np.array(z, { order: "C", ndmin: 3 }).strides, np.array(z, { copy: false, dtype: np.float32 }).strides];
});
ex("atleast_2d", "x = np.arange(3.0)\n[np.atleast_2d(x), np.atleast_2d(x).base is x]", () => {
  const x = np.arange(3, { dtype: "float64" });
  return [np.atleast_2d(x), np.atleast_2d(x).base === x];
});
ex("atleast_2d", "np.atleast_2d(1, [1, 2], [[1, 2]])", () => np.atleast_2d(1, [1, 2], [[1, 2]]));
ex("vstack", "a = np.array([1, 2, 3])\nb = np.array([4, 5, 6])\nnp.vstack((a,b))", () => np.vstack([np.array([1, 2, 3]), np.array([4, 5, 6])]));
ex("vstack", "a = np.array([[1], [2], [3]])\nb = np.array([[4], [5], [6]])\nnp.vstack((a,b))", () => np.vstack([np.array([[1], [2], [3]]), np.array([[4], [5], [6]])]));
ex("hstack", "a = np.array((1,2,3))\nb = np.array((4,5,6))\nnp.hstack((a,b))", () => np.hstack([np.array([1, 2, 3]), np.array([4, 5, 6])]));
ex("hstack", "a = np.array([[1],[2],[3]])\nb = np.array([[4],[5],[6]])\nnp.hstack((a,b))", () => np.hstack([np.array([[1], [2], [3]]), np.array([[4], [5], [6]])]));
ex("array_split", "x = np.arange(8.0)\nnp.array_split(x, 3)", () => np.array_split(np.arange(8, { dtype: "float64" }), 3));
ex("array_split", "x = np.arange(9)\nnp.array_split(x, 4)", () => np.array_split(np.arange(9), 4));
ex("ndarray.fill", "a = np.array([1, 2])\na.fill(0)\na", () => {
  const a = np.array([1, 2]);
  a.fill(0);
  return a;
});
ex("ndarray.fill", "a = np.empty(2)\na.fill(1)\na", () => {
  const a = np.empty(2);
  a.fill(1);
  return a;
});

ex("asanyarray", "a = [1, 2]\nnp.asanyarray(a)", () => np.asanyarray([1, 2]));
ex("asanyarray", "a = np.array([1, 2])\nnp.asanyarray(a) is a", () => {
  const a = np.array([1, 2]);
  return np.asanyarray(a) === a;
});
const c23 = (): NDArray => np.array([[1, 2, 3], [4, 5, 6]], { order: "C" });
ex("isfortran", "a = np.array([[1, 2, 3], [4, 5, 6]], order='C')\nnp.isfortran(a)", () => np.isfortran(c23()));
ex("isfortran", "b = np.array([[1, 2, 3], [4, 5, 6]], order='F')\n[b, np.isfortran(b)]", () => {
  const b = np.array([[1, 2, 3], [4, 5, 6]], { order: "F" });
  return [b, np.isfortran(b)];
});
ex("isfortran", "a = np.array([[1, 2, 3], [4, 5, 6]], order='C')\nb = a.T\n[b, np.isfortran(b)]", () => {
  const b = c23().T;
  return [b, np.isfortran(b)];
});
ex("isfortran", "np.isfortran(np.array([1, 2], order='F'))", () => np.isfortran(np.array([1, 2], { order: "F" })));

// ndarray.flags' docstring: every attribute and dictionary key it lists, on four layouts
const FLAG_ATTRS = ["c_contiguous", "f_contiguous", "owndata", "writeable", "aligned", "writebackifcopy", "fnc", "forc", "behaved", "carray", "farray", "fortran", "contiguous", "num"] as const;
const FLAG_KEYS = ["C", "F", "O", "W", "A", "X", "FNC", "FORC", "B", "BEHAVED", "CA", "CARRAY", "FA", "FARRAY", "CONTIGUOUS", "FORTRAN", "C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED", "WRITEBACKIFCOPY"] as const;
const LAYOUTS: [string, () => NDArray][] = [
  ["np.zeros((2, 3), dtype=np.int32)", () => np.zeros([2, 3], { dtype: "int32" })],
  ["np.zeros((2, 3), dtype=np.int32).T", () => np.zeros([2, 3], { dtype: "int32" }).T],
  ["np.zeros((2, 3), dtype=np.int32)[:, ::2]", () => np.zeros([2, 3], { dtype: "int32" }).get(":, ::2") as NDArray],
  ["np.broadcast_to(np.arange(3, dtype=np.int32), (2, 3))", () => np.broadcast_to(np.arange(3), [2, 3])],
];
for (const [py, make] of LAYOUTS) {
  ex("ndarray.flags", `f = ${py}.flags\n[[getattr(f, k) for k in ${JSON.stringify(FLAG_ATTRS)}], [f[k] for k in ${JSON.stringify(FLAG_KEYS)}]]`, () => {
    const f = make().flags;
    return [FLAG_ATTRS.map((k) => f[k]), FLAG_KEYS.map((k) => f[k])];
  });
}
ex("ndarray.flags", "a = np.zeros(3)\na.flags['W'] = False\n[a.flags.writeable, a.flags.behaved, a.flags.num]", () => {
  const a = np.zeros(3);
  a.flags["W"] = false;
  return [a.flags.writeable, a.flags.behaved, a.flags.num];
});
ex("ndarray.flags", "a = np.zeros(3)\na.flags.writebackifcopy = True", () => {
  np.zeros(3).flags.writebackifcopy = true;
});
ex("ndarray.flags", "a = np.zeros(3)\na.flags['X'] = False\na.flags['A'] = False\n[a.flags.aligned, a.flags.carray, a.flags.num]", () => {
  const a = np.zeros(3);
  a.flags["X"] = false;
  a.flags["A"] = false;
  return [a.flags.aligned, a.flags.carray, a.flags.num];
});

// --- reshape, ravel, flatten
ex("reshape", "a = np.zeros((10, 2))\nc = a.T.view()\nc.shape = (20)", () => {
  const c = np.zeros([10, 2]).T.view();
  c.shape = [20];
});
const a32 = (): NDArray => np.arange(6).reshape([3, 2]);
ex("reshape", "a = np.arange(6).reshape((3, 2))\na", a32);
ex("reshape", "a = np.arange(6).reshape((3, 2))\nnp.reshape(a, (2, 3))", () => np.reshape(a32(), [2, 3]));
ex("reshape", "a = np.arange(6).reshape((3, 2))\nnp.reshape(np.ravel(a), (2, 3))", () => np.reshape(np.ravel(a32()), [2, 3]));
ex("reshape", "a = np.arange(6).reshape((3, 2))\nnp.reshape(a, (2, 3), order='F')", () => np.reshape(a32(), [2, 3], { order: "F" }));
ex("reshape", "a = np.arange(6).reshape((3, 2))\nnp.reshape(np.ravel(a, order='F'), (2, 3), order='F')", () =>
  np.reshape(np.ravel(a32(), { order: "F" }), [2, 3], { order: "F" }),
);
const a23 = (): NDArray => np.array([[1, 2, 3], [4, 5, 6]]);
ex("reshape", "a = np.array([[1,2,3], [4,5,6]])\nnp.reshape(a, 6)", () => np.reshape(a23(), 6));
ex("reshape", "a = np.array([[1,2,3], [4,5,6]])\nnp.reshape(a, 6, order='F')", () => np.reshape(a23(), 6, { order: "F" }));
ex("reshape", "a = np.array([[1,2,3], [4,5,6]])\nnp.reshape(a, (3,-1))", () => np.reshape(a23(), [3, -1]));
ex("ravel", "x = np.array([[1, 2, 3], [4, 5, 6]])\nnp.ravel(x)", () => np.ravel(a23()));
ex("ravel", "x = np.array([[1, 2, 3], [4, 5, 6]])\nx.reshape(-1)", () => a23().reshape(-1));
ex("ravel", "x = np.array([[1, 2, 3], [4, 5, 6]])\nnp.ravel(x, order='F')", () => np.ravel(a23(), { order: "F" }));
ex("ravel", "x = np.array([[1, 2, 3], [4, 5, 6]])\nnp.ravel(x.T)", () => np.ravel(a23().T));
ex("ravel", "x = np.array([[1, 2, 3], [4, 5, 6]])\nnp.ravel(x.T, order='A')", () => np.ravel(a23().T, { order: "A" }));
for (const order of ["C", "K"] as const) {
  ex("ravel", `a = np.arange(3)[::-1]\na.ravel(order='${order}')`, () => (np.arange(3).get("::-1") as NDArray).ravel({ order }));
  ex("ravel", `a = np.arange(12).reshape(2,3,2).swapaxes(1,2)\na.ravel(order='${order}')`, () => np.arange(12).reshape(2, 3, 2).swapaxes(1, 2).ravel({ order }));
}
ex("ravel", "np.arange(12).reshape(2,3,2).swapaxes(1,2)", () => np.arange(12).reshape(2, 3, 2).swapaxes(1, 2));
ex("ndarray.flatten", "a = np.array([[1,2], [3,4]])\na.flatten()", () => np.array([[1, 2], [3, 4]]).flatten());
ex("ndarray.flatten", "a = np.array([[1,2], [3,4]])\na.flatten('F')", () => np.array([[1, 2], [3, 4]]).flatten("F"));

// --- transpose, swapaxes, moveaxis, expand_dims, squeeze
ex("transpose", "a = np.array([[1, 2], [3, 4]])\nnp.transpose(a)", () => np.transpose(np.array([[1, 2], [3, 4]])));
ex("transpose", "a = np.array([1, 2, 3, 4])\nnp.transpose(a)", () => np.transpose(np.array([1, 2, 3, 4])));
ex("transpose", "a = np.ones((1, 2, 3))\nnp.transpose(a, (1, 0, 2)).shape", () => np.transpose(np.ones([1, 2, 3]), [1, 0, 2]).shape);
ex("transpose", "a = np.ones((2, 3, 4, 5))\nnp.transpose(a).shape", () => np.transpose(np.ones([2, 3, 4, 5])).shape);
ex("swapaxes", "x = np.array([[1,2,3]])\nnp.swapaxes(x,0,1)", () => np.swapaxes(np.array([[1, 2, 3]]), 0, 1));
ex("swapaxes", "x = np.array([[[0,1],[2,3]],[[4,5],[6,7]]])\nnp.swapaxes(x,0,2)", () => np.swapaxes(np.array([[[0, 1], [2, 3]], [[4, 5], [6, 7]]]), 0, 2));
const z345 = (): NDArray => np.zeros([3, 4, 5]);
ex("moveaxis", "x = np.zeros((3, 4, 5))\nnp.moveaxis(x, 0, -1).shape", () => np.moveaxis(z345(), 0, -1).shape);
ex("moveaxis", "x = np.zeros((3, 4, 5))\nnp.moveaxis(x, -1, 0).shape", () => np.moveaxis(z345(), -1, 0).shape);
ex("moveaxis", "x = np.zeros((3, 4, 5))\nnp.swapaxes(x, 0, -1).shape", () => np.swapaxes(z345(), 0, -1).shape);
ex("moveaxis", "x = np.zeros((3, 4, 5))\nnp.moveaxis(x, [0, 1], [-1, -2]).shape", () => np.moveaxis(z345(), [0, 1], [-1, -2]).shape);
ex("moveaxis", "x = np.zeros((3, 4, 5))\nnp.moveaxis(x, [0, 1, 2], [-1, -2, -3]).shape", () => np.moveaxis(z345(), [0, 1, 2], [-1, -2, -3]).shape);
for (const [axis, pyAxis] of [[0, "0"], [1, "1"], [[0, 1], "(0, 1)"], [[2, 0], "(2, 0)"]] as const) {
  ex("expand_dims", `x = np.array([1, 2])\nnp.expand_dims(x, axis=${pyAxis})`, () => np.expand_dims(np.array([1, 2]), { axis }));
}
const x131 = (): NDArray => np.array([[[0], [1], [2]]]);
ex("squeeze", "x = np.array([[[0], [1], [2]]])\nnp.squeeze(x).shape", () => np.squeeze(x131()).shape);
for (const axis of [0, 1, 2]) ex("squeeze", `x = np.array([[[0], [1], [2]]])\nnp.squeeze(x, axis=${axis}).shape`, () => np.squeeze(x131(), { axis }).shape);
ex("squeeze", "x = np.array([[1234]])\nnp.squeeze(x)", () => np.squeeze(np.array([[1234]])));
ex("squeeze", "x = np.array([[1234]])\nnp.squeeze(x)[()]", () => np.squeeze(np.array([[1234]])).item());

// --- broadcast_to, broadcast_arrays, concatenate, stack, split, tile, repeat, flip, roll
ex("broadcast_to", "x = np.array([1, 2, 3])\nnp.broadcast_to(x, (3, 3))", () => np.broadcast_to(np.array([1, 2, 3]), [3, 3]));
ex("broadcast_arrays", "x = np.array([[1,2,3]])\ny = np.array([[4],[5]])\nnp.broadcast_arrays(x, y)", () => np.broadcast_arrays(np.array([[1, 2, 3]]), np.array([[4], [5]])));
const a22 = (): NDArray => np.array([[1, 2], [3, 4]]);
ex("concatenate", "a = np.array([[1, 2], [3, 4]])\nb = np.array([[5, 6]])\nnp.concatenate((a, b), axis=0)", () => np.concatenate([a22(), np.array([[5, 6]])], { axis: 0 }));
ex("concatenate", "a = np.array([[1, 2], [3, 4]])\nb = np.array([[5, 6]])\nnp.concatenate((a, b.T), axis=1)", () => np.concatenate([a22(), np.array([[5, 6]]).T], { axis: 1 }));
ex("concatenate", "a = np.array([[1, 2], [3, 4]])\nb = np.array([[5, 6]])\nnp.concatenate((a, b), axis=None)", () => np.concatenate([a22(), np.array([[5, 6]])], { axis: null }));
for (const axis of [0, 1, 2]) {
  ex("stack", `arrays = [np.random.randn(3, 4) for _ in range(10)]\nnp.stack(arrays, axis=${axis}).shape`, () =>
    np.stack(Array.from({ length: 10 }, () => np.random.randn(3, 4)), { axis }).shape,
  );
}
ex("stack", "a = np.array([1, 2, 3])\nb = np.array([4, 5, 6])\nnp.stack((a, b))", () => np.stack([np.array([1, 2, 3]), np.array([4, 5, 6])]));
ex("stack", "a = np.array([1, 2, 3])\nb = np.array([4, 5, 6])\nnp.stack((a, b), axis=-1)", () => np.stack([np.array([1, 2, 3]), np.array([4, 5, 6])], { axis: -1 }));
ex("split", "x = np.arange(9.0)\nnp.split(x, 3)", () => np.split(np.arange(9, { dtype: "float64" }), 3));
ex("split", "x = np.arange(8.0)\nnp.split(x, [3, 5, 6, 10])", () => np.split(np.arange(8, { dtype: "float64" }), [3, 5, 6, 10]));
for (const [reps, pyReps] of [[2, "2"], [[2, 2], "(2, 2)"], [[2, 1, 2], "(2, 1, 2)"]] as const) {
  ex("tile", `a = np.array([0, 1, 2])\nnp.tile(a, ${pyReps})`, () => np.tile(np.array([0, 1, 2]), reps));
}
ex("tile", "b = np.array([[1, 2], [3, 4]])\nnp.tile(b, 2)", () => np.tile(a22(), 2));
ex("tile", "b = np.array([[1, 2], [3, 4]])\nnp.tile(b, (2, 1))", () => np.tile(a22(), [2, 1]));
ex("tile", "c = np.array([1,2,3,4])\nnp.tile(c,(4,1))", () => np.tile(np.array([1, 2, 3, 4]), [4, 1]));
ex("repeat", "np.repeat(3, 4)", () => np.repeat(3, 4));
ex("repeat", "x = np.array([[1,2],[3,4]])\nnp.repeat(x, 2)", () => np.repeat(a22(), 2));
ex("repeat", "x = np.array([[1,2],[3,4]])\nnp.repeat(x, 3, axis=1)", () => np.repeat(a22(), 3, { axis: 1 }));
ex("repeat", "x = np.array([[1,2],[3,4]])\nnp.repeat(x, [1, 2], axis=0)", () => np.repeat(a22(), [1, 2], { axis: 0 }));
const A222 = (): NDArray => np.arange(8).reshape([2, 2, 2]);
ex("flip", "A = np.arange(8).reshape((2,2,2))\nnp.flip(A, 0)", () => np.flip(A222(), 0));
ex("flip", "A = np.arange(8).reshape((2,2,2))\nnp.flip(A, 1)", () => np.flip(A222(), 1));
ex("flip", "A = np.arange(8).reshape((2,2,2))\nnp.flip(A)", () => np.flip(A222()));
ex("flip", "A = np.arange(8).reshape((2,2,2))\nnp.flip(A, (0, 2))", () => np.flip(A222(), [0, 2]));
ex("flip", "A = np.random.randn(3,4,5)\nnp.all(np.flip(A,2) == A[:,:,::-1,...])", () => {
  const A = np.random.randn(3, 4, 5);
  return np.all(np.equal(np.flip(A, 2), A.get(":,:,::-1,...")));
});
ex("rot90", "m = np.array([[1,2],[3,4]], int)\nnp.rot90(m)", () => np.rot90(np.array([[1, 2], [3, 4]])));
ex("rot90", "m = np.array([[1,2],[3,4]], int)\nnp.rot90(m, 2)", () => np.rot90(np.array([[1, 2], [3, 4]]), 2));
ex("rot90", "m = np.arange(8).reshape((2,2,2))\nnp.rot90(m, 1, (1,2))", () => np.rot90(np.arange(8).reshape([2, 2, 2]), 1, [1, 2]));
// every k and axes pair on a 3-D array: values, strides (int32) and a view of the same memory
for (const k of [-1, 0, 1, 2, 3, 5]) {
  for (const axes of [[0, 1], [1, 0], [2, 0], [-1, 1], [0, -2]]) {
    ex("rot90", `m = np.arange(24, dtype=np.int32).reshape(2, 3, 4)\nr = np.rot90(m, ${k}, (${axes.join(", ")}))\n[r.tolist(), r.strides, np.shares_memory(r, m), r.base is m]`, () => {
      const m = np.arange(24).reshape(2, 3, 4);
      const r = np.rot90(m, { k, axes });
      return [r.tolist(), r.strides, np.shares_memory(r, m), r.base === m];
    });
  }
}
for (const axes of [[0, 0], [0, 3], [0, 1, 2], [-3, 0]]) {
  ex("rot90", `np.rot90(np.zeros((2, 3, 4)), 1, (${axes.join(", ")}))`, () => np.rot90(np.zeros([2, 3, 4]), 1, axes));
}
ex("roll", "x = np.arange(10)\nnp.roll(x, 2)", () => np.roll(np.arange(10), 2));
ex("roll", "x = np.arange(10)\nnp.roll(x, -2)", () => np.roll(np.arange(10), -2));
const x25 = (): NDArray => np.reshape(np.arange(10), [2, 5]);
for (const [shift, pyShift] of [[1, "1"], [-1, "-1"]] as const) {
  ex("roll", `x2 = np.reshape(np.arange(10), (2, 5))\nnp.roll(x2, ${pyShift})`, () => np.roll(x25(), shift));
  for (const axis of [0, 1]) ex("roll", `x2 = np.reshape(np.arange(10), (2, 5))\nnp.roll(x2, ${pyShift}, axis=${axis})`, () => np.roll(x25(), shift, { axis }));
}
ex("roll", "x2 = np.reshape(np.arange(10), (2, 5))\nnp.roll(x2, (1, 1), axis=(1, 0))", () => np.roll(x25(), [1, 1], { axis: [1, 0] }));
ex("roll", "x2 = np.reshape(np.arange(10), (2, 5))\nnp.roll(x2, (2, 1), axis=(1, 0))", () => np.roll(x25(), [2, 1], { axis: [1, 0] }));

// --- frombuffer, strides, base, resize
ex("frombuffer", "np.frombuffer(b'\\x01\\x02', dtype=np.uint8)", () => np.frombuffer(new Uint8Array([1, 2]), { dtype: np.uint8 }));
ex("frombuffer", "np.frombuffer(b'\\x01\\x02\\x03\\x04\\x05', dtype=np.uint8, count=3)", () => np.frombuffer(new Uint8Array([1, 2, 3, 4, 5]), { dtype: np.uint8, count: 3 }));
const y234 = (): NDArray => np.reshape(np.arange(2 * 3 * 4), [2, 3, 4]);
ex("ndarray.strides", "y = np.reshape(np.arange(2*3*4), (2,3,4))\ny", y234);
ex("ndarray.strides", "y = np.reshape(np.arange(2*3*4), (2,3,4)).astype(np.int32)\ny.strides", () => y234().strides);
ex("ndarray.strides", "y = np.reshape(np.arange(2*3*4), (2,3,4))\ny[1,1,1]", () => y234().get(1, 1, 1));
ex("ndarray.strides", "y = np.reshape(np.arange(2*3*4), (2,3,4))\noffset=sum(y.strides * np.array((1,1,1)))\noffset/y.itemsize", () => {
  const y = y234();
  return (np.sum(np.multiply(y.strides, np.array([1, 1, 1]))) as number) / y.itemsize;
});
const x5678 = (): NDArray => np.reshape(np.arange(5 * 6 * 7 * 8), [5, 6, 7, 8]).transpose(2, 3, 1, 0);
ex("ndarray.strides", "x = np.reshape(np.arange(5*6*7*8), (5,6,7,8)).astype(np.int32).transpose(2,3,1,0)\nx.strides", () => x5678().strides);
ex("ndarray.strides", "x = np.reshape(np.arange(5*6*7*8), (5,6,7,8)).transpose(2,3,1,0)\nx[3,5,2,2]", () => x5678().get(3, 5, 2, 2));
ex("ndarray.strides", "x = np.reshape(np.arange(5*6*7*8), (5,6,7,8)).transpose(2,3,1,0)\ni = np.array([3,5,2,2])\noffset = sum(i * x.strides)\noffset / x.itemsize", () => {
  const x = x5678();
  return (np.sum(np.multiply(np.array([3, 5, 2, 2]), x.strides)) as number) / x.itemsize;
});
ex("ndarray.base", "x = np.array([1,2,3,4])\nx.base is None", () => np.array([1, 2, 3, 4]).base === null);
ex("ndarray.base", "x = np.array([1,2,3,4])\ny = x[2:]\ny.base is x", () => {
  const x = np.array([1, 2, 3, 4]);
  return (x.get("2:") as NDArray).base === x;
});
for (const order of ["C", "F"] as const) {
  ex("ndarray.resize", `a = np.array([[0, 1], [2, 3]], order='${order}')\na.resize((2, 1))\na`, () => {
    const a = np.array([[0, 1], [2, 3]], { order });
    a.resize([2, 1]);
    return a;
  });
  ex("ndarray.resize", `a = np.array([[0, 1], [2, 3]], order='${order}')\na.resize((2, 1))\na.strides`, () => {
    const a = np.array([[0, 1], [2, 3]], { order, dtype: "float64" });
    a.resize([2, 1]);
    return a.strides;
  });
}
ex("ndarray.resize", "b = np.array([[0, 1], [2, 3]])\nb.resize(2, 3)\nb", () => {
  const b = np.array([[0, 1], [2, 3]]);
  b.resize(2, 3);
  return b;
});
ex("ndarray.resize", "a = np.array([[0, 1], [2, 3]], order='F')\na.resize((2, 1))\nc = a\na.resize((1, 1), refcheck=False)\nc", () => {
  const a = np.array([[0, 1], [2, 3]], { order: "F" });
  a.resize([2, 1]);
  const c = a;
  a.resize([1, 1], { refcheck: false });
  return c;
});
for (const shape of [[2, 3], [1, 4], [2, 4]]) {
  ex("resize", `a=np.array([[0,1],[2,3]])\nnp.resize(a,(${shape.join(", ")}))`, () => np.resize(np.array([[0, 1], [2, 3]]), shape));
}

// --- ufuncs (add, multiply, out=) and the where= / out= of reductions
const x33 = (): NDArray => np.arange(9, { dtype: "float64" }).reshape([3, 3]);
const x3 = (): NDArray => np.arange(3, { dtype: "float64" });
ex("add", "np.add(1.0, 4.0)", () => np.add(1.0, 4.0));
ex("add", "x1 = np.arange(9.0).reshape((3, 3))\nx2 = np.arange(3.0)\nnp.add(x1, x2)", () => np.add(x33(), x3()));
ex("add", "x1 = np.arange(9.0).reshape((3, 3))\nx2 = np.arange(3.0)\no = np.zeros((3, 3))\nr = np.add(x1, x2, out=o)\n[r is o, o]", () => {
  const o = np.zeros([3, 3]);
  const r = np.add(x33(), x3(), { out: o });
  return [r === o, o];
});
ex("multiply", "np.multiply(2.0, 4.0)", () => np.multiply(2.0, 4.0));
ex("multiply", "x1 = np.arange(9.0).reshape((3, 3))\nx2 = np.arange(3.0)\nnp.multiply(x1, x2)", () => np.multiply(x33(), x3()));
ex("all", "np.all([[True, True], [False, True]], where=[[True], [False]])", () => np.all([[true, true], [false, true]], { where: [[true], [false]] }));
ex("all", "o=np.array(False)\nz=np.all([-1, 4, 5], out=o)\n[z is o, z]", () => {
  const o = np.array(false);
  const z = np.all([-1, 4, 5], { out: o });
  return [z === o, z];
});
ex("any", "np.any([[True, False], [False, False]], where=[[False], [True]])", () => np.any([[true, false], [false, false]], { where: [[false], [true]] }));
ex("amax", "a = np.arange(4).reshape((2,2))\nnp.amax(a, where=[False, True], initial=-1, axis=0)", () =>
  np.amax(np.arange(4).reshape([2, 2]), { where: [false, true], initial: -1, axis: 0 }),
);
ex("amax", "b = np.arange(5, dtype=float)\nb[2] = np.NaN\nnp.amax(b, where=~np.isnan(b), initial=-1)", () => {
  const b = np.arange(5, { dtype: "float64" });
  b.set(2, NaN);
  return np.amax(b, { where: np.logical_not(np.isnan(b)), initial: -1 });
});
ex("sum", "np.sum([[0, 1], [np.nan, 5]], where=[False, True], axis=1)", () => np.sum([[0, 1], [NaN, 5]], { where: [false, true], axis: 1 }));
ex("prod", "np.prod([1., np.nan, 3.], where=[True, False, True])", () => np.prod([1, NaN, 3], { where: [true, false, true] }));
const m33 = (): NDArray => np.array([[5, 9, 13], [14, 10, 12], [11, 15, 19]]);
ex("mean", "a = np.array([[5, 9, 13], [14, 10, 12], [11, 15, 19]])\nnp.mean(a)", () => np.mean(m33()));
ex("mean", "a = np.array([[5, 9, 13], [14, 10, 12], [11, 15, 19]])\nnp.mean(a, where=[[True], [False], [False]])", () => np.mean(m33(), { where: [[true], [false], [false]] }));
const s34 = (): NDArray => np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]]);
ex("std", "a = np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]])\nnp.std(a)", () => np.std(s34()));
ex("std", "a = np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]])\nnp.std(a, where=[[True], [True], [False]])", () => np.std(s34(), { where: [[true], [true], [false]] }));
ex("var", "a = np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]])\nnp.var(a, where=[[True], [True], [False]])", () => np.var(s34(), { where: [[true], [true], [false]] }));
// the same masks with an axis, keepdims, ddof and float32 (NumPy's _methods.py count per result element)
ex("mean", "a = np.array([[5, 9, 13], [14, 10, 12], [11, 15, 19]])\nnp.mean(a, axis=1, where=[[True, False, True], [False, False, False], [True, True, False]])", () =>
  np.mean(m33(), { axis: 1, where: [[true, false, true], [false, false, false], [true, true, false]] }),
);
ex("var", "a = np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]], dtype=np.float32)\nnp.var(a, axis=0, ddof=1, keepdims=True, where=[[True], [True], [False]])", () =>
  np.var(np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]], { dtype: "float32" }), { axis: 0, ddof: 1, keepdims: true, where: [[true], [true], [false]] }),
);
ex("std", "a = np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]])\nnp.std(a, axis=1, ddof=1, where=[True, False, True, True])", () =>
  np.std(s34(), { axis: 1, ddof: 1, where: [true, false, true, true] }),
);
ex("clip", "a = np.arange(10)\nr = np.clip(a, 3, 6, out=a)\n[r is a, a]", () => {
  const a = np.arange(10);
  const r = np.clip(a, 3, 6, { out: a });
  return [r === a, a];
});
ex("clip", "a = np.arange(10)\nnp.clip(a, [3, 4, 1, 1, 1, 4, 4, 4, 4, 4], 8)", () => np.clip(np.arange(10), [3, 4, 1, 1, 1, 4, 4, 4, 4, 4], 8));

runDocExamples("the memory and shape routines", EXAMPLES);
