/**
 * The connection file a Jupyter front end writes for a kernel (messaging spec, "Connection files"):
 * transport, ip, five ports, the HMAC key and its scheme. Read and checked here, with errors that
 * name the field and what was expected.
 */
import { readFileSync } from "node:fs";

export interface ConnectionInfo {
  transport: "tcp" | "ipc";
  ip: string;
  shell_port: number;
  control_port: number;
  stdin_port: number;
  iopub_port: number;
  hb_port: number;
  key: string;
  signature_scheme: string;
}

/** The five channels and the socket each one binds. */
export type ChannelName = "shell" | "control" | "stdin" | "iopub" | "hb";

const PORT_FIELDS = ["shell_port", "control_port", "stdin_port", "iopub_port", "hb_port"] as const;

/**
 * Checks a parsed connection file. Throws with the field's name and the expected shape.
 *
 * @example
 * parseConnectionInfo({ transport: "tcp", ip: "127.0.0.1", shell_port: 5000, ..., key: "k", signature_scheme: "hmac-sha256" }).shell_port; // 5000
 */
export function parseConnectionInfo(raw: unknown): ConnectionInfo {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error("connection file must hold a JSON object");
  const o = raw as Record<string, unknown>;
  const transport = o.transport ?? "tcp";
  if (transport !== "tcp" && transport !== "ipc") throw new Error(`connection file transport must be "tcp" or "ipc", got ${JSON.stringify(transport)}`);
  const ip = o.ip ?? "127.0.0.1";
  if (typeof ip !== "string" || ip === "") throw new Error(`connection file ip must be a non-empty string, got ${JSON.stringify(o.ip)}`);
  const ports = {} as Record<(typeof PORT_FIELDS)[number], number>;
  for (const f of PORT_FIELDS) {
    const p = o[f];
    if (typeof p !== "number" || !Number.isInteger(p) || p < 0 || p > 65535) {
      throw new Error(`connection file ${f} must be an integer port in 0..65535, got ${JSON.stringify(p)}`);
    }
    ports[f] = p;
  }
  const key = o.key ?? "";
  if (typeof key !== "string") throw new Error(`connection file key must be a string, got ${JSON.stringify(key)}`);
  const scheme = o.signature_scheme ?? "hmac-sha256";
  if (typeof scheme !== "string") throw new Error(`connection file signature_scheme must be a string, got ${JSON.stringify(scheme)}`);
  return { transport, ip, ...ports, key, signature_scheme: scheme };
}

/** Reads and checks a connection file from disk. */
export function readConnectionFile(path: string): ConnectionInfo {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`cannot read connection file ${path}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`connection file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseConnectionInfo(raw);
}

/**
 * The ZeroMQ endpoint of one channel: `tcp://ip:port`, or for ipc `ipc://ip-port` as jupyter_client names it.
 *
 * @example
 * endpoint({ transport: "tcp", ip: "127.0.0.1", shell_port: 5000, ... }, "shell"); // "tcp://127.0.0.1:5000"
 */
export function endpoint(info: ConnectionInfo, channel: ChannelName): string {
  const port = info[`${channel}_port` as (typeof PORT_FIELDS)[number]];
  return info.transport === "tcp" ? `tcp://${info.ip}:${port}` : `ipc://${info.ip}-${port}`;
}
