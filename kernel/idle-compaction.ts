/**
 * When the kernel goes quiet: one compacting full garbage collection, so the main thread's heap
 * gives back the pages its work left half-empty.
 *
 * Why: every cell makes a TypeScript program and checker; what they leave is garbage spread over
 * many old-space pages, and V8's ordinary full collections free the objects but keep any page
 * with one live object on it (measured in process after 1,000 distinct cells: old space 211 MB
 * committed for 65 MB live after `gc()`; 66 MB after a compacting one; RSS 406 -> 224 MB).
 * V8's own memory reducer does not compact that far on an idle kernel.
 *
 * Rule: once per quiet period, QUIET_MS after the last shell request was answered, and only if
 * an execute_request came since the last compaction (an idle kernel is not collected again and
 * again; a front end's kernel_info before its first cell starts nothing, so the first result
 * never waits for a collection). A request arriving later finds the collection done; one arriving
 * during it waits for it, except a shutdown_request: the transport is told before the collection
 * starts (`around.before`, link-messages.ts `compacting`) and ends a compute whose exit needs no
 * JavaScript with a kill instead of waiting (kernel/transport/process.ts).
 * Cost: one full collection with compaction of the warm language service's heap (~80 MB), 320-440 ms
 * of the main thread measured under load 6-7 on 2 cores (a plain full collection: 140-185 ms, but
 * 6-13 MB more RSS left), once per pause of the user; cells sent back to back never wait for it.
 * V8's own memory reducer (`--gc-memory-reducer-start-delay-ms=500`) did not shrink the heap within
 * 2 s of quiet (252 MB after bench:kernel's workload against 232 MB with this). `gc` comes from a fresh vm context
 * after `--expose-gc` is set, so a cell's global scope gets no `gc`; `--compact-on-every-full-gc`
 * is set around that one call only (V8 reads it per collection).
 */
import v8 from "node:v8";
import { fullCollector } from "./gc.js";
import { clearTimeout, performance, setTimeout } from "./primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** How long the kernel must have been quiet before it compacts its heap. */
export const QUIET_MS = 1000;

const gc = fullCollector;

/**
 * One compacting full collection now; returns how long it took (ms), or null without `gc`.
 *
 * @example
 * compactHeap() // 83.2
 */
export function compactHeap(): number | null {
  const f = gc();
  if (f === null) return null;
  const t = performance.now();
  v8.setFlagsFromString("--compact-on-every-full-gc");
  try {
    f();
  } finally {
    v8.setFlagsFromString("--no-compact-on-every-full-gc");
  }
  return performance.now() - t;
}

/** What the kernel does just before and after the collection (tell the transport process). */
export interface AroundCompaction {
  before(): void;
  after(): void;
}

/** Schedules compactHeap once per quiet period (see the rule above). */
export class IdleCompaction {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private worked = false;

  constructor(
    private readonly log: (line: string) => void = () => undefined,
    private readonly quietMs = QUIET_MS,
    private readonly around: AroundCompaction = { before: () => undefined, after: () => undefined },
  ) {}

  /** A request came: whatever was scheduled waits for the next quiet period; `work`: it runs cells (execute_request). */
  busy(work = true): void {
    if (work) this.worked = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Every request so far has been answered: compact after quietMs unless another comes. */
  quiet(): void {
    if (!this.worked || this.timer) return;
    const timer = setTimeout(() => {
      if (this.timer !== timer) return;
      this.timer = null;
      this.worked = false;
      this.around.before(); // first: the transport has it when the log line is out (a test waits for the line)
      this.log("idle: compacting the heap");
      let ms: number | null;
      try {
        ms = compactHeap();
      } finally {
        this.around.after();
      }
      if (ms !== null) this.log(`idle: heap compacted in ${ms.toFixed(0)} ms`);
    }, this.quietMs);
    timer.unref?.();
    this.timer = timer;
  }
}
