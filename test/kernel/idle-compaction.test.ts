/**
 * kernel/idle-compaction.ts: a compacting collection gives back old-space pages that an ordinary
 * one keeps, and the kernel runs it once per quiet period after work. Measured on this process's
 * V8 heap (vitest runs each file in a fork).
 */
import v8 from "node:v8";
import { expect, it } from "vitest";
import { compactHeap, IdleCompaction } from "../../kernel/idle-compaction.js";

const oldSpaceMb = (): number => (v8.getHeapSpaceStatistics().find((s) => s.space_name === "old_space")?.space_size ?? 0) / 2 ** 20;

it("compacting gives back the pages that garbage spread over (one survivor in every page kept them)", () => {
  // Objects old enough to be promoted, one in every ~100 kept: after a plain full collection the
  // pages stay committed for the survivors; compaction moves the survivors together.
  let all: { i: number; s: string }[][] = [];
  for (let j = 0; j < 40; j++) {
    const a: { i: number; s: string }[] = [];
    for (let i = 0; i < 20_000; i++) a.push({ i, s: `x${i}-${j}` });
    all.push(a);
  }
  compactHeap(); // promote everything
  const kept = all.map((a) => a.filter((_, i) => i % 100 === 0));
  all = [];
  const withGarbage = oldSpaceMb();
  const ms = compactHeap();
  expect(ms).not.toBeNull();
  const after = oldSpaceMb();
  expect(kept.length).toBe(40);
  expect(after).toBeLessThan(withGarbage - 20);
});

it("runs once per quiet period, only after an execute, and a request in between postpones it", async () => {
  const lines: string[] = [];
  const idle = new IdleCompaction((l) => lines.push(l), 50);
  idle.quiet(); // no work yet: nothing scheduled
  await new Promise((r) => setTimeout(r, 120));
  expect(lines).toEqual([]);
  idle.busy(false); // a request that runs no cell (kernel_info): still nothing
  idle.quiet();
  await new Promise((r) => setTimeout(r, 120));
  expect(lines).toEqual([]);
  idle.busy();
  idle.quiet();
  await new Promise((r) => setTimeout(r, 20));
  idle.busy(); // a request within the quiet period
  await new Promise((r) => setTimeout(r, 80));
  expect(lines).toEqual([]);
  idle.quiet();
  await new Promise((r) => setTimeout(r, 120));
  expect(lines.length).toBe(2);
  expect(lines[0]).toBe("idle: compacting the heap");
  expect(lines[1]).toMatch(/^idle: heap compacted in \d+ ms$/);
  idle.quiet(); // quiet again without work: not again
  await new Promise((r) => setTimeout(r, 120));
  expect(lines.length).toBe(2);
});

it("tells the kernel just before and just after the collection (the transport hears of it: a shutdown then need not wait)", async () => {
  const events: string[] = [];
  const idle = new IdleCompaction((l) => events.push(l.startsWith("idle: heap compacted") ? "compacted" : l), 20, {
    before: () => events.push("before"),
    after: () => events.push("after"),
  });
  idle.busy();
  idle.quiet();
  await new Promise((r) => setTimeout(r, 100));
  expect(events).toEqual(["before", "idle: compacting the heap", "after", "compacted"]);
});
