/**
 * Interrupting notebook callbacks that re-arm themselves: a setImmediate flood, a setTimeout(0)
 * chain, an interval, an async loop over immediates. Each returns to the event loop between turns,
 * so the kernel reads the interrupt at once (nothing spins for the forced interrupt to
 * terminate); the interrupt cancels what is waiting to run (kernel/session/run/timers.ts). Each
 * case checks: the loop stops for good, the cell that scheduled it is told on its stderr, every
 * variable is kept, the kernel answers.
 */
import { expect, it } from "vitest";
import { lateStderr, resultText, sleep, streamText } from "./support/kernel.js";
import { useKeptKernel } from "./support/kept-kernel.js";

const kernel = useKeptKernel();
const { value, expectAlive, expectStill } = kernel;

const cases: [string, string, string, RegExp][] = [
  ["a bare setImmediate flood", "let ticks1 = 0; const f1 = () => { ticks1++; setImmediate(f1); }; f1(); 0", "[ticks1]", /cancelled 1 pending setImmediate callback/],
  [
    "a setImmediate flood with work in it",
    "let ticks2 = 0; const f2 = () => { ticks2++; let s = 0; for (let i = 0; i < 2e5; i++) s += i; setImmediate(f2); }; f2(); 0",
    "[ticks2]",
    /cancelled 1 pending setImmediate callback/,
  ],
  [
    "a setTimeout(0) chain, an interval and an async loop over immediates",
    "let a3 = 0, b3 = 0, c3 = 0; const g3 = () => { a3++; setTimeout(g3, 0); }; g3(); setInterval(() => { b3++; }, 5); (async () => { for (;;) { c3++; await new Promise((r) => setImmediate(r)); } })(); 0",
    "[a3, b3, c3]",
    /cancelled 3 pending callbacks \(1 setTimeout, 1 setImmediate, 1 setInterval\)/,
  ],
  [
    "a flood through node:timers' setImmediate",
    'import { setImmediate as later } from "node:timers"; let ticks4 = 0; const f4 = () => { ticks4++; later(f4); }; f4(); 0',
    "[ticks4]",
    /cancelled 1 pending setImmediate callback/,
  ],
];

it.each(cases)("%s: an interrupt with no cell running stops it for good, tells its cell, keeps every variable", (_what, code, counters, said) =>
  kernel.expectInterruptStopsLoop(code, counters, said),
);

it("SIGINT stops a flood the same way", async () => {
  const run = await kernel.k.kc.execute("let ticks5 = 0; const f5 = () => { ticks5++; setImmediate(f5); }; f5(); 0", { timeout: 30_000 });
  const late = lateStderr(kernel.k.kc, run.reply.parent_header.msg_id as string);
  try {
    await sleep(200);
    kernel.k.kp.signal("SIGINT");
    await sleep(500);
    await expectAlive();
    expect(late.text()).toMatch(/^KeyboardInterrupt: cancelled 1 pending setImmediate callback \(cell \[\d+\]\); every variable is kept\n$/);
    await expectStill("[ticks5]");
  } finally {
    late.stop();
  }
});

it("a running cell awaiting a timer: KeyboardInterrupt names what was cancelled; its rest never runs; an older cell's interval is told apart", async () => {
  const older = await kernel.k.kc.execute("let beats = 0; setInterval(() => { beats++; }, 5); 0", { timeout: 30_000 });
  const late = lateStderr(kernel.k.kc, older.reply.parent_header.msg_id as string);
  try {
    const waiting = kernel.k.kc.execute("let resumed = false; await new Promise((r) => setTimeout(r, 1500)); resumed = true; 1", { timeout: 30_000 });
    await sleep(500);
    await kernel.k.kc.interrupt(5000);
    const { reply, iopub } = await waiting;
    expect(reply.content.status).toBe("error");
    expect(reply.content.ename).toBe("KeyboardInterrupt");
    expect(reply.content.evalue).toBe("the cell was interrupted; cancelled 1 pending setTimeout callback; every variable is kept");
    expect(streamText(iopub, "stderr")).toBe("");
    expect(late.text()).toMatch(/^KeyboardInterrupt: cancelled 1 pending setInterval callback \(cell \[\d+\]\); every variable is kept\n$/);
    await sleep(1500); // past the cancelled timer's time: the interrupted cell did not resume
    expect(await value("resumed")).toBe("false");
    await expectStill("[beats]");
    await expectAlive();
  } finally {
    late.stop();
  }
});

it("timers set after an interrupt run as usual; clearTimeout still works on the handles cells get", async () => {
  await kernel.k.kc.interrupt(5000);
  const r = await kernel.k.kc.execute(
    'let order: string[] = []; const t = setTimeout(() => order.push("cleared"), 10); clearTimeout(t); setTimeout(() => order.push("timeout"), 5); setImmediate(() => order.push("immediate")); await new Promise((r) => setTimeout(r, 60)); order',
    { timeout: 30_000 },
  );
  expect(resultText(r.iopub)).toBe("[ 'immediate', 'timeout' ]");
  await expectAlive();
});
