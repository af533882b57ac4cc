/** An in-memory Publisher: records what a cell publishes, answers input() from a queue. */
import type { MimeBundle, Publisher } from "../../../kernel/session/contract.js";

export type Published =
  | { kind: "stream"; name: "stdout" | "stderr"; text: string }
  | { kind: "display"; data: MimeBundle; displayId?: string; update?: boolean }
  | { kind: "clear"; wait: boolean }
  | { kind: "input"; prompt: string; password: boolean };

export class MemoryPublisher implements Publisher {
  readonly events: Published[] = [];
  constructor(private readonly answers: string[] = []) {}
  stream(name: "stdout" | "stderr", text: string): void {
    this.events.push({ kind: "stream", name, text });
  }
  display(data: MimeBundle, opts?: { metadata?: Record<string, unknown>; displayId?: string; update?: boolean }): void {
    this.events.push({ kind: "display", data, displayId: opts?.displayId, update: opts?.update });
  }
  clearOutput(wait: boolean): void {
    this.events.push({ kind: "clear", wait });
  }
  input(prompt: string, password: boolean): Promise<string> {
    this.events.push({ kind: "input", prompt, password });
    const a = this.answers.shift();
    return a === undefined ? Promise.reject(new Error("no answer queued")) : Promise.resolve(a);
  }
  /** All text of one stream, joined. */
  text(name: "stdout" | "stderr" = "stdout"): string {
    return this.events.flatMap((e) => (e.kind === "stream" && e.name === name ? [e.text] : [])).join("");
  }
}

export const OPTS = { allowStdin: false, silent: false, storeHistory: true };
