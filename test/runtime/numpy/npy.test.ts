/**
 * Differential tests: .npy files against Debian's NumPy 1.24, both ways, on generated arrays
 * (seeded; `SEED=n` reproduces): every dtype, shapes up to 4-D incl. size 0 and 0-d, C, F,
 * negative-stride and strided layouts. Our file must be byte-identical to NumPy's `np.save` of the
 * same array and load in NumPy to equal values; NumPy's files (also big-endian, versions 2.0 and
 * 3.0, NumPy's default int64, which loads as int64) must load here to the same values, shape and
 * memory order. int64/uint64 values include the ends of their ranges (written "int:<digits>": exact).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DTYPES, type DType } from "../../../runtime/core/dtype.js";
import { readFlat } from "../../../runtime/core/iterate.js";
import { load, save } from "../../../runtime/npy/index.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { buildArray, PY_BUILD, type Layout } from "../npy/layout.js";
import { caseRng } from "../../support/prng.js";

const ok = requirement(missingPythonModules(["numpy"]), ".npy files against NumPy");
const dir = mkdtempSync(join(tmpdir(), "strided-npy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  dtype: DType;
  shape: number[];
  layout: Layout;
  values: (number | string)[];
  ours: string;
  theirs: string;
  variant: "plain" | "big-endian" | "v2" | "v3" | "int64";
}

const SCRIPT =
  PY_BUILD +
  String.raw`
def run(c):
    a = build(c)
    ours = np.load(c["ours"])
    same = ours.dtype == a.dtype and ours.shape == a.shape and np.array_equal(ours, a, equal_nan=(a.dtype.kind == "f"))
    signs = bool(np.array_equal(np.signbit(ours), np.signbit(a))) if a.dtype.kind == "f" else True
    v = c["variant"]
    if v == "plain": np.save(c["theirs"], a)
    elif v == "big-endian": np.save(c["theirs"], a.astype(a.dtype.newbyteorder(">")))
    elif v == "int64": np.save(c["theirs"], a.astype(np.int64))
    else:
        with open(c["theirs"], "wb") as f: np.lib.format.write_array(f, a, version=(2, 0) if v == "v2" else (3, 0))
    return {"same": bool(same and signs), "f": bool(a.flags.f_contiguous and not a.flags.c_contiguous)}
`;

function genCases(seed: number): Case[] {
  const { rand: r, int, pick } = caseRng(seed);
  const dtypes = Object.keys(DTYPES) as DType[];
  const out: Case[] = [];
  for (let k = 0; k < 200; k++) {
    const dtype = pick(dtypes);
    const shape = r() < 0.1 ? pick([[], [0], [2, 0], [1]]) : Array.from({ length: int(1, 4) }, () => int(1, 5));
    const n = shape.reduce((a, b) => a * b, 1);
    const values: (number | string)[] = [];
    for (let i = 0; i < n; i++) {
      if (dtype === "bool") values.push(int(0, 1));
      else if (dtype === "float64" || dtype === "float32") {
        const s = r();
        let x = s < 0.05 ? NaN : s < 0.08 ? -Infinity : s < 0.1 ? -0 : (r() - 0.5) * 10 ** int(-10, 10);
        if (dtype === "float32") x = Math.fround(x);
        values.push(Number.isNaN(x) ? "nan" : x === -Infinity ? "-inf" : Object.is(x, -0) ? "-0" : x);
      } else if (dtype === "int64" || dtype === "uint64") {
        const lo = dtype === "int64" ? -(2n ** 63n) : 0n;
        const span = 2n ** 64n - 1n;
        const edge = r() < 0.3;
        const off = BigInt(int(0, 1000));
        const x = edge ? (r() < 0.5 ? lo + off : lo + span - off) : lo + (BigInt(int(0, 2 ** 30)) * 2n ** 34n + BigInt(int(0, 2 ** 30))) % (span + 1n);
        values.push(`int:${x}`);
      } else {
        const bits = DTYPES[dtype].itemsize * 8;
        const signed = DTYPES[dtype].kind === "i";
        values.push(signed ? int(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) : int(0, 2 ** bits - 1));
      }
    }
    const variant = k < 120 ? "plain" : pick(["big-endian", "v2", "v3", "int64"] as const);
    // NumPy's default int64 loads as int64 (exact)
    const vdtype: DType = variant === "int64" ? "int64" : dtype;
    const vvalues = variant === "int64" ? values.map(() => `int:${int(-(2 ** 31), 2 ** 31 - 1)}`) : values;
    out.push({ dtype: vdtype, shape, layout: pick(["C", "F", "neg", "step"] as Layout[]), values: vvalues, ours: join(dir, `ours${k}.npy`), theirs: join(dir, `theirs${k}.npy`), variant });
  }
  return out;
}

describe.skipIf(!ok)(".npy against NumPy 1.24", () => {
  it("writes NumPy's bytes and reads NumPy's files, both ways", async () => {
    const seed = announcedSeed("npy.test");
    const cases = genCases(seed);
    for (const c of cases) save(c.ours, buildArray(c.dtype, c.shape, c.layout, c.values));
    const answers = await numpyBatch(SCRIPT, cases);
    cases.forEach((c, i) => {
      const a = answers[i];
      if (!("ok" in a)) throw new Error(`numpy raised on case ${i}: ${a.message}`);
      const res = a.ok as { same: boolean; f: boolean };
      const label = `case ${i} ${c.dtype} ${JSON.stringify(c.shape)} ${c.layout} ${c.variant}`;
      expect(res.same, `${label}: NumPy reads our file as the same array`).toBe(true);
      if (c.variant === "plain") expect(Buffer.compare(readFileSync(c.ours), readFileSync(c.theirs)), `${label}: byte-identical`).toBe(0);
      const back = load(c.theirs);
      const mine = buildArray(c.dtype, c.shape, c.layout, c.values);
      expect(back.dtype, label).toBe(c.dtype);
      expect([...back.shape], label).toEqual(c.shape);
      expect(Array.from(readFlat(back) as ArrayLike<number>).map(String), label).toEqual(Array.from(readFlat(mine) as ArrayLike<number>).map(String));
      if (res.f && c.shape.length > 1) expect(back.strides[0], `${label}: loaded in Fortran order`).toBe(DTYPES[c.dtype].itemsize);
    });
  });

  it("refuses what it cannot hold, in words that name the fix", async () => {
    const files = { f16: join(dir, "f16.npy"), big64: join(dir, "big64.npy"), c128: join(dir, "c.npy"), rec: join(dir, "rec.npy") };
    await numpyBatch(
      String.raw`
def run(c):
    np.save(c["f16"], np.arange(3, dtype=np.float16))
    np.save(c["big64"], np.array([1, 2**40, -2**63, 2**63 - 1]))
    np.save(c["c128"], np.array([1j]))
    np.save(c["rec"], np.zeros(2, dtype=[("x", "<f8")]))
`,
      [files],
    );
    expect(() => load(files.f16)).toThrow(/float16 is not supported.*astype\(np\.float64\)/);
    const big = load(files.big64);
    expect(big.dtype).toBe("int64"); // NumPy's default int64 loads exactly
    expect(Array.from(readFlat(big) as BigInt64Array)).toEqual([1n, 2n ** 40n, -(2n ** 63n), 2n ** 63n - 1n]);
    expect(() => load(files.c128)).toThrow(/complex128 is not supported/);
    expect(() => load(files.rec)).toThrow(/structured dtypes/);
  });
});
