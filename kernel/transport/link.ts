/**
 * The compute process's end of the local channel to the transport process (link-messages.ts):
 * a Unix socket connection, made by the main thread and again by the agent worker.
 *
 * Hard rule: frames are written synchronously (`writeSync` on the socket's descriptor), never
 * through the socket's write queue: a process that exits right after sending (a cell's
 * `process.exit(3)`, a shutdown) has handed every frame to the kernel's socket buffer by then, and
 * frames keep the order they were sent in from any code path. When the buffer is full (the
 * transport is behind), the writer waits 1 ms at a time: back-pressure on the cell that prints.
 * `cork()`/`uncork()` bracket a synchronous stretch of the kernel's own code (the dispatcher's
 * busy + execute_input, its result + reply + idle): the frames sent inside go out in ONE write at
 * `uncork()`, so the transport process wakes, reads and sends once per stretch instead of once per
 * message (each wake-up is a context switch and an event-loop turn there). Never held across an
 * `await`; `flush()` (a process about to exit) writes whatever is held.
 * No zeromq here: this runs in the process that runs user code.
 */
import { writeSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { encodeFrame, FrameReader, type Frame, type ReadFrame } from "./frames.js";
import { Promise, Error, Date, setTimeout } from "../primordials.js"; // captured at start-up: a cell may rebind or patch the globals

/** How long to keep trying while the transport process is still starting. */
const CONNECT_FOR_MS = 60_000;
const RETRY_MS = 10;

/** A 1 ms sleep; made by the first link, before any cell runs (a cell may rebind `Atomics`; the snapshot builder has neither it nor SharedArrayBuffer). */
let sleep1ms: (() => void) | null = null;

const concat = Buffer.concat;

export class LocalLink {
  private readonly fd: number;
  private closed = false;
  /** cork() depth; frames sent while it is above 0 wait in `held`. */
  private corked = 0;
  private held: Buffer[] = [];

  private constructor(private readonly socket: Socket) {
    const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
    if (typeof fd !== "number" || fd < 0) throw new Error("the kernel's local channel has no file descriptor");
    this.fd = fd;
    if (!sleep1ms) {
      const wait = Atomics.wait;
      const cell = new Int32Array(new SharedArrayBuffer(4));
      sleep1ms = () => void wait(cell, 0, 0, 1);
    }
  }

  /**
   * Connects to the transport's socket (retrying while it does not exist yet), then calls `onFrame`
   * for each frame received and `onClose` once when the transport's end closes.
   *
   * @example
   * const link = await LocalLink.connect("/tmp/strided-x/c", (f) => handle(f), () => process.exit(1));
   */
  static connect(path: string, onFrame: (f: ReadFrame) => void, onClose: () => void): Promise<LocalLink> {
    const deadline = Date.now() + CONNECT_FOR_MS;
    return new Promise((resolve, reject) => {
      const attempt = (): void => {
        const socket = connect(path);
        const failed = (e: NodeJS.ErrnoException): void => {
          socket.destroy();
          if ((e.code === "ENOENT" || e.code === "ECONNREFUSED") && Date.now() < deadline) setTimeout(attempt, RETRY_MS);
          else reject(new Error(`cannot reach the kernel's transport process at ${path}: ${e.message}`));
        };
        socket.once("error", failed);
        socket.once("connect", () => {
          socket.removeListener("error", failed);
          let link: LocalLink;
          try {
            link = new LocalLink(socket);
          } catch (e) {
            socket.destroy();
            reject(e);
            return;
          }
          const reader = new FrameReader();
          socket.on("data", (chunk: Buffer) => {
            const frames = reader.push(chunk);
            for (let i = 0; i < frames.length; i++) onFrame(frames[i]);
          });
          socket.on("error", () => undefined); // the close that follows says it
          socket.on("close", () => {
            link.closed = true;
            onClose();
          });
          resolve(link);
        });
      };
      attempt();
    });
  }

  /** True once the transport's end has closed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes one frame now, or at uncork() when corked (see the hard rule above). Dropped once the channel is closed. */
  send(frame: Frame): void {
    if (this.closed) return;
    const bytes = encodeFrame(frame);
    if (this.corked > 0) this.held[this.held.length] = bytes;
    else this.write(bytes);
  }

  /** Hold the frames sent from now on until the matching uncork() (calls nest). */
  cork(): void {
    this.corked++;
  }

  /** The outermost uncork() writes the frames held, in one write. */
  uncork(): void {
    if (this.corked > 0) this.corked--;
    if (this.corked === 0) this.flush();
  }

  /** Writes the frames held now, corked or not (a process about to exit). */
  flush(): void {
    const held = this.held;
    if (held.length === 0) return;
    this.held = [];
    if (this.closed) return;
    this.write(held.length === 1 ? held[0] : concat(held));
  }

  private write(bytes: Buffer): void {
    let at = 0;
    while (at < bytes.length) {
      try {
        at += writeSync(this.fd, bytes, at, bytes.length - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EAGAIN" || code === "EWOULDBLOCK") (sleep1ms as () => void)();
        else {
          this.closed = true; // EPIPE, ECONNRESET: the transport is gone; onClose follows
          return;
        }
      }
    }
  }

  /** Closes the connection (the transport sees it end). */
  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}
