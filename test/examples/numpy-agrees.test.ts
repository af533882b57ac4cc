/**
 * The handouts' claims about NumPy, checked against NumPy itself (Debian's NumPy 1.24 under
 * /usr/bin/python3). The handouts check the claims on `strided`; this file checks that NumPy
 * behaves the way the handouts say it does, including where they correct the seed tutorial.
 * One Python statement per claim; the test reports every claim NumPy disagrees with.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { missingPythonModules, PYTHON, requirement } from "../support/requirements.js";
import { ROOT } from "../e2e/support/kernel.js";

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
  ["07", "NumPy writes the shipped CSV byte for byte from the same seed and lines", "csv7 == open(STATION, encoding='utf-8').read()"],
  ["07", "loadtxt gives back the table savetxt wrote (NaN equal to NaN)", "np.array_equal(d7, table7, equal_nan=True)"],
  ["07", "a column is a view of the table with a stride of one row (32 bytes), not contiguous", "t7.base is d7 and t7.strides == (32,) and not t7.flags.c_contiguous"],
  ["07", "10 readings are missing; np.mean is NaN; nanmean is the mean of the valid readings", "np.count_nonzero(np.isnan(t7)) == 10 and np.isnan(np.mean(t7)) and np.isclose(np.nanmean(t7), np.mean(v7))"],
  ["07", "t[mask] is a copy, np.sort returns a copy with the NaNs last", "not np.shares_memory(v7, d7) and not np.shares_memory(np.sort(t7), d7) and np.isnan(np.sort(t7)[-10:]).all() and not np.isnan(np.sort(t7)[:-10]).any()"],
  ["07", "t[argsort(t, kind='stable')] is sort(t)", "np.array_equal(t7[np.argsort(t7, kind='stable')], np.sort(t7), equal_nan=True)"],
  ["07", "the median is the 50th percentile; 10% of the readings (to within one) are below the 10th", "np.median(v7) == np.percentile(v7, 50) and abs(np.count_nonzero(v7 < np.percentile(v7, 10)) - 0.1 * v7.size) <= 1"],
  ["07", "unique's counts of the month column are the month lengths", "np.array_equal(np.unique(d7[:, 1], return_counts=True)[1], me7 - np.concatenate([[0], me7[:-1]]))"],
  ["07", "split at the month ends gives 12 views, one month long each", "(lambda ms: len(ms) == 12 and all(np.shares_memory(m, d7) for m in ms) and [m.size for m in ms] == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])(np.split(t7, me7[:11]))"],
  ["07", "diff(cumsum(x), prepend=0) gives x back; the last total is the year's rain", "(lambda x: np.array_equal(np.diff(np.cumsum(x), prepend=0), x) and np.cumsum(x)[-1] == x.sum())(d7[:, 3].astype(np.int32))"],
  ["07", "1 January 2026 is a Thursday; 2026 has 104 weekend days", "__import__('datetime').date(2026, 1, 1).weekday() == 3 and np.count_nonzero(np.isin((np.arange(365) + 3) % 7, [5, 6])) == 104"],
  ["07", "view(uint8) of the int32 running total is a view, 4 bytes per value, little-endian (1809 -> 17 7 0 0)", "(lambda tot: tot.view(np.uint8).base is tot and tot.view(np.uint8).size == 4 * tot.size and tot.view(np.uint8)[-4:].tolist() == [17, 7, 0, 0])(np.cumsum(d7[:, 3].astype(np.int32), dtype=np.int32))"],
  ["07", "a strided float64 column cannot be viewed as int32 (NumPy's message); a contiguous copy can", "view7_msg.startswith('To change to a dtype of a different size, the last axis must be contiguous') and np.ascontiguousarray(t7).view(np.int32).size == 730"],
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
import io
me7 = np.cumsum(np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]))
day7 = np.arange(365); month7 = np.searchsorted(me7, day7, side="right") + 1
rng7 = np.random.default_rng(2026)
normals7 = np.array([1.5, 2.5, 6.0, 10.0, 14.5, 18.0, 20.0, 19.5, 15.5, 10.5, 5.5, 2.5])
temp7 = np.round(np.take(normals7, month7 - 1) + rng7.normal(0, scale=2.5, size=365), 1)
temp7[rng7.random(365) < 0.03] = np.nan
wet7 = rng7.random(365) < 0.35
rain7 = np.where(wet7, rng7.integers(1, 30, size=365), 0)
table7 = np.column_stack([day7 + 1, month7, temp7, rain7])
_buf = io.StringIO()
np.savetxt(_buf, table7, fmt=["%d", "%d", "%.1f", "%d"], delimiter=",", header="day,month,temp_c,rain_mm", comments="")
csv7 = _buf.getvalue()
d7 = np.loadtxt(STATION, delimiter=",", skiprows=1)
t7 = d7[:, 2]
v7 = t7[~np.isnan(t7)]
try:
    t7.view(np.int32); view7_msg = ''
except ValueError as e:
    view7_msg = str(e)
`;

const hasNumpy = requirement(missingPythonModules(["numpy"]), "checking the handouts' claims against NumPy");

describe.skipIf(!hasNumpy)("NumPy agrees with what the handouts say about it", () => {
  it("every claim holds in NumPy 1.24", () => {
    const script = `STATION = ${JSON.stringify(join(ROOT, "examples", "data", "station-2026.csv"))}\n${SETUP}\nimport json\nout = []\n${CLAIMS.map(([, , expr], i) => `try:\n    out.append(bool(${expr}))\nexcept Exception as e:\n    out.append(repr(e))\n`).join("")}print(json.dumps(out))`;
    const r = spawnSync(PYTHON, ["-c", script], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as (boolean | string)[];
    const disagreements = CLAIMS.flatMap(([handout, claim], i) => (results[i] === true ? [] : [`handout ${handout}: ${claim} (NumPy: ${String(results[i])})`]));
    expect(disagreements).toEqual([]);
    expect(results).toHaveLength(CLAIMS.length);
  });
});
