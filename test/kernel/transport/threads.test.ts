/**
 * The process rule: every zeromq socket lives in the transport process (kernel/transport/process.ts),
 * so the compute process (kernel/main.ts: user code) never loads zeromq, on its main thread or its
 * agent worker. Checked on the import graphs (static and dynamic imports, followed through relative
 * paths); the agent worker is started by file path.
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

describe("processes", () => {
  const main = graph(join(ROOT, "kernel", "main.ts"));
  const noZeromq = (g: ReturnType<typeof graph>): string => (g.packages.has("zeromq") ? `zeromq imported by ${g.packages.get("zeromq")}` : "no zeromq");

  it("the compute process's import graph reaches the dispatcher, session, channel and agent host but not zeromq", () => {
    const rel = [...main.files].map((f) => relative(ROOT, f));
    expect(rel).toContain("kernel/transport/channel.ts");
    expect(rel).toContain("kernel/transport/agent-host.ts");
    expect(rel).toContain("kernel/dispatch/dispatcher.ts");
    expect(rel).toContain("kernel/session/index.ts");
    expect(rel).not.toContain("kernel/transport/process.ts");
    expect(rel).not.toContain("kernel/transport/sockets.ts");
    expect(noZeromq(main)).toBe("no zeromq");
  });

  it("the agent worker's graph has no zeromq either", () => {
    expect(noZeromq(graph(join(ROOT, "kernel", "transport", "agent.ts")))).toBe("no zeromq");
  });

  it("the transport process's graph does import zeromq (the scanner sees it when it is there), and not the session", () => {
    const transport = graph(join(ROOT, "kernel", "transport", "process.ts"));
    expect(transport.packages.get("zeromq")).toBe("kernel/transport/sockets.ts");
    expect([...transport.files].map((f) => relative(ROOT, f))).not.toContain("kernel/session/index.ts");
  });

  it("agent-host.ts starts the worker by path, as agent.js beside it", () => {
    const text = readFileSync(join(ROOT, "kernel", "transport", "agent-host.ts"), "utf8");
    expect(text).toMatch(/new Worker\(join\(__dirname, "agent\.js"\)/);
  });
});
