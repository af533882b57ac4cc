/**
 * The harness of the docstring-example files in this folder (memory-and-shape.test.ts's, shared):
 * each example is NumPy's Python lines (the last one's value is compared) and their mechanical
 * translation to the runtime's API; NumPy runs the Python in one batch (numpyBatch), and the two
 * answers compare as arrays by NumPy's repr as the runtime prints it (array_repr), other values as
 * JSON (tuples as arrays), errors by type and message.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { array_repr } from "../../../runtime/print/array2string.js";
import { numpyBatch, unJsonFloats } from "../../support/numpy.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";

/** One docstring example: NumPy's lines (the last one's value is compared) and their translation. */
export interface DocExample {
  routine: string;
  py: string;
  js: () => unknown;
}

/**
 * A list of examples and the function that adds one.
 *
 * @example
 * const { EXAMPLES, ex } = docExamples();
 * ex("add", "np.add(1, 4)", () => np.add(1, 4));
 */
export function docExamples(): { EXAMPLES: DocExample[]; ex: (routine: string, py: string, js: () => unknown) => void } {
  const EXAMPLES: DocExample[] = [];
  return { EXAMPLES, ex: (routine, py, js) => void EXAMPLES.push({ routine, py, js }) };
}

/** NumPy's side: run the lines, answer the last one's value (arrays as repr text, tuples as lists). */
const SCRIPT = String.raw`
def run(c):
    ns = {"np": np}
    lines = c["py"].split("\n")
    exec("\n".join(lines[:-1]), ns)
    last = lines[-1]
    try:
        v = eval(last, ns)
    except SyntaxError:
        exec(last, ns)
        v = None
    if isinstance(v, tuple):
        v = list(v)
    if isinstance(v, np.ndarray):
        return {"repr": repr(v)}
    if isinstance(v, list) and v and all(isinstance(e, np.ndarray) for e in v):
        return {"repr": "[" + ", ".join(repr(e) for e in v) + "]"}
    if isinstance(v, list):
        return [{"repr": repr(e)} if isinstance(e, np.ndarray) else enc(e) for e in v]
    return v
`;

/** The runtime's side in the same shape as NumPy's answer. */
function jsAnswer(v: unknown): unknown {
  if (v instanceof NDArray) return { repr: array_repr(v) };
  if (Array.isArray(v) && v.length > 0 && v.every((e) => e instanceof NDArray)) return { repr: `[${v.map((e: NDArray) => array_repr(e)).join(", ")}]` };
  if (Array.isArray(v)) return v.map((e: unknown) => (e instanceof NDArray ? { repr: array_repr(e) } : typeof e === "bigint" ? Number(e) : e));
  if (typeof v === "bigint") return Number(v);
  return v === undefined ? null : v;
}

/** JSON, with NaN and ±Infinity spelled out (JSON.stringify would print null) and bigints as `5n`. */
function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => ((typeof x === "number" && !Number.isFinite(x)) || typeof x === "bigint" ? `${String(x)}${typeof x === "bigint" ? "n" : ""}` : x));
}

/**
 * One test that runs every example through NumPy and the runtime and lists each difference.
 *
 * @example
 * runDocExamples("the ufuncs", EXAMPLES);
 */
export function runDocExamples(family: string, EXAMPLES: DocExample[]): void {
  const ok = requirement(missingPythonModules(["numpy"]), "NumPy docstring examples against NumPy");
  describe.skipIf(!ok)(`NumPy 1.24 docstring examples of ${family}`, () => {
    it(`${EXAMPLES.length} examples give NumPy's answers`, async () => {
      np.random.seed(0);
      const answers = await numpyBatch(SCRIPT, EXAMPLES.map((e) => ({ py: e.py })));
      const diffs: string[] = [];
      EXAMPLES.forEach((e, i) => {
        const want = answers[i];
        let got: unknown;
        try {
          got = { ok: jsAnswer(e.js()) };
        } catch (err) {
          got = { error: (err as Error).constructor.name, message: (err as Error).message };
        }
        const wantV = "ok" in want ? { ok: unJsonFloats(want.ok) } : want;
        try {
          expect(got).toEqual(wantV);
        } catch {
          diffs.push(`${e.routine}: ${e.py.replace(/\n/g, "; ")}\n  numpy:   ${show(wantV)}\n  runtime: ${show(got)}`);
        }
      });
      expect(diffs.join("\n")).toBe("");
    }, 60_000);
  });
}
