/**
 * A long cell lets V8's young generation grow (kernel/heap.ts: the kernel keeps it at its
 * smallest while idle; the agent worker lets it grow once a cell has run GROW_AFTER_MS, reading
 * the main thread's running flag, thread-messages.ts RUNNING_SLOT). It shrinks back at the next
 * collections once idle (not asserted: V8 decides when).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { resultText, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
  const r = await k.kc.execute(
    'import v8 from "node:v8";\nconst newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!.space_size;\n' +
      "const churn = (ms: number) => { const keep: number[][] = []; const t0 = Date.now(); while (Date.now() - t0 < ms) { keep.push(new Array(64).fill(1)); if (keep.length > 40000) keep.splice(0, 20000); } return keep.length; };",
    { timeout: 120_000 },
  );
  expect(r.reply.content.status).toBe("ok");
});
afterAll(async () => {
  await k?.stop();
});

it("grows during a cell that runs for a while with surviving allocations", async () => {
  // The agent starts after the first cells; a cell after it is up.
  await new Promise((r) => setTimeout(r, 1500));
  const r = await k.kc.execute("const small = newSpace(); churn(1500); const grown = newSpace(); [small, grown]", { timeout: 60_000 });
  const [small, grown] = JSON.parse(resultText(r.iopub) ?? "[]") as number[];
  console.log(`new space: ${small / 2 ** 20} MB at the cell's start, ${grown / 2 ** 20} MB after 1.5 s of churn`);
  expect(grown).toBeGreaterThan(2 * small);
});
