/** Many requests in flight: nothing lost, nothing reordered. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ofType, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
});
afterAll(async () => {
  await k?.stop();
});

it("1,000 queued executes: 1,000 replies, 1,000 results, consecutive counts, in order", async () => {
  const init = await k.kc.execute("let counter = 0;");
  expect(init.reply.content.status).toBe("ok");
  const N = 1000;
  const runs = await Promise.all(Array.from({ length: N }, () => k.kc.execute("++counter", { timeout: 120_000 })));
  expect(runs.filter((r) => r.reply.content.status === "ok")).toHaveLength(N);
  const results = runs.map((r) => ofType<{ data: Record<string, unknown>; execution_count: number }>(r.iopub, "execute_result"));
  expect(results.filter((r) => r.length === 1)).toHaveLength(N);
  expect(results.map((r) => Number(r[0].content.data["text/plain"]))).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  const counts = runs.map((r) => r.reply.content.execution_count as number);
  const first = counts[0];
  expect(counts).toEqual(Array.from({ length: N }, (_, i) => first + i));
  expect(results.map((r) => r[0].content.execution_count)).toEqual(counts);
}, 180_000);
