/**
 * Interrupting loops over `timers/promises` (`for await (const _ of setInterval(10))`,
 * `while (true) { await sleep(0); ... }`, scheduler.wait / scheduler.yield), started without
 * awaiting or awaited by the running cell: Node makes those timers inside its own module, so the
 * interrupt's cancellation of the globals' timers did not reach them and the loops ran on for good
 * (kernel/session/run/timer-promises.ts). Each case checks: the loop stops for good, the cell that
 * started it is told on its stderr (the running cell in its KeyboardInterrupt), every variable is
 * kept, the kernel answers, and the notebook's own AbortSignal still works as Node's.
 */
import { expect, it } from "vitest";
import { resultText, sleep, streamText } from "./support/kernel.js";
import { useKeptKernel } from "./support/kept-kernel.js";

const kernel = useKeptKernel();
const { value, expectAlive, expectStill } = kernel;

const cases: [string, string, string, RegExp][] = [
  [
    "a for-await loop over timers/promises' setInterval, with work in it",
    'import { setInterval as every } from "timers/promises"; let n1 = 0; (async () => { for await (const _ of every(10)) { n1++; let s = 0; for (let i = 0; i < 1e5; i++) s += i; } })(); 0',
    "[n1]",
    /cancelled 1 pending timers\/promises setInterval callback/,
  ],
  [
    "a while loop awaiting node:timers/promises' setTimeout(0)",
    'import { setTimeout as sleep0 } from "node:timers/promises"; let n2 = 0; (async () => { while (true) { await sleep0(0); n2++; } })(); 0',
    "[n2]",
    /cancelled 1 pending timers\/promises setTimeout callback/,
  ],
  [
    "loops over scheduler.yield and scheduler.wait, and one over setImmediate",
    'import { scheduler, setImmediate as imm } from "timers/promises"; let n3 = 0, n4 = 0, n5 = 0; (async () => { for (;;) { await scheduler.yield(); n3++; } })(); (async () => { for (;;) { await scheduler.wait(2); n4++; } })(); (async () => { for (;;) { await imm(); n5++; } })(); 0',
    "[n3, n4, n5]",
    /cancelled 3 pending callbacks \(1 timers\/promises setImmediate, 1 scheduler\.wait, 1 scheduler\.yield\)/,
  ],
];

it.each(cases)("%s: an interrupt with no cell running stops it for good, tells its cell, keeps every variable", (_what, code, counters, said) =>
  kernel.expectInterruptStopsLoop(code, counters, said),
);

it("a running cell looping over setInterval: KeyboardInterrupt names it, the loop never resumes, its finally does not run", async () => {
  const waiting = kernel.k.kc.execute(
    'import { setInterval as tick } from "timers/promises"; let n6 = 0, cleaned = false; try { for await (const _ of tick(10)) { n6++; } } finally { cleaned = true; } 1',
    { timeout: 30_000 },
  );
  await sleep(500);
  await kernel.k.kc.interrupt(5000);
  const { reply, iopub } = await waiting;
  expect(reply.content.status).toBe("error");
  expect(reply.content.ename).toBe("KeyboardInterrupt");
  expect(reply.content.evalue).toBe("the cell was interrupted; cancelled 1 pending timers/promises setInterval callback; every variable is kept");
  expect(streamText(iopub, "stderr")).toBe("");
  expect(Number(await value("n6"))).toBeGreaterThan(0);
  await expectStill("[n6]");
  expect(await value("cleaned")).toBe("false");
  await expectAlive();
});

it("after an interrupt timers/promises work as usual, and the notebook's own AbortSignal rejects as Node's does", async () => {
  await kernel.k.kc.interrupt(5000);
  const r = await kernel.k.kc.execute(
    'import { setTimeout as later, setInterval as every2 } from "timers/promises"; const got: unknown[] = [await later(5, "v")]; for await (const x of every2(5, "i")) { got.push(x); if (got.length === 3) break; } const ac = new AbortController(); const p = later(10_000, 0, { signal: ac.signal }); ac.abort("mine"); got.push(await p.catch((e: any) => `${e.name} ${e.cause}`)); got',
    { timeout: 30_000 },
  );
  expect(r.reply.content.status).toBe("ok");
  expect(resultText(r.iopub)).toBe("[ 'v', 'i', 'i', 'AbortError mine' ]");
  await expectAlive();
});
