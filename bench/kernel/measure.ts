/**
 * One harness for every kernel: our client (kernel/client) over ZeroMQ, the same requests, the
 * same clock. A round trip is execute_request sent → execute_reply received AND iopub idle seen
 * (what a front end waits for before it shows the cell as done).
 */
import { KernelClient, launchKernel, type KernelProcess } from "../../kernel/client/index.js";
import type { KernelUnderTest } from "./kernels.js";
import { treeRssBytes } from "./rss.js";
import { twoClientPipeline, type TwoClientResult } from "./two-clients.js";
import { median, percentile } from "./stats.js";

export interface Params {
  starts: number;
  warmup: number;
  roundTrips: number;
  declarations: number;
  typedCells: number;
  idleMs: number;
  /** Executes two clients pipeline into a fresh kernel (issue 11), and how long each kernel gets for them. */
  twoClientExecutes?: number;
  twoClientDeadlineMs?: number;
}

export interface KernelResult {
  name: string;
  /** Spawn → first kernel_info_reply, one value per start. */
  startupMs: number[];
  startupMedianMs: number;
  /** Spawn → first `1 + 1` settled (includes loading whatever the kernel loads lazily). */
  firstResultMedianMs: number;
  /** A restart as jupyter_client does it (shutdown_request with restart, the process ends, the same argv again) → first `1 + 1` settled. */
  restartResultMedianMs: number;
  roundTripP50Ms: number;
  roundTripP99Ms: number;
  typedAfterDeclarationsP50Ms: number;
  idleRssMB: number;
  /** Cells whose iopub idle status never arrived (left out of the percentiles). */
  idleLost?: number;
  /** Two clients pipelining executes with distinct texts (bench/kernel/two-clients.ts). */
  twoClients?: TwoClientResult;
  error?: string;
}

const now = (): number => performance.now();

async function start(k: KernelUnderTest, cwd: string): Promise<{ kp: KernelProcess; kc: KernelClient; t0: number; firstReply: number }> {
  const t0 = now();
  const kp = await launchKernel({ argv: k.argv, env: k.env, cwd });
  const kc = await KernelClient.connect(kp.connection);
  const died = kp.exited.then((s) => { throw new Error(`${k.name} exited (code ${s.code}) during start:\n${kp.output().slice(-2000)}`); });
  // Sent at once: ZeroMQ queues it until the kernel binds, so this times the kernel, not a poll interval.
  await Promise.race([kc.kernelInfo(120_000), died]);
  const firstReply = now() - t0;
  await Promise.race([kc.waitForReady(60_000), died]);
  return { kp, kc, t0, firstReply };
}

async function stop(kp: KernelProcess, kc: KernelClient): Promise<void> {
  if (kp.exitStatus() === null) {
    await kc.shutdown(false, 5000).catch(() => undefined);
    await Promise.race([kp.exited, new Promise((r) => setTimeout(r, 3000))]);
  }
  kc.close();
  await kp.kill();
}

/** Cells whose iopub idle never came (tslab loses some under load); timed to the reply instead. */
let idleLost = 0;

async function timedExecute(kc: KernelClient, code: string): Promise<number> {
  const t = now();
  const { reply, idleSeen } = await kc.execute(code, { timeout: 60_000, idleGrace: 5000 });
  const ms = idleSeen ? now() - t : reply.content.status === "ok" ? Number.NaN : 0;
  if (!idleSeen) idleLost++;
  if (reply.content.status !== "ok") throw new Error(`cell failed: ${JSON.stringify(code)} -> ${reply.content.status} ${reply.content.ename ?? ""}: ${reply.content.evalue ?? ""}`);
  return ms;
}

/** Drop the NaN of cells timed without their idle. */
const timed = (xs: number[]): number[] => xs.filter((x) => Number.isFinite(x));

/** Every measurement for one kernel; failures are recorded, not thrown. */
export async function measureKernel(k: KernelUnderTest, p: Params, cwd: string, log: (s: string) => void): Promise<KernelResult> {
  idleLost = 0;
  let lastOutput: (() => string) | null = null;
  const r: KernelResult = {
    name: k.name, startupMs: [], startupMedianMs: NaN, firstResultMedianMs: NaN, restartResultMedianMs: NaN,
    roundTripP50Ms: NaN, roundTripP99Ms: NaN, typedAfterDeclarationsP50Ms: NaN, idleRssMB: NaN,
  };
  try {
    const firstResults: number[] = [];
    const restartResults: number[] = [];
    for (let i = 0; i < p.starts; i++) {
      const s = await start(k, cwd);
      lastOutput = s.kp.output;
      r.startupMs.push(s.firstReply);
      let restarted: Awaited<ReturnType<typeof start>> | null = null;
      try {
        await timedExecute(s.kc, k.onePlusOne);
        firstResults.push(now() - s.t0);
        // Restart as jupyter_client does: shutdown_request with restart=true, wait for the process to end, launch again.
        const t = now();
        await s.kc.shutdown(true, 10_000).catch(() => undefined);
        await Promise.race([s.kp.exited, new Promise((res) => setTimeout(res, 10_000))]);
        restarted = await start(k, cwd);
        lastOutput = restarted.kp.output;
        await timedExecute(restarted.kc, k.onePlusOne);
        restartResults.push(now() - t);
      } finally {
        await stop(s.kp, s.kc);
        if (restarted) await stop(restarted.kp, restarted.kc);
      }
      log(`  ${k.name} start ${i + 1}/${p.starts}: first kernel_info_reply ${s.firstReply.toFixed(0)} ms, first result ${firstResults.at(-1)?.toFixed(0)} ms, after a restart ${restartResults.at(-1)?.toFixed(0)} ms`);
    }
    r.startupMedianMs = median(r.startupMs);
    r.firstResultMedianMs = median(firstResults);
    r.restartResultMedianMs = median(restartResults);

    const s = await start(k, cwd);
    lastOutput = s.kp.output;
    try {
      for (let i = 0; i < p.warmup; i++) await timedExecute(s.kc, k.onePlusOne);
      const trips: number[] = [];
      for (let i = 0; i < p.roundTrips; i++) trips.push(await timedExecute(s.kc, k.onePlusOne));
      r.roundTripP50Ms = percentile(timed(trips), 50);
      r.roundTripP99Ms = percentile(timed(trips), 99);
      log(`  ${k.name} 1 + 1: p50 ${r.roundTripP50Ms.toFixed(2)} ms, p99 ${r.roundTripP99Ms.toFixed(2)} ms over ${p.roundTrips}`);

      for (let i = 0; i < p.declarations; i++) await timedExecute(s.kc, k.declare(i));
      const typed: number[] = [];
      for (let j = 0; j < p.typedCells; j++) typed.push(await timedExecute(s.kc, k.typedCell(j)));
      r.typedAfterDeclarationsP50Ms = percentile(timed(typed), 50);
      log(`  ${k.name} typed cell after ${p.declarations} declarations: p50 ${r.typedAfterDeclarationsP50Ms.toFixed(2)} ms`);

      await new Promise((res) => setTimeout(res, p.idleMs));
      r.idleRssMB = treeRssBytes(s.kp.pid) / (1024 * 1024);
      log(`  ${k.name} idle RSS ${r.idleRssMB.toFixed(1)} MB`);
      r.idleLost = idleLost;
      if (idleLost) log(`  ${k.name} lost the iopub idle of ${idleLost} cells (left out of the percentiles)`);
    } finally {
      await stop(s.kp, s.kc);
    }
    if (p.twoClientExecutes) {
      const t = await start(k, cwd);
      lastOutput = t.kp.output;
      try {
        await timedExecute(t.kc, k.onePlusOne);
        const two = await twoClientPipeline(t.kp.connection, t.kp.pid, p.twoClientExecutes, p.twoClientDeadlineMs ?? 600_000);
        r.twoClients = two;
        log(`  ${k.name} two clients, ${two.sent} executes: ${two.ok} ok, ${two.failed} failed, in order ${two.inOrder}, counts increasing ${two.countsIncrease}, ${two.seconds.toFixed(1)} s, ${two.executesPerSecond.toFixed(0)} executes/s, RSS ${two.rssBeforeMB.toFixed(1)} -> ${two.rssAfterMB.toFixed(1)} MB${two.timedOut ? `; ${two.timedOut}` : ""}`);
      } finally {
        await stop(t.kp, t.kc);
      }
    }
  } catch (e) {
    r.idleLost = idleLost;
    r.error = (e as Error).message.split("\n").slice(0, 6).join("\n");
    if (lastOutput) r.error += `\nkernel output: ${lastOutput().trim().split("\n").slice(-5).join(" | ")}`;
    log(`  ${k.name} FAILED: ${r.error}`);
  }
  return r;
}
