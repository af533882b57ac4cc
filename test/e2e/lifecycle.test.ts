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
