/**
 * jupyter_kernel_test (the suite other kernels use) against our kernel, through the real
 * jupyter_client: install the kernelspec into a temp prefix, point JUPYTER_PATH at it, run
 * test_strided_kernel.py (unittest, verbose, verdicts to a file of their own), and require that every test ran and passed (zero skipped).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingPythonModules, PYTHON, requirement } from "../support/requirements.js";
import { BIN, ensureBuilt, ROOT } from "../e2e/support/kernel.js";

const ok = requirement(missingPythonModules(["jupyter_kernel_test", "jupyter_client"]), "jupyter_kernel_test conformance");

/** The test_* methods the installed suite defines (so a new version's tests are required too). */
function suiteTests(): string[] {
  const r = spawnSync(PYTHON, ["-c", "import jupyter_kernel_test as j; print('\\n'.join(sorted(n for n in dir(j.KernelTests) if n.startswith('test_'))))"], { encoding: "utf8" });
  return r.stdout.trim().split("\n").filter(Boolean);
}

interface UnittestSummary {
  ran: number;
  failures: number;
  errors: number;
  skipped: number;
  lines: Map<string, string>;
}

/**
 * Parse `python -m unittest -v` output: one verdict per test (its line plus any indented subTest
 * lines after it: "ok" only when nothing in them failed, errored or skipped) and the closing summary.
 */
function parseUnittest(out: string): UnittestSummary {
  const chunks = new Map<string, string>();
  let current: string | null = null;
  for (const line of out.split("\n")) {
    const m = /^(test_\w+) \(/.exec(line);
    if (m) {
      current = m[1];
      chunks.set(current, line);
    } else if (current !== null && /^\s+\S/.test(line)) chunks.set(current, `${chunks.get(current)}\n${line}`);
    else current = null;
  }
  const lines = new Map<string, string>();
  for (const [name, text] of chunks) {
    const bad = /\.\.\. (FAIL|ERROR|skipped.*|unexpected success)\s*$/m.exec(text);
    lines.set(name, bad ? bad[1] : /\.\.\. ok\s*$/m.test(text) ? "ok" : "no verdict");
  }
  const ran = Number(/^Ran (\d+) tests? in/m.exec(out)?.[1] ?? -1);
  const tail = /^(OK|FAILED)(?: \((.*)\))?$/m.exec(out);
  const field = (name: string): number => Number(new RegExp(`${name}=(\\d+)`).exec(tail?.[2] ?? "")?.[1] ?? 0);
  return { ran, failures: field("failures"), errors: field("errors"), skipped: field("skipped"), lines };
}

describe("parseUnittest", () => {
  // Shape of real `unittest -v` output (taken from a run against ipykernel with few samples).
  const sample = [
    "test_clear_output (t.PyTests.test_clear_output) ... skipped ''",
    "test_execute_result (t.PyTests.test_execute_result) ... ok",
    "test_history (t.PyTests.test_history) ... ",
    "  test_history (t.PyTests.test_history) (hist_access_type='range') ... FAIL",
    "test_inspect (t.PyTests.test_inspect) ... ERROR",
    "test_kernel_info (t.PyTests.test_kernel_info) ... ok",
    "",
    "======================================================================",
    "FAIL: test_history (t.PyTests.test_history) (hist_access_type='range')",
    "----------------------------------------------------------------------",
    "Ran 5 tests in 4.873s",
    "",
    "FAILED (failures=1, errors=1, skipped=1)",
  ].join("\n");
  it("reads each verdict, a failing subTest included, and the summary", () => {
    const s = parseUnittest(sample);
    expect(Object.fromEntries(s.lines)).toEqual({
      test_clear_output: "skipped ''",
      test_execute_result: "ok",
      test_history: "FAIL",
      test_inspect: "ERROR",
      test_kernel_info: "ok",
    });
    expect([s.ran, s.failures, s.errors, s.skipped]).toEqual([5, 1, 1, 1]);
  });
});

describe.skipIf(!ok)("jupyter_kernel_test conformance", () => {
  let prefix: string;
  let result: { status: number | null; verdicts: string; output: string };
  beforeAll(async () => {
    await ensureBuilt();
    prefix = mkdtempSync(join(tmpdir(), "strided-conformance-"));
    const install = spawnSync(process.execPath, [BIN, "install", "--prefix", prefix], { encoding: "utf8" });
    if (install.status !== 0) throw new Error(`strided install --prefix failed:\n${install.stdout}${install.stderr}`);
    const verdictFile = join(prefix, "unittest.txt");
    const r = spawnSync(PYTHON, ["test_strided_kernel.py"], {
      cwd: join(ROOT, "test", "conformance"),
      env: { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter"), PYTHONDONTWRITEBYTECODE: "1", STRIDED_UNITTEST_OUT: verdictFile },
      encoding: "utf8",
      timeout: 240_000,
    });
    const verdicts = existsSync(verdictFile) ? readFileSync(verdictFile, "utf8") : "";
    result = { status: r.status, verdicts, output: `${verdicts}\n--- kernel and python output (tail) ---\n${`${r.stdout}${r.stderr}`.slice(-3000)}` };
  }, 300_000);
  afterAll(() => {
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  it("the kernelspec is where JUPYTER_PATH points", () => {
    const spec = JSON.parse(readFileSync(join(prefix, "share", "jupyter", "kernels", "strided", "kernel.json"), "utf8")) as { argv: string[] };
    expect(spec.argv).toContain("{connection_file}");
  });

  it("every test of the suite ran and passed, none skipped", () => {
    const s = parseUnittest(result.verdicts);
    const expected = suiteTests();
    expect(expected.length).toBeGreaterThan(10);
    const verdicts = Object.fromEntries(expected.map((t) => [t, s.lines.get(t) ?? "missing"]));
    expect(verdicts, result.output).toEqual(Object.fromEntries(expected.map((t) => [t, "ok"])));
    expect({ ran: s.ran, failures: s.failures, errors: s.errors, skipped: s.skipped }).toEqual({ ran: expected.length, failures: 0, errors: 0, skipped: 0 });
    expect(result.status).toBe(0);
  });
});
