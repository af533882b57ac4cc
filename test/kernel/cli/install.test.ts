import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KERNEL_NAME, LOGOS, kernelsDir, parseLocation, userDataDir } from "../../../kernel/cli/install.js";
import { main } from "../../../kernel/cli/main.js";
import { PYTHON, missingPythonModules, requirement } from "../../support/requirements.js";

const ROOT = join(__dirname, "..", "..", "..");
const temps: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), "strided-install-"));
  temps.push(d);
  return d;
};
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("parseLocation", () => {
  const cases: { args: string[]; want: unknown }[] = [
    { args: [], want: { kind: "default" } },
    { args: ["--user"], want: { kind: "user" } },
    { args: ["--sys-prefix"], want: { kind: "sys-prefix" } },
    { args: ["--prefix", "/opt/env"], want: { kind: "prefix", dir: "/opt/env" } },
    { args: ["--prefix=/opt/env"], want: { kind: "prefix", dir: "/opt/env" } },
  ];
  for (const c of cases) it(JSON.stringify(c.args), () => expect(parseLocation(c.args)).toEqual(c.want));

  const bad: { args: string[]; error: RegExp }[] = [
    { args: ["--user", "--sys-prefix"], error: /--sys-prefix cannot be combined with --user/ },
    { args: ["--prefix"], error: /--prefix needs a folder/ },
    { args: ["--global"], error: /unknown argument --global/ },
  ];
  for (const c of bad) it(`refuses ${JSON.stringify(c.args)}`, () => expect(() => parseLocation(c.args)).toThrow(c.error));
});

describe("kernelsDir follows jupyter_core's paths", () => {
  const env = { HOME: "/home/ada" };
  const cases: { name: string; loc: Parameters<typeof kernelsDir>[0]; env: NodeJS.ProcessEnv; root: boolean; want: string }[] = [
    { name: "prefix", loc: { kind: "prefix", dir: "/opt/env" }, env, root: false, want: "/opt/env/share/jupyter/kernels" },
    { name: "default as root", loc: { kind: "default" }, env, root: true, want: "/usr/local/share/jupyter/kernels" },
    { name: "user with JUPYTER_DATA_DIR", loc: { kind: "user" }, env: { JUPYTER_DATA_DIR: "/data/j" }, root: true, want: "/data/j/kernels" },
    { name: "default, not root, XDG", loc: { kind: "default" }, env: { XDG_DATA_HOME: "/xdg" }, root: false, want: "/xdg/jupyter/kernels" },
  ];
  for (const c of cases) it(c.name, () => expect(kernelsDir(c.loc, c.env, c.root)).toBe(c.want));

  it("user dir without variables is ~/.local/share/jupyter on Linux, ~/Library/Jupyter on macOS", () => {
    expect(userDataDir({}, "linux", "/home/ada")).toBe("/home/ada/.local/share/jupyter");
    expect(userDataDir({}, "darwin", "/Users/ada")).toBe("/Users/ada/Library/Jupyter");
  });
});

describe("strided install --prefix / uninstall", () => {
  it("writes kernel.json with absolute argv and the logos, then removes them", async () => {
    const prefix = temp();
    const log: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (log.push(String(s)), true)) as typeof process.stdout.write;
    let code: number | null;
    try {
      code = await main(["install", "--prefix", prefix]);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    const dir = join(prefix, "share", "jupyter", "kernels", KERNEL_NAME);
    expect(log.join("")).toContain(dir);
    const spec = JSON.parse(readFileSync(join(dir, "kernel.json"), "utf8"));
    expect(spec.display_name).toBe("TypeScript (strided arrays)");
    expect(spec.language).toBe("typescript");
    expect(["signal", "message"]).toContain(spec.interrupt_mode);
    expect(spec.argv).toHaveLength(4);
    // /bin/sh bin/strided-kernel NODE CONN: the launcher picks the startup snapshot when it fits this Node.
    expect(spec.argv[0]).toBe("/bin/sh");
    expect(isAbsolute(spec.argv[1])).toBe(true);
    expect(spec.argv[1]).toBe(join(ROOT, "bin", "strided-kernel"));
    expect(existsSync(spec.argv[1])).toBe(true);
    expect(spec.argv.slice(2)).toEqual([process.execPath, "{connection_file}"]);
    for (const logo of LOGOS) expect(readFileSync(join(dir, logo))).toEqual(readFileSync(join(ROOT, "logos", logo)));

    const quiet = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await main(["uninstall", "--prefix", prefix])).toBe(0);
      expect(existsSync(dir)).toBe(false);
      expect(await main(["uninstall", "--prefix", prefix])).toBe(1);
    } finally {
      process.stdout.write = quiet;
    }
  });

  it("bad flags exit 2", async () => {
    const err = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await main(["install", "--nowhere"])).toBe(2);
      expect(await main(["frobnicate"])).toBe(2);
    } finally {
      process.stderr.write = err;
    }
  });
});

const haveJupyter = requirement(missingPythonModules(["jupyter_client"]), "jupyter kernelspec list");
describe.skipIf(!haveJupyter)("jupyter sees the installed kernelspec", () => {
  it("jupyter_client's KernelSpecManager finds strided under the prefix", async () => {
    const prefix = temp();
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await main(["install", "--prefix", prefix])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    // `jupyter kernelspec list --json` (Debian ships the app without the jupyter-kernelspec shim).
    const r = spawnSync(PYTHON, ["-Xfrozen_modules=off", "-m", "jupyter_client.kernelspecapp", "list", "--json"], {
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter"), PYDEVD_DISABLE_FILE_VALIDATION: "1" },
    });
    expect(r.status).toBe(0);
    const specs = JSON.parse(r.stdout).kernelspecs;
    expect(specs.strided.resource_dir).toBe(join(prefix, "share", "jupyter", "kernels", "strided"));
    expect(specs.strided.spec.display_name).toBe("TypeScript (strided arrays)");
    expect(specs.strided.spec.argv[1]).toBe(join(ROOT, "bin", "strided-kernel"));
  });
});
