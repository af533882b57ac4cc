/**
 * One kernel per interrupt test file, with two bindings declared first (`kept = 41`,
 * `arr = np.arange(6)`) that every case checks survive an interrupt, and the checks those files
 * share: a cell's result text, "the kernel is alive with every variable", "the counters no longer
 * move".
 */
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { lateStderr, resultText, sleep, startKernel, type RunningKernel } from "./kernel.js";

/** What a test file gets: the kernel (set in beforeAll) and the shared checks. */
export interface KeptKernel {
  /** The running kernel (valid inside tests). */
  readonly k: RunningKernel;
  /** The text of `code`'s result (the cell must succeed). */
  value(code: string): Promise<string | undefined>;
  /** The process runs and `kept`/`arr` are intact. */
  expectAlive(): Promise<void>;
  /** The counters (a JS array literal of numbers) do not move any more. */
  expectStill(counters: string): Promise<void>;
  /**
   * `code` (a cell that returns at once) starts a loop that moves `counters`; an interrupt with no
   * cell running stops it for good, tells that cell `said` on its stderr, keeps every variable.
   */
  expectInterruptStopsLoop(code: string, counters: string, said: RegExp): Promise<void>;
}

/**
 * Wait until the kernel's agent worker is up (the kernel must log: STRIDED_LOG=1). Interrupt tests
 * run with it up (it starts after the first execute, README "How it is built"): it alone forces
 * code spinning outside a cell's stack, and the cases should not depend on when, under load, it
 * comes up.
 */
export async function waitForAgent(kernel: RunningKernel): Promise<void> {
  for (let waited = 0; !kernel.kp.output().includes("agent worker ready"); waited += 50) {
    if (waited > 60_000) throw new Error(`the agent worker did not start within 60 s:\n${kernel.kp.output()}`);
    await sleep(50);
  }
}

/** Start a kernel before the file's tests (with `env` added to its environment) and stop it after them. */
export function useKeptKernel(env: Record<string, string> = {}): KeptKernel {
  let kernel: RunningKernel | undefined;
  beforeAll(async () => {
    kernel = await startKernel({ env: { STRIDED_LOG: "1", ...env } });
    const decl = await kernel.kc.execute("let kept = 41; const arr = np.arange(6);", { timeout: 120_000 });
    expect(decl.reply.content.status).toBe("ok");
    await waitForAgent(kernel);
  });
  afterAll(async () => {
    await kernel?.stop();
  });
  const self: KeptKernel = {
    get k(): RunningKernel {
      if (kernel === undefined) throw new Error("the kernel starts in beforeAll");
      return kernel;
    },
    async value(code) {
      const r = await self.k.kc.execute(code, { timeout: 30_000 });
      expect(r.reply.content.status).toBe("ok");
      return resultText(r.iopub);
    },
    async expectAlive() {
      expect(self.k.kp.exitStatus()).toBeNull();
      expect(await self.value("kept + 1")).toBe("42");
      expect(await self.value("arr.sum()")).toBe("15");
    },
    async expectStill(counters) {
      const before = await self.value(counters);
      await sleep(300);
      expect(await self.value(counters)).toBe(before);
    },
    async expectInterruptStopsLoop(code, counters, said) {
      const run = await self.k.kc.execute(code, { timeout: 30_000 });
      expect(run.reply.content.status).toBe("ok");
      const late = lateStderr(self.k.kc, run.reply.parent_header.msg_id as string);
      try {
        await sleep(300);
        // It runs (the kernel still answers while it does).
        const moving = await self.value(counters);
        await sleep(100);
        expect(await self.value(counters)).not.toBe(moving);
        const r = await self.k.kc.interrupt(5000);
        expect(r.content.status).toBe("ok");
        await self.expectAlive();
        expect(late.text()).toMatch(new RegExp(`^KeyboardInterrupt: ${said.source} \\(cell \\[\\d+\\]\\); every variable is kept\\n$`));
        await self.expectStill(counters);
      } finally {
        late.stop();
      }
    },
  };
  return self;
}

/**
 * The smaller kit of interrupt-callbacks and interrupt-kernel-work: a kernel with `let kept = 41`
 * and its agent up, its log printed after the file when a case failed (or with STRIDED_LOG=1 in
 * the test's environment: how each forced interrupt went), and `expectAlive` (the process runs,
 * `kept + 1` is 42). `kernel()` is valid from the file's own beforeAll on.
 */
export function useLoggedKernel(): { kernel(): RunningKernel; expectAlive(): Promise<void> } {
  let k: RunningKernel | undefined;
  let failed = false;
  beforeAll(async () => {
    k = await startKernel({ env: { STRIDED_LOG: "1" } });
    const decl = await k.kc.execute("let kept = 41;");
    expect(decl.reply.content.status).toBe("ok");
    await waitForAgent(k);
  });
  afterEach(({ task }) => {
    if (task.result?.state === "fail") failed = true;
  });
  afterAll(async () => {
    if (failed || process.env.STRIDED_LOG === "1") console.log(`kernel log:\n${k?.kp.output() ?? "(no kernel)"}`);
    await k?.stop();
  });
  const kernel = (): RunningKernel => {
    if (k === undefined) throw new Error("the kernel starts in beforeAll");
    return k;
  };
  return {
    kernel,
    async expectAlive() {
      expect(kernel().kp.exitStatus()).toBeNull();
      const after = await kernel().kc.execute("kept + 1", { timeout: 20_000 });
      expect(after.reply.content.status).toBe("ok");
      expect(resultText(after.iopub)).toBe("42");
    },
  };
}
