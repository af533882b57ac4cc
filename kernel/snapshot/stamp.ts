/**
 * What a startup snapshot was built from, stored beside the blob (`<blob>.key`, JSON): Node's
 * version and binary, and the size, mtime and SHA-1 of every file the builder evaluated. The blob
 * is stale when Node's version differs or any file's content does (an edit, an upgrade of a
 * package): the kernel then starts the ordinary way with a one-line note. A file whose mtime
 * alone changed (tsc rewrites every output, unchanged or not) is hashed again and still fits.
 * Imports only Node built-ins.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";

export interface SnapshotStamp {
  node: string;
  execPath: string;
  files: [file: string, size: number, mtimeMs: number, sha1: string][];
}

function sha1(file: string): string {
  try {
    return createHash("sha1").update(readFileSync(file)).digest("hex");
  } catch {
    return "";
  }
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
        return [f, s.size, s.mtimeMs, sha1(f)];
      } catch {
        return [f, -1, -1, ""];
      }
    }),
  };
}

/**
 * Why the blob described by `keyFile` cannot be used now, or null when it can.
 *
 * @example
 * staleness("/nonexistent.key") // "no key beside the snapshot (/nonexistent.key)"
 */
export function staleness(keyFile: string): string | null {
  let stored: SnapshotStamp;
  try {
    stored = JSON.parse(readFileSync(keyFile, "utf8")) as SnapshotStamp;
  } catch {
    return `no key beside the snapshot (${keyFile})`;
  }
  if (stored.node !== process.version) return `built by Node ${stored.node}, this is ${process.version}`;
  for (const [f, size, mtime, hash] of stored.files) {
    let s;
    try {
      s = statSync(f);
    } catch {
      return `${f} is gone since the snapshot was built`;
    }
    if (s.size !== size || (s.mtimeMs !== mtime && sha1(f) !== hash)) return `${f} changed since the snapshot was built`;
  }
  return null;
}

/**
 * The line the kernel shows (log, kernel_info's banner) when its blob is stale.
 *
 * @example
 * staleNote("built by Node v20.1.0, this is v20.20.2") // "startup snapshot not used: built by Node v20.1.0, this is v20.20.2; started without it (npm run build makes a new one)"
 */
export function staleNote(why: string): string {
  return `startup snapshot not used: ${why}; started without it (npm run build makes a new one)`;
}

/**
 * The banner's note for a kernel whose compute process starts from `blob` (bin/strided-kernel sets
 * STRIDED_SNAPSHOT_BLOB for the transport process, which answers kernel_info before the compute
 * process has checked the blob itself): undefined when the blob fits, or none is used.
 *
 * @example
 * snapshotNote(undefined) // undefined
 */
export function snapshotNote(blob: string | undefined): string | undefined {
  if (!blob) return undefined;
  const why = staleness(`${blob}.key`);
  return why ? staleNote(why) : undefined;
}
