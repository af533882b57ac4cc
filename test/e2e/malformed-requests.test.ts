/**
 * Signed requests with a readable header whose parent_header, metadata or content is no JSON
 * object (a string parent_header, null metadata, an array or a string as content, content that is
 * not JSON). ipykernel logs "Got bad msg" and sends nothing (the front end waits for good); this
 * kernel answers each with an error reply naming the frame and the value (busy/idle around it, as
 * for any request), logs the requests that get no reply (comm messages) when STRIDED_LOG is on,
 * runs nothing of them, and keeps every variable (kernel/transport/wire.ts `malformed`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "../../kernel/client/index.js";
import { DELIMITER, newHeader, Signer } from "../../kernel/transport/wire.js";
import { resultText, sleep, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel({ env: { STRIDED_LOG: "1" } });
  const decl = await k.kc.execute("let kept = 41;", { timeout: 120_000 });
  expect(decl.reply.content.status).toBe("ok");
});
afterAll(async () => {
  await k?.stop();
});

/**
 * Sign and send a request whose frames after the header are given as raw JSON text; its reply
 * (waited for from before the send) and the iopub messages with it as parent.
 */
async function sendRawRequest(channel: "shell" | "control", msgType: string, parent: string, metadata: string, content: string, expectReply = true): Promise<{ msgId: string; reply: Promise<Message> | null; iopub: Message[]; stop: () => void }> {
  const header = newHeader(msgType, "malformed-test", "tester");
  const { seen, stop } = iopubOf(header.msg_id);
  const reply = expectReply ? k.kc.waitForReply(header.msg_id, 20_000, msgType) : null;
  const parts = [JSON.stringify(header), parent, metadata, content].map((s) => Buffer.from(s, "utf8"));
  const sig = new Signer(k.kp.connection.key, "hmac-sha256").sign(parts);
  await k.kc.sendRaw(channel, [DELIMITER, Buffer.from(sig, "utf8"), ...parts]);
  return { msgId: header.msg_id, reply, iopub: seen, stop };
}

/** Every iopub message with `msgId` as parent, as they arrive. */
function iopubOf(msgId: string): { seen: Message[]; stop: () => void } {
  const seen: Message[] = [];
  const stop = k.kc.onIopub((m) => {
    if ((m.parent_header as { msg_id?: string }).msg_id === msgId) seen.push(m);
  });
  return { seen, stop };
}

async function expectAlive(): Promise<void> {
  expect(k.kp.exitStatus()).toBeNull();
  const r = await k.kc.execute("kept + 1", { timeout: 30_000 });
  expect(r.reply.content.status).toBe("ok");
  expect(resultText(r.iopub)).toBe("42");
}

const code = (flag: string): string => JSON.stringify({ code: `(globalThis as any).${flag} = 1; 1`, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });

const malformed: [string, string, string, string, string, RegExp][] = [
  ["a string parent_header", "execute_request", '"x"', "{}", code("ran1"), /^malformed execute_request: parent_header must be a JSON object, got "x"$/],
  ["null metadata", "execute_request", "{}", "null", code("ran2"), /^malformed execute_request: metadata must be a JSON object, got null$/],
  ["an array as content", "execute_request", "{}", "{}", "[1]", /^malformed execute_request: content must be a JSON object, got \[1\]$/],
  ["a string as content", "execute_request", "{}", "{}", '"kept = 0"', /^malformed execute_request: content must be a JSON object, got "kept = 0"$/],
  ["content that is not JSON", "execute_request", "{}", "{}", "kept = 0", /^malformed execute_request: malformed JSON in content: /],
  ["a string parent_header on kernel_info", "kernel_info_request", '"x"', "{}", "{}", /^malformed kernel_info_request: parent_header must be a JSON object, got "x"$/],
  ["null metadata on complete", "complete_request", "{}", "null", JSON.stringify({ code: "kep", cursor_pos: 3 }), /^malformed complete_request: metadata must be a JSON object, got null$/],
];

describe("on shell", () => {
  it.each(malformed)("%s: an error reply naming it, busy/idle, nothing run", async (_what, type, parent, metadata, content, said) => {
    const sent = await sendRawRequest("shell", type, parent, metadata, content);
    const r = (await sent.reply) as Message;
    sent.stop();
    expect(r.header.msg_type).toBe(type.replace(/_request$/, "_reply"));
    expect(r.content).toMatchObject({ status: "error", ename: "BadRequest" });
    expect(String(r.content.evalue)).toMatch(said);
    if (type === "execute_request") expect(typeof r.content.execution_count).toBe("number");
    expect((await k.kc.execute("[typeof (globalThis as any).ran1, typeof (globalThis as any).ran2, kept]", { timeout: 30_000 })).iopub.map((m) => m.content.data).find(Boolean)).toEqual({ "text/plain": "[ 'undefined', 'undefined', 41 ]" });
    await expectAlive();
  });

  it("the status around it is busy then idle, and an execute's error is on iopub too", async () => {
    const sent = await sendRawRequest("shell", "execute_request", '"x"', "{}", code("ran3"));
    const r = (await sent.reply) as Message;
    await sleep(300);
    sent.stop();
    expect(r.content.status).toBe("error");
    expect(sent.iopub.map((m) => (m.header.msg_type === "status" ? `status:${String(m.content.execution_state)}` : m.header.msg_type))).toEqual(["status:busy", "error", "status:idle"]);
  });

  it("a comm_msg, which gets no reply, is logged (STRIDED_LOG) and changes nothing", async () => {
    const { msgId, stop } = await sendRawRequest("shell", "comm_msg", "{}", "null", JSON.stringify({ comm_id: "c", data: {} }), false);
    await sleep(500);
    stop();
    expect(k.kc.unmatched.filter((m) => (m.parent_header as { msg_id?: string }).msg_id === msgId)).toEqual([]);
    expect(k.kp.output()).toContain("malformed comm_msg on shell: metadata must be a JSON object, got null");
    await expectAlive();
  });
});

describe("on control", () => {
  it.each([
    ["kernel_info_request", '"x"', "{}", "{}", /^malformed kernel_info_request: parent_header must be a JSON object, got "x"$/],
    ["interrupt_request", "{}", "null", "{}", /^malformed interrupt_request: metadata must be a JSON object, got null$/],
    ["shutdown_request", "{}", "{}", "[true]", /^malformed shutdown_request: content must be a JSON object, got \[true\]$/],
  ])("%s: an error reply naming it; nothing done (no interrupt, no shutdown)", async (type, parent, metadata, content, said) => {
    const sent = await sendRawRequest("control", type, parent, metadata, content);
    const r = (await sent.reply) as Message;
    sent.stop();
    expect(r.header.msg_type).toBe(type.replace(/_request$/, "_reply"));
    expect(r.content).toMatchObject({ status: "error", ename: "BadRequest" });
    expect(String(r.content.evalue)).toMatch(said);
    await sleep(300);
    await expectAlive();
  });

  it("debug_request: a failed DAP response saying why", async () => {
    const sent = await sendRawRequest("control", "debug_request", "{}", "{}", '"initialize"');
    const r = (await sent.reply) as Message;
    sent.stop();
    expect(r.header.msg_type).toBe("debug_reply");
    expect(r.content).toMatchObject({ type: "response", success: false });
    expect(String(r.content.message)).toBe('malformed debug_request: content must be a JSON object, got "initialize"');
    await expectAlive();
  });
});
