/** shutdown_request ends the kernel process, with and without restart (the manager restarts it). */
import { describe, expect, it } from "vitest";
import { startKernel } from "./support/kernel.js";

describe.each([{ restart: false }, { restart: true }])("shutdown_request restart=$restart", ({ restart }) => {
  it("replies with the same restart flag and the process exits cleanly", async () => {
    const k = await startKernel();
    try {
      const reply = await k.kc.shutdown(restart, 10_000);
      expect(reply.content).toMatchObject({ status: "ok", restart });
      const exit = await Promise.race([k.kp.exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 10_000))]);
      expect(exit).toEqual({ code: 0, signal: null });
    } finally {
      await k.stop();
    }
  });
});

it("shutdown while a cell spins still ends the process", async () => {
  const k = await startKernel();
  try {
    void k.kc.execute("while (true) {}", { timeout: 20_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    const reply = await k.kc.shutdown(false, 10_000);
    expect(reply.content).toMatchObject({ status: "ok" });
    const exit = await Promise.race([k.kp.exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 10_000))]);
    expect(exit).not.toBe("still running");
  } finally {
    await k.stop();
  }
});

it("a cell's exit listeners (one spinning, one throwing) and a replaced process.exit do not keep the kernel from exiting 0", async () => {
  const k = await startKernel();
  try {
    const code = [
      'process.on("exit", () => { while (true) {} });',
      'process.on("exit", () => { throw new Error("in exit"); });',
      "process.exit = (() => {}) as any;",
      "1",
    ].join("\n");
    expect((await k.kc.execute(code, { timeout: 60_000 })).reply.content.status).toBe("ok");
    const reply = await k.kc.shutdown(false, 10_000);
    expect(reply.content).toMatchObject({ status: "ok" });
    // The spinning listener is stopped after 1 s (kernel/exit-listeners.ts); jupyter_client waits 5 s before it kills.
    const exit = await Promise.race([k.kp.exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 4_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
  } finally {
    await k.stop();
  }
});
