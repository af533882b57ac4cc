import { describe, expect, it } from "vitest";
import { MAX_CHARS, MAX_DELAY_MS, StreamBuffer, type StreamName } from "../../../kernel/dispatch/stream-buffer.js";
import { newHeader, type Message } from "../../../kernel/transport/wire.js";

const request = (): Message => ({ identities: [], header: newHeader("execute_request", "s"), parent_header: {}, metadata: {}, content: {}, buffers: [] });

function buffer() {
  const sent: [Message, StreamName, string][] = [];
  const b = new StreamBuffer((parent, name, text) => sent.push([parent, name, text]));
  return { b, sent };
}

describe("StreamBuffer", () => {
  it("coalesces writes of one stream of one request into one message on flush", () => {
    const { b, sent } = buffer();
    const r = request();
    for (let i = 0; i < 1000; i++) b.write(r, "stdout", `${i}\n`);
    b.flush();
    b.dispose();
    expect(sent.length).toBeLessThanOrEqual(2); // one, or two if the clock passed MAX_DELAY_MS meanwhile
    expect(sent.map((s) => s[2]).join("")).toBe(Array.from({ length: 1000 }, (_, i) => `${i}\n`).join(""));
    expect(sent.every((s) => s[0] === r && s[1] === "stdout")).toBe(true);
  });

  it.each([
    ["the other stream", (a: Message) => [[a, "stdout", "1"], [a, "stderr", "2"], [a, "stdout", "3"]] as const],
    ["another request", (a: Message, b: Message) => [[a, "stdout", "1"], [b, "stdout", "2"], [a, "stdout", "3"]] as const],
  ])("a write to %s sends what was buffered first, keeping the order", (_what, writes) => {
    const { b, sent } = buffer();
    const [r1, r2] = [request(), request()];
    for (const [p, n, t] of writes(r1, r2)) b.write(p, n, t);
    b.flush();
    b.dispose();
    expect(sent.map(([p, n, t]) => [p, n, t])).toEqual(writes(r1, r2).map(([p, n, t]) => [p, n, t]));
  });

  it("sends at once when MAX_CHARS are waiting", () => {
    const { b, sent } = buffer();
    const r = request();
    b.write(r, "stdout", "x".repeat(MAX_CHARS));
    expect(sent).toHaveLength(1);
    b.dispose();
  });

  it("sends by itself MAX_DELAY_MS after the first write, and nothing for empty text", async () => {
    const { b, sent } = buffer();
    const r = request();
    b.write(r, "stderr", "");
    b.write(r, "stderr", "late");
    expect(sent).toHaveLength(0);
    await new Promise((res) => setTimeout(res, MAX_DELAY_MS * 5));
    expect(sent.map((s) => s[2])).toEqual(["late"]);
  });
});
