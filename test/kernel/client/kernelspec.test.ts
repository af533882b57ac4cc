import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findKernelSpec, jupyterDataDirs } from "../../../kernel/client/kernelspec.js";

let a: string;
let b: string;
beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), "kspec-"));
  a = join(root, "a");
  b = join(root, "b");
  const write = (dir: string, name: string, spec: object): void => {
    mkdirSync(join(dir, "kernels", name), { recursive: true });
    writeFileSync(join(dir, "kernels", name, "kernel.json"), JSON.stringify(spec));
  };
  write(a, "both", { argv: ["from-a", "{connection_file}"], display_name: "A", language: "x", interrupt_mode: "message" });
  write(b, "both", { argv: ["from-b", "{connection_file}"], display_name: "B", language: "x" });
  write(b, "only-b", { argv: ["b", "{connection_file}"] });
  write(b, "broken", { display_name: "no argv" });
});
afterAll(() => rmSync(join(a, ".."), { recursive: true, force: true }));

describe("findKernelSpec", () => {
  const env = (): NodeJS.ProcessEnv => ({ JUPYTER_PATH: `${a}:${b}`, JUPYTER_DATA_DIR: join(a, "..", "none"), HOME: "/nonexistent" });
  it.each([
    { name: "both", argv0: "from-a", display: "A", interrupt: "message" },
    { name: "only-b", argv0: "b", display: "only-b", interrupt: "signal" },
  ])("$name comes from the first folder that has it", ({ name, argv0, display, interrupt }) => {
    const s = findKernelSpec(name, env());
    expect([s.argv[0], s.display_name, s.interrupt_mode]).toEqual([argv0, display, interrupt]);
    expect(s.resourceDir).toContain(join("kernels", name));
  });
  it.each([
    { name: "missing", err: /no such kernel named missing: searched .*kernels\/missing/ },
    { name: "broken", err: /has no argv/ },
  ])("$name fails clearly", ({ name, err }) => {
    expect(() => findKernelSpec(name, env())).toThrow(err);
  });
  it("searches JUPYTER_PATH first, then the user's folder, then the system folders", () => {
    expect(jupyterDataDirs({ JUPYTER_PATH: `${a}:${b}`, JUPYTER_DATA_DIR: "/u" })).toEqual([a, b, "/u", "/usr/local/share/jupyter", "/usr/share/jupyter"]);
  });
});
