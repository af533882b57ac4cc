/**
 * The main thread's side of the debugger: hands each cell's line map to the debug adapter on the
 * agent worker (kernel/debug/adapter.ts) before the cell runs, while a client is attached.
 *
 * Rule: no cost without a client. `beforeRun` returns undefined at once when no debugger is
 * attached (the session then runs the cell without awaiting anything); it only remembers the
 * last RECENT cells (their text and a thunk of their line map) so that a client attaching later
 * can set breakpoints in functions those cells defined.
 */
import type { Segment } from "./cell-lines.js";

/** How many recent cells a newly attached debugger learns about. */
const RECENT = 100;

/** What the bridge needs from the agent worker's host (kernel/transport/agent-host.ts). */
export interface DebugChannel {
  /** Hand a cell to the debugger; a promise while a client is attached, else undefined. */
  debugCell(url: string, code: string, segments: () => Segment[][]): Promise<void> | undefined;
}

interface Cell {
  url: string;
  code: string;
  segments: () => Segment[][];
}

export class DebugBridge {
  /** A ring of the last RECENT cells (index arithmetic, no push/shift: a cell may replace Array.prototype's methods). */
  private readonly recent: (Cell | undefined)[] = [];
  private next = 0;

  constructor(private readonly channel: () => DebugChannel | null) {}

  /** The session's BeforeRun hook (kernel/session/index.ts). */
  beforeRun(cell: Cell): Promise<void> | undefined {
    this.recent[this.next] = cell;
    this.next = (this.next + 1) % RECENT;
    return this.channel()?.debugCell(cell.url, cell.code, cell.segments);
  }

  /** A client attached: tell it about the cells that ran before (the one about to run comes through beforeRun). */
  attached(): void {
    const ch = this.channel();
    if (!ch) return;
    for (let i = 0; i < RECENT; i++) {
      const c = this.recent[(this.next + i) % RECENT]; // oldest first
      if (c) void ch.debugCell(c.url, c.code, c.segments);
    }
  }
}
