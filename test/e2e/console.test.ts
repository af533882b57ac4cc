/**
 * What `jupyter console` relies on, over the real kernel: is_complete for IPython's help syntax
 * and a trailing blank line, the indent to suggest, `exit`/`quit` (the `ask_exit` payload, then
 * the kernel ends), and a kernel that writes nothing to its stderr unless STRIDED_LOG=1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleep, startKernel, type RunningKernel } from "./support/kernel.js";

// One kernel for is_complete and the stderr check (the stderr test ends it and reads everything it
// wrote, is_complete requests included): a kernel start less than one each.
describe("one kernel: is_complete, then nothing on stderr", () => {
  let k: RunningKernel;
  beforeAll(async () => {
    k = await startKernel();
  });
  afterAll(async () => {
    await k?.stop();
  });

  it("is_complete: help syntax and exit are complete, a blank line ends a block, the indent follows the line", async () => {
    await k.kc.execute("0", { timeout: 120_000 });
    const ask = async (code: string) => (await k.kc.request<{ status: string; indent?: string }>("shell", "is_complete_request", { code })).content;
    expect(await ask("np.shares_memory?")).toMatchObject({ status: "complete" });
    expect(await ask("np.shares_memory??")).toMatchObject({ status: "complete" });
    expect(await ask("exit")).toMatchObject({ status: "complete" });
    expect(await ask("for (let i = 0; i < 3; i++) {")).toEqual({ status: "incomplete", indent: "  " });
    expect(await ask("for (let i = 0; i < 3; i++) {\n    if (i) {")).toEqual({ status: "incomplete", indent: "      " });
    expect((await ask("for (let i = 0; i < 3; i++) {\n  console.log(i)\n")).status).not.toBe("incomplete");
  }, 180_000);

  it("writes nothing to stderr by default (cells, output, errors, interrupts, shutdown)", async () => {
    try {
      await k.kc.execute('console.log("out"); console.error("err")', { timeout: 120_000 });
      await k.kc.execute('throw new Error("boom")');
      await k.kc.execute("setTimeout(() => { throw new Error('late') }, 10); 1");
      await k.kc.interrupt(5000);
      await sleep(300);
    } finally {
      await k.stop();
    }
    expect(k.kp.output()).toBe("");
  }, 180_000);
});

it.each(["exit", "quit()"])("`%s` answers with IPython's ask_exit payload, then the kernel ends with status 0", async (code) => {
  const k = await startKernel();
  try {
    const { reply } = await k.kc.execute(code, { timeout: 120_000 });
    expect(reply.content.status).toBe("ok");
    expect(reply.content.payload).toEqual([{ source: "ask_exit", keepkernel: false }]);
    const status = await Promise.race([k.kp.exited, sleep(20_000).then(() => null)]);
    expect(status).toEqual({ code: 0, signal: null });
  } finally {
    await k.stop();
  }
}, 180_000);
