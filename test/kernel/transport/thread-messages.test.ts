import { MessageChannel } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { revive } from "../../../kernel/transport/thread-messages.js";
import { newHeader, type Message } from "../../../kernel/transport/wire.js";

/** Sends a value through a real MessagePort (structured clone, as between the worker and main). */
function roundTrip<T>(value: T): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once("message", (v: T) => {
      port1.close();
      resolve(v);
    });
    port1.postMessage(value);
  });
}

describe("revive", () => {
  const cases: { name: string; identities: Buffer[]; buffers: Buffer[] }[] = [
    { name: "no frames", identities: [], buffers: [] },
    { name: "one identity, two buffers", identities: [Buffer.from("client-1")], buffers: [Buffer.from([0, 1, 2]), Buffer.from([])] },
    { name: "a frame that is a slice of a larger pool", identities: [Buffer.from("xxabcxx").subarray(2, 5)], buffers: [] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const msg: Message = { identities: c.identities, header: newHeader("execute_request", "s"), parent_header: {}, metadata: {}, content: { code: "1" }, buffers: c.buffers };
      const cloned = await roundTrip(msg);
      // Structured clone drops the Buffer prototype: that is what revive repairs.
      if (c.identities.length) expect(Buffer.isBuffer(cloned.identities[0])).toBe(false);
      const back = revive(cloned);
      for (const f of [...back.identities, ...back.buffers]) expect(Buffer.isBuffer(f)).toBe(true);
      expect(back.identities.map((b) => b.toString("hex"))).toEqual(c.identities.map((b) => b.toString("hex")));
      expect(back.buffers.map((b) => b.toString("hex"))).toEqual(c.buffers.map((b) => b.toString("hex")));
      expect(back.header).toEqual(msg.header);
    });
  }
});
