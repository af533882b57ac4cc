/**
 * `node dist/kernel/snapshot/build.js` (the last step of `npm run build` and `npm install`'s
 * prepare, after tsc): builds the kernel's startup snapshot `dist/kernel.blob` and its stamp
 * `dist/kernel.blob.key` with `node --snapshot-blob … --build-snapshot` (snapshot/entry.ts).
 * Never committed (dist/ is not). A failure here is reported and leaves no blob: the kernel then
 * starts without one, as before. Exit code 0 either way unless STRIDED_SNAPSHOT_STRICT=1.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SNAPSHOT_DIR = __dirname;
const DIST = path.resolve(SNAPSHOT_DIR, "..", "..");

/** Where the blob and its stamp go. */
export const BLOB = path.join(DIST, "kernel.blob");
export const BLOB_KEY = `${BLOB}.key`;
/** The Node binary the blob is for, as bin/strided-kernel compares it (`stat -L -c '%s %Y'`). */
export const BLOB_NODE = `${BLOB}.node`;

/**
 * The V8 flags the kernel runs with, read from bin/strided-kernel's `node_flags="…"` line (the one
 * place they are written): the blob is built under the same flags (V8 refuses a blob built under
 * others) and `dist/kernel.blob.node` records them, so the launcher falls back to the ordinary
 * start-up for a blob built under other flags instead of failing.
 *
 * @example
 * kernelNodeFlags() // ["--harmony-weak-refs-with-cleanup-some", "--no-rehash-snapshot"]
 */
export function kernelNodeFlags(launcher = path.join(DIST, "..", "bin", "strided-kernel")): string[] {
  const line = /^node_flags="([^"]*)"$/m.exec(readFileSync(launcher, "utf8"));
  if (!line) throw new Error(`${launcher} has no node_flags="…" line`);
  return line[1].split(" ").filter((f) => f !== "");
}

/** `size mtime-seconds` of a binary, as `stat -L -c '%s %Y'` prints them. */
export function binaryIdentity(file = process.execPath): string {
  const s = statSync(realpathSync(file));
  return `${s.size} ${Math.floor(s.mtimeMs / 1000)}`;
}

/**
 * Build the blob; returns null on success, else the builder's output.
 *
 * @example
 * buildSnapshot() // null
 */
export function buildSnapshot(): string | null {
  // The builder runs its entry as a plain script (no `exports`): wrap the compiled module.
  const wrapper = path.join(SNAPSHOT_DIR, "builder-entry.js");
  writeFileSync(wrapper, `(function (exports) {\n${readFileSync(path.join(SNAPSHOT_DIR, "entry.js"), "utf8")}\n})({});\n`);
  rmSync(BLOB_KEY, { force: true });
  rmSync(BLOB, { force: true });
  rmSync(BLOB_NODE, { force: true });
  // The stamp is written under a temporary name and renamed last: a key beside the blob means a complete blob.
  const pendingKey = `${BLOB_KEY}.pending`;
  const flags = kernelNodeFlags();
  const r = spawnSync(process.execPath, [...flags, "--snapshot-blob", BLOB, "--build-snapshot", wrapper], {
    encoding: "utf8",
    env: { ...process.env, STRIDED_SNAPSHOT_DIR: SNAPSHOT_DIR, STRIDED_SNAPSHOT_KEY: pendingKey },
  });
  if (r.status === 0) {
    writeFileSync(BLOB_NODE, `${[binaryIdentity(), ...flags].join(" ")}\n`);
    // bin/strided-kernel compares the binary's mtime with this file's (the shell's `-nt`/`-ot`, no
    // `stat` to run on the way to the first result): the file takes the binary's, to the nanosecond.
    const touched = spawnSync("touch", ["-r", realpathSync(process.execPath), BLOB_NODE], { encoding: "utf8" });
    if (touched.status === 0) {
      renameSync(pendingKey, BLOB_KEY);
      return null;
    }
    rmSync(BLOB_NODE, { force: true });
    rmSync(BLOB, { force: true });
    rmSync(pendingKey, { force: true });
    return `touch -r ${process.execPath} ${BLOB_NODE} failed: ${`${touched.stderr ?? ""}`.trim() || `exit ${touched.status}`}`;
  }
  rmSync(BLOB, { force: true });
  rmSync(pendingKey, { force: true });
  return `${r.stdout}${r.stderr}`.trim() || `exit ${r.status}`;
}

if (require.main === module) {
  const t = performance.now();
  const failure = buildSnapshot();
  if (failure === null) process.stdout.write(`strided: startup snapshot ${path.relative(process.cwd(), BLOB)} built in ${Math.round(performance.now() - t)} ms\n`);
  else {
    process.stderr.write(`strided: no startup snapshot (the kernel will start without it):\n${failure}\n`);
    if (process.env.STRIDED_SNAPSHOT_STRICT === "1") process.exitCode = 1;
  }
}
