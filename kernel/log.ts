/**
 * The kernel's own log: off by default, so a terminal front end (`jupyter console`) shows only
 * the notebook's output. `STRIDED_LOG=1` in the kernel's environment turns it on (lines on
 * stderr, prefixed `[strided]`); Jupyter writes a kernel's stderr to its own log/terminal.
 * Fatal start-up errors are written regardless.
 * Read when this module loads, and again by a process started from the startup snapshot
 * (snapshot/entry.ts: the module was loaded in the builder, whose environment is not the kernel's).
 */
export let LOG_ENABLED: boolean = logSetting();

/**
 * Re-read `STRIDED_LOG` from this process's environment; returns the setting.
 *
 * @example
 * readLogSetting() // false (true when STRIDED_LOG=1)
 */
export function readLogSetting(): boolean {
  LOG_ENABLED = logSetting();
  return LOG_ENABLED;
}

function logSetting(): boolean {
  return /^(1|true|yes|on)$/i.test(process.env.STRIDED_LOG ?? "");
}

/**
 * Logging stops for good once stderr fails (EPIPE: the process that read it is gone). Without
 * this, the failed write's `error` event reached the compute's uncaughtException handler, which
 * logs, whose write failed again: an endless chain that kept a compute whose launcher died during
 * start-up spinning after its transport had gone (STRIDED_LOG=1; test/e2e/orphans.test.ts).
 * Call once at start-up, after the setting is read; no-op when logging is off.
 *
 * @example
 * stopLoggingWhenStderrFails() // undefined
 */
export function stopLoggingWhenStderrFails(): void {
  if (!LOG_ENABLED) return;
  process.stderr.on("error", () => {
    LOG_ENABLED = false;
  });
}
