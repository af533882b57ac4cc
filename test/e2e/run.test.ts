/** `strided run` end to end: the command as a user types it, on notebooks written here. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeCell, Notebook, Output } from "../../kernel/client/nbformat.js";
import { missingPythonModules, PYTHON, requirement } from "../support/requirements.js";
import { BIN, ensureBuilt } from "./support/kernel.js";

let dir: string;
beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "strided-run-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function notebook(cells: { source: string; tags?: string[] }[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", id: "intro", source: "# a test notebook", metadata: {} },
      ...cells.map((c, i): CodeCell => ({ cell_type: "code", id: `c${i}`, source: c.source, metadata: c.tags ? { tags: c.tags } : {}, execution_count: null, outputs: [] })),
    ],
  };
}

function runCli(args: string[], timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, "run", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const t = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => { clearTimeout(t); resolve({ code, stdout, stderr, ms: Date.now() - t0 }); });
  });
}

const codeCells = (nb: Notebook): CodeCell[] => nb.cells.filter((c): c is CodeCell => c.cell_type === "code");
const text = (o: Output): string => (o.output_type === "stream" ? (Array.isArray(o.text) ? o.text.join("") : o.text) : "");

const hasNbformat = requirement(missingPythonModules(["nbformat"]), "validating executed notebooks with nbformat");

describe("a notebook with outputs of every kind and a failure", () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  let out: Notebook;
  const outFile = (): string => join(dir, "mixed-out", "mixed.ipynb");
  beforeAll(async () => {
    const nb = notebook([
      { source: 'const xs = [1, 2, 3];\nconsole.log("made");\nconsole.log("twice");\nxs.length' },
      { source: 'display.html("<b>bold</b>")' },
      { source: 'const h = display("first", { display_id: "d1" });\nh.update("second")' },
      { source: 'console.log("gone");\nclear_output(true);\nconsole.log("kept")' },
      { source: 'throw new Error("allowed to fail")', tags: ["raises-exception"] },
      { source: 'throw new TypeError("stop here")' },
      { source: 'console.log("never")' },
    ]);
    writeFileSync(join(dir, "mixed.ipynb"), JSON.stringify(nb));
    result = await runCli([join(dir, "mixed.ipynb"), "--out", join(dir, "mixed-out")]);
    out = JSON.parse(readFileSync(outFile(), "utf8")) as Notebook;
  }, 150_000);

  it("exits 1 and prints progress per cell and the failure", () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\[1\/7\] ok \d+ ms/);
    expect(result.stdout).toMatch(/\[5\/7\] ok \d+ ms \(error allowed/);
    expect(result.stdout).toMatch(/\[6\/7\] FAILED: TypeError: stop here/);
    expect(result.stdout).not.toMatch(/\[7\/7\] ok/);
  });

  it("stores merged streams and the result with its execution_count", () => {
    const c = codeCells(out)[0];
    expect(c.outputs.map((o) => o.output_type)).toEqual(["stream", "execute_result"]);
    expect(text(c.outputs[0])).toBe("made\ntwice\n");
    const r = c.outputs[1];
    expect(r.output_type === "execute_result" && r.data["text/plain"]).toBe("3");
    expect(r.output_type === "execute_result" && r.execution_count).toBe(c.execution_count);
    expect(typeof c.execution_count).toBe("number");
  });

  it("stores display_data, applies update_display_data and clear_output(wait)", () => {
    const [, html, upd, cleared] = codeCells(out);
    expect(html.outputs[0]).toMatchObject({ output_type: "display_data", data: { "text/html": "<b>bold</b>" } });
    expect(upd.outputs).toHaveLength(1);
    expect(JSON.stringify(upd.outputs[0])).toContain("second");
    expect(JSON.stringify(upd.outputs[0])).not.toContain("first");
    expect(cleared.outputs.map(text)).toEqual(["kept\n"]);
  });

  it("stores errors with ename and evalue, and leaves the cells after the failure unexecuted", () => {
    const cells = codeCells(out);
    expect(cells[4].outputs[0]).toMatchObject({ output_type: "error", ename: "Error", evalue: "allowed to fail" });
    expect(cells[5].outputs[0]).toMatchObject({ output_type: "error", ename: "TypeError", evalue: "stop here" });
    expect(cells[6]).toMatchObject({ execution_count: null, outputs: [] });
    const counts = cells.slice(0, 6).map((c) => c.execution_count);
    expect(counts.every((n) => typeof n === "number")).toBe(true);
  });

  it("records the kernel in the notebook metadata", () => {
    expect(out.metadata.kernelspec).toMatchObject({ name: "strided" });
    expect(out.metadata.language_info).toMatchObject({ name: "typescript", file_extension: ".ts" });
  });

  it.skipIf(!hasNbformat)("writes a notebook nbformat validates", () => {
    const r = spawnSync(PYTHON, ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], 4)); print('valid')", outFile()], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("valid");
  });
});

describe("clean notebooks", () => {
  it("exit 0 and are written to out/ beside the input by default, input untouched", async () => {
    const nb = notebook([{ source: "const n = 20;" }, { source: "n + 1" }]);
    const input = join(dir, "clean.ipynb");
    writeFileSync(input, JSON.stringify(nb));
    const before = readFileSync(input, "utf8");
    const r = await runCli([input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[2\/2\] ok/);
    expect(readFileSync(input, "utf8")).toBe(before);
    const out = JSON.parse(readFileSync(join(dir, "out", "clean.ipynb"), "utf8")) as Notebook;
    expect(codeCells(out)[1].outputs[0]).toMatchObject({ output_type: "execute_result", data: { "text/plain": "21" } });
  }, 120_000);
});

describe("--timeout", () => {
  it("interrupts a cell that runs too long, fails it and stops", async () => {
    const nb = notebook([{ source: "while (true) {}" }, { source: 'console.log("after")' }]);
    const input = join(dir, "spin.ipynb");
    writeFileSync(input, JSON.stringify(nb));
    const r = await runCli([input, "--timeout", "2", "--out", join(dir, "spin-out")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[1\/2\] FAILED: timeout/);
    expect(r.ms).toBeLessThan(60_000);
    const out = JSON.parse(readFileSync(join(dir, "spin-out", "spin.ipynb"), "utf8")) as Notebook;
    expect(codeCells(out)[1]).toMatchObject({ execution_count: null, outputs: [] });
  }, 90_000);
});

describe("a kernel that dies", () => {
  it("fails the cell with the kernel's exit, stops, and still writes the notebook", async () => {
    const nb = notebook([{ source: 'console.log("alive")' }, { source: 'process.kill(process.pid, "SIGKILL")' }, { source: "1 + 1" }]);
    const input = join(dir, "dies.ipynb");
    writeFileSync(input, JSON.stringify(nb));
    const r = await runCli([input, "--out", join(dir, "dies-out")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[2\/3\] FAILED: kernel died \(code null, signal SIGKILL\)/);
    const out = JSON.parse(readFileSync(join(dir, "dies-out", "dies.ipynb"), "utf8")) as Notebook;
    expect(codeCells(out)[0].outputs.map(text)).toEqual(["alive\n"]);
    expect(codeCells(out)[2]).toMatchObject({ execution_count: null, outputs: [] });
  }, 90_000);
});

describe("bad arguments", () => {
  it.each([
    { args: [], err: /no notebook given/ },
    { args: ["/nonexistent/x.ipynb"], err: /no such notebook/ },
    { args: ["a.ipynb", "--timeout", "-1"], err: /--timeout must be a positive number/ },
  ])("$args exits 2 with a message", async ({ args, err }) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(err);
    expect(existsSync(join(dir, "out", "x.ipynb"))).toBe(false);
  });
});

const hasIpykernel = requirement(missingPythonModules(["ipykernel"]), "strided run --kernel python3 (Debian's ipykernel)");

describe.skipIf(!hasIpykernel)("--kernel NAME", () => {
  it("runs the notebook in an installed kernelspec (python3) and records it in the metadata", async () => {
    const nb = notebook([{ source: "x = 6\nprint('py')" }, { source: "x * 7" }]);
    const input = join(dir, "py.ipynb");
    writeFileSync(input, JSON.stringify(nb));
    const r = await runCli([input, "--kernel", "python3", "--out", join(dir, "py-out")]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, "py-out", "py.ipynb"), "utf8")) as Notebook;
    expect(out.metadata.kernelspec).toMatchObject({ name: "python3", language: "python" });
    expect(codeCells(out)[0].outputs.map(text)).toEqual(["py\n"]);
    expect(codeCells(out)[1].outputs[0]).toMatchObject({ output_type: "execute_result", data: { "text/plain": "42" } });
  }, 60_000);
});

describe("the kernel's environment comes from kernel.json", () => {
  it("strided run starts its kernel with the kernelspec's env (glibc malloc settings for big arrays)", async () => {
    const spec = JSON.parse(readFileSync(join(__dirname, "..", "..", "kernel.json"), "utf8")) as { env: Record<string, string> };
    expect(Object.keys(spec.env).length).toBeGreaterThan(0);
    const nb = notebook([{ source: `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(Object.keys(spec.env))}.map((k) => [k, process.env[k]]))))` }]);
    writeFileSync(join(dir, "env.ipynb"), JSON.stringify(nb));
    const r = await runCli([join(dir, "env.ipynb"), "--out", join(dir, "env-out")]);
    expect(r.code).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, "env-out", "env.ipynb"), "utf8")) as Notebook;
    expect(JSON.parse(text(codeCells(out)[0].outputs[0]))).toEqual(spec.env);
  }, 150_000);
});
