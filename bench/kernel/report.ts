/** The benchmark's table (ratios to tslab) and its verdict against the targets of issue #5. */
import type { KernelResult, Params } from "./measure.js";

export const TARGETS = {
  startupMs: 1000,
  latencyRatioToTslab: 0.5,
  idleRssMB: 200,
};

type Metric = { key: keyof KernelResult; label: string; unit: string; digits: number };

export const METRICS: Metric[] = [
  { key: "startupMedianMs", label: "start-up to first kernel_info_reply (median)", unit: "ms", digits: 0 },
  { key: "firstResultMedianMs", label: "start-up to first `1 + 1` result (median)", unit: "ms", digits: 0 },
  { key: "restartResultMedianMs", label: "restart to first `1 + 1` result (median)", unit: "ms", digits: 0 },
  { key: "roundTripP50Ms", label: "`1 + 1` round trip p50", unit: "ms", digits: 2 },
  { key: "roundTripP99Ms", label: "`1 + 1` round trip p99", unit: "ms", digits: 2 },
  { key: "typedAfterDeclarationsP50Ms", label: "typed cell after the declaration cells p50", unit: "ms", digits: 2 },
  { key: "idleRssMB", label: "idle RSS, process tree", unit: "MB", digits: 1 },
];

const fmt = (v: unknown, digits: number): string => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(digits) : "n/a");

/** Markdown table: one row per metric, one column per kernel, plus strided/tslab. */
export function markdownTable(results: KernelResult[]): string {
  const names = results.map((r) => r.name);
  const tslab = results.find((r) => r.name === "tslab");
  const strided = results.find((r) => r.name === "strided");
  const head = `| metric | ${names.join(" | ")} | strided / tslab |`;
  const sep = `| --- | ${names.map(() => "---:").join(" | ")} | ---: |`;
  const rows = METRICS.map((m) => {
    const cells = results.map((r) => `${fmt(r[m.key], m.digits)} ${m.unit}`);
    const a = strided?.[m.key];
    const b = tslab?.[m.key];
    const ratio = typeof a === "number" && typeof b === "number" && b > 0 ? `${(a / b).toFixed(2)}×` : "n/a";
    return `| ${m.label} | ${cells.join(" | ")} | ${ratio} |`;
  });
  return [head, sep, ...rows, twoClientRow(results)].join("\n");
}

/** The two-client row: executes/s, or how far a kernel got before the deadline; RSS before -> after. */
function twoClientRow(results: KernelResult[]): string {
  const cell = (r: KernelResult): string => {
    const t = r.twoClients;
    if (!t) return "n/a";
    const checks = t.inOrder && t.countsIncrease && t.failed === 0 ? "" : `, ${t.failed} failed${t.inOrder ? "" : ", out of order"}${t.countsIncrease ? "" : ", counts not increasing"}`;
    const rss = `RSS ${t.rssBeforeMB.toFixed(0)} → ${t.rssAfterMB.toFixed(0)} MB`;
    if (t.timedOut) return `${t.timedOut} (${t.executesPerSecond.toFixed(0)}/s${checks}), ${rss}`;
    return `${t.executesPerSecond.toFixed(0)} executes/s (${t.seconds.toFixed(0)} s${checks}), ${rss}`;
  };
  const s = results.find((r) => r.name === "strided")?.twoClients;
  const t = results.find((r) => r.name === "tslab")?.twoClients;
  const ratio = s && t && !s.timedOut && !t.timedOut ? `${(s.executesPerSecond / t.executesPerSecond).toFixed(2)}× (throughput)` : "n/a";
  const n = s?.sent ?? t?.sent ?? 0;
  return `| ${n.toLocaleString("en")} distinct executes pipelined from two clients | ${results.map(cell).join(" | ")} | ${ratio} |`;
}

export interface Verdict {
  target: string;
  value: string;
  pass: boolean;
}

/** strided against the targets: start-up < 1 s, each latency ≤ half of tslab's, idle RSS < 200 MB. */
export function verdicts(results: KernelResult[]): Verdict[] {
  const s = results.find((r) => r.name === "strided");
  const t = results.find((r) => r.name === "tslab");
  if (!s) return [];
  const out: Verdict[] = [
    { target: `start-up under ${TARGETS.startupMs} ms`, value: `${fmt(s.startupMedianMs, 0)} ms`, pass: s.startupMedianMs < TARGETS.startupMs },
    { target: `idle RSS under ${TARGETS.idleRssMB} MB`, value: `${fmt(s.idleRssMB, 1)} MB`, pass: s.idleRssMB < TARGETS.idleRssMB },
  ];
  for (const key of ["roundTripP50Ms", "roundTripP99Ms", "typedAfterDeclarationsP50Ms"] as const) {
    const ratio = t ? s[key] / t[key] : NaN;
    const label = METRICS.find((m) => m.key === key)?.label ?? key;
    out.push({ target: `${label} at most ${TARGETS.latencyRatioToTslab}× tslab's`, value: `${fmt(ratio, 2)}×`, pass: ratio <= TARGETS.latencyRatioToTslab });
  }
  return out;
}

export function markdownReport(results: KernelResult[], params: Params, machine: Record<string, string | number>, date: string): string {
  const v = verdicts(results);
  return [
    "# Kernel benchmark",
    "",
    `Run ${date} by \`npm run bench:kernel\` (bench/kernel). One harness for every kernel: our ZeroMQ client`,
    "(kernel/client), the same requests, round trip = execute_request sent until execute_reply received and",
    "iopub idle seen. TypeScript cells for strided and tslab, the same cells in Python for ipykernel.",
    "",
    `Machine: ${Object.entries(machine).map(([k, x]) => `${k} ${x}`).join(", ")}.`,
    `Parameters: ${params.starts} starts, ${params.warmup} warm-up cells, ${params.roundTrips} round trips, ${params.declarations} declaration cells then ${params.typedCells} typed cells, RSS after ${params.idleMs} ms idle; ${params.twoClientExecutes ?? 0} executes from two clients on a fresh kernel, ${(params.twoClientDeadlineMs ?? 0) / 1000} s allowed per kernel.`,
    "",
    markdownTable(results),
    "",
    ...results.filter((r) => r.error).map((r) => `- ${r.name} failed: ${r.error?.split("\n").join(" ")}`),
    ...results.filter((r) => r.idleLost).map((r) => `- ${r.name} never sent the iopub \`idle\` of ${r.idleLost} cells (each waited 5 s, then left out of the percentiles).`),
    "",
    "## Targets (strided)",
    "",
    "| target | value | met |",
    "| --- | ---: | :---: |",
    ...v.map((x) => `| ${x.target} | ${x.value} | ${x.pass ? "yes" : "**no**"} |`),
    "",
  ].join("\n");
}
