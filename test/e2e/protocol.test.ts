/**
 * The real kernel process driven over ZeroMQ by our client: the requests a front end sends,
 * and the abuse a kernel must survive (bad signatures, replays, malformed frames).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExecuteReplyContent } from "../../kernel/client/index.js";
import { DELIMITER, encode, newHeader, Signer } from "../../kernel/transport/wire.js";
import { ofType, resultText, sleep, startKernel, streamText, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
const prompts: string[] = [];
beforeAll(async () => {
  k = await startKernel({ onInput: (prompt) => { prompts.push(prompt); return "Ada"; } });
});
afterAll(async () => {
  await k?.stop();
});

/** No reply and no iopub for `msgId` within `ms`, judged from the client's records. */
async function noAnswerFor(msgId: string, ms = 700): Promise<void> {
  const seen: string[] = [];
  const stop = k.kc.onIopub((m) => { if ((m.parent_header as { msg_id?: string }).msg_id === msgId) seen.push(m.header.msg_type); });
  await sleep(ms);
  stop();
  expect(seen).toEqual([]);
  expect(k.kc.unmatched.filter((m) => (m.parent_header as { msg_id?: string }).msg_id === msgId)).toEqual([]);
}

describe("requests", () => {
  it("kernel_info_reply says status ok and the language of API.md", async () => {
    const r = await k.kc.kernelInfo();
    expect(r.content.status).toBe("ok");
    expect(r.content.protocol_version).toMatch(/^5\.\d+/);
    expect(r.content.language_info).toMatchObject({ name: "typescript", file_extension: ".ts", mimetype: "text/typescript" });
  });

  it("execute: the last expression is the execute_result, numbered like the reply", async () => {
    const { reply, iopub } = await k.kc.execute("1 + 1");
    expect(reply.content.status).toBe("ok");
    expect(resultText(iopub)).toBe("2");
    const res = ofType<{ execution_count: number }>(iopub, "execute_result")[0];
    expect(res.content.execution_count).toBe(reply.content.execution_count);
    expect(iopub[0].header.msg_type).toBe("status");
    expect(iopub.at(-1)?.content).toEqual({ execution_state: "idle" });
    expect(ofType<{ code: string }>(iopub, "execute_input")[0].content.code).toBe("1 + 1");
  });

  it("console.log and console.error are stdout and stderr streams", async () => {
    const { reply, iopub } = await k.kc.execute('console.log("hello, world"); console.error("oops")');
    expect(reply.content.status).toBe("ok");
    expect(streamText(iopub, "stdout")).toBe("hello, world\n");
    expect(streamText(iopub, "stderr")).toBe("oops\n");
    expect(resultText(iopub)).toBeUndefined();
  });

  it("a thrown error is an error reply and one error message with ename, evalue, traceback", async () => {
    const { reply, iopub } = await k.kc.execute('throw new RangeError("boom " + (6 * 7))');
    expect(reply.content).toMatchObject({ status: "error", ename: "RangeError", evalue: "boom 42" });
    const errs = ofType<{ ename: string; evalue: string; traceback: string[] }>(iopub, "error");
    expect(errs).toHaveLength(1);
    expect(errs[0].content.ename).toBe("RangeError");
    expect(errs[0].content.traceback.length).toBeGreaterThan(0);
  });

  it("stop_on_error aborts the requests queued behind a failing cell", async () => {
    const runs = [
      // the failing cell runs 300 ms, so the two behind it are queued when it fails (a cell that
      // failed at once could reply before the client's later sends arrive: those are not queued)
      k.kc.execute('const t0 = Date.now(); while (Date.now() - t0 < 300) {} throw new Error("first")'),
      k.kc.execute("1 + 1"),
      k.kc.execute("2 + 2"),
    ];
    const replies = (await Promise.all(runs)).map((r) => r.reply.content.status);
    expect(replies).toEqual(["error", "aborted", "aborted"]);
    const after = await k.kc.execute("3 + 3");
    expect(after.reply.content.status).toBe("ok");
    expect(resultText(after.iopub)).toBe("6");
  });

  it("stop_on_error false lets queued requests run", async () => {
    const runs = [k.kc.execute('throw new Error("first")', { stop_on_error: false }), k.kc.execute("5 + 5")];
    const [a, b] = await Promise.all(runs);
    expect(a.reply.content.status).toBe("error");
    expect(b.reply.content.status).toBe("ok");
  });

  it("input() asks the front end through stdin when allow_stdin is true", async () => {
    const { reply, iopub } = await k.kc.execute('const who = await input("name? "); `hi ${who}`', { allow_stdin: true });
    expect(reply.content.status).toBe("ok");
    expect(prompts.at(-1)).toBe("name? ");
    expect(resultText(iopub)).toContain("hi Ada");
  });

  it("input() with allow_stdin false fails with an error that says stdin is not allowed", async () => {
    const { reply } = await k.kc.execute('await input("name? ")', { allow_stdin: false });
    const c: ExecuteReplyContent = reply.content;
    expect(c.status).toBe("error");
    expect(`${c.ename}: ${c.evalue}`).toMatch(/stdin/i);
  });

  it("the heartbeat echoes while a cell keeps the main thread busy", async () => {
    // The cell spins 5 s; an echo that only came after it (a heartbeat on the busy thread) would miss the 2 s limit.
    const busy = k.kc.execute("const __t0 = Date.now(); while (Date.now() - __t0 < 5000) {}");
    await sleep(500);
    const ms = await k.kc.heartbeat(2000);
    expect(ms).not.toBeNull();
    expect(ms as number).toBeLessThan(2000);
    expect((await busy).reply.content.status).toBe("ok");
  });
});

describe("abuse the kernel must survive", () => {
  it("a message signed with the wrong key gets no answer, and the next good one does", async () => {
    const wrong = new Signer("not-the-key", "hmac-sha256");
    const header = newHeader("execute_request", k.kc.session);
    const frames = encode({ identities: [], header, parent_header: {}, metadata: {}, content: { code: "(globalThis as any).__bad = 1; 1", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true }, buffers: [] }, wrong);
    await k.kc.sendRaw("shell", frames);
    await noAnswerFor(header.msg_id);
    const { iopub } = await k.kc.execute("typeof (globalThis as any).__bad");
    expect(resultText(iopub)).toContain("undefined");
  });

  it("a replayed message (same signature) is refused", async () => {
    const signer = new Signer(k.kp.connection.key, "hmac-sha256");
    const header = newHeader("execute_request", k.kc.session);
    const content = { code: "(globalThis as any).__n = ((globalThis as any).__n ?? 0) + 1", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true };
    const frames = encode({ identities: [], header, parent_header: {}, metadata: {}, content, buffers: [] }, signer);
    const first = k.kc.waitForReply<ExecuteReplyContent>(header.msg_id, 30_000);
    await k.kc.sendRaw("shell", frames);
    const reply = await first;
    expect(reply.content.status, `${reply.content.ename}: ${reply.content.evalue}`).toBe("ok");
    await sleep(300); // let the first run's idle status pass before listening
    await k.kc.sendRaw("shell", frames);
    await noAnswerFor(header.msg_id);
    const { iopub } = await k.kc.execute("(globalThis as any).__n");
    expect(resultText(iopub)).toBe("1");
  });

  it.each([
    { name: "one garbage frame", frames: () => [Buffer.from("garbage")] },
    { name: "delimiter and nothing else", frames: () => [DELIMITER] },
    { name: "too few frames", frames: () => [DELIMITER, Buffer.from("sig"), Buffer.from("{}")] },
    { name: "empty frames", frames: () => [Buffer.alloc(0), Buffer.alloc(0)] },
    {
      name: "well signed but not JSON",
      frames: () => {
        const parts = ["not json", "{}", "{}", "{}"].map((s) => Buffer.from(s));
        return [DELIMITER, Buffer.from(new Signer(k.kp.connection.key, "hmac-sha256").sign(parts)), ...parts];
      },
    },
    {
      name: "well signed, a header without msg_type",
      frames: () => {
        const parts = [JSON.stringify({ msg_id: "x", session: "s" }), "{}", "{}", "{}"].map((s) => Buffer.from(s));
        return [DELIMITER, Buffer.from(new Signer(k.kp.connection.key, "hmac-sha256").sign(parts)), ...parts];
      },
    },
  ])("malformed on shell and control ($name) does not kill it", async ({ frames }) => {
    await k.kc.sendRaw("shell", frames());
    await k.kc.sendRaw("control", frames());
    await sleep(100);
    expect(k.kp.exitStatus()).toBeNull();
    const r = await k.kc.kernelInfo(10_000);
    expect(r.content.status).toBe("ok");
    const c = await k.kc.request("control", "kernel_info_request", {}, { timeout: 10_000 });
    expect(c.header.msg_type).toBe("kernel_info_reply");
  });

  it.each(["kernel_info_request", "interrupt_request"])("a %s on control publishes status busy then idle with it as parent, as ipykernel does", async (msgType) => {
    const seen: { id?: string; state: unknown }[] = [];
    const stop = k.kc.onIopub((m) => {
      if (m.header.msg_type === "status") seen.push({ id: (m.parent_header as { msg_id?: string }).msg_id, state: m.content.execution_state });
    });
    const r = await k.kc.request("control", msgType, {}, { timeout: 10_000 });
    await sleep(300);
    stop();
    const id = (r.parent_header as { msg_id?: string }).msg_id;
    expect(seen.filter((s) => s.id === id).map((s) => s.state)).toEqual(["busy", "idle"]);
  });

  it("an unknown request type does not kill it", async () => {
    await k.kc.send("shell", "no_such_request", {});
    const r = await k.kc.kernelInfo(10_000);
    expect(r.content.status).toBe("ok");
  });
});
