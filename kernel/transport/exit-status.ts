/**
 * How the compute process ended, as the transport process reads it: an exit code or the signal
 * that killed it. The transport exits the same way, so Jupyter sees the compute's status.
 *
 * bin/strided-kernel makes the compute the transport's child but Node does not reap it (it was not
 * spawned by Node): its status is read from its zombie's /proc entry until the transport exits.
 */
import { readFileSync } from "node:fs";
import { constants } from "node:os";

/** How a process ended: an exit code, or the signal that killed it. */
export type ExitStatus = { code: number } | { signal: NodeJS.Signals };

/**
 * How an exited child that is not reaped yet (a zombie) ended, from /proc/PID/stat's exit_code
 * (field 52, waitpid's status word); null while it runs.
 *
 * @example
 * zombieStatus(process.pid) // null
 */
export function zombieStatus(pid: number): ExitStatus | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from (3) state on
    if (fields[0] !== "Z") return null;
    const word = Number(fields[49]);
    if (!Number.isInteger(word)) return { code: 1 };
    const signal = word & 0x7f;
    if (signal === 0) return { code: (word >> 8) & 0xff };
    const name = Object.entries(constants.signals).find(([, n]) => n === signal)?.[0] as NodeJS.Signals | undefined;
    return name ? { signal: name } : { code: 128 + signal };
  } catch {
    return { code: 1 }; // gone (reaped by someone else)
  }
}
