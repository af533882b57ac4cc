/** kernel/transport/agent-requests.ts: each request to the agent gets an id; the answer carrying it settles it, or null after the timeout. */
import { expect, it } from "vitest";
import { AgentRequests } from "../../../kernel/transport/agent-requests.js";
import type { TransportToAgent } from "../../../kernel/transport/link-messages.js";

it("numbers requests, settles each by its id, ignores a late or unknown answer, and times out to null", async () => {
  const sent: TransportToAgent[] = [];
  const requests = new AgentRequests((f) => sent.push(f));
  const first = requests.ask((id) => ({ kind: "debug-request", id, content: { command: "initialize" } }));
  const second = requests.ask((id) => ({ kind: "interrupt", id }), 50);
  expect(sent).toEqual([{ kind: "debug-request", id: 1, content: { command: "initialize" } }, { kind: "interrupt", id: 2 }]);
  requests.settle(7, { unknown: true }); // nobody asked
  requests.settle(1, { success: true });
  expect(await first).toEqual({ success: true });
  expect(await second).toBeNull(); // 50 ms passed
  requests.settle(2, {}); // too late: ignored
});
