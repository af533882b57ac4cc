/**
 * is_complete_request: is the text a whole cell, or does it wait for more lines?
 *
 * Rule: parse it; no syntax error -> "complete". Errors that all sit at the end of the text
 * (an unclosed brace/bracket/paren, a trailing operator, an unterminated template literal or
 * block comment) -> "incomplete", indented two spaces per open bracket (one more after a
 * statement header such as `if (x)`); any other error ->
 * "invalid" (more lines cannot fix it). Cost: one parse, one scan, O(length).
 */
import ts from "typescript";
import { asAsterisks, matmulOffsets } from "../syntax/python-operators.js";
import type { IsCompleteResult } from "../contract.js";
import { parseMagic } from "../magics.js";

/** IPython's help syntax (`name?`, `name??`, `?name`) and `exit`/`quit`: whole requests on their own. */
const HELP = /^(\?{1,2}\s*[A-Za-z_$][\w$.\s]*|[A-Za-z_$][\w$.\s]*\?{1,2})$/;
/** Read on the trimmed cell without its final `;`: patterns with `\s*` beside `\s*` backtracked over every split of a run of spaces (seconds to forever for `exit` + 10,000 spaces + `!`). */
const EXIT = /^(exit|quit)(\s*\(\s*\))?$/;

function helpOrExit(code: string): boolean {
  const t = code.trim();
  if (HELP.test(t)) return true;
  const u = t.endsWith(";") ? t.slice(0, -1).trimEnd() : t;
  return EXIT.test(u);
}

/** The indent for the next line: the last line's own, one level more after an opening bracket or a statement header. */
function nextIndent(body: string): string {
  const lines = body.split("\n");
  let last = lines[lines.length - 1];
  for (let i = lines.length - 1; i >= 0 && !last.trim(); i--) last = lines[i];
  const own = /^[ \t]*/.exec(last)?.[0] ?? "";
  const opens = openBrackets(last) > 0 || STATEMENT_HEADER.test(last) || /(=>|\belse|\bdo)\s*$/.test(last) ? "  " : "";
  return own + opens;
}

/**
 * A line that is a statement's header waiting for its body (`if (x)`, `} else if (y)`, `for (...)`,
 * `while (...)`): not any line ending in `)`, which a call statement inside a block does too
 * (`  console.log(i)` kept its indent, it was one level deeper).
 */
const STATEMENT_HEADER = /^\s*(\}\s*)?(else\s+)?(if|for|while|with|switch|catch)\b.*\)\s*$/;

/** Errors that more text can always fix. */
const NEEDS_MORE = new Set([1160 /* Unterminated template literal */, 1010 /* '*\/' expected */]);

/** Open brackets at the end of `code` (template literal holes count). */
export function openBrackets(code: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, code);
  const stack: string[] = [];
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.OpenBraceToken || t === ts.SyntaxKind.OpenParenToken || t === ts.SyntaxKind.OpenBracketToken) stack.push("(");
    else if (t === ts.SyntaxKind.TemplateHead) stack.push("${");
    else if (t === ts.SyntaxKind.CloseBraceToken && stack[stack.length - 1] === "${") {
      const r = scanner.reScanTemplateToken(false);
      if (r === ts.SyntaxKind.TemplateTail) stack.pop();
    } else if (t === ts.SyntaxKind.CloseBraceToken || t === ts.SyntaxKind.CloseParenToken || t === ts.SyntaxKind.CloseBracketToken) stack.pop();
  }
  return stack.length;
}

/**
 * Whether `code` is a complete cell.
 *
 * @example
 * isComplete("const a = [1, 2,")   // { status: "incomplete", indent: "  " }
 * isComplete("const a = 1")        // { status: "complete" }
 * isComplete("const = 1")          // { status: "invalid" }
 */
export function isComplete(code: string): IsCompleteResult {
  if (!code.trim()) return { status: "complete" };
  if (helpOrExit(code)) return { status: "complete" };
  let body = code;
  try {
    const magic = parseMagic(code);
    if (magic?.kind === "cell-timeit") return { status: "complete" };
    if (magic) body = " ".repeat(magic.prefixLength) + code.slice(magic.prefixLength);
  } catch {
    return { status: "invalid" };
  }
  // `a @ b` runs (np.matmul): parsed as the compiler checks it, `a * b` (syntax/python-operators.ts)
  body = asAsterisks(body, matmulOffsets(body));
  let sf: ts.SourceFile;
  try {
    sf = ts.createSourceFile("cell.mts", body, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  } catch (e) {
    // Nested too deeply for the parser's stack (20,000 open parentheses): more lines cannot fix it;
    // running it says so (RecursionError). Was a status "error" reply with TypeScript's frames.
    if (e instanceof RangeError) return { status: "invalid" };
    throw e;
  }
  const diags = (sf as unknown as { parseDiagnostics: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (!diags.length) return { status: "complete" };
  // A quoted string cannot go on to the next line (unless the line ends with a backslash).
  if (diags.some((d) => d.code === 1002) && !/\\$/.test(body.trimEnd())) return { status: "invalid" };
  const end = body.trimEnd().length;
  const needsMore = diags.every((d) => NEEDS_MORE.has(d.code) || d.start >= end);
  if (!needsMore) return { status: "invalid" };
  // IPython's rule: a blank line after the first ends the input (run it; its error then says what is missing).
  if (/\n[ \t]*$/.test(body) && body.trim().length > 0) return { status: "invalid" };
  return { status: "incomplete", indent: nextIndent(code) };
}
