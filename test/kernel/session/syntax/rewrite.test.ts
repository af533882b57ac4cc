/**
 * NumPy's syntax in cells gives what the method forms give: each row is a cell written with
 * operators and subscripts and the same cell written with `np.*`, `get` and `set` (the plain
 * library's spelling); both run in the kernel and must agree on dtype, shape, values and on
 * view-versus-copy (owndata). Arrays: C order, F order, a negative-stride view, size 0, size 1.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { plain, SETUP, value } from "./cells.js";

beforeAll(async () => {
  await value(SETUP);
}, 120_000);

const OPERATORS: [string, string][] = [
  ["x + y", "np.add(x, y)"],
  ["x - y", "np.subtract(x, y)"],
  ["x * 2", "np.multiply(x, 2)"],
  ["2 * x", "np.multiply(2, x)"],
  ["x * 2.5", "np.multiply(x, 2.5)"],
  ["x / y", "np.true_divide(x, y)"],
  ["1 / y", "np.true_divide(1, y)"],
  ["x ** 2", "np.power(x, 2)"],
  ["2 ** x", "np.power(2, x)"],
  ["x % 3", "np.remainder(x, 3)"],
  ["-7 % y", "np.remainder(-7, y)"],
  ["f % -1", "np.remainder(f, -1)"],
  ["-x", "np.negative(x)"],
  ["-(-f)", "np.negative(np.negative(f))"],
  ["~x", "np.invert(x)"],
  ["~b", "np.invert(b)"],
  ["x < 3", "np.less(x, 3)"],
  ["3 < x", "np.less(3, x)"],
  ["x <= y", "np.less_equal(x, y)"],
  ["x > f", "np.greater(x, f)"],
  ["x >= y - 1", "np.greater_equal(x, np.subtract(y, 1))"],
  ["x & y", "np.bitwise_and(x, y)"],
  ["x | 8", "np.bitwise_or(x, 8)"],
  ["x ^ y", "np.bitwise_xor(x, y)"],
  ["b & (x > 1)", "np.bitwise_and(b, np.greater(x, 1))"],
  ["(x + y) * 2 - -x", "np.subtract(np.multiply(np.add(x, y), 2), np.negative(x))"],
  ["x + y * 2 ** x", "np.add(x, np.multiply(y, np.power(2, x)))"],
  ["a + x", "np.add(a, x)"],
  ["a.T * 10", "np.multiply(a.T, 10)"],
  ["F * 10 + F", "np.add(np.multiply(F, 10), F)"],
  ["r - x", "np.subtract(r, x)"],
  ["e + 1", "np.add(e, 1)"],
  ["s1 * x", "np.multiply(s1, x)"],
  ["x + [10, 20, 30, 40]", "np.add(x, [10, 20, 30, 40])"],
  ["x\n  + y\n  * 3", "np.add(x, np.multiply(y, 3))"],
  // types flow through declarations and functions in the same cell
  ["const z = x * 2; z + 1", "np.add(np.multiply(x, 2), 1)"],
  ["const z2 = a['1:3']; const w2 = z2 * 2; w2 - z2", "np.subtract(np.multiply(a.get('1:3'), 2), a.get('1:3'))"],
  ["function twice(v: NDArray) { return v + v } twice(x)", "np.add(x, x)"],
  ["[x, y].map((v) => v * 2)[1]", "np.multiply(y, 2)"],
  ["function gen<T extends NDArray>(v: T) { return v * 3 } gen(x)", "np.multiply(x, 3)"],
  ["const tagged = x as NDArray & { tag?: string }; -tagged", "np.negative(x)"],
  ["const maybe: NDArray | undefined = x; maybe! - 1", "np.subtract(x, 1)"],
  ["(a[0] as NDArray)[1]", "(a.get(0) as NDArray).get(1)"],
  // JavaScript's own meanings are kept
  ["x === x", "true"],
  ["x == x", "np.equal(x, x)"],
  ["x !== x", "false"],
  ["x == null", "false"],
  ["a['1:3'].base === a", "a.get('1:3').base === a"],
  ["`${x}`", "String(x)"],
];

const SUBSCRIPTS: [string, string][] = [
  ['a["1:3"]', 'a.get("1:3")'],
  ['a["::-1, 1"]', 'a.get("::-1, 1")'],
  ['a["..., None"]', 'a.get("..., None")'],
  ['a["1, 2"]', 'a.get("1, 2")'],
  ["a[0]", "a.get(0)"],
  ["x[1]", "x.get(1)"],
  ["x[-1]", "x.get(-1)"],
  ["F[1]", "F.get(1)"],
  ["F['1:, ::-1']", "F.get('1:, ::-1')"],
  ["r['1:']", "r.get('1:')"],
  ["e[':']", "e.get(':')"],
  ["s1[0]", "s1.get(0)"],
  ["const i = 2; x[i]", "x.get(2)"],
  ["x[x > 1]", "x.get(np.greater(x, 1))"],
  ["a[[0, 2]]", "a.get([0, 2])"],
  ["a['1:3']['::-1']", "a.get('1:3').get('::-1')"],
  ["a['1:'][0]", "a.get('1:').get(0)"],
  ["(a['1:3'] + 1)['::2']", "np.add(a.get('1:3'), 1).get('::2')"],
  ["a['shape']", "a.shape"],
  // JavaScript's comma operator inside a subscript is NumPy's tuple index
  ["a[1, 2]", "a.get(1, 2)"],
  ['a[0, "1:3"]', 'a.get(0, "1:3")'],
  ['a["::2", -1]', 'a.get("::2", -1)'],
  ["const i = 1, j = 3; a[i, j]", "a.get(1, 3)"],
];

const ASSIGNMENTS: [string, string][] = [
  ["const v = x.copy(); v[0] = 99; v", "const v = x.copy(); v.set(0, 99); v"],
  ["const v = x.copy(); v[-1] = 99; v", "const v = x.copy(); v.set(-1, 99); v"],
  ['const v = a.copy(); v["::2, 1"] = 0; v', 'const v = a.copy(); v.set("::2, 1", 0); v'],
  ['const v = x.copy(); v["1:3"] = np.array([7, 8]); v', 'const v = x.copy(); v.set("1:3", np.array([7, 8])); v'],
  ['const v = a.copy(); v[1] = [5, 6, 7, 8]; v', "const v = a.copy(); v.set(1, [5, 6, 7, 8]); v"],
  ["const v = x.copy(); v[v > 1] = -1; v", "const v = x.copy(); v.set(np.greater(v, 1), -1); v"],
  ['const v = a.copy(); const w = v["1:3"]; w[0] = 99; v', 'const v = a.copy(); const w = v.get("1:3"); w.set(0, 99); v'],
  ['const v = F.copy("F"); v["..., 0"] = -1; v', 'const v = F.copy("F"); v.set("..., 0", -1); v'],
  ["const v = a.copy(); v[1, 2] = 99; v", "const v = a.copy(); v.set(1, 2, 99); v"],
];

const COMPOUND: [string, string][] = [
  ["const v = x.copy(); v += y; v", "const v = x.copy(); np.add(v, y, { out: v }); v"],
  ["const v = x.copy(); v -= 1; v", "const v = x.copy(); np.subtract(v, 1, { out: v }); v"],
  ["const v = x.copy(); v *= y; v", "const v = x.copy(); np.multiply(v, y, { out: v }); v"],
  ["const v = f.copy(); v /= 4; v", "const v = f.copy(); np.true_divide(v, 4, { out: v }); v"],
  ["const v = x.copy(); v **= 2; v", "const v = x.copy(); np.power(v, 2, { out: v }); v"],
  ["const v = y.copy(); v %= 3; v", "const v = y.copy(); np.remainder(v, 3, { out: v }); v"],
  ["const v = x.copy(); v &= 6; v", "const v = x.copy(); np.bitwise_and(v, 6, { out: v }); v"],
  ["const v = x.copy(); v |= 8; v", "const v = x.copy(); np.bitwise_or(v, 8, { out: v }); v"],
  ["const v = x.copy(); v ^= y; v", "const v = x.copy(); np.bitwise_xor(v, y, { out: v }); v"],
  ["const v = a.copy(); v += x; v", "const v = a.copy(); np.add(v, x, { out: v }); v"],
  ["const v = F.copy('F'); v *= 3; v", "const v = F.copy('F'); np.multiply(v, 3, { out: v }); v"],
  // in place: the same object, and a view's base sees it
  ["let v = x.copy(); const before = v; v += 1; v === before", "true"],
  ["const v = a.copy(); const w = v['1:3']; w += 100; v", "const v = a.copy(); const w = v.get('1:3'); np.add(w, 100, { out: w }); v"],
  ["const o = { arr: x.copy() }; o.arr += 1; o.arr", "const o = { arr: x.copy() }; np.add(o.arr, 1, { out: o.arr }); o.arr"],
  // element targets: in place on the view, stored back for an element
  ['const v = a.copy(); v["1:3"] += 1; v', 'const v = a.copy(); np.add(v.get("1:3"), 1, { out: v.get("1:3") }); v'],
  ["const v = a.copy(); v[0] *= 2; v", "const v = a.copy(); const v0 = v.get(0) as NDArray; np.multiply(v0, 2, { out: v0 }); v"],
  ["const v = x.copy(); v[0] += 5; v", "const v = x.copy(); v.set(0, np.add(v.get(0), 5)); v"],
  ["const v = x.copy(); v[v > 1] -= 10; v", "const v = x.copy(); v.set(np.greater(v, 1), np.subtract(v.get(np.greater(v, 1)), 10)); v"],
  ["const v = a.copy(); v[1, 2] += 5; v", "const v = a.copy(); v.set(1, 2, np.add(v.get(1, 2) as number, 5)); v"],
  ['const v = a.copy(); v[":", 0] *= 10; v', 'const v = a.copy(); np.multiply(v.get(":", 0), 10, { out: v.get(":", 0) }); v'],
  // a target that is not an array is rebound, as in NumPy
  ["let t: NDArray | number = 1; t += x; t", "np.add(1, x)"],
  ["let t: NDArray | number = x.copy(); const t0 = t; t += x; t === t0", "false"],
];

describe.each([
  ["operators", OPERATORS],
  ["subscripts", SUBSCRIPTS],
  ["assignments", ASSIGNMENTS],
  ["compound assignments", COMPOUND],
])("%s give what the method forms give", (_name, rows) => {
  it.each(rows)("%s", async (syntax, method) => {
    const got = plain(await value(syntax));
    const want = plain(await value(method));
    expect(got).toEqual(want);
  });
});
