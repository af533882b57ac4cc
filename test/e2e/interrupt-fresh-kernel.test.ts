/**
 * Interrupts in a kernel's first seconds, before its agent worker is up (kernel/main.ts starts it
 * when the kernel is first idle, or when a cell's code starts running, whichever comes first; its
 * isolate takes 0.3 s to seconds to boot). Code spinning in a timer callback keeps the main thread
 * from ever reading a message or firing a timer, so:
 * - the agent must already be booting when the cell's code runs (it was started only by a main-
 *   thread timer or the dispatcher going idle: never, while the first cell spun -> hung for good);
 * - the agent polls the SIGINT watchdog from its first moment (it waited for the main thread to
 *   hand the polling over: never, while it spun);
 * - a SIGINT that came while the cell was being checked is taken before the cell runs (the cell's
 *   own breakOnSigint call cleared the recorded signal: the interrupt was lost).
 * Each case: a fresh kernel, the interrupt lands, KeyboardInterrupt, state kept, the next cell works.
 */
import { afterEach, expect, it } from "vitest";
import { resultText, sleep, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel | undefined;
afterEach(async () => {
  if (k && process.env.STRIDED_LOG === "1") console.log(k.kp.output());
  await k?.stop();
  k = undefined;
});

const SPIN_IN_TIMER = "await new Promise<void>((r) => setTimeout(() => { while (true) {} }, 10)); 'never'";
/** Says "armed" on stdout once its synchronous part ran; its timer callback spins 300 ms later. */
const ARMED_THEN_SPIN = "console.log('armed'); await new Promise<void>((r) => setTimeout(() => { while (true) {} }, 300)); 'never'";

/** Resolves when a stdout stream saying `text` arrives. */
function streamed(kk: RunningKernel, text: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = kk.kc.onIopub((m) => {
      const c = m.content as { name?: string; text?: string };
      if (m.header.msg_type === "stream" && c.name === "stdout" && (c.text ?? "").includes(text)) {
        stop();
        resolve();
      }
    });
  });
}

/** Resolves when the execute_input of `code` arrives (the kernel's main thread has started that request). */
function executeInput(kk: RunningKernel, code: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = kk.kc.onIopub((m) => {
      if (m.header.msg_type === "execute_input" && (m.content as { code?: string }).code === code) {
        stop();
        resolve();
      }
    });
  });
}

async function expectInterrupted(run: ReturnType<RunningKernel["kc"]["execute"]>, t0: number): Promise<void> {
  const { reply } = await run;
  expect(reply.content.status).toBe("error");
  expect(reply.content.ename).toBe("KeyboardInterrupt");
  expect(Date.now() - t0).toBeLessThan(20_000);
}

it.each([
  ["interrupt_request", (kk: RunningKernel) => kk.kc.interrupt(5000).then(() => undefined)],
  ["SIGINT", async (kk: RunningKernel) => kk.kp.signal("SIGINT")],
] as const)("the first cell spinning in a timer callback, by %s", async (_how, interrupt) => {
  k = await startKernel({ env: { STRIDED_LOG: "1" } });
  const armed = streamed(k, "armed");
  const run = k.kc.execute(ARMED_THEN_SPIN, { timeout: 30_000 });
  await armed;
  await sleep(600); // spinning in its timer callback (the agent may still be booting: it started with the cell)
  const t0 = Date.now();
  await interrupt(k);
  await expectInterrupted(run, t0);
  const after = await k.kc.execute("1 + 1", { timeout: 20_000 });
  expect(resultText(after.iopub)).toBe("2");
}, 60_000);

it("an interrupt while the second cell is checked, the agent not up yet: the cell never runs its callback", async () => {
  k = await startKernel({ env: { STRIDED_LOG: "1" } });
  const decl = await k.kc.execute("let kept = 41;", { timeout: 30_000 });
  expect(decl.reply.content.status).toBe("ok");
  const t0 = Date.now();
  const read = executeInput(k, SPIN_IN_TIMER);
  const run = k.kc.execute(SPIN_IN_TIMER, { timeout: 30_000 });
  // Once the kernel has read it (its execute_input: the checker's turn follows at once), so that the
  // interrupt cannot be read first (shell and control are two sockets: the transport may read
  // them in either order, and an interrupt before the request is an idle one, as ipykernel's).
  await read; // in its check now (or, on a fast machine, spinning already: either must end in KeyboardInterrupt)
  await k.kc.interrupt(5000);
  await expectInterrupted(run, t0);
  const after = await k.kc.execute("kept + 1", { timeout: 20_000 });
  expect(resultText(after.iopub)).toBe("42");
}, 60_000);
