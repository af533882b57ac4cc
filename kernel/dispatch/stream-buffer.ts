/**
 * Stream output coalesced into few `stream` messages, as ipykernel's OutStream does: text written
 * to one stream of one request is appended to a buffer and sent as one message when
 *   - anything else is about to be sent (a display, the reply, the idle status: the dispatcher
 *     calls `flush()` first, so output keeps its order and precedes the reply),
 *   - the other stream or another request writes,
 *   - the buffer holds MAX_CHARS, or its first write is MAX_DELAY_MS old (checked at each write,
 *     so a busy loop that prints still streams),
 *   - MAX_DELAY_MS passed (a timer, for the last lines of a quiet cell or a late timer's output).
 * 100,000 `console.log` lines become a few dozen messages instead of 100,000 (which also
 * overflowed the iopub socket's high-water mark and lost lines).
 *
 * Globals used after start-up are captured when this file loads (a cell may rebind them).
 */
import type { Message } from "../transport/wire.js";

/** Send one buffered run as a message once this many characters are waiting. */
export const MAX_CHARS = 64 * 1024;
/** Send buffered text at the latest this long after its first write. */
export const MAX_DELAY_MS = 10;

const schedule = setTimeout;
const unschedule = clearTimeout;
const now = Date.now;

export type StreamName = "stdout" | "stderr";

export class StreamBuffer {
  private parent: Message | null = null;
  private name: StreamName = "stdout";
  /** The buffered text (a rope: V8 concatenates in O(1) and flattens once when it is sent). */
  private text = "";
  private chars = 0;
  private since = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `send` publishes one `stream` message with `parent` as parent header. */
  constructor(private readonly send: (parent: Message, name: StreamName, text: string) => void) {}

  /**
   * Buffer `text` for `parent`'s `name` stream.
   *
   * @example
   * buffer.write(request, "stdout", "1\n"); buffer.write(request, "stdout", "2\n");
   * buffer.flush(); // one stream message, text "1\n2\n"
   */
  write(parent: Message, name: StreamName, text: string): void {
    if (text.length === 0) return;
    if (this.chars > 0 && (this.parent !== parent || this.name !== name)) this.flush();
    if (this.chars === 0) {
      this.parent = parent;
      this.name = name;
      this.since = now();
      if (this.timer === null) this.timer = schedule(() => this.onTimer(), MAX_DELAY_MS);
    }
    this.text += text;
    this.chars += text.length;
    if (this.chars >= MAX_CHARS || now() - this.since >= MAX_DELAY_MS) this.flush();
  }

  /** Send what is buffered now, as one message. */
  flush(): void {
    if (this.chars === 0 || this.parent === null) return;
    const text = this.text;
    const parent = this.parent;
    this.text = "";
    this.chars = 0;
    this.parent = null;
    this.send(parent, this.name, text);
  }

  private onTimer(): void {
    this.timer = null;
    this.flush();
  }

  /** Stop the timer (shutdown). */
  dispose(): void {
    if (this.timer !== null) unschedule(this.timer);
    this.timer = null;
  }
}
