/**
 * kernel/heap.ts: the young generation stays small while the kernel works and may grow
 * while a cell's code runs. Measured on this process's V8 heap (vitest runs each file in a fork).
 */
import v8 from "node:v8";
import { afterAll, expect, it } from "vitest";
import { youngGenerationGrows } from "../../kernel/heap.js";

const newSpaceMb = (): number => (v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_size ?? 0) / 1e6;

/** Allocation with survivors (what makes V8 grow the semi-spaces). */
function churn(): unknown[] {
  const keep: unknown[] = [];
  for (let j = 0; j < 20; j++) {
    const a: { i: number; s: string }[] = [];
    for (let i = 0; i < 200_000; i++) a.push({ i, s: `x${i}` });
    keep.push(a.slice(0, 1000));
  }
  return keep;
}

afterAll(() => youngGenerationGrows(true));

// In this order: the test runner's own loading may have grown the new space a little already.
it.each([
  [false, "does not grow", (before: number, after: number) => expect(after).toBeLessThanOrEqual(before)],
  [true, "grows", (before: number, after: number) => expect(after).toBeGreaterThan(before)],
])("with growth %s the new space %s under churn", (grows, _what, check) => {
  youngGenerationGrows(grows);
  const before = newSpaceMb();
  churn();
  check(before, newSpaceMb());
});
