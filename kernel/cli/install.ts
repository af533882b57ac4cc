/**
 * `strided install [--user | --sys-prefix | --prefix DIR]` and `strided uninstall` (same flags):
 * write or remove the kernelspec folder `strided` the way `jupyter kernelspec install` places it.
 *
 * Where it goes (jupyter_core.paths, jupyter_client.kernelspec):
 *   --user        the user's data dir: $JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else
 *                 ~/.local/share/jupyter (macOS ~/Library/Jupyter, Windows %APPDATA%\jupyter), + /kernels
 *   --sys-prefix  <sys.prefix of /usr/bin/python3>/share/jupyter/kernels (/usr when there is no python)
 *   --prefix DIR  DIR/share/jupyter/kernels
 *   no flag       --user when not root; /usr/local/share/jupyter/kernels when root (jupyter's system dir)
 *
 * The spec's argv holds ABSOLUTE paths: this node binary and this package's bin/strided.js, so the
 * kernel starts the same from any notebook folder and any PATH.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { packageRoot } from "./package-root.js";

export const KERNEL_NAME = "strided";
export const LOGOS = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"] as const;
export const INSTALL_USAGE = "usage: strided install [--user | --sys-prefix | --prefix DIR]";
export const UNINSTALL_USAGE = "usage: strided uninstall [--user | --sys-prefix | --prefix DIR]";

export type SpecLocation = { kind: "default" } | { kind: "user" } | { kind: "sys-prefix" } | { kind: "prefix"; dir: string };

/**
 * Reads the location flags.
 *
 * @example
 * parseLocation(["--prefix", "/tmp/env"]); // { kind: "prefix", dir: "/tmp/env" }
 */
export function parseLocation(args: string[], usage = INSTALL_USAGE): SpecLocation {
  let loc: SpecLocation = { kind: "default" };
  const set = (l: SpecLocation, flag: string): void => {
    if (loc.kind !== "default") throw new Error(`${flag} cannot be combined with --${loc.kind}: pick one\n${usage}`);
    loc = l;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--user") set({ kind: "user" }, a);
    else if (a === "--sys-prefix") set({ kind: "sys-prefix" }, a);
    else if (a === "--prefix" || a.startsWith("--prefix=")) {
      const dir = a === "--prefix" ? args[++i] : a.slice("--prefix=".length);
      if (!dir) throw new Error(`--prefix needs a folder\n${usage}`);
      set({ kind: "prefix", dir: resolve(dir) }, "--prefix");
    } else throw new Error(`unknown argument ${a}\n${usage}`);
  }
  return loc;
}

/** The user's Jupyter data dir, as jupyter_core.paths.jupyter_data_dir() computes it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === "darwin") return join(home, "Library", "Jupyter");
  if (platform === "win32") return join(env.APPDATA ?? join(home, "AppData", "Roaming"), "jupyter");
  return join(env.XDG_DATA_HOME || join(home, ".local", "share"), "jupyter");
}

/** sys.prefix of /usr/bin/python3 (where Debian's jupyter looks), or /usr without it. */
export function pythonSysPrefix(python = "/usr/bin/python3"): string {
  const r = spawnSync(python, ["-c", "import sys; print(sys.prefix)"], { encoding: "utf8" });
  const out = r.status === 0 ? r.stdout.trim() : "";
  return out || "/usr";
}

const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * The folder holding kernelspecs for a location (the spec itself goes in `<that>/strided`).
 *
 * @example
 * kernelsDir({ kind: "prefix", dir: "/opt/env" }); // "/opt/env/share/jupyter/kernels"
 */
export function kernelsDir(loc: SpecLocation, env: NodeJS.ProcessEnv = process.env, root = isRoot()): string {
  switch (loc.kind) {
    case "user":
      return join(userDataDir(env), "kernels");
    case "sys-prefix":
      return join(pythonSysPrefix(), "share", "jupyter", "kernels");
    case "prefix":
      return join(loc.dir, "share", "jupyter", "kernels");
    case "default":
      return root ? "/usr/local/share/jupyter/kernels" : join(userDataDir(env), "kernels");
  }
}

export interface KernelJson {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode: "signal" | "message";
  env?: Record<string, string>;
  metadata?: Record<string, unknown>;
}

/**
 * kernel.json for this installation: the template at the package root with absolute argv.
 *
 * interrupt_mode is "message": the front end sends interrupt_request on the control channel and
 * the kernel signals itself. It reaches the kernel wherever it runs (through a wrapper such as
 * npx, a container or ssh, where a signal from the front end would hit the wrapper), and it
 * interrupts the kernel only, not child processes a cell started in the same process group
 * (jupyter_client's "signal" mode signals the whole group). SIGINT sent by hand works too.
 *
 * argv goes through bin/strided-kernel (POSIX sh, replaced by Node with `exec`): it starts Node
 * from the startup snapshot dist/kernel.blob when the blob fits this Node binary (first result in
 * about half a second), else the ordinary way with a note on the kernel's log.
 */
export function buildKernelJson(root = packageRoot(), node = process.execPath): KernelJson {
  const template = JSON.parse(readFileSync(join(root, "kernel.json"), "utf8")) as KernelJson;
  return { ...template, argv: ["/bin/sh", join(root, "bin", "strided-kernel"), node, "{connection_file}"] };
}

/**
 * Writes the kernelspec folder and returns it.
 *
 * @example
 * install({ kind: "prefix", dir: "/tmp/env" }); // "/tmp/env/share/jupyter/kernels/strided"
 */
export function install(loc: SpecLocation, root = packageRoot()): string {
  const dir = join(kernelsDir(loc), KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "kernel.json"), JSON.stringify(buildKernelJson(root), null, 2) + "\n");
  for (const logo of LOGOS) copyFileSync(join(root, "logos", logo), join(dir, logo));
  return dir;
}

/** Removes the kernelspec folder; returns it, or null when there was none. */
export function uninstall(loc: SpecLocation): string | null {
  const dir = join(kernelsDir(loc), KERNEL_NAME);
  if (!existsSync(join(dir, "kernel.json"))) return null;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}
