/**
 * What the kernel's resident memory is made of, at three points: idle after start (`1 + 1`), after
 * bench:kernel's workload (its second phase: warm-up, round trips, declarations, typed cells), and
 * after N distinct cells pipelined (`i * 2 + 1`). Each point: the process tree's RSS after 2 s idle
 * (as bench:kernel reads it), then /proc/PID/smaps grouped by mapping, then one probe cell asking
 * the kernel for its V8 heaps (process.report: the compute's main isolate and its agent worker's), per
 * process of the tree (the transport process, the compute process).
 *
 *   node dist/bench/kernel/footprint.js [--distinct 3000] [--no-blob] [--no-env] [--env K=V ...]
 *
 * Not part of `npm run bench:kernel`; a tool for issue 11's memory work.
 */
import { readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { KernelClient, launchKernel } from "../../kernel/client/index.js";
import { packageRoot } from "../../kernel/cli/package-root.js";
import { kernelsUnderTest } from "./kernels.js";
import { processTree, treeRssBytes, treeVmRssBytes } from "./rss.js";

const MB = 1024 * 1024;

interface Mapping { start: number; end: number; perms: string; path: string; rss: number; anon: number; size: number }

function smaps(pid: number): Mapping[] {
  const out: Mapping[] = [];
  let cur: Mapping | null = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      cur = { start: parseInt(head[1], 16), end: parseInt(head[2], 16), perms: head[3], path: head[4], rss: 0, anon: 0, size: 0 };
      cur.size = cur.end - cur.start;
      out.push(cur);
      continue;
    }
    const kv = /^(\w+):\s+(\d+) kB/.exec(line);
    if (kv && cur) {
      if (kv[1] === "Rss") cur.rss = Number(kv[2]) * 1024;
      if (kv[1] === "Anonymous") cur.anon = Number(kv[2]) * 1024;
    }
  }
  return out;
}

/**
 * Group mappings: files (the node binary, native addons, libraries), [heap] (glibc's main arena),
 * glibc's thread arenas (64 MB-aligned heaps), the wasm memory (a reservation of >= 4 GiB), large
 * anonymous blocks (> 32 MB: malloc's own mmap, e.g. the snapshot blob's data Node reads and keeps),
 * and other anonymous memory by mapping size (V8's heap pages are 256 KB).
 */
function groups(pid: number): Record<string, number> {
  const g: Record<string, number> = {};
  const maps = smaps(pid);
  const ARENA = 64 * MB;
  maps.forEach((m, i) => {
    let k: string;
    const next = maps[i + 1];
    if (m.path.endsWith("/node")) k = "node binary (file)";
    else if (m.path.includes(".node")) k = "native addons (file)";
    else if (m.path.startsWith("/")) k = "other files";
    else if (m.path === "[heap]") k = "[heap] (glibc main arena)";
    else if (m.path.startsWith("[")) k = m.path;
    else if (m.perms === "---p") k = "reserved";
    else if (m.start % ARENA === 0 && (m.size === ARENA || (next !== undefined && next.start === m.end && next.perms === "---p" && next.end - m.start === ARENA))) k = "glibc thread arenas";
    else if (m.size >= 4096 * MB) k = "wasm memory";
    else if (m.size > 32 * MB) k = "anonymous > 32 MB (malloc'd blocks)";
    else k = m.size >= MB ? "anonymous 1-32 MB" : m.size >= 256 * 1024 ? "anonymous 256 KB-1 MB (V8 pages)" : "anonymous < 256 KB";
    g[k] = (g[k] ?? 0) + m.rss;
  });
  if (process.env.FOOTPRINT_MAPS) {
    for (const m of maps.filter((x) => !x.path && x.rss > 2 * MB).sort((a, b) => b.rss - a.rss).slice(0, 25)) process.stdout.write(`    ${m.start.toString(16)} ${m.perms} ${(m.size / MB).toFixed(2)} MB, rss ${(m.rss / MB).toFixed(1)}\n`);
  }
  return g;
}

const PROBE = `{
  const r = (process as any).report.getReport();
  const h = (x: any) => ({ total: x.totalMemory, used: x.usedMemory, committed: x.totalCommittedMemory, available: x.availableMemory,
    spaces: Object.fromEntries(Object.entries(x.heapSpaces).map(([k, v]: any) => [k, [v.memorySize, v.used]])) });
  const mu = process.memoryUsage();
  console.log(JSON.stringify({ main: h(r.javascriptHeap), workers: (r.workers ?? []).map((w: any) => h(w.javascriptHeap)),
    memoryUsage: mu, resourceUsage: { maxRssKB: process.resourceUsage().maxRSS } }));
}`;

const GC_CELL = `import v8 from "node:v8"; import vm from "node:vm";
v8.setFlagsFromString("--expose-gc"); (vm.runInNewContext("gc") as any)({ type: "major", flavor: "last-resort" });`;

async function measure(label: string, pid: number, kc: KernelClient): Promise<void> {
  if (process.argv.includes("--gc-cell")) {
    const r = await kc.execute(GC_CELL, { timeout: 60_000 });
    if (r.reply.content.status !== "ok") process.stdout.write(`  gc cell failed: ${JSON.stringify(r.reply.content)}\n`);
  }
  await new Promise((r) => setTimeout(r, 2000));
  const rss = treeRssBytes(pid) / MB;
  const tree = processTree(pid);
  process.stdout.write(`\n== ${label}: tree RSS ${rss.toFixed(1)} MB, files counted once (sum of VmRSS ${(treeVmRssBytes(pid) / MB).toFixed(1)} MB; pids ${tree.join(",")}), load ${loadavg().map((x) => x.toFixed(2)).join(" ")}\n`);
  for (const p of tree) {
    // The transport process first (the pid Jupyter holds), then the compute process.
    process.stdout.write(`  pid ${p} (${readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").slice(1, 4).join(" ")}):\n`);
    for (const [k, v] of Object.entries(groups(p)).sort((a, b) => b[1] - a[1])) if (v > 0.05 * MB) process.stdout.write(`    ${k.padEnd(40)} ${(v / MB).toFixed(1)} MB\n`);
  }
  const r = await kc.execute(PROBE, { timeout: 60_000 });
  const text = r.iopub.filter((m) => m.header.msg_type === "stream").map((m) => (m.content as { text: string }).text).join("");
  if (!text) { process.stdout.write(`  probe failed: ${JSON.stringify(r.reply.content)}\n`); return; }
  const j = JSON.parse(text) as {
    main: { total: number; used: number; committed: number; spaces: Record<string, [number, number]> };
    workers: { total: number; used: number; committed: number; spaces: Record<string, [number, number]> }[];
    memoryUsage: Record<string, number>;
    resourceUsage: { maxRssKB: number };
  };
  const f = (x: number): string => (x / MB).toFixed(1);
  const heap = (name: string, x: typeof j.main): void => {
    process.stdout.write(`  ${name}: heap total ${f(x.total)} MB, used ${f(x.used)}, committed ${f(x.committed)}\n`);
    process.stdout.write(`    ${Object.entries(x.spaces).filter(([, v]) => v[0] > 0).map(([k, v]) => `${k} ${f(v[0])}/${f(v[1])}`).join(", ")}\n`);
  };
  heap("main isolate (probe cell)", j.main);
  j.workers.forEach((w, i) => heap(`worker ${i}`, w));
  process.stdout.write(`  memoryUsage: ${Object.entries(j.memoryUsage).map(([k, v]) => `${k} ${f(v)}`).join(", ")}; max RSS ${(j.resourceUsage.maxRssKB / 1024).toFixed(1)} MB\n`);
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

async function main(): Promise<void> {
  const root = packageRoot();
  const k = kernelsUnderTest(root).find((x) => x.name === "strided");
  if (!k) throw new Error("no strided kernel");
  const env: Record<string, string> = process.argv.includes("--no-env") ? {} : { ...(k.env ?? {}) };
  process.argv.forEach((a, i) => { if (a === "--env") { const [key, ...v] = process.argv[i + 1].split("="); env[key] = v.join("="); } });
  const distinct = arg("--distinct", 3000);
  if (process.argv.includes("--no-blob")) k.argv = [process.execPath, join(root, "bin", "strided.js"), "kernel", "{connection_file}"];
  const cwd = mkdtempSync(join(tmpdir(), "strided-footprint-"));
  process.stdout.write(`argv ${k.argv.join(" ")}\nenv ${JSON.stringify(env)}\n`);
  const kp = await launchKernel({ argv: k.argv, env, cwd });
  const kc = await KernelClient.connect(kp.connection);
  try {
    await kc.kernelInfo(120_000);
    await kc.waitForReady(60_000);
    await kc.execute("1 + 1", { timeout: 120_000 });
    await measure("idle after start and 1 + 1", kp.pid, kc);
    for (let i = 0; i < 10 + 200; i++) await kc.execute("1 + 1", { timeout: 60_000 });
    for (let i = 0; i < 50; i++) await kc.execute(k.declare(i), { timeout: 60_000 });
    for (let j = 0; j < 20; j++) await kc.execute(k.typedCell(j), { timeout: 60_000 });
    await measure("after bench:kernel's workload (210 x 1 + 1, 50 declarations, 20 typed cells)", kp.pid, kc);
    if (distinct > 0) {
      const runs: Promise<unknown>[] = [];
      for (let i = 1; i <= distinct; i++) runs.push(kc.execute(`${i} * 2 + 1`, { timeout: 900_000 }));
      await Promise.all(runs);
      await measure(`after ${distinct} distinct cells`, kp.pid, kc);
    }
    const compactions = kp.output().split("\n").filter((l) => l.includes("heap compacted"));
    if (compactions.length) process.stdout.write(`\nkernel log (STRIDED_LOG=1): ${compactions.map((l) => l.replace(/^.*heap compacted in /, "")).join(", ")}\n`);
  } finally {
    await kc.shutdown(false, 5000).catch(() => undefined);
    kc.close();
    await kp.kill();
  }
}

main().catch((e: unknown) => { process.stderr.write(`${(e as Error).stack}\n`); process.exitCode = 1; });
