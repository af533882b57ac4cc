/**
 * Two of NumPy's operators that TypeScript reads otherwise, found in a cell as typed so the user
 * hears about them (NumPy users type both out of habit):
 * - `a @ b` (matrix multiplication) is a syntax error in TypeScript: the compiler checks it as
 *   `a * b` (same precedence as Python's `@`, same width) and the NumPy-syntax stage runs it as
 *   `np.matmul(a, b)` (matmulOffsets); where it still does not parse (`a @= b`), the error says
 *   what `@` is instead of TypeScript's "Unexpected keyword or identifier";
 * - `a // 2` (floor division) is `a` followed by a comment: the cell runs and answers `a`, silently.
 * Rule: tokens come from TypeScript's scanner (strings, templates, regular expressions and comments
 * are not mistaken for operators); an `@` is binary when the token before it ends an operand
 * (a name, a number, a string, `)` or `]`); a `//` comment is suspect when it follows an operand
 * on the same line and its text is an operand itself: a number or a dotted/indexed name
 * (`// 2`, `// a.shape[0]`), not prose (`// the count`). O(length of the cell).
 */
import ts from "typescript";

/** Where a Python operator sits in the cell (1-based, as editors show them). */
export interface PythonOperator {
  line: number;
  column: number;
  /** What follows `//` (the would-be right operand), for the floor-division note. */
  operand?: string;
}

const OPERAND_END = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
]);

/** A number, or a name with member accesses and subscripts: what a floor division's right side looks like. */
const OPERAND_TEXT = /^(\d[\d_]*(\.\d*)?([eE][+-]?\d+)?|[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[[^\]\n]*\])+)$/;

interface Found {
  at: (PythonOperator & { offset: number })[];
  floorDivisions: PythonOperator[];
}

function scan(code: string): Found {
  const found: Found = { at: [], floorDivisions: [] };
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  const place = (pos: number): { line: number; column: number } => {
    const before = code.slice(0, pos);
    const line = before.split("\n").length;
    return { line, column: pos - before.lastIndexOf("\n") };
  };
  // braces opened since each template's `${` (a `}` closing one continues the template)
  const templates: number[] = [];
  let prev = ts.SyntaxKind.Unknown;
  let newlineSincePrev = true;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    switch (kind) {
      case ts.SyntaxKind.WhitespaceTrivia:
      case ts.SyntaxKind.MultiLineCommentTrivia:
        continue;
      case ts.SyntaxKind.NewLineTrivia:
        newlineSincePrev = true;
        continue;
      case ts.SyntaxKind.SingleLineCommentTrivia: {
        const text = scanner.getTokenText().slice(2).trim();
        if (!newlineSincePrev && OPERAND_END.has(prev) && OPERAND_TEXT.test(text)) {
          found.floorDivisions.push({ ...place(scanner.getTokenStart()), operand: text });
        }
        continue;
      }
      case ts.SyntaxKind.AtToken:
        if (!newlineSincePrev && OPERAND_END.has(prev)) found.at.push({ ...place(scanner.getTokenStart()), offset: scanner.getTokenStart() });
        break;
      case ts.SyntaxKind.SlashToken:
      case ts.SyntaxKind.SlashEqualsToken:
        // a regular expression where an operand is expected (`x = /a/g`), division after one
        if (!OPERAND_END.has(prev)) kind = scanner.reScanSlashToken();
        break;
      case ts.SyntaxKind.TemplateHead:
        templates.push(0);
        break;
      case ts.SyntaxKind.OpenBraceToken:
        if (templates.length) templates[templates.length - 1]++;
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (templates.length && templates[templates.length - 1] === 0) {
          kind = scanner.reScanTemplateToken(false);
          if (kind === ts.SyntaxKind.TemplateTail) templates.pop();
        } else if (templates.length) templates[templates.length - 1]--;
        break;
    }
    prev = kind === ts.SyntaxKind.TemplateTail || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ? ts.SyntaxKind.StringLiteral : kind;
    newlineSincePrev = false;
  }
  return found;
}

/**
 * The first binary `@` of a cell (Python's matrix multiplication), or null.
 *
 * @example
 * matmulOperator("const c = a @ b.T") // { line: 1, column: 13, inPlace: false }
 * matmulOperator("@sealed class A {}") // null (a decorator)
 */
export function matmulOperator(code: string): (PythonOperator & { inPlace: boolean }) | null {
  const at = scan(code).at[0];
  return at ? { line: at.line, column: at.column, inPlace: code[at.offset + 1] === "=" } : null;
}

/**
 * The offsets of a cell's binary `@` operators that the NumPy-syntax stage runs as np.matmul: each
 * is checked as a `*` (same precedence as Python's `@`, same width, so every position stays) and
 * rewritten to `np.matmul(a, b)` when an operand is an array (syntax/rewrite.ts). `@=` is not one.
 *
 * @example
 * matmulOffsets("const c = a @ b.T") // [12]
 * matmulOffsets("a @= b") // []
 */
export function matmulOffsets(code: string): number[] {
  return scan(code)
    .at.filter((a) => code[a.offset + 1] !== "=")
    .map((a) => a.offset);
}

/**
 * `code` with a `*` in place of each binary `@` at `offsets` (what the checker sees).
 *
 * @example
 * asAsterisks("a @ b", [2]) // "a * b"
 */
export function asAsterisks(code: string, offsets: readonly number[]): string {
  let out = code;
  for (const o of offsets) out = out.slice(0, o) + "*" + out.slice(o + 1);
  return out;
}

/**
 * Every `x // 2`-like line of a cell: an operand, then a `//` comment whose text is an operand.
 *
 * @example
 * floorDivisionComments("const h = n // 2") // [{ line: 1, column: 13, operand: "2" }]
 * floorDivisionComments("const h = n // half of it") // []
 */
export function floorDivisionComments(code: string): PythonOperator[] {
  return scan(code).floorDivisions;
}

/**
 * The note a cell with `x // 2` gets on stderr before it runs (it still runs: the comment is valid).
 *
 * @example
 * floorDivisionNote({ line: 1, column: 3, operand: "2" })
 * // "strided: `// 2` on line 1 is a comment in TypeScript, so that line stops before it; ..."
 */
export function floorDivisionNote(f: PythonOperator): string {
  return (
    `strided: \`// ${f.operand}\` on line ${f.line} is a comment in TypeScript, so that line stops before it; ` +
    `NumPy's floor division is np.floor_divide(x, ${f.operand}) (Math.floor(x / ${f.operand}) for a number)\n`
  );
}

/**
 * The SyntaxError for a cell with a binary `@`, in place of TypeScript's.
 *
 * @example
 * matmulError({ line: 1, column: 3 }).evalue
 * // "`@` (line 1, column 3) is Python's matrix multiplication, which TypeScript does not have here: write np.matmul(a, b) (or np.dot(a, b))"
 */
export function matmulError(at: PythonOperator & { inPlace?: boolean }): { status: "error"; ename: string; evalue: string; traceback: string[] } {
  const evalue = at.inPlace
    ? `\`@=\` (line ${at.line}, column ${at.column}): in-place matrix multiplication is not supported (NumPy 1.24 refuses it too): write a = a @ b`
    : `\`@\` (line ${at.line}, column ${at.column}) is Python's matrix multiplication, which TypeScript does not have here: write np.matmul(a, b) (or np.dot(a, b))`;
  return { status: "error", ename: "SyntaxError", evalue, traceback: [`\x1b[31mSyntaxError\x1b[0m: ${evalue}`] };
}
