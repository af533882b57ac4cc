/**
 * The kernel's own log: off by default, so a terminal front end (`jupyter console`) shows only
 * the notebook's output. `STRIDED_LOG=1` in the kernel's environment turns it on (lines on
 * stderr, prefixed `[strided]`); Jupyter writes a kernel's stderr to its own log/terminal.
 * Fatal start-up errors are written regardless.
 */
export const LOG_ENABLED: boolean = /^(1|true|yes|on)$/i.test(process.env.STRIDED_LOG ?? "");
