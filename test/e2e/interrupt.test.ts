/**
 * Interrupting a running cell both ways API.md promises (interrupt_request on control, SIGINT to
 * the process), and the state surviving it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultText, sleep, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
});
afterAll(async () => {
  await k?.stop();
});

const ways: { name: string; interrupt: () => Promise<unknown> }[] = [
  {
    name: "interrupt_request on control",
    interrupt: async () => {
      const r = await k.kc.interrupt(5000);
      expect(r.header.msg_type).toBe("interrupt_reply");
      expect(r.content.status).toBe("ok");
    },
  },
  { name: "SIGINT to the process", interrupt: async () => k.kp.signal("SIGINT") },
];

describe.each(ways)("interrupt by $name", ({ name, interrupt }) => {
  it("stops `while (true) {}` and keeps the variables declared before", async () => {
    const tag = name.startsWith("SIGINT") ? "bySignal" : "byMessage";
    const decl = await k.kc.execute(`const kept_${tag} = 41;`);
    expect(decl.reply.content.status).toBe("ok");
    const t0 = Date.now();
    const spin = k.kc.execute("while (true) {}", { timeout: 30_000 });
    await sleep(700);
    await interrupt();
    const { reply } = await spin;
    expect(reply.content.status).toBe("error");
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(k.kp.exitStatus()).toBeNull();
    const after = await k.kc.execute(`kept_${tag} + 1`);
    expect(after.reply.content.status).toBe("ok");
    expect(resultText(after.iopub)).toBe("42");
  });

  it("stops code spinning after its first await (terminated after a second) and keeps the variables", async () => {
    const tag = name.startsWith("SIGINT") ? "bySignal" : "byMessage";
    const decl = await k.kc.execute(`const keptAwait_${tag} = 41;`);
    expect(decl.reply.content.status).toBe("ok");
    const t0 = Date.now();
    const spin = k.kc.execute("await null; while (true) {}", { timeout: 30_000 });
    await sleep(700);
    await interrupt();
    const { reply } = await spin;
    expect(reply.content.status).toBe("error");
    expect(reply.content.ename).toBe("KeyboardInterrupt");
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(k.kp.exitStatus()).toBeNull();
    const after = await k.kc.execute(`keptAwait_${tag} + 1`);
    expect(after.reply.content.status).toBe("ok");
    expect(resultText(after.iopub)).toBe("42");
  });

  it("stops a pending await", async () => {
    const spin = k.kc.execute("await new Promise(() => {})", { timeout: 30_000 });
    await sleep(700);
    await interrupt();
    const { reply } = await spin;
    expect(reply.content.status).toBe("error");
    const after = await k.kc.execute("2 * 21");
    expect(resultText(after.iopub)).toBe("42");
  });
});

it("an interrupt while idle does nothing harmful", async () => {
  const r = await k.kc.interrupt(5000);
  expect(r.content.status).toBe("ok");
  // Known race (reported): interrupt_reply goes out when SIGINT is sent, before the main thread has
  // handled it, so an execute sent at once may be the one interrupted. A user's next cell comes later.
  await sleep(300);
  const after = await k.kc.execute("7 * 6");
  expect(resultText(after.iopub)).toBe("42");
});
