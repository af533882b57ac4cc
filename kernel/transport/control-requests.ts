/**
 * The control requests the transport process answers itself, in one table keyed by the protocol's
 * msg_type (kernel_info, interrupt, shutdown, debug, usage), each framed as ipykernel frames them:
 * busy on iopub, the reply, idle. The shell request types that may come on control (execute,
 * complete, inspect, ...) are not here: they go to the compute's dispatcher (protocol/control.ts).
 */
import { readShutdownRestart, shutdownReplyContent } from "../protocol/shutdown.js";
import { usageReply } from "../protocol/usage.js";
import type { KernelSockets } from "./sockets.js";
import type { Message } from "./wire.js";

/** A reply to send (its msg_type and content), or null when the handler sent it itself. */
export type ControlHandler = (msg: Message) => Promise<{ type: string; content: Record<string, unknown> } | null>;

/** What the handlers need from the transport. */
export interface ControlOps {
  /** kernel_info_reply's content. */
  kernelInfo(): Record<string, unknown>;
  /** Interrupt the running cell; resolves when the interrupt_reply may go. */
  interrupt(): Promise<void>;
  /** Stop the compute (after the shutdown_reply is sent). */
  shutdown(restart: boolean): void;
  /** A debug_request for the agent's debug adapter: its DAP response, or null. */
  debug(msg: Message): Promise<Record<string, unknown> | null>;
}

export class ControlRequests {
  /** The control requests answered here, keyed by the protocol's msg_type. */
  private readonly handlers: Record<"kernel_info_request" | "interrupt_request" | "shutdown_request" | "debug_request" | "usage_request", ControlHandler>;

  constructor(private readonly sockets: KernelSockets, ops: ControlOps, private readonly log: (line: string) => void) {
    this.handlers = {
      kernel_info_request: async () => ({ type: "kernel_info_reply", content: ops.kernelInfo() }),
      interrupt_request: async () => {
        await ops.interrupt();
        return { type: "interrupt_reply", content: { status: "ok" } };
      },
      shutdown_request: async (msg) => {
        const read = readShutdownRestart(msg.content); // read as the shell channel reads it
        const content = shutdownReplyContent(read);
        // The reply first (the compute may exit at once), and ipykernel's broadcast of it on iopub, before idle (protocol/shutdown.ts).
        await this.sockets.sendNew("control", msg, "shutdown_reply", { ...content });
        void this.sockets.sendNew("iopub", msg, "shutdown_reply", { ...content });
        ops.shutdown(read.restart);
        return null;
      },
      // The kernel's CPU and memory, as ipykernel answers it (protocol/usage.ts): this process and its children (the compute).
      usage_request: async () => ({ type: "usage_reply", content: usageReply() as unknown as Record<string, unknown> }),
      debug_request: async (msg) => ({ type: "debug_reply", content: (await ops.debug(msg)) ?? {} }),
    };
  }

  /** A control request: its handler's reply, or an error reply naming `problem` (a frame that was no JSON object). */
  async handle(msg: Message, problem: string | undefined): Promise<void> {
    const type = msg.header.msg_type;
    const handler = Object.prototype.hasOwnProperty.call(this.handlers, type) ? this.handlers[type as keyof typeof this.handlers] : undefined;
    if (!handler) return this.log(`ignoring unknown control message type ${JSON.stringify(type)}`);
    if (problem !== undefined) {
      // A debug_reply is a DAP response (a failed one says why); the others carry the protocol's error fields.
      const evalue = `malformed ${type}: ${problem}`;
      const replyType = type.replace(/_request$/, "_reply");
      const content = type === "debug_request" ? { type: "response", seq: 0, request_seq: 0, command: "", success: false, message: evalue } : { status: "error", ename: "BadRequest", evalue, traceback: [] };
      return this.answered(msg, "control", async () => ({ type: replyType, content }));
    }
    return this.answered(msg, "control", handler);
  }

  /** busy, the handler's reply on `channel`, idle: ipykernel frames control requests with status too. */
  async answered(msg: Message, channel: "shell" | "control", handler: ControlHandler): Promise<void> {
    void this.sockets.sendNew("iopub", msg, "status", { execution_state: "busy" });
    try {
      const r = await handler(msg);
      if (r) await this.sockets.sendNew(channel, msg, r.type, r.content);
    } finally {
      void this.sockets.sendNew("iopub", msg, "status", { execution_state: "idle" });
    }
  }
}
