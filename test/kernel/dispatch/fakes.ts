/** An in-memory transport and a scripted fake CellSession for dispatcher tests. */
import type { CellSession, EvalOutcome, Publisher } from "../../../kernel/session/contract.js";
import type { KernelTransport } from "../../../kernel/transport/channel.js";
import type { OutboundChannel } from "../../../kernel/transport/thread-messages.js";
import { newHeader, type Message } from "../../../kernel/transport/wire.js";

export class MemoryTransport implements KernelTransport {
  readonly sent: { channel: OutboundChannel; msg: Message }[] = [];
  /** What the compute's link would write at once: one entry per uncorked send or per outermost cork…uncork ("channel:msg_type[:state]"). */
  readonly writes: string[][] = [];
  private corked = 0;
  private held: string[] = [];
  send(channel: OutboundChannel, msg: Message): void {
    this.sent.push({ channel, msg });
    const name = `${channel}:${msg.header.msg_type}${msg.header.msg_type === "status" ? `:${msg.content.execution_state}` : ""}`;
    if (this.corked > 0) this.held.push(name);
    else this.writes.push([name]);
  }
  cork(): void {
    this.corked++;
  }
  uncork(): void {
    if (this.corked > 0) this.corked--;
    if (this.corked === 0 && this.held.length > 0) {
      this.writes.push(this.held);
      this.held = [];
    }
  }
  /** An in-memory transport has handed over everything it read: no bound of its own. */
  sendWithBarrier(channel: OutboundChannel, msg: Message): Promise<number> {
    this.send(channel, msg);
    return Promise.resolve(Number.POSITIVE_INFINITY);
  }
  /** Messages whose parent is `req`, as "channel:msg_type" strings in send order. */
  trace(req: Message): string[] {
    return this.of(req).map((s) => `${s.channel}:${s.msg.header.msg_type}${s.msg.header.msg_type === "status" ? `:${s.msg.content.execution_state}` : ""}`);
  }
  of(req: Message): { channel: OutboundChannel; msg: Message }[] {
    return this.sent.filter((s) => (s.msg.parent_header as { msg_id?: string }).msg_id === req.header.msg_id);
  }
  reply(req: Message): Message {
    const r = this.of(req).find((s) => s.channel === "shell");
    if (!r) throw new Error(`no reply to ${req.header.msg_type}`);
    return r.msg;
  }
}

let counter = 0;
export function request(msgType: string, content: Record<string, unknown> = {}): Message {
  return { identities: [Buffer.from(`client-${++counter}`)], header: newHeader(msgType, "client-session", "tester"), parent_header: {}, metadata: {}, content, buffers: [] };
}

/** A session whose cells are tiny scripts: "value:<json>", "error:<name>:<message>", "print:<text>", "input:<prompt>". */
export class FakeSession implements CellSession {
  readonly executed: string[] = [];
  readonly completions: { code: string; cursor: number }[] = [];
  interrupted = 0;
  async execute(code: string, io: Publisher): Promise<EvalOutcome> {
    this.executed.push(code);
    const [kind, ...rest] = code.split(":");
    const arg = rest.join(":");
    if (kind === "value") return { status: "ok", hasValue: true, value: arg === "undefined" ? undefined : JSON.parse(arg) };
    if (kind === "error") {
      const [ename, evalue] = arg.split(":");
      return { status: "error", ename, evalue, traceback: [`${ename}: ${evalue}`, "    at cell 1:1"] };
    }
    if (kind === "print") {
      io.stream("stdout", arg);
      return { status: "ok", hasValue: false, value: undefined };
    }
    if (kind === "input") {
      try {
        const v = await io.input(arg, false);
        return { status: "ok", hasValue: true, value: v };
      } catch (e) {
        return { status: "error", ename: (e as Error).name, evalue: (e as Error).message, traceback: [] };
      }
    }
    return { status: "ok", hasValue: false, value: undefined };
  }
  async userExpression(expr: string): Promise<{ status: "ok"; data: Record<string, unknown> } | { status: "error"; ename: string; evalue: string; traceback: string[] }> {
    if (expr.startsWith("bad")) return { status: "error", ename: "ReferenceError", evalue: `${expr} is not defined`, traceback: [] };
    return { status: "ok", data: { "text/plain": `<${expr}>` } };
  }
  complete(code: string, cursor: number) {
    this.completions.push({ code, cursor });
    // Complete the identifier that ends at the cursor (UTF-16 offsets).
    let start = cursor;
    while (start > 0 && /[A-Za-z_.]/.test(code[start - 1])) start--;
    return { matches: [code.slice(start, cursor) + "zeros"], cursorStart: start, cursorEnd: cursor, metadata: {} };
  }
  inspect(code: string, cursor: number) {
    return { found: true, data: { "text/plain": `inspect@${cursor}:${code.slice(0, cursor)}` } };
  }
  isComplete(code: string) {
    return code.endsWith("{") ? ({ status: "incomplete", indent: "  " } as const) : ({ status: "complete" } as const);
  }
  interrupt(): void {
    this.interrupted++;
  }
}
