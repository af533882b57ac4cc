/** Test support: make sure dist/ holds a build of the kernel no older than its sources. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..", "..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : e.name.endsWith(".ts") ? statSync(p).mtimeMs : 0);
  }
  return newest;
}

/** Build dist/ when it is missing or older than the kernel's sources (tsc emits even with type errors elsewhere). */
export function ensureBuilt(): void {
  const out = join(ROOT, "dist", "kernel", "main.js");
  if (existsSync(out) && statSync(out).mtimeMs >= newestMtime(join(ROOT, "kernel"))) return;
  spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.json")], { stdio: "ignore" });
  if (!existsSync(out)) throw new Error("npm run build did not write dist/kernel/main.js");
}
