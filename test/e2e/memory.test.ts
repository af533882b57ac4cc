/**
 * Memory over a long session, measured as the kernel process tree's RSS from /proc (Linux), with
 * thousands of executes pipelined over ZeroMQ (all sent at once; RSS is read as the reply of
 * cell N arrives).
 *
 * Issue 11's targets and what these tests assert (the numbers are printed for the README):
 * - 3,000 cells each making and dropping a 1e5-element array: RSS after cell 3,000 within 8 MB of
 *   cell 500 (asserted as the target says).
 * - 3,000 distinct cells without declarations (`i * 2 + 1`): the target is RSS <= 200 MB; the
 *   kernel's idle RSS is already above that before the first cell (the TypeScript language
 *   service and the startup snapshot's data), so what is asserted is that what each distinct cell
 *   leaves behind is bounded: RSS after cell 3,000 within 8 MB of cell 1,000 (a leak of 4 kB a
 *   cell would be 8 MB; before the bounds, cells kept ~75 kB each), and under 300 MB; once the
 *   kernel is quiet again, RSS within 32 MB of its idle RSS before the cells and at most 256 MB
 *   (the plateau reached; measured 2026-12-05, load 4-8: 218.6 -> 223.1 MB before the launcher asked
 *   malloc for transparent huge pages, 229.4 -> 242.3 MB after, and 215.1 -> 236.4 MB with the
 *   128 KB mmap threshold: freed memory inside huge pages stays resident; without huge pages the
 *   same cells leave +5 MB).
 */
import { afterEach, expect, it } from "vitest";
import { treeRssBytes } from "../../bench/kernel/rss.js";
import { startKernel, type RunningKernel } from "./support/kernel.js";

const MB = 1024 * 1024;
let k: RunningKernel | undefined;
afterEach(async () => {
  await k?.stop();
  k = undefined;
});

/**
 * RSS once the kernel has been quiet and has compacted its heap (kernel/idle-compaction.ts: QUIET_MS
 * 1 s after the last reply, then one compacting collection; the kernel logs it with STRIDED_LOG=1),
 * plus 1 s for V8 to unmap the pages. bench:kernel reads idle RSS 2 s after its last reply; a fixed
 * 2.5 s here can catch a compaction still running on a busy machine (suspected: CI read 33 MB above
 * the idle RSS before, 12-21 MB when the file ran alone, quiet or loaded).
 */
async function idleRss(kernel: RunningKernel, compactionsBefore: number): Promise<number> {
  const compactions = (): number => kernel.kp.output().split("idle: heap compacted").length - 1;
  for (let waited = 0; compactions() <= compactionsBefore; waited += 100) {
    if (waited > 30_000) throw new Error(`the kernel did not compact its heap within 30 s of going quiet:\n${kernel.kp.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));
  return treeRssBytes(kernel.kp.pid) / MB;
}

/**
 * The plateau reached (issue 11 asks <= 200 MB, not met: the startup snapshot's data, kept in memory by
 * Node, and its copy in the agent worker's heap are ~70 MB of it; README, Decisions, Kernel). RSS here
 * is the process tree's (transport and compute process) with each file's pages counted once
 * (bench/kernel/rss.ts: the node binary is mapped by both).
 */
const IDLE_AFTER_DISTINCT_MB = 272; // 256 for one process; + 16 for the transport process's own memory (its V8 heap, malloc, zeromq: 15-17 MB counted once, measured 2026-12-05)

/** Pipeline `n` cells; RSS (MB) of the kernel's process tree when the replies of the `at` cells arrive. */
async function pipelined(kernel: RunningKernel, n: number, code: (i: number) => string, at: number[]): Promise<Map<number, number>> {
  const rss = new Map<number, number>();
  const runs: Promise<void>[] = [];
  for (let i = 1; i <= n; i++) {
    runs.push(
      kernel.kc.execute(code(i), { timeout: 600_000 }).then((r) => {
        if (r.reply.content.status !== "ok") throw new Error(`cell ${i}: ${JSON.stringify(r.reply.content)}`);
        if (at.includes(i)) rss.set(i, treeRssBytes(kernel.kp.pid) / MB);
      }),
    );
  }
  await Promise.all(runs);
  return rss;
}

it("3,000 cells each making and dropping a 1e5-element array: RSS at cell 3,000 within 8 MB of cell 500", async () => {
  k = await startKernel();
  await k.kc.execute("1 + 1", { timeout: 120_000 });
  const start = treeRssBytes(k.kp.pid) / MB;
  const rss = await pipelined(k, 3000, () => "{ const t = np.arange(100000, { dtype: 'float64' }); t.sum() }", [500, 1000, 2000, 3000]);
  const [r500, r3000] = [rss.get(500) as number, rss.get(3000) as number];
  console.log(`RSS plateau, 1e5-element arrays: start ${start.toFixed(1)} MB, cell 500 ${r500.toFixed(1)}, 1000 ${rss.get(1000)?.toFixed(1)}, 2000 ${rss.get(2000)?.toFixed(1)}, 3000 ${r3000.toFixed(1)} MB`);
  expect(r3000 - r500).toBeLessThanOrEqual(8);
}, 300_000);

/** 3,000 distinct cells pipelined into a new kernel started with `env`: RSS (MB) idle before, at cells 500-3,000, idle after. */
async function distinctCells(env: Record<string, string>): Promise<{ idleBefore: number; r1000: number; r3000: number; idleAfter: number }> {
  k = await startKernel({ env: { STRIDED_LOG: "1", ...env } });
  await k.kc.execute("1 + 1", { timeout: 120_000 });
  const start = treeRssBytes(k.kp.pid) / MB;
  const idleBefore = await idleRss(k, 0);
  const rss = await pipelined(k, 3000, (i) => `${i} * 2 + 1`, [500, 1000, 2000, 3000]);
  const [r1000, r3000] = [rss.get(1000) as number, rss.get(3000) as number];
  const idleAfter = await idleRss(k, 1);
  console.log(`RSS over distinct cells${env.GLIBC_TUNABLES ? ` (${env.GLIBC_TUNABLES})` : ""}: start ${start.toFixed(1)} MB, idle ${idleBefore.toFixed(1)}, cell 500 ${rss.get(500)?.toFixed(1)}, 1000 ${r1000.toFixed(1)}, 2000 ${rss.get(2000)?.toFixed(1)}, 3000 ${r3000.toFixed(1)} MB, idle after ${idleAfter.toFixed(1)} MB (issue 11's target: <= 200 MB)`);
  return { idleBefore, r1000, r3000, idleAfter };
}

it("3,000 distinct cells without declarations, as the kernel runs: flat from cell 1,000 (within 8 MB), idle RSS after them bounded", async () => {
  const { r1000, r3000, idleAfter } = await distinctCells({});
  expect(r3000 - r1000).toBeLessThanOrEqual(8);
  expect(r3000).toBeLessThan(300);
  expect(idleAfter).toBeLessThanOrEqual(IDLE_AFTER_DISTINCT_MB);
}, 400_000);

/*
 * What the cells leave behind for good, apart from the allocator: glibc malloc asks for transparent
 * huge pages (bin/strided-kernel, for the blob's deserialisation), and memory freed inside a huge
 * page stays resident, so the idle RSS after the cells depends on whether the system had huge pages
 * to give (measured 2026-12-05 on one build: +33 MB idle after 3,000 distinct cells with them, +19
 * without; it ran either way from run to run). The kernel's own leftovers (programs, checkers,
 * source maps, history) are measured with malloc's huge pages off.
 */
it("3,000 distinct cells without declarations, malloc without huge pages: idle RSS after them within 32 MB of before", async () => {
  const { idleBefore, r1000, r3000, idleAfter } = await distinctCells({ GLIBC_TUNABLES: "glibc.malloc.hugetlb=0" });
  expect(r3000 - r1000).toBeLessThanOrEqual(8);
  expect(idleAfter - idleBefore).toBeLessThanOrEqual(32);
}, 400_000);
