/**
 * Connection files: the five ports, the transport, the address and the signing key a kernel
 * and its clients share (Jupyter's "connection file", jupyter_client `connect.py`).
 *
 * Free ports are found the way jupyter_client finds them: bind port 0 on the loopback address,
 * read the port the system chose, close. Another process may take a port in the short window
 * before the kernel binds it; the kernel then fails to start and the launcher reports it.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The JSON a kernel reads from `{connection_file}`. */
export interface ConnectionInfo {
  transport: "tcp";
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: "hmac-sha256";
  kernel_name?: string;
}

/** The channels of the protocol, by the names the connection file uses. */
export type Channel = "shell" | "iopub" | "stdin" | "control" | "hb";

/** `tcp://ip:port` for one channel. */
export function channelAddress(info: ConnectionInfo, channel: Channel): string {
  const port = info[`${channel}_port` as const];
  return `${info.transport}://${info.ip}:${port}`;
}

/**
 * `count` distinct ports that were free a moment ago on `ip`.
 *
 * @example
 * await freePorts(5) // e.g. [40213, 35671, 41999, 39023, 44117]
 */
export async function freePorts(count: number, ip = "127.0.0.1"): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, ip, () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

/**
 * A fresh connection: free loopback ports and a random key.
 *
 * @example
 * const info = await newConnectionInfo();
 * info.signature_scheme // "hmac-sha256"
 */
export async function newConnectionInfo(kernelName?: string): Promise<ConnectionInfo> {
  const [shell, iopub, stdin, control, hb] = await freePorts(5);
  const info: ConnectionInfo = {
    transport: "tcp",
    ip: "127.0.0.1",
    shell_port: shell,
    iopub_port: iopub,
    stdin_port: stdin,
    control_port: control,
    hb_port: hb,
    key: randomUUID(),
    signature_scheme: "hmac-sha256",
  };
  if (kernelName !== undefined) info.kernel_name = kernelName;
  return info;
}

/** A connection file in its own private temp folder; `remove()` deletes both. */
export interface ConnectionFile {
  path: string;
  info: ConnectionInfo;
  remove(): void;
}

/**
 * Write `info` to `kernel-<uuid>.json` in a new private temp folder (mode 0600: it holds the key).
 *
 * @example
 * const file = writeConnectionFile(await newConnectionInfo());
 * file.path // "/tmp/strided-XXXXXX/kernel-….json"
 */
export function writeConnectionFile(info: ConnectionInfo): ConnectionFile {
  const dir = mkdtempSync(join(tmpdir(), "strided-"));
  const path = join(dir, `kernel-${randomUUID()}.json`);
  writeFileSync(path, JSON.stringify(info, null, 1), { mode: 0o600 });
  return { path, info, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
