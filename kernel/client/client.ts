/**
 * A small Jupyter client over ZeroMQ: DEALER sockets for shell, control and stdin, a SUB socket
 * for iopub, a REQ socket for the heartbeat (the socket types jupyter_client uses).
 *
 * Rules it keeps:
 * - Replies are matched to requests by `parent_header.msg_id`, never by arrival order; iopub
 *   messages are routed to the request they name as parent. A request "settles" when its reply
 *   has arrived AND iopub has said `idle` for it (the two channels are not ordered relative to each other).
 * - A SUB socket misses what is published before its subscription reaches the kernel (ZeroMQ's
 *   "slow joiner"): `waitForReady` repeats kernel_info_request until iopub shows a status for one,
 *   as jupyter_client's `wait_for_ready` does.
 * - zeromq.js allows one pending send per socket, so sends on a socket are queued in order.
 * - Incoming messages are verified with the connection key; a bad or replayed signature is
 *   dropped and recorded in `dropped`, like the kernel does.
 */
import { randomUUID } from "node:crypto";
import * as zmq from "zeromq";
import { decode, encode, newHeader, ReplayGuard, Signer, type Header, type Message } from "../transport/wire.js";
import { channelAddress, type ConnectionInfo } from "./connection.js";
import type {
  ExecuteReplyContent,
  ExecuteRequestContent,
  InputRequestContent,
  KernelInfoReplyContent,
  StatusContent,
} from "./messages.js";
import { parentId } from "./messages.js";

/** Channels a request can be sent on. */
export type RequestChannel = "shell" | "control" | "stdin";

export interface ClientOptions {
  /** Session id for our headers (a fresh uuid by default). */
  session?: string;
  username?: string;
  /** Answers `input_request` on the stdin channel. Without it, input requests are answered with "". */
  onInput?: (prompt: string, password: boolean, request: Message<InputRequestContent>) => Promise<string> | string;
}

export interface RequestOptions {
  /** Reject when no reply (and, for settle(), no idle) comes within this many ms. Default 60 s. */
  timeout?: number;
  metadata?: Record<string, unknown>;
  /** Called with each iopub message whose parent is this request, as it arrives. */
  onIopub?: (msg: Message) => void;
  /**
   * settle() only: once the reply is in, wait at most this many ms for iopub's idle, then settle
   * anyway with `idleSeen: false` (for kernels that lose iopub messages; without it, a lost idle is a timeout).
   */
  idleGrace?: number;
}

/** A request's reply together with the iopub messages it caused, up to and including `idle`. */
export interface Settled<R = Record<string, unknown>> {
  reply: Message<R>;
  /** iopub messages with this request as parent, in arrival order, including status busy/idle. */
  iopub: Message[];
  /** False only when `idleGrace` ran out before iopub said idle. */
  idleSeen: boolean;
}

export type ExecuteOptions = Partial<Omit<ExecuteRequestContent, "code">> & RequestOptions;

interface Pending {
  resolve(msg: Message): void;
  reject(err: Error): void;
}

interface Collector {
  messages: Message[];
  onIopub?: (msg: Message) => void;
  idle: () => void;
}

const DEFAULT_TIMEOUT = 60_000;
/** How many dropped and unmatched messages are kept for inspection. */
const MAX_RECORDS = 1000;

/** Error raised when a request times out or the client is closed before the answer. */
export class KernelClientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KernelClientError";
  }
}

/** One queue of sends per socket (zeromq.js refuses a second send while one is pending). */
class SendQueue {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly socket: zmq.Writable) {}
  send(frames: Buffer[]): Promise<void> {
    const next = this.tail.then(() => this.socket.send(frames));
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * A connected client. Create with `KernelClient.connect(info)`; call `close()` when done.
 *
 * @example
 * const kc = await KernelClient.connect(kp.connection);
 * await kc.waitForReady();
 * const { reply, iopub } = await kc.execute("1 + 1");
 * reply.content.status // "ok"
 */
export class KernelClient {
  readonly session: string;
  readonly username: string;
  /** Messages that failed to decode (bad signature, replay, malformed), with the reason (the newest 1,000). */
  readonly dropped: { channel: string; reason: string }[] = [];
  /** Replies whose parent we were not waiting for, e.g. answered after a timeout (the newest 1,000). */
  readonly unmatched: Message[] = [];

  private readonly signer: Signer;
  private readonly replay = new ReplayGuard();
  private readonly shell = new zmq.Dealer({ linger: 0 });
  private readonly control = new zmq.Dealer({ linger: 0 });
  private readonly stdin = new zmq.Dealer({ linger: 0 });
  private readonly iopub = new zmq.Subscriber({ linger: 0 });
  private readonly hb = new zmq.Request({ linger: 0, relaxed: true, correlate: true });
  private readonly queues: Record<RequestChannel, SendQueue>;
  private readonly pending = new Map<string, Pending>();
  private readonly collectors = new Map<string, Collector>();
  private readonly iopubListeners = new Set<(msg: Message) => void>();
  private readonly onInput: ClientOptions["onInput"];
  private hbBusy: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(readonly info: ConnectionInfo, opts: ClientOptions) {
    this.session = opts.session ?? randomUUID();
    this.username = opts.username ?? "strided-client";
    this.signer = new Signer(info.key, info.signature_scheme);
    this.onInput = opts.onInput;
    this.queues = { shell: new SendQueue(this.shell), control: new SendQueue(this.control), stdin: new SendQueue(this.stdin) };
  }

  /** Connect all five sockets (connecting never waits for the kernel; see `waitForReady`). */
  static async connect(info: ConnectionInfo, opts: ClientOptions = {}): Promise<KernelClient> {
    const kc = new KernelClient(info, opts);
    // One identity shared by shell and stdin, as the spec asks, so the kernel can route input_request to us.
    const identity = Buffer.from(randomUUID(), "utf8");
    kc.shell.routingId = identity.toString();
    kc.stdin.routingId = identity.toString();
    kc.shell.connect(channelAddress(info, "shell"));
    kc.control.connect(channelAddress(info, "control"));
    kc.stdin.connect(channelAddress(info, "stdin"));
    kc.iopub.connect(channelAddress(info, "iopub"));
    kc.iopub.subscribe();
    kc.hb.connect(channelAddress(info, "hb"));
    kc.readLoop("shell", kc.shell);
    kc.readLoop("control", kc.control);
    kc.readLoop("stdin", kc.stdin);
    kc.readLoop("iopub", kc.iopub);
    return kc;
  }

  private async readLoop(channel: "shell" | "control" | "stdin" | "iopub", socket: zmq.Readable): Promise<void> {
    try {
      for await (const frames of socket) {
        const r = decode(frames, this.signer, this.replay);
        if (!r.ok) {
          KernelClient.record(this.dropped, { channel, reason: r.reason });
          continue;
        }
        if (channel === "iopub") this.routeIopub(r.msg);
        else if (channel === "stdin" && r.msg.header.msg_type === "input_request") void this.answerInput(r.msg as unknown as Message<InputRequestContent>);
        else this.routeReply(r.msg);
      }
    } catch (e) {
      if (!this.closed) this.dropped.push({ channel, reason: `socket stopped: ${(e as Error).message}` });
    }
  }

  /** Keep a record list bounded (the newest MAX_RECORDS entries). */
  private static record<T>(list: T[], item: T): void {
    list.push(item);
    if (list.length > MAX_RECORDS) list.splice(0, list.length - MAX_RECORDS);
  }

  private routeReply(msg: Message): void {
    const id = parentId(msg);
    const p = this.pending.get(id);
    if (!p) {
      KernelClient.record(this.unmatched, msg);
      return;
    }
    this.pending.delete(id);
    p.resolve(msg);
  }

  private routeIopub(msg: Message): void {
    // A throwing listener must not end the read loop (every later request would time out).
    const safely = (f: (m: Message) => void): void => {
      try { f(msg); } catch (e) { KernelClient.record(this.dropped, { channel: "iopub", reason: `listener threw: ${(e as Error).message}` }); }
    };
    for (const l of this.iopubListeners) safely(l);
    const c = this.collectors.get(parentId(msg));
    if (!c) return;
    c.messages.push(msg);
    if (c.onIopub) safely(c.onIopub);
    if (msg.header.msg_type === "status" && (msg.content as unknown as StatusContent).execution_state === "idle") c.idle();
  }

  private async answerInput(req: Message<InputRequestContent>): Promise<void> {
    let value = "";
    try {
      value = this.onInput ? await this.onInput(req.content.prompt, req.content.password, req) : "";
    } catch {
      value = "";
    }
    if (this.closed) return;
    await this.send("stdin", "input_reply", { value }, { parent: req.header }).catch(() => undefined);
  }

  /** Listen to every iopub message (whatever its parent). Returns the function that stops listening. */
  onIopub(listener: (msg: Message) => void): () => void {
    this.iopubListeners.add(listener);
    return () => this.iopubListeners.delete(listener);
  }

  /**
   * Build, sign and send one message; returns its header and the exact frames sent
   * (tests resend them to check replay protection).
   */
  async send(
    channel: RequestChannel,
    msgType: string,
    content: object,
    opts: { parent?: Header; metadata?: Record<string, unknown>; buffers?: Buffer[] } = {},
  ): Promise<{ header: Header; frames: Buffer[] }> {
    const header = newHeader(msgType, this.session, this.username);
    const msg: Message = {
      identities: [],
      header,
      parent_header: opts.parent ?? {},
      metadata: opts.metadata ?? {},
      content: content as Record<string, unknown>,
      buffers: opts.buffers ?? [],
    };
    const frames = encode(msg, this.signer);
    await this.sendRaw(channel, frames);
    return { header, frames };
  }

  /** Send frames exactly as given (no signing): for tests of bad signatures and malformed messages. */
  sendRaw(channel: RequestChannel, frames: Buffer[]): Promise<void> {
    if (this.closed) return Promise.reject(new KernelClientError(`client is closed: cannot send on ${channel}`));
    return this.queues[channel].send(frames);
  }

  /** Wait for the reply to a message already sent (by its msg_id). */
  waitForReply<R = Record<string, unknown>>(msgId: string, timeout = DEFAULT_TIMEOUT, what = "reply"): Promise<Message<R>> {
    return new Promise<Message<R>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(msgId);
        reject(new KernelClientError(`${what}: no reply within ${timeout} ms`));
      }, timeout);
      this.pending.set(msgId, {
        resolve: (m) => { clearTimeout(timer); resolve(m as Message<R>); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
    });
  }

  private encodeRequest(header: Header, content: object, metadata: Record<string, unknown> = {}): Buffer[] {
    return encode({ identities: [], header, parent_header: {}, metadata, content: content as Record<string, unknown>, buffers: [] }, this.signer);
  }

  /** Send a request and wait for its reply only (iopub not awaited). */
  async request<R = Record<string, unknown>>(channel: RequestChannel, msgType: string, content: object, opts: RequestOptions = {}): Promise<Message<R>> {
    const header = newHeader(msgType, this.session, this.username);
    const reply = this.waitForReply<R>(header.msg_id, opts.timeout ?? DEFAULT_TIMEOUT, msgType);
    try {
      await this.sendRaw(channel, this.encodeRequest(header, content, opts.metadata));
    } catch (e) {
      this.pending.get(header.msg_id)?.reject(e as Error);
      this.pending.delete(header.msg_id);
    }
    return reply;
  }

  /** Send a request and wait for its reply AND for iopub's `idle` with it as parent. */
  settle<R = Record<string, unknown>>(channel: RequestChannel, msgType: string, content: object, opts: RequestOptions = {}): Promise<Settled<R>> {
    const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
    const header = newHeader(msgType, this.session, this.username);
    const id = header.msg_id;
    return new Promise<Settled<R>>((resolve, reject) => {
      let reply: Message | null = null;
      let idle = false;
      let graceTimer: NodeJS.Timeout | undefined;
      const cleanup = (): void => {
        clearTimeout(timer);
        clearTimeout(graceTimer);
        this.pending.delete(id);
        this.collectors.delete(id);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new KernelClientError(`${msgType}: no ${reply === null ? "reply" : "idle status on iopub"} within ${timeout} ms`));
      }, timeout);
      const collector: Collector = {
        messages: [],
        onIopub: opts.onIopub,
        idle: () => { idle = true; done(); },
      };
      const done = (): void => {
        if (reply === null || !idle) return;
        cleanup();
        resolve({ reply: reply as Message<R>, iopub: collector.messages, idleSeen: true });
      };
      this.pending.set(id, {
        resolve: (m) => {
          reply = m;
          if (!idle && opts.idleGrace !== undefined) {
            graceTimer = setTimeout(() => {
              cleanup();
              resolve({ reply: m as Message<R>, iopub: collector.messages, idleSeen: false });
            }, opts.idleGrace);
          }
          done();
        },
        reject: (e) => { cleanup(); reject(e); },
      });
      this.collectors.set(id, collector);
      this.sendRaw(channel, this.encodeRequest(header, content, opts.metadata)).catch((e: Error) => { cleanup(); reject(e); });
    });
  }

  /**
   * Run code: execute_request on shell, resolving with the reply and the cell's iopub messages.
   *
   * @example
   * (await kc.execute("1 + 1")).iopub.find((m) => m.header.msg_type === "execute_result")?.content.data
   * // { "text/plain": "2" }
   */
  execute(code: string, opts: ExecuteOptions = {}): Promise<Settled<ExecuteReplyContent>> {
    const content: ExecuteRequestContent = {
      code,
      silent: opts.silent ?? false,
      store_history: opts.store_history ?? true,
      user_expressions: opts.user_expressions ?? {},
      allow_stdin: opts.allow_stdin ?? this.onInput !== undefined,
      stop_on_error: opts.stop_on_error ?? true,
    };
    return this.settle<ExecuteReplyContent>("shell", "execute_request", content, opts);
  }

  /** kernel_info_request on shell. */
  kernelInfo(timeout = DEFAULT_TIMEOUT): Promise<Message<KernelInfoReplyContent>> {
    return this.request<KernelInfoReplyContent>("shell", "kernel_info_request", {}, { timeout });
  }

  /**
   * Wait until the kernel answers kernel_info on shell and its iopub reaches us.
   * Retries every `interval` ms (the first requests may be sent before the kernel binds, or
   * their iopub before our subscription is in place).
   */
  async waitForReady(timeout = 30_000, interval = 100): Promise<Message<KernelInfoReplyContent>> {
    const sent = new Set<string>();
    let reply: Message | null = null;
    let iopubSeen = false;
    let wake: () => void = () => undefined;
    const check = (): void => wake();
    const stop = this.onIopub((m) => {
      if (sent.has(parentId(m))) { iopubSeen = true; check(); }
    });
    const deadline = Date.now() + timeout;
    try {
      while (Date.now() < deadline && !this.closed) {
        const header = newHeader("kernel_info_request", this.session, this.username);
        sent.add(header.msg_id);
        this.pending.set(header.msg_id, { resolve: (m) => { reply = m; check(); }, reject: () => undefined });
        await this.sendRaw("shell", this.encodeRequest(header, {}));
        await new Promise<void>((res) => {
          const t = setTimeout(res, Math.min(interval, Math.max(0, deadline - Date.now())));
          wake = () => { if (reply !== null && iopubSeen) { clearTimeout(t); res(); } };
          wake();
        });
        if (reply !== null && iopubSeen) return reply as Message<KernelInfoReplyContent>;
      }
      throw new KernelClientError(`kernel not ready: no kernel_info_reply with an iopub status within ${timeout} ms`);
    } finally {
      stop();
      for (const id of sent) this.pending.delete(id);
    }
  }

  /**
   * One heartbeat: send bytes on the REQ socket, time the echo. Resolves with the round trip in ms,
   * or null when no echo came within `timeout`.
   */
  async heartbeat(timeout = 1000): Promise<number | null> {
    const run = async (): Promise<number | null> => {
      const payload = Buffer.from(`ping-${randomUUID()}`);
      const t0 = performance.now();
      this.hb.receiveTimeout = timeout;
      try {
        await this.hb.send(payload);
        for (;;) {
          const [echo] = await this.hb.receive();
          if (echo.equals(payload)) return performance.now() - t0;
        }
      } catch {
        // A timed-out REQ socket is reset by relaxed/correlate mode on the next send.
        return null;
      }
    };
    const p = this.hbBusy.then(run);
    this.hbBusy = p.catch(() => null);
    return p;
  }

  /** interrupt_request on control. */
  interrupt(timeout = 10_000): Promise<Message> {
    return this.request("control", "interrupt_request", {}, { timeout });
  }

  /** shutdown_request on control; resolves with the reply. */
  shutdown(restart = false, timeout = 10_000): Promise<Message<{ status: string; restart: boolean }>> {
    return this.request<{ status: string; restart: boolean }>("control", "shutdown_request", { restart }, { timeout });
  }

  /** Close every socket; pending requests are rejected. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [, p] of this.pending) p.reject(new KernelClientError("client closed before the reply arrived"));
    this.pending.clear();
    for (const s of [this.shell, this.control, this.stdin, this.iopub, this.hb]) {
      try { s.close(); } catch { /* already closed */ }
    }
  }
}
