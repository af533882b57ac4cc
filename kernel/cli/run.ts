/**
 * `strided run NOTEBOOK.ipynb [more.ipynb ...] [--out DIR] [--timeout S] [--kernel NAME]`
 *
 * Executes every code cell of each notebook in a fresh kernel over ZeroMQ (our own client,
 * kernel/client) and writes the executed notebook. Without `--kernel`, the kernel is this very
 * package's (`node bin/strided.js kernel {connection_file}`), so no installed kernelspec is needed.
 *
 * Decisions, written down:
 * - output: `--out DIR` gets `DIR/NAME.ipynb`; without it, `out/NAME.ipynb` beside the input.
 *   Without `--out` the input is never overwritten; `--out` naming the input's own folder
 *   overwrites it on purpose (`npm run handouts` executes the handouts in place).
 * - failures: stop at the first failing cell (as nbconvert/nbclient do), except cells tagged
 *   `raises-exception`; later cells are written unexecuted. The executed notebook is still written.
 * - timeout: per cell, default 120 s; the cell is interrupted, then counted as failed.
 * - exit code: 0 when every notebook ran clean, 1 when a cell failed, 2 for bad arguments,
 *   130 after Ctrl-C (the kernel is shut down first).
 * - the kernel runs in the notebook's folder, so relative paths and imports resolve from there.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { executeNotebook, type CellReport } from "../client/execute-notebook.js";
import type { LaunchOptions } from "../client/launch.js";
import { parseNotebook } from "../client/nbformat.js";
import { buildKernelJson } from "./install.js";
import { packageRoot } from "./package-root.js";

export interface RunArgs {
  notebooks: string[];
  out: string | null;
  timeout: number;
  kernel: string | null;
}

export { RUN_USAGE } from "./run-usage.js";
import { RUN_USAGE } from "./run-usage.js";

/**
 * Parse `strided run` arguments (after the word `run`).
 *
 * @example
 * parseRunArgs(["a.ipynb", "--timeout", "5"]) // { notebooks: ["a.ipynb"], out: null, timeout: 5, kernel: null }
 */
export function parseRunArgs(argv: string[]): RunArgs {
  const args: RunArgs = { notebooks: [], out: null, timeout: 120, kernel: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value\n${RUN_USAGE}`);
      return v;
    };
    switch (flag) {
      case "--out": args.out = value(); break;
      case "--kernel": args.kernel = value(); break;
      case "--timeout": {
        const v = value();
        const t = Number(v);
        if (!Number.isFinite(t) || t <= 0) throw new Error(`--timeout must be a positive number of seconds, got ${v}`);
        args.timeout = t;
        break;
      }
      case "-h": case "--help": throw new Error(RUN_USAGE);
      default:
        if (a.startsWith("-")) throw new Error(`unknown option ${a}\n${RUN_USAGE}`);
        args.notebooks.push(a);
    }
  }
  if (args.notebooks.length === 0) throw new Error(`no notebook given\n${RUN_USAGE}`);
  return args;
}

/** Where `input` is written: `DIR/NAME.ipynb`, default `out/` beside the input. */
export function outputPath(input: string, out: string | null): string {
  const dir = out !== null ? resolve(out) : join(dirname(resolve(input)), "out");
  return join(dir, basename(input));
}

function launchFor(args: RunArgs, cwd: string): LaunchOptions {
  if (args.kernel !== null) return { kernelName: args.kernel, cwd };
  const spec = buildKernelJson(packageRoot());
  return { argv: spec.argv, env: spec.env ?? {}, cwd };
}

function progressLine(r: CellReport): string {
  const head = `[${r.position}/${r.total}]`;
  const ms = `${Math.round(r.ms)} ms`;
  switch (r.status) {
    case "ok": return `${head} ok ${ms}`;
    case "allowed-error": return `${head} ok ${ms} (error allowed by tag raises-exception: ${r.message ?? ""})`;
    case "timeout": return `${head} FAILED: timeout: ${r.message ?? ""}`;
    case "skipped": return `${head} skipped`;
    default: return `${head} FAILED: ${r.message ?? "error"}`;
  }
}

/**
 * Run `strided run` with its arguments; resolves with the exit code.
 *
 * @example
 * await runCommand(["examples/views.ipynb", "--out", "/tmp/out"]) // 0, and /tmp/out/views.ipynb written
 */
export async function runCommand(argv: string[], log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  let args: RunArgs;
  try {
    args = parseRunArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const outputs = args.notebooks.map((n) => outputPath(n, args.out));
  const clash = outputs.find((o, i) => outputs.indexOf(o) !== i);
  if (clash) {
    process.stderr.write(`two notebooks would be written to ${clash}: give them different names\n`);
    return 2;
  }
  for (const n of args.notebooks) {
    if (!existsSync(n)) {
      process.stderr.write(`no such notebook: ${n}\n`);
      return 2;
    }
  }

  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.on("SIGINT", onSigint);
  let failures = 0;
  try {
    for (const [k, input] of args.notebooks.entries()) {
      const t0 = performance.now();
      const nb = parseNotebook(readFileSync(input, "utf8"), input);
      log(`${input}: running ${nb.cells.filter((c) => c.cell_type === "code").length} code cells`);
      const run = await executeNotebook(nb, {
        launch: launchFor(args, dirname(resolve(input))),
        timeout: args.timeout,
        signal: abort.signal,
        onCell: (r) => log(progressLine(r)),
      });
      const dest = outputs[k];
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, `${JSON.stringify(run.notebook, null, 1)}\n`);
      const ok = run.cells.filter((c) => c.status === "ok" || c.status === "allowed-error").length;
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      if (run.failed) {
        failures++;
        const where = run.failed.position > 0 ? `cell ${run.failed.position}` : "kernel";
        log(`${input}: FAILED at ${where}: ${run.failed.message ?? run.failed.status}; ${ok}/${run.cells.length} cells ok; wrote ${dest} in ${secs} s`);
        if (run.failed.position === 0 && run.kernelOutput.trim()) log(`kernel output:\n${run.kernelOutput.trim().split("\n").slice(-20).join("\n")}`);
      } else {
        log(`${input}: ok, ${ok}/${run.cells.length} cells; wrote ${dest} in ${secs} s`);
      }
      if (abort.signal.aborted) return 130;
    }
  } finally {
    process.off("SIGINT", onSigint);
  }
  if (args.notebooks.length > 1) log(`${args.notebooks.length - failures}/${args.notebooks.length} notebooks ran clean`);
  return failures > 0 ? 1 : 0;
}
