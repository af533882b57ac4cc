/**
 * IPython's timing text, compared character for character with IPython 8 and Python's printf
 * under Debian's /usr/bin/python3 on generated values (seeded: SEED=n reproduces).
 */
import { describe, expect, it } from "vitest";
import { cachingWarning, formatFixed, formatG, formatTime, thousands, timeitLine } from "../../../runtime/timeit/format.js";
import { fsum } from "../../../runtime/timeit/fsum.js";
import { TimeitResult } from "../../../runtime/timeit/result.js";
import { caseSeed, numpyBatch } from "../../support/numpy.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { mulberry32 as rng } from "../../support/prng.js";

describe("format tables (known answers written by hand from IPython's rules)", () => {
  it.each([
    [0.00123, 3, "1.23 ms"],
    [4.56e-5, 3, "45.6 \u00b5s"],
    [0.5, 3, "500 ms"],
    [10, 3, "10 s"],
    [59.9, 3, "59.9 s"],
    [60, 3, "1min"],
    [3725.2, 3, "1h 2min 5s"],
    [0, 3, "0 ns"],
    [1e-12, 3, "0.001 ns"],
    [0.9997, 3, "1e+03 ms"], // IPython rounds after choosing the unit
  ])("formatTime(%s, %s) = %s", (t, p, want) => {
    expect(formatTime(t, p)).toBe(want);
  });

  it.each([
    [1.125, 3, "1.12"],
    [2.5, 1, "2"],
    [3.5, 1, "4"],
    [1234.5, 3, "1.23e+03"],
    [0.0001, 3, "0.0001"],
    [1.234e-5, 3, "1.23e-05"],
    [100, 3, "100"],
    [999.95, 3, "1e+03"],
    [-0.5, 3, "-0.5"],
    [12, 0, "1e+01"],
  ])("formatG(%s, %s) = %s", (x, p, want) => {
    expect(formatG(x, p)).toBe(want);
  });

  it.each([
    [4.125, 2, "4.12"],
    [4.375, 2, "4.38"],
    [5, 2, "5.00"],
    [9.996, 2, "10.00"],
    [0.006, 2, "0.01"],
    [0.004, 2, "0.00"],
    [0.0996, 2, "0.10"],
  ])("formatFixed(%s, %s) = %s", (x, d, want) => {
    expect(formatFixed(x, d)).toBe(want);
  });

  it.each([
    [1, "1"],
    [1000, "1,000"],
    [1234567, "1,234,567"],
    [100000, "100,000"],
  ])("thousands(%s) = %s", (n, want) => {
    expect(thousands(n)).toBe(want);
  });

  it.each([
    [{ average: 0.00123, stdev: 4.56e-5, repeat: 7, loops: 1000 }, "1.23 ms \u00b1 45.6 \u00b5s per loop (mean \u00b1 std. dev. of 7 runs, 1,000 loops each)"],
    [{ average: 1.5, stdev: 0, repeat: 1, loops: 1 }, "1.5 s \u00b1 0 ns per loop (mean \u00b1 std. dev. of 1 run, 1 loop each)"],
  ])("timeitLine pluralises runs and loops", (r, want) => {
    expect(timeitLine(r)).toBe(want);
  });

  it("warns only when worst > 4 * best, best > 0 and worst > 1 µs", () => {
    expect(cachingWarning(1e-3, 5e-3)).toBe(
      "The slowest run took 5.00 times longer than the fastest. This could mean that an intermediate result is being cached.",
    );
    expect(cachingWarning(1e-3, 4e-3)).toBeNull();
    expect(cachingWarning(1e-8, 9e-7)).toBeNull();
    expect(cachingWarning(0, 1)).toBeNull();
  });

  it("fsum is exact where a plain sum is not", () => {
    expect(fsum(Array(10).fill(0.1))).toBe(1);
    expect(fsum([1e100, 1, -1e100])).toBe(1);
    expect(fsum([])).toBe(0);
  });
});

const ok = requirement(missingPythonModules(["numpy", "IPython"]), "timeit text against IPython");

describe.skipIf(!ok)("against IPython 8 and Python's printf (generated)", () => {
  const seed = caseSeed();
  const rand = rng(seed);
  it(`matches on generated values (SEED=${seed})`, async () => {
    const logUniform = (lo: number, hi: number): number => 10 ** (lo + (hi - lo) * rand());
    const ties = [1.125, 2.5, 0.5, 1.5, 4.125, 4.375, 0.125, 1e-3, 1e-6, 1e-9, 60, 59.999999, 86400.5, 3600, 0.2, 1, 1000, 0.9997, 0.00099996];
    const gCases = [
      ...ties.map((x) => ({ x, p: 3 })),
      ...Array.from({ length: 400 }, () => ({ x: logUniform(-14, 9) * (rand() < 0.1 ? -1 : 1), p: 1 + Math.floor(rand() * 6) })),
      ...Array.from({ length: 100 }, () => ({ x: Math.round(rand() * 20000) / 8, p: 1 + Math.floor(rand() * 4) })),
    ];
    const fCases = [...ties, ...Array.from({ length: 200 }, () => 4 + rand() * 100), ...Array.from({ length: 100 }, () => Math.round(rand() * 80000) / 1000)];
    const tCases = [...ties, 0, ...Array.from({ length: 400 }, () => logUniform(-13, 6))].map((t) => ({ t, p: 1 + Math.floor(rand() * 5) }));
    const rCases = Array.from({ length: 200 }, () => {
      const loops = 10 ** Math.floor(rand() * 7);
      const repeat = 1 + Math.floor(rand() * 9);
      const base = logUniform(-9, 0);
      const runs = Array.from({ length: repeat }, () => base * loops * (1 + (rand() < 0.2 ? 10 : 0.3) * rand()));
      return { loops, repeat, runs, p: 1 + Math.floor(rand() * 5) };
    });
    const sCases = Array.from({ length: 100 }, () => Array.from({ length: 1 + Math.floor(rand() * 30) }, () => (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20)));

    const script = String.raw`
import io, sys
from IPython.core.magics.execution import _format_time, TimeitResult
def utf8(f):
    old = sys.stdout
    sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    try: return f()
    finally: sys.stdout = old
def run(c):
    k = c["kind"]
    if k == "g": return "%.*g" % (c["p"], c["x"])
    if k == "f": return "%0.2f" % c["x"]
    if k == "t": return utf8(lambda: _format_time(c["t"], c["p"]))
    if k == "s": return math.fsum(c["xs"])
    if k == "r":
        runs = c["runs"]; n = c["loops"]
        r = TimeitResult(n, c["repeat"], min(runs) / n, max(runs) / n, runs, 0, c["p"])
        best, worst = r.best, r.worst
        warn = None
        if worst > 4 * best and best > 0 and worst > 1e-6:
            warn = "The slowest run took %0.2f times longer than the fastest. This could mean that an intermediate result is being cached." % (worst / best)
        return {"line": utf8(lambda: str(r)), "warn": warn, "average": r.average, "best": best, "worst": worst}
`;
    const cases = [
      ...gCases.map((c) => ({ kind: "g", ...c })),
      ...fCases.map((x) => ({ kind: "f", x })),
      ...tCases.map((c) => ({ kind: "t", ...c })),
      ...sCases.map((xs) => ({ kind: "s", xs })),
      ...rCases.map((c) => ({ kind: "r", ...c })),
    ];
    const answers = await numpyBatch(script, cases);
    const mismatches: string[] = [];
    cases.forEach((cc, i) => {
      const c = cc as Record<string, unknown> & { kind: string };
      const a = answers[i];
      if (!("ok" in a)) {
        mismatches.push(`${JSON.stringify(c)}: python raised ${a.error} ${a.message}`);
        return;
      }
      let ours: unknown;
      if (c.kind === "g") ours = formatG(c.x as number, c.p as number);
      else if (c.kind === "f") ours = formatFixed(c.x as number, 2);
      else if (c.kind === "t") ours = formatTime(c.t as number, c.p as number);
      else if (c.kind === "s") ours = fsum(c.xs as number[]);
      else {
        const rc = c as unknown as { loops: number; repeat: number; runs: number[]; p: number };
        const r = new TimeitResult({ loops: rc.loops, repeat: rc.repeat, all_runs: rc.runs, bytesAllocated: 0, buffersAllocated: 0, precision: rc.p });
        ours = { line: r.toString(), warn: r.warning, average: r.average, best: r.best, worst: r.worst };
      }
      if (JSON.stringify(ours) !== JSON.stringify(a.ok)) mismatches.push(`${JSON.stringify(c)}: ours ${JSON.stringify(ours)} python ${JSON.stringify(a.ok)}`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(cases.length).toBeGreaterThan(1500);
  });
});
