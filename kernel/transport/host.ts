/**
 * The main thread's side of the transport: starts the worker that owns every ZeroMQ socket
 * (kernel/transport/worker.ts) and talks to it by postMessage. This file never imports zeromq.
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Segment } from "../debug/cell-lines.js";
import type { ConnectionInfo } from "./connection.js";
import { revive, type InboundChannel, type MainToWorker, type OutboundChannel, type WorkerData, type WorkerToMain } from "./thread-messages.js";
import type { Message } from "./wire.js";
import { Promise, Map, Error, process, withPristineBuiltins } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/**
 * The worker's heap: it only frames and signs messages, so a small young generation (V8's
 * default lets each semi-space grow to 16 MB, resident once touched) saves memory; the old
 * generation stays roomy, since a worker out of memory would take every socket down. 2 MB: the
 * smallest V8 keeps (a 2 MB new space; 4 MB kept 4 MB of it resident).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 256 };

/** What the dispatcher needs from a transport: a way to send. Tests pass an in-memory one. */
export interface KernelTransport {
  send(channel: OutboundChannel, msg: Message): void;
  /**
   * Sends, and resolves with the seq of the last shell request the transport had read when this
   * message went out (see thread-messages.ts): requests up to it were queued before the front end
   * could see this message.
   */
  sendWithBarrier(channel: OutboundChannel, msg: Message): Promise<number>;
}

export interface TransportEvents {
  /** `problem`: a frame of the request was no JSON object (thread-messages.ts): answer with an error naming it. */
  request(channel: InboundChannel, msg: Message, seq: number, problem?: string): void;
  /** A shutdown_request came on control (already answered). */
  shutdown(restart: boolean): void;
  /** A debugger client attached (true) or left (false). */
  debugActive?(active: boolean): void;
  /** An interrupt (interrupt_request or SIGINT); call `acknowledgeInterrupt` once handled. */
  interrupt(): void;
}

/** The running worker, as seen from the main thread. */
export class WorkerTransport implements KernelTransport {
  private closed: Promise<void> | null = null;
  private closedResolve: (() => void) | null = null;

  private readonly barriers = new Map<number, (seq: number) => void>();
  private nextBarrier = 0;
  /** True while a debugger client is attached (the worker says so). */
  private debugActive = false;
  private readonly debugCells = new Map<number, () => void>();
  private nextDebugCell = 0;

  private constructor(private readonly worker: Worker, private readonly closedFlag: Int32Array) {}

  /**
   * Starts the worker, binds the five sockets, resolves when they are bound.
   *
   * @example
   * const t = await WorkerTransport.start(info, session, kernelInfoContent(), { request, shutdown });
   */
  static start(connection: ConnectionInfo, session: string, kernelInfo: Record<string, unknown>, events: TransportEvents): Promise<WorkerTransport> {
    const data: WorkerData = { connection, session, kernelInfo, closedFlag: new SharedArrayBuffer(4) };
    const worker = new Worker(join(__dirname, "worker.js"), { workerData: data, stderr: false, stdout: false, resourceLimits: WORKER_LIMITS });
    const t = new WorkerTransport(worker, new Int32Array(data.closedFlag));
    return new Promise((resolve, reject) => {
      // Each request's handling starts with the built-ins' own methods (primordials.ts).
      worker.on("message", (m: WorkerToMain) => withPristineBuiltins(() => {
        switch (m.kind) {
          case "ready":
            resolve(t);
            break;
          case "fatal":
            // The worker closed its sockets before saying so: ending it is safe, and lets the process exit.
            reject(new Error(m.error));
            void worker.terminate();
            break;
          case "request":
            events.request(m.channel, revive(m.msg), m.seq, m.problem);
            break;
          case "barrier":
            t.barriers.get(m.id)?.(m.seq);
            t.barriers.delete(m.id);
            break;
          case "shutdown":
            events.shutdown(m.restart);
            break;
          case "closed":
            t.closedResolve?.();
            break;
          case "debug-active":
            t.debugActive = m.active;
            if (!m.active) for (const [id, go] of t.debugCells) (t.debugCells.delete(id), go());
            events.debugActive?.(m.active);
            break;
          case "debug-cell-ready":
            t.debugCells.get(m.id)?.();
            t.debugCells.delete(m.id);
            break;
          case "interrupt":
            events.interrupt();
            break;
        }
      }));
      worker.on("error", (e) => {
        process.stderr.write(`[strided] transport worker failed: ${e.stack ?? e.message}\n`);
        reject(e);
      });
      worker.on("exit", (code) => {
        t.closedResolve?.();
        if (!t.closed) reject(new Error(`transport worker exited with code ${code} before its sockets were ready`));
      });
    });
  }

  send(channel: OutboundChannel, msg: Message): void {
    if (this.closed) return;
    const m: MainToWorker = { kind: "send", channel, msg };
    this.worker.postMessage(m);
  }

  sendWithBarrier(channel: OutboundChannel, msg: Message): Promise<number> {
    if (this.closed) return Promise.resolve(0);
    const id = ++this.nextBarrier;
    return new Promise((resolve) => {
      this.barriers.set(id, resolve);
      const m: MainToWorker = { kind: "send", channel, msg, barrier: id };
      this.worker.postMessage(m);
    });
  }

  /** Tells the worker whether a cell's code runs now (an interrupt it ignores is then terminated). */
  setRunning(running: boolean): void {
    if (this.closed) return;
    const m: MainToWorker = { kind: "running", running };
    this.worker.postMessage(m);
  }

  /**
   * A cell is about to run: while a debugger is attached, hand its line map to the debugger and
   * resolve once its breakpoints are bound; otherwise undefined at once (no cost without a debugger).
   */
  debugCell(url: string, code: string, segments: () => Segment[][]): Promise<void> | undefined {
    if (!this.debugActive || this.closed) return undefined;
    const id = ++this.nextDebugCell;
    return new Promise((resolve) => {
      this.debugCells.set(id, resolve);
      const m: MainToWorker = { kind: "debug-cell", id, url, code, segments: segments() };
      this.worker.postMessage(m);
    });
  }

  /** The main thread handled an interrupt: the worker stops forcing it. */
  acknowledgeInterrupt(): void {
    if (this.closed) return;
    const m: MainToWorker = { kind: "interrupt-ack" };
    this.worker.postMessage(m);
  }

  /**
   * For a process that must exit now (a cell called `process.exit`): asks the worker to flush what
   * was sent and close every socket, and blocks this thread until it has (at most `timeoutMs`).
   * Exiting with open zeromq sockets in the worker aborts the process (DESIGN.md).
   */
  closeNow(timeoutMs = 3000): void {
    if (!this.closed) {
      this.closed = Promise.resolve();
      const m: MainToWorker = { kind: "close" };
      this.worker.postMessage(m);
    }
    Atomics.wait(this.closedFlag, 0, 0, timeoutMs);
  }

  /** Flushes what was sent, closes every socket, ends the worker. Idempotent. */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = new Promise<void>((resolve) => {
        this.closedResolve = resolve;
      }).then(async () => {
        await this.worker.terminate();
      });
      const m: MainToWorker = { kind: "close" };
      this.worker.postMessage(m);
    }
    return this.closed;
  }
}
