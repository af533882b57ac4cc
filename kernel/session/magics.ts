/**
 * The magics stage: IPython's magics on a cell's first line, rewritten into TypeScript calls of
 * the kernel globals, keeping every other line where it was (so line numbers still match).
 *
 *   %timeit [-n N] [-r R] [-p P] EXPR   -> timeit(() => (EXPR), { number: N, repeat: R, precision: P })
 *   %%timeit [-n N] [-r R] [SETUP]      -> timeit((() => { SETUP; return () => { BODY }; })(), { ... })
 *   %time EXPR                          -> __strided_time(() => (EXPR))   (the `time` global, under a
 *   %time const x = EXPR                -> const x = __strided_time(() => (EXPR))   name users do not take)
 * A body or expression containing `await` becomes an async function, awaited.
 */
import { Error, Number } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** A parsed magic line. */
export interface Magic {
  kind: "timeit" | "cell-timeit" | "time";
  options: { number?: number; repeat?: number; precision?: number };
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
  const re = /\s+(-[a-z])(?:\s*(\d+))?/y;
  if (kind !== "time") {
    for (;;) {
      re.lastIndex = i;
      const o = re.exec(first);
      if (!o) break;
      const key = OPTION_NAMES[o[1]];
      if (key) {
        if (o[2] === undefined) throw new UsageError(`option ${o[1]} of %timeit needs a number, e.g. ${o[1]} 10`);
        options[key] = Number(o[2]);
      } else if (o[1] !== "-q" && o[1] !== "-o") throw new UsageError(`unknown option ${o[1]} for %timeit (known: -n N, -r R, -p P, -q, -o)`);
      else if (o[2] !== undefined) break; // "-q 5": not an option after all
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
  return parts.length ? `, { ${parts.join(", ")} }` : "";
}

const hasAwait = (s: string): boolean => /\bawait\b/.test(s);

/**
 * Rewrite a cell's magic (if any) into plain TypeScript. Throws UsageError for an unknown magic.
 *
 * @example
 * rewriteMagics("%time f(2)").code // "__strided_time(() => (f(2)))"
 */
export function rewriteMagics(cell: string): Rewritten {
  const magic = parseMagic(cell);
  const identity = { code: cell, mapLine: (l: number) => l };
  if (!magic) return identity;
  const newline = cell.indexOf("\n");
  const after = newline < 0 ? "" : cell.slice(newline);
  if (magic.kind === "timeit") {
    if (!magic.rest) throw new UsageError("%timeit needs an expression to time, e.g. %timeit np.ones(1000).sum()");
    const a = hasAwait(magic.rest);
    return { code: `${a ? "await " : ""}timeit(${a ? "async " : ""}() => (${magic.rest})${optionsText(magic.options)})${after}`, mapLine: (l) => l };
  }
  if (magic.kind === "time") {
    if (!magic.rest) throw new UsageError("%time needs an expression to time, e.g. %time np.ones(1000).sum()");
    const decl = /^(const|let|var)\s+([A-Za-z_$][\w$]*)\s*(:[^=]+)?=\s*([^]+?);?$/.exec(magic.rest);
    const expr = decl ? decl[4] : magic.rest.replace(/;$/, "");
    const a = hasAwait(expr);
    const call = `${a ? "await " : ""}__strided_time(${a ? "async " : ""}() => (${expr}))`;
    return { code: (decl ? `${decl[1]} ${decl[2]}${decl[3]?.trimEnd() ?? ""} = ${call};` : call) + after, mapLine: (l) => l };
  }
  // %%timeit: the body is timed; the rest of the first line is the setup statement, run once
  // in a scope the body sees (IPython's setup names are visible to the timed code).
  const body = newline < 0 ? "" : cell.slice(newline + 1);
  if (!body.trim()) throw new UsageError("%%timeit needs a cell body to time (the first line's rest is the setup statement)");
  const a = hasAwait(body);
  const sa = hasAwait(magic.rest);
  const lines = body.split("\n").length;
  const factory = `${sa ? "await (async " : "("}() => { ${magic.rest ? magic.rest.replace(/;?$/, ";") : ""} return ${a ? "async " : ""}() => {`;
  const code = `${a ? "await " : ""}timeit(${factory}\n${body}\n}; })()${optionsText(magic.options)});`;
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
  let magic: Magic | null;
  try {
    magic = parseMagic(cell);
  } catch {
    return cell;
  }
  if (!magic) return cell;
  return " ".repeat(magic.prefixLength) + cell.slice(magic.prefixLength);
}
