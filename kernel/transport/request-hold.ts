/**
 * Requests read after an interrupt wait until the compute's main thread has read it (the agent
 * says so: `interrupt-settled`): the agent tells the main thread on another channel than the
 * requests come by, and a late interrupt must not reach the next cell. At most HOLD_MS.
 */
import type { TransportToMain } from "./link-messages.js";

/** How long requests read after an interrupt wait for the main thread to have read it (forcing takes ~1 s). */
const HOLD_MS = 3000;

export class RequestHold {
  private held: TransportToMain[] | null = null;
  private timer: NodeJS.Timeout | null = null;

  /** `release` gets the held frames back, in the order they came, when the hold ends. */
  constructor(private readonly release: (frames: TransportToMain[]) => void) {}

  /** Whether `f` must wait: shell and control requests while a hold is on (stdin never waits). */
  holds(f: TransportToMain): boolean {
    return this.held !== null && f.kind === "request" && f.channel !== "stdin";
  }

  /** Keep `f` until the hold ends (only when holds(f)). */
  push(f: TransportToMain): void {
    this.held?.push(f);
  }

  /** Start holding (an interrupt went to the agent); a hold already on goes on. */
  start(): void {
    if (this.held) return;
    this.held = [];
    this.timer = setTimeout(() => this.end(), HOLD_MS);
    this.timer.unref();
  }

  /** The main thread has read the interrupt (or HOLD_MS passed): the held frames go on. */
  end(): void {
    const held = this.held;
    if (!held) return;
    this.held = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.release(held);
  }
}
