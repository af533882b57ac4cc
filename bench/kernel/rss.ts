/**
 * Resident memory of a process tree, read from /proc (Linux only): the sum of VmRSS over the
 * process and every descendant (tslab and ipykernel may start helpers; pages shared between
 * them are counted once per process, as `ps` would).
 */
import { readdirSync, readFileSync } from "node:fs";

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 4 is the parent pid; field 2 (comm) may contain spaces, so split after its ")".
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[1]);
  } catch {
    return null;
  }
}

/** The pid and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop() as number;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS of one process in bytes (0 if it is gone). */
export function rssBytes(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Sum of VmRSS over the tree rooted at `pid`, in bytes.
 *
 * @example
 * treeRssBytes(process.pid) // e.g. 48_000_000
 */
export function treeRssBytes(pid: number): number {
  return processTree(pid).reduce((s, p) => s + rssBytes(p), 0);
}
