/**
 * Runtime errors over ZeroMQ: the error reply and the iopub `error` message carry NumPy's words
 * as `evalue` and a traceback with the user's frames and the runtime function that raised
 * (`np.add`, `NDArray.reshape`), never the runtime's files (kernel/session/run/runtime-frames.ts).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ofType, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
});
afterAll(async () => {
  await k?.stop();
});

const strip = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, "");

it("a broadcast error inside a user function: evalue, then the runtime call, the function, the cell", async () => {
  const code = "function addTo(x: NDArray) {\n  return x + np.arange(4);\n}\naddTo(np.arange(3))";
  const { reply, iopub } = await k.kc.execute(code, { timeout: 120_000 });
  expect(reply.content.status).toBe("error");
  const content = reply.content as unknown as { ename: string; evalue: string; traceback: string[] };
  expect(content.ename).toBe("ValueError");
  expect(content.evalue).toBe("operands could not be broadcast together with shapes (3,) (4,) ");
  const tb = content.traceback.map(strip);
  expect(tb).toEqual([
    "ValueError: operands could not be broadcast together with shapes (3,) (4,) ",
    "    at np.add (strided runtime)",
    "    at addTo (Cell [1], line 2, column 12)",
    "    at <cell> (Cell [1], line 4, column 1)",
  ]);
  const published = ofType<{ traceback: string[]; evalue: string }>(iopub, "error");
  expect(published).toHaveLength(1);
  expect(published[0].content.traceback).toEqual(content.traceback);
  expect(published[0].content.evalue).toBe(content.evalue);
});

it("a reshape error names NDArray.reshape and no runtime file", async () => {
  const { reply } = await k.kc.execute("np.arange(6).reshape(4, 4)", { timeout: 60_000 });
  const content = reply.content as unknown as { evalue: string; traceback: string[] };
  expect(content.evalue).toBe("cannot reshape array of size 6 into shape (4,4)");
  const tb = content.traceback.map(strip).join("\n");
  expect(tb).toContain("    at NDArray.reshape (strided runtime)\n    at <cell> (Cell [2], line 1, column 14)");
  expect(tb).not.toMatch(/runtime[/\\]|\.js:\d+/);
});

it("frames name the cell by the execution count the front end shows, also after a help request and a silent execute", async () => {
  await k.kc.execute("np.shares_memory?", { timeout: 60_000 }); // counted (In [n]) but never compiled
  await k.kc.execute("const silentOne = 1", { timeout: 60_000, silent: true }); // compiled, not counted
  const { reply } = await k.kc.execute("np.arange(6).reshape(4, 4)", { timeout: 60_000 });
  const content = reply.content as unknown as { execution_count: number; traceback: string[] };
  const tb = content.traceback.map(strip).join("\n");
  expect(tb).toContain(`    at <cell> (Cell [${content.execution_count}], line 1, column 14)`);
});
