/**
 * Requests the transport process sends the compute's agent worker and waits for (interrupt,
 * debug_request): each gets an id, and the agent's frame carrying that id settles it.
 */
import type { TransportToAgent } from "./link-messages.js";

export class AgentRequests {
  private nextId = 0;
  private readonly waiting = new Map<number, (content: Record<string, unknown> | null) => void>();

  /** `send` writes (or queues) a frame for the agent. */
  constructor(private readonly send: (f: TransportToAgent) => void) {}

  /**
   * Sends the frame `f(id)` makes and resolves with the content of the answer carrying that id,
   * or with null after `timeoutMs`.
   *
   * @example
   * await requests.ask((id) => ({ kind: "interrupt", id }), 2000) // {}
   */
  ask(f: (id: number) => TransportToAgent, timeoutMs?: number): Promise<Record<string, unknown> | null> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      if (timeoutMs !== undefined) setTimeout(() => this.settle(id, null), timeoutMs).unref();
      this.send(f(id));
    });
  }

  /** The agent answered request `id` (a late answer, after the timeout, is ignored). */
  settle(id: number, content: Record<string, unknown> | null): void {
    const done = this.waiting.get(id);
    this.waiting.delete(id);
    done?.(content);
  }
}
