/**
 * The magics stage: IPython's magics rewritten into TypeScript calls of the kernel globals,
 * keeping every line where it was (so line numbers still match). Cell magics (`%%timeit`) only on
 * a cell's first line; line magics (`%timeit`, `%time`) on any line, as IPython accepts them
 * (`x = 1\n%timeit f(x)`, also indented inside a block), when the line is where a statement can
 * start (lineMagicLines: not inside a string, template, comment, parentheses or brackets, and not
 * the modulo operator continuing the line before: `a\n  %b`, `n\n%time + 1`).
 *
 *   %timeit [-n N] [-r R] [-p P] [-q] [-o] EXPR
 *                                       -> __strided_timeit(() => (EXPR), { number: N, repeat: R, precision: P, quiet: true, output: true })
 *   %%timeit [-n N] [-r R] [-q] [-o] [SETUP]
 *                                       -> __strided_timeit((() => { SETUP; return () => { BODY }; })(), { ... })
 *   (globals.ts timeitMagic: IPython's lines and the allocation per loop on stdout unless -q; the
 *   result object only with -o, else nothing, as IPython's %timeit returns None)
 *   %time EXPR                          -> __strided_time(() => (EXPR))   (the `time` global, under a
 *   %time const x = EXPR                -> const x = __strided_time(() => (EXPR))   name users do not take)
 *   const r = %timeit -o EXPR           -> const r = __strided_timeit(() => (EXPR), { output: true });
 *   (IPython's `r = %timeit -o f()`: `const`/`let`/`var` or a bare name, `=`, a line magic)
 * A body or expression containing `await` becomes an async function, awaited.
 */
import { Error, Number } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** A parsed magic line. */
export interface Magic {
  kind: "timeit" | "cell-timeit" | "time";
  options: { number?: number; repeat?: number; precision?: number; quiet?: boolean; output?: boolean };
  /** The rest of the first line after the options (the expression, or the setup statement). */
  rest: string;
  /** Length of the magic name and options on the first line (what an editor blanks out). */
  prefixLength: number;
}

/** The cell ready for the parser, and how its lines map back to the user's cell. */
export interface Rewritten {
  code: string;
  /** 0-based line in `code` -> 0-based line in the user's cell. */
  mapLine: (line: number) => number;
}

/** A magic the kernel does not know, or bad options: IPython's UsageError. */
export class UsageError extends Error {
  override name = "UsageError";
}

const OPTION_NAMES: Record<string, "number" | "repeat" | "precision"> = { "-n": "number", "-r": "repeat", "-p": "precision" };

/**
 * Parse the magic on the first line, or null when the cell has none.
 *
 * @example
 * parseMagic("%timeit -n 10 np.ones(5)") // { kind: "timeit", options: { number: 10 }, rest: "np.ones(5)", prefixLength: 14 }
 */
export function parseMagic(cell: string): Magic | null {
  const first = cell.split("\n", 1)[0];
  const m = /^(%%?)([A-Za-z_]\w*)/.exec(first);
  if (!m) return null;
  const cellMagic = m[1] === "%%";
  const name = m[2];
  let kind: Magic["kind"];
  if (name === "timeit") kind = cellMagic ? "cell-timeit" : "timeit";
  else if (name === "time" && !cellMagic) kind = "time";
  else throw new UsageError(`${cellMagic ? "Cell" : "Line"} magic function \`${m[1]}${name}\` not found (this kernel knows %timeit, %%timeit and %time).`);
  const options: Magic["options"] = {};
  let i = m[0].length;
  // An option, then (for -n, -r, -p) its number; -q and -o take none (`-o 1+1` times `1+1`).
  const re = /\s+(-[a-z])(?=\s|\d|$)/y;
  const num = /\s*(\d+)/y;
  if (kind !== "time") {
    for (;;) {
      re.lastIndex = i;
      const o = re.exec(first);
      if (!o) break;
      const key = OPTION_NAMES[o[1]];
      if (key) {
        num.lastIndex = re.lastIndex;
        const v = num.exec(first);
        if (!v) throw new UsageError(`option ${o[1]} of %timeit needs a number, e.g. ${o[1]} 10`);
        options[key] = Number(v[1]);
        i = num.lastIndex;
        continue;
      }
      if (o[1] === "-q") options.quiet = true;
      else if (o[1] === "-o") options.output = true;
      else throw new UsageError(`unknown option ${o[1]} for %timeit (known: -n N, -r R, -p P, -q, -o)`);
      i = re.lastIndex;
    }
  }
  const restRaw = first.slice(i);
  const lead = restRaw.length - restRaw.trimStart().length;
  return { kind, options, rest: restRaw.trim(), prefixLength: i + lead };
}

function optionsText(o: Magic["options"]): string {
  const parts: string[] = [];
  if (o.number !== undefined) parts.push(`number: ${o.number}`);
  if (o.repeat !== undefined) parts.push(`repeat: ${o.repeat}`);
  if (o.precision !== undefined) parts.push(`precision: ${o.precision}`);
  if (o.quiet) parts.push("quiet: true");
  if (o.output) parts.push("output: true");
  return parts.length ? `, { ${parts.join(", ")} }` : "";
}

const hasAwait = (s: string): boolean => /\bawait\b/.test(s);
/** A line magic's text that is a statement, not an expression: a loop, a branch, a block. */
const STATEMENT_START = /^(?:(?:for|while|if|switch|try)\b|do\s*\{|\{)/;

/** The TypeScript a line magic (%timeit, %time) stands for, on one line. */
function lineMagicCode(magic: Magic): string {
  // a statement (IPython times `%time for i in range(n): ...` too): timed as a block body
  const statement = magic.rest !== "" && STATEMENT_START.test(magic.rest);
  if (magic.kind === "timeit") {
    if (!magic.rest) throw new UsageError("%timeit needs an expression to time, e.g. %timeit np.ones(1000).sum()");
    const a = hasAwait(magic.rest);
    const body = statement ? `{ ${magic.rest} }` : `(${magic.rest})`;
    return `${a ? "await " : ""}__strided_timeit(${a ? "async " : ""}() => ${body}${optionsText(magic.options)})`;
  }
  if (!magic.rest) throw new UsageError("%time needs an expression to time, e.g. %time np.ones(1000).sum()");
  if (statement) {
    const a = hasAwait(magic.rest);
    return `${a ? "await " : ""}__strided_time(${a ? "async " : ""}() => { ${magic.rest} })`;
  }
  const decl = /^(const|let|var)\s+([A-Za-z_$][\w$]*)\s*(:[^=]+)?=\s*([^]+?);?$/.exec(magic.rest);
  const expr = decl ? decl[4] : magic.rest.replace(/;$/, "");
  const a = hasAwait(expr);
  const call = `${a ? "await " : ""}__strided_time(${a ? "async " : ""}() => (${expr}))`;
  return decl ? `${decl[1]} ${decl[2]}${decl[3]?.trimEnd() ?? ""} = ${call};` : call;
}

/**
 * A line magic assigned, as IPython's `r = %timeit -o f()` and `t = %time f()`: `const`/`let`/`var`
 * (with a type) or a bare name, `=`, then `%timeit` or `%time`. Never TypeScript (`= %` cannot parse).
 */
const ASSIGNED_MAGIC = /^((?:(?:const|let|var)\s+)?[A-Za-z_$][\w$]*(?:\s*:\s*[^=%]+?)?\s*=\s*)(%(?:timeit|time)(?=\s|$))/;

/** Where the magic starts on a magic line (after the indent, and after `x = ` when assigned). */
function magicStart(text: string): number {
  const indent = text.length - text.trimStart().length;
  const assigned = ASSIGNED_MAGIC.exec(text.slice(indent));
  return indent + (assigned === null ? 0 : assigned[1].length);
}

/** Line magics (any line but a cell magic's first), rewritten in place (each ends with `;`: a next line starting with `(` must not call it). */
function rewriteLaterLineMagics(cell: string): string {
  const lines = lineMagicLines(cell);
  if (lines.length === 0) return cell;
  const all = cell.split("\n");
  for (const l of lines) {
    const text = all[l];
    const start = magicStart(text);
    const magic = parseMagic(text.slice(start));
    if (magic === null || magic.kind === "cell-timeit") continue;
    const code = lineMagicCode(magic);
    all[l] = text.slice(0, start) + code + (code.endsWith(";") ? "" : ";");
  }
  return all.join("\n");
}

type Prev = "statement" | "expression" | "operator";
const OPERATOR_WORDS = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await", "as", "satisfies", "extends"]);
/** Words that, after `%name `, continue an expression as a binary operator (`a % time in o`). */
const INFIX_WORDS = new Set(["in", "instanceof", "as", "satisfies"]);
const KNOWN_LINE_MAGICS = new Set(["timeit", "time"]);

/**
 * The 0-based lines that hold a line magic (not counting a first line that starts with `%`:
 * parseMagic's): a line whose first non-blank characters are `%` and a name (after the first
 * line), or an assigned magic (`r = %timeit -o f()`, ASSIGNED_MAGIC, any line), at a place where a
 * statement can start (the lexer's state at
 * the line's start: code, not inside a string, template literal, comment, parentheses or
 * brackets). After a line that ends an expression (`x = 1`, `f(a)`), `%name` could be the modulo
 * operator continuing it (`a\n  %b` is `a % b`): there it is a magic only for a known magic name
 * followed by a space and something no operator continuation allows (a name that is no infix
 * keyword, a number, a string, an option `-n`), so `n\n%time + 1` stays TypeScript. A `%%` line
 * is a UsageError (cell magics belong on the first line, as in IPython; `%%` is never
 * TypeScript); an unknown `%name` where a statement starts (after `;`, `{`) too.
 *
 * @example
 * lineMagicLines("x = 1\n%timeit f(x)\nconst r = a\n  % b") // [1]
 */
export function lineMagicLines(cell: string): number[] {
  const out: number[] = [];
  let prev: Prev = "statement";
  let depth = 0; // ( and [
  const braces: ("block" | "template")[] = [];
  let line = 0;
  let i = 0;
  const n = cell.length;
  let atLineStart = true;
  const inTemplateExpr = (): boolean => braces.includes("template");
  if (cell[0] === "%") {
    // The first line's magic (parseMagic's business): what follows it starts a statement.
    const end = cell.indexOf("\n");
    i = end < 0 ? n : end;
  }
  while (i < n) {
    if (atLineStart && depth === 0 && !inTemplateExpr()) {
      atLineStart = false;
      let j = i;
      while (j < n && (cell[j] === " " || cell[j] === "\t")) j++;
      if (prev !== "operator" && cell[j] !== "%") {
        // `r = %timeit -o f()`: a statement (after a line that ended one too, by ASI), never TypeScript
        const end = cell.indexOf("\n", j);
        if (ASSIGNED_MAGIC.test(cell.slice(j, end < 0 ? n : end))) {
          out.push(line);
          i = end < 0 ? n : end;
          prev = "statement";
          continue;
        }
      }
      if (cell[j] === "%" && line > 0) {
        const m = /^%(%?)([A-Za-z_]\w*)(.*)/.exec(cell.slice(j, cell.indexOf("\n", j) < 0 ? n : cell.indexOf("\n", j)));
        if (m) {
          const [, cellMagic, name, rest] = m;
          const known = KNOWN_LINE_MAGICS.has(name);
          let magic = false;
          if (cellMagic) throw new UsageError(`Cell magic \`%%${name}\` is only allowed on a cell's first line.`);
          if (!cellMagic && prev !== "expression") {
            if (!known) throw new UsageError(`Line magic function \`%${name}\` not found (this kernel knows %timeit, %%timeit and %time).`);
            magic = true;
          } else if (!cellMagic && known) {
            const arg = /^\s+(-[a-z](?=[\s\d])|[A-Za-z_$][\w$]*|[\d'"])/.exec(rest);
            magic = arg !== null && !INFIX_WORDS.has(arg[1]);
          }
          if (magic) {
            out.push(line);
            const end = cell.indexOf("\n", j);
            i = end < 0 ? n : end;
            prev = "statement";
            continue;
          }
        }
      }
    }
    atLineStart = false;
    const c = cell[i];
    if (c === "\n") {
      line++;
      atLineStart = true;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "/" && cell[i + 1] === "/") {
      while (i < n && cell[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && cell[i + 1] === "*") {
      const end = cell.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) if (cell[k] === "\n") line++;
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      while (i < n && cell[i] !== c && cell[i] !== "\n") i += cell[i] === "\\" ? 2 : 1;
      if (cell[i] === c) i++; // an unterminated string ends at its line
      prev = "expression";
      continue;
    }
    if (c === "`" || (c === "}" && braces[braces.length - 1] === "template")) {
      // A template literal's text (from its start, or from the `}` ending a `${...}` in it).
      if (c === "}") braces.pop();
      i++;
      while (i < n && cell[i] !== "`" && !(cell[i] === "$" && cell[i + 1] === "{")) {
        if (cell[i] === "\n") line++;
        i += cell[i] === "\\" ? 2 : 1;
      }
      if (cell[i] === "$") {
        braces.push("template");
        i += 2;
        prev = "operator";
      } else {
        i++;
        prev = "expression";
      }
      continue;
    }
    if (c === "/" && prev !== "expression") {
      // A regular expression literal.
      i++;
      let cls = false;
      while (i < n && cell[i] !== "\n" && (cls || cell[i] !== "/")) {
        if (cell[i] === "[") cls = true;
        else if (cell[i] === "]") cls = false;
        i += cell[i] === "\\" ? 2 : 1;
      }
      if (cell[i] !== "/") continue; // unterminated: ends at its line
      i++;
      while (i < n && /\w/.test(cell[i])) i++;
      prev = "expression";
      continue;
    }
    if (/[A-Za-z_$\d]/.test(c)) {
      let j = i;
      while (j < n && /[\w$.]/.test(cell[j]) && !(cell[j] === "." && !/\d/.test(c))) j++;
      const word = cell.slice(i, j);
      prev = OPERATOR_WORDS.has(word) ? "operator" : "expression";
      i = j;
      continue;
    }
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth = Math.max(0, depth - 1);
    else if (c === "{") braces.push("block");
    else if (c === "}") braces.pop();
    if (c === ")" || c === "]" || c === "}") prev = "expression";
    else if (c === ";" || c === "{") prev = "statement";
    else if ((c === "+" || c === "-") && cell[i + 1] === c && prev === "expression") i++; // postfix ++/--: still an expression
    else prev = "operator";
    i++;
  }
  return out;
}

/**
 * Rewrite a cell's magic (if any) into plain TypeScript. Throws UsageError for an unknown magic.
 *
 * @example
 * rewriteMagics("%time f(2)").code // "__strided_time(() => (f(2)))"
 */
export function rewriteMagics(cell: string): Rewritten {
  cell = rewriteLaterLineMagics(cell);
  const magic = parseMagic(cell);
  const identity = { code: cell, mapLine: (l: number) => l };
  if (!magic) return identity;
  const newline = cell.indexOf("\n");
  const after = newline < 0 ? "" : cell.slice(newline);
  if (magic.kind !== "cell-timeit") return { code: lineMagicCode(magic) + after, mapLine: (l) => l };
  // %%timeit: the body is timed; the rest of the first line is the setup statement, run once
  // in a scope the body sees (IPython's setup names are visible to the timed code).
  const body = newline < 0 ? "" : cell.slice(newline + 1);
  if (!body.trim()) throw new UsageError("%%timeit needs a cell body to time (the first line's rest is the setup statement)");
  const a = hasAwait(body);
  const sa = hasAwait(magic.rest);
  const lines = body.split("\n").length;
  const factory = `${sa ? "await (async " : "("}() => { ${magic.rest ? magic.rest.replace(/;?$/, ";") : ""} return ${a ? "async " : ""}() => {`;
  const code = `${a ? "await " : ""}__strided_timeit(${factory}\n${body}\n}; })()${optionsText(magic.options)});`;
  return { code, mapLine: (l) => (l <= lines ? l : 0) };
}

/**
 * The cell with its magic's name and options blanked to spaces (same offsets), for completion
 * and inspection.
 *
 * @example
 * blankMagic("%timeit np.ones(3)") // "        np.ones(3)"
 */
export function blankMagic(cell: string): string {
  let out = cell;
  try {
    const magic = parseMagic(cell);
    if (magic) out = " ".repeat(magic.prefixLength) + cell.slice(magic.prefixLength);
  } catch {
    // an unknown magic on the first line: left as typed
  }
  let lines: number[];
  try {
    lines = lineMagicLines(out);
  } catch {
    return out;
  }
  if (lines.length === 0) return out;
  const all = out.split("\n");
  for (const l of lines) {
    const text = all[l];
    const start = magicStart(text);
    const magic = parseMagic(text.slice(start));
    if (magic) all[l] = text.slice(0, start) + " ".repeat(magic.prefixLength) + text.slice(start + magic.prefixLength);
  }
  return all.join("\n");
}
