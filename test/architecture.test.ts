// The layering rules of DESIGN.md, checked on the import statements of every source file.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports (static, dynamic, require, export-from). */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
  for (const m of text.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  return specs;
}

/** The repository-relative target of a relative specifier, or the bare specifier. */
function target(file: string, spec: string): string {
  return spec.startsWith(".") ? relative(ROOT, resolve(dirname(file), spec)) : spec;
}

const rules: { from: string; mustNotImport: RegExp; why: string }[] = [
  { from: "runtime", mustNotImport: /^kernel\/|^zeromq$/, why: "runtime/ is a plain library and never imports kernel/" },
  { from: "kernel/session", mustNotImport: /^zeromq$|^kernel\/transport\//, why: "the cell pipeline never imports zeromq" },
  { from: "kernel/dispatch", mustNotImport: /^zeromq$/, why: "dispatch talks to a transport interface, not sockets" },
  { from: "kernel/display", mustNotImport: /^zeromq$|^kernel\/transport\//, why: "display only turns values into bundles" },
];

describe("layering (DESIGN.md)", () => {
  it.each(rules)("$from: $why", ({ from, mustNotImport }) => {
    const files = sources(join(ROOT, from));
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((f) =>
      imports(f)
        .map((s) => target(f, s))
        .filter((t) => mustNotImport.test(t))
        .map((t) => `${relative(ROOT, f)} imports ${t}`),
    );
    expect(offending).toEqual([]);
  });

  it("the import scanner sees a forbidden import when there is one", () => {
    const fake = join(ROOT, "runtime", "x.ts");
    expect(target(fake, "../kernel/session/index.js")).toBe("kernel/session/index.js");
    expect(/^kernel\//.test(target(fake, "../kernel/session/index.js"))).toBe(true);
  });
});
