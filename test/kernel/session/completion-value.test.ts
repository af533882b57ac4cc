/**
 * A cell's completion value never crosses the inspector: Runtime.evaluate's answer is serialised
 * to JSON for a primitive (a 64 MB string took seconds), so the script the session runs ends with
 * `void 0` and the cell's value is read from the helpers.
 */
import { Session } from "node:inspector";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCellSession, type StridedCellSession } from "../../../kernel/session/index.js";
import { MemoryPublisher, OPTS } from "./memory-publisher.js";

let session: StridedCellSession;
/** The `result` of every Runtime.evaluate answer the inspector gave while the spy was on. */
const answers: { type?: string; value?: unknown; objectId?: string }[] = [];

beforeAll(async () => {
  const post = Session.prototype.post;
  vi.spyOn(Session.prototype, "post").mockImplementation(function (this: Session, ...args: unknown[]) {
    const [method, params, callback] = args as [string, object | undefined, ((err: Error | null, res?: { result?: { type?: string; value?: unknown; objectId?: string } }) => void) | undefined];
    if (method === "Runtime.evaluate" && typeof callback === "function") {
      return Reflect.apply(post, this, [method, params, (err: Error | null, res?: { result?: { type?: string; value?: unknown; objectId?: string } }) => {
        if (res?.result) answers.push(res.result);
        callback(err, res);
      }]) as void;
    }
    return Reflect.apply(post, this, args) as void;
  });
  session = await createCellSession({ notebookDir: process.cwd() });
  await session.ready();
});
afterAll(() => vi.restoreAllMocks());

describe("the completion value of a cell", () => {
  it.each([
    ["'y'.repeat(100_000)", "y".repeat(100_000)],
    ["if (true) { 'z'.repeat(100_000) }", undefined],
    ["let k = 0; for (let i = 0; i < 3; i++) { k = i; ({ big: 'w'.repeat(100_000) }); }", undefined],
    ["({ o: 1 })", { o: 1 }],
    ["await Promise.resolve('q'.repeat(100_000))", "q".repeat(100_000)],
  ])("%s: the value is the cell's, the inspector answers undefined", async (code, value) => {
    answers.length = 0;
    const r = await session.execute(code, new MemoryPublisher(), OPTS);
    if (r.status !== "ok") throw new Error(`${r.ename}: ${r.evalue}`);
    expect(r.hasValue ? r.value : undefined).toEqual(value);
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(a).toEqual({ type: "undefined" });
  });
});
