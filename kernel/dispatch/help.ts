/**
 * IPython's help syntax in a cell: `name?` (or `?name`) pages the documentation of `name`,
 * `name??` asks for more detail. The dispatcher answers it with the session's inspect and a
 * `page` payload in the execute_reply (messaging spec, "Payloads"), which front ends show in
 * their pager; jupyter_kernel_test's test_pager checks exactly this.
 */

export interface HelpRequest {
  expr: string;
  detailLevel: 0 | 1;
}

const HELP = /^\s*(\?{1,2})?\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*(\?{1,2})?\s*$/;

/**
 * Reads a help request, or null when the cell is ordinary code.
 *
 * @example
 * parseHelpRequest("np.zeros?");  // { expr: "np.zeros", detailLevel: 0 }
 * parseHelpRequest("??np.zeros"); // { expr: "np.zeros", detailLevel: 1 }
 * parseHelpRequest("a ? b : c");  // null
 */
export function parseHelpRequest(code: string): HelpRequest | null {
  const m = HELP.exec(code);
  if (!m) return null;
  const [, pre, expr, post] = m;
  if ((pre === undefined) === (post === undefined)) return null;
  const marks = pre ?? post ?? "?";
  return { expr: expr.replace(/\s+/g, ""), detailLevel: marks.length === 2 ? 1 : 0 };
}

const EXIT = /^\s*(exit|quit)\s*(\(\s*\))?\s*;?\s*$/;

/**
 * IPython's `exit` / `quit` (also called: `exit()`), alone in a cell: the kernel shuts down.
 *
 * @example
 * isExitRequest("exit");    // true
 * isExitRequest("quit()");  // true
 * isExitRequest("exit(1)"); // false
 */
export function isExitRequest(code: string): boolean {
  return EXIT.test(code);
}
