/**
 * NumPy 1.24's own documentation examples for issue 10's routines, run as cells.
 *
 * numpy_docs.py (Debian's /usr/bin/python3) takes each routine's docstring examples with
 * doctest's parser, runs them with NumPy and records what NumPy prints, and translates each one
 * mechanically into a TypeScript cell following API.md (keywords -> one options object, tuples ->
 * arrays, slices -> index strings). Here every translated cell runs through the kernel's cell
 * pipeline (type-check, NumPy-syntax rewrite, run: createCellSession, as the kernel runs a cell)
 * in one session per file, docstring after docstring as doctest runs them, and what the cell
 * shows (its result as the kernel displays it, its stdout, its error) is compared with NumPy's.
 *
 * Every example ends as one of: pass; pass under the default-integer rule (README: int32 here,
 * int64 in NumPy on Linux; compare.ts); skipped by rule with the reason (a Python-only construct,
 * or a name bound by a skipped example; numpy_docs.py); or a documented difference, listed in
 * DIFFERENCES below with its README decision. Anything else fails the test, and so does a listed
 * difference that no longer differs. The counts per routine are printed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCellSession, type StridedCellSession } from "../../kernel/session/index.js";
import { MemoryPublisher, OPTS } from "../kernel/session/memory-publisher.js";
import { missingPythonModules, PYTHON, requirement } from "../support/requirements.js";
import { ROOT } from "../e2e/support/kernel.js";
import { np } from "../../runtime/index.js";
import { canon, defaultInt, same, show, type Expected } from "./numpy-docs/compare.js";
import { DIFFERENCES, PENDING } from "./numpy-docs/differences.js";

const SCRIPT = join(ROOT, "test", "examples", "numpy-docs", "numpy_docs.py");

interface Example {
  source: string;
  ts: string | null;
  skip: string | null;
  expected: Expected;
}
interface Routine {
  /** Run before the docstring's cells: seeds the legacy generator as numpy_docs.py seeds NumPy's. */
  setup: string;
  routine: string;
  examples: Example[];
}
type Status = "pass" | "pass-int" | "difference" | "pending" | "fail" | "skip" | "noop";
interface Outcome {
  routine: string;
  /** NumPy printed something for it (a value, stdout or an error), not only bound names. */
  printed: boolean;
  source: string;
  ts: string | null;
  status: Status;
  detail: string;
}

const hasNumpy = requirement(missingPythonModules(["numpy"]), "running NumPy's documentation examples against NumPy");

describe.skipIf(!hasNumpy)("NumPy 1.24's docstring examples, translated by API.md's rules, print what NumPy prints", () => {
  let scratch = "";
  let session: StridedCellSession;
  const outcomes: Outcome[] = [];
  const cwd = process.cwd();

  async function runCell(e: Example): Promise<{ ok: boolean; loose: boolean; detail: string }> {
    const io = new MemoryPublisher();
    // an example that rebinds a name from its own value runs as two cells (numpy_docs.py, CELL_BREAK)
    const cells = (e.ts as string).split("\n//@cell\n");
    let r = await session.execute(cells[0], io, OPTS);
    for (const c of cells.slice(1)) if (r.status === "ok") r = await session.execute(c, io, OPTS);
    const stdout = io.text("stdout");
    const want = e.expected;
    const check = (loose: boolean): boolean => {
      const t = (s: string): string => (loose ? defaultInt(s) : s);
      if (want.error !== null) return r.status === "error" && t(`${r.ename}: ${r.evalue}`) === t(want.error);
      if (r.status !== "ok") return false;
      return t(stdout) === t(want.stdout) && same(want.value, canon(r.hasValue ? r.value : undefined), loose);
    };
    if (check(false)) return { ok: true, loose: false, detail: "" };
    if (check(true)) return { ok: true, loose: true, detail: "" };
    const got = r.status === "ok" ? `${stdout}${show(canon(r.hasValue ? r.value : undefined))}` : `${r.ename}: ${r.evalue}`;
    const expected = want.error ?? `${want.stdout}${want.shown ?? show(want.value)}`;
    return { ok: false, loose: false, detail: `NumPy:\n${expected}\ncell:\n${got}` };
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "strided-numpy-docs-"));
    mkdirSync(join(scratch, "py"));
    mkdirSync(join(scratch, "ts"));
    const r = spawnSync(PYTHON, [SCRIPT, join(scratch, "py"), JSON.stringify(Object.keys(np))], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`numpy_docs.py failed: ${r.stderr}`);
    const routines = JSON.parse(r.stdout) as Routine[];
    process.chdir(join(scratch, "ts")); // savetxt's examples write files where the cell runs
    session = await createCellSession({ notebookDir: join(scratch, "ts") });
    await session.ready();
    for (const { setup, routine, examples } of routines) {
      const seeded = await session.execute(setup, new MemoryPublisher(), OPTS);
      if (seeded.status !== "ok") throw new Error(`setup ${setup} failed: ${seeded.ename}: ${seeded.evalue}`);
      for (const e of examples) {
        if (e.skip !== null) {
          outcomes.push({ routine, printed: false, source: e.source, ts: null, status: e.skip === "noop" ? "noop" : "skip", detail: e.skip });
          continue;
        }
        const { ok, loose, detail } = await runCell(e);
        const listed = DIFFERENCES.find((d) => d.routine === routine && d.source === e.source);
        const pending = PENDING.find((d) => d.routine === routine && d.source === e.source);
        const status: Status = ok ? (loose ? "pass-int" : "pass") : listed ? "difference" : pending ? "pending" : "fail";
        const printed = e.expected.value !== null || e.expected.stdout !== "" || e.expected.error !== null;
        outcomes.push({ routine, printed, source: e.source, ts: e.ts, status, detail: ok ? (listed || pending ? "listed but passes" : "") : detail });
      }
    }
  }, 900_000);

  afterAll(() => {
    process.chdir(cwd);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("prints the counts per routine", () => {
    const rows = new Map<string, Record<Status, number>>();
    for (const o of outcomes) {
      const row = rows.get(o.routine) ?? { pass: 0, "pass-int": 0, difference: 0, pending: 0, fail: 0, skip: 0, noop: 0 };
      row[o.status]++;
      rows.set(o.routine, row);
    }
    const total = { pass: 0, "pass-int": 0, difference: 0, pending: 0, fail: 0, skip: 0, noop: 0 };
    const lines = ["routine                      run  pass  (int)  diff  pend  fail  skip"];
    for (const [routine, c] of rows) {
      for (const k of Object.keys(total) as Status[]) total[k] += c[k];
      const run = c.pass + c["pass-int"] + c.difference + c.pending + c.fail;
      lines.push(`${routine.padEnd(28)} ${String(run).padStart(4)} ${String(c.pass + c["pass-int"]).padStart(5)} ${String(c["pass-int"]).padStart(6)} ${String(c.difference).padStart(5)} ${String(c.pending).padStart(5)} ${String(c.fail).padStart(5)} ${String(c.skip).padStart(5)}`);
    }
    const run = total.pass + total["pass-int"] + total.difference + total.pending + total.fail;
    lines.push(`${"TOTAL".padEnd(28)} ${String(run).padStart(4)} ${String(total.pass + total["pass-int"]).padStart(5)} ${String(total["pass-int"]).padStart(6)} ${String(total.difference).padStart(5)} ${String(total.pending).padStart(5)} ${String(total.fail).padStart(5)} ${String(total.skip).padStart(5)}`);
    const printedPasses = outcomes.filter((o) => o.printed && o.status.startsWith("pass")).length;
    lines.push(`of the ${total.pass + total["pass-int"]} passes, ${printedPasses} print something in NumPy (a value, text or an error); the others only bind names`);
    const pendingPasses = PENDING.filter((d) => outcomes.some((o) => o.routine === d.routine && o.source === d.source && o.status.startsWith("pass")));
    if (pendingPasses.length > 0) lines.push("", "pending rows that pass now (remove them from PENDING):", ...pendingPasses.map((d) => `  [${d.routine}] ${d.source}`));
    const reasons = new Map<string, number>();
    for (const o of outcomes) if (o.status === "skip") reasons.set(o.detail, (reasons.get(o.detail) ?? 0) + 1);
    lines.push("", "skipped by rule:", ...[...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `  ${String(n).padStart(3)}  ${r}`));
    // fd 2 directly: the cell session redirects this process's console and streams to its cells
    writeSync(2, `\nNumPy docstring examples (run = pass + documented difference + pending + fail; (int) = passes under the default-integer rule)\n${lines.join("\n")}\n`);
    if (process.env.NUMPY_DOCS_REPORT) writeFileSync(process.env.NUMPY_DOCS_REPORT, JSON.stringify(outcomes, null, 1));
    expect(run).toBeGreaterThan(400);
    expect(rows.size).toBeGreaterThan(100);
  });

  it("every translated example prints what NumPy prints, or is a documented difference", () => {
    const failures = outcomes.filter((o) => o.status === "fail").map((o) => `[${o.routine}] ${o.source}\n--- cell:\n${o.ts}\n${o.detail}`);
    expect(failures.join("\n\n"), `${failures.length} failing examples`).toBe("");
  });

  it("every documented difference still differs (the table has no stale rows)", () => {
    const stale = DIFFERENCES.filter((d) => !outcomes.some((o) => o.routine === d.routine && o.source === d.source && o.status === "difference"));
    expect(stale.map((d) => `[${d.routine}] ${d.source}`)).toEqual([]);
  });
});
