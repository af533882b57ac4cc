/**
 * The heap guard (kernel/transport/terminator.ts checkHeap): a cell whose JavaScript heap grows
 * toward V8's limit is stopped before Node's out-of-memory abort (which ends the process and loses
 * every variable), with a MemoryError that says what happened and what to do. The stop size is
 * 80% of V8's limit (3.3 GB here); STRIDED_HEAP_STOP_MB sets a small one so the cases fill it fast.
 */
import { describe, expect, it } from "vitest";
import { useKeptKernel } from "./support/kept-kernel.js";

const STOP_MB = 300;
const kept = useKeptKernel({ STRIDED_HEAP_STOP_MB: String(STOP_MB) });

async function expectMemoryError(code: string): Promise<void> {
  const { reply } = await kept.k.kc.execute(code, { timeout: 60_000 });
  expect(reply.content.status).toBe("error");
  expect(reply.content.ename).toBe("MemoryError");
  expect(reply.content.evalue).toMatch(new RegExp(`heap reached \\d+ MB \\(the kernel stops cells at ${STOP_MB} MB of V8's \\d+ MB limit`));
  expect(reply.content.evalue).toMatch(/every variable is kept/);
}

describe("a cell that fills the JavaScript heap", () => {
  it("in its own loop: MemoryError, the process lives, the variables (the filled one too) are kept and usable", async () => {
    await expectMemoryError("const big: number[][] = []; while (true) big.push(new Array(1e4).fill(1.5));");
    await kept.expectAlive();
    expect(Number(await kept.value("big.length"))).toBeGreaterThan(1000);
    expect(await kept.value("big.length = 0; big.length")).toBe("0");
  });

  it("in a timer callback the cell awaits (outside the cell's stack): MemoryError, state kept", async () => {
    await expectMemoryError("const held: number[][] = []; await new Promise<void>((r) => setTimeout(() => { while (true) held.push(new Array(1e4).fill(2)); }, 10));");
    await kept.expectAlive();
    expect(await kept.value("held.length = 0; held.length")).toBe("0");
  });

  it("an interrupt is still a KeyboardInterrupt, and a cell below the stop size runs to its end", async () => {
    const run = kept.k.kc.execute("while (true) {}", { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 500));
    await kept.k.kc.interrupt(5000);
    expect((await run).reply.content.ename).toBe("KeyboardInterrupt");
    expect(await kept.value("const small: number[][] = []; for (let i = 0; i < 500; i++) small.push(new Array(1e4).fill(1)); small.length")).toBe("500");
    await kept.expectAlive();
  });
});
