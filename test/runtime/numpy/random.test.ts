/**
 * Differential tests: np.random's streams against Debian's NumPy 1.24, value for value.
 * Cases are generated from a seeded PRNG (the seed is printed; `SEED=n` reproduces a run): random
 * seeds (ints, big ints, arrays), sizes, ranges and dtypes, and sequences of calls on one generator
 * (the legacy normal cache and PCG64's buffered 32-bit half must carry across calls as in NumPy).
 * NumPy's default integer dtype is int64; we ask NumPy for the dtype our call uses (int32 default).
 */
import { describe, expect, it } from "vitest";
import { INTEGER_RANGE } from "../../../runtime/core/dtype.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { newArray } from "../../../runtime/core/make.js";
import { random } from "../../../runtime/random/index.js";
import type { ChoiceOptions } from "../../../runtime/random/choice.js";
import { caseSeed, numpyBatch, type NumpyAnswer } from "../../support/numpy.js";
import { announcedSeed } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { caseRng, mulberry32 as prng } from "../../support/prng.js";

const ok = requirement(missingPythonModules(["numpy"]), "random streams against NumPy");

type Op = [string, ...unknown[]];
interface Case {
  gen: "legacy" | "pcg";
  seed: number | number[] | string; // string: a big integer in decimal
  ops: Op[];
}

const SCRIPT = String.raw`
def run(c):
    seed = int(c["seed"]) if isinstance(c["seed"], str) else c["seed"]
    if c["gen"] == "legacy":
        g = np.random.RandomState(seed)
    else:
        g = np.random.default_rng(seed)
    out = []
    for op in c["ops"]:
        name, args = op[0], op[1:]
        if name in ("randint", "integers"):
            low, high, size, dt = args[0], args[1], args[2], args[3]
            kw = {"dtype": np.bool_ if dt == "bool" else getattr(np, dt)}
            if name == "integers" and len(args) > 4: kw["endpoint"] = args[4]
            r = getattr(g, name)(low, high, size, **kw)
        elif name in ("rand", "randn"):
            r = getattr(g, name)(*args)
        elif name in ("normal", "uniform"):
            r = getattr(g, name)(args[0], args[1], args[2])
        elif name == "choice":
            a = args[0] if isinstance(args[0], int) else np.array(args[0], dtype=np.float64)
            r = g.choice(a, None if args[1] is None else tuple(args[1]) if isinstance(args[1], list) else args[1], replace=args[2], p=args[3])
        elif name == "shuffle":
            r = np.arange(int(np.prod(args[0])), dtype=np.int32).reshape(tuple(args[0]))
            g.shuffle(r)
        elif name == "permutation":
            x = args[0] if isinstance(args[0], int) else np.arange(int(np.prod(args[0])), dtype=np.int32).reshape(tuple(args[0]))
            r = g.permutation(x)
        else:
            r = getattr(g, name)(args[0])
        if isinstance(r, np.ndarray):
            # values as the hex of float64 bytes: exact, and fast for 200,000 of them
            out.append({"shape": list(r.shape), "hex": r.astype(np.float64).tobytes().hex()})
        else:
            v = r.item() if hasattr(r, "item") else r
            out.append({"scalar": int(v) if isinstance(v, bool) else v})
    if c["gen"] == "pcg":
        st = g.bit_generator.state
        out.append({"state": str(st["state"]["state"]), "inc": str(st["state"]["inc"])})
    return out
`;

const INT_DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "bool"] as const;
const RANGES: Record<string, readonly [number, number]> = { ...INTEGER_RANGE, bool: [0, 1] };

function genCases(seed: number): Case[] {
  const { rand: r, int, pick } = caseRng(seed);
  const size = (): number | number[] => (r() < 0.5 ? int(0, 40) : [int(0, 5), int(1, 6)]);
  const legacySeed = (): number | number[] =>
    r() < 0.8 ? int(0, 2 ** 32 - 1) : Array.from({ length: int(1, 5) }, () => int(0, 2 ** 32 - 1));
  const pcgSeed = (): number | number[] | string => {
    const u = r();
    if (u < 0.5) return int(0, 2 ** 31);
    if (u < 0.7) return int(0, 2 ** 53 - 1);
    if (u < 0.85) return (BigInt(int(0, 2 ** 53 - 1)) * 2n ** 53n + BigInt(int(0, 2 ** 53))).toString();
    return Array.from({ length: int(1, 6) }, () => int(0, 2 ** 32 - 1));
  };
  const intOp = (name: string): Op => {
    const dt = pick(INT_DTYPES);
    const [min, max] = RANGES[dt];
    const a = int(min, max);
    let b = int(min, max);
    if (r() < 0.3) b = Math.min(max, a + int(0, 20)); // small ranges (8-bit buffering, rejection)
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const endpoint = name === "integers" && r() < 0.5;
    const high = endpoint ? hi : hi + 1 > max ? hi : hi + 1;
    const low = !endpoint && lo === high ? lo - 1 : lo;
    const op: Op = [name, Math.max(low, min), high, size(), dt];
    if (name === "integers") op.push(endpoint);
    return op;
  };
  const shuffleOp = (name: string): Op => {
    if (name === "permutation" && r() < 0.4) return [name, int(0, 40)];
    const u = r();
    const shape = u < 0.1 ? pick([[0], [3, 0], [1]]) : u < 0.6 ? [int(1, 40)] : [int(1, 8), int(1, 4)];
    return [name, shape];
  };
  const choiceOp = (): Op => {
    const big = r() < 0.05;
    const pop = big ? int(10001, 30000) : int(1, 60);
    const replace = r() < 0.5;
    const withP = replace && r() < 0.4;
    const nmax = replace ? 50 : pop;
    const sz = r() < 0.15 ? null : r() < 0.7 ? int(0, Math.min(nmax, big ? 2000 : 50)) : [int(0, 3), int(0, Math.min(4, Math.floor(nmax / 3)))];
    const a: number | number[] = !big && r() < 0.4 ? Array.from({ length: pop }, () => Math.round(r() * 1000) / 8) : pop;
    let p: number[] | null = null;
    if (withP) {
      const w = Array.from({ length: pop }, () => (r() < 0.2 ? 0 : r()));
      w[0] += 0.01;
      const sum = w.reduce((x, y) => x + y, 0);
      p = w.map((x) => x / sum);
    }
    return ["choice", a, sz, replace, p];
  };
  const cases: Case[] = [];
  for (let k = 0; k < 120; k++) {
    const ops: Op[] = [];
    const nops = int(1, 5);
    for (let j = 0; j < nops; j++) {
      const kind = pick(["rand", "randn", "randn1", "random_sample", "randint", "normal", "uniform", "shuffle", "permutation", "choice"]);
      if (kind === "rand" || kind === "randn") ops.push([kind, ...(r() < 0.2 ? [] : r() < 0.5 ? [int(0, 50)] : [int(0, 4), int(1, 7)])]);
      else if (kind === "randn1") ops.push(["randn"]); // odd counts exercise the cached second normal
      else if (kind === "random_sample") ops.push([kind, size()]);
      else if (kind === "shuffle" || kind === "permutation") ops.push(shuffleOp(kind));
      else if (kind === "choice") ops.push(choiceOp());
      else if (kind === "normal" || kind === "uniform") ops.push([kind, (r() - 0.5) * 100, r() * 10, r() < 0.2 ? null : size()]);
      else ops.push(intOp("randint"));
    }
    cases.push({ gen: "legacy", seed: legacySeed(), ops });
  }
  for (let k = 0; k < 120; k++) {
    const ops: Op[] = [];
    const nops = int(1, 5);
    for (let j = 0; j < nops; j++) {
      const kind = pick(["random", "standard_normal", "integers", "integers", "normal", "uniform", "shuffle", "permutation", "choice"]);
      if (kind === "integers") ops.push(intOp("integers"));
      else if (kind === "shuffle" || kind === "permutation") ops.push(shuffleOp(kind));
      else if (kind === "choice") ops.push(choiceOp());
      else if (kind === "normal" || kind === "uniform") {
        const a = (r() - 0.5) * 100; // Generator.uniform needs high >= low
        ops.push([kind, a, kind === "uniform" ? a + r() * 10 : r() * 10, r() < 0.2 ? null : size()]);
      } else ops.push([kind, r() < 0.2 ? null : size()]);
    }
    cases.push({ gen: "pcg", seed: pcgSeed(), ops });
  }
  // long streams: 200,000 legacy normals (glibc's log matters on ~7% of them), 200,000 ziggurat normals
  cases.push({ gen: "legacy", seed: int(0, 2 ** 32 - 1), ops: [["randn", 200_000]] });
  cases.push({ gen: "pcg", seed: int(0, 2 ** 32 - 1), ops: [["standard_normal", 200_000]] });
  cases.push({ gen: "legacy", seed: int(0, 2 ** 32 - 1), ops: [["rand", 100_000]] });
  cases.push({ gen: "pcg", seed: int(0, 2 ** 32 - 1), ops: [["random", 100_000], ["integers", 0, 1000, 100_000, "int32", false]] });
  return cases;
}

/** arange(prod(shape)) as int32 in `shape`, built without np (this test stays independent of creation). */
function arangeIn(shape: number[]): NDArray {
  const a = newArray(shape, "int32");
  for (let i = 0; i < a.size; i++) a.data[i] = i;
  return a;
}

function shuffled(g: { shuffle(x: NDArray): void; permutation(x: number | NDArray): NDArray }, name: string, arg: number | number[]): NDArray {
  if (name === "permutation") return g.permutation(typeof arg === "number" ? arg : arangeIn(arg));
  const a = arangeIn(arg as number[]);
  g.shuffle(a);
  return a;
}

function chosen(g: { choice(a: number | NDArray, size?: number | number[] | null, opts?: ChoiceOptions): number | NDArray }, args: unknown[]): number | NDArray {
  const [a, size, replace, p] = args as [number | number[], number | number[] | null, boolean, number[] | null];
  let arr: number | NDArray = a as number;
  if (Array.isArray(a)) {
    arr = newArray([a.length], "float64");
    a.forEach((v, i) => ((arr as NDArray).data[i] = v));
  }
  return g.choice(arr, size, p === null ? { replace } : { replace, p });
}

function runOurs(c: Case): unknown[] {
  const seed = typeof c.seed === "string" ? BigInt(c.seed) : c.seed;
  const out: unknown[] = [];
  const enc = (v: unknown) => (v instanceof NDArray ? { shape: [...v.shape], values: Array.from(v.data as ArrayLike<number>) } : { scalar: v });
  if (c.gen === "legacy") {
    const g = new random.RandomState(seed as number | number[]);
    for (const [name, ...args] of c.ops) {
      if (name === "rand" || name === "randn") out.push(enc(g[name](...(args as number[]))));
      else if (name === "random_sample") out.push(enc(g.random_sample(args[0] as number | number[] | null)));
      else if (name === "normal" || name === "uniform") out.push(enc((g[name] as (a: number, b: number, size: number | number[] | null) => number | NDArray)(args[0] as number, args[1] as number, args[2] as number | number[] | null)));
      else if (name === "shuffle" || name === "permutation") out.push(enc(shuffled(g, name, args[0] as number | number[])));
      else if (name === "choice") out.push(enc(chosen(g, args)));
      else {
        const [low, high, size, dtype] = args as [number, number, number | number[], "int32"];
        out.push(enc(g.randint(low, high, size, { dtype })));
      }
    }
  } else {
    const g = random.default_rng(seed);
    for (const [name, ...args] of c.ops) {
      if (name === "random" || name === "standard_normal") out.push(enc(g[name](args[0] as number | number[] | null)));
      else if (name === "normal" || name === "uniform") out.push(enc((g[name] as (a: number, b: number, size: number | number[] | null) => number | NDArray)(args[0] as number, args[1] as number, args[2] as number | number[] | null)));
      else if (name === "shuffle" || name === "permutation") out.push(enc(shuffled(g, name, args[0] as number | number[])));
      else if (name === "choice") out.push(enc(chosen(g, args)));
      else {
        const [low, high, size, dtype, endpoint] = args as [number, number, number | number[], "int32", boolean];
        out.push(enc(g.integers(low, high, size, { dtype, endpoint })));
      }
    }
    const st = g.bit_generator.state;
    out.push({ state: st.state.toString(), inc: st.inc.toString() });
  }
  return out;
}

describe.skipIf(!ok)("np.random against NumPy 1.24", () => {
  it("gives NumPy's numbers for generated seeds, sizes, dtypes and call sequences", async () => {
    const seed = announcedSeed("random.test");
    const cases = genCases(seed);
    const answers: NumpyAnswer[] = await numpyBatch(SCRIPT, cases);
    let compared = 0;
    cases.forEach((c, i) => {
      const a = answers[i];
      if (!("ok" in a)) throw new Error(`numpy raised on case ${i} (${JSON.stringify(c).slice(0, 200)}): ${a.error}: ${a.message}`);
      const ours = runOurs(c);
      const theirs = (a.ok as { shape?: number[]; hex?: string }[]).map((t) =>
        t.hex === undefined ? t : { shape: t.shape, values: Array.from(new Float64Array(new Uint8Array(Buffer.from(t.hex, "hex")).buffer)) },
      );
      for (let j = 0; j < theirs.length; j++) {
        const t = theirs[j] as { shape?: number[]; values?: number[] };
        const o = ours[j] as { shape?: number[]; values?: number[] };
        const label = `case ${i} op ${j}: ${JSON.stringify(c).slice(0, 300)}`;
        if (t.values && o.values) {
          // a plain loop: deep equality on 200,000-element arrays is slow
          expect(o.shape, label).toEqual(t.shape);
          expect(o.values.length, label).toBe(t.values.length);
          const k = t.values.findIndex((v, n) => !Object.is(v, o.values![n]));
          if (k >= 0) expect({ index: k, value: o.values[k] }, label).toEqual({ index: k, value: t.values[k] });
          compared += t.values.length;
        } else expect(ours[j], label).toEqual(theirs[j]);
      }
    });
    expect(compared).toBeGreaterThan(600_000);
  });

  it("get_state/set_state carry NumPy's legacy state both ways", async () => {
    const seed = caseSeed();
    const r = prng(seed);
    const cases = Array.from({ length: 20 }, () => ({ seed: Math.floor(r() * 2 ** 32), n: Math.floor(r() * 1500), normals: 1 + Math.floor(r() * 5) }));
    const script = String.raw`
def run(c):
    rs = np.random.RandomState(c["seed"])
    rs.rand(c["n"]); rs.randn(c["normals"])
    name, keys, pos, hg, g = rs.get_state()
    after = np.concatenate([rs.rand(5), rs.randn(3)])
    return {"keys": keys.tolist(), "pos": pos, "has_gauss": hg, "gauss": g, "after": after.tolist()}
`;
    const answers = await numpyBatch(script, cases);
    cases.forEach((c, i) => {
      const a = answers[i];
      if (!("ok" in a)) throw new Error(a.message);
      const want = a.ok as { keys: number[]; pos: number; has_gauss: number; gauss: number; after: number[] };
      const rs = new random.RandomState(c.seed);
      rs.rand(c.n);
      rs.randn(c.normals);
      const [name, keys, pos, hg, g] = rs.get_state();
      expect([name, pos, hg, g]).toEqual(["MT19937", want.pos, want.has_gauss, want.gauss]);
      expect(Array.from(keys.data as Uint32Array)).toEqual(want.keys);
      // NumPy's state, set into a fresh generator, continues as NumPy's does
      const other = new random.RandomState(0);
      other.set_state(["MT19937", want.keys, want.pos, want.has_gauss, want.gauss]);
      expect([...(other.rand(5).data as Float64Array), ...(other.randn(3).data as Float64Array)]).toEqual(want.after);
    });
  });

  it("raises NumPy's errors for bad bounds and seeds", async () => {
    const cases = [
      ["randint", 5, 5],
      ["randint", 0, 300, "int8"],
      ["randint", -1, 3, "uint8"],
      ["integers_closed", 5, 4],
      ["seed", -1],
      ["seed", 2 ** 32],
    ];
    const script = String.raw`
def run(c):
    name = c[0]
    if name == "randint": return np.random.RandomState(0).randint(c[1], c[2], dtype=getattr(np, c[3]) if len(c) > 3 else np.int32)
    if name == "integers_closed": return np.random.default_rng(0).integers(c[1], c[2], endpoint=True)
    if name == "seed": return np.random.seed(c[1])
`;
    const answers = await numpyBatch(script, cases);
    const ours = cases.map((c) => {
      try {
        const [name, x, y, dt] = c as [string, number, number, "int8" | undefined];
        if (name === "randint") new random.RandomState(0).randint(x, y, null, dt ? { dtype: dt } : {});
        else if (name === "integers_closed") random.default_rng(0).integers(x, y, null, { endpoint: true });
        else random.seed(x);
        return { ok: null };
      } catch (e) {
        return { error: (e as Error).name, message: (e as Error).message };
      }
    });
    expect(ours).toEqual(answers);
  });
});
