/**
 * Gates for tests that need outside programs (Debian's Python packages, Chromium).
 *
 * Hard rule: under CI=true a missing requirement is a failure, never a silent skip.
 * Outside CI the suite may skip, but says so loudly on stderr.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The interpreter Debian's python3-* packages install into (not the `python3` first on PATH). */
export const PYTHON = "/usr/bin/python3";

const isCI = (): boolean => process.env.CI === "true" || process.env.CI === "1";

/** Returns null when every module imports under /usr/bin/python3, else the reason. */
export function missingPythonModules(modules: string[]): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ["-c", modules.map((m) => `import ${m}`).join("; ")], { encoding: "utf8" });
  if (r.status !== 0) return `${PYTHON} cannot import ${modules.join(", ")}: ${(r.stderr || "").trim().split("\n").pop()}`;
  return null;
}

/** Returns null when the file exists, else the reason. */
export function missingFile(path: string, what: string): string | null {
  return existsSync(path) ? null : `${what} not found at ${path}`;
}

/**
 * Decide whether a test group runs. Returns true to run. Under CI a missing requirement throws
 * (so the suite fails); outside CI it prints a loud warning and returns false (use with describe.skipIf).
 *
 * @example
 * const ok = requirement(missingPythonModules(["numpy"]), "differential tests against NumPy");
 * describe.skipIf(!ok)("against numpy", () => { ... });
 */
export function requirement(reason: string | null, what: string): boolean {
  if (reason === null) return true;
  const msg = `${what}: ${reason}. Install with: apt-get install python3-numpy python3-jupyter-client python3-jupyter-kernel-test python3-nbclient jupyter-nbconvert chromium`;
  if (isCI()) throw new Error(`required under CI: ${msg}`);
  process.stderr.write(`\n!!!!! SKIPPING ${msg}\n\n`);
  return false;
}
