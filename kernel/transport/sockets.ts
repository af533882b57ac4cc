/**
 * The kernel's five ZeroMQ sockets, in the transport process (kernel/transport/process.ts):
 * shell, control, stdin (ROUTER), iopub (PUB), heartbeat (REP, echoed here). Bad, missing or
 * replayed signatures and malformed frames are dropped with a line on the log; a signed request
 * whose parent_header, metadata or content is no JSON object is handed on with `problem` set
 * (it gets an error reply naming it). Sends are signed here, one at a time per socket, in the
 * order asked (zeromq.js refuses concurrent sends).
 *
 * Hard rule: close every socket before the process exits on purpose; closing a socket while it
 * binds aborts the process, so binds settle first (measured, DESIGN.md).
 */
import * as zmq from "zeromq";
import { endpoint, type ConnectionInfo } from "./connection.js";
import type { WireParts } from "./frames.js";
import { ReplayGuard, Signer, decode, encode, encodeParts, newHeader, type Message } from "./wire.js";

/**
 * How long unsent messages may linger after close (the last replies must still reach the client).
 * Only Node's own exit waits for them (its teardown terminates ZeroMQ's context, which honours the
 * linger); `process.exit()` ends ZeroMQ's I/O thread at once and drops whatever had not reached the
 * wire yet (measured: a 100 MB message sent just before, lost every time; kernel-transport.ts end).
 */
export const LINGER_MS = 1000;

export type SendChannel = "shell" | "stdin" | "iopub" | "control";
export type ReadChannel = "shell" | "control" | "stdin";

/** What the sockets hand on: a verified message, or a signed one with a malformed frame (`problem`). */
export type Received = (channel: ReadChannel, msg: Message, problem?: string) => void;

/** One send at a time per socket, in the order asked. */
class SendQueue {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly socket: zmq.Writable & zmq.Socket, private readonly name: string, private readonly log: (line: string) => void) {}
  push(frames: Buffer[]): Promise<void> {
    this.tail = this.tail.then(() => (this.socket.closed ? undefined : this.socket.send(frames))).catch((e: unknown) => this.log(`send on ${this.name} failed: ${(e as Error).message}`));
    return this.tail;
  }
  drain(): Promise<void> {
    return this.tail;
  }
}

export class KernelSockets {
  private readonly signer: Signer;
  private readonly replay = new ReplayGuard();
  private readonly shell = new zmq.Router({ linger: LINGER_MS });
  private readonly control = new zmq.Router({ linger: LINGER_MS });
  private readonly stdin = new zmq.Router({ linger: LINGER_MS });
  private readonly iopub = new zmq.Publisher({ linger: LINGER_MS });
  private readonly hb = new zmq.Reply({ linger: LINGER_MS });
  private readonly queues: Record<SendChannel, SendQueue>;
  private closing: Promise<void> | null = null;

  constructor(private readonly connection: ConnectionInfo, readonly session: string, private readonly log: (line: string) => void) {
    this.signer = new Signer(connection.key, connection.signature_scheme);
    this.queues = {
      shell: new SendQueue(this.shell, "shell", log),
      stdin: new SendQueue(this.stdin, "stdin", log),
      iopub: new SendQueue(this.iopub, "iopub", log),
      control: new SendQueue(this.control, "control", log),
    };
  }

  /** Binds the five sockets and starts reading; rejects (sockets closed) when a bind fails. */
  async start(received: Received): Promise<void> {
    const c = this.connection;
    const names = ["shell", "control", "stdin", "iopub", "hb"] as const;
    const binds = await Promise.allSettled(names.map((n) => this.socketOf(n).bind(endpoint(c, n))));
    const failed = binds.flatMap((b, i) => (b.status === "rejected" ? [`${names[i]}: ${(b.reason as Error).message}`] : []));
    if (failed.length > 0) {
      await this.close();
      throw new Error(`cannot bind the kernel's sockets (${failed.join("; ")}): is another kernel using these ports?`);
    }
    void this.readLoop(this.shell, "shell", received);
    void this.readLoop(this.control, "control", received);
    void this.readLoop(this.stdin, "stdin", received);
    void this.heartbeat();
  }

  /** Signs and queues one message. */
  send(channel: SendChannel, msg: Message): Promise<void> {
    if (this.closing) return Promise.resolve();
    return this.queues[channel].push(encode(msg, this.signer));
  }

  /** Signs and queues a message already serialised (the compute's: frames.ts). */
  sendWire(channel: SendChannel, wire: WireParts): Promise<void> {
    if (this.closing) return Promise.resolve();
    return this.queues[channel].push(encodeParts(wire.identities, wire.parts, wire.buffers, this.signer));
  }

  /** A message of the kernel's own (a reply to `parent`, or an iopub message with it as parent). */
  sendNew(channel: SendChannel, parent: Message | null, msgType: string, content: Record<string, unknown>): Promise<void> {
    return this.send(channel, {
      identities: channel === "iopub" ? [Buffer.from(msgType)] : (parent?.identities ?? []),
      header: newHeader(msgType, this.session),
      parent_header: parent?.header ?? {},
      metadata: {},
      content,
      buffers: [],
    });
  }

  /** Flushes what was queued, then closes every socket. Idempotent. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        await Promise.all(Object.values(this.queues).map((q) => q.drain()));
        for (const s of [this.shell, this.control, this.stdin, this.iopub, this.hb]) if (!s.closed) s.close();
      })();
    }
    return this.closing;
  }

  private socketOf(name: "shell" | "control" | "stdin" | "iopub" | "hb"): zmq.Socket & { bind(address: string): Promise<void> } {
    return { shell: this.shell, control: this.control, stdin: this.stdin, iopub: this.iopub, hb: this.hb }[name];
  }

  private async readLoop(socket: zmq.Router, name: ReadChannel, received: Received): Promise<void> {
    try {
      for await (const frames of socket) {
        const r = decode(frames, this.signer, this.replay);
        if (!r.ok && r.malformed && name !== "stdin") {
          // Signed, with a readable header, but a frame that is no JSON object: answered with an
          // error naming it, never dropped unsaid.
          this.log(`malformed ${r.malformed.header.msg_type} on ${name}: ${r.reason}`);
          received(name, r.malformed, r.reason);
          continue;
        }
        if (!r.ok) {
          this.log(`dropped a message on ${name}: ${r.reason}`); // an input_reply has no reply to carry an error
          continue;
        }
        received(name, r.msg);
      }
    } catch (e) {
      if (!socket.closed) this.log(`reading ${name} stopped: ${(e as Error).message}`);
    }
  }

  private async heartbeat(): Promise<void> {
    try {
      for await (const frames of this.hb) await this.hb.send(frames);
    } catch (e) {
      if (!this.hb.closed) this.log(`heartbeat stopped: ${(e as Error).message}`);
    }
  }
}
