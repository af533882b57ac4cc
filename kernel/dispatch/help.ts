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

/**
 * Read on the trimmed cell: a pattern that starts or ends with `\s*` beside another `\s*` makes V8
 * backtrack over every split of a run of spaces (`exit` + 10,000 spaces + `!`, any execute, held
 * the kernel's main thread for good, before the cell ran and where no interrupt reaches).
 */
const HELP = /^(\?{1,2})?\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*(\?{1,2})?$/;

/**
 * Reads a help request, or null when the cell is ordinary code.
 *
 * @example
 * parseHelpRequest("np.zeros?");  // { expr: "np.zeros", detailLevel: 0 }
 * parseHelpRequest("??np.zeros"); // { expr: "np.zeros", detailLevel: 1 }
 * parseHelpRequest("a ? b : c");  // null
 */
export function parseHelpRequest(code: string): HelpRequest | null {
  const m = HELP.exec(code.trim());
  if (!m) return null;
  const [, pre, expr, post] = m;
  if ((pre === undefined) === (post === undefined)) return null;
  const marks = pre ?? post ?? "?";
  return { expr: expr.replace(/\s+/g, ""), detailLevel: marks.length === 2 ? 1 : 0 };
}

/** Read on the trimmed cell without its final `;` (see HELP). */
const EXIT = /^(exit|quit)(\s*\(\s*\))?$/;

/**
 * IPython's `exit` / `quit` (also called: `exit()`), alone in a cell: the kernel shuts down.
 *
 * @example
 * isExitRequest("exit");    // true
 * isExitRequest("quit()");  // true
 * isExitRequest("exit(1)"); // false
 */
export function isExitRequest(code: string): boolean {
  let t = code.trim();
  if (t.endsWith(";")) t = t.slice(0, -1).trimEnd();
  return EXIT.test(t);
}
