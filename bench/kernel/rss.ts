/**
 * Resident memory of a process tree, read from /proc (Linux only): the process and every
 * descendant (tslab and ipykernel may start helpers; strided is two processes, README "How it is
 * built"). `treeRssBytes` counts a file's pages once for the tree: each process's anonymous memory,
 * plus, for every mapped file, the most any one process of the tree has resident of it. The node
 * binary's pages (38 MB resident in each node process) are one copy in memory; the sum of VmRSS
 * (`ps`'s view, `treeVmRssBytes`) counts them once per process. For one process the two are equal.
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
 * Sum of VmRSS over the tree rooted at `pid`, in bytes (shared file pages once per process).
 *
 * @example
 * treeVmRssBytes(process.pid) // e.g. 48_000_000
 */
export function treeVmRssBytes(pid: number): number {
  return processTree(pid).reduce((s, p) => s + rssBytes(p), 0);
}

/** One process's resident bytes from /proc/PID/smaps: anonymous (and shared memory), and per mapped file. */
function residentParts(pid: number): { anon: number; files: Map<string, number> } {
  const files = new Map<string, number>();
  let anon = 0;
  let file: string | null = null;
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, "utf8");
  } catch {
    return { anon: 0, files };
  }
  for (const line of text.split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const path = head[1];
      file = path.startsWith("/") && !path.endsWith("(deleted)") && !path.startsWith("/dev/") && !path.startsWith("/memfd:") ? path : null;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const bytes = Number(rss[1]) * 1024;
    if (file === null) anon += bytes;
    else files.set(file, (files.get(file) ?? 0) + bytes);
  }
  return { anon, files };
}

/**
 * Resident bytes of the tree rooted at `pid`, each file's pages counted once (see the head of this file).
 *
 * @example
 * treeRssBytes(process.pid) // e.g. 48_000_000
 */
export function treeRssBytes(pid: number): number {
  let anon = 0;
  const files = new Map<string, number>();
  for (const p of processTree(pid)) {
    const parts = residentParts(p);
    anon += parts.anon;
    for (const [f, b] of parts.files) files.set(f, Math.max(files.get(f) ?? 0, b));
  }
  let total = anon;
  for (const b of files.values()) total += b;
  return total;
}
