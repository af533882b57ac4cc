/**
 * int64 and uint64 against NumPy 1.24 (NEP 50 weak promotion switched on), on generated cases:
 * values at the ends of the ranges (±2^63, 2^64 - 1), ufuncs with wrap-around and NumPy's integer
 * rules (floor_divide/remainder by zero, power), promotion with every other dtype, weak JS
 * numbers and bigints, casts to and from every dtype (float specials by x86's rules), reductions,
 * repr/str. Values cross as exact decimal strings both ways (JSON numbers would round past 2^53);
 * compared: dtype, shape, strides, every value exactly, and raising. `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { DTYPES, type DType } from "../../../runtime/core/dtype.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { promoteTypes } from "../../../runtime/ufunc/promote.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { caseRng, type CaseRng } from "../../support/prng.js";

const ok = requirement(missingPythonModules(["numpy"]), "int64/uint64 differential tests against NumPy");

const ALL = Object.keys(DTYPES) as DType[];
const BIG: DType[] = ["int64", "uint64"];

/** An array both sides build: C-order values as exact strings, then a slice of the last axis and maybe a transpose. */
interface Spec {
  dtype: DType;
  shape: number[];
  values: string[];
  step: number;
  T: boolean;
}
type Weak = { weak: string; big: boolean };
interface Case {
  kind: "ufunc" | "astype" | "reduce" | "print" | "promote";
  op?: string;
  args?: (Spec | Weak)[];
  to?: DType;
  axis?: number | null;
  pair?: [DType, DType];
}

const PY = String.raw`
np._set_promotion_state('weak')
# our repr shows dtype=int64 (the default integer here is int32): let NumPy's own repr do the same
import numpy.core.arrayprint as _ap
_ap._typelessdata = [t for t in _ap._typelessdata if t is not np.int64]
import warnings
warnings.simplefilter('ignore')
def val(dt, s):
    if dt == 'bool': return s == 'True'
    if dt.startswith('float'): return float(s)
    return int(s)
def mk(s):
    a = np.array([val(s['dtype'], v) for v in s['values']], dtype=s['dtype']).reshape(s['shape'])
    if s['step'] != 1: a = a[..., ::s['step']]
    return a.T if s['T'] else a
def arg(x):
    if 'weak' in x: return int(x['weak']) if x['big'] or '.' not in x['weak'] else float(x['weak'])
    return mk(x)
def fmt(v):
    if isinstance(v, (bool, np.bool_)): return 'True' if v else 'False'
    if isinstance(v, (float, np.floating)): return repr(float(v))
    return str(int(v))
def E(x):
    if isinstance(x, np.ndarray):
        return {'dtype': str(x.dtype), 'shape': list(x.shape), 'strides': list(x.strides), 'v': [fmt(v) for v in x.ravel().tolist()]}
    return {'scalar': fmt(x), 'type': type(x).__name__}
def run(c):
    k = c['kind']
    if k == 'promote': return str(np.promote_types(*c['pair']))
    if k == 'print':
        a = mk(c['args'][0])
        return [repr(a), str(a)]
    if k == 'astype': return E(mk(c['args'][0]).astype(c['to']))
    if k == 'reduce':
        a = mk(c['args'][0])
        f = getattr(np, c['op'])
        # a reduction over an axis that leaves no axes is a 0-d array here (README): compare it as one
        return E(f(a)) if c['axis'] is None else E(np.asarray(f(a, axis=c['axis'])))
    f = getattr(np, c['op'])
    r = f(*[arg(x) for x in c['args']])
    # a ufunc of 0-d arrays gives a NumPy scalar; ours gives a 0-d array (README): compare as 0-d
    return E(np.asarray(r) if isinstance(r, np.generic) else r)
`;

const I64_MIN = -(2n ** 63n);
const U64_MAX = 2n ** 64n - 1n;

/** A value of `dt` as an exact string: often near the ends of int64/uint64, small otherwise. */
function value(g: CaseRng, dt: DType): string {
  const { int, chance, pick } = g;
  switch (dt) {
    case "bool":
      return chance(0.5) ? "True" : "False";
    case "int64":
    case "uint64": {
      const lo = dt === "int64" ? I64_MIN : 0n;
      const hi = dt === "int64" ? 2n ** 63n - 1n : U64_MAX;
      const u = g.rand();
      if (u < 0.25) return String(lo + BigInt(int(0, 3)));
      if (u < 0.5) return String(hi - BigInt(int(0, 3)));
      if (u < 0.7) return String(dt === "uint64" ? int(0, 50) : int(-50, 50));
      const big = BigInt(int(0, 2 ** 30)) * 2n ** 33n + BigInt(int(0, 2 ** 30));
      return String(dt === "int64" && chance(0.5) ? -big : big);
    }
    case "float32":
    case "float64": {
      const specials = ["NaN", "Infinity", "-Infinity", "9223372036854775808", "-9223372036854775808", "18446744073709551616", "1e19", "-1.5", "2.5", "-0"];
      if (chance(0.3)) return pick(specials);
      const x = (g.rand() - 0.5) * 10 ** int(0, 20);
      return String(dt === "float32" ? Math.fround(x) : x);
    }
    default: {
      const bits = DTYPES[dt].itemsize * 8;
      const signed = DTYPES[dt].kind === "i";
      return String(signed ? int(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) : int(0, 2 ** bits - 1));
    }
  }
}

function spec(g: CaseRng, dt: DType, shape: number[]): Spec {
  const size = shape.reduce((p, q) => p * q, 1);
  return { dtype: dt, shape, values: Array.from({ length: size }, () => value(g, dt)), step: g.chance(0.2) ? 2 : 1, T: g.chance(0.2) };
}

/** Our array for a spec (built without np.array's inference, so the test does not lean on it). */
function build(s: Spec): NDArray {
  const a = np.zeros(s.shape, s.dtype);
  const d = a.data as unknown as (number | bigint)[];
  s.values.forEach((v, i) => {
    d[i] = s.dtype === "int64" || s.dtype === "uint64" ? BigInt(v) : s.dtype === "bool" ? (v === "True" ? 1 : 0) : Number(v);
  });
  let r: NDArray = a;
  if (s.step !== 1) r = r.get("..., ::2") as NDArray;
  return s.T ? r.T : r;
}

const BINARY = ["add", "subtract", "multiply", "floor_divide", "remainder", "power", "maximum", "minimum", "equal", "less", "greater_equal",
  "bitwise_and", "bitwise_or", "bitwise_xor", "true_divide", "logical_and"];
const UNARY = ["negative", "absolute", "invert", "sqrt", "logical_not"];

function generate(seed: number): Case[] {
  const g = caseRng(seed);
  const { int, pick, chance } = g;
  const cases: Case[] = [];
  const shapeOf = (): number[] => pick([[], [1], [4], [3, 2], [2, 2, 2], [0], [2, 0]]);
  // ufuncs: an int64/uint64 operand with any dtype, or a weak number/bigint
  for (let i = 0; i < 400; i++) {
    const binary = chance(0.75);
    const op = binary ? pick(BINARY) : pick(UNARY);
    const shape = shapeOf();
    const first = spec(g, pick(BIG), shape);
    const args: (Spec | Weak)[] = [first];
    if (binary) {
      if (chance(0.3)) {
        const big = chance(0.5);
        // in range of the array's dtype: NumPy 1.24 raises on an out-of-range comparison that NumPy 2 (and we) answer
        const w = big ? value(g, first.dtype) : String(op === "power" ? int(0, 70) : first.dtype === "uint64" ? int(0, 100) : int(-100, 100));
        args.push({ weak: op === "power" && big ? String(int(0, 70)) : w, big });
      } else {
        // power: only partners with an integer loop (a float pow would differ from glibc's in the last bit)
        const powPartners: DType[] = first.dtype === "uint64" ? ["uint64", "uint8", "uint16", "uint32", "bool"] : ["int64", "int8", "uint8", "int16", "uint16", "int32", "uint32", "bool"];
        const dt = op === "power" ? pick(powPartners) : chance(0.5) ? pick(BIG) : pick(ALL);
        const other = spec(g, dt, shape);
        if (op === "power") other.values = other.values.map(() => String(dt === "bool" ? "True" : int(0, 70)));
        args.push(other);
      }
      if (chance(0.5)) args.reverse();
    }
    cases.push({ kind: "ufunc", op, args });
  }
  // casts to and from every dtype
  for (let i = 0; i < 150; i++) {
    const toBig = chance(0.5);
    const from = toBig ? pick(ALL) : pick(BIG);
    const to = toBig ? pick(BIG) : pick(ALL);
    cases.push({ kind: "astype", args: [spec(g, from, pick([[5], [2, 3]]))], to });
  }
  // reductions
  for (let i = 0; i < 80; i++) {
    const s = spec(g, pick(BIG), pick([[5], [3, 4], [2, 3, 2]]));
    const op = pick(["sum", "prod", "max", "min", "argmax", "argmin", "mean"]);
    const axis = chance(0.5) || op.startsWith("arg") ? null : int(0, s.shape.length - 1);
    cases.push({ kind: "reduce", op, args: [s], axis });
  }
  // printing
  for (let i = 0; i < 60; i++) cases.push({ kind: "print", args: [spec(g, pick(BIG), pick([[], [1], [3], [2, 3], [0], [6, 4]]))] });
  // the whole promotion table
  for (const a of ALL) for (const b of ALL) cases.push({ kind: "promote", pair: [a, b] });
  return cases;
}

/** Our value in NumPy's `fmt` (Python's str for ints and bools, repr for floats). */
function fmt(v: unknown, dtype: DType): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "bigint") return String(v);
  const x = v as number;
  if (dtype === "bool") return x ? "True" : "False";
  if (DTYPES[dtype].kind !== "f") return String(x);
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Object.is(x, -0)) return "-0.0";
  // Python's repr: shortest round-trip digits, exponent past 1e16 or below 1e-4
  const a = Math.abs(x);
  if (a >= 1e16 || (a < 1e-4 && a !== 0)) {
    const [m, e] = x.toExponential().split("e");
    const exp = Number(e);
    return `${m.includes(".") ? m : m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const s = String(x);
  return s.includes(".") ? s : `${s}.0`;
}

function encode(x: unknown): unknown {
  if (x instanceof NDArray) {
    const flat = x.flatten();
    const v: string[] = [];
    for (let i = 0; i < flat.size; i++) v.push(fmt(flat.item(i), x.dtype));
    return { dtype: x.dtype, shape: [...x.shape], strides: [...x.strides], v };
  }
  return x;
}

function ours(c: Case): unknown {
  switch (c.kind) {
    case "promote":
      return promoteTypes(c.pair![0], c.pair![1]);
    case "print": {
      const a = build(c.args![0] as Spec);
      return [np.array_repr(a), np.array_str(a)];
    }
    case "astype":
      return encode(build(c.args![0] as Spec).astype(c.to!));
    case "reduce": {
      const a = build(c.args![0] as Spec);
      const f = (np as unknown as Record<string, (a: NDArray, o?: object) => unknown>)[c.op!];
      const r = c.axis === null ? f(a) : f(a, { axis: c.axis });
      if (r instanceof NDArray) return encode(r);
      const dt: DType = c.op!.startsWith("arg") ? "int64" : c.op === "mean" ? "float64" : a.dtype;
      return { scalar: fmt(r, dt) };
    }
    default: {
      const args = c.args!.map((x) => ("weak" in x ? (x.big ? BigInt(x.weak) : Number(x.weak)) : build(x)));
      const f = (np as unknown as Record<string, (...a: unknown[]) => unknown>)[c.op!];
      return encode(f(...args));
    }
  }
}

describe.skipIf(!ok)("int64 and uint64 against NumPy", () => {
  it("agree on generated cases: ufuncs, promotion, casts, reductions, printing", async () => {
    const seed = announcedSeed("int64.test");
    const cases = generate(seed);
    const answers = await numpyBatch(PY, cases);
    expectNoneDiffer(cases, (c, i) => {
      const a = answers[i];
      let mine: { ok: unknown } | { error: string };
      try {
        mine = { ok: ours(c) };
      } catch (e) {
        mine = { error: `${(e as Error).name}: ${(e as Error).message}` };
      }
      const label = `case ${i} ${JSON.stringify(c).slice(0, 300)}`;
      if ("error" in a) return "error" in mine ? null : `${label}: numpy raised ${a.error}: ${a.message}, we gave ${JSON.stringify(mine.ok)}`;
      if ("error" in mine) return `${label}: we raised ${mine.error}, numpy gave ${JSON.stringify(a.ok)}`;
      let theirs = a.ok as Record<string, unknown> | string | string[];
      // a reduction to a NumPy scalar: compare its value (its type is our dtype decision)
      if (c.kind === "reduce" && typeof theirs === "object" && theirs !== null && "scalar" in theirs) theirs = { scalar: (theirs as { scalar: string }).scalar };
      return JSON.stringify(mine.ok) === JSON.stringify(theirs) ? null : `${label}: ours ${JSON.stringify(mine.ok)} != numpy ${JSON.stringify(theirs)}`;
    }, 15);
  });
});

describe.skipIf(!ok)("view(dtype), frombuffer and tobytes against NumPy", () => {
  it("agree on shapes, strides, bytes and errors", async () => {
    const seed = announcedSeed("int64.test view");
    const g = caseRng(seed);
    const cases: { dtype: DType; shape: number[]; to: DType; T: boolean; step: number; start: number; order: string }[] = [];
    for (let i = 0; i < 200; i++) {
      const dtype = g.pick(ALL.filter((d) => d !== "bool"));
      cases.push({ dtype, shape: g.pick([[], [0], [1], [4], [8], [3, 4], [2, 3], [2, 4, 2], [4, 1]]), to: g.pick(ALL.filter((d) => d !== "bool")), T: g.chance(0.2), step: g.chance(0.15) ? 2 : 1, start: g.chance(0.1) ? 1 : 0, order: g.pick(["C", "F", "A"]) });
    }
    const script = String.raw`
def run(c):
    n = int(np.prod(c['shape']))
    a = (np.arange(n * 2 + 4, dtype=np.int64) * 1234567891).astype(c['dtype'])[:n].reshape(c['shape'])
    if c['step'] != 1 and a.ndim > 0: a = a[..., ::2]
    if c['start'] and a.ndim > 0: a = a[..., 1:]
    if c['T']: a = a.T
    out = {'bytes': list(a.tobytes(order=c['order']))}
    try:
        v = a.view(c['to'])
        out['view'] = {'shape': list(v.shape), 'strides': list(v.strides), 'bytes': list(v.tobytes()), 'shares': bool(np.shares_memory(a, v)) if v.size and a.size else None}
    except ValueError as e:
        out['error'] = str(e)
    fb = np.frombuffer(a.tobytes(), dtype=c['to']) if a.nbytes % np.dtype(c['to']).itemsize == 0 else None
    out['fb'] = None if fb is None else list(fb.tobytes())
    return out
`;
    const answers = await numpyBatch(script, cases);
    expectNoneDiffer(cases, (c, i) => {
      const a = answers[i];
      if (!("ok" in a)) return `case ${i}: numpy raised ${a.message}`;
      const want = a.ok as { bytes: number[]; view?: { shape: number[]; strides: number[]; bytes: number[]; shares: boolean | null }; error?: string; fb: number[] | null };
      const n = c.shape.reduce((p, q) => p * q, 1);
      const x = np.multiply(np.arange(n * 2 + 4, { dtype: "int64" }), 1234567891n) as NDArray;
      let arr = (x.astype(c.dtype).get(`:${n}`) as NDArray).reshape(c.shape);
      if (c.step !== 1 && arr.ndim > 0) arr = arr.get("..., ::2") as NDArray;
      if (c.start && arr.ndim > 0) arr = arr.get("..., 1:") as NDArray;
      if (c.T) arr = arr.T;
      const label = `case ${i} ${JSON.stringify(c)}`;
      const bytes = Array.from(arr.tobytes({ order: c.order as "C" }));
      if (JSON.stringify(bytes) !== JSON.stringify(want.bytes)) return `${label}: tobytes ${JSON.stringify(bytes)} != ${JSON.stringify(want.bytes)}`;
      let v: NDArray | null = null;
      let err: string | null = null;
      try {
        v = arr.view(c.to);
      } catch (e) {
        err = (e as Error).message;
      }
      if (want.error !== undefined) {
        if (err !== want.error) return `${label}: error ${err} != numpy ${want.error}`;
      } else if (err !== null) {
        // this runtime's documented alignment rule: only a misaligned start or stride may refuse what NumPy views
        if (!/multiples of/.test(err)) return `${label}: we raised ${err}`;
      } else if (v !== null && want.view !== undefined) {
        const got = { shape: [...v.shape], strides: [...v.strides], bytes: Array.from(v.tobytes()), shares: v.size && arr.size ? np.shares_memory(arr, v) : null };
        if (JSON.stringify(got) !== JSON.stringify(want.view)) return `${label}: view ${JSON.stringify(got)} != numpy ${JSON.stringify(want.view)}`;
        if (v.size > 0 && v.base !== (arr.base ?? arr)) return `${label}: view's base is not the owner`;
      }
      const src = arr.tobytes();
      if (want.fb !== null) {
        const fb = np.frombuffer(src, { dtype: c.to });
        if (JSON.stringify(Array.from(fb.tobytes())) !== JSON.stringify(want.fb)) return `${label}: frombuffer bytes differ`;
      }
      return null;
    }, 15);
  });
});

describe("frombuffer shares the caller's memory", () => {
  it("writes show through both ways; errors are NumPy's", () => {
    const buf = new ArrayBuffer(8);
    const a = np.frombuffer(buf, { dtype: "int16" });
    expect(a.shape).toEqual([4]);
    expect(a.flags.owndata).toBe(false);
    expect(a.flags.writeable).toBe(true);
    a.set(1, 258);
    expect(Array.from(new Uint8Array(buf))).toEqual([0, 0, 2, 1, 0, 0, 0, 0]);
    new Uint8Array(buf)[0] = 7;
    expect(a.item(0)).toBe(7);
    const b = np.frombuffer(new Uint8Array(buf, 4, 4), { dtype: "uint8" });
    expect(np.shares_memory(a, b)).toBe(true);
    expect(np.shares_memory(a.get(":2") as NDArray, b)).toBe(false);
    expect(np.frombuffer(buf, { dtype: "int16", offset: 2, count: 2 }).shape).toEqual([2]);
    expect(() => np.frombuffer(new ArrayBuffer(7), { dtype: "int16" })).toThrow("buffer size must be a multiple of element size");
    expect(() => np.frombuffer(buf, { dtype: "int16", count: 5 })).toThrow("buffer is smaller than requested size");
    expect(() => np.frombuffer(buf, { dtype: "int16", offset: 9 })).toThrow("offset must be non-negative and no greater than buffer length (8)");
    expect(() => np.frombuffer(buf, { dtype: "int16", offset: 1, count: 1 })).toThrow(/multiples of 2 bytes.*slice/);
  });
  it("a.view(dtype) of the seed's lesson shares the buffer and names the fix when misaligned", () => {
    const a = np.arange(4, { dtype: "int32" });
    const v = a.view(np.uint8);
    expect(v.shape).toEqual([16]);
    expect(v.base).toBe(a);
    expect(np.shares_memory(a, v)).toBe(true);
    v.set(4, 9);
    expect(a.item(1)).toBe(9);
    expect(() => (a.get("1:3") as NDArray).view("int64")).toThrow(/starts at byte 4.*a\.copy\(\)\.view\("int64"\)/);
    expect((a.get("2:4") as NDArray).view("int64").tolist()).toEqual([(3n << 32n) + 2n]);
  });
});
