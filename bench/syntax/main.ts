/**
 * `npm run bench:syntax`: what NumPy's syntax in cells costs (kernel/session/syntax).
 *
 * Compile time (parse, check, rewrite, emit) of a cell: without arrays (the stage only walks the
 * tree), with 120 array operations written as syntax, and the same cell written with the method
 * forms (no rewrite); median of RUNS compiles, each of a fresh text. Run time: `x + y` in a cell
 * vs `np.add(x, y)` in a cell on 4-element arrays, best of timeit's repeats (the rewrite emits the
 * same call, so the two should agree within noise).
 * BENCH_QUICK=1: fewer runs.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { CellCompiler } from "../../kernel/session/compiler.js";
import { applyNumpySyntax } from "../../kernel/session/syntax/check.js";
import { createCellSession } from "../../kernel/session/index.js";
import type { Publisher } from "../../kernel/session/contract.js";

const RUNS = process.env.BENCH_QUICK === "1" ? 5 : 25;
const LINES = 40;

const CELLS: [string, string][] = [
  ["no arrays, 40 lines", Array.from({ length: LINES }, (_, i) => `let v${i} = ${i} * 2 + 1; if (v${i} < 10) v${i} += 3;`).join("\n")],
  ["arrays as syntax, 40 lines", "const p = np.arange(4); const q = np.arange(4);\n" + Array.from({ length: LINES }, (_, i) => `const w${i} = p * ${i} + q; w${i} += 1; const z${i} = w${i}["1:3"];`).join("\n")],
  ["arrays as methods, 40 lines", "const p = np.arange(4); const q = np.arange(4);\n" + Array.from({ length: LINES }, (_, i) => `const w${i} = np.add(np.multiply(p, ${i}), q); np.add(w${i}, 1, { out: w${i} }); const z${i} = w${i}.get("1:3");`).join("\n")],
  ["x + y, one line", "const p = np.arange(4); p + p"],
  ["np.add(x, y), one line", "const p = np.arange(4); np.add(p, p)"],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const silent: Publisher = { stream: () => undefined, display: () => undefined, clearOutput: () => undefined, input: () => Promise.resolve("") };

/** stdout as it was before the session redirects it to the running cell. */
const write = process.stdout.write.bind(process.stdout);

async function main(): Promise<void> {
  const lines: string[] = [];
  const log = (s: string): void => {
    lines.push(s);
    write(`${s}\n`);
  };
  log(`load average ${loadavg()[0].toFixed(2)}; ${RUNS} runs per case`);
  const compiler = new CellCompiler(process.cwd());
  compiler.warm();
  log("compile time (median ms): whole compile | the NumPy-syntax stage alone");
  for (const [name, cell] of CELLS) {
    const whole: number[] = [];
    const stage: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const code = `${cell}\n// run ${i} ${Math.random()}`;
      const t0 = performance.now();
      const r = compiler.compile(code, code, (l) => l);
      const t1 = performance.now();
      if (!r.ok) throw new Error(`${name}: ${r.outcome.evalue}`);
      const again = `${code} again`;
      compiler.host.setCell(again);
      const diagnostics = compiler.host.cellDiagnostics();
      const s0 = performance.now();
      applyNumpySyntax(compiler.host, again, diagnostics);
      const s1 = performance.now();
      if (i >= 2) {
        whole.push(t1 - t0);
        stage.push(s1 - s0);
      }
    }
    log(`  ${name.padEnd(30)} ${median(whole).toFixed(1).padStart(7)} | ${median(stage).toFixed(1).padStart(7)}`);
  }
  const session = await createCellSession({ notebookDir: process.cwd() });
  await session.ready();
  const opts = { allowStdin: false, silent: false, storeHistory: true };
  await session.execute("const x = np.arange(4); const y = np.array([1, 2, 3, 4]);", silent, opts);
  log("run time per call on 4-element int32 arrays (best of 7 repeats, µs):");
  for (const [name, body] of [
    ["x + y", "x + y"],
    ["np.add(x, y)", "np.add(x, y)"],
    ["xs += y", "{ xs += y }"],
    ["np.add(xs, y, { out: xs })", "{ np.add(xs, y, { out: xs }) }"],
    ['x["1:3"]', 'x["1:3"]'],
    ['x.get("1:3")', 'x.get("1:3")'],
  ]) {
    const r = await session.execute(`const xs = x.copy(); timeit(() => ${body}, { number: 20000, repeat: 7 }).best`, silent, opts);
    if (r.status !== "ok") throw new Error(`${name}: ${r.evalue}`);
    log(`  ${name.padEnd(30)} ${((r.value as number) * 1e6).toFixed(2).padStart(7)}`);
  }
  if (process.env.BENCH_QUICK !== "1") {
    const file = join(__dirname, "..", "..", "..", "bench", "results", "syntax.md");
    writeFileSync(file, `# NumPy syntax in cells: cost (${new Date().toISOString()}, \`npm run bench:runtime\`)\n\n\`\`\`\n${lines.join("\n")}\n\`\`\`\n`);
    log(`wrote ${file}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${String((e as Error)?.stack ?? e)}\n`);
    process.exit(1);
  },
);
