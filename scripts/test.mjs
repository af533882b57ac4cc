#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it (.ci/run calls `npm install && npm test`).
// 1. installs what the tests need from Debian's apt when it is missing (Jupyter clients for
//    /usr/bin/python3, NumPy for reference answers, Chromium for pages);
// 2. builds the kernel and runtime (the kernel runs from dist/, as users run it) and type-checks
//    the tests and benchmarks too (vitest strips types without checking them);
// 3. runs vitest and prints a closing "N passed, N failed" line.
// Extra arguments go to vitest: `npm test -- test/runtime`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const APT_PACKAGES = [
  "python3-numpy",
  "python3-jupyter-client",
  "jupyter-client",
  "python3-jupyter-kernel-test",
  "python3-nbclient",
  "python3-nbformat",
  "python3-ipykernel",
  "python3-debugpy",
  "jupyter-nbconvert",
  "jupyter-console",
  "python3-pexpect",
  "chromium",
];
const PY_MODULES = ["numpy", "jupyter_client", "jupyter_kernel_test", "nbclient", "nbformat", "nbconvert", "ipykernel", "debugpy", "jupyter_console", "pexpect"];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  return r.status ?? 1;
}

function missingSystemDeps() {
  const missing = [];
  if (!existsSync("/usr/bin/python3")) missing.push("/usr/bin/python3");
  else {
    const r = spawnSync("/usr/bin/python3", ["-c", PY_MODULES.map((m) => `import ${m}`).join("; ")], { stdio: "ignore" });
    if (r.status !== 0) missing.push(`python modules (${PY_MODULES.join(", ")})`);
  }
  if (!existsSync("/usr/bin/chromium")) missing.push("/usr/bin/chromium");
  if (!existsSync("/usr/bin/jupyter-nbconvert")) missing.push("jupyter-nbconvert");
  if (!existsSync("/usr/bin/jupyter-kernelspec")) missing.push("jupyter-kernelspec");
  return missing;
}

let missing = missingSystemDeps();
if (missing.length > 0) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = isRoot ? [] : ["sudo", "-n"];
  console.log(`test: installing Debian packages for the suite (missing: ${missing.join(", ")})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), "apt-get", ...args], { env }) : run("apt-get", args, { env }));
  if (apt(["update"]) !== 0 || apt(["install", "-y", "--no-install-recommends", ...APT_PACKAGES]) !== 0) {
    console.error("\n!!!!! test: could not install Debian packages; run as root: apt-get install -y " + APT_PACKAGES.join(" "));
  }
  missing = missingSystemDeps();
  if (missing.length > 0) console.error(`\n!!!!! test: still missing ${missing.join(", ")}: those tests fail under CI=true and skip loudly otherwise\n`);
}

console.log("test: building (wasm loops, tsc) and type-checking the tests and benchmarks");
if (run(process.execPath, ["scripts/build-wasm.mjs"]) !== 0) {
  console.error("test: building the WebAssembly loops failed");
  process.exit(1);
}
if (run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"]) !== 0) {
  console.error("test: build failed");
  process.exit(1);
}
// The kernel's startup snapshot (tsc rewrote dist/; the blob's stamp hashes what changed): test/e2e/snapshot.test.ts checks it is used.
run(process.execPath, ["dist/kernel/snapshot/build.js"]);
if (run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.test.json"]) !== 0) {
  console.error("test: type errors in test/ or bench/ (tsconfig.test.json)");
  process.exit(1);
}

const vitestArgs = ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=./scripts/closing-line-reporter.mjs", ...process.argv.slice(2)];
process.exit(run(process.execPath, vitestArgs));
