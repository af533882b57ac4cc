/**
 * Driving a kernel's debugger as JupyterLab does: DAP requests inside `debug_request` on the
 * control channel, DAP events collected from iopub's `debug_event`s. Works with any kernel
 * (ours and ipykernel), so the two can be compared reply for reply.
 */
import type { KernelClient, Message } from "../../../kernel/client/index.js";

export interface DapReply {
  type: string;
  seq?: number;
  request_seq?: number;
  success: boolean;
  command: string;
  message?: string;
  body?: Record<string, any>; // DAP bodies, read field by field in tests
}

export interface DapEventMsg {
  type: string;
  seq: number;
  event: string;
  body: Record<string, any>;
}

/** The arguments JupyterLab's debugger sends with `initialize` (as ipykernel's tests do). */
export const INITIALIZE_ARGS = {
  clientID: "test-client",
  clientName: "testClient",
  adapterID: "",
  pathFormat: "path",
  linesStartAt1: true,
  columnsStartAt1: true,
  supportsVariableType: true,
  supportsVariablePaging: true,
  supportsRunInTerminalRequest: true,
  locale: "en",
};

export class DebugDriver {
  private seq = 0;
  private readonly events: DapEventMsg[] = [];
  private waiters: (() => void)[] = [];
  private readonly stop: () => void;
  /** Every reply and event in order, for comparing two kernels. */
  readonly transcript: { kind: "reply" | "event"; name: string; content: DapReply | DapEventMsg }[] = [];

  constructor(private readonly kc: KernelClient) {
    this.stop = kc.onIopub((m: Message) => {
      if (m.header.msg_type !== "debug_event") return;
      const e = m.content as unknown as DapEventMsg;
      this.events.push(e);
      const ws = this.waiters;
      this.waiters = [];
      for (const w of ws) w();
    });
  }

  /** One debug_request and its debug_reply's content. */
  async request(command: string, args: Record<string, unknown> = {}, timeout = 20_000): Promise<DapReply> {
    const msg = await this.kc.request<DapReply>("control", "debug_request", { type: "request", seq: ++this.seq, command, arguments: args }, { timeout });
    this.transcript.push({ kind: "reply", name: command, content: msg.content });
    return msg.content;
  }

  /** Wait for the next debug_event named `name` (events before it are skipped, as ipykernel's tests do). */
  async event(name: string, timeout = 20_000): Promise<DapEventMsg> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const i = this.events.findIndex((e) => e.event === name);
      if (i >= 0) {
        const e = this.events[i];
        this.events.splice(0, i + 1);
        this.transcript.push({ kind: "event", name, content: e });
        return e;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no debug_event "${name}" within ${timeout} ms (saw: ${this.events.map((e) => e.event).join(", ") || "none"})`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => (clearTimeout(t), r()));
      });
    }
  }

  /** True when a debug_event named `name` arrives within `ms`. */
  async sees(name: string, ms: number): Promise<boolean> {
    try {
      await this.event(name, ms);
      return true;
    } catch {
      return false;
    }
  }

  /** initialize + attach, as JupyterLab does when the debugger is switched on. */
  async start(): Promise<void> {
    const init = await this.request("initialize", INITIALIZE_ARGS);
    if (!init.success) throw new Error(`initialize failed: ${init.message}`);
    const attach = await this.request("attach");
    if (!attach.success) throw new Error(`attach failed: ${attach.message}`);
  }

  close(): void {
    this.stop();
  }
}

/**
 * The shape of a JSON value: objects by their keys (recursively), arrays by their first
 * element, everything else by its JSON type. Two kernels' replies agree in shape when every key
 * the reference gives is present in the other with the same shape.
 */
export function missingShape(reference: unknown, actual: unknown, at = "$"): string[] {
  const kind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  if (kind(reference) !== kind(actual)) return [`${at}: ${kind(reference)} in the reference, ${kind(actual)} here`];
  if (Array.isArray(reference) && Array.isArray(actual)) {
    if (reference.length === 0 || actual.length === 0) return [];
    return missingShape(reference[0], actual[0], `${at}[0]`);
  }
  if (reference && typeof reference === "object") {
    const out: string[] = [];
    for (const [k, v] of Object.entries(reference)) {
      if (!(k in (actual as object))) out.push(`${at}.${k}: missing`);
      else out.push(...missingShape(v, (actual as Record<string, unknown>)[k], `${at}.${k}`));
    }
    return out;
  }
  return [];
}
