/**
 * What the transport worker (all ZeroMQ sockets) and the main thread (user code) say to each
 * other over postMessage. Buffers cross the thread boundary as plain Uint8Arrays (structured
 * clone drops the Buffer prototype); `revive` turns them back into Buffers.
 *
 * Order rule: the main thread's `send` messages are signed and written in the order posted, per
 * socket, so a cell's iopub output keeps its order and precedes the reply the main thread posts after it.
 */
import type { Segment } from "../debug/cell-lines.js";
import type { ConnectionInfo } from "./connection.js";
import type { Message } from "./wire.js";
import { Buffer } from "../primordials.js"; // captured at start-up: a cell's `let Buffer = 1` hides the global from every module

/** Channels the main thread receives from (control: the requests protocol/control.ts hands to the main thread). */
export type InboundChannel = "shell" | "control" | "stdin";
/** Channels the main thread sends on (control: the replies to those requests). */
export type OutboundChannel = "shell" | "control" | "stdin" | "iopub";

/** Data handed to the worker at start. */
export interface WorkerData {
  connection: ConnectionInfo;
  /** The kernel's own session id, used in the headers it writes. */
  session: string;
  /** The kernel_info_reply content, so control can answer while the main thread is busy. */
  kernelInfo: Record<string, unknown>;
  /**
   * One Int32 the worker sets to 1 (and notifies) once every socket is closed: a main thread
   * that must exit now (a cell's `process.exit`) waits on it with Atomics.wait.
   */
  closedFlag: SharedArrayBuffer;
}

export type WorkerToMain =
  | { kind: "ready" }
  | { kind: "fatal"; error: string }
  /**
   * `seq` numbers shell requests in the order the worker read them (1, 2, ...). `problem`: the
   * request's parent_header, metadata or content was no JSON object (read as `{}`): it gets an
   * error reply naming the problem (transport/wire.ts, `malformed`).
   */
  | { kind: "request"; channel: InboundChannel; msg: Message; seq: number; problem?: string }
  /** Answer to a send with a barrier: the seq of the last shell request read before that send. */
  | { kind: "barrier"; id: number; seq: number }
  /** A shutdown_request arrived on control; the reply is sent; the main thread should close and exit. */
  | { kind: "shutdown"; restart: boolean }
  /** Every socket is closed: the main thread may exit now. */
  | { kind: "closed" }
  /** A debugger client attached (true) or left (false): hand over cells' line maps before running them. */
  | { kind: "debug-active"; active: boolean }
  /** The debugger has bound the breakpoints of the cell announced with this id: run it. */
  | { kind: "debug-cell-ready"; id: number }
  /** An interrupt (interrupt_request, or SIGINT to the process): the main thread answers `interrupt-ack` once handled. */
  | { kind: "interrupt" };

export type MainToWorker =
  /**
   * With `barrier`, the worker first answers `{ kind: "barrier", id, seq }`: the shell requests
   * read before this message went out (a front end cannot have sent those in answer to it).
   */
  | { kind: "send"; channel: OutboundChannel; msg: Message; barrier?: number }
  /** The main thread started or stopped running a cell's code (interrupts escalate only while it runs). */
  | { kind: "running"; running: boolean }
  /** Close every socket (after flushing what was posted before), then answer `closed`. */
  | { kind: "close" }
  /** A cell is about to run while a debugger is attached: its script URL, text and line map (kernel/debug/cell-lines.ts). */
  | { kind: "debug-cell"; id: number; url: string; code: string; segments: Segment[][] }
  /** The main thread handled an `interrupt` (the worker stops forcing it, transport/terminator.ts). */
  | { kind: "interrupt-ack" };

const toBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

/** Turns the Uint8Arrays of a message that crossed threads back into Buffers. */
export function revive(msg: Message): Message {
  return { ...msg, identities: (msg.identities ?? []).map(toBuffer), buffers: (msg.buffers ?? []).map(toBuffer) };
}
