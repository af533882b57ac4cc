/**
 * The compute process's main thread's end of the local channel (link-messages.ts): what the
 * dispatcher sends goes to the transport process, which signs it and writes it on its socket;
 * the shell and stdin requests the transport read come back here.
 * No zeromq here: this runs in the process that runs user code.
 */
import { LocalLink } from "./link.js";
import type { MainToTransport, Read, TransportToMain } from "./link-messages.js";
import { readMessage } from "./frames.js";
import type { InboundChannel, OutboundChannel } from "./thread-messages.js";
import type { Message } from "./wire.js";
import { Promise, Map, process, withPristineBuiltins } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** What the dispatcher needs from a transport: a way to send. Tests pass an in-memory one. */
export interface KernelTransport {
  send(channel: OutboundChannel, msg: Message): void;
  /**
   * Sends, and resolves with the seq of the last shell request the transport had read when this
   * message went out: requests up to it were queued before the front end could see this message.
   */
  sendWithBarrier(channel: OutboundChannel, msg: Message): Promise<number>;
  /**
   * Hold what is sent until the matching uncork(), then hand it over at once (one write to the
   * transport process for the whole stretch). Only around synchronous code: never across an await.
   */
  cork?(): void;
  uncork?(): void;
}

export interface ChannelEvents {
  /** `problem`: a frame of the request was no JSON object: answer with an error naming it. */
  request(channel: InboundChannel, msg: Message, seq: number, problem?: string): void;
  /** A shutdown_request came on control (already answered): exit. */
  shutdown(restart: boolean): void;
  /** The transport process is gone: nobody can reach this kernel any more. */
  lost(): void;
}

export class ComputeChannel implements KernelTransport {
  private readonly barriers = new Map<number, (seq: number) => void>();
  private nextBarrier = 0;

  private constructor(private readonly link: LocalLink) {}

  /**
   * Connects to the transport process, says hello (this process's pid, the banner's note) and
   * resolves with the kernel's session id once the transport has answered.
   *
   * @example
   * const { channel, session } = await ComputeChannel.open("/tmp/strided-x/c", undefined, { request, shutdown, lost });
   */
  static async open(path: string, note: string | undefined, events: ChannelEvents): Promise<{ channel: ComputeChannel; session: string }> {
    let channel: ComputeChannel | null = null;
    let welcomed: (session: string) => void = () => undefined;
    const welcome = new Promise<string>((resolve) => (welcomed = resolve));
    const link = await LocalLink.connect(
      path,
      // Each request's handling starts with the built-ins' own methods (primordials.ts).
      (frame) => withPristineBuiltins(() => {
        const f = frame as Read<TransportToMain>;
        switch (f.kind) {
          case "welcome":
            welcomed(f.session);
            break;
          case "request":
            events.request(f.channel, readMessage(f.wire), f.seq, f.problem);
            break;
          case "barrier":
            channel?.barriers.get(f.id)?.(f.seq);
            channel?.barriers.delete(f.id);
            break;
          case "shutdown":
            events.shutdown(f.restart);
            break;
        }
      }),
      () => events.lost(),
    );
    channel = new ComputeChannel(link);
    channel.write({ kind: "hello", role: "main", pid: process.pid, ...(note ? { note } : {}) });
    return { channel, session: await welcome };
  }

  private write(f: MainToTransport): void {
    this.link.send(f);
  }

  send(channel: OutboundChannel, msg: Message): void {
    this.write({ kind: "send", channel, msg });
  }

  sendWithBarrier(channel: OutboundChannel, msg: Message): Promise<number> {
    if (this.link.isClosed) return Promise.resolve(0);
    const id = ++this.nextBarrier;
    return new Promise((resolve) => {
      this.barriers.set(id, resolve);
      this.write({ kind: "send", channel, msg, barrier: id });
    });
  }

  cork(): void {
    this.link.cork();
  }

  uncork(): void {
    this.link.uncork();
  }

  /** The main thread starts the idle heap compaction (link-messages.ts `compacting`); sent at once. */
  compacting(killable: boolean): void {
    this.write({ kind: "compacting", killable });
    this.link.flush();
  }

  /** The idle heap compaction is over. */
  compacted(): void {
    this.write({ kind: "compacted" });
  }

  /** This process exits now with `code`: everything sent before is flushed by the transport, which then exits with the same status. */
  exiting(code: number): void {
    this.link.flush(); // held by a cork the exit cut short (a cell's process.exit inside a stretch the kernel corked)
    this.write({ kind: "exit", code });
    this.link.flush();
  }

  /**
   * Closes the channel now, before the process ends: the transport, which has the status from
   * `exiting`, ends at once instead of when the kernel has torn this process's memory down
   * (a killed process's sockets close after its memory is released: 15-30 ms for ~200 MB).
   */
  close(): void {
    this.link.close();
  }
}
