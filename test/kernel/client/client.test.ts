/**
 * The client against a reference kernel (Debian's ipykernel), so its behaviour is checked
 * independently of our own kernel.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KernelClient, launchKernel, type KernelProcess } from "../../../kernel/client/index.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";

const ok = requirement(missingPythonModules(["ipykernel", "jupyter_client"]), "client tests against ipykernel");

describe.skipIf(!ok)("KernelClient against ipykernel", () => {
  let kp: KernelProcess;
  let kc: KernelClient;
  const asked: string[] = [];
  beforeAll(async () => {
    kp = await launchKernel({ argv: ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"] });
    kc = await KernelClient.connect(kp.connection, { onInput: (prompt) => { asked.push(prompt); return `typed ${asked.length}`; } });
    await kc.waitForReady(30_000);
  });
  afterAll(async () => {
    kc?.close();
    await kp?.kill();
  });

  it("kernel_info names the language", async () => {
    const r = await kc.kernelInfo();
    expect(r.content.language_info.name).toBe("python");
  });

  it("execute collects busy, execute_input, outputs and idle for this request only", async () => {
    const { reply, iopub } = await kc.execute("print('out'); 6 * 7");
    expect(reply.content.status).toBe("ok");
    expect(iopub.map((m) => m.header.msg_type)).toEqual(["status", "execute_input", "stream", "execute_result", "status"]);
    expect(iopub.every((m) => (m.parent_header as { msg_id?: string }).msg_id === iopub[0].parent_header.msg_id)).toBe(true);
    expect(iopub[3].content).toMatchObject({ data: { "text/plain": "42" } });
  });

  it("replies are matched by parent, with many requests in flight", async () => {
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => kc.execute(`${i} * 3`)));
    runs.forEach((r, i) => {
      const res = r.iopub.find((m) => m.header.msg_type === "execute_result");
      expect(res?.content).toMatchObject({ data: { "text/plain": String(i * 3) } });
    });
    const counts = runs.map((r) => r.reply.content.execution_count as number);
    expect(counts.slice(1).map((c, i) => c - counts[i])).toEqual(Array(19).fill(1));
  });

  it("answers input_request through onInput", async () => {
    const { iopub } = await kc.execute("input('who? ')", { allow_stdin: true });
    expect(asked.at(-1)).toBe("who? ");
    expect(iopub.find((m) => m.header.msg_type === "execute_result")?.content).toMatchObject({ data: { "text/plain": `'typed ${asked.length}'` } });
  });

  it("heartbeat echoes", async () => {
    const ms = await kc.heartbeat(2000);
    expect(ms).not.toBeNull();
  });

  it("a request that gets no reply times out with a clear error", async () => {
    await expect(kc.request("shell", "no_such_request", {}, { timeout: 300 })).rejects.toThrow(/no_such_request: no reply within 300 ms/);
  });

  it("shutdown_request makes the process exit", async () => {
    const r = await kc.shutdown(false);
    expect(r.content.status).toBe("ok");
    const s = await kp.exited;
    expect(s.code).toBe(0);
  });
});
