import { defineConfig } from "vitest/config";

// Two groups, one after the other (sequence.groupOrder):
// - "unit": the runtime, the cell pipeline and the differential suites, in-process and CPU-bound,
//   two files at a time (on this machine kind's 2 cores vitest's default is ONE worker: the whole
//   suite ran file after file);
// - "kernel": whatever starts kernels, Jupyter clients or Chromium and reads wall times (interrupt
//   graces, RSS after idle, heap guards), one file at a time as before, on a machine no other test loads.
const UNIT = ["test/runtime/**/*.test.ts", "test/kernel/**/*.test.ts", "test/support/**/*.test.ts", "test/architecture.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["test/support/build-wasm.setup.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: UNIT, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: "kernel", include: ["test/**/*.test.ts"], exclude: UNIT, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
