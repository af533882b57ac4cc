/**
 * The real kernel process: `node bin/strided.js kernel <connection file>` from dist/, spoken to
 * with zeromq sockets directly from the test. Heartbeat echoes, control answers kernel_info and
 * shutdown, bad signatures are dropped, and a busy main thread does not stop heartbeat or control.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as zmq from "zeromq";
import { Signer, decode, encode, newHeader, type Message } from "../../../kernel/transport/wire.js";
import { ROOT, ensureBuilt } from "../../e2e/support/kernel.js";

const KEY = "test-key-0123456789";

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<import("node:net").Server>((res) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => res(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as import("node:net").AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms))]);

class Kernel {
  proc!: ChildProcess;
  stderr = "";
  exited: Promise<number | null> = Promise.resolve(null);
  readonly signer = new Signer(KEY, "hmac-sha256");
  hb = new zmq.Request({ linger: 0, receiveTimeout: 2000 });
  control = new zmq.Dealer({ linger: 0 });
  shell = new zmq.Dealer({ linger: 0 });
  iopub = new zmq.Subscriber({ linger: 0 });
  dir = mkdtempSync(join(tmpdir(), "strided-kernel-"));
  startedAt = 0;

  async start(): Promise<void> {
    const [shell, control, stdin, iopub, hb] = await freePorts(5);
    const conn = { transport: "tcp", ip: "127.0.0.1", shell_port: shell, control_port: control, stdin_port: stdin, iopub_port: iopub, hb_port: hb, key: KEY, signature_scheme: "hmac-sha256", kernel_name: "strided" };
    const file = join(this.dir, "kernel.json");
    writeFileSync(file, JSON.stringify(conn));
    this.startedAt = performance.now();
    this.proc = spawn(process.execPath, [join(ROOT, "bin", "strided.js"), "kernel", file], { cwd: this.dir, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, STRIDED_LOG: "1" } });
    this.proc.stderr?.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((res) => this.proc.on("exit", (code) => res(code)));
    this.hb.connect(`tcp://127.0.0.1:${hb}`);
    this.control.connect(`tcp://127.0.0.1:${control}`);
    this.shell.connect(`tcp://127.0.0.1:${shell}`);
    this.iopub.connect(`tcp://127.0.0.1:${iopub}`);
    this.iopub.subscribe();
    void (async () => {
      try {
        for await (const frames of this.iopub) {
          const r = decode(frames, this.signer);
          if (r.ok) this.published.push(r.msg);
        }
      } catch {
        // closed
      }
    })();
  }

  readonly published: Message[] = [];

  /** iopub messages whose parent is `req`, as msg_type or status:state. */
  async publishedFor(req: Message, until: string, ms = 3000): Promise<string[]> {
    const end = performance.now() + ms;
    const list = (): string[] =>
      this.published
        .filter((m) => (m.parent_header as { msg_id?: string }).msg_id === req.header.msg_id)
        .map((m) => (m.header.msg_type === "status" ? `status:${m.content.execution_state}` : m.header.msg_type));
    while (!list().includes(until) && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
    return list();
  }

  request(type: string, content: Record<string, unknown> = {}): Message {
    return { identities: [], header: newHeader(type, "test-client", "tester"), parent_header: {}, metadata: {}, content, buffers: [] };
  }

  /** Sends on a dealer and waits for the reply to that request (ignoring others). */
  async ask(socket: zmq.Dealer, msg: Message, ms = 5000, signer = this.signer): Promise<Message> {
    await socket.send(encode(msg, signer));
    return withTimeout(this.replyTo(socket, msg), ms, `reply to ${msg.header.msg_type}`);
  }

  async replyTo(socket: zmq.Dealer, msg: Message): Promise<Message> {
    for (;;) {
      const frames = await socket.receive();
      const r = decode(frames, this.signer);
      if (!r.ok) throw new Error(`kernel sent a bad message: ${r.reason}`);
      if ((r.msg.parent_header as { msg_id?: string }).msg_id === msg.header.msg_id) return r.msg;
    }
  }

  async ping(payload: string): Promise<{ echo: string; ms: number }> {
    const t = performance.now();
    await this.hb.send(payload);
    const [echo] = await this.hb.receive();
    return { echo: echo.toString(), ms: performance.now() - t };
  }

  /** Waits until the kernel's stderr matches (log lines arrive through a pipe, after the replies). */
  async stderrMatching(re: RegExp, ms = 3000): Promise<string> {
    const until = performance.now() + ms;
    while (!re.test(this.stderr) && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    return this.stderr;
  }

  async stop(): Promise<void> {
    for (const s of [this.hb, this.control, this.shell, this.iopub]) if (!s.closed) s.close();
    if (this.proc && this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.kill("SIGKILL");
      await this.exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe("the kernel process", () => {
  const k = new Kernel();
  beforeAll(async () => {
    await ensureBuilt();
    await k.start();
  });
  afterAll(() => k.stop());

  it("answers kernel_info on control soon after start", async () => {
    const reply = await k.ask(k.control, k.request("kernel_info_request"), 10_000);
    const ms = performance.now() - k.startedAt;
    process.stderr.write(`[kernel-process test] first kernel_info_reply on control ${Math.round(ms)} ms after spawn\n`);
    expect(reply.header.msg_type).toBe("kernel_info_reply");
    expect(reply.content).toMatchObject({ status: "ok", protocol_version: "5.3", implementation: "strided", language_info: { name: "typescript" } });
    // Target 1 s; allow slack for a loaded shared machine.
    expect(ms).toBeLessThan(3000);
  });

  it("echoes heartbeats", async () => {
    const r = await k.ping("ping-1");
    expect(r.echo).toBe("ping-1");
  });

  it("answers kernel_info on shell, with status on iopub", async () => {
    // A PUB socket drops what it sends before a subscriber has joined: wait for iopub as
    // jupyter_client's wait_for_ready does, by asking until a status comes through.
    for (let i = 0; i < 40; i++) {
      const probe = k.request("kernel_info_request");
      await k.ask(k.shell, probe);
      if ((await k.publishedFor(probe, "status:idle", 250)).includes("status:idle")) break;
    }
    const req = k.request("kernel_info_request");
    const reply = await k.ask(k.shell, req);
    expect(reply.content).toMatchObject({ status: "ok", language_info: { name: "typescript", file_extension: ".ts" } });
    expect(reply.parent_header).toEqual(req.header);
    expect(await k.publishedFor(req, "status:idle")).toEqual(["status:busy", "status:idle"]);
  });

  it("drops a message with a wrong signature and keeps answering", async () => {
    const forged = k.request("kernel_info_request");
    await k.control.send(encode(forged, new Signer("wrong-key", "hmac-sha256")));
    const good = k.request("kernel_info_request");
    const reply = await k.ask(k.control, good);
    // The first reply on control after the forged message answers the good one.
    expect((reply.parent_header as { msg_id: string }).msg_id).toBe(good.header.msg_id);
    expect(await k.stderrMatching(/dropped a message on control: bad signature/)).toMatch(/dropped a message on control: bad signature/);
  });

  it("drops a replayed message", async () => {
    const req = k.request("kernel_info_request");
    const frames = encode(req, k.signer);
    await k.control.send(frames);
    await withTimeout(k.replyTo(k.control, req), 5000, "first reply");
    await k.control.send(frames);
    const next = k.request("kernel_info_request");
    const reply = await k.ask(k.control, next);
    expect((reply.parent_header as { msg_id: string }).msg_id).toBe(next.header.msg_id);
    expect(await k.stderrMatching(/replayed signature/)).toMatch(/dropped a message on control: replayed signature/);
  });

  it("runs cells with the real session: execute_input, execute_result, reply", async () => {
    const req = k.request("execute_request", { code: "const kept: number = 20 + 1;\nkept * 2", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
    const reply = await k.ask(k.shell, req, 60_000);
    expect(reply.content).toMatchObject({ status: "ok", execution_count: 1 });
    expect(await k.publishedFor(req, "status:idle")).toEqual(["status:busy", "execute_input", "execute_result", "status:idle"]);
    const result = k.published.find((m) => m.header.msg_type === "execute_result" && (m.parent_header as { msg_id?: string }).msg_id === req.header.msg_id);
    expect(result?.content.data).toMatchObject({ "text/plain": "42" });
  });

  it("while a cell spins on the main thread, heartbeat and control answer; interrupt_request stops it and state survives", async () => {
    const spin = k.request("execute_request", { code: "while (true) {}", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
    await k.shell.send(encode(spin, k.signer));
    const spinReply = withTimeout(k.replyTo(k.shell, spin), 20_000, "the interrupted cell's reply");
    await k.publishedFor(spin, "execute_input");
    await new Promise((r) => setTimeout(r, 300)); // let the loop start
    const beat = await k.ping("while-spinning");
    expect(beat.echo).toBe("while-spinning");
    expect(beat.ms).toBeLessThan(500);
    const t = performance.now();
    const info = await k.ask(k.control, k.request("kernel_info_request"), 2000);
    expect(info.content.status).toBe("ok");
    expect(performance.now() - t).toBeLessThan(500);
    const irq = await k.ask(k.control, k.request("interrupt_request"), 2000);
    expect(irq.header.msg_type).toBe("interrupt_reply");
    expect(irq.content).toEqual({ status: "ok" });
    const r = await spinReply;
    expect(r.content.status).toBe("error");
    const after = k.request("execute_request", { code: "kept", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
    const ar = await k.ask(k.shell, after, 20_000);
    expect(ar.content).toMatchObject({ status: "ok" });
    await k.publishedFor(after, "status:idle");
    const result = k.published.find((m) => m.header.msg_type === "execute_result" && (m.parent_header as { msg_id?: string }).msg_id === after.header.msg_id);
    expect(result?.content.data).toMatchObject({ "text/plain": "21" });
  });

  it("shuts down on control: replies, then the process exits 0", async () => {
    const reply = await k.ask(k.control, k.request("shutdown_request", { restart: false }));
    expect(reply.content).toEqual({ status: "ok", restart: false });
    expect(await withTimeout(k.exited, 5000, "the kernel to exit")).toBe(0);
  });
});

describe("a kernel that cannot bind", () => {
  it("exits 1 naming the channel whose port is taken, without hanging or aborting", async () => {
    await ensureBuilt();
    const [shell, control, stdin, iopub, hb] = await freePorts(5);
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(shell, "127.0.0.1", () => r()));
    const dir = mkdtempSync(join(tmpdir(), "strided-kernel-"));
    try {
      const file = join(dir, "kernel.json");
      writeFileSync(file, JSON.stringify({ transport: "tcp", ip: "127.0.0.1", shell_port: shell, control_port: control, stdin_port: stdin, iopub_port: iopub, hb_port: hb, key: KEY, signature_scheme: "hmac-sha256" }));
      const r = spawnSync(process.execPath, [join(ROOT, "bin", "strided.js"), "kernel", file], { encoding: "utf8", timeout: 20_000 });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/cannot bind the kernel's sockets \(shell: Address already in use\)/);
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
