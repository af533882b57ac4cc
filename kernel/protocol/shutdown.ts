/**
 * What a `shutdown_request`'s `restart` means, read the same way on the shell and the control
 * channel (the transport process answers control itself; the dispatcher answers shell).
 *
 * Rule (ipykernel 6's `shutdown_request` -> `do_shutdown(restart)` -> `{status: "ok", restart}`):
 * the reply echoes `restart` exactly as sent, whatever its JSON type (`"maybe"`, `null`, `1`), and
 * the kernel shuts down; the restart itself is the kernel manager's business. A request without
 * `restart` (ipykernel fails with a KeyError there, sends no reply and keeps running) is read as
 * `restart: false`: the reply says so and the kernel shuts down.
 *
 * Broadcast (ipykernel 6's `shutdown_request` -> `_at_shutdown`, measured with Debian's 6.17 on both
 * channels): the reply's content is also published on iopub as a `shutdown_reply` of its own
 * (a fresh msg_id, the request as parent), between the request's busy and idle, so every client
 * watching iopub learns that the kernel is going away (and whether a restart was asked for).
 */

/** `restart` as the reply echoes it, and whether it asked for a restart (only `true` does). */
export interface ShutdownRestart {
  echo: unknown;
  restart: boolean;
}

/**
 * Read a shutdown_request's content (any JSON value: a malformed one is read as `{}`).
 *
 * @example
 * readShutdownRestart({ restart: "maybe" }) // { echo: "maybe", restart: false }
 * readShutdownRestart({}) // { echo: false, restart: false }
 */
export function readShutdownRestart(content: unknown): ShutdownRestart {
  let echo: unknown = false;
  try {
    if (typeof content === "object" && content !== null && !Array.isArray(content)) {
      const v = (content as Record<string, unknown>).restart;
      if (v !== undefined) echo = v;
    }
  } catch {
    // an accessor on a prototype the content inherits from: read as no restart
  }
  return { echo, restart: echo === true };
}

/** The content of a shutdown_reply, on the request's channel and on iopub alike. */
export interface ShutdownReplyContent {
  status: "ok";
  restart: unknown;
}

/**
 * The shutdown_reply content for a request read by readShutdownRestart: sent as the reply and
 * published on iopub (the broadcast above).
 *
 * @example
 * shutdownReplyContent(readShutdownRestart({ restart: true })) // { status: "ok", restart: true }
 */
export function shutdownReplyContent(r: ShutdownRestart): ShutdownReplyContent {
  return { status: "ok", restart: r.echo };
}
