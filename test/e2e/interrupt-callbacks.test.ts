/**
 * Interrupting code that runs outside the cell's own stack: a timer callback, a setInterval, a
 * process.nextTick loop, a microtask loop, an I/O callback. Such code never returns to the event
 * loop, so the kernel's main thread cannot read the interrupt; the agent worker pauses it and
 * terminates the notebook's code (kernel/transport/terminator.ts). Each case checks: the process
 * lives, every variable is kept, the interrupt is reported (KeyboardInterrupt to the running cell,
 * or a stderr stream on the cell whose callback was stopped), and the next cell works.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { lateStderr, sleep, type RunningKernel } from "./support/kernel.js";
import { useLoggedKernel } from "./support/kept-kernel.js";

const kit = useLoggedKernel();
let k: RunningKernel;
beforeAll(() => {
  k = kit.kernel();
});
const expectAlive = kit.expectAlive;


describe("a cell still running", () => {
  it.each([
    ["interrupt_request", () => k.kc.interrupt(5000)],
    ["SIGINT", async () => k.kp.signal("SIGINT")],
  ] as const)("a timer callback spinning while the cell awaits it, by %s: KeyboardInterrupt, state kept", async (_how, interrupt) => {
    const t0 = Date.now();
    const run = k.kc.execute("await new Promise<void>(r => setTimeout(() => { while (true) {} }, 10))", { timeout: 30_000 });
    await sleep(700);
    await interrupt();
    const { reply } = await run;
    expect(reply.content.status).toBe("error");
    expect(reply.content.ename).toBe("KeyboardInterrupt");
    expect(reply.content.evalue).toMatch(/stopped a timer callback/);
    expect(Date.now() - t0).toBeLessThan(15_000);
    await expectAlive();
  });
});

describe("no cell running (the cell that started the code has ended)", () => {
  const cases: [string, string][] = [
    ["a timer callback", "setTimeout(() => { while (true) {} }, 50); 1"],
    ["a setInterval callback", "setInterval(() => { kept += 0; while (true) {} }, 50); 1"],
    ["a process.nextTick loop", "setTimeout(() => { const f = () => process.nextTick(f); f(); }, 50); 1"],
    ["a microtask loop", "setTimeout(() => { const g = () => queueMicrotask(g); g(); }, 50); 1"],
    ["a promise loop", "setTimeout(async () => { for (;;) await null; }, 50); 1"],
    ["an I/O callback", 'const { readFile } = await import("node:fs"); setTimeout(() => readFile("/etc/hostname", () => { while (true) {} }), 50); 1'],
  ];
  it.each(cases)("%s spinning: stopped, reported to its cell, the kernel answers again", async (_what, code) => {
    const run = await k.kc.execute(code, { timeout: 20_000 });
    expect(run.reply.content.status).toBe("ok");
    const late = lateStderr(k.kc, run.reply.parent_header.msg_id as string);
    try {
      await sleep(400); // the callback spins by now
      const r = await k.kc.interrupt(5000);
      expect(r.content.status).toBe("ok");
      await expectAlive();
      expect(late.text()).toMatch(/^KeyboardInterrupt: stopped .*\(cell \[\d+\]\); every variable is kept\n$/);
      // It does not come back (an interval is not rescheduled, a tick loop is not resumed).
      await sleep(300);
      await expectAlive();
    } finally {
      late.stop();
    }
  });
});
