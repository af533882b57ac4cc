/**
 * `npm run bench:kernel` (after the kernels' table): what JupyterLab's debugger costs a cell.
 * One strided kernel, started as Jupyter starts it; the same cells timed, interleaved in rounds,
 * in three states: no debugger client (the kernel's default), a client attached with no
 * breakpoints, and a client attached with a breakpoint in another cell. A round trip is
 * execute_request sent → reply and iopub idle received (measure.ts). Writes bench/results/debugger.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { KernelClient, launchKernel } from "../../kernel/client/index.js";
import { packageRoot } from "../../kernel/cli/package-root.js";
import { kernelsUnderTest } from "./kernels.js";
import { median, percentile } from "./stats.js";

type State = "no client" | "attached, no breakpoints" | "attached, a breakpoint elsewhere";
const STATES: State[] = ["no client", "attached, no breakpoints", "attached, a breakpoint elsewhere"];
const CELLS = { "`1 + 1`": () => "1 + 1", "typed cell (`const v = np.arange(n); v.sum()`)": (i: number) => `const v${i % 7} = np.arange(${100 + i}); v${i % 7}.sum()` };

async function main(): Promise<void> {
  const root = packageRoot();
  const quick = process.env.BENCH_QUICK === "1";
  const rounds = quick ? 2 : 6;
  const perRound = quick ? 10 : 40;
  const strided = kernelsUnderTest(root).find((k) => k.name === "strided");
  if (!strided) throw new Error("strided kernel not found");
  const kp = await launchKernel({ argv: strided.argv, env: strided.env, cwd: root });
  const kc = await KernelClient.connect(kp.connection);
  await kc.waitForReady(60_000);
  let seq = 0;
  const debug = async (command: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> =>
    (await kc.request<Record<string, unknown>>("control", "debug_request", { type: "request", seq: ++seq, command, arguments: args })).content;
  const enter = async (state: State): Promise<void> => {
    await debug("disconnect", { restart: false, terminateDebuggee: false });
    if (state === "no client") return;
    await debug("initialize", { clientID: "bench", adapterID: "strided", linesStartAt1: true, columnsStartAt1: true, pathFormat: "path" });
    await debug("attach");
    if (state === "attached, a breakpoint elsewhere") {
      const code = "function neverCalled() {\n  return 1;\n}";
      const dumped = await debug("dumpCell", { code });
      await kc.execute(code);
      await debug("setBreakpoints", { source: { path: (dumped.body as { sourcePath: string }).sourcePath }, breakpoints: [{ line: 2 }] });
      await debug("configurationDone");
    }
  };
  const samples = new Map<string, number[]>();
  for (let w = 0; w < 20; w++) await kc.execute(`${w} + 1`);
  for (let r = 0; r < rounds; r++) {
    for (const state of STATES) {
      await enter(state);
      for (const [name, cell] of Object.entries(CELLS)) {
        const key = `${name}|${state}`;
        const xs = samples.get(key) ?? [];
        for (let i = 0; i < perRound; i++) {
          const t0 = performance.now();
          await kc.execute(cell(i));
          xs.push(performance.now() - t0);
        }
        samples.set(key, xs);
      }
    }
  }
  await debug("disconnect", { restart: false, terminateDebuggee: false });
  await kc.shutdown(false, 5000).catch(() => undefined);
  kc.close();
  await kp.kill();
  const lines = [
    `# What the debugger costs a cell (${new Date().toISOString()}, load average ${loadavg()[0].toFixed(2)})`,
    "",
    `${rounds} interleaved rounds of ${perRound} cells per state; round trip = execute_request → reply and idle.`,
    "",
    "| cell | state | p50 | p99 | p50 / no client |",
    "| --- | --- | ---: | ---: | ---: |",
  ];
  for (const name of Object.keys(CELLS)) {
    const base = median(samples.get(`${name}|no client`) ?? []);
    for (const state of STATES) {
      const xs = samples.get(`${name}|${state}`) ?? [];
      lines.push(`| ${name} | ${state} | ${median(xs).toFixed(2)} ms | ${percentile(xs, 99).toFixed(2)} ms | ${(median(xs) / base).toFixed(2)}× |`);
    }
  }
  const md = `${lines.join("\n")}\n`;
  process.stdout.write(`\n${md}`);
  if (!quick) {
    const dir = join(root, "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "debugger.md"), md);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
