/**
 * What the compute process's agent worker (kernel/transport/agent.ts: the interrupt terminator and
 * the debug adapter) and its main thread (user code) say to each other over postMessage, and the
 * channel names the main thread uses. Jupyter messages cross processes as frames (frames.ts), and
 * threads as plain Uint8Arrays (structured clone drops the Buffer prototype): `revive` turns them
 * back into Buffers.
 */
import type { Segment } from "../debug/cell-lines.js";
import type { Message } from "./wire.js";
import { Buffer } from "../primordials.js"; // captured at start-up: a cell's `let Buffer = 1` hides the global from every module

/** Channels the main thread receives from (control: the requests protocol/control.ts hands to the main thread). */
export type InboundChannel = "shell" | "control" | "stdin";
/** Channels the main thread sends on (control: the replies to those requests). */
export type OutboundChannel = "shell" | "control" | "stdin" | "iopub";

/** Data handed to the agent worker at start. */
export interface WorkerData {
  /** The local channel's Unix socket (link-messages.ts): the agent's own connection to the transport process. */
  channelPath: string;
  /**
   * One Int32 holding an AGENT_STATE: a main thread that exits now waits until the agent's
   * inspector sessions are disconnected (a session still connected to the exiting main thread
   * makes Node print "Waiting for the debugger to disconnect..." on stderr), but not for an agent
   * that has connected none yet (still booting): it marks it `ending` and the agent never will.
   */
  closedFlag: SharedArrayBuffer;
  /**
   * Int32s shared by both threads (RUNNING_SLOT): whether a cell's code runs now and how many
   * cells have started (the main thread writes them with Atomics.store / add, no message: two
   * postMessages per execute cost both threads ~0.2 ms of CPU per `1 + 1`); the heap size (MB) at
   * which the agent stops a running cell (the main thread, at start) and the heap size it saw when
   * it stopped the running one (the agent; the main thread clears it when a cell starts).
   */
  runningFlag: SharedArrayBuffer;
  /** The SIGINT watchdog's lock (sigint.ts MainThreadSigint.lock): the agent polls it from its first moment. */
  sigintLock: SharedArrayBuffer;
}

/** The slots of `runningFlag` (RUNNING_SLOTS Int32s). */
export const RUNNING_SLOT = { running: 0, cells: 1, heapStopMB: 2, heapStoppedMB: 3 } as const;
/** How many Int32s `runningFlag` holds. */
export const RUNNING_SLOTS = 4;

/** The agent's inspector sessions on the main thread, as `closedFlag` holds them (changed with compareExchange). */
export const AGENT_STATE = {
  /** The worker has not run yet (its isolate is being built): nothing connected. */
  booting: 0,
  /** The worker claimed it first: its sessions are (being) connected to the main thread. */
  connected: 1,
  /** The worker disconnected them (after a `close` message). */
  closed: 2,
  /** The main thread claimed it first (the process ends now): the worker connects nothing. */
  ending: 3,
} as const;

export type WorkerToMain =
  /** The agent is up (its terminator polls the SIGINT watchdog) and connected to the transport. */
  | { kind: "ready" }
  /** A debugger client attached (true) or left (false): hand over cells' line maps before running them. */
  | { kind: "debug-active"; active: boolean }
  /** The debugger has bound the breakpoints of the cell announced with this id: run it. */
  | { kind: "debug-cell-ready"; id: number }
  /** An interrupt (interrupt_request, or SIGINT to the process): the main thread answers `interrupt-ack` once handled. */
  | { kind: "interrupt" };

export type MainToWorker =
  /** A cell is about to run while a debugger is attached: its script URL, text and line map (kernel/debug/cell-lines.ts). */
  | { kind: "debug-cell"; id: number; url: string; code: string; segments: Segment[][] }
  /** The main thread handled an `interrupt` (the worker stops forcing it, transport/terminator.ts). */
  | { kind: "interrupt-ack" }
  /** The process exits now: disconnect from the main thread, then set `closedFlag`. */
  | { kind: "close" };

const toBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

/** Turns the Uint8Arrays of a message that crossed threads back into Buffers. */
export function revive(msg: Message): Message {
  return { ...msg, identities: (msg.identities ?? []).map(toBuffer), buffers: (msg.buffers ?? []).map(toBuffer) };
}
