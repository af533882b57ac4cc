import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kernelInfoContent, typescriptVersion } from "../../../kernel/dispatch/kernel-info.js";
import { ROOT, ensureBuilt } from "../../e2e/support/kernel.js";
const pkg = (p: string): { version: string } => JSON.parse(readFileSync(p, "utf8"));

describe("kernel_info content", () => {
  it("carries our package's version and the installed TypeScript's, per API.md section 1", () => {
    const c = kernelInfoContent();
    expect(c.implementation_version).toBe(pkg(join(ROOT, "package.json")).version);
    expect(c.language_info.version).toBe(pkg(join(ROOT, "node_modules", "typescript", "package.json")).version);
    expect(typescriptVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(c).toMatchObject({ status: "ok", protocol_version: "5.3", implementation: "strided" });
    expect(c.help_links.length).toBeGreaterThan(0);
    expect(c.banner).toContain(c.language_info.version);
  });

  it("does not load the compiler to learn its version", async () => {
    await ensureBuilt();
    const script = [
      `const { kernelInfoContent } = require(${JSON.stringify(join(ROOT, "dist", "kernel", "dispatch", "kernel-info.js"))});`,
      "kernelInfoContent();",
      "process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => /typescript[\\\\/]lib/.test(k))));",
    ].join("\n");
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
