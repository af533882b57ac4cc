import { describe, expect, it } from "vitest";
import { endpoint, parseConnectionInfo } from "../../../kernel/transport/connection.js";

const base = { transport: "tcp", ip: "127.0.0.1", shell_port: 1, control_port: 2, stdin_port: 3, iopub_port: 4, hb_port: 5, key: "k", signature_scheme: "hmac-sha256" };

describe("parseConnectionInfo", () => {
  it("keeps the fields and ignores extras like kernel_name", () => {
    expect(parseConnectionInfo({ ...base, kernel_name: "strided" })).toEqual(base);
  });
  const bad: { name: string; raw: unknown; error: RegExp }[] = [
    { name: "not an object", raw: [], error: /must hold a JSON object/ },
    { name: "port missing", raw: { ...base, hb_port: undefined }, error: /hb_port must be an integer port in 0\.\.65535, got undefined/ },
    { name: "port a string", raw: { ...base, shell_port: "5555" }, error: /shell_port must be an integer port/ },
    { name: "bad transport", raw: { ...base, transport: "udp" }, error: /transport must be "tcp" or "ipc", got "udp"/ },
    { name: "key a number", raw: { ...base, key: 5 }, error: /key must be a string/ },
  ];
  for (const c of bad) it(c.name, () => expect(() => parseConnectionInfo(c.raw)).toThrow(c.error));
});

describe("endpoint", () => {
  it("tcp and ipc as jupyter_client names them", () => {
    const info = parseConnectionInfo(base);
    expect(endpoint(info, "shell")).toBe("tcp://127.0.0.1:1");
    expect(endpoint(info, "hb")).toBe("tcp://127.0.0.1:5");
    expect(endpoint({ ...info, transport: "ipc", ip: "/tmp/k" }, "iopub")).toBe("ipc:///tmp/k-4");
  });
});
