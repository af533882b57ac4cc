/**
 * The Publisher a cell writes through (kernel/session/contract.ts), bound to the request that
 * ran the cell. One object per execute_request, kept as long as the cell's code holds it, so
 * output from a timer that fires after the reply still carries that cell's parent header.
 */
import type { MimeBundle, Publisher } from "../session/contract.js";
import type { Message } from "../transport/wire.js";
import { Promise, Error } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** What a request publisher needs from the dispatcher. */
export interface Outbox {
  /** Publishes on iopub with `parent` as parent_header. */
  publish(parent: Message, msgType: string, content: Record<string, unknown>, metadata?: Record<string, unknown>): void;
  /** Sends input_request on stdin to the identities of `parent` and resolves with the input_reply's value. */
  requestInput(parent: Message, prompt: string, password: boolean): Promise<string>;
}

/** The message of the error `input()` rejects with when the front end did not allow stdin. */
export const NO_STDIN = "input() needs allow_stdin: this front end does not support input requests";

export class RequestPublisher implements Publisher {
  constructor(
    private readonly outbox: Outbox,
    private readonly request: Message,
    private readonly allowStdin: boolean,
  ) {}

  stream(name: "stdout" | "stderr", text: string): void {
    this.outbox.publish(this.request, "stream", { name, text });
  }

  display(data: MimeBundle, opts: { metadata?: Record<string, unknown>; displayId?: string; update?: boolean } = {}): void {
    if (opts.update && opts.displayId === undefined) {
      throw new Error("update_display_data needs a display_id: pass displayId with update: true");
    }
    this.outbox.publish(this.request, opts.update ? "update_display_data" : "display_data", {
      data,
      metadata: opts.metadata ?? {},
      transient: opts.displayId === undefined ? {} : { display_id: opts.displayId },
    });
  }

  clearOutput(wait: boolean): void {
    this.outbox.publish(this.request, "clear_output", { wait });
  }

  input(prompt: string, password: boolean): Promise<string> {
    if (!this.allowStdin) return Promise.reject(new Error(NO_STDIN));
    return this.outbox.requestInput(this.request, prompt, password);
  }
}
