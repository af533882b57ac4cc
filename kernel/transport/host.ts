/**
 * The main thread's side of the transport: starts the worker that owns every ZeroMQ socket
 * (kernel/transport/worker.ts) and talks to it by postMessage. This file never imports zeromq.
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ConnectionInfo } from "./connection.js";
import { revive, type InboundChannel, type MainToWorker, type OutboundChannel, type WorkerData, type WorkerToMain } from "./thread-messages.js";
import type { Message } from "./wire.js";

/** What the dispatcher needs from a transport: a way to send. Tests pass an in-memory one. */
export interface KernelTransport {
  send(channel: OutboundChannel, msg: Message): void;
}

export interface TransportEvents {
  request(channel: InboundChannel, msg: Message): void;
  /** A shutdown_request came on control (already answered). */
  shutdown(restart: boolean): void;
}

/** The running worker, as seen from the main thread. */
export class WorkerTransport implements KernelTransport {
  private closed: Promise<void> | null = null;
  private closedResolve: (() => void) | null = null;

  private constructor(private readonly worker: Worker) {}

  /**
   * Starts the worker, binds the five sockets, resolves when they are bound.
   *
   * @example
   * const t = await WorkerTransport.start(info, session, kernelInfoContent(), { request, shutdown });
   */
  static start(connection: ConnectionInfo, session: string, kernelInfo: Record<string, unknown>, events: TransportEvents): Promise<WorkerTransport> {
    const data: WorkerData = { connection, session, kernelInfo };
    const worker = new Worker(join(__dirname, "worker.js"), { workerData: data, stderr: false, stdout: false });
    const t = new WorkerTransport(worker);
    return new Promise((resolve, reject) => {
      worker.on("message", (m: WorkerToMain) => {
        switch (m.kind) {
          case "ready":
            resolve(t);
            break;
          case "fatal":
            reject(new Error(m.error));
            break;
          case "request":
            events.request(m.channel, revive(m.msg));
            break;
          case "shutdown":
            events.shutdown(m.restart);
            break;
          case "closed":
            t.closedResolve?.();
            break;
        }
      });
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
