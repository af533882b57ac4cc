/**
 * The transport process's state and decisions (process.ts runs it): which side answers a request
 * read on the sockets, what the compute's frames mean, and how the kernel ends.
 *
 * - kernel_info_request is answered here on control always, and on shell until the compute process
 *   is connected or while it compacts its heap (when no other shell request waits before it); the other control requests too
 *   (control-requests.ts). Shell and stdin requests, and the shell request types sent on control,
 *   go to the compute's main thread (compute-connections.ts), which sends back what the sockets
 *   are to carry.
 * - interrupt_request goes to the compute's agent worker (agent.ts: it ends a cell stopped in the
 *   debugger, else interrupts and forces what ignores it), and requests read after it wait until
 *   the main thread has read it (request-hold.ts); before the agent is up, SIGINT to the compute
 *   process (vm's breakOnSigint stops a cell's synchronous code).
 * - shutdown_request: reply, stop the running cell, ask the compute to exit, SIGKILL it after
 *   SHUTDOWN_GRACE_MS; a compute in its idle heap compaction whose exit needs no JavaScript is
 *   killed at once (link-messages.ts `compacting`).
 * - Ends with the compute: exits with the status the compute exited with (a cell's
 *   `process.exit(3)` -> 3) once the sockets are flushed and closed.
 *
 * Hard rule: no user code ever runs here.
 */
import { kernelInfoContent } from "../dispatch/kernel-info.js";
import { answeredOnMainThread } from "../protocol/control.js";
import { AgentRequests } from "./agent-requests.js";
import { ComputeConnections } from "./compute-connections.js";
import { ControlRequests } from "./control-requests.js";
import { zombieStatus, type ExitStatus } from "./exit-status.js";
import type { AgentToTransport, MainToTransport, Read, TransportToMain } from "./link-messages.js";
import { RequestHold } from "./request-hold.js";
import { LINGER_MS, type KernelSockets, type ReadChannel } from "./sockets.js";
import type { Message } from "./wire.js";

/**
 * How long the compute may stay busy after a shutdown_request before it is killed: jupyter_client's
 * shutdown_wait_time (5 s), long enough for a bounded task to finish and exit 0.
 */
const SHUTDOWN_GRACE_MS = 5000;
/** How long an interrupt_request waits for the agent before it is answered anyway. */
const INTERRUPT_REPLY_MS = 2000;

export class Transport {
  private readonly connections: ComputeConnections;
  private readonly agentRequests: AgentRequests;
  private readonly control: ControlRequests;
  private readonly hold: RequestHold;
  private computePid: number | null;
  /** The status the compute said it exits with (`exit` frame). */
  private computeExit: number | null = null;
  /** How the compute spawned here ended (`strided kernel`: Node reaped it). */
  private childStatus: ExitStatus | null = null;
  private shellSeq = 0;
  /** The parent of debug_event messages: the latest debug_request. */
  private debugParent: Message | null = null;
  /** kernel_info_reply's content, made on first use (after the sockets are bound: it reads the blob's stamp, ~300 stats). */
  private kernelInfoContent: Record<string, unknown> | null = null;
  private ending = false;
  /** Set while the compute's main thread runs its idle heap compaction (its `compacting` frame); `requestSent`: a request went to it since. */
  private compacting: { killable: boolean; requestSent: boolean } | null = null;

  /** `note`: the banner's note as this process sees it (read when kernel_info is first answered, unless the compute said it first). */
  constructor(private readonly sockets: KernelSockets, channelPath: string, computePid: number | null, private readonly note: () => string | undefined, private readonly log: (line: string) => void) {
    this.computePid = computePid;
    this.connections = new ComputeConnections(
      channelPath,
      {
        mainConnected: (pid, n) => this.mainConnected(pid, n),
        agentConnected: () => log(`agent worker connected ${Math.round(process.uptime() * 1000)} ms after start`),
        fromMain: (f) => this.fromMain(f),
        fromAgent: (f) => this.fromAgent(f),
        mainClosed: () => void this.computeClosed(),
        agentClosed: () => log("the compute's agent worker closed its channel"),
      },
      log,
    );
    this.agentRequests = new AgentRequests((f) => this.connections.toAgent(f));
    this.hold = new RequestHold((frames) => {
      for (const f of frames) this.toMain(f);
    });
    this.control = new ControlRequests(
      sockets,
      {
        kernelInfo: () => this.kernelInfo(),
        interrupt: () => this.interrupt(),
        shutdown: (restart) => this.shutdown(restart),
        debug: (msg) => {
          this.debugParent = msg;
          return this.agentRequests.ask((id) => ({ kind: "debug-request", id, content: msg.content }));
        },
      },
      log,
    );
  }

  private kernelInfo(): Record<string, unknown> {
    return (this.kernelInfoContent ??= kernelInfoContent(this.note()));
  }

  /** Listen on the channel's socket for the compute's two connections. */
  listen(): Promise<void> {
    return this.connections.listen();
  }

  // ---- the compute's connections ----

  private mainConnected(pid: number, note: string | undefined): void {
    this.computePid = pid;
    if (note !== undefined) this.kernelInfoContent = kernelInfoContent(note);
    this.log(`compute process ${pid} connected ${Math.round(process.uptime() * 1000)} ms after start`);
    this.connections.toMain({ kind: "welcome", session: this.sockets.session });
  }

  private toMain(f: TransportToMain): void {
    if (this.compacting && f.kind === "request") this.compacting.requestSent = true;
    if (this.hold.holds(f)) this.hold.push(f);
    else this.connections.toMain(f);
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
        this.agentRequests.settle(f.id, {});
        return;
      case "interrupt-settled":
        this.hold.end();
        return;
      case "debug-reply":
        this.agentRequests.settle(f.id, f.content);
        return;
      case "debug-event":
        void this.sockets.sendNew("iopub", this.debugParent, "debug_event", f.content);
        return;
      case "hello":
        return;
    }
  }

  // ---- requests from the sockets ----

  received(channel: ReadChannel, msg: Message, problem?: string): void {
    if (channel === "control" && answeredOnMainThread(msg.header.msg_type)) {
      // execute, complete, inspect, ...: the dispatcher answers them on control (protocol/control.ts).
      this.toMain({ kind: "request", channel, msg, seq: this.shellSeq, problem });
      return;
    }
    if (channel === "control") {
      this.control.handle(msg, problem).catch((e: unknown) => this.log(`control handler failed: ${(e as Error).message}`));
      return;
    }
    if (channel === "shell") {
      const seq = ++this.shellSeq;
      // Until the compute is connected, kernel_info is answered here (front ends send it first, and
      // wait for it before anything else), unless another shell request waits before it; and while
      // the compute compacts its heap with no request sent to it since (idle-compaction.ts: nothing
      // it could answer first, and a front end's kernel_info probe need not wait 0.3-2 s).
      const computeAway = !this.connections.mainConnected || (this.compacting !== null && !this.compacting.requestSent);
      if (computeAway && msg.header.msg_type === "kernel_info_request" && problem === undefined && !this.connections.shellRequestWaiting()) {
        void this.control.answered(msg, "shell", async () => ({ type: "kernel_info_reply", content: this.kernelInfo() }));
        return;
      }
      this.toMain({ kind: "request", channel, msg, seq, problem });
      return;
    }
    this.toMain({ kind: "request", channel, msg, seq: this.shellSeq, problem });
  }

  /** interrupt_request (or SIGINT to this process). */
  async interrupt(): Promise<void> {
    if (this.connections.agentConnected) {
      this.hold.start();
      await this.agentRequests.ask((id) => ({ kind: "interrupt", id }), INTERRUPT_REPLY_MS);
      return;
    }
    // The agent is not up yet: the compute's main thread holds the SIGINT watchdog from its first
    // line (it says hello after), so a signal interrupts the cell's synchronous code (vm's
    // breakOnSigint) or is read by the main thread when idle; before its hello no cell can run.
    if (this.connections.mainConnected && this.computePid !== null) this.signalCompute("SIGINT");
  }

  private shutdown(restart: boolean): void {
    this.log(`shutdown_request on control, restart=${restart}`);
    if (!this.connections.mainConnected) {
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
    if (this.connections.agentConnected) this.connections.toAgent({ kind: "shutdown" });
    else this.signalCompute("SIGINT");
    this.toMain({ kind: "shutdown", restart });
    setTimeout(() => {
      this.log(`the compute process did not exit ${SHUTDOWN_GRACE_MS} ms after shutdown_request: killing it`);
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

  /**
   * Flush and close the sockets, make sure the compute is gone, end with `status` (an exit code, or
   * the signal the compute died of).
   *
   * An exit code ends the process by Node's own exit once its event loop is empty (everything of
   * the kernel is closed by then), not by `process.exit()`: only the former waits for ZeroMQ to put
   * the messages still queued on the wire (sockets.ts LINGER_MS). With `process.exit()` the last
   * ones were dropped when ZeroMQ's I/O thread had not written them yet: a cell's big last output
   * before its `process.exit(3)` every time, and under load now and then the reply to a
   * shutdown_request on shell (it comes from the compute just before it exits; lifecycle.test).
   * Should anything still hold the loop, `process.exit()` after the linger.
   */
  async end(status: ExitStatus, why: string): Promise<void> {
    if (this.ending) return;
    this.ending = true;
    this.log(`ending (${why})`);
    if (!this.connections.mainClosed) this.signalCompute("SIGKILL"); // not connected yet, or still connected
    this.connections.removeChannelFolder();
    try {
      await this.sockets.close();
    } finally {
      if ("signal" in status) {
        process.removeAllListeners(status.signal);
        process.kill(process.pid, status.signal);
      }
      const code = "code" in status ? status.code : 1;
      this.connections.close();
      process.exitCode = code;
      setTimeout(() => process.exit(code), LINGER_MS + 1000).unref();
    }
  }

  /**
   * The compute spawned here exited (its pid may be reused from now on). Its last frames may still
   * be unread: the end waits for its connection to close, unless it never connected.
   */
  computeExited(status: ExitStatus): void {
    this.computePid = null;
    this.childStatus = status;
    if (!this.connections.mainConnected) void this.end(status, "the compute process exited before it connected");
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
    return this.connections.mainConnected;
  }

  get pid(): number | null {
    return this.computePid;
  }
}
