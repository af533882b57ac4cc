/**
 * np.iinfo and np.finfo against NumPy 1.24: every field, repr and str, for every dtype of the
 * runtime (the integer ones for iinfo, the float ones for finfo), named as strings, and
 * the errors for the others, by type and message. No generated cases: the dtypes are all there is.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { DTYPES, type DType } from "../../../runtime/core/dtype.js";
import { numpyBatch } from "../../support/numpy.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";

const ok = requirement(missingPythonModules(["numpy"]), "iinfo/finfo against NumPy");

const SCRIPT = String.raw`
def run(c):
    f = np.iinfo if c["fn"] == "iinfo" else np.finfo
    i = f(c["dtype"])
    fields = {k: repr(getattr(i, k)) if isinstance(getattr(i, k), (np.floating, float)) else str(getattr(i, k)) for k in c["fields"]}
    return {"repr": repr(i), "str": str(i), "fields": fields}
`;

const IFIELDS = ["bits", "min", "max", "dtype", "kind"];
const FFIELDS = ["bits", "eps", "epsneg", "iexp", "machep", "max", "maxexp", "min", "minexp", "negep", "nexp", "nmant", "precision", "resolution", "smallest_normal", "smallest_subnormal", "tiny", "dtype"];

/** A JS field as NumPy's `str(int)` / `repr(float(x))` prints it (float32 fields through float64, exactly). */
function pyField(v: unknown): string {
  if (typeof v === "number" && !Number.isInteger(v)) return pyFloatRepr(v);
  if (typeof v === "number" && Math.abs(v) >= 1e16) return pyFloatRepr(v);
  return String(v);
}

/** Python's repr of a double. */
function pyFloatRepr(x: number): string {
  const s = String(x);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m !== null) return `${m[1]}e${m[2]}${m[3].padStart(2, "0")}`;
  const e = Math.floor(Math.log10(Math.abs(x)));
  if (e < -4) {
    const [mant, exp] = x.toExponential().split("e");
    return `${mant}e-${exp.slice(1).padStart(2, "0")}`;
  }
  return s.includes(".") || s.includes("e") ? s : `${s}.0`;
}

describe.skipIf(!ok)("iinfo and finfo against NumPy", () => {
  it("fields, repr and str of every dtype; errors for the others", async () => {
    const dtypes = Object.keys(DTYPES) as DType[];
    const cases = dtypes.flatMap((dtype) =>
      (["iinfo", "finfo"] as const).map((fn) => ({ fn, dtype, fields: fn === "iinfo" ? IFIELDS : FFIELDS })),
    );
    const answers = await numpyBatch(SCRIPT, cases);
    const diffs: string[] = [];
    cases.forEach((c, k) => {
      const want = answers[k];
      let got: unknown;
      try {
        const info = c.fn === "iinfo" ? np.iinfo(c.dtype) : np.finfo(c.dtype);
        const rec = info as unknown as Record<string, unknown>;
        const fields: Record<string, string> = {};
        for (const f of c.fields) fields[f] = pyField(rec[f]);
        got = { ok: { repr: info.repr(), str: String(info), fields } };
      } catch (e) {
        got = { error: (e as Error).name, message: (e as Error).message };
      }
      // NumPy's float32 fields are np.float32 scalars: compare them as float64 values (what Python's float() gives)
      if ("ok" in want && c.fn === "finfo" && c.dtype === "float32") {
        const w = want.ok as { fields: Record<string, string> };
        for (const f of FFIELDS) if (/[.e]/.test(w.fields[f]) && f !== "dtype") w.fields[f] = pyFloatRepr(Math.fround(Number(w.fields[f])));
      }
      if (JSON.stringify(got) !== JSON.stringify(want)) diffs.push(`${JSON.stringify(c)}:\n  js ${JSON.stringify(got)}\n  np ${JSON.stringify(want)}`);
    });
    expect(diffs).toEqual([]);
  });
});
