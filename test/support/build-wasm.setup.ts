/**
 * vitest global setup: the runtime imports runtime/wasm/generated/loops.ts, which the build step
 * (scripts/build-wasm.mjs) makes from the loop templates; make it before any test imports the
 * runtime (a no-op when it is up to date).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export default function setup(): void {
  const root = join(__dirname, "..", "..");
  const r = spawnSync(process.execPath, [join(root, "scripts", "build-wasm.mjs")], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scripts/build-wasm.mjs failed:\n${r.stdout}${r.stderr}`);
}
