/**
 * Unit tables for runtime/random: seeding, shapes and dtypes of results, the normal cache,
 * the bounded-integer helpers, and errors. Expected numbers are NumPy 1.24's for the same calls
 * (the differential test test/runtime/numpy/random.test.ts covers thousands more).
 */
import { describe, expect, it } from "vitest";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { newArray } from "../../../runtime/core/make.js";
import { genMask } from "../../../runtime/random/bounded.js";
import { MT19937 } from "../../../runtime/random/mt19937.js";
import { random } from "../../../runtime/random/index.js";
import { seedWords, SeedSequence } from "../../../runtime/random/seed-sequence.js";
import { sizeShape } from "../../../runtime/random/size.js";

const values = (a: number | NDArray): number[] => (a instanceof NDArray ? Array.from(a.data as ArrayLike<number>) : [a]);

describe("MT19937 seeding", () => {
  it("an integer seed is init_genrand (NumPy's mt19937_seed), as get_state() shows", () => {
    const mt = new MT19937();
    mt.seed(0);
    expect(Array.from(mt.key.slice(0, 3))).toEqual([0, 1, 1812433255]);
  });
  it("an array seed is init_by_array", () => {
    const mt = new MT19937();
    mt.seedByArray([1, 2, 3]);
    expect(Array.from(mt.key.slice(0, 3))).toEqual([2147483648, 188977461, 1294596893]);
    expect(new random.RandomState([1, 2, 3]).rand()).toBe(0.6098612722867289);
  });
});

describe("legacy functions", () => {
  it.each<[string, () => number | NDArray, number[], string, number[]]>([
    ["rand()", () => random.rand(), [], "number", [0.5488135039273248]],
    ["rand(2, 3)", () => random.rand(2, 3), [2, 3], "float64", []],
    ["rand(0)", () => random.rand(0), [0], "float64", []],
    ["random([1])", () => random.random([1]), [1], "float64", [0.5488135039273248]],
    ["randn(3)", () => random.randn(3), [3], "float64", [1.764052345967664, 0.4001572083672233, 0.9787379841057392]],
    ["randint(0, 10, [2, 3])", () => random.randint(0, 10, [2, 3]), [2, 3], "int32", [5, 0, 3, 3, 7, 9]],
    ["randint(10)", () => random.randint(10), [], "number", [5]],
    ["normal(10, 2, 2)", () => random.normal(10, 2, 2), [2], "float64", [10 + 2 * 1.764052345967664, 10 + 2 * 0.4001572083672233]],
    ["uniform(-1, 1, [1])", () => random.uniform(-1, 1, [1]), [1], "float64", [-1 + 2 * 0.5488135039273248]],
  ])("%s after seed(0)", (_name, call, shape, dtype, want) => {
    random.seed(0);
    const got = call();
    if (dtype === "number") expect(typeof got).toBe("number");
    else {
      expect(got).toBeInstanceOf(NDArray);
      expect((got as NDArray).dtype).toBe(dtype);
      expect([...(got as NDArray).shape]).toEqual(shape);
    }
    if (want.length > 0) expect(values(got)).toEqual(want);
  });
  it("randn keeps the second normal of a pair for the next call; seed() drops it", () => {
    random.seed(5);
    const two = values(random.randn(2));
    random.seed(5);
    expect([random.randn(), random.randn()]).toEqual(two);
    random.seed(5);
    random.randn();
    random.seed(5);
    expect(random.randn()).toBe(two[0]);
  });
  it.each([
    [() => random.seed(-1), "Seed must be between 0 and 2**32 - 1"],
    [() => random.seed(2 ** 32), "Seed must be between 0 and 2**32 - 1"],
    [() => random.seed([]), "Seed must be non-empty"],
    [() => random.randint(5, 5), "low >= high"],
    [() => random.randint(0, 300, 2, { dtype: "int8" }), "high is out of bounds for int8"],
    [() => random.randint(-1, 3, 2, { dtype: "uint8" }), "low is out of bounds for uint8"],
    [() => random.rand(-1), "negative dimensions are not allowed"],
    [() => random.randint(0, 3, 2, { dtype: "float64" }), /Unsupported dtype/],
    [() => random.normal(0, -1), "scale < 0"],
    [() => (random.randint as (...a: unknown[]) => unknown)(5, [3]), "for NumPy's randint(n, size=k) write randint(n, null, k)"],
    [() => random.uniform(-1e308, 1e308), "Range exceeds valid bounds"],
    [() => random.default_rng(0).uniform(1, 0), "high - low < 0"],
  ])("error %#", (call, msg) => {
    expect(call).toThrow(msg);
  });
});

describe("shuffle and permutation", () => {
  const arange = (n: number): NDArray => {
    const a = newArray([n], "int32");
    for (let i = 0; i < n; i++) a.data[i] = i;
    return a;
  };
  it("follow NumPy's Fisher-Yates draws", () => {
    random.seed(0);
    const a = arange(5);
    random.shuffle(a);
    expect(values(a)).toEqual([2, 0, 1, 3, 4]);
    random.seed(0);
    expect(values(random.permutation(5))).toEqual([2, 0, 1, 3, 4]);
    expect(values(random.default_rng(0).permutation(5))).toEqual([2, 4, 3, 0, 1]);
  });
  it("permutation of an array copies; shuffle swaps rows of a strided view in place", () => {
    const a = arange(6);
    const p = random.default_rng(1).permutation(a);
    expect(values(a)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...values(p)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const m = new NDArray({ data: arange(6).data, dtype: "int32", shape: [3, 2], strides: [4, 12], offset: 0, base: null, writeable: true });
    random.default_rng(3).shuffle(m);
    const md = m.data as Int32Array;
    const rows = [0, 1, 2].map((i) => [md[i], md[i + 3]]);
    expect(rows.map((r) => r[1] - r[0])).toEqual([3, 3, 3]); // rows move whole
  });
  it.each([
    [() => random.shuffle(new NDArray({ data: new Int32Array(3), dtype: "int32", shape: [3], strides: [4], offset: 0, base: null, writeable: false })), "array is read-only"],
    [() => random.shuffle(new NDArray({ data: new Int32Array(1), dtype: "int32", shape: [], strides: [], offset: 0, base: null, writeable: true })), "len() of unsized object"],
    [() => random.permutation(new NDArray({ data: new Int32Array(1), dtype: "int32", shape: [], strides: [], offset: 0, base: null, writeable: true })), "x must be an integer or at least 1-dimensional"],
  ])("error %#", (call, msg) => {
    expect(call).toThrow(msg);
  });
});

describe("get_state and set_state", () => {
  it("replay the stream, including a cached normal", () => {
    random.seed(3);
    random.randn();
    const st = random.get_state();
    expect([st[0], st[2], st[3]]).toEqual(["MT19937", 4, 1]); // NumPy: seed(3); randn(); get_state()[:4]
    const x = [random.randn(), random.rand()];
    random.set_state(st);
    expect([random.randn(), random.rand()]).toEqual(x);
  });
  it.each<[unknown, string]>([
    [["PCG64", new Array(624).fill(0), 0], "set_state can only be used with legacy MT19937 state instances, got 'PCG64'"],
    [["MT19937", [1, 2], 0], "state must be 624 elements, got 2"],
    [["MT19937", new Array(624).fill(0), 700], "pos must be in [0, 624], got 700"],
  ])("refuses %#", (state, msg) => {
    expect(() => random.set_state(state as Parameters<typeof random.set_state>[0])).toThrow(msg);
  });
});

describe("choice", () => {
  it("draws like NumPy: legacy through randint, Generator through integers", () => {
    random.seed(0);
    expect(values(random.choice(5, 3))).toEqual([4, 0, 3]);
    expect(values(random.default_rng(0).choice(5, 3))).toEqual([4, 3, 2]);
  });
  it("returns an element for no size, and a's dtype for an array", () => {
    const a = newArray([3], "uint8");
    (a.data as Uint8Array).set([7, 8, 9]);
    const one = random.default_rng(0).choice(a);
    expect([7, 8, 9]).toContain(one);
    expect(random.default_rng(0).choice(a, [2, 2]).dtype).toBe("uint8");
  });
  it.each<[() => unknown, string]>([
    [() => random.choice(0, 3), "a must be greater than 0 unless no samples are taken"],
    [() => random.default_rng(0).choice(-1, 3), "a must be a positive integer unless no samples are taken"],
    [() => random.choice(newArray([0], "float64"), 3), "'a' cannot be empty unless no samples are taken"],
    [() => random.choice(newArray([2, 2], "float64"), 3), "a must be 1-dimensional"],
    [() => random.choice(3, 5, { replace: false }), "Cannot take a larger sample than population when 'replace=False'"],
    [() => random.default_rng(0).choice(3, 5, { replace: false }), "Cannot take a larger sample than population when replace is False"],
    [() => random.choice(3, 2, { p: [0.5, 0.5] }), "'a' and 'p' must have same size"],
    [() => random.choice(2, 2, { p: [0.5, NaN] }), "probabilities contain NaN"],
    [() => random.choice(2, 2, { p: [1.5, -0.5] }), "probabilities are not non-negative"],
    [() => random.choice(2, 2, { p: [0.5, 0.6] }), "probabilities do not sum to 1"],
  ])("error %#: %s", (call, msg) => {
    expect(call).toThrow(msg);
  });
  it("takes no samples from an empty population when none are asked", () => {
    expect(random.choice(0, 0).shape).toEqual([0]);
  });
});

describe("default_rng", () => {
  it("gives NumPy's first numbers for seed 42", () => {
    const g = random.default_rng(42);
    expect(g.random()).toBe(0.7739560485559633);
    expect(values(g.integers(0, 10, 5))).toEqual([6, 4, 4, 8, 0]);
    expect(g.standard_normal()).toBe(-1.9510351886538364);
  });
  it("integers honours dtype, endpoint and the one-argument form", () => {
    const g = random.default_rng(0);
    const a = g.integers(5, null, 3, { dtype: "uint8" });
    expect([a.dtype, ...values(a)]).toEqual(["uint8", 1, 2, 3]);
    expect(values(g.integers(-3, 3, 4, { dtype: "int16", endpoint: true }))).toEqual([3, 1, 2, 0]);
    expect(values(g.integers(0, 2, 5, { dtype: "bool" }))).toEqual([0, 0, 0, 1, 1]);
  });
  it("passes a Generator through and seeds from entropy without a seed", () => {
    const g = random.default_rng(1);
    expect(random.default_rng(g)).toBe(g);
    expect(random.default_rng().random()).not.toBe(random.default_rng().random());
  });
  it("refuses negative and inexact seeds", () => {
    expect(() => random.default_rng(-1)).toThrow("expected non-negative integer");
    expect(() => random.default_rng(1.5)).toThrow(/int/);
    expect(() => random.default_rng(2 ** 60)).toThrow(/bigint/);
  });
});

describe("SeedSequence", () => {
  it.each<[number | bigint | number[], number, number[]]>([
    [0, 4, [2968811710, 3677149159, 745650761, 2884920346]],
    [2n ** 64n + 5n, 2, [3598628658, 1002794727]],
    [[1, 2, 3, 4, 5, 6], 3, [488360481, 3956080669, 2986500235]],
  ])("SeedSequence(%s).generate_state(%s)", (seed, n, want) => {
    expect(Array.from(new SeedSequence(seed).generateState(n))).toEqual(want);
  });
  it("splits integers into 32-bit words, least significant first", () => {
    expect(seedWords(0)).toEqual([0]);
    expect(seedWords(2 ** 32 + 5)).toEqual([5, 1]);
    expect(seedWords([1, 2 ** 32])).toEqual([1, 0, 1]);
  });
});

describe("helpers", () => {
  it.each([
    [0, 0],
    [1, 1],
    [5, 7],
    [8, 15],
    [0xffffffff, 0xffffffff],
  ])("genMask(%s) = %s", (rng, mask) => {
    expect(genMask(rng)).toBe(mask);
  });
  it.each<[Parameters<typeof sizeShape>[0], number[] | null]>([
    [undefined, null],
    [null, null],
    [3, [3]],
    [[2, 3], [2, 3]],
    [[], []],
  ])("sizeShape(%j)", (size, shape) => {
    expect(sizeShape(size)).toEqual(shape);
  });
});
