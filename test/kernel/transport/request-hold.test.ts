/** kernel/transport/request-hold.ts: requests read after an interrupt wait until the main thread has read it, at most 3 s. */
import { expect, it } from "vitest";
import type { TransportToMain } from "../../../kernel/transport/link-messages.js";
import { RequestHold } from "../../../kernel/transport/request-hold.js";
import type { Message } from "../../../kernel/transport/wire.js";

const request = (channel: "shell" | "control" | "stdin", id: string): TransportToMain => ({ kind: "request", channel, seq: 0, msg: { header: { msg_id: id } } as unknown as Message });

it("holds shell and control requests (never stdin, never other frames) while on, and hands them back in order when it ends", () => {
  const released: TransportToMain[][] = [];
  const hold = new RequestHold((frames) => released.push(frames));
  expect(hold.holds(request("shell", "a"))).toBe(false); // off
  hold.start();
  const a = request("shell", "a"), b = request("control", "b");
  for (const f of [a, b]) {
    expect(hold.holds(f)).toBe(true);
    hold.push(f);
  }
  expect(hold.holds(request("stdin", "c"))).toBe(false);
  expect(hold.holds({ kind: "barrier", id: 1, seq: 0 })).toBe(false);
  hold.start(); // already on: goes on, keeps what it holds
  hold.end();
  expect(released).toEqual([[a, b]]);
  expect(hold.holds(request("shell", "d"))).toBe(false);
  hold.end(); // off: nothing more
  expect(released.length).toBe(1);
});

it("ends by itself after 3 s when the main thread never says it read the interrupt", async () => {
  const released: TransportToMain[][] = [];
  const hold = new RequestHold((frames) => released.push(frames));
  hold.start();
  hold.push(request("shell", "a"));
  await new Promise((r) => setTimeout(r, 2500));
  expect(released).toEqual([]);
  await new Promise((r) => setTimeout(r, 800));
  expect(released.length).toBe(1);
});
