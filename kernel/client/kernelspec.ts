/**
 * Finding an installed kernelspec by name, searching the folders Jupyter searches, in
 * Jupyter's order (jupyter_core `paths.jupyter_path`): each entry of JUPYTER_PATH, the user's
 * data folder (JUPYTER_DATA_DIR or ~/.local/share/jupyter), then /usr/local/share/jupyter and
 * /usr/share/jupyter. The first `kernels/<name>/kernel.json` found wins.
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

/** The parts of `kernel.json` a launcher uses. */
export interface KernelSpec {
  name: string;
  /** Folder holding kernel.json (substituted for `{resource_dir}`). */
  resourceDir: string;
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode: "signal" | "message";
  env: Record<string, string>;
  metadata: Record<string, unknown>;
}

/**
 * The data folders Jupyter searches, highest priority first.
 *
 * @example
 * jupyterDataDirs() // ["/home/me/.local/share/jupyter", "/usr/local/share/jupyter", "/usr/share/jupyter"]
 */
export function jupyterDataDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  for (const p of (env.JUPYTER_PATH ?? "").split(delimiter)) if (p) dirs.push(p);
  dirs.push(env.JUPYTER_DATA_DIR || join(env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "jupyter"));
  dirs.push("/usr/local/share/jupyter", "/usr/share/jupyter");
  return [...new Set(dirs)];
}

/**
 * The kernelspec called `name`, or an error naming the folders searched.
 *
 * @example
 * findKernelSpec("python3").argv // ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"]
 */
export function findKernelSpec(name: string, env: NodeJS.ProcessEnv = process.env): KernelSpec {
  const searched: string[] = [];
  for (const dir of jupyterDataDirs(env)) {
    const resourceDir = join(dir, "kernels", name);
    const file = join(resourceDir, "kernel.json");
    searched.push(resourceDir);
    if (!existsSync(file)) continue;
    const raw = JSON.parse(readFileSync(file, "utf8")) as Partial<KernelSpec> & { interrupt_mode?: string };
    if (!Array.isArray(raw.argv) || raw.argv.length === 0) throw new Error(`kernelspec ${file} has no argv: expected a list like ["node", "kernel.js", "{connection_file}"]`);
    return {
      name,
      resourceDir,
      argv: raw.argv.map(String),
      display_name: raw.display_name ?? name,
      language: raw.language ?? "",
      interrupt_mode: raw.interrupt_mode === "message" ? "message" : "signal",
      env: raw.env ?? {},
      metadata: raw.metadata ?? {},
    };
  }
  throw new Error(`no such kernel named ${name}: searched ${searched.join(", ")}; install one with \`npx strided install --user\` or set JUPYTER_PATH`);
}
