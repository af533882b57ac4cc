/**
 * The transport process's end of the local channel (link-messages.ts): a Unix socket server the
 * compute process connects to twice, from its main thread and from its agent worker, each
 * connection naming its role in its first frame (`hello`). Frames for a side not connected yet
 * wait here and go out, in order, when it connects.
 *
 * Hard rule: the socket lives in a folder only this user can enter (mktemp -d / mkdtemp), and
 * the folder is removed once both of the compute's connections are made: nobody else connects.
 */
import { rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { dirname } from "node:path";
import { encodeFrame, FrameReader, type Frame, type ReadFrame } from "./frames.js";
import type { AgentToTransport, MainToTransport, Read, TransportToAgent, TransportToMain } from "./link-messages.js";

/** What the compute's two connections say, and when they connect or close. */
export interface ComputeEvents {
  mainConnected(pid: number, note: string | undefined): void;
  agentConnected(): void;
  fromMain(f: Read<MainToTransport>): void;
  fromAgent(f: AgentToTransport): void;
  mainClosed(): void;
  agentClosed(): void;
}

export class ComputeConnections {
  private main: Socket | null = null;
  private agent: Socket | null = null;
  private server: Server | null = null;
  /** Frames for the compute's main thread / agent, waiting for its connection. */
  private readonly forMain: TransportToMain[] = [];
  private readonly forAgent: TransportToAgent[] = [];

  constructor(private readonly channelPath: string, private readonly events: ComputeEvents, private readonly log: (line: string) => void) {}

  /** Listen on the channel's socket for the compute's two connections. */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = createServer((s) => this.accept(s));
      server.once("error", reject);
      server.listen(this.channelPath, () => resolve());
      this.server = server;
    });
  }

  /** Whether the compute's main thread has connected (said hello). */
  get mainConnected(): boolean {
    return this.main !== null;
  }

  /** Whether the main thread's connection was made and is closed now (the compute exited or died). */
  get mainClosed(): boolean {
    return this.main !== null && this.main.destroyed;
  }

  /** Whether the agent worker is connected. */
  get agentConnected(): boolean {
    return this.agent !== null;
  }

  /** Whether a shell request waits for the main thread's connection. */
  shellRequestWaiting(): boolean {
    return this.forMain.some((f) => f.kind === "request" && f.channel === "shell");
  }

  /** A frame for the main thread: now, or once it connects. */
  toMain(f: TransportToMain): void {
    if (this.main) this.write(this.main, f);
    else this.forMain.push(f);
  }

  /** A frame for the agent worker: now, or once it connects. */
  toAgent(f: TransportToAgent): void {
    if (this.agent) this.write(this.agent, f);
    else this.forAgent.push(f);
  }

  /** The socket file and its private folder go (no more connections). */
  removeChannelFolder(): void {
    rmSync(dirname(this.channelPath), { recursive: true, force: true });
  }

  /** The kernel ends: stop listening and drop both connections (nothing of them keeps the process's event loop alive). */
  close(): void {
    this.server?.close();
    this.server = null;
    this.main?.destroy();
    this.agent?.destroy();
  }

  private accept(s: Socket): void {
    const reader = new FrameReader();
    let role: "main" | "agent" | null = null;
    s.on("data", (chunk: Buffer) => {
      let frames: ReadFrame[];
      try {
        frames = reader.push(chunk);
      } catch (e) {
        this.log(`bad frame from the compute process: ${(e as Error).message}`);
        s.destroy();
        return;
      }
      for (const f of frames) {
        if (role === null) {
          const hello = f as MainToTransport | AgentToTransport;
          if (hello.kind !== "hello") {
            s.destroy();
            return;
          }
          role = hello.role;
          if (hello.role === "main") this.mainHello(s, hello.pid, hello.note);
          else this.agentHello(s);
        } else if (role === "main") this.events.fromMain(f as Read<MainToTransport>);
        else this.events.fromAgent(f as AgentToTransport);
      }
    });
    s.on("error", () => undefined); // the close that follows says it
    s.on("close", () => {
      if (role === "main") this.events.mainClosed();
      else if (role === "agent" && this.agent === s) {
        this.agent = null;
        this.events.agentClosed();
      }
    });
  }

  private mainHello(s: Socket, pid: number, note: string | undefined): void {
    this.main = s;
    this.events.mainConnected(pid, note); // its `welcome` goes before the frames that waited
    for (const f of this.forMain.splice(0)) this.write(s, f);
    this.maybeStopListening();
  }

  private agentHello(s: Socket): void {
    this.agent = s;
    this.events.agentConnected();
    for (const f of this.forAgent.splice(0)) this.write(s, f);
    this.maybeStopListening();
  }

  /** Once both connections are made, nobody else may connect: the socket file and its folder go. */
  private maybeStopListening(): void {
    if (!this.main || !this.agent || !this.server) return;
    this.server.close();
    this.server = null;
    this.removeChannelFolder();
  }

  private write(s: Socket, f: Frame): void {
    if (!s.destroyed) s.write(encodeFrame(f));
  }
}
