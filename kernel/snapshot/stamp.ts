/**
 * What a startup snapshot was built from, stored beside the blob (`<blob>.key`, JSON): Node's
 * version and binary, and the size and mtime of every file the builder evaluated. The blob is
 * stale when any of them differs (a rebuild, an upgrade of Node or of a package): the kernel
 * then starts the ordinary way with a one-line note. Imports only Node built-ins.
 */
import { readFileSync, statSync } from "node:fs";

export interface SnapshotStamp {
  node: string;
  execPath: string;
  files: [file: string, size: number, mtimeMs: number][];
}

/**
 * The stamp of these files now.
 *
 * @example
 * stampOf(["/etc/hostname"]).files[0][0] // "/etc/hostname"
 */
export function stampOf(files: string[]): SnapshotStamp {
  return {
    node: process.version,
    execPath: process.execPath,
    files: files.map((f) => {
      try {
        const s = statSync(f);
        return [f, s.size, s.mtimeMs];
      } catch {
        return [f, -1, -1];
      }
    }),
  };
}

/** Why the blob described by `keyFile` cannot be used now, or null when it can. */
export function staleness(keyFile: string): string | null {
  let stored: SnapshotStamp;
  try {
    stored = JSON.parse(readFileSync(keyFile, "utf8")) as SnapshotStamp;
  } catch {
    return `no key beside the snapshot (${keyFile})`;
  }
  if (stored.node !== process.version) return `built by Node ${stored.node}, this is ${process.version}`;
  const now = stampOf(stored.files.map((f) => f[0]));
  for (let i = 0; i < now.files.length; i++) {
    const [f, size, mtime] = now.files[i];
    if (size !== stored.files[i][1] || mtime !== stored.files[i][2]) return `${f} changed since the snapshot was built`;
  }
  return null;
}
