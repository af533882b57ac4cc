import { describe, expect, it } from "vitest";
import { NO_STDIN, RequestPublisher, type Outbox } from "../../../kernel/dispatch/publisher.js";
import { newHeader, type Message } from "../../../kernel/transport/wire.js";

const req: Message = { identities: [Buffer.from("id")], header: newHeader("execute_request", "s"), parent_header: {}, metadata: {}, content: {}, buffers: [] };

function outbox() {
  const published: [string, Record<string, unknown>][] = [];
  const asked: [string, boolean][] = [];
  const box: Outbox = {
    publish: (parent, type, content) => {
      expect(parent).toBe(req);
      published.push([type, content]);
    },
    requestInput: async (parent, prompt, password) => {
      expect(parent).toBe(req);
      asked.push([prompt, password]);
      return "answer";
    },
  };
  return { box, published, asked };
}

describe("RequestPublisher", () => {
  const cases: { name: string; act: (p: RequestPublisher) => void; want: [string, Record<string, unknown>] }[] = [
    { name: "stream", act: (p) => p.stream("stderr", "warn\n"), want: ["stream", { name: "stderr", text: "warn\n" }] },
    { name: "display without id", act: (p) => p.display({ "text/html": "<b>x</b>" }), want: ["display_data", { data: { "text/html": "<b>x</b>" }, metadata: {}, transient: {} }] },
    {
      name: "display with id and metadata",
      act: (p) => p.display({ "image/png": "AA==" }, { displayId: "d", metadata: { "image/png": { width: 3 } } }),
      want: ["display_data", { data: { "image/png": "AA==" }, metadata: { "image/png": { width: 3 } }, transient: { display_id: "d" } }],
    },
    { name: "update", act: (p) => p.display({ "text/plain": "2" }, { displayId: "d", update: true }), want: ["update_display_data", { data: { "text/plain": "2" }, metadata: {}, transient: { display_id: "d" } }] },
    { name: "clear_output", act: (p) => p.clearOutput(false), want: ["clear_output", { wait: false }] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { box, published } = outbox();
      c.act(new RequestPublisher(box, req, true));
      expect(published).toEqual([c.want]);
    });
  }

  it("update without a display id is refused", () => {
    const { box, published } = outbox();
    expect(() => new RequestPublisher(box, req, true).display({ "text/plain": "x" }, { update: true })).toThrow(/needs a display_id/);
    expect(published).toEqual([]);
  });

  it("input asks through the outbox when stdin is allowed, and refuses clearly when not", async () => {
    const { box, asked } = outbox();
    expect(await new RequestPublisher(box, req, true).input("pw? ", true)).toBe("answer");
    expect(asked).toEqual([["pw? ", true]]);
    await expect(new RequestPublisher(box, req, false).input("x", false)).rejects.toThrow(NO_STDIN);
    expect(asked).toHaveLength(1);
  });
});
