/**
 * The kernels compared, each started the way Jupyter starts it (argv with {connection_file}),
 * and the code each runs for the same measurement (TypeScript for strided and tslab, Python for ipykernel).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { buildKernelJson } from "../../kernel/cli/install.js";

export interface KernelUnderTest {
  name: string;
  argv: string[];
  /** Extra environment, as the kernelspec's `env` gives it. */
  env?: Record<string, string>;
  /** Why it cannot run here, or null. */
  missing: string | null;
  /** A cell that declares variable number i. */
  declare(i: number): string;
  /** A small typed cell using the declarations, fresh name j. */
  typedCell(j: number): string;
  onePlusOne: string;
}

const ts = {
  declare: (i: number) => `const v${i}: number = ${i};`,
  typedCell: (j: number) => `const s${j}: number = v1 + v2 * ${j}; s${j}`,
  onePlusOne: "1 + 1",
};

/** strided, tslab, and ipykernel when Debian's python3-ipykernel is installed. */
export function kernelsUnderTest(root: string): KernelUnderTest[] {
  const tslab = join(root, "node_modules", "tslab", "bin", "tslab");
  const py = "/usr/bin/python3";
  const hasIpykernel = existsSync(py) && spawnSync(py, ["-c", "import ipykernel"], { stdio: "ignore" }).status === 0;
  return [
    {
      name: "strided",
      argv: buildKernelJson(root).argv, // as the installed kernel.json starts it: bin/strided-kernel, from the startup snapshot when built
      env: (JSON.parse(readFileSync(join(root, "kernel.json"), "utf8")) as { env?: Record<string, string> }).env ?? {},
      missing: existsSync(join(root, "dist", "kernel", "cli", "main.js")) ? null : "dist/ not built (npm run build)",
      ...ts,
    },
    {
      name: "tslab",
      argv: [process.execPath, tslab, "kernel", "--config-path", "{connection_file}"],
      missing: existsSync(tslab) ? null : "node_modules/tslab missing (npm install)",
      ...ts,
    },
    {
      name: "ipykernel",
      argv: [py, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
      missing: hasIpykernel ? null : `${py} cannot import ipykernel (apt-get install python3-ipykernel)`,
      declare: (i) => `v${i} = ${i}`,
      typedCell: (j) => `s${j}: int = v1 + v2 * ${j}; s${j}`,
      onePlusOne: "1 + 1",
    },
  ];
}
