/**
 * The dispatcher: runs on the main thread, takes verified shell and stdin messages from the
 * transport, and answers shell requests one at a time through ONE table keyed by the protocol's
 * msg_type names (`handlers`: the compiler checks that every type in ShellRequests has a handler).
 *
 * It alone publishes `status` (starting once; busy before and idle after every known shell
 * request) and sets parent headers; replies carry the request's header as parent_header and a
 * fresh msg_id. It owns execution_count, execute_input, execute_result and error (the session
 * only evaluates). After an error in an execute_request with stop_on_error, the execute
 * requests already queued are answered `{ status: "aborted" }` as ipykernel does.
 *
 * The shell request types sent on control (protocol/control.ts) are answered through the same
 * table, with the reply on control: an execute_request waits for the cell that runs now and goes
 * ahead of the shell requests queued (ipykernel flushes control before shell); the others are
 * answered at once, beside a running cell. Requests on control are never aborted.
 *
 * Hard rule: every piece of this file's code that runs after an `await` (a continuation: the next
 * queued request, the reply after a cell) runs inside withPristineBuiltins, as the code reached
 * from a message's arrival does (channel.ts opens a window around it). A cell may have patched
 * prototype methods (`Array.prototype.push = null`, `String.prototype.split = null`) that this
 * code calls; outside a window a queued request failed and an error reply could not be built, so
 * the kernel stopped answering.
 */
import type { CellSession, MimeBundle } from "../session/contract.js";
import type { KernelTransport } from "../transport/channel.js";
import type { InboundChannel, OutboundChannel } from "../transport/thread-messages.js";
import { answeredOnMainThread } from "../protocol/control.js";
import { newHeader, type Header, type Message } from "../transport/wire.js";
import { codePointToUtf16, utf16ToCodePoint } from "./cursor.js";
import { isExitRequest, parseHelpRequest } from "./help.js";
import { History } from "./history.js";
import { RequestPublisher, type Outbox } from "./publisher.js";
import { StreamBuffer } from "./stream-buffer.js";
import { shutdownReplyContent } from "../protocol/shutdown.js";
import { BadRequest, isShellRequestType, readers, replyType, type ShellReplies, type ShellRequests, type ShellRequestType, type UserExpressionResult } from "./requests.js";
import { Promise, Object, Map, Error, Buffer, JSON, Math, process, setTimeout, inPristineWindow, withPristineBuiltins } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** How long the kernel stays up after the reply to `exit`/`quit` (ipykernel: 0.1 s after the exit call). */
const EXIT_AFTER_REPLY_MS = 500;

export interface DispatcherOptions {
  transport: KernelTransport;
  /** The cell pipeline, or a promise of it while TypeScript loads in the background. */
  session: CellSession | Promise<CellSession>;
  toMimeBundle: (value: unknown) => MimeBundle;
  kernelInfo: ShellReplies["kernel_info_request"];
  /** The kernel's session id, written in the headers it sends. */
  sessionId: string;
  /** Called after a shutdown_request on shell is answered. */
  onShutdown: (restart: boolean) => void;
  log?: (line: string) => void;
}

/** A request waiting for its turn. */
interface Queued {
  msg: Message;
  seq: number;
  problem?: string;
  /** Where the reply goes: shell, or control for a shell request type sent there. */
  channel: "shell" | "control";
}

/** One shell request being handled. */
interface RequestContext {
  msg: Message;
  /**
   * iopub messages that go out with the reply (execute_result, error): published just before it,
   * in the stretch that also sends the reply and idle, so the three reach the transport process
   * in one write (KernelTransport.cork).
   */
  withReply: [msgType: string, content: Record<string, unknown>][];
  /**
   * Set by a handler that returned null to have its reply built in the answer's window (an
   * execute without user expressions: its result, reply and idle in one window, one write).
   */
  finish: (() => ShellReplies["execute_request"]) | null;
  /** Set by a failing execute with stop_on_error: abort the execute requests queued before its reply. */
  abortQueued: boolean;
  /** Runs after the reply and the idle status are sent. */
  after(fn: () => void): void;
}

/** A handler resolves with its reply, or null: none (comm messages), or built later by ctx.finish. */
type Handler<K extends ShellRequestType> = (req: ShellRequests[K], ctx: RequestContext) => Promise<ShellReplies[K] | null>;

export class Dispatcher implements Outbox {
  private readonly queue: Queued[] = [];
  /** execute_requests that came on control: run before the shell queue. */
  private readonly controlQueue: Queued[] = [];
  /** Control requests being answered beside the shell queue (complete, inspect, ... on control). */
  private answeringControl = 0;
  private pumping = false;
  /** Execute requests with a seq up to this one are answered "aborted" (set after an error). */
  private abortThrough = 0;
  /** The seq of the last shell request received. */
  private lastSeq = 0;
  private executionCount = 0;
  private readonly history = new History();
  private readonly pendingInputs = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  private idleWaiters: (() => void)[] = [];
  private readonly log: (line: string) => void;
  /** Stream output waiting to be sent as one message (flushed before anything else is sent). */
  private readonly streams = new StreamBuffer((parent, name, text) => this.sendNow("iopub", parent, "stream", { name, text }, {}));
  /** The cell session once loaded: handlers then use it without an `await` (no continuation outside a window). */
  private sessionNow: CellSession | null = null;

  constructor(private readonly opts: DispatcherOptions) {
    this.log = opts.log ?? ((line) => process.stderr.write(`[strided] ${line}\n`));
    // A rejected session must not become an unhandled rejection before the first execute.
    Promise.resolve(opts.session).then(
      (s) => {
        this.sessionNow = s;
      },
      (e: unknown) => this.log(`the cell session failed to start: ${(e as Error).message}`),
    );
  }

  /**
   * `fn(session)`: at once (no `await`, so in the caller's window) once the session is loaded;
   * before that (no cell has run, nothing is patched) when it is, in a window of its own.
   */
  private withSession<T>(fn: (session: CellSession) => T): T | Promise<T> {
    const now = this.sessionNow;
    if (now !== null) return fn(now);
    return (async () => {
      const loaded = await this.opts.session;
      return withPristineBuiltins(() => fn(loaded));
    })();
  }

  /**
   * `fn` once the session can answer editor requests (complete, inspect, is_complete): a first
   * Shift-Tab or Tab that arrives while the compute is still loading its compiler waits for it
   * instead of being told "nothing found".
   */
  private withEditor<T>(fn: (session: CellSession) => T): T | Promise<T> {
    const now = this.sessionNow;
    if (now !== null && this.editorLoaded) return fn(now);
    return (async () => {
      const loaded = now ?? (await this.opts.session);
      await loaded.editorReady?.();
      this.editorLoaded = true;
      return withPristineBuiltins(() => fn(loaded));
    })();
  }

  /** Set once the session's editorReady() resolved. */
  private editorLoaded = false;

  /** Publishes `status: starting` (once, at start-up). */
  start(): void {
    this.send("iopub", null, "status", { execution_state: "starting" });
  }

  /**
   * Takes one verified message from the transport. `seq` numbers shell requests in the order the
   * transport read them (default: the order received here). `problem`: a frame of the request was
   * no JSON object (read as `{}`): it is answered, in its turn, with a BadRequest naming it (comm
   * messages, which get no reply, are logged). Never throws.
   */
  receive(channel: InboundChannel, msg: Message, seq?: number, problem?: string): void {
    try {
      if (channel === "stdin") {
        if (problem !== undefined) return this.log(`dropped a malformed ${msg.header.msg_type} on stdin: ${problem}`);
        return this.receiveStdin(msg);
      }
      if (channel === "control") return this.receiveControl(msg, problem);
      this.lastSeq = seq ?? this.lastSeq + 1;
      const t = msg.header.msg_type;
      if (!isShellRequestType(t)) {
        this.log(`ignoring unknown shell message type ${JSON.stringify(t)}`);
        return;
      }
      this.queue.push({ msg, seq: this.lastSeq, problem, channel: "shell" });
      if (!this.pumping) void this.pump();
    } catch (e) {
      this.log(`dropped a ${channel} message: ${(e as Error).message}`);
    }
  }

  /**
   * A shell request type sent on control (protocol/control.ts): an execute waits for the running
   * cell, ahead of the shell queue; the others are answered now, beside a running cell.
   */
  private receiveControl(msg: Message, problem?: string): void {
    const t = msg.header.msg_type;
    if (!isShellRequestType(t) || !answeredOnMainThread(t)) {
      this.log(`ignoring control message type ${JSON.stringify(t)}`);
      return;
    }
    if (t === "execute_request") {
      this.controlQueue.push({ msg, seq: 0, problem, channel: "control" });
      if (!this.pumping) void this.pump();
      return;
    }
    void this.dispatch(msg, false, problem, "control");
  }

  /** Rejects pending input() calls: an interrupt arrived (called from the SIGINT handler). */
  interrupt(): void {
    for (const [id, p] of this.pendingInputs) {
      this.pendingInputs.delete(id);
      p.reject(Object.assign(new Error("interrupted while waiting for input"), { name: "KeyboardInterrupt" }));
    }
  }

  /** Resolves when every queued shell request has been answered (for tests and shutdown). */
  whenIdle(): Promise<void> {
    if (!this.pumping && this.answeringControl === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  // ---- Outbox (used by request publishers) ----

  publish(parent: Message, msgType: string, content: Record<string, unknown>, metadata: Record<string, unknown> = {}): void {
    if (msgType === "stream" && (content.name === "stdout" || content.name === "stderr") && typeof content.text === "string") {
      this.streams.write(parent, content.name, content.text);
      return;
    }
    this.send("iopub", parent, msgType, content, metadata);
  }

  /** Send the buffered stream output now (before the process exits). */
  flushOutput(): void {
    this.streams.flush();
  }

  requestInput(parent: Message, prompt: string, password: boolean): Promise<string> {
    const header = this.send("stdin", parent, "input_request", { prompt, password });
    return new Promise((resolve, reject) => this.pendingInputs.set(header.msg_id, { resolve, reject }));
  }

  // ---- the table ----

  private readonly handlers: { [K in ShellRequestType]: Handler<K> } = {
    kernel_info_request: async () => this.opts.kernelInfo,
    execute_request: (req, ctx) => this.execute(req, ctx),
    complete_request: async (req) =>
      this.withEditor((session) => {
        const r = session.complete(req.code, codePointToUtf16(req.code, req.cursor_pos));
        return {
          status: "ok" as const,
          matches: r.matches,
          cursor_start: utf16ToCodePoint(req.code, r.cursorStart),
          cursor_end: utf16ToCodePoint(req.code, r.cursorEnd),
          metadata: r.metadata,
        };
      }),
    inspect_request: async (req) =>
      this.withEditor((session) => {
        const r = session.inspect(req.code, codePointToUtf16(req.code, req.cursor_pos), req.detail_level);
        return { status: "ok" as const, found: r.found, data: r.data, metadata: {} };
      }),
    is_complete_request: async (req) => this.withEditor((session) => session.isComplete(req.code)),
    history_request: async (req) => {
      const h = this.history;
      const entries =
        req.hist_access_type === "tail"
          ? h.tail(req.n, req.output)
          : req.hist_access_type === "range"
            ? h.range(req.session, req.start, req.stop, req.output)
            : h.search(req.pattern, req.n, req.unique, req.output);
      return { status: "ok", history: entries };
    },
    comm_info_request: async () => ({ status: "ok", comms: {} }),
    comm_open: async (req, ctx) => {
      // No comm targets are registered: close the comm at once, as ipykernel's CommManager does.
      this.log(`no comm target ${JSON.stringify(req.target_name)}: closing comm ${req.comm_id}`);
      this.publish(ctx.msg, "comm_close", { comm_id: req.comm_id, data: {} });
      return null;
    },
    comm_msg: async () => null,
    comm_close: async () => null,
    shutdown_request: async (req, ctx) => {
      ctx.after(() => this.opts.onShutdown(req.restart));
      const content = shutdownReplyContent(req);
      this.publish(ctx.msg, "shutdown_reply", { ...content }); // ipykernel's broadcast on iopub, before idle (protocol/shutdown.ts)
      return content;
    },
  };

  private async execute(req: ShellRequests["execute_request"], ctx: RequestContext): Promise<ShellReplies["execute_request"] | null> {
    const n = req.store_history ? ++this.executionCount : this.executionCount;
    if (!req.silent) this.publish(ctx.msg, "execute_input", { code: req.code, execution_count: n });
    if (req.store_history) this.history.add(n, req.code);
    const started = this.withSession((session) => this.startExecute(session, req, ctx, n));
    const done = started instanceof Promise ? await started : started;
    if (done.kind === "answered") return done.reply;
    const outcome = await done.running;
    const names = Object.keys(req.user_expressions);
    if (names.length === 0) {
      // Finished in the answer's window (dispatchNow), with the reply and idle: one window, one write.
      ctx.finish = () => this.finishExecute(outcome, req, ctx, n) ?? { status: "ok", execution_count: n, user_expressions: {}, payload: [] };
      return null;
    }
    const finished = withPristineBuiltins(() => {
      const f = this.finishExecute(outcome, req, ctx, n);
      this.publishWithReply(ctx); // the result before what user expressions print, as ipykernel
      return f;
    }); // a continuation: in a window (hard rule)
    if (finished !== null) return finished;
    const user_expressions: Record<string, UserExpressionResult> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      try {
        const r = await this.sessionNow!.userExpression(req.user_expressions[name]);
        user_expressions[name] = r.status === "ok" ? { status: "ok", data: r.data, metadata: {} } : r;
      } catch (e) {
        user_expressions[name] = errorOutcome(e);
      }
    }
    return { status: "ok", execution_count: n, user_expressions, payload: [] };
  }

  /** An execute's start: the reply itself for exit/quit and `name?`, else the running cell. */
  private startExecute(
    session: CellSession,
    req: ShellRequests["execute_request"],
    ctx: RequestContext,
    n: number,
  ): { kind: "answered"; reply: ShellReplies["execute_request"] } | { kind: "running"; running: ReturnType<CellSession["execute"]> } {
    if (isExitRequest(req.code)) {
      // IPython's exit/quit (ZMQInteractiveShell.ask_exit): an `ask_exit` payload for the front end
      // (jupyter console leaves), and the kernel ends itself a little after the reply is out, as
      // ipykernel stops its loop 0.1 s after exit: jupyter console reads the reply (after the idle
      // status, polling every 50 ms) only while the kernel process is alive; a kernel gone at once
      // left it at a new prompt over a dead kernel, the reply read later as an is_complete's.
      ctx.after(() => void setTimeout(() => this.opts.onShutdown(false), EXIT_AFTER_REPLY_MS));
      return { kind: "answered", reply: { status: "ok", execution_count: n, user_expressions: {}, payload: [{ source: "ask_exit", keepkernel: false }] } };
    }
    const help = parseHelpRequest(req.code);
    if (help) {
      const r = session.inspect(help.expr, help.expr.length, help.detailLevel);
      if (!r.found) this.publish(ctx.msg, "stream", { name: "stdout", text: `Object \`${help.expr}\` not found.\n` });
      const payload = r.found ? [{ source: "page", data: r.data, start: 0 }] : [];
      return { kind: "answered", reply: { status: "ok", execution_count: n, user_expressions: {}, payload } };
    }
    const io = new RequestPublisher(this, ctx.msg, req.allow_stdin);
    return { kind: "running", running: session.execute(req.code, io, { allowStdin: req.allow_stdin, silent: req.silent, storeHistory: req.store_history, executionCount: n }) };
  }

  /** After the cell: its result or error left to go out with the reply (ctx.withReply); the error reply, or null for the ok one. */
  private finishExecute(
    ran: Awaited<ReturnType<CellSession["execute"]>>,
    req: ShellRequests["execute_request"],
    ctx: RequestContext,
    n: number,
  ): ShellReplies["execute_request"] | null {
    let outcome: Awaited<ReturnType<CellSession["execute"]>> | ReturnType<typeof errorOutcome> = ran;
    if (outcome.status === "ok" && outcome.hasValue && outcome.value !== undefined && !req.silent) {
      try {
        const data = this.opts.toMimeBundle(outcome.value);
        ctx.withReply[ctx.withReply.length] = ["execute_result", { execution_count: n, data, metadata: {} }];
      } catch (e) {
        outcome = errorOutcome(e);
      }
    }
    if (outcome.status === "error") {
      const { ename, evalue, traceback } = outcome;
      ctx.withReply[ctx.withReply.length] = ["error", { ename, evalue, traceback }];
      if (req.stop_on_error && !req.silent) ctx.abortQueued = true;
      return { status: "error", execution_count: n, ename, evalue, traceback };
    }
    return null;
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    // The first request is dispatched before any await, so inside the window of the message's
    // arrival when there is one (channel.ts): no second check of the built-ins for it.
    let inWindow = inPristineWindow();
    try {
      while (this.queue.length > 0 || this.controlQueue.length > 0) {
        const next = (this.controlQueue.length > 0 ? this.controlQueue.shift() : this.queue.shift()) as Queued;
        // Requests on control are never aborted (ipykernel aborts the shell queue only).
        const run = (): Promise<void> => this.dispatch(next.msg, next.channel === "shell" && next.seq <= this.abortThrough, next.problem, next.channel);
        // A continuation of the previous request: the next one starts in a window (hard rule).
        await (inWindow ? run() : withPristineBuiltins(run));
        inWindow = false;
      }
    } finally {
      this.pumping = false;
      withPristineBuiltins(() => this.wakeIdleWaiters());
    }
  }

  private wakeIdleWaiters(): void {
    if (this.pumping || this.answeringControl > 0) return;
    const ws = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of ws) w();
  }


  private async dispatch(msg: Message, aborting: boolean, problem: string | undefined, channel: "shell" | "control"): Promise<void> {
    const beside = channel === "control" && msg.header.msg_type !== "execute_request";
    if (beside) this.answeringControl++;
    try {
      await this.dispatchNow(msg, aborting, problem, channel);
    } finally {
      if (beside) {
        this.answeringControl--;
        this.wakeIdleWaiters();
      }
    }
  }

  private async dispatchNow(msg: Message, aborting: boolean, problem: string | undefined, channel: "shell" | "control"): Promise<void> {
    const type = msg.header.msg_type as ShellRequestType;
    const afters: (() => void | Promise<void>)[] = [];
    const ctx: RequestContext = { msg, abortQueued: false, withReply: [], finish: null, after: (fn) => (afters[afters.length] = fn) };
    // Two synchronous stretches, each corked into one write to the transport process: busy with
    // what the handler sends before its first await (execute_input), then (answer) the result,
    // the reply and idle.
    const transport = this.opts.transport;
    let answer: { content: ShellReplies[ShellRequestType] | null } | { failed: unknown } | null = null;
    let running: Promise<ShellReplies[ShellRequestType] | null> | null = null;
    transport.cork?.();
    try {
      this.send("iopub", msg, "status", { execution_state: "busy" });
      if (aborting && type === "execute_request") {
        this.log(`aborting execute_request ${msg.header.msg_id}: an earlier cell failed`);
        this.send(channel, msg, "execute_reply", { status: "aborted" });
      } else {
        try {
          if (problem !== undefined) throw new BadRequest(`malformed ${type}: ${problem}`);
          running = this.run(type, msg, ctx);
        } catch (e) {
          answer = { failed: e };
        }
      }
    } finally {
      transport.uncork?.();
    }
    if (running !== null) {
      try {
        answer = { content: await running };
      } catch (e) {
        answer = { failed: e };
      }
    }
    // A continuation (after the handler): the reply and the idle are built in a window (hard rule).
    const barrier = withPristineBuiltins(() => {
      transport.cork?.();
      try {
        return this.answer(type, msg, channel, ctx, answer);
      } finally {
        transport.uncork?.();
      }
    });
    if (barrier) {
      // Abort the execute requests that were queued when the error reply went out: those the
      // transport had read by then, including any still in flight to this thread (its answer
      // comes after every request it counts), and none sent after the front end saw the error.
      this.abortThrough = Math.min(await barrier, this.lastSeq);
    }
    for (const fn of afters) {
      try {
        await fn();
      } catch (e) {
        this.log(`after ${type}: ${(e as Error).message}`);
      }
    }
  }

  /** Sends a handler's reply (or the error it threw) and the idle status; the barrier of an error reply that aborts the queue. */
  private answer(
    type: ShellRequestType,
    msg: Message,
    channel: "shell" | "control",
    ctx: RequestContext,
    answer: { content: ShellReplies[ShellRequestType] | null } | { failed: unknown } | null,
  ): Promise<number> | null {
    let barrier: Promise<number> | null = null;
    if (answer !== null && "content" in answer) {
      try {
        const finish = ctx.finish;
        ctx.finish = null;
        const content = finish !== null ? finish() : answer.content;
        this.publishWithReply(ctx);
        if (content !== null) {
          if (ctx.abortQueued) barrier = this.sendWithBarrier(channel, msg, replyType(type), content);
          else this.send(channel, msg, replyType(type), content);
        }
      } catch (e) {
        answer = { failed: e }; // the reply could not be sent: an error reply instead
      }
    }
    if (answer !== null && "failed" in answer) {
      this.publishWithReply(ctx);
      const err = errorOutcome(answer.failed);
      this.log(`${type} failed: ${err.ename}: ${err.evalue}`);
      if (type === "execute_request") this.publish(msg, "error", { ename: err.ename, evalue: err.evalue, traceback: err.traceback });
      // comm_open/comm_msg/comm_close get no reply; comm_info_request does (a malformed one got none: the front end waited for good).
      if (type !== "comm_open" && type !== "comm_msg" && type !== "comm_close") {
        this.send(channel, msg, replyType(type), { ...err, ...(type === "execute_request" ? { execution_count: this.executionCount } : {}) });
      }
    }
    this.send("iopub", msg, "status", { execution_state: "idle" });
    return barrier;
  }

  /** Publishes what the handler left to go out with the reply (execute_result, error). */
  private publishWithReply(ctx: RequestContext): void {
    const held = ctx.withReply;
    ctx.withReply = [];
    for (let i = 0; i < held.length; i++) this.publish(ctx.msg, held[i][0], held[i][1]);
  }

  private run<K extends ShellRequestType>(type: K, msg: Message, ctx: RequestContext): Promise<ShellReplies[K] | null> {
    const req = readers[type](msg.content);
    const handler = this.handlers[type] as Handler<K>;
    return handler(req, ctx);
  }

  private receiveStdin(msg: Message): void {
    if (msg.header.msg_type !== "input_reply") {
      this.log(`ignoring unknown stdin message type ${JSON.stringify(msg.header.msg_type)}`);
      return;
    }
    const parentId = (msg.parent_header as Partial<Header>).msg_id;
    let key = typeof parentId === "string" && this.pendingInputs.has(parentId) ? parentId : undefined;
    // A front end that omits the parent answers the oldest question, as ipykernel assumes.
    if (key === undefined) key = this.pendingInputs.keys().next().value;
    if (key === undefined) {
      this.log("ignoring an input_reply nobody asked for");
      return;
    }
    const p = this.pendingInputs.get(key);
    this.pendingInputs.delete(key);
    const value = msg.content.value;
    p?.resolve(typeof value === "string" ? value : String(value ?? ""));
  }

  private sendWithBarrier(channel: "shell" | "control", parent: Message, msgType: string, content: object): Promise<number> {
    this.streams.flush();
    return this.opts.transport.sendWithBarrier(channel, this.build(channel, parent, msgType, content, {}));
  }

  /** Every message goes out after the stream output buffered before it. */
  private send(channel: OutboundChannel, parent: Message | null, msgType: string, content: object, metadata: Record<string, unknown> = {}): Header {
    this.streams.flush();
    return this.sendNow(channel, parent, msgType, content, metadata);
  }

  /**
   * Builds and sends in a window (primordials.ts) when not already in one: a cell's output, its
   * display() calls and a timer's late prints reach here from notebook code, where a patched
   * `Buffer.from` or `Uint8Array.prototype.set` would otherwise stop the message (and every later
   * one) part-way.
   */
  private sendNow(channel: OutboundChannel, parent: Message | null, msgType: string, content: object, metadata: Record<string, unknown>): Header {
    if (!inPristineWindow()) return withPristineBuiltins(() => this.sendNow(channel, parent, msgType, content, metadata));
    const msg = this.build(channel, parent, msgType, content, metadata);
    this.opts.transport.send(channel, msg);
    return msg.header;
  }

  private build(channel: OutboundChannel, parent: Message | null, msgType: string, content: object, metadata: Record<string, unknown>): Message {
    const header = newHeader(msgType, this.opts.sessionId);
    return {
      // iopub goes to every subscriber; shell, control and stdin go back to the requester's identities.
      identities: channel === "iopub" ? [Buffer.from(msgType)] : (parent?.identities ?? []),
      header,
      parent_header: parent ? parent.header : {},
      metadata,
      content: content as Record<string, unknown>,
      buffers: [],
    };
  }
}

/** The error reply's fields for `e`; in a window of its own (it may be called from a continuation). */
function errorOutcome(e: unknown): { status: "error"; ename: string; evalue: string; traceback: string[] } {
  return withPristineBuiltins(() => errorOutcomeNow(e));
}

function errorOutcomeNow(e: unknown): { status: "error"; ename: string; evalue: string; traceback: string[] } {
  if (e instanceof BadRequest) return { status: "error", ename: e.name, evalue: e.message, traceback: [] };
  if (e instanceof Error) return { status: "error", ename: e.name, evalue: e.message, traceback: (e.stack ?? `${e.name}: ${e.message}`).split("\n") };
  return { status: "error", ename: "Error", evalue: String(e), traceback: [] };
}
