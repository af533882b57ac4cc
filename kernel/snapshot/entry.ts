/**
 * The startup snapshot's builder entry (`node --snapshot-blob dist/kernel.blob --build-snapshot
 * dist/kernel/snapshot/entry.js`, run by snapshot/build.ts after tsc): loads TypeScript, the
 * kernel and the runtime into the heap, warms the cell compiler (lib, @types/node, the runtime's
 * declarations parsed and bound into the shared document registry, a cell checked and emitted),
 * writes the stamp beside the blob, and sets the main function the deserialised process runs:
 * `node --snapshot-blob dist/kernel.blob compute SOCKET` starts the kernel's compute process
 * (kernel/main.ts) with all of that already in memory, beside its transport process
 * (bin/strided-kernel starts both).
 *
 * Stale or foreign blob (snapshot/stamp.ts): the deserialised main notes why on the kernel's log
 * and starts the kernel from the files the ordinary way.
 * Imports only Node built-ins (the builder's require takes nothing else); the kernel's files go
 * through snapshot/loader.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import type { NodeModuleApi, SnapshotLoader as Loader } from "./loader.js";
import type * as StampModule from "./stamp.js";
import type * as MainModule from "../main.js";
import type * as LogModule from "../log.js";
import type * as CliModule from "../cli/main.js";
import type * as CompilerModule from "../session/compiler.js";
import type * as HostModule from "../session/typecheck/host.js";
import type * as PathsModule from "../session/paths.js";
import type * as NativeImportModule from "./native-import.js";

/** Node 20 drops `console.Console` from a deserialised process; the builder's class is put back (snapshot main). */
const ConsoleClass = (require("node:console") as { Console: unknown }).Console;

const SNAPSHOT_DIR = process.env.STRIDED_SNAPSHOT_DIR ?? __dirname; // dist/kernel/snapshot
const KERNEL_DIR = path.dirname(SNAPSHOT_DIR); // dist/kernel
const DIST = path.dirname(KERNEL_DIR);
/** Where the builder writes the stamp (snapshot/build.ts renames it to `<blob>.key` once the blob is written). */
const STAMP_OUT = process.env.STRIDED_SNAPSHOT_KEY ?? path.join(DIST, "kernel.blob.key");

/** Evaluate one of our files that needs only built-ins (the loader itself, the stamp). */
function bootstrap<T>(file: string): T {
  const module = { exports: {} as T };
  const fn = vm.runInThisContext(`(function (exports, require, module) {${readFileSync(file, "utf8")}\n})`, { filename: file }) as (e: unknown, r: NodeJS.Require, m: { exports: T }) => void;
  fn(module.exports, require, module);
  return module.exports;
}

const { SnapshotLoader } = bootstrap<{ SnapshotLoader: typeof Loader }>(path.join(SNAPSHOT_DIR, "loader.js"));
const stamp = bootstrap<typeof StampModule>(path.join(SNAPSHOT_DIR, "stamp.js"));
const loader = new SnapshotLoader(require, KERNEL_DIR);
const load = <T>(rel: string): T => loader.load(path.join(KERNEL_DIR, rel)) as T;

const main = load<typeof MainModule>("main.js");
const { readLogSetting } = load<typeof LogModule>("log.js");
load("session/index.js");
load("display/bundle.js");
const { CellCompiler } = load<typeof CompilerModule>("session/compiler.js");
const { stripLibraryDocComments } = load<typeof HostModule>("session/typecheck/host.js");
const { PACKAGE_ROOT } = load<typeof PathsModule>("session/paths.js");

// Warm: the same steps a kernel takes before its first cell, plus one checked and emitted cell.
// The files that program used (lib, @types/node, the runtime's and the globals' declarations,
// parsed and bound) are pinned in the shared registry, the rest of what warmSteps parsed is
// dropped; the kernel's compiler finds the pinned files and skips its own warmSteps, and checks its
// first cells with this host's program (made again with an empty cell: no checker in the blob) until
// it has made its own (typecheck/host.ts keepForKernel, session/compiler.ts).
{
  stripLibraryDocComments(true); // the lib's and @types/node's doc comments are read on demand (typecheck/host.ts)
  const warmed = new CellCompiler(PACKAGE_ROOT, false); // the kernel's default options, not the package's own tsconfig.json
  for (const _ of warmed.host.warmSteps()) {
    /* all at once: nothing to answer while building */
  }
  warmed.warm();
  const cell = "const __strided_warm = np.arange(6).reshape(2, 3); __strided_warm.sum({ axis: 0 })";
  const compiled = warmed.compile(cell, cell, (l) => l);
  if (!compiled.ok) throw new Error(`the snapshot's warm-up cell failed: ${compiled.outcome.evalue}`);
  warmed.host.pinProgramFiles();
  warmed.host.keepForKernel(); // its program checks the kernel's first cells (session/compiler.ts)
}

writeFileSync(STAMP_OUT, `${JSON.stringify(stamp.stampOf([...loader.files(), path.join(SNAPSHOT_DIR, "loader.js"), path.join(SNAPSHOT_DIR, "entry.js")]))}\n`);

/**
 * The blob this process was started from (`--snapshot-blob FILE` in execArgv), taken out of
 * execArgv: a child process a cell forks (`child_process.fork` passes execArgv on) must start
 * its own script, not this kernel. Its stamp is the `.key` beside it.
 */
function takeBlobArg(): string | null {
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--snapshot-blob" && i + 1 < args.length) {
      const blob = args[i + 1];
      process.execArgv = [...args.slice(0, i), ...args.slice(i + 2)];
      return blob;
    }
    if (args[i].startsWith("--snapshot-blob=")) {
      const blob = args[i].slice("--snapshot-blob=".length);
      process.execArgv = [...args.slice(0, i), ...args.slice(i + 1)];
      return blob;
    }
  }
  return null;
}

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // argv: [node, "compute", SOCKET] (the blob stands in for bin/strided.js; bin/strided-kernel).
  readLogSetting(); // log.js was evaluated in the builder, under the builder's environment
  const blob = takeBlobArg();
  const globalConsole = require("node:console") as { Console?: unknown };
  if (typeof globalConsole.Console !== "function") Object.defineProperty(globalConsole, "Console", { value: ConsoleClass, configurable: true, writable: true });
  const why = stamp.staleness(`${path.resolve(blob ?? path.join(DIST, "kernel.blob"))}.key`);
  const bin = path.join(PACKAGE_ROOT, "bin", "strided.js");
  if (why) {
    // The ordinary start-up, from the files (the blob's copies of them stay unused).
    process.env.STRIDED_SNAPSHOT_NOTE = stamp.staleNote(why);
    const cli = createRequire(bin)(path.join(KERNEL_DIR, "cli", "main.js")) as typeof CliModule; // evaluated afresh from the files
    void cli.main(process.argv.slice(1)).then((code) => {
      if (code !== null) process.exitCode = code;
    });
    return;
  }
  loader.registerWithNode(require("node:module") as NodeModuleApi); // one instance of each module for Node's require/import too
  // Node's import(), loaded from its file on the first import that needs it (not on the way to the
  // first result: resolving and loading that one file through Node's loader took 10-18 ms of the
  // start-up's CPU, and a first cell imports nothing).
  let nativeImport: typeof NativeImportModule.nativeImport | null = null;
  loader.setRealImport((spec) => {
    if (nativeImport === null) {
      const file = path.join(SNAPSHOT_DIR, "native-import.js");
      nativeImport = (createRequire(file)(file) as typeof NativeImportModule).nativeImport;
    }
    return nativeImport(spec);
  });
  const [command, socket] = process.argv.slice(1);
  if (command !== "compute" || !socket) {
    main.log("usage: node --snapshot-blob dist/kernel.blob compute SOCKET");
    process.exit(2);
  }
  main.log(`started from the startup snapshot ${blob ?? "?"} (${Math.round(process.uptime() * 1000)} ms after process start)`);
  main.startCompute(socket).catch((e: unknown) => {
    main.log(`cannot start: ${(e as Error).message}`);
    process.exit(1);
  });
});
