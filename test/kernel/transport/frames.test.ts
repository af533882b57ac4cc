import { describe, expect, it, vi } from "vitest";
import { encodeFrame, FrameReader, readMessage, type Frame, type ReadFrame } from "../../../kernel/transport/frames.js";
import { newHeader, type Message } from "../../../kernel/transport/wire.js";

const msg = (identities: Buffer[], buffers: Buffer[], text = "hi"): Message => ({
  identities,
  header: newHeader("stream", "s"),
  parent_header: {},
  metadata: {},
  content: { name: "stdout", text },
  buffers,
});

/** Feeds `bytes` to a reader in chunks of `size` bytes; returns every frame it completed, messages parsed back. */
function chunked(bytes: Buffer, size: number): Frame[] {
  const r = new FrameReader();
  const out: Frame[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(...r.push(bytes.subarray(at, at + size)).map(parsed));
  return out;
}

/** A read frame with its message parsed back from its wire parts (as the compute reads requests). */
function parsed(f: ReadFrame): Frame {
  const { wire, ...rest } = f;
  return wire ? { ...rest, msg: readMessage(wire) } : rest;
}

describe("frames", () => {
  const cases: { name: string; value: Frame }[] = [
    { name: "no message", value: { kind: "exit", code: 3 } },
    { name: "a message without binary parts", value: { kind: "send", channel: "iopub", msg: msg([], []) } },
    { name: "identities and buffers, one empty", value: { kind: "request", channel: "shell", seq: 2, msg: msg([Buffer.from("client-1"), Buffer.from([0, 255])], [Buffer.from([]), Buffer.from([1, 2, 3])]) } },
    { name: "non-ASCII text (UTF-8 length differs from string length)", value: { kind: "send", channel: "iopub", msg: msg([], [], "é ∑ 😀\n") } },
  ];
  for (const c of cases) {
    it(`round trip: ${c.name}`, () => {
      const [read] = new FrameReader().push(encodeFrame(c.value));
      const back = parsed(read);
      expect(back).toEqual(c.value);
      if (c.value.msg) for (const b of [...(back.msg as Message).identities, ...(back.msg as Message).buffers]) expect(Buffer.isBuffer(b)).toBe(true);
    });
  }

  it.each([1, 3, 7, 64, 100_000])("frames split across chunks of %i bytes arrive whole and in order", (size) => {
    const values: Frame[] = cases.map((c) => c.value);
    const bytes = Buffer.concat(values.map(encodeFrame));
    expect(chunked(bytes, size)).toEqual(values);
  });

  it("a message arrives as its wire parts, each part the JSON of its field (what the transport signs as is)", () => {
    const m = msg([Buffer.from("id")], [Buffer.from([9])], "é");
    const [read] = new FrameReader().push(encodeFrame({ kind: "send", channel: "iopub", msg: m }));
    expect(read.kind).toBe("send");
    expect(read.channel).toBe("iopub");
    expect(read.msg).toBeUndefined();
    expect(read.wire?.identities).toEqual([Buffer.from("id")]);
    expect(read.wire?.parts.map((p) => p.toString("utf8"))).toEqual([JSON.stringify(m.header), "{}", "{}", JSON.stringify(m.content)]);
    expect(read.wire?.buffers).toEqual([Buffer.from([9])]);
  });

  it("a frame that is no object with a kind is refused", () => {
    const json = Buffer.from("[1,2]");
    const body = Buffer.alloc(4 + json.length);
    body.writeUInt32BE(json.length, 0);
    json.copy(body, 4);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length, 0);
    expect(() => new FrameReader().push(Buffer.concat([len, body]))).toThrow(/no object with a kind/);
  });

  it("joins a big frame's chunks once, when the frame is complete (not at every chunk)", async () => {
    const spy = vi.spyOn(Buffer, "concat");
    try {
      vi.resetModules();
      // a fresh copy of the module, so the Buffer.concat it captures at load is the spy
      const fresh = await import("../../../kernel/transport/frames.js");
      const text = "z".repeat(4 * 1024 * 1024);
      const bytes = Buffer.concat([fresh.encodeFrame({ kind: "send", channel: "iopub", msg: msg([], [], text) }), fresh.encodeFrame({ kind: "exit", code: 0 })]);
      spy.mockClear();
      const r = new fresh.FrameReader();
      const out: ReadFrame[] = [];
      for (let at = 0; at < bytes.length; at += 65536) out.push(...r.push(bytes.subarray(at, at + 65536)));
      expect(out.map((f) => f.kind)).toEqual(["send", "exit"]);
      expect(readMessage(out[0].wire!).content).toEqual({ name: "stdout", text });
      const joined = spy.mock.calls.reduce((n, call) => n + call[0].reduce((m: number, b: Uint8Array) => m + b.byteLength, 0), 0);
      expect(joined).toBeLessThan(2 * bytes.length); // every chunk joined at each push: ~64 x bytes.length
    } finally {
      spy.mockRestore();
    }
  });
});

