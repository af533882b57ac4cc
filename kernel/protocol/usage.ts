/**
 * `usage_request` (control channel): the kernel's CPU and memory, as ipykernel 6 answers it
 * (kernelbase.py `usage_request`, through psutil; the JupyterLab resource-usage extension asks it
 * every few seconds). Answered by the transport, off the thread that runs cells, so it answers
 * while a cell runs.
 *
 * Rule (ipykernel 6.17, measured: `{hostname, pid, kernel_cpu, kernel_memory, host_cpu_percent,
 * cpu_count, host_virtual_memory}`):
 * - kernel_cpu: percent of one CPU the kernel's process and its children used since the previous
 *   usage_request (psutil's Process.cpu_percent: 0.0 the first time), summed over the processes;
 * - kernel_memory: bytes, the PSS of the process and its children (RSS where PSS is not readable);
 * - host_cpu_percent: the whole machine's busy percent since the previous request, left out when
 *   0.0 (the first time), as ipykernel does; cpu_count: logical CPUs;
 * - host_virtual_memory: psutil.virtual_memory() on Linux, from /proc/meminfo (total, available,
 *   percent, used, free, active, inactive, buffers, cached, shared, slab).
 * Off Linux (no /proc) the numbers come from Node's `os` and `process` alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS = 100;

/** The previous reading of each process's CPU seconds, and of the machine's. */
const lastProcess = new Map<number, { at: number; cpu: number }>();
let lastHost: { busy: number; total: number } | null = null;

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  const s = read(`/proc/${pid}/stat`);
  if (s === null) return null;
  return s.slice(s.lastIndexOf(")") + 2).split(" ");
}

/** The process and every descendant, by /proc's parent links. */
function processTree(root: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [root];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    const pid = Number(e);
    if (!Number.isInteger(pid)) continue;
    const f = statFields(pid);
    if (f === null) continue;
    const ppid = Number(f[1]);
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    out.push(pid);
    for (const c of children.get(pid) ?? []) todo.push(c);
  }
  return out;
}

/** CPU seconds (user + system) a process has used, or null when it is gone. */
function cpuSeconds(pid: number): number | null {
  const f = statFields(pid);
  if (f !== null) return (Number(f[11]) + Number(f[12])) / TICKS; // utime, stime: every thread of the process
  if (pid !== process.pid) return null;
  const u = process.cpuUsage(); // no /proc
  return (u.user + u.system) / 1e6;
}

/** PSS bytes of a process (RSS where smaps_rollup is not readable). */
function memoryBytes(pid: number): number {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const pss = rollup === null ? null : /^Pss:\s+(\d+) kB/m.exec(rollup);
  if (pss) return Number(pss[1]) * 1024;
  if (pid === process.pid) return process.memoryUsage.rss();
  const status = read(`/proc/${pid}/status`);
  const rss = status === null ? null : /^VmRSS:\s+(\d+) kB/m.exec(status);
  return rss ? Number(rss[1]) * 1024 : 0;
}

/** psutil.cpu_percent(): the machine's busy share since the last call (0 the first time). */
function hostCpuPercent(): number {
  const line = read("/proc/stat")?.split("\n", 1)[0];
  if (!line?.startsWith("cpu ")) return 0;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is counted in user already
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = v[3] + (v[4] ?? 0);
  const now = { busy: total - idle, total };
  const before = lastHost;
  lastHost = now;
  if (before === null || now.total <= before.total) return 0;
  return Math.round(((now.busy - before.busy) / (now.total - before.total)) * 1000) / 10;
}

/** psutil.virtual_memory() as ipykernel sends it (Linux's /proc/meminfo; Node's os elsewhere). */
function virtualMemory(): Record<string, number> {
  const text = read("/proc/meminfo");
  if (text === null) {
    const total = os.totalmem();
    const free = os.freemem();
    return { total, available: free, percent: Math.round(((total - free) / total) * 1000) / 10, used: total - free, free };
  }
  const kb = (name: string): number => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text);
    return m ? Number(m[1]) * 1024 : 0;
  };
  const total = kb("MemTotal");
  const free = kb("MemFree");
  const buffers = kb("Buffers");
  const cached = kb("Cached") + kb("SReclaimable");
  const available = kb("MemAvailable");
  let used = total - free - cached - buffers;
  if (used < 0) used = total - free;
  const percent = total > 0 ? Math.round(((total - available) / total) * 1000) / 10 : 0;
  return { total, available, percent, used, free, active: kb("Active"), inactive: kb("Inactive"), buffers, cached, shared: kb("Shmem"), slab: kb("Slab") };
}

/**
 * The usage_reply content, now (the CPU figures are since the previous call).
 *
 * @example
 * usageReply() // { hostname: "vm", pid: 5248, kernel_cpu: 0, kernel_memory: 61538304, cpu_count: 2, host_virtual_memory: { total: ..., percent: 7.4, ... } }
 */
export function usageReply(): Record<string, unknown> {
  const now = performance.now() / 1000;
  let kernelCpu = 0;
  let kernelMemory = 0;
  const seen = new Set<number>();
  for (const pid of processTree(process.pid)) {
    const cpu = cpuSeconds(pid);
    if (cpu === null) continue;
    seen.add(pid);
    const before = lastProcess.get(pid);
    lastProcess.set(pid, { at: now, cpu });
    if (before !== undefined && now > before.at) kernelCpu += ((cpu - before.cpu) / (now - before.at)) * 100;
    kernelMemory += memoryBytes(pid);
  }
  for (const pid of lastProcess.keys()) if (!seen.has(pid)) lastProcess.delete(pid);
  const content: Record<string, unknown> = { hostname: os.hostname(), pid: process.pid, kernel_cpu: Math.round(kernelCpu * 10) / 10, kernel_memory: kernelMemory };
  const host = hostCpuPercent();
  if (host !== 0) content.host_cpu_percent = host;
  content.cpu_count = os.cpus().length;
  content.host_virtual_memory = virtualMemory();
  return content;
}
