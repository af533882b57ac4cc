/**
 * Files against NumPy 1.24: `np.savetxt` output compared byte for byte with NumPy's savetxt of the
 * same array (generated 1-D/2-D strided views of every dtype with NaN, ±0, ±inf, subnormal, huge
 * and tie values, and the formats `%.18e` (default), `%d`, `%.3f`, `%s`, `%g`, `%10.4e`, `%+.2f`,
 * `%x`, `%.0f`, lists of formats, delimiters, header/footer/comments/newline); `np.loadtxt` of
 * generated text (comments, blank lines, skiprows, usecols, max_rows, ndmin, unpack, dtypes,
 * bad tokens and ragged rows) compared with NumPy's loadtxt of the same file (values, dtype,
 * shape, errors with NumPy's message); `.npz` written here read by NumPy (each member's bytes
 * equal to NumPy's own `.npy` of the array) and `.npz` written by NumPy (savez and
 * savez_compressed) read here. `SEED=n` reproduces a run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { DType } from "../../../runtime/core/dtype.js";
import type { NpzFile } from "../../../runtime/npy/npz.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, capture, compareAnswer, encode, prng, randomValue, viewWithShape, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "text and npz file tests against NumPy");
const dir = mkdtempSync(join(tmpdir(), "strided-textio-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 5e-324, 1e-310, 1.7976931348623157e308, -1e300, 0.5, 2.5, -2.5, 0.125, 2.675, 1e16, 1e15, 1e-4, 9.5e-5, 123456789.0, 0.1];
const wire = (v: number): number | string => (Number.isNaN(v) ? "nan" : v === Infinity ? "inf" : v === -Infinity ? "-inf" : Object.is(v, -0) ? "-0" : v);
const wireJSON = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === "number" ? wire(v) : v)));

const SCRIPT = `${PY_BUILD}
import warnings, zipfile, io
warnings.simplefilter('ignore')
def num(x): return float(x) if isinstance(x, str) else x
def mk2(s):
    s = dict(s); s['values'] = [num(v) for v in s['values']]
    return mk(s)
def npy_bytes(a):
    b = io.BytesIO(); np.save(b, a); return b.getvalue()
def run(c):
    if c['op'] == 'savetxt':
        np.savetxt(c['path'], mk2(c['a']), **c['kw'])
        return open(c['path'], 'rb').read().decode('latin1')
    if c['op'] == 'loadtxt':
        src = open(c['path'], encoding='utf-8').read().splitlines(True) if c.get('lines') else c['path']
        r = np.loadtxt(src, **c['kw'])
        if isinstance(r, np.ndarray) and r.dtype == np.int64: r = r.astype(np.int32)
        return np.ascontiguousarray(r) if isinstance(r, np.ndarray) and r.ndim > 0 else r
    if c['op'] == 'read_npz':
        z = np.load(c['path'])
        out = {}
        with zipfile.ZipFile(c['path']) as zf:
            for k in z.files:
                a = z[k]
                out[k] = [a, bool(a.flags.f_contiguous and not a.flags.c_contiguous), zf.read(k + '.npy') == npy_bytes(a)]
        return [z.files, out]
    if c['op'] == 'write_npz':
        arrs = {k: mk2(v) for k, v in c['arrays'].items()}
        (np.savez_compressed if c['compressed'] else np.savez)(c['path'], *[mk2(v) for v in c['positional']], **arrs)
        return True
`;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function valuesFor(r: () => number, spec: ViewSpec, special: boolean): ViewSpec {
  if (spec.dtype === "float64" || spec.dtype === "float32")
    spec.values = spec.values.map((v) => (special && r() < 0.3 ? (spec.dtype === "float32" ? Math.fround(pick(r, SPECIAL)) : pick(r, SPECIAL)) : v));
  return spec;
}

interface SaveCase {
  op: "savetxt";
  path: string;
  a: ViewSpec;
  kw: Record<string, unknown>;
}

function saveCases(r: () => number): SaveCase[] {
  const cases: SaveCase[] = [];
  for (let i = 0; i < 160; i++) {
    const dtype = pick(r, ALL_DTYPES);
    const nd = r() < 0.1 ? (r() < 0.5 ? 0 : 3) : 1 + Math.floor(r() * 2);
    const shape = Array.from({ length: nd }, () => Math.floor(r() * 4) + (r() < 0.1 ? 0 : 1));
    const a = valuesFor(r, viewWithShape(r, dtype, shape), true);
    const ncol = nd === 2 ? shape[1] : 1;
    const kw: Record<string, unknown> = {};
    const f = r();
    const isFloat = dtype.startsWith("float");
    const fmts = ["%d", "%.3f", "%s", "%g", "%10.4e", "%+.2f", "%.0f", "%e", "%-8.1f|", "%08.3f", "% .4g", "%#.3g", isFloat ? "%.18e" : "%x"];
    if (f < 0.25) {
      // the default %.18e
    } else if (f < 0.85) kw.fmt = pick(r, fmts);
    else if (f < 0.95) kw.fmt = Array.from({ length: r() < 0.9 ? ncol : ncol + 1 }, () => pick(r, fmts));
    else kw.fmt = Array.from({ length: ncol }, () => pick(r, fmts)).join(" | ");
    // %d of NaN or inf raises in both; keep such cases rare
    if (typeof kw.fmt === "string" && /%[-+ 0#]*\d*[dx]/.test(kw.fmt) && r() < 0.8) a.values = a.values.map((v) => (Number.isFinite(v) ? v : 7));
    if (r() < 0.4) kw.delimiter = pick(r, [",", "\t", ";", " , "]);
    if (r() < 0.3) kw.header = pick(r, ["x y", "first\nsecond", "a,b,c"]);
    if (r() < 0.2) kw.footer = pick(r, ["end", "two\nlines"]);
    if (r() < 0.2) kw.comments = pick(r, ["% ", "#", "// "]);
    if (r() < 0.15) kw.newline = pick(r, ["\r\n", ";\n"]);
    cases.push({ op: "savetxt", path: join(dir, `np_save_${i}.txt`), a, kw });
  }
  return cases;
}

interface LoadCase {
  op: "loadtxt";
  path: string;
  /** Load the file's lines as a list of strings (each keeping its newline), not the path. */
  lines?: boolean;
  kw: Record<string, unknown>;
}

function loadCases(r: () => number): [LoadCase[], string[]] {
  const cases: LoadCase[] = [];
  const texts: string[] = [];
  for (let i = 0; i < 140; i++) {
    const rows = Math.floor(r() * 5);
    const cols = 1 + Math.floor(r() * 4);
    const delim = pick(r, [null, ",", ";", "\t"]);
    const sep = delim === null ? pick(r, [" ", "  ", "\t"]) : r() < 0.2 ? `${delim} ` : delim;
    const ints = r() < 0.4;
    const lines: string[] = [];
    const skip = r() < 0.2 ? 1 + Math.floor(r() * 2) : 0;
    for (let k = 0; k < skip; k++) lines.push(pick(r, ["header line", "a,b", "# comment"]));
    for (let k = 0; k < rows; k++) {
      if (r() < 0.15) lines.push(pick(r, ["", "# a comment", "   "].filter((x) => delim === null || x !== "   ")));
      const n = r() < 0.05 ? cols + 1 : cols;
      const vals = Array.from({ length: n }, () => {
        if (r() < 0.03) return pick(r, ["abc", "1_0", "0x10", ""]);
        if (ints) return String(randomValue(r, "int16", true));
        const v = pick(r, [(r() - 0.5) * 1000, (r() - 0.5) * 1e-6, Math.round((r() - 0.5) * 100)]);
        return pick(r, [String(v), v.toExponential(4), v.toFixed(2), "inf", "-inf", "nan", " " + String(v)].slice(0, r() < 0.1 ? 7 : 4));
      });
      lines.push(vals.join(sep) + (r() < 0.1 ? " # trailing" : ""));
    }
    const eol = r() < 0.1 ? "\r\n" : "\n";
    const text = lines.join(eol) + (r() < 0.8 ? eol : "");
    const kw: Record<string, unknown> = {};
    if (delim !== null) kw.delimiter = delim;
    if (skip > 0) kw.skiprows = skip;
    if (r() < 0.3) kw.dtype = pick(r, ints ? ["int32", "int16", "uint8", "float32", "bool"] : ["float32", "float64"]);
    if (r() < 0.25) kw.usecols = r() < 0.3 ? Math.floor(r() * cols) : [Math.floor(r() * cols), -1];
    if (r() < 0.2) kw.max_rows = Math.floor(r() * 4);
    if (r() < 0.3) kw.ndmin = pick(r, [0, 1, 2]);
    if (r() < 0.2) kw.unpack = true;
    const path = join(dir, `load_${i}.txt`);
    cases.push(r() < 0.3 ? { op: "loadtxt", path, kw, lines: true } : { op: "loadtxt", path, kw });
    texts.push(text);
  }
  return [cases, texts];
}

describe.skipIf(!ok)("savetxt, loadtxt and .npz against NumPy", () => {
  const seed = announcedSeed("textio.test");

  it(`savetxt writes NumPy's bytes (SEED=${seed} reproduces)`, async () => {
    const cases = saveCases(prng(seed));
    const answers = await numpyBatch(SCRIPT, cases.map(wireJSON));
    let raised = 0;
    expectNoneDiffer(
      cases,
      (c, i) => {
        const theirs = answers[i];
        const path = join(dir, `js_save_${i}.txt`);
        const mine = capture(() => {
          np.savetxt(path, buildView(c.a), c.kw);
          return readFileSync(path).toString("latin1");
        });
        const where = `${JSON.stringify(wireJSON({ ...c, path: undefined })).slice(0, 500)}`;
        if ("error" in theirs) {
          raised++;
          if (!("error" in mine)) return `numpy raised ${theirs.error}: ${theirs.message}, we wrote ${JSON.stringify(mine.ok)} for ${where}`;
          return mine.error === theirs.error && mine.message === theirs.message ? null : `we raised ${mine.error}: ${mine.message}, numpy ${theirs.error}: ${theirs.message} for ${where}`;
        }
        if ("error" in mine) return `we raised ${mine.error}: ${mine.message} for ${where}`;
        return mine.ok === theirs.ok ? null : `wrote ${JSON.stringify(mine.ok)}, numpy ${JSON.stringify(theirs.ok)} for ${where}`;
      },
      8,
    );
    expect(raised).toBeGreaterThan(3);
    expect(raised).toBeLessThan(cases.length / 3);
  });

  it(`loadtxt reads what NumPy reads (SEED=${seed} reproduces)`, async () => {
    const [cases, texts] = loadCases(prng(seed + 1));
    cases.forEach((c, i) => writeFileSync(c.path, texts[i]));
    const answers = await numpyBatch(SCRIPT, cases);
    let raised = 0;
    expectNoneDiffer(
      cases,
      (c, i) => {
        const theirs = answers[i];
        const mine = capture(() => {
          const a = np.loadtxt(c.lines ? texts[i].split(/(?<=\n)/) : c.path, c.kw);
          return a.ndim > 0 ? np.ascontiguousarray(a) : a;
        });
        const where = `${JSON.stringify(texts[i])} with ${JSON.stringify(c.kw)}`;
        if ("error" in theirs) {
          raised++;
          if (!("error" in mine)) return `numpy raised ${theirs.error}: ${theirs.message}, we read ${JSON.stringify(encode(mine.ok as never).values)} for ${where}`;
          return mine.message === theirs.message ? null : `we raised '${mine.message}', numpy '${theirs.message}' for ${where}`;
        }
        const d = compareAnswer(mine, theirs, 0);
        return d === null ? null : `${d} for ${where}`;
      },
      8,
    );
    expect(raised).toBeGreaterThan(3);
    expect(raised).toBeLessThan(cases.length / 2);
  });

  it(`.npz files go both ways (SEED=${seed} reproduces)`, async () => {
    const r = prng(seed + 2);
    const mkArrays = (n: number): ViewSpec[] =>
      Array.from({ length: n }, () => {
        const nd = Math.floor(r() * 4);
        return valuesFor(r, viewWithShape(r, pick(r, ALL_DTYPES), Array.from({ length: nd }, () => Math.floor(r() * 4))), true);
      });
    const jsCases = Array.from({ length: 12 }, (_, i) => ({ positional: mkArrays(Math.floor(r() * 3)), named: Object.fromEntries(mkArrays(Math.floor(r() * 3)).map((a, k) => [`v${k}`, a])), compressed: r() < 0.5, path: join(dir, `js_${i}.npz`) }));
    for (const c of jsCases) {
      const named = Object.fromEntries(Object.entries(c.named).map(([k, v]) => [k, buildView(v)]));
      (c.compressed ? np.savez_compressed : np.savez)(c.path, ...c.positional.map(buildView), named);
    }
    const read = await numpyBatch(SCRIPT, jsCases.map((c) => ({ op: "read_npz", path: c.path })));
    const npCases = Array.from({ length: 12 }, (_, i) => ({ op: "write_npz", positional: mkArrays(Math.floor(r() * 3)), arrays: Object.fromEntries(mkArrays(1 + Math.floor(r() * 2)).map((a, k) => [`w${k}`, a])), compressed: r() < 0.5, path: join(dir, `np_${i}.npz`) }));
    const written = await numpyBatch(SCRIPT, npCases.map(wireJSON));
    expectNoneDiffer(jsCases, (c, i) => {
      const a = read[i];
      if (!("ok" in a)) return `numpy could not read ${c.path}: ${a.message}`;
      const [files, arrays] = a.ok as [string[], Record<string, [unknown, boolean, boolean]>];
      const expected: [string, ViewSpec][] = [...Object.entries(c.named), ...c.positional.map((v, k): [string, ViewSpec] => [`arr_${k}`, v])];
      if (JSON.stringify(files) !== JSON.stringify(expected.map(([k]) => k))) return `numpy sees files ${JSON.stringify(files)}`;
      for (const [name, spec] of expected) {
        const [arr, fortran, sameBytes] = arrays[name];
        const view = buildView(spec);
        const ours = view.ndim === 0 ? view : np.ascontiguousarray(view);
        const d = compareAnswer({ ok: ours }, { ok: { ...(arr as object), strides: encode(ours).strides } }, 0);
        if (d !== null) return `${name}: ${d}`;
        if (!sameBytes) return `${name}: the .npy member differs from NumPy's np.save bytes (fortran ${fortran})`;
      }
      return null;
    });
    expectNoneDiffer(npCases, (c, i) => {
      if (!("ok" in written[i])) return `numpy could not write: ${JSON.stringify(written[i])}`;
      const z: NpzFile = np.load(c.path as `${string}.npz`);
      const expected: [string, ViewSpec][] = [...Object.entries(c.arrays), ...c.positional.map((v, k): [string, ViewSpec] => [`arr_${k}`, v])];
      if (JSON.stringify(z.files) !== JSON.stringify(expected.map(([k]) => k))) return `we see files ${JSON.stringify(z.files)}`;
      for (const [name, spec] of expected) {
        const mine = z.get(name);
        const want = buildView(spec);
        if (mine === undefined) return `${name} missing`;
        if (mine.dtype !== want.dtype && !(want.dtype === "int32" && mine.dtype === "int32")) return `${name}: dtype ${mine.dtype} != ${want.dtype}`;
        if (JSON.stringify(mine.shape) !== JSON.stringify(want.shape)) return `${name}: shape ${JSON.stringify(mine.shape)}`;
        if (!np.array_equal(mine, want, { equal_nan: mine.dtype.startsWith("float") })) return `${name}: values differ`;
      }
      return null;
    });
  });

  it("reports NumPy's errors", () => {
    expect(() => np.savetxt(join(dir, "e.txt"), np.zeros([2, 2, 2]))).toThrow("Expected 1D or 2D array, got 3D array instead");
    expect(() => np.savetxt(join(dir, "e.txt"), np.zeros([2, 3]), { fmt: "%d %d" })).toThrow("fmt has wrong number of % formats:  %d %d");
    expect(() => np.loadtxt(join(dir, "missing.txt"))).toThrow(/ENOENT|no such file/);
    expect(() => np.savez(join(dir, "e"), np.zeros(1), { arr_0: np.zeros(1) })).toThrow("Cannot use un-named variables and keyword arr_0");
  });
});
