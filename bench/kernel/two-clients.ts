/**
 * Two clients pipelining executes into one kernel (issue 11): each client sends all of its cells at
 * once, with cell texts distinct across both (`1000001 * 2 + 1`, `2000001 * 2 + 1`, ...; the same
 * text in TypeScript and Python), and the kernel's replies are checked: every one arrives, each
 * client's replies come in the order it sent them, execution counts increase per client, and the kernel
 * process tree's RSS is read before and after. Used by `npm run bench:kernel` (10,000 executes) and
 * by test/e2e/two-clients.test.ts (2 × 1,000).
 */
import { KernelClient, type ConnectionInfo, type ExecuteReplyContent } from "../../kernel/client/index.js";
import { treeRssBytes } from "./rss.js";

export interface TwoClientResult {
  /** Executes sent in all (both clients). */
  sent: number;
  /** Replies received with status ok. */
  ok: number;
  /** Replies received with another status (first few described in `failures`). */
  failed: number;
  failures: string[];
  /** True when each client's execute_replies arrived in the order it sent the requests. */
  inOrder: boolean;
  /** True when each client's execution counts strictly increase in the order it sent. */
  countsIncrease: boolean;
  seconds: number;
  executesPerSecond: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  /** Set when the deadline passed before every reply arrived. */
  timedOut?: string;
}

const MB = 1024 * 1024;

/**
 * Run `total` executes, half from each of two fresh clients, against the kernel at `connection`
 * (process id `pid`, for RSS). Gives up after `deadlineMs` (the result says how far it got).
 *
 * @example
 * const r = await twoClientPipeline(kp.connection, kp.pid, 2000, 120_000)
 * r.ok // 2000
 */
export async function twoClientPipeline(connection: ConnectionInfo, pid: number, total: number, deadlineMs: number): Promise<TwoClientResult> {
  const clients = [await KernelClient.connect(connection), await KernelClient.connect(connection)];
  const per = Math.floor(total / 2);
  const r: TwoClientResult = {
    sent: per * 2, ok: 0, failed: 0, failures: [], inOrder: true, countsIncrease: true,
    seconds: NaN, executesPerSecond: NaN, rssBeforeMB: treeRssBytes(pid) / MB, rssAfterMB: NaN,
  };
  try {
    for (const c of clients) await c.waitForReady(60_000);
    const t0 = performance.now();
    const runs = clients.map(async (c, ci) => {
      const settledOrder: number[] = [];
      const counts: number[] = new Array<number>(per);
      const all: Promise<void>[] = [];
      for (let i = 0; i < per; i++) {
        const code = `${(ci + 1) * 1_000_000 + i + 1} * 2 + 1`;
        const content = { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true };
        all.push(
          // Timed to the execute_reply (tslab loses iopub idles under load); the deadline below ends the run first.
          c.request<ExecuteReplyContent>("shell", "execute_request", content, { timeout: deadlineMs + 60_000 }).then((reply) => {
            settledOrder.push(i);
            counts[i] = Number(reply.content.execution_count);
            if (reply.content.status === "ok") r.ok++;
            else {
              r.failed++;
              if (r.failures.length < 3) r.failures.push(`${code}: ${reply.content.status} ${reply.content.ename ?? ""} ${reply.content.evalue ?? ""}`);
            }
          }),
        );
      }
      await Promise.all(all);
      for (let i = 0; i < per; i++) {
        if (settledOrder[i] !== i) r.inOrder = false;
        if (i > 0 && !(counts[i] > counts[i - 1])) r.countsIncrease = false;
      }
    });
    const finished = Promise.all(runs);
    finished.catch(() => undefined); // after a timeout, closing the clients rejects what is still pending
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not finished after ${deadlineMs / 1000} s`)), deadlineMs);
    });
    try {
      await Promise.race([finished, deadline]);
    } catch (e) {
      r.timedOut = `${(e as Error).message}: ${r.ok + r.failed} of ${r.sent} replies`;
    } finally {
      clearTimeout(timer);
    }
    r.seconds = (performance.now() - t0) / 1000;
    r.executesPerSecond = (r.ok + r.failed) / r.seconds;
    r.rssAfterMB = treeRssBytes(pid) / MB;
  } finally {
    for (const c of clients) c.close();
  }
  return r;
}
