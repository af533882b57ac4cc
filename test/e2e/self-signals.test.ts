/**
 * A cell that signals its own process (kernel/session/run/self-signals.ts): Node's kill binding
 * ran the process's at-exit hooks first, whose inspector hook destroyed the main context, and
 * every later cell failed ("Inspector error -32000: Cannot find context with specified id").
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { resultText, startKernel, streamText, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
  await k.kc.execute("const kept = 41;", { timeout: 120_000 });
});
afterAll(async () => {
  await k?.stop();
});

it("process.kill(process.pid, 'SIGINT') interrupts the cell there, as Python's os.kill does; the kernel keeps working", async () => {
  const { reply, iopub } = await k.kc.execute('console.log("before"); process.kill(process.pid, "SIGINT"); console.log("after"); kept', { timeout: 20_000 });
  expect(reply.content.status).toBe("error");
  expect(reply.content.ename).toBe("KeyboardInterrupt");
  expect(streamText(iopub, "stdout")).toBe("before\n");
  for (let i = 1; i <= 3; i++) {
    const next = await k.kc.execute(`kept + ${i}`, { timeout: 20_000 });
    expect(next.reply.content.status).toBe("ok");
    expect(resultText(next.iopub)).toBe(String(41 + i));
  }
});

it.each([["SIGWINCH"], ["SIGCHLD"], ["SIGURG"], [2]])("process.kill(process.pid, %j) leaves every later cell working", async (signal) => {
  const cell = `process.kill(process.pid, ${JSON.stringify(signal)}); ${signal === 2 ? "while (true) {}" : "kept"}`;
  const { reply, iopub } = await k.kc.execute(cell, { timeout: 20_000 });
  if (signal === 2) expect(reply.content.ename).toBe("KeyboardInterrupt");
  else expect(resultText(iopub)).toBe("41");
  const next = await k.kc.execute("kept * 2", { timeout: 20_000 });
  expect(resultText(next.iopub)).toBe("82");
  expect(k.kp.exitStatus()).toBeNull();
});

it("from a timer between cells, and with process.kill's errors as Node gives them", async () => {
  const timer = await k.kc.execute("setTimeout(() => process.kill(process.pid, 'SIGINT'), 20); await new Promise((r) => setTimeout(r, 2000)); 'not interrupted'", { timeout: 20_000 });
  expect(timer.reply.content.ename).toBe("KeyboardInterrupt");
  const missing = await k.kc.execute("process.kill(2 ** 22 + 12345, 'SIGINT')", { timeout: 20_000 });
  expect(missing.reply.content.evalue).toMatch(/ESRCH/);
  const probe = await k.kc.execute("process.kill(process.pid, 0)", { timeout: 20_000 });
  expect(resultText(probe.iopub)).toBe("true");
  expect(resultText((await k.kc.execute("kept", { timeout: 20_000 })).iopub)).toBe("41");
});
