/**
 * Shell request types sent on the control channel (kernel/protocol/control.ts): ipykernel 6
 * answers every one of them on control (Debian's 6.17, measured: kernel_info, complete, inspect,
 * is_complete, history, comm_info and execute all get their reply on control, framed by busy/idle).
 * Ours: the same replies on control; complete and friends are answered while a cell awaits; an
 * execute waits for the running cell (ipykernel ran it beside the cell and published its output and
 * result with the running cell as parent) and goes ahead of the shell requests queued behind it.
 */
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "../../kernel/client/index.js";
import { ofType, resultText, sleep, startKernel, streamText, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
/** The running cell below waits on `input()`: it ends when the test answers (deterministic under load). */
let prompted: Promise<void> = Promise.resolve();
let answer: (v: string) => void = () => {};
function holdInput(): void {
  let seen: () => void = () => {};
  prompted = new Promise<void>((r) => (seen = r));
  const answered = new Promise<string>((r) => (answer = r));
  onInput = () => (seen(), answered);
}
let onInput: () => Promise<string> = async () => "";
beforeAll(async () => {
  k = await startKernel({ onInput: () => onInput() });
  expect((await k.kc.execute("const abcdef = 41;", { timeout: 60_000 })).reply.content.status).toBe("ok");
});
afterAll(async () => {
  await k?.stop();
});

const states = (iopub: Message[]): string[] => iopub.map((m) => (m.header.msg_type === "status" ? `status:${(m.content as { execution_state: string }).execution_state}` : m.header.msg_type));
const parentId = (m: Message): string | undefined => (m.parent_header as { msg_id?: string }).msg_id;

describe("each shell request type on control gets its reply on control, framed by busy/idle", () => {
  it("kernel_info_request", async () => {
    const { reply, iopub } = await k.kc.settle("control", "kernel_info_request", {}, { timeout: 10_000 });
    expect(reply.header.msg_type).toBe("kernel_info_reply");
    expect(reply.content).toMatchObject({ status: "ok", implementation: "strided" });
    expect(states(iopub)).toEqual(["status:busy", "status:idle"]);
  });

  it("complete_request: the notebook's names", async () => {
    const { reply, iopub } = await k.kc.settle<{ status: string; matches: string[]; cursor_start: number; cursor_end: number }>("control", "complete_request", { code: "abcd", cursor_pos: 4 }, { timeout: 30_000 });
    expect(reply.header.msg_type).toBe("complete_reply");
    expect(reply.content.status).toBe("ok");
    expect(reply.content.matches).toContain("abcdef");
    expect([reply.content.cursor_start, reply.content.cursor_end]).toEqual([0, 4]);
    expect(states(iopub)).toEqual(["status:busy", "status:idle"]);
  });

  it("inspect_request: the runtime's doc comment", async () => {
    const { reply, iopub } = await k.kc.settle<{ status: string; found: boolean; data: Record<string, string> }>("control", "inspect_request", { code: "np.arange", cursor_pos: 9, detail_level: 0 }, { timeout: 30_000 });
    expect(reply.header.msg_type).toBe("inspect_reply");
    expect(reply.content).toMatchObject({ status: "ok", found: true });
    expect(reply.content.data["text/plain"]).toMatch(/arange/);
    expect(states(iopub)).toEqual(["status:busy", "status:idle"]);
  });

  it("is_complete_request", async () => {
    const { reply, iopub } = await k.kc.settle("control", "is_complete_request", { code: "for (let i = 0; i < 3; i++) {" }, { timeout: 10_000 });
    expect(reply.header.msg_type).toBe("is_complete_reply");
    expect(reply.content).toEqual({ status: "incomplete", indent: "  " });
    expect(states(iopub)).toEqual(["status:busy", "status:idle"]);
  });

  it("history_request: the cells run so far", async () => {
    const { reply, iopub } = await k.kc.settle<{ status: string; history: [number, number, string][] }>("control", "history_request", { hist_access_type: "tail", n: 10, output: false, raw: true }, { timeout: 10_000 });
    expect(reply.header.msg_type).toBe("history_reply");
    expect(reply.content.status).toBe("ok");
    expect(reply.content.history.map((h) => h[2])).toContain("const abcdef = 41;");
    expect(states(iopub)).toEqual(["status:busy", "status:idle"]);
  });

  it("comm_info_request", async () => {
    const { reply, iopub } = await k.kc.settle("control", "comm_info_request", {}, { timeout: 10_000 });
    expect(reply.header.msg_type).toBe("comm_info_reply");
    expect(reply.content).toEqual({ status: "ok", comms: {} });
    expect(states(iopub)).toEqual(["status:busy", "status:idle"]);
  });

  it("execute_request: runs as a cell, its input, output and result parented to it, the next execution count", async () => {
    const before = (await k.kc.execute("abcdef")).reply.content.execution_count ?? -1;
    const content = { code: 'console.log("on control"); abcdef + 1', silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true };
    const { reply, iopub } = await k.kc.settle<{ status: string; execution_count: number }>("control", "execute_request", content, { timeout: 30_000 });
    expect(reply.header.msg_type).toBe("execute_reply");
    expect(reply.content).toMatchObject({ status: "ok", execution_count: before + 1 });
    expect(states(iopub)).toEqual(["status:busy", "execute_input", "stream", "execute_result", "status:idle"]);
    expect(streamText(iopub, "stdout")).toBe("on control\n");
    expect(resultText(iopub)).toBe("42");
    expect(ofType<{ execution_count: number }>(iopub, "execute_result")[0].content.execution_count).toBe(before + 1);
    expect((await k.kc.execute("1")).reply.content.execution_count).toBe(before + 2);
  });

  it("a malformed complete_request on control: a BadRequest reply on control", async () => {
    const { reply } = await k.kc.settle("control", "complete_request", { cursor_pos: 1 }, { timeout: 10_000 });
    expect(reply.header.msg_type).toBe("complete_reply");
    expect(reply.content).toMatchObject({ status: "error", ename: "BadRequest" });
  });
});

describe("while a shell cell runs (it awaits input())", () => {
  const running = 'console.log("start"); const said = await input("go? "); console.log("end"); "done " + said';

  it("complete, is_complete and history on control are answered before the cell ends", async () => {
    holdInput();
    let ended = false;
    const cell = k.kc.execute(running, { timeout: 60_000 }).then((s) => ((ended = true), s));
    await prompted;
    const comp = await k.kc.request<{ matches: string[] }>("control", "complete_request", { code: "abcd", cursor_pos: 4 }, { timeout: 30_000 });
    const isc = await k.kc.request("control", "is_complete_request", { code: "1 +" }, { timeout: 10_000 });
    const hist = await k.kc.request<{ history: [number, number, string][] }>("control", "history_request", { hist_access_type: "tail", n: 1 }, { timeout: 10_000 });
    expect(ended).toBe(false);
    expect(comp.content.matches).toContain("abcdef");
    expect(isc.content).toEqual({ status: "incomplete", indent: "" });
    expect(hist.content.history.map((h) => h[2])).toEqual([running]);
    answer("now");
    const { reply, iopub } = await cell;
    expect(reply.content.status).toBe("ok");
    expect(streamText(iopub, "stdout")).toBe("start\nend\n");
    expect(resultText(iopub)).toBe("'done now'");
  });

  it("an execute on control waits for the running cell, leaves its output and count alone, and runs before the shell execute queued behind it", async () => {
    holdInput();
    const order: string[] = [];
    const cell = k.kc.execute(running, { timeout: 60_000 }).then((s) => (order.push("running"), s));
    await prompted;
    const queued = k.kc.execute("abcdef * 2", { timeout: 60_000 }).then((s) => (order.push("queued shell"), s));
    await sleep(300);
    const content = { code: 'console.log("from control"); abcdef + 1', silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true };
    const onControl = k.kc.settle<{ status: string; execution_count: number }>("control", "execute_request", content, { timeout: 60_000 }).then((s) => (order.push("control"), s));
    // Control is read in order: once this reply is back, the execute above has reached the kernel's main thread.
    await k.kc.request("control", "is_complete_request", { code: "1" }, { timeout: 10_000 });
    await sleep(300);
    expect(order).toEqual([]); // nothing runs beside the running cell
    answer("now");
    const [c, q, ctl] = await Promise.all([cell, queued, onControl]);
    expect(order).toEqual(["running", "control", "queued shell"]);
    // The running cell: its own output, result and count, nothing of the control cell's.
    expect(streamText(c.iopub, "stdout")).toBe("start\nend\n");
    expect(resultText(c.iopub)).toBe("'done now'");
    const n = c.reply.content.execution_count ?? -1;
    expect(ofType<{ execution_count: number }>(c.iopub, "execute_input")[0].content.execution_count).toBe(n);
    expect(ofType<{ execution_count: number }>(c.iopub, "execute_result")[0].content.execution_count).toBe(n);
    // The control cell: the next count, its own output and result.
    expect(ctl.reply.content).toMatchObject({ status: "ok", execution_count: n + 1 });
    expect(streamText(ctl.iopub, "stdout")).toBe("from control\n");
    expect(resultText(ctl.iopub)).toBe("42");
    expect(ctl.iopub.every((m) => parentId(m) === parentId(ctl.reply))).toBe(true);
    // The shell cell queued before it runs after it.
    expect(q.reply.content).toMatchObject({ status: "ok", execution_count: n + 2 });
    expect(resultText(q.iopub)).toBe("82");
  });
});

// ipykernel 6.17 answers usage_request on control (JupyterLab's resource-usage extension asks it every
// few seconds): {hostname, pid, kernel_cpu, kernel_memory, host_cpu_percent, cpu_count, host_virtual_memory}.
describe("usage_request on control (kernel/protocol/usage.ts)", () => {
  type Usage = { hostname: string; pid: number; kernel_cpu: number; kernel_memory: number; host_cpu_percent?: number; cpu_count: number; host_virtual_memory: Record<string, number> };

  it("answers with ipykernel's fields: the kernel's CPU and memory, the machine's", async () => {
    const { reply, iopub } = await k.kc.settle<Usage>("control", "usage_request", {}, { timeout: 10_000 });
    expect(reply.header.msg_type).toBe("usage_reply");
    expect(states(iopub)).toEqual(["status:busy", "status:idle"]);
    const u = reply.content;
    expect(Object.keys(u).filter((key) => key !== "host_cpu_percent")).toEqual(["hostname", "pid", "kernel_cpu", "kernel_memory", "cpu_count", "host_virtual_memory"]);
    expect(u.hostname).toBe(os.hostname());
    expect(u.kernel_memory).toBeGreaterThan(20e6); // a Node process with TypeScript loaded
    expect(u.kernel_memory).toBeLessThan(4e9);
    expect(u.cpu_count).toBe(os.cpus().length);
    expect(u.host_virtual_memory.total).toBe(os.totalmem());
    expect(Object.keys(u.host_virtual_memory)).toEqual(["total", "available", "percent", "used", "free", "active", "inactive", "buffers", "cached", "shared", "slab"]);
    expect(u.host_virtual_memory.percent).toBeGreaterThan(0);
    expect(u.host_virtual_memory.percent).toBeLessThan(100);
  });

  it("answers while a cell spins, and counts the spinning thread's CPU", async () => {
    await k.kc.request("control", "usage_request", {}, { timeout: 10_000 }); // the CPU figures are since the previous request
    let ended = false;
    const cell = k.kc.execute("const until = Date.now() + 1500; while (Date.now() < until) {} 1", { timeout: 30_000 }).then((s) => ((ended = true), s));
    await sleep(700);
    const during = await k.kc.request<Usage>("control", "usage_request", {}, { timeout: 10_000 });
    expect(ended).toBe(false);
    expect(during.content.kernel_cpu).toBeGreaterThan(0);
    expect((await cell).reply.content.status).toBe("ok");
  });
});
