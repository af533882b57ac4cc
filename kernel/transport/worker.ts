/**
 * The transport worker: every ZeroMQ socket of the kernel lives on this thread, never on the
 * main thread, so heartbeat and control answer while a cell spins in `while (true) {}`.
 *
 * - shell, stdin (ROUTER): verified here, forwarded to the main thread as `request`.
 * - control (ROUTER): answered here: kernel_info_request, interrupt_request (an `interrupt` message
 *   to the main thread and SIGINT to our own process; terminator.ts forces code that ignores it; a
 *   cell stopped in the debugger is ended by the debugger instead), shutdown_request (reply, SIGINT, ask main to exit,
 *   and if main stays busy, close the sockets and end the process ourselves), debug_request
 *   (JupyterLab's debugger: kernel/debug/adapter.ts; its events go out on iopub as debug_event),
 *   usage_request (the kernel's CPU and memory: protocol/usage.ts).
 *   Each control request is framed by `status` busy/idle on iopub with it as parent, as ipykernel does.
 *   The shell request types on control (execute, complete, inspect, ...) go to the main thread as
 *   `request`s on channel control: the dispatcher answers them there (protocol/control.ts).
 * - iopub (PUB), heartbeat (REP, echo).
 * Bad, missing or replayed signatures and malformed frames are dropped with a line on stderr.
 *
 * Hard rule: close every socket before this thread ends; terminating a worker that still holds
 * open zeromq sockets aborts the whole process (measured, DESIGN.md).
 */
import { writeSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import * as zmq from "zeromq";
import { DebugAdapter } from "../debug/adapter.js";
import { readDapRequest } from "../debug/dap.js";
import { LOG_ENABLED } from "../log.js";
import { answeredOnMainThread } from "../protocol/control.js";
import { readShutdownRestart, shutdownReplyContent } from "../protocol/shutdown.js";
import { usageReply } from "../protocol/usage.js";
import { endpoint } from "./connection.js";
import { revive, type MainToWorker, type OutboundChannel, type WorkerData, type WorkerToMain } from "./thread-messages.js";
import { Terminator } from "./terminator.js";
import { ReplayGuard, Signer, decode, encode, newHeader, type Message } from "./wire.js";

/**
 * How long main may stay busy after a shutdown_request before the worker ends the process:
 * jupyter_client's shutdown_wait_time (5 s), long enough for a bounded task such as warming the
 * compiler at start-up to finish and let the process exit 0; a cell that ignores SIGINT is killed.
 */
const SHUTDOWN_GRACE_MS = 5000;
/** How long unsent messages may linger after close (the last replies must still reach the client). */
const LINGER_MS = 1000;
/** How often to check that the process that launched us is alive (ipykernel's ParentPollerUnix). */
const PARENT_POLL_MS = 1000;

const data = workerData as WorkerData;
const port = parentPort;
if (!port) throw new Error("kernel/transport/worker.js must run as a worker_thread");

const post = (m: WorkerToMain): void => port.postMessage(m);
const log = (line: string): void => {
  if (!LOG_ENABLED) return;
  // Worker stderr is relayed through the main thread; write synchronously to fd 2 so a busy
  // main thread cannot hold a log line back.
  try {
    writeSync(2, `[strided transport] ${line}\n`);
  } catch {
    // stderr gone: nothing to do
  }
};

const signer = new Signer(data.connection.key, data.connection.signature_scheme);
const replay = new ReplayGuard();

const shell = new zmq.Router({ linger: LINGER_MS });
const control = new zmq.Router({ linger: LINGER_MS });
const stdin = new zmq.Router({ linger: LINGER_MS });
const iopub = new zmq.Publisher({ linger: LINGER_MS });
const hb = new zmq.Reply({ linger: LINGER_MS });
const all = [shell, control, stdin, iopub, hb];
/** Turns SIGINT and interrupt_request into `interrupt` messages; forces code that ignores them (terminator.ts). */
const terminator = new Terminator(log, () => post({ kind: "interrupt" }));
/** The parent of debug_event messages: the latest debug_request. */
let debugParent: Message | null = null;
/** JupyterLab's debugger (debug_request on control, debug_event on iopub): kernel/debug/adapter.ts. */
const debugAdapter = new DebugAdapter({
  event: (e) => {
    const msg: Message = {
      identities: [Buffer.from("debug_event")],
      header: newHeader("debug_event", data.session),
      parent_header: debugParent?.header ?? {},
      metadata: {},
      content: e as unknown as Record<string, unknown>,
      buffers: [],
    };
    void queues.iopub.push(encode(msg, signer));
  },
  setActive: (active) => post({ kind: "debug-active", active }),
  forcingInterrupt: () => terminator.isForcing,
  log,
});

/** One send at a time per socket (zeromq.js refuses concurrent sends), in the order asked. */
class SendQueue {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly socket: zmq.Writable & zmq.Socket, private readonly name: string) {}
  push(frames: Buffer[]): Promise<void> {
    this.tail = this.tail.then(
      () => (this.socket.closed ? undefined : this.socket.send(frames)),
    ).catch((e: unknown) => log(`send on ${this.name} failed: ${(e as Error).message}`));
    return this.tail;
  }
  drain(): Promise<void> {
    return this.tail;
  }
}

const queues: Record<OutboundChannel, SendQueue> = {
  shell: new SendQueue(shell, "shell"),
  stdin: new SendQueue(stdin, "stdin"),
  iopub: new SendQueue(iopub, "iopub"),
  control: new SendQueue(control, "control"),
};

let closing: Promise<void> | null = null;
/** Shell requests read so far (their seq numbers). */
let shellSeq = 0;

/** Flush what was queued, then close every socket. Idempotent. */
function closeAll(): Promise<void> {
  if (!closing) {
    closing = (async () => {
      await Promise.all(Object.values(queues).map((q) => q.drain()));
      terminator.close();
      debugAdapter.close();
      for (const s of all) if (!s.closed) s.close();
    })();
  }
  return closing;
}

function reply(channel: "control", request: Message, msgType: string, content: Record<string, unknown>): Promise<void> {
  const msg: Message = {
    identities: request.identities,
    header: newHeader(msgType, data.session),
    parent_header: request.header,
    metadata: {},
    content,
    buffers: [],
  };
  return queues[channel].push(encode(msg, signer));
}

/** A message on iopub with a control request as parent. */
function publishIopub(parent: Message, msgType: string, content: Record<string, unknown>): Promise<void> {
  const msg: Message = {
    identities: [Buffer.from(msgType)],
    header: newHeader(msgType, data.session),
    parent_header: parent.header,
    metadata: {},
    content,
    buffers: [],
  };
  return queues.iopub.push(encode(msg, signer));
}

/** `status` on iopub with a control request as parent (ipykernel publishes busy/idle around control requests too). */
function publishStatus(parent: Message, state: "busy" | "idle"): Promise<void> {
  return publishIopub(parent, "status", { execution_state: state });
}

async function handleControl(msg: Message): Promise<void> {
  void publishStatus(msg, "busy");
  try {
    await answerControl(msg);
  } finally {
    void publishStatus(msg, "idle");
  }
}

async function answerControl(msg: Message): Promise<void> {
  switch (msg.header.msg_type) {
    case "kernel_info_request":
      await reply("control", msg, "kernel_info_reply", data.kernelInfo);
      return;
    case "interrupt_request":
      if (debugAdapter.isPaused) {
        // A cell stopped in the debugger is ended by the debugger alone (an interrupt message
        // or a SIGINT left pending would reach the next cell).
        await debugAdapter.release();
      } else {
        terminator.requested();
      }
      await reply("control", msg, "interrupt_reply", { status: "ok" });
      return;
    case "shutdown_request": {
      const read = readShutdownRestart(msg.content); // read as the shell channel reads it
      const restart = read.restart;
      const content = shutdownReplyContent(read);
      await reply("control", msg, "shutdown_reply", { ...content });
      void publishIopub(msg, "shutdown_reply", { ...content }); // ipykernel's broadcast, before idle (protocol/shutdown.ts)
      await debugAdapter.release();
      // Stop whatever runs on the main thread, then ask it to exit; if it cannot, end it ourselves.
      process.kill(process.pid, "SIGINT");
      post({ kind: "shutdown", restart });
      const t = setTimeout(() => {
        log(`main thread did not exit ${SHUTDOWN_GRACE_MS} ms after shutdown_request: ending the process`);
        void closeAll().then(() => process.kill(process.pid, "SIGKILL"));
      }, SHUTDOWN_GRACE_MS);
      t.unref();
      return;
    }
    case "usage_request":
      // the kernel's CPU and memory, as ipykernel answers it (protocol/usage.ts); here, so it answers while a cell runs
      await reply("control", msg, "usage_reply", usageReply());
      return;
    case "debug_request": {
      debugParent = msg;
      let content: Record<string, unknown>;
      try {
        content = (await debugAdapter.handle(readDapRequest(msg.content))) as unknown as Record<string, unknown>;
      } catch (e) {
        content = { type: "response", seq: 0, request_seq: msg.content.seq ?? 0, command: msg.content.command ?? "", success: false, message: (e as Error).message };
      }
      await reply("control", msg, "debug_reply", content);
      return;
    }
    default:
      log(`ignoring unknown control message type ${JSON.stringify(msg.header.msg_type)}`);
  }
}

/** The error reply a control request gets when a frame of it is no JSON object (wire.ts, `malformed`); busy/idle around it as for any control request. */
async function answerMalformedControl(msg: Message, reason: string): Promise<void> {
  const type = msg.header.msg_type;
  const evalue = `malformed ${type}: ${reason}`;
  if (!CONTROL_REPLIES[type]) return log(`ignoring unknown control message type ${JSON.stringify(type)}`);
  void publishStatus(msg, "busy");
  try {
    // A debug_reply is a DAP response (a failed one says why); the others carry the protocol's error fields.
    const content = type === "debug_request" ? { type: "response", seq: 0, request_seq: 0, command: "", success: false, message: evalue } : { status: "error", ename: "BadRequest", evalue, traceback: [] };
    await reply("control", msg, CONTROL_REPLIES[type], content);
  } finally {
    void publishStatus(msg, "idle");
  }
}
/** The control requests this worker answers (answerControl's cases) and their replies. */
const CONTROL_REPLIES: Record<string, string> = { kernel_info_request: "kernel_info_reply", interrupt_request: "interrupt_reply", shutdown_request: "shutdown_reply", debug_request: "debug_reply", usage_request: "usage_reply" };

async function readLoop(socket: zmq.Router, name: "shell" | "control" | "stdin"): Promise<void> {
  try {
    for await (const frames of socket) {
      const r = decode(frames, signer, replay);
      if (!r.ok && r.malformed && name !== "stdin") {
        // Signed, with a readable header, but a frame that is no JSON object: answered with an
        // error naming it (control here, shell in turn by the dispatcher), never dropped unsaid.
        log(`malformed ${r.malformed.header.msg_type} on ${name}: ${r.reason}`);
        if (name === "control" && answeredOnMainThread(r.malformed.header.msg_type)) post({ kind: "request", channel: name, msg: r.malformed, seq: shellSeq, problem: r.reason });
        else if (name === "control") answerMalformedControl(r.malformed, r.reason).catch((e: unknown) => log(`control handler failed: ${(e as Error).message}`));
        else post({ kind: "request", channel: name, msg: r.malformed, seq: ++shellSeq, problem: r.reason });
        continue;
      }
      if (!r.ok) {
        log(`dropped a message on ${name}: ${r.reason}`); // an input_reply has no reply to carry an error
        continue;
      }
      if (name === "control" && answeredOnMainThread(r.msg.header.msg_type)) {
        // execute, complete, inspect, ...: the dispatcher answers them on control (protocol/control.ts).
        post({ kind: "request", channel: name, msg: r.msg, seq: shellSeq });
      } else if (name === "control") {
        handleControl(r.msg).catch((e: unknown) => log(`control handler failed: ${(e as Error).message}`));
      } else {
        post({ kind: "request", channel: name, msg: r.msg, seq: name === "shell" ? ++shellSeq : shellSeq });
      }
    }
  } catch (e) {
    if (!socket.closed) log(`reading ${name} stopped: ${(e as Error).message}`);
  }
}

async function heartbeat(): Promise<void> {
  try {
    for await (const frames of hb) await hb.send(frames);
  } catch (e) {
    if (!hb.closed) log(`heartbeat stopped: ${(e as Error).message}`);
  }
}

port.on("message", (m: MainToWorker) => {
  if (m.kind === "send") {
    if (m.barrier !== undefined) post({ kind: "barrier", id: m.barrier, seq: shellSeq });
    if (closing) return;
    queues[m.channel].push(encode(revive(m.msg), signer));
  } else if (m.kind === "running") {
    terminator.setRunning(m.running);
  } else if (m.kind === "debug-cell") {
    debugAdapter
      .registerCell(m.url, m.code, m.segments)
      .catch((e: unknown) => log(`debugger: cannot register ${m.url}: ${(e as Error).message}`))
      .finally(() => post({ kind: "debug-cell-ready", id: m.id }));
  } else if (m.kind === "interrupt-ack") {
    terminator.acknowledged();
  } else if (m.kind === "close") {
    void closeAll().then(() => {
      const flag = new Int32Array(data.closedFlag);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      post({ kind: "closed" });
    });
  }
});

/**
 * A kernel launched by a kernel manager (which sets JPY_PARENT_PID, as jupyter_client does) ends
 * when that manager dies, as ipykernel's parent poller does: an orphan spinning in a cell would
 * otherwise run forever. Checked here, because the main thread may be busy.
 */
function watchParent(): void {
  const declared = Number(process.env.JPY_PARENT_PID);
  if (!Number.isInteger(declared) || declared <= 1) return;
  const parent = process.ppid;
  const t = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(t);
    log(`the process that launched the kernel (pid ${parent}) is gone: ending the kernel`);
    void closeAll().then(() => process.kill(process.pid, "SIGKILL"));
  }, PARENT_POLL_MS);
  t.unref();
}

async function start(): Promise<void> {
  const c = data.connection;
  // Let every bind settle before closing anything: closing a socket mid-bind aborts the process.
  const binds = await Promise.allSettled([
    shell.bind(endpoint(c, "shell")),
    control.bind(endpoint(c, "control")),
    stdin.bind(endpoint(c, "stdin")),
    iopub.bind(endpoint(c, "iopub")),
    hb.bind(endpoint(c, "hb")),
  ]);
  const failed = binds.flatMap((b, i) => (b.status === "rejected" ? [`${["shell", "control", "stdin", "iopub", "hb"][i]}: ${(b.reason as Error).message}`] : []));
  if (failed.length > 0) {
    await closeAll();
    post({ kind: "fatal", error: `cannot bind the kernel's sockets (${failed.join("; ")}): is another kernel using these ports?` });
    return;
  }
  void readLoop(shell, "shell");
  void readLoop(control, "control");
  void readLoop(stdin, "stdin");
  void heartbeat();
  watchParent();
  post({ kind: "ready" });
}

void start();
