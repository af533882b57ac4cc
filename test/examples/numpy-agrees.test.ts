/**
 * The handouts' claims about NumPy, checked against NumPy itself (Debian's NumPy 1.24 under
 * /usr/bin/python3). The handouts check the claims on `strided`; this file checks that NumPy
 * behaves the way the handouts say it does, including where they correct the seed tutorial.
 * One Python statement per claim; the test reports every claim NumPy disagrees with.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { missingPythonModules, PYTHON, requirement } from "../support/requirements.js";

/** [handout, claim, Python boolean expression run after SETUP]. */
const CLAIMS: [string, string, string][] = [
  ["01", "slicing gives a view: writing it changes the original", "arr1[1] == 99 and v1.base is arr1"],
  ["01", "copy() gives new memory", "c1.base is None and c1[0] == 88 and arr1[1] == 99"],
  ["01", "the seed is wrong: a[::2].ravel() copies", "not np.shares_memory(a10[::2].ravel(), a10) and a10[::2].ravel().base is None"],
  ["01", "a[::2].reshape(-1) is a view", "np.shares_memory(a10[::2].reshape(-1), a10)"],
  ["01", "ravel() of a C-contiguous array is a view", "np.shares_memory(m34.ravel(), m34)"],
  ["01", "m.T.ravel() copies, m.T.ravel('F') and ravel('K') do not", "not np.shares_memory(m34.T.ravel(), m34) and np.shares_memory(m34.T.ravel('F'), m34) and np.shares_memory(m34.T.ravel('K'), m34)"],
  ["01", "m.T.reshape(2, 2, 3) is a view, m.T.reshape(12) a copy", "np.shares_memory(m34.T.reshape(2, 2, 3), m34) and not np.shares_memory(m34.T.reshape(12), m34)"],
  ["01", "flatten() copies a contiguous array", "not np.shares_memory(m34.flatten(), m34)"],
  ["02", "ravel() of a fresh array: arr2.base is arr", "(lambda a: a.ravel().base is a)(np.array([1, 2, 3]))"],
  ["02", "base is the owner, never a chain", "a10[2:6][1:].base is a10"],
  ["02", "two halves: same base, no shared byte", "a10[:5].base is a10[5:].base and not np.shares_memory(a10[:5], a10[5:])"],
  ["02", "even/odd: may_share_memory True, shares_memory False", "np.may_share_memory(a10[::2], a10[1::2]) and not np.shares_memory(a10[::2], a10[1::2])"],
  ["02", "fancy indexing copies", "not np.shares_memory(a10[[2, 3, 4]], a10)"],
  ["03", "the seed is wrong: shares_memory(x, z) is False after z = x + y and out=x", "not np.shares_memory(x3, z3) and r3 is x3 and np.array_equal(x3, z3)"],
  ["04", "flags text of a C-order 2x2 array", "str(np.array([[1, 2], [3, 4]], order='C').flags) == '  C_CONTIGUOUS : True\\n  F_CONTIGUOUS : False\\n  OWNDATA : True\\n  WRITEABLE : True\\n  ALIGNED : True\\n  WRITEBACKIFCOPY : False\\n'"],
  ["04", "int32 strides (8, 4) in C order, (4, 8) in F order; F memory order 1 3 2 4", "c4.strides == (8, 4) and f4.strides == (4, 8) and f4.ravel('K').tolist() == [1, 3, 2, 4]"],
  ["04", "a (1, 4) array and a 1-D array are both C and F; a[::2] neither", "np.zeros((1, 4)).flags.f_contiguous and np.zeros((1, 4)).flags.c_contiguous and np.arange(4).flags.f_contiguous and not np.arange(12)[::2].flags.c_contiguous and not np.arange(12)[::2].flags.f_contiguous"],
  ["04", "asfortranarray of an F array is the same object", "np.asfortranarray(f4) is f4"],
  ["05", "the transpose is F- not C-contiguous, a view whose base is arr", "not a5.T.flags.c_contiguous and a5.T.flags.f_contiguous and a5.T.base is a5"],
  ["05", "ascontiguousarray copies a transpose, returns C-contiguous arrays (and views) themselves", "not np.shares_memory(np.ascontiguousarray(a5.T), a5) and np.ascontiguousarray(a5) is a5 and (lambda v: np.ascontiguousarray(v) is v)(a5[1:]) and not np.shares_memory(np.ascontiguousarray(a5[:, 1:]), a5)"],
  ["06", "a[::2, ::-1] of an int32 3x4 array: strides (32, -4), starts at byte 12", "(lambda a, v: v.strides == (32, -4) and np.byte_bounds(v)[0] - np.byte_bounds(a)[0] == 0 and v.__array_interface__['data'][0] - a.__array_interface__['data'][0] == 12)(i34, i34[::2, ::-1])"],
  ["06", "broadcast_to: strides (0, 4), read-only with NumPy's message", "bt.strides == (0, 4) and not bt.flags.writeable and bt_msg == 'assignment destination is read-only'"],
  ["06", "seed 0: NumPy's first three rand numbers print as [0.5488135  0.71518937 0.60276338]", "seed_str == '[0.5488135  0.71518937 0.60276338]'"],
];

const SETUP = `
import numpy as np
arr1 = np.array([1, 2, 3, 4]); v1 = arr1[1:3]; v1[0] = 99
c1 = arr1[1:3].copy(); c1[0] = 88
a10 = np.arange(10)
m34 = np.arange(12).reshape(3, 4)
np.random.seed(0)
x3 = np.random.rand(1000, 1000); y3 = np.random.rand(1000, 1000)
z3 = x3 + y3; r3 = np.add(x3, y3, out=x3)
c4 = np.array([[1, 2], [3, 4]], order='C', dtype=np.int32); f4 = np.array([[1, 2], [3, 4]], order='F', dtype=np.int32)
a5 = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
i34 = np.arange(12, dtype=np.int32).reshape(3, 4)
bt = np.broadcast_to(np.array([1, 2, 3], dtype=np.int32), (4, 3))
try:
    bt[0, 0] = 5; bt_msg = ''
except ValueError as e:
    bt_msg = str(e)
np.random.seed(0); seed_str = str(np.random.rand(3))
`;

const hasNumpy = requirement(missingPythonModules(["numpy"]), "checking the handouts' claims against NumPy");

describe.skipIf(!hasNumpy)("NumPy agrees with what the handouts say about it", () => {
  it("every claim holds in NumPy 1.24", () => {
    const script = `${SETUP}\nimport json\nout = []\n${CLAIMS.map(([, , expr], i) => `try:\n    out.append(bool(${expr}))\nexcept Exception as e:\n    out.append(repr(e))\n`).join("")}print(json.dumps(out))`;
    const r = spawnSync(PYTHON, ["-c", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as (boolean | string)[];
    const disagreements = CLAIMS.flatMap(([handout, claim], i) => (results[i] === true ? [] : [`handout ${handout}: ${claim} (NumPy: ${String(results[i])})`]));
    expect(disagreements).toEqual([]);
    expect(results).toHaveLength(CLAIMS.length);
  });
});
