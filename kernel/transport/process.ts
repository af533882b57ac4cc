/**
 * The transport process: the kernel process Jupyter holds. Plain Node with zeromq, started WITHOUT
 * the startup snapshot, so its sockets are bound ~0.1 s after launch while the compute process
 * (kernel/main.ts, which runs the cells) deserialises the 46 MB blob in parallel; the first
 * result then waits for the longer of the two instead of their sum.
 *
 * - Binds the five sockets (sockets.ts), echoes heartbeats, signs and verifies every message.
 * - Answers kernel_info_request on control always, and on shell until the compute process is
 *   connected (when no other shell request waits before it); busy/idle around each, as ipykernel.
 *   The shell request types on control (execute, complete, inspect, ...) go to the compute's
 *   dispatcher as requests on channel control (protocol/control.ts).
 * - Relays shell and stdin requests to the compute's main thread, and what it sends to the
 *   sockets, over the local channel (a Unix socket in a private folder: link-messages.ts).
 * - Control: interrupt_request goes to the compute's agent worker (agent.ts: it ends a cell
 *   stopped in the debugger, else interrupts and forces what ignores it); before the agent is up,
 *   SIGINT to the compute process (vm's breakOnSigint stops a cell's synchronous code).
 *   shutdown_request: reply, stop the running cell, ask the compute to exit, SIGKILL it after
 *   SHUTDOWN_GRACE_MS. debug_request: to the agent's debug adapter (queued until it is up).
 *   usage_request: the CPU and memory of this process and its children (protocol/usage.ts).
 * - Ends with the compute: exits with the status the compute exited with (a cell's
 *   `process.exit(3)` -> 3) once the sockets are flushed and closed. SIGTERM, a gone launcher
 *   (JPY_PARENT_PID) or a compute that died while starting end both.
 *
 * Started two ways: by bin/strided-kernel, which starts the compute process first (in parallel)
 * and execs this one (`process.js CONN SOCKET COMPUTE_PID`: the compute is then this process's
 * child); or by `strided kernel CONN` (`process.js CONN`), which makes the private folder and
 * spawns the compute itself.
 *
 * Hard rules: no user code ever runs here; the channel's socket lives in a folder only this user
 * can enter (mktemp -d / mkdtemp), removed once both of the compute's connections are made.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { constants, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { randomUUID } from "node:crypto";
import { kernelInfoContent } from "../dispatch/kernel-info.js";
import { LOG_ENABLED } from "../log.js";
import { answeredOnMainThread } from "../protocol/control.js";
import { readShutdownRestart, shutdownReplyContent } from "../protocol/shutdown.js";
import { usageReply } from "../protocol/usage.js";
import { snapshotNote } from "../snapshot/stamp.js";
import { readConnectionFile } from "./connection.js";
import { encodeFrame, FrameReader, type Frame, type ReadFrame } from "./frames.js";
import type { AgentToTransport, MainToTransport, Read, TransportToAgent, TransportToMain } from "./link-messages.js";
import { launcherGone } from "./launcher-watch.js";
import { KernelSockets, type ReadChannel } from "./sockets.js";
import type { Message } from "./wire.js";

/**
 * How long the compute may stay busy after a shutdown_request before it is killed: jupyter_client's
 * shutdown_wait_time (5 s), long enough for a bounded task to finish and exit 0.
 */
const SHUTDOWN_GRACE_MS = 5000;
/** How often to check that the launcher (JPY_PARENT_PID) and a starting compute are alive. */
const POLL_MS = 250;
/** How long an interrupt_request waits for the agent before it is answered anyway. */
const INTERRUPT_REPLY_MS = 2000;
/** How long requests read after an interrupt wait for the main thread to have read it (forcing takes ~1 s). */
const HOLD_MS = 3000;

/** This process's parent when it started (read before anything slow: the launcher may die meanwhile). */
const PARENT_AT_START = process.ppid;

const log = (line: string): void => {
  if (LOG_ENABLED) process.stderr.write(`[strided transport] ${line}\n`);
};

/** How a process ended: an exit code, or the signal that killed it. */
type ExitStatus = { code: number } | { signal: NodeJS.Signals };

type ControlHandler = (msg: Message) => Promise<{ type: string; content: Record<string, unknown> } | null>;

class Transport {
  private main: Socket | null = null;
  private agent: Socket | null = null;
  private computePid: number | null;
  /** The status the compute said it exits with (`exit` frame). */
  private computeExit: number | null = null;
  /** How the compute spawned here ended (`strided kernel`: Node reaped it). */
  private childStatus: ExitStatus | null = null;
  /** Frames for the compute's main thread / agent, waiting for its connection. */
  private readonly forMain: TransportToMain[] = [];
  private readonly forAgent: TransportToAgent[] = [];
  private shellSeq = 0;
  private nextId = 0;
  private readonly waiting = new Map<number, (content: Record<string, unknown>) => void>();
  /** The parent of debug_event messages: the latest debug_request. */
  private debugParent: Message | null = null;
  private kernelInfo: Record<string, unknown>;
  private ending = false;
  private server: Server | null = null;
  /** Shell and control requests held while an interrupt is being read (hold()). */
  private held: TransportToMain[] | null = null;
  private holdTimer: NodeJS.Timeout | null = null;
  /** Set while the compute's main thread runs its idle heap compaction (its `compacting` frame); `requestSent`: a request went to it since. */
  private compacting: { killable: boolean; requestSent: boolean } | null = null;

  constructor(private readonly sockets: KernelSockets, private readonly channelPath: string, computePid: number | null, note: string | undefined) {
    this.computePid = computePid;
    this.kernelInfo = kernelInfoContent(note);
  }

  /** Listen on the channel's socket for the compute's two connections. */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = createServer((s) => this.accept(s));
      server.once("error", reject);
      server.listen(this.channelPath, () => resolve());
      this.server = server;
    });
  }

  // ---- the compute's connections ----

  private accept(s: Socket): void {
    const reader = new FrameReader();
    let role: "main" | "agent" | null = null;
    s.on("data", (chunk: Buffer) => {
      let frames: ReadFrame[];
      try {
        frames = reader.push(chunk);
      } catch (e) {
        log(`bad frame from the compute process: ${(e as Error).message}`);
        s.destroy();
        return;
      }
      for (const f of frames) {
        if (role === null) {
          const hello = f as MainToTransport | AgentToTransport;
          if (hello.kind !== "hello") {
            s.destroy();
            return;
          }
          role = hello.role;
          if (hello.role === "main") this.mainConnected(s, hello.pid, hello.note);
          else this.agentConnected(s);
        } else if (role === "main") this.fromMain(f as Read<MainToTransport>);
        else this.fromAgent(f as AgentToTransport);
      }
    });
    s.on("error", () => undefined); // the close that follows says it
    s.on("close", () => {
      if (role === "main") void this.computeClosed();
      else if (role === "agent" && this.agent === s) {
        this.agent = null;
        log("the compute's agent worker closed its channel");
      }
    });
  }

  private mainConnected(s: Socket, pid: number, note: string | undefined): void {
    this.main = s;
    this.computePid = pid;
    if (note !== undefined) this.kernelInfo = kernelInfoContent(note);
    log(`compute process ${pid} connected ${Math.round(process.uptime() * 1000)} ms after start`);
    this.write(s, { kind: "welcome", session: this.sockets.session });
    for (const f of this.forMain.splice(0)) this.write(s, f);
    this.maybeStopListening();
  }

  private agentConnected(s: Socket): void {
    this.agent = s;
    log(`agent worker connected ${Math.round(process.uptime() * 1000)} ms after start`);
    for (const f of this.forAgent.splice(0)) this.write(s, f);
    this.maybeStopListening();
  }

  /** Once both connections are made, nobody else may connect: the socket file and its folder go. */
  private maybeStopListening(): void {
    if (!this.main || !this.agent || !this.server) return;
    this.server.close();
    this.server = null;
    this.removeChannelFolder();
  }

  removeChannelFolder(): void {
    rmSync(dirname(this.channelPath), { recursive: true, force: true });
  }

  private write(s: Socket, f: Frame): void {
    if (!s.destroyed) s.write(encodeFrame(f));
  }

  private toMain(f: TransportToMain): void {
    if (this.compacting && f.kind === "request") this.compacting.requestSent = true;
    if (this.held && f.kind === "request" && f.channel !== "stdin") this.held.push(f);
    else if (this.main) this.write(this.main, f);
    else this.forMain.push(f);
  }

  /**
   * Requests read after an interrupt wait until the compute's main thread has read it (the agent
   * says so): the agent tells the main thread on another channel than the requests come by, and a
   * late interrupt must not reach the next cell. At most HOLD_MS.
   */
  private hold(): void {
    if (this.held) return;
    this.held = [];
    this.holdTimer = setTimeout(() => this.releaseHeld(), HOLD_MS);
    this.holdTimer.unref();
  }

  private releaseHeld(): void {
    const held = this.held;
    if (!held) return;
    this.held = null;
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    for (const f of held) this.toMain(f);
  }

  private toAgent(f: TransportToAgent): void {
    if (this.agent) this.write(this.agent, f);
    else this.forAgent.push(f);
  }

  private fromMain(f: Read<MainToTransport>): void {
    switch (f.kind) {
      case "send":
        if (f.barrier !== undefined) this.toMain({ kind: "barrier", id: f.barrier, seq: this.shellSeq });
        void this.sockets.sendWire(f.channel, f.wire); // signed as the compute serialised it: no parse, no re-serialisation
        return;
      case "exit":
        this.computeExit = f.code;
        return;
      case "compacting":
        this.compacting = { killable: f.killable, requestSent: false };
        return;
      case "compacted":
        this.compacting = null;
        return;
      case "hello":
        return;
    }
  }

  private fromAgent(f: AgentToTransport): void {
    switch (f.kind) {
      case "interrupted":
        this.settle(f.id, {});
        return;
      case "interrupt-settled":
        this.releaseHeld();
        return;
      case "debug-reply":
        this.settle(f.id, f.content);
        return;
      case "debug-event":
        void this.sockets.sendNew("iopub", this.debugParent, "debug_event", f.content);
        return;
      case "hello":
        return;
    }
  }

  private settle(id: number, content: Record<string, unknown>): void {
    const done = this.waiting.get(id);
    this.waiting.delete(id);
    done?.(content);
  }

  private ask(f: (id: number) => TransportToAgent, timeoutMs?: number): Promise<Record<string, unknown> | null> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      if (timeoutMs !== undefined) setTimeout(() => this.settle(id, null as unknown as Record<string, unknown>), timeoutMs).unref();
      this.toAgent(f(id));
    });
  }

  // ---- requests from the sockets ----

  received(channel: ReadChannel, msg: Message, problem?: string): void {
    if (channel === "control" && answeredOnMainThread(msg.header.msg_type)) {
      // execute, complete, inspect, ...: the dispatcher answers them on control (protocol/control.ts).
      this.toMain({ kind: "request", channel, msg, seq: this.shellSeq, problem });
      return;
    }
    if (channel === "control") {
      this.control(msg, problem).catch((e: unknown) => log(`control handler failed: ${(e as Error).message}`));
      return;
    }
    if (channel === "shell") {
      const seq = ++this.shellSeq;
      // Until the compute is connected, kernel_info is answered here (front ends send it first, and
      // wait for it before anything else), unless another shell request waits before it.
      if (!this.main && msg.header.msg_type === "kernel_info_request" && problem === undefined && !this.forMain.some((f) => f.kind === "request" && f.channel === "shell")) {
        void this.answered(msg, "shell", async () => ({ type: "kernel_info_reply", content: this.kernelInfo }));
        return;
      }
      this.toMain({ kind: "request", channel, msg, seq, problem });
      return;
    }
    this.toMain({ kind: "request", channel, msg, seq: this.shellSeq, problem });
  }

  /** busy, the handler's reply on `channel`, idle: ipykernel frames control requests with status too. */
  private async answered(msg: Message, channel: "shell" | "control", handler: ControlHandler): Promise<void> {
    void this.sockets.sendNew("iopub", msg, "status", { execution_state: "busy" });
    try {
      const r = await handler(msg);
      if (r) await this.sockets.sendNew(channel, msg, r.type, r.content);
    } finally {
      void this.sockets.sendNew("iopub", msg, "status", { execution_state: "idle" });
    }
  }

  private async control(msg: Message, problem: string | undefined): Promise<void> {
    const type = msg.header.msg_type;
    const handler = Object.prototype.hasOwnProperty.call(this.controlHandlers, type) ? this.controlHandlers[type as keyof typeof this.controlHandlers] : undefined;
    if (!handler) return log(`ignoring unknown control message type ${JSON.stringify(type)}`);
    if (problem !== undefined) {
      // A debug_reply is a DAP response (a failed one says why); the others carry the protocol's error fields.
      const evalue = `malformed ${type}: ${problem}`;
      const replyType = type.replace(/_request$/, "_reply");
      const content = type === "debug_request" ? { type: "response", seq: 0, request_seq: 0, command: "", success: false, message: evalue } : { status: "error", ename: "BadRequest", evalue, traceback: [] };
      return this.answered(msg, "control", async () => ({ type: replyType, content }));
    }
    return this.answered(msg, "control", handler);
  }

  /** The control requests answered here, keyed by the protocol's msg_type. */
  private readonly controlHandlers: Record<"kernel_info_request" | "interrupt_request" | "shutdown_request" | "debug_request" | "usage_request", ControlHandler> = {
    kernel_info_request: async () => ({ type: "kernel_info_reply", content: this.kernelInfo }),
    interrupt_request: async () => {
      await this.interrupt();
      return { type: "interrupt_reply", content: { status: "ok" } };
    },
    shutdown_request: async (msg) => {
      const read = readShutdownRestart(msg.content); // read as the shell channel reads it
      const content = shutdownReplyContent(read);
      // The reply first (the compute may exit at once), and ipykernel's broadcast of it on iopub, before idle (protocol/shutdown.ts).
      await this.sockets.sendNew("control", msg, "shutdown_reply", { ...content });
      void this.sockets.sendNew("iopub", msg, "shutdown_reply", { ...content });
      this.shutdown(read.restart);
      return null;
    },
    // The kernel's CPU and memory, as ipykernel answers it (protocol/usage.ts): this process and its children (the compute).
    usage_request: async () => ({ type: "usage_reply", content: usageReply() as unknown as Record<string, unknown> }),
    debug_request: async (msg) => {
      this.debugParent = msg;
      const content = await this.ask((id) => ({ kind: "debug-request", id, content: msg.content }));
      return { type: "debug_reply", content: content ?? {} };
    },
  };

  /** interrupt_request (or SIGINT to this process). */
  async interrupt(): Promise<void> {
    if (this.agent) {
      this.hold();
      await this.ask((id) => ({ kind: "interrupt", id }), INTERRUPT_REPLY_MS);
      return;
    }
    // The agent is not up yet: the compute's main thread holds the SIGINT watchdog from its first
    // line (it says hello after), so a signal interrupts the cell's synchronous code (vm's
    // breakOnSigint) or is read by the main thread when idle; before its hello no cell can run.
    if (this.main && this.computePid !== null) this.signalCompute("SIGINT");
  }

  private shutdown(restart: boolean): void {
    log(`shutdown_request on control, restart=${restart}`);
    if (!this.main) {
      // Still starting: nothing to flush there.
      this.signalCompute("SIGKILL");
      void this.end({ code: 0 }, "shut down while the compute process was starting");
      return;
    }
    if (this.compacting?.killable && !this.compacting.requestSent) {
      // Idle, its output sent, in a collection of hundreds of ms that would only delay its exit,
      // which needs no JavaScript (no notebook exit listener): ended now (kernel/idle-compaction.ts).
      this.computeExit = 0;
      void this.end({ code: 0 }, "shut down during the compute's idle heap compaction");
      return;
    }
    // Stop what runs (the agent also releases a cell stopped in the debugger), then ask it to exit.
    if (this.agent) this.toAgent({ kind: "shutdown" });
    else this.signalCompute("SIGINT");
    this.toMain({ kind: "shutdown", restart });
    setTimeout(() => {
      log(`the compute process did not exit ${SHUTDOWN_GRACE_MS} ms after shutdown_request: killing it`);
      this.signalCompute("SIGKILL");
      void this.end({ code: 0 }, "shutdown");
    }, SHUTDOWN_GRACE_MS).unref();
  }

  signalCompute(signal: NodeJS.Signals): void {
    if (this.computePid === null) return;
    try {
      process.kill(this.computePid, signal);
    } catch {
      // already gone
    }
  }

  /** Flush and close the sockets, make sure the compute is gone, end with `status` (an exit code, or the signal the compute died of). */
  async end(status: ExitStatus, why: string): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    log(`ending (${why})`);
    if (!this.main || !this.main.destroyed) this.signalCompute("SIGKILL");
    this.removeChannelFolder();
    try {
      await this.sockets.close();
    } finally {
      if ("signal" in status) {
        process.removeAllListeners(status.signal);
        process.kill(process.pid, status.signal);
      }
      process.exit("code" in status ? status.code : 1);
    }
  }

  /**
   * The compute spawned here exited (its pid may be reused from now on). Its last frames may still
   * be unread: the end waits for its connection to close, unless it never connected.
   */
  computeExited(status: ExitStatus): void {
    this.computePid = null;
    this.childStatus = status;
    if (!this.main) void this.end(status, "the compute process exited before it connected");
  }

  /**
   * The compute's main connection closed: it exited (a shutdown, a cell's process.exit(n): the
   * status came first in an `exit` frame) or died (a signal: read from its zombie's /proc entry,
   * bin/strided-kernel made it our child). The kernel ends the same way, so Jupyter sees the status.
   */
  private async computeClosed(): Promise<void> {
    if (this.computeExit !== null) return this.end({ code: this.computeExit }, `the compute process exited with status ${this.computeExit}`);
    let status = this.childStatus;
    for (let waited = 0; status === null && this.computePid !== null && waited < 2000; waited += 20) {
      status = zombieStatus(this.computePid);
      if (status === null) await new Promise((r) => setTimeout(r, 20));
    }
    status ??= this.childStatus ?? { code: 1 };
    return this.end(status, `the compute process ended (${"signal" in status ? status.signal : `status ${status.code}`})`);
  }

  /** Whether the compute has said hello (it can be signalled safely). */
  get computeConnected(): boolean {
    return this.main !== null;
  }

  get pid(): number | null {
    return this.computePid;
  }
}

/**
 * How an exited child that is not reaped yet (a zombie) ended, from /proc/PID/stat's exit_code
 * (field 52, waitpid's status word); null while it runs.
 */
function zombieStatus(pid: number): ExitStatus | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from (3) state on
    if (fields[0] !== "Z") return null;
    const word = Number(fields[49]);
    if (!Number.isInteger(word)) return { code: 1 };
    const signal = word & 0x7f;
    if (signal === 0) return { code: (word >> 8) & 0xff };
    const name = Object.entries(constants.signals).find(([, n]) => n === signal)?.[0] as NodeJS.Signals | undefined;
    return name ? { signal: name } : { code: 128 + signal };
  } catch {
    return { code: 1 }; // gone (reaped by someone else)
  }
}

/**
 * Runs the transport until the compute process ends. `channelPath` and `computePid` are given
 * when bin/strided-kernel started the compute; otherwise the compute is spawned here.
 *
 * @example
 * await runTransport("/run/user/1000/jupyter/kernel-1234.json");
 */
export async function runTransport(connectionFile: string, channelPath?: string, computePid?: number): Promise<void> {
  const connection = readConnectionFile(connectionFile);
  let path = channelPath;
  let pid = computePid ?? null;
  if (!path) {
    path = join(mkdtempSync(join(tmpdir(), "strided-")), "c"); // mode 0700: only this user can reach the socket
    const bin = join(__dirname, "..", "..", "..", "bin", "strided.js");
    const { spawn } = await import("node:child_process"); // only here: bin/strided-kernel starts the compute itself
    const child = spawn(process.execPath, [...process.execArgv, bin, "compute", path], { stdio: ["ignore", "inherit", "inherit"] });
    pid = child.pid ?? null;
    child.on("exit", (code, signal) => transport.computeExited(signal ? { signal } : { code: code ?? 1 }));
  }
  const sockets = new KernelSockets(connection, randomUUID(), log);
  const transport: Transport = new Transport(sockets, path, pid, process.env.STRIDED_SNAPSHOT_NOTE ?? snapshotNote(process.env.STRIDED_SNAPSHOT_BLOB));

  process.on("SIGINT", () => void transport.interrupt());
  process.on("SIGTERM", () => void transport.end({ code: 143 }, "SIGTERM"));
  process.on("SIGHUP", () => void transport.end({ code: 129 }, "SIGHUP"));

  try {
    await transport.listen();
    await sockets.start((channel, msg, problem) => transport.received(channel, msg, problem));
  } catch (e) {
    process.stderr.write(`[strided] cannot start: ${(e as Error).message}\n`);
    void transport.end({ code: 1 }, "start-up failed");
    return;
  }
  void sockets.sendNew("iopub", null, "status", { execution_state: "starting" });
  log(`listening on ${connection.transport}://${connection.ip} (shell ${connection.shell_port}) ${Math.round(process.uptime() * 1000)} ms after start`);

  // A kernel launched by a kernel manager (JPY_PARENT_PID, as jupyter_client sets it) ends when that
  // manager dies, as ipykernel's parent poller does; a compute that died before it connected ends it too.
  const declared = Number(process.env.JPY_PARENT_PID);
  setInterval(() => {
    if (launcherGone(declared, PARENT_AT_START)) void transport.end({ code: 1 }, `the process that launched the kernel (pid ${declared}) is gone`);
    const p = transport.pid;
    const died = !transport.computeConnected && p !== null ? zombieStatus(p) : null;
    if (died) void transport.end(died, "the compute process died while starting");
  }, POLL_MS).unref();
}

if (require.main === module) {
  const [file, socket, pid] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: node dist/kernel/transport/process.js CONNECTION_FILE [SOCKET COMPUTE_PID]\n");
    process.exit(2);
  }
  runTransport(file, socket, pid ? Number(pid) : undefined).catch((e: unknown) => {
    process.stderr.write(`[strided] cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
