import { describe, expect, it } from "vitest";
import { Dispatcher } from "../../../kernel/dispatch/dispatcher.js";
import { kernelInfoContent } from "../../../kernel/dispatch/kernel-info.js";
import { NO_STDIN } from "../../../kernel/dispatch/publisher.js";
import type { Message } from "../../../kernel/transport/wire.js";
import { FakeSession, MemoryTransport, request } from "./fakes.js";

function setup(session: FakeSession | Promise<FakeSession> = new FakeSession()) {
  const transport = new MemoryTransport();
  const shutdowns: boolean[] = [];
  const d = new Dispatcher({
    transport,
    session,
    toMimeBundle: (v) => ({ "text/plain": `repr(${JSON.stringify(v)})` }),
    kernelInfo: kernelInfoContent(),
    sessionId: "kernel-session",
    onShutdown: (r) => shutdowns.push(r),
    log: () => {},
  });
  const send = async (...msgs: Message[]) => {
    for (const m of msgs) d.receive("shell", m);
    await d.whenIdle();
  };
  return { d, transport, send, shutdowns };
}

describe("status, parents and replies", () => {
  it("wraps every request in busy … idle with the request as parent, the reply before idle", async () => {
    const { transport, send } = setup();
    const req = request("execute_request", { code: "value:42" });
    await send(req);
    expect(transport.trace(req)).toEqual([
      "iopub:status:busy",
      "iopub:execute_input",
      "iopub:execute_result",
      "shell:execute_reply",
      "iopub:status:idle",
    ]);
    for (const s of transport.of(req)) {
      expect(s.msg.parent_header).toEqual(req.header);
      expect(s.msg.header.msg_id).not.toBe(req.header.msg_id);
      expect(s.msg.header.session).toBe("kernel-session");
    }
    const reply = transport.reply(req);
    expect(reply.identities).toEqual(req.identities);
    expect(reply.content).toEqual({ status: "ok", execution_count: 1, user_expressions: {}, payload: [] });
    const result = transport.of(req).find((s) => s.msg.header.msg_type === "execute_result");
    expect(result?.msg.content).toEqual({ execution_count: 1, data: { "text/plain": "repr(42)" }, metadata: {} });
  });

  it("hands an execute to the transport in two writes: busy with execute_input, then the result, the reply and idle", async () => {
    const { transport, send } = setup();
    await send(request("execute_request", { code: "value:42" }), request("execute_request", { code: "print:hi" }), request("execute_request", { code: "error:E:m" }));
    expect(transport.writes).toEqual([
      ["iopub:status:busy", "iopub:execute_input"],
      ["iopub:execute_result", "shell:execute_reply", "iopub:status:idle"],
      ["iopub:status:busy", "iopub:execute_input"],
      ["iopub:stream", "shell:execute_reply", "iopub:status:idle"],
      ["iopub:status:busy", "iopub:execute_input"],
      ["iopub:error", "shell:execute_reply", "iopub:status:idle"],
    ]);
  });

  it("publishes the result before what user expressions print, then evaluates them", async () => {
    const { transport, send } = setup();
    const req = request("execute_request", { code: "value:1", user_expressions: { a: "x" } });
    await send(req);
    expect(transport.trace(req)).toEqual(["iopub:status:busy", "iopub:execute_input", "iopub:execute_result", "shell:execute_reply", "iopub:status:idle"]);
    expect(transport.reply(req).content.user_expressions).toEqual({ a: { status: "ok", data: { "text/plain": "<x>" }, metadata: {} } });
  });

  it("publishes starting once on start, with no parent", () => {
    const { d, transport } = setup();
    d.start();
    expect(transport.sent.map((s) => [s.channel, s.msg.header.msg_type, s.msg.content.execution_state, s.msg.parent_header])).toEqual([
      ["iopub", "status", "starting", {}],
    ]);
  });

  it("answers kernel_info before the session has loaded", async () => {
    const never = new Promise<FakeSession>(() => {});
    const { transport, send } = setup(never);
    const req = request("kernel_info_request");
    await send(req);
    const c = transport.reply(req).content as ReturnType<typeof kernelInfoContent>;
    expect(transport.reply(req).header.msg_type).toBe("kernel_info_reply");
    expect(c.status).toBe("ok");
    expect(c.protocol_version).toBe("5.3");
    expect(c.implementation).toBe("strided");
    expect(c.language_info).toMatchObject({
      name: "typescript",
      mimetype: "text/typescript",
      file_extension: ".ts",
      pygments_lexer: "typescript",
      codemirror_mode: { name: "javascript", typescript: true },
    });
    expect(c.language_info.version).toBe(require("typescript/package.json").version);
  });

  it("ignores unknown types: no reply, no status", async () => {
    const { transport, send } = setup();
    const req = request("frobnicate_request", {});
    await send(req);
    expect(transport.sent).toEqual([]);
  });

  it("answers a malformed request with an error reply and lives on", async () => {
    const { transport, send } = setup();
    const bad = request("execute_request", { code: 5 });
    const good = request("execute_request", { code: "value:1" });
    await send(bad, good);
    expect(transport.reply(bad).content).toMatchObject({ status: "error", ename: "BadRequest", evalue: expect.stringMatching(/content\.code must be a string, got 5/) });
    expect(transport.trace(bad).at(-1)).toBe("iopub:status:idle");
    expect(transport.reply(good).content).toMatchObject({ status: "ok" });
  });
});

describe("execute", () => {
  const cases: { name: string; content: Record<string, unknown>; trace: string[]; count: number }[] = [
    { name: "a value", content: { code: "value:[1,2]" }, trace: ["execute_input", "execute_result"], count: 1 },
    { name: "undefined gives no result", content: { code: "value:undefined" }, trace: ["execute_input"], count: 1 },
    { name: "silent: no input, no result, count unchanged", content: { code: "value:3", silent: true }, trace: [], count: 0 },
    { name: "store_history false: count unchanged", content: { code: "value:3", store_history: false }, trace: ["execute_input", "execute_result"], count: 0 },
    { name: "stream output", content: { code: "print:hi" }, trace: ["execute_input", "stream"], count: 1 },
    { name: "error", content: { code: "error:TypeError:x is not a function" }, trace: ["execute_input", "error"], count: 1 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { transport, send } = setup();
      const req = request("execute_request", c.content);
      await send(req);
      const iopub = transport.of(req).filter((s) => s.channel === "iopub" && s.msg.header.msg_type !== "status");
      expect(iopub.map((s) => s.msg.header.msg_type)).toEqual(c.trace);
      expect(transport.reply(req).content.execution_count).toBe(c.count);
    });
  }

  it("counts executions and puts the count on execute_input, result and reply", async () => {
    const { transport, send } = setup();
    const reqs = [request("execute_request", { code: "value:1" }), request("execute_request", { code: "value:2", store_history: false }), request("execute_request", { code: "value:3" })];
    await send(...reqs);
    const counts = reqs.map((r) => transport.of(r).filter((s) => s.msg.content.execution_count !== undefined).map((s) => s.msg.content.execution_count));
    expect(counts).toEqual([[1, 1, 1], [1, 1, 1], [2, 2, 2]]);
  });

  it("reports an error on iopub and in the reply", async () => {
    const { transport, send } = setup();
    const req = request("execute_request", { code: "error:RangeError:index 5 is out of bounds for axis 0 with size 4" });
    await send(req);
    const err = transport.of(req).find((s) => s.msg.header.msg_type === "error")?.msg.content;
    expect(err).toEqual({ ename: "RangeError", evalue: "index 5 is out of bounds for axis 0 with size 4", traceback: ["RangeError: index 5 is out of bounds for axis 0 with size 4", "    at cell 1:1"] });
    expect(transport.reply(req).content).toEqual({ status: "error", execution_count: 1, ...err });
  });

  it("after an error, execute requests already queued are aborted; other requests still answered", async () => {
    const { transport, send } = setup();
    const fails = request("execute_request", { code: "error:Error:boom" });
    const queued1 = request("execute_request", { code: "value:1" });
    const info = request("kernel_info_request");
    const queued2 = request("execute_request", { code: "value:2" });
    await send(fails, queued1, info, queued2);
    expect(transport.reply(queued1).content).toEqual({ status: "aborted" });
    expect(transport.reply(queued2).content).toEqual({ status: "aborted" });
    expect(transport.reply(info).content.status).toBe("ok");
    expect(transport.trace(queued1)).toEqual(["iopub:status:busy", "shell:execute_reply", "iopub:status:idle"]);
    // A request that comes after the queue drained runs again.
    const later = request("execute_request", { code: "value:7" });
    await send(later);
    expect(transport.reply(later).content).toMatchObject({ status: "ok", execution_count: 2 });
  });

  it("aborts exactly the requests the transport had read before the error reply went out", async () => {
    // The transport read requests 1..3 before the error reply left (barrier 3); request 3 reaches
    // the dispatcher late (it was in flight), request 4 was sent after the front end saw the error.
    const { d, transport } = setup();
    let release: (n: number) => void = () => {};
    transport.sendWithBarrier = (channel, msg) => {
      transport.send(channel, msg);
      return new Promise((r) => (release = r));
    };
    const fails = request("execute_request", { code: "error:Error:boom" });
    const queued = request("execute_request", { code: "value:1" });
    const inFlight = request("execute_request", { code: "value:2" });
    const afterError = request("execute_request", { code: "value:3" });
    d.receive("shell", fails, 1);
    d.receive("shell", queued, 2);
    await new Promise((r) => setImmediate(r));
    d.receive("shell", inFlight, 3);
    release(3);
    await new Promise((r) => setImmediate(r));
    d.receive("shell", afterError, 4);
    await d.whenIdle();
    expect(transport.reply(queued).content).toEqual({ status: "aborted" });
    expect(transport.reply(inFlight).content).toEqual({ status: "aborted" });
    expect(transport.reply(afterError).content).toMatchObject({ status: "ok", execution_count: 2 });
  });

  it("with stop_on_error false, queued requests run", async () => {
    const { transport, send } = setup();
    const fails = request("execute_request", { code: "error:Error:boom", stop_on_error: false });
    const next = request("execute_request", { code: "value:1" });
    await send(fails, next);
    expect(transport.reply(next).content).toMatchObject({ status: "ok", execution_count: 2 });
  });

  it("evaluates user_expressions, each to a bundle or an error", async () => {
    const { transport, send } = setup();
    const req = request("execute_request", { code: "value:1", user_expressions: { a: "x.shape", b: "bad_name" } });
    await send(req);
    expect(transport.reply(req).content.user_expressions).toEqual({
      a: { status: "ok", data: { "text/plain": "<x.shape>" }, metadata: {} },
      b: { status: "error", ename: "ReferenceError", evalue: "bad_name is not defined", traceback: [] },
    });
  });

  it("when the session failed to load, execute answers an error and the kernel lives on", async () => {
    const failed = Promise.reject(new Error("cannot load typescript"));
    const { transport, send } = setup(failed as Promise<FakeSession>);
    const req = request("execute_request", { code: "value:1" });
    const info = request("kernel_info_request");
    await send(req, info);
    expect(transport.reply(req).content).toMatchObject({ status: "error", evalue: "cannot load typescript" });
    expect(transport.reply(info).content.status).toBe("ok");
  });
});

describe("help syntax", () => {
  it("`name?` pages the session's inspect as a payload", async () => {
    const { transport, send } = setup();
    const page = request("execute_request", { code: "np.zeros?" });
    await send(page);
    expect(transport.reply(page).content).toEqual({
      status: "ok",
      execution_count: 1,
      user_expressions: {},
      payload: [{ source: "page", data: { "text/plain": "inspect@8:np.zeros" }, start: 0 }],
    });
  });
});

describe("input over stdin", () => {
  it("sends input_request to the shell request's identities and resolves with input_reply", async () => {
    const { d, transport } = setup();
    const req = request("execute_request", { code: "input:name? ", allow_stdin: true });
    d.receive("shell", req);
    await new Promise((r) => setImmediate(r));
    const ir = transport.sent.find((s) => s.channel === "stdin");
    expect(ir?.msg.header.msg_type).toBe("input_request");
    expect(ir?.msg.identities).toEqual(req.identities);
    expect(ir?.msg.parent_header).toEqual(req.header);
    expect(ir?.msg.content).toEqual({ prompt: "name? ", password: false });
    const answer = { ...request("input_reply", { value: "Ada" }), parent_header: ir!.msg.header };
    d.receive("stdin", answer);
    await d.whenIdle();
    const result = transport.of(req).find((s) => s.msg.header.msg_type === "execute_result");
    expect(result?.msg.content.data).toEqual({ "text/plain": 'repr("Ada")' });
  });

  it("rejects with a clear error when allow_stdin is false", async () => {
    const { transport, send } = setup();
    const req = request("execute_request", { code: "input:name? ", allow_stdin: false });
    await send(req);
    expect(transport.reply(req).content).toMatchObject({ status: "error", evalue: NO_STDIN });
    expect(transport.sent.some((s) => s.channel === "stdin")).toBe(false);
  });

  it("an interrupt rejects a pending input", async () => {
    const { d, transport } = setup();
    const req = request("execute_request", { code: "input:x", allow_stdin: true });
    d.receive("shell", req);
    await new Promise((r) => setImmediate(r));
    d.interrupt();
    await d.whenIdle();
    expect(transport.reply(req).content).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
  });
});

describe("complete and inspect convert code-point cursors to UTF-16 and back", () => {
  // "😀" is one code point and two UTF-16 units: every position after it differs by one.
  const cases: { code: string; cursorCp: number; utf16: number; start: number }[] = [
    { code: "np.ze", cursorCp: 5, utf16: 5, start: 0 },
    { code: "'😀'; np.ze", cursorCp: 10, utf16: 11, start: 5 },
    { code: "'😀😀'; a", cursorCp: 7, utf16: 9, start: 6 },
    { code: "", cursorCp: 0, utf16: 0, start: 0 },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.code), async () => {
      const session = new FakeSession();
      const { transport, send } = setup(session);
      const req = request("complete_request", { code: c.code, cursor_pos: c.cursorCp });
      await send(req);
      expect(session.completions).toEqual([{ code: c.code, cursor: c.utf16 }]);
      expect(transport.reply(req).content).toMatchObject({ status: "ok", cursor_start: c.start, cursor_end: c.cursorCp });
      const ins = request("inspect_request", { code: c.code, cursor_pos: c.cursorCp, detail_level: 0 });
      await send(ins);
      expect(transport.reply(ins).content).toMatchObject({ status: "ok", found: true, data: { "text/plain": `inspect@${c.utf16}:${c.code.slice(0, c.utf16)}` } });
    });
  }
});

describe("is_complete", () => {
  it("passes the session's answer through", async () => {
    const { transport, send } = setup();
    const a = request("is_complete_request", { code: "for (;;) {" });
    const b = request("is_complete_request", { code: "1 + 1" });
    await send(a, b);
    expect(transport.reply(a).content).toEqual({ status: "incomplete", indent: "  " });
    expect(transport.reply(b).content).toEqual({ status: "complete" });
  });
});

describe("history", () => {
  const cells = ["np.zeros(3)", "a = 1", "np.ones(2)", "silent", "a = 1", "np.zeros(3)"];
  async function withHistory() {
    const s = setup();
    for (const code of cells) await s.send(request("execute_request", { code, silent: code === "silent" }));
    const ask = async (content: Record<string, unknown>) => {
      const r = request("history_request", content);
      await s.send(r);
      return s.transport.reply(r).content;
    };
    return ask;
  }
  // Lines: 1 np.zeros(3), 2 a = 1, 3 np.ones(2), (silent not stored), 4 a = 1, 5 np.zeros(3)
  const cases: { name: string; content: Record<string, unknown>; history: unknown[] }[] = [
    { name: "tail 2", content: { hist_access_type: "tail", n: 2, output: false, raw: true }, history: [[1, 4, "a = 1"], [1, 5, "np.zeros(3)"]] },
    { name: "tail 0", content: { hist_access_type: "tail", n: 0, output: false, raw: true }, history: [] },
    { name: "range 2..4", content: { hist_access_type: "range", session: 0, start: 2, stop: 4, output: false, raw: true }, history: [[1, 2, "a = 1"], [1, 3, "np.ones(2)"]] },
    { name: "range of another session", content: { hist_access_type: "range", session: -1, start: 1, stop: 9, output: false, raw: true }, history: [] },
    { name: "search np.*", content: { hist_access_type: "search", pattern: "np.*", output: false, raw: true }, history: [[1, 1, "np.zeros(3)"], [1, 3, "np.ones(2)"], [1, 5, "np.zeros(3)"]] },
    { name: "search unique keeps the latest", content: { hist_access_type: "search", pattern: "*", unique: true, output: false, raw: true }, history: [[1, 3, "np.ones(2)"], [1, 4, "a = 1"], [1, 5, "np.zeros(3)"]] },
    { name: "search with ? and n", content: { hist_access_type: "search", pattern: "np.?????(?)", n: 1, output: false, raw: true }, history: [[1, 5, "np.zeros(3)"]] },
    { name: "output true pairs input with null output", content: { hist_access_type: "tail", n: 1, output: true, raw: true }, history: [[1, 5, ["np.zeros(3)", null]]] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const ask = await withHistory();
      expect(await ask(c.content)).toEqual({ status: "ok", history: c.history });
    });
  }
});

describe("comms", () => {
  it("comm_info lists no comms; comm_open to an unknown target is closed at once; comm_msg is ignored", async () => {
    const { transport, send } = setup();
    const info = request("comm_info_request", {});
    const open = request("comm_open", { comm_id: "c-1", target_name: "jupyter.widget", data: {} });
    const msg = request("comm_msg", { comm_id: "c-1", data: {} });
    await send(info, open, msg);
    expect(transport.reply(info).content).toEqual({ status: "ok", comms: {} });
    expect(transport.trace(open)).toEqual(["iopub:status:busy", "iopub:comm_close", "iopub:status:idle"]);
    expect(transport.of(open).find((s) => s.msg.header.msg_type === "comm_close")?.msg.content).toEqual({ comm_id: "c-1", data: {} });
    expect(transport.trace(msg)).toEqual(["iopub:status:busy", "iopub:status:idle"]);
  });
});

describe("shutdown on shell", () => {
  it("replies, goes idle, then asks to shut down", async () => {
    const { transport, send, shutdowns } = setup();
    const req = request("shutdown_request", { restart: true });
    await send(req);
    expect(transport.reply(req).content).toEqual({ status: "ok", restart: true });
    expect(shutdowns).toEqual([true]);
  });

  it("also publishes the reply's content on iopub as a shutdown_reply of its own, before idle (ipykernel 6)", async () => {
    const { transport, send } = setup();
    const req = request("shutdown_request", { restart: "maybe" });
    await send(req);
    expect(transport.trace(req)).toEqual(["iopub:status:busy", "iopub:shutdown_reply", "shell:shutdown_reply", "iopub:status:idle"]);
    const broadcast = transport.of(req).find((s) => s.channel === "iopub" && s.msg.header.msg_type === "shutdown_reply");
    expect(broadcast?.msg.content).toEqual({ status: "ok", restart: "maybe" });
    expect(broadcast?.msg.header.msg_id).not.toBe(transport.reply(req).header.msg_id);
  });
});

describe("publisher outlives its request", () => {
  it("output after the reply keeps the producing cell's parent", async () => {
    const session = new FakeSession();
    let kept: import("../../../kernel/session/contract.js").Publisher | null = null;
    session.execute = async (_code, io) => {
      kept ??= io;
      return { status: "ok", hasValue: false, value: undefined };
    };
    const { transport, send } = setup(session);
    const first = request("execute_request", { code: "setTimeout" });
    const second = request("execute_request", { code: "other" });
    await send(first, second);
    kept!.stream("stdout", "late\n");
    kept!.display({ "text/plain": "x" }, { displayId: "d1", update: true });
    kept!.clearOutput(true);
    const late = transport.of(first).slice(-3);
    expect(late.map((s) => [s.msg.header.msg_type, s.msg.content])).toEqual([
      ["stream", { name: "stdout", text: "late\n" }],
      ["update_display_data", { data: { "text/plain": "x" }, metadata: {}, transient: { display_id: "d1" } }],
      ["clear_output", { wait: true }],
    ]);
  });
});

describe("malformed requests (a frame that was no JSON object, read as {} by the transport)", () => {
  it("are answered in their turn with a BadRequest naming the problem, busy/idle around, nothing run", async () => {
    const session = new FakeSession();
    const { d, transport } = setup(session);
    const first = request("execute_request", { code: "value:1" });
    const bad = request("execute_request", {});
    const after = request("execute_request", { code: "value:2" });
    d.receive("shell", first);
    d.receive("shell", bad, undefined, 'parent_header must be a JSON object, got "x"');
    d.receive("shell", after);
    await d.whenIdle();
    expect(session.executed).toEqual(["value:1", "value:2"]);
    expect(transport.reply(bad).content).toEqual({ status: "error", ename: "BadRequest", evalue: 'malformed execute_request: parent_header must be a JSON object, got "x"', traceback: [], execution_count: 1 });
    expect(transport.trace(bad)).toEqual(["iopub:status:busy", "iopub:error", "shell:execute_reply", "iopub:status:idle"]);
    expect(transport.reply(after).content).toMatchObject({ status: "ok", execution_count: 2 });
  });

  it("a comm message (no reply in the protocol) is logged, and an input_reply on stdin is dropped with a log line", async () => {
    const lines: string[] = [];
    const transport = new MemoryTransport();
    const d = new Dispatcher({ transport, session: new FakeSession(), toMimeBundle: () => ({}), kernelInfo: kernelInfoContent(), sessionId: "s", onShutdown: () => {}, log: (l) => lines.push(l) });
    const comm = request("comm_msg", {});
    d.receive("shell", comm, undefined, "metadata must be a JSON object, got null");
    d.receive("stdin", request("input_reply", {}), undefined, "content must be a JSON object, got 1");
    await d.whenIdle();
    expect(transport.trace(comm)).toEqual(["iopub:status:busy", "iopub:status:idle"]);
    expect(lines).toEqual(["comm_msg failed: BadRequest: malformed comm_msg: metadata must be a JSON object, got null", "dropped a malformed input_reply on stdin: content must be a JSON object, got 1"]);
  });
});

describe("shell requests sent on control (protocol/control.ts)", () => {
  /** A session whose cell "gate" waits until `open()` is called. */
  function gated() {
    const session = new FakeSession();
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => (open = r));
    const base = session.execute.bind(session);
    session.execute = async (code, io) => {
      if (code === "gate") {
        session.executed.push(code);
        await gate;
        io.stream("stdout", "after the gate\n");
        return { status: "ok", hasValue: true, value: "gated" };
      }
      return base(code, io);
    };
    return { session, open: () => open() };
  }
  const controlReply = (transport: MemoryTransport, req: Message) => transport.of(req).find((s) => s.channel === "control")?.msg;
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it.each([
    ["complete_request", { code: "np.", cursor_pos: 3 }, "complete_reply"],
    ["inspect_request", { code: "np", cursor_pos: 2 }, "inspect_reply"],
    ["is_complete_request", { code: "for (;;) {" }, "is_complete_reply"],
    ["history_request", { hist_access_type: "tail", n: 5 }, "history_reply"],
    ["comm_info_request", {}, "comm_info_reply"],
  ])("%s: the reply goes out on control, framed by busy/idle, and nothing on shell", async (type, content, replyType) => {
    const { d, transport } = setup();
    const req = request(type, content);
    d.receive("control", req);
    await d.whenIdle();
    expect(transport.trace(req)).toEqual(["iopub:status:busy", `control:${replyType}`, "iopub:status:idle"]);
    expect(controlReply(transport, req)?.content.status).not.toBe("error");
    expect(controlReply(transport, req)?.identities).toEqual(req.identities);
  });

  it("complete on control is answered while a shell cell is still running", async () => {
    const { session, open } = gated();
    const { d, transport } = setup(session);
    const cell = request("execute_request", { code: "gate" });
    d.receive("shell", cell);
    await tick();
    const comp = request("complete_request", { code: "np.", cursor_pos: 3 });
    d.receive("control", comp);
    await tick();
    expect(controlReply(transport, comp)?.content).toMatchObject({ status: "ok", matches: ["np.zeros"] });
    expect(transport.trace(cell)).toEqual(["iopub:status:busy", "iopub:execute_input"]); // the cell still runs
    open();
    await d.whenIdle();
    expect(transport.reply(cell).content.status).toBe("ok");
  });

  it("execute on control waits for the running cell, goes ahead of the queued shell execute, and keeps each cell's output and count apart", async () => {
    const { session, open } = gated();
    const { d, transport } = setup(session);
    const running = request("execute_request", { code: "gate" });
    const queued = request("execute_request", { code: "value:2" });
    const onControl = request("execute_request", { code: "print:from control" });
    d.receive("shell", running);
    d.receive("shell", queued);
    await tick();
    d.receive("control", onControl);
    await tick();
    expect(transport.of(onControl)).toEqual([]); // not run beside the running cell
    open();
    await d.whenIdle();
    expect(session.executed).toEqual(["gate", "print:from control", "value:2"]);
    expect(transport.trace(running)).toEqual(["iopub:status:busy", "iopub:execute_input", "iopub:stream", "iopub:execute_result", "shell:execute_reply", "iopub:status:idle"]);
    expect(transport.trace(onControl)).toEqual(["iopub:status:busy", "iopub:execute_input", "iopub:stream", "control:execute_reply", "iopub:status:idle"]);
    const count = (req: Message) => (transport.of(req).find((s) => s.msg.header.msg_type === "execute_reply")?.msg.content as { execution_count: number }).execution_count;
    expect([count(running), count(onControl), count(queued)]).toEqual([1, 2, 3]);
    const result = transport.of(running).find((s) => s.msg.header.msg_type === "execute_result")?.msg.content;
    expect(result).toMatchObject({ execution_count: 1, data: { "text/plain": 'repr("gated")' } });
  });

  it("an execute on control is not aborted by a failed shell cell", async () => {
    const { d, transport } = setup();
    const failing = request("execute_request", { code: "error:ValueError:bad" });
    const onControl = request("execute_request", { code: "value:1" });
    d.receive("shell", failing);
    d.receive("control", onControl);
    await d.whenIdle();
    expect(controlReply(transport, onControl)?.content.status).toBe("ok");
  });

  it("a malformed request on control gets a BadRequest reply on control", async () => {
    const { d, transport } = setup();
    const req = request("complete_request", {});
    d.receive("control", req, undefined, "content must be a JSON object, got []");
    await d.whenIdle();
    expect(controlReply(transport, req)?.content).toMatchObject({ status: "error", ename: "BadRequest", evalue: "malformed complete_request: content must be a JSON object, got []" });
  });
});
