/**
 * Two clients pipelining into one kernel (issue 11): 2 × 1,000 executes with distinct texts, all
 * sent at once by each client. Every reply arrives with status ok, each client's settle in the
 * order it sent them with increasing execution counts, and RSS stays bounded. The benchmark runs
 * the same code (bench/kernel/two-clients.ts) with 10,000 executes beside tslab and ipykernel.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { twoClientPipeline } from "../../bench/kernel/two-clients.js";
import { startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
  await k.kc.execute("1 + 1", { timeout: 120_000 });
  // Settled before RSS is read: the agent worker starts once the compiler is warm, while the first
  // cell runs (README, How it is built); its memory is the start-up's, not the executes'.
  await new Promise((r) => setTimeout(r, 2500));
});
afterAll(async () => {
  await k?.stop();
});

it("2 × 1,000 pipelined executes from two clients: every reply, in order per client, counts increasing, RSS bounded", async () => {
  const r = await twoClientPipeline(k.kp.connection, k.kp.pid, 2000, 240_000);
  console.log(`two clients, 2 × 1,000 executes: ${r.seconds.toFixed(1)} s, ${r.executesPerSecond.toFixed(0)} executes/s, RSS ${r.rssBeforeMB.toFixed(1)} -> ${r.rssAfterMB.toFixed(1)} MB`);
  expect(r.timedOut).toBeUndefined();
  expect(r.failures).toEqual([]);
  expect(r.ok).toBe(2000);
  expect(r.inOrder).toBe(true);
  expect(r.countsIncrease).toBe(true);
  // Distinct cells leave bounded state (test/e2e/memory.test.ts): ~20 MB over the first 1,000.
  expect(r.rssAfterMB - r.rssBeforeMB).toBeLessThan(64);
  // The kernel still answers its first client afterwards.
  const after = await k.kc.execute("40 + 2", { timeout: 60_000 });
  expect(after.reply.content.status).toBe("ok");
}, 300_000);
