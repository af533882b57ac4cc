/**
 * The size sweep of `npm run bench:runtime`: each case of sweep-cases.ts at sizes 1e2 ... 1e7,
 * timed in the same run by three servers: strided with its wasm SIMD loops, strided with its JS
 * loops (STRIDED_NO_WASM=1), and NumPy 1.24 (/usr/bin/python3, numpy_sweep.py). Rounds are
 * interleaved (every round asks the three in turn for every case and size) and each side keeps its
 * best, so all three sample the same spells of load on a shared machine.
 * Writes bench/results/runtime-sweep.{md,json,svg} (the SVG by plot.ts). BENCH_QUICK=1: one
 * short round, nothing written. BENCH_CASES=add_alloc,add_T: only those cases (nothing written;
 * BENCH_ROUNDS still applies).
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release } from "node:os";
import { join } from "node:path";
import { CASES as ALL_CASES, SIZES } from "./sweep-cases.js";
import { loglogChart, type Panel } from "./plot.js";

const only = process.env.BENCH_CASES?.split(",").filter((x) => x !== "");
const CASES = only === undefined || only.length === 0 ? ALL_CASES : ALL_CASES.filter((c) => only.includes(c.name));
const quick = process.env.BENCH_QUICK === "1";
/** Results are written only by a full run (every case, not quick). */
const partial = quick || CASES.length !== ALL_CASES.length;
const ROUNDS = quick ? 1 : Number(process.env.BENCH_ROUNDS ?? 3);
const MIN_TIME = quick ? 0.005 : 0.02;
const REPEATS = 3;

interface Server {
  ask(line: string): Promise<string>;
  close(): void;
}

function server(cmd: string, args: string[], env: NodeJS.ProcessEnv): Server {
  const p = spawn(cmd, args, { env, stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: p.stdout })[Symbol.asyncIterator]();
  return {
    async ask(line: string): Promise<string> {
      if (line !== "") p.stdin.write(line + "\n");
      const r = await lines.next();
      if (r.done) throw new Error(`${cmd} ${args.join(" ")} exited`);
      return r.value;
    },
    close: () => p.stdin.end(),
  };
}

const fmt = (s: number): string => (s < 1e-6 ? `${(s * 1e9).toFixed(0)} ns` : s < 1e-3 ? `${(s * 1e6).toFixed(1)} µs` : `${(s * 1e3).toFixed(2)} ms`);

async function main(): Promise<void> {
  const worker = join(__dirname, "sweep-worker.js");
  const base = { ...process.env };
  delete base.STRIDED_NO_WASM;
  const wasmSide = server(process.execPath, ["--expose-gc", worker], base);
  const jsSide = server(process.execPath, ["--expose-gc", worker], { ...base, STRIDED_NO_WASM: "1" });
  const pyEnv = { ...process.env };
  delete pyEnv.OPENBLAS_CORETYPE;
  delete pyEnv.OPENBLAS_L2_SIZE;
  const numpy = server("/usr/bin/python3", [join(__dirname, "../../../bench/runtime/numpy_sweep.py")], pyEnv);
  const w0 = JSON.parse(await wasmSide.ask("")) as { wasm: boolean };
  const j0 = JSON.parse(await jsSide.ask("")) as { wasm: boolean };
  if (!w0.wasm || j0.wasm) throw new Error(`expected wasm on one side and not the other (got ${w0.wasm}, ${j0.wasm})`);
  const sizes = quick ? SIZES.filter((n) => n <= 1e6) : SIZES;
  const best: Record<string, [number, number, number]> = {};
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CASES) {
      for (const n of sizes) {
        const q = `${c.name} ${n} ${MIN_TIME} ${REPEATS}`;
        const tw = Number(JSON.parse(await wasmSide.ask(q)));
        const tj = Number(JSON.parse(await jsSide.ask(q)));
        const tn = Number(JSON.parse(await numpy.ask(q)));
        const k = `${c.name} ${n}`;
        const o = best[k] ?? [Infinity, Infinity, Infinity];
        best[k] = [Math.min(o[0], tw), Math.min(o[1], tj), Math.min(o[2], tn)];
      }
      loads.push(loadavg()[0]);
    }
    process.stdout.write(`  sweep round ${round + 1}/${ROUNDS}\n`);
  }
  // sum: the wasm and JS loops give the same bits on the sweep's data
  const sumBits: Record<number, boolean> = {};
  for (const n of sizes) sumBits[n] = (await wasmSide.ask(`sumbits ${n}`)) === (await jsSide.ask(`sumbits ${n}`));
  wasmSide.close();
  jsSide.close();
  numpy.close();

  const rows = CASES.flatMap((c) =>
    sizes.map((n) => {
      const [tw, tj, tn] = best[`${c.name} ${n}`];
      const ratio = tw / tn;
      const met = c.target === null || n < 1e3 ? null : ratio <= c.target;
      return { case: c.name, numpy: c.numpy, n, strided_s: tw, js_loops_s: tj, numpy_s: tn, ratio, target: c.target, met };
    }),
  );
  const load = loads.reduce((s, x) => s + x, 0) / Math.max(1, loads.length);
  const machine = `${cpus()[0]?.model ?? "unknown"}, ${cpus().length} cores, Node ${process.version}, Linux ${release()}`;
  const misses = rows.filter((r) => r.met === false);
  const md = [
    `# Runtime size sweep (${new Date().toISOString()})`,
    "",
    `Machine: ${machine}; load average ${load.toFixed(1)} during the run. Best per call over ${ROUNDS} interleaved rounds (timeit-style autorange to ${MIN_TIME} s, never past the calls whose results fit in the 512 MiB wasm budget, best of ${REPEATS}) for each of: strided (wasm SIMD loops), strided with STRIDED_NO_WASM=1 (its JS loops), NumPy 1.24. Between timed repeats each Node side collects garbage and lets the event loop turn (not timed), so dead results are freed as NumPy frees them at once. Targets apply from 1e3 elements. Plot: runtime-sweep.svg.`,
    "",
    "| case | elements | strided (wasm) | strided (JS loops) | NumPy | ratio to NumPy | target | met |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ...rows.map((r) => `| \`${r.numpy}\` | ${r.n.toExponential(0).replace("e+", "e")} | ${fmt(r.strided_s)} | ${fmt(r.js_loops_s)} | ${fmt(r.numpy_s)} | ${r.ratio.toFixed(2)}x | ${r.target === null ? "reported" : `≤ ${r.target}x`} | ${r.met === null ? "" : r.met ? "yes" : "no"} |`),
    "",
    `Sum bits, wasm loops against JS loops on the same data (the JS pairwise sum is checked against NumPy bit for bit by test/runtime/numpy/reduce.test.ts): ${sizes.map((n) => `${n.toExponential(0).replace("e+", "e")} ${sumBits[n] ? "identical" : "DIFFERENT"}`).join(", ")}.`,
    "",
    misses.length === 0 ? "Every target met in this run." : `Targets missed in this run: ${misses.map((r) => `${r.case} at ${r.n.toExponential(0).replace("e+", "e")} (${r.ratio.toFixed(2)}x)`).join(", ")}. Causes: see the README's Benchmarks section.`,
    "",
  ].join("\n");
  process.stdout.write("\n" + md + "\n");
  const panels: Panel[] = CASES.map((c) => ({
    title: c.numpy,
    series: [
      { label: "strided (wasm SIMD)", color: "#1565c0", points: sizes.map((n) => [n, best[`${c.name} ${n}`][0]] as const) },
      { label: "strided (JS loops, STRIDED_NO_WASM=1)", color: "#ef6c00", dash: "5,3", points: sizes.map((n) => [n, best[`${c.name} ${n}`][1]] as const) },
      { label: "NumPy 1.24", color: "#2e7d32", points: sizes.map((n) => [n, best[`${c.name} ${n}`][2]] as const) },
    ],
  }));
  const svg = loglogChart(panels, 3, "Time per call against array size (log-log), float64");
  if (!partial) {
    const dir = join(__dirname, "../../../bench/results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "runtime-sweep.md"), md);
    writeFileSync(join(dir, "runtime-sweep.json"), JSON.stringify({ date: new Date().toISOString(), machine, load, rounds: ROUNDS, rows, sumBits }, null, 2) + "\n");
    writeFileSync(join(dir, "runtime-sweep.svg"), svg);
  } else {
    writeFileSync(join(process.env.TMPDIR ?? "/tmp", "runtime-sweep-quick.svg"), svg);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
