import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { channelAddress, freePorts, newConnectionInfo, writeConnectionFile } from "../../../kernel/client/connection.js";
import { launchKernel } from "../../../kernel/client/launch.js";

describe("connection files", () => {
  it("five distinct free ports and a random key per connection", async () => {
    const [x, y] = [await newConnectionInfo(), await newConnectionInfo()];
    const ports = [x.shell_port, x.iopub_port, x.stdin_port, x.control_port, x.hb_port];
    expect(new Set(ports).size).toBe(5);
    expect(ports.every((p) => p > 0 && p < 65536)).toBe(true);
    expect(x.key).not.toBe(y.key);
    expect(x.key.length).toBeGreaterThanOrEqual(32);
  });
  it("freePorts gives the count asked", async () => {
    expect(await freePorts(3)).toHaveLength(3);
  });
  it("is written readable only by its owner, as JSON the kernel reads back", async () => {
    const info = await newConnectionInfo("strided");
    const file = writeConnectionFile(info);
    try {
      expect(statSync(file.path).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file.path, "utf8"))).toEqual(info);
    } finally {
      file.remove();
    }
  });
  it.each([
    { channel: "shell" as const, port: "shell_port" as const },
    { channel: "hb" as const, port: "hb_port" as const },
  ])("address of $channel", async ({ channel, port }) => {
    const info = await newConnectionInfo();
    expect(channelAddress(info, channel)).toBe(`tcp://127.0.0.1:${info[port]}`);
  });
});

describe("a launched kernel's connection folder", () => {
  it("is removed when the kernel ends by itself (no kill() needed)", async () => {
    // A "kernel" that reads its connection file and exits.
    const kp = await launchKernel({ argv: [process.execPath, "-e", "require('fs').readFileSync(process.argv[1]); process.exit(3)", "{connection_file}"] });
    expect(JSON.parse(readFileSync(kp.connectionFile, "utf8")).key).toBe(kp.connection.key);
    expect(await kp.exited).toEqual({ code: 3, signal: null });
    expect(existsSync(dirname(kp.connectionFile))).toBe(false);
  });
});
