/**
 * What the transport process (kernel/transport/process.ts: the ZeroMQ sockets) and the compute
 * process (kernel/main.ts: user code) say to each other over the local channel (a Unix socket in
 * a private folder; frames.ts). The compute process opens two connections: one from its main
 * thread (requests in; replies and output out) and one from its agent worker (agent.ts: interrupts
 * that must be forced, JupyterLab's debugger), which starts once the cell session is ready.
 * The first frame on each connection is a `hello` naming its role.
 *
 * Order rule: the main thread's `send` frames are signed and written in the order they arrive,
 * per socket, so a cell's iopub output keeps its order and precedes the reply sent after it.
 */
import type { WireParts } from "./frames.js";
import type { InboundChannel, OutboundChannel } from "./thread-messages.js";
import type { Message } from "./wire.js";

/** A frame as the other end reads it: a message it carried arrives as raw wire parts (frames.ts). */
export type Read<F> = F extends { msg: Message } ? Omit<F, "msg"> & { wire: WireParts } : F;

/** From the compute's main thread to the transport. */
export type MainToTransport =
  /**
   * First frame: the compute's pid (the transport signals it: interrupts, shutdown) and, when the
   * startup snapshot could not be used, why (the end of kernel_info's banner).
   */
  | { kind: "hello"; role: "main"; pid: number; note?: string }
  /** With `barrier`, the transport first answers `{ kind: "barrier", id, seq }` (thread-messages.ts has the meaning). */
  | { kind: "send"; channel: OutboundChannel; msg: Message; barrier?: number }
  /** The compute process exits now with this status (after the frames before it): the transport flushes, closes and exits with it. */
  | { kind: "exit"; code: number }
  /**
   * The main thread starts the idle heap compaction (kernel/idle-compaction.ts: hundreds of ms in
   * which it answers nothing), every request so far answered and its output sent. `killable`: its
   * exit needs no JavaScript (no notebook exit listener, no profile written at exit), so a
   * shutdown_request read before `compacted` (with no request sent to it since) ends it with a
   * kill and status 0 instead of waiting for the collection to finish.
   */
  | { kind: "compacting"; killable: boolean }
  /** The compaction is over: the main thread reads requests again. */
  | { kind: "compacted" };

/** From the transport to the compute's main thread. */
export type TransportToMain =
  /** The answer to `hello` (before any request): the kernel's session id, for the headers the compute writes. */
  | { kind: "welcome"; session: string }
  /** A verified shell or stdin request; `seq` numbers shell requests as the transport read them. */
  | { kind: "request"; channel: InboundChannel; msg: Message; seq: number; problem?: string }
  | { kind: "barrier"; id: number; seq: number }
  /** A shutdown_request came on control (already answered): exit. */
  | { kind: "shutdown"; restart: boolean };

/** From the compute's agent worker to the transport. */
export type AgentToTransport =
  | { kind: "hello"; role: "agent" }
  /** An interrupt_request was handled (the transport sends the interrupt_reply). */
  | { kind: "interrupted"; id: number }
  /** The main thread has read the interrupt (or it was forced): requests held since it may go on (process.ts). */
  | { kind: "interrupt-settled" }
  /** The answer to a debug_request (a DAP response). */
  | { kind: "debug-reply"; id: number; content: Record<string, unknown> }
  /** A DAP event, published on iopub as debug_event with the latest debug_request as parent. */
  | { kind: "debug-event"; content: Record<string, unknown> };

/** From the transport to the compute's agent worker. */
export type TransportToAgent =
  /** An interrupt_request: end a cell stopped in the debugger, else interrupt (and force it if ignored). */
  | { kind: "interrupt"; id: number }
  /** A shutdown_request: release a cell stopped in the debugger and signal the process. */
  | { kind: "shutdown" }
  | { kind: "debug-request"; id: number; content: Record<string, unknown> };
