/**
 * The threading rule: every zeromq socket lives in the transport worker, so the main thread (which
 * runs user code) never loads zeromq. Checked on the import graph of kernel/main.ts (static and
 * dynamic imports, followed through relative paths); the worker is started by file path.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..", "..");

function specifiers(text: string): string[] {
  const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
  return [...text.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
}

/** Files reachable from `entry` through relative imports, and the bare packages they import. */
function graph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop() as string;
    if (files.has(f)) continue;
    files.add(f);
    for (const s of specifiers(readFileSync(f, "utf8"))) {
      if (s.startsWith(".")) {
        const ts = resolve(dirname(f), s).replace(/\.js$/, ".ts");
        const candidates = [ts, join(ts.replace(/\.ts$/, ""), "index.ts")];
        const hit = candidates.find((c) => existsSync(c));
        if (hit) todo.push(hit);
      } else if (!s.startsWith("node:")) packages.set(s, relative(ROOT, f));
    }
  }
  return { files, packages };
}

describe("threads", () => {
  const main = graph(join(ROOT, "kernel", "main.ts"));

  it("the main thread's import graph reaches the dispatcher, session and host but not zeromq", () => {
    const rel = [...main.files].map((f) => relative(ROOT, f));
    expect(rel).toContain("kernel/transport/host.ts");
    expect(rel).toContain("kernel/dispatch/dispatcher.ts");
    expect(rel).toContain("kernel/session/index.ts");
    expect(rel).not.toContain("kernel/transport/worker.ts");
    expect(main.packages.has("zeromq") ? `zeromq imported by ${main.packages.get("zeromq")}` : "no zeromq").toBe("no zeromq");
  });

  it("the worker's graph does import zeromq (the scanner sees it when it is there)", () => {
    const worker = graph(join(ROOT, "kernel", "transport", "worker.ts"));
    expect(worker.packages.get("zeromq")).toBe("kernel/transport/worker.ts");
  });

  it("host.ts starts the worker by path, as worker.js beside it", () => {
    const text = readFileSync(join(ROOT, "kernel", "transport", "host.ts"), "utf8");
    expect(text).toMatch(/new Worker\(join\(__dirname, "worker\.js"\)/);
  });
});
