/**
 * `npm run bench:kernel`: strided beside tslab and ipykernel (when installed), measured by the same
 * harness in the same run. Prints a table with ratios to tslab and writes bench/results/kernel.json
 * and kernel.md. Environment: BENCH_QUICK=1 for a short smoke run (not written to bench/results).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../kernel/cli/package-root.js";
import { kernelsUnderTest } from "./kernels.js";
import { measureKernel, type KernelResult, type Params } from "./measure.js";
import { markdownReport, verdicts } from "./report.js";

async function main(): Promise<number> {
  const root = packageRoot();
  const quick = process.env.BENCH_QUICK === "1";
  const params: Params = quick
    ? { starts: 1, warmup: 2, roundTrips: 20, declarations: 5, typedCells: 3, idleMs: 500, twoClientExecutes: 200, twoClientDeadlineMs: 60_000 }
    : { starts: 5, warmup: 10, roundTrips: 200, declarations: 50, typedCells: 20, idleMs: 2000, twoClientExecutes: 10_000, twoClientDeadlineMs: 600_000 };
  const machine: Record<string, string | number> = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    linux: release(),
    "load average at start": loadavg()[0].toFixed(2),
  };
  const log = (s: string): void => { process.stdout.write(`${s}\n`); };
  const results: KernelResult[] = [];
  // The kernels run in an empty folder, as a newcomer's notebook folder (this package's own
  // tsconfig.json would be read by strided as a notebook's, bypassing its startup snapshot's parsed lib).
  const notebookDir = mkdtempSync(join(tmpdir(), "strided-bench-"));
  const only = process.env.BENCH_KERNELS?.split(",");
  for (const k of kernelsUnderTest(root)) {
    if (only && !only.includes(k.name)) continue;
    if (k.missing) {
      log(`${k.name}: skipped: ${k.missing}`);
      continue;
    }
    log(`${k.name}:`);
    results.push(await measureKernel(k, params, notebookDir, log));
  }
  machine["load average at end"] = loadavg()[0].toFixed(2);
  const date = new Date().toISOString();
  const md = markdownReport(results, params, machine, date);
  log(`\n${md}`);
  if (!quick) {
    const dir = join(root, "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "kernel.json"), `${JSON.stringify({ date, machine, params, results, targets: verdicts(results) }, null, 2)}\n`);
    writeFileSync(join(dir, "kernel.md"), md);
    log(`wrote ${join(dir, "kernel.json")} and kernel.md`);
  }
  return results.some((r) => r.error) ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { process.stderr.write(`${(e as Error).stack}\n`); process.exitCode = 1; });
