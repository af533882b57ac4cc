/**
 * Whether the process that launched the kernel is gone, so the kernel must end (ipykernel's
 * ParentPollerUnix): jupyter_client sets JPY_PARENT_PID to its own PID. Two signs, either enough:
 * this process was re-parented (its parent at start-up is no longer its parent), or the declared
 * PID no longer exists — the second also covers a launcher that died before the transport read
 * its parent (then already init or a subreaper: the re-parenting alone went unseen and the
 * kernel lived on, found by test/e2e/orphans.test.ts).
 */

/**
 * @param declared JPY_PARENT_PID as a number (NaN or <= 1: no launcher to watch)
 * @param parentAtStart process.ppid read as early as possible
 *
 * @example
 * launcherGone(Number(process.env.JPY_PARENT_PID), ppidAtStart) // false while Jupyter runs
 */
export function launcherGone(declared: number, parentAtStart: number): boolean {
  if (!Number.isInteger(declared) || declared <= 1) return false;
  if (process.ppid !== parentAtStart) return true;
  try {
    process.kill(declared, 0); // signal 0: only asks whether the PID exists
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH"; // EPERM: it exists (another user's)
  }
}
