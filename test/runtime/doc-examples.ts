/**
 * The doc-example runner's parts (used by doc-examples.test.ts, tested by doc-examples-runner.test.ts):
 * extracting `@example` blocks from doc comments, turning `expression // result` lines into checks,
 * and comparing a value with the result text.
 *
 * Format (HELPERS.md): each line of an example is run in order; a line `expression // result` also
 * checks the value: `array(...)` is compared with NumPy's repr as the runtime prints it, `[...]`
 * with NumPy's str when the value is an NDArray, anything else as a JS literal (numbers incl. NaN,
 * booleans, strings in quotes, arrays, objects); `// throws Name: message` expects that error.
 * Line breaks inside a printed array compare as one space; text after the result in parentheses,
 * `// [2, 4]  (a copy)`, is a remark. A line whose code is a statement (`const x = ...;`, or one
 * ending in `;`) keeps its comment as a remark. A doc comment holding the tag `@noexamplerun
 * <reason>` is not run (files, timing, display) and is counted.
 */
import { inspect } from "node:util";
import { NDArray } from "../../runtime/core/ndarray.js";

/** One `@example` block: where it is and its lines. */
export interface ExampleBlock {
  file: string;
  line: number;
  lines: string[];
  /** The reason given with `@noexamplerun`, or null when the block runs. */
  skip: string | null;
}

/**
 * Every `@example` block in a source file's doc comments.
 *
 * @example
 * extractExamples("f.ts", "/** x\n * @example\n * f(1) // 2\n *\/")[0].lines // ["f(1) // 2"]
 */
export function extractExamples(file: string, source: string): ExampleBlock[] {
  const out: ExampleBlock[] = [];
  const re = /\/\*\*([\s\S]*?)\*\//g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    const startLine = source.slice(0, m.index).split("\n").length;
    const body = m[1].split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
    const skipLine = body.find((l) => /@noexamplerun\b/.test(l));
    const skip = skipLine === undefined ? null : skipLine.replace(/.*@noexamplerun\s*/, "").trim() || "no reason given";
    for (let i = 0; i < body.length; i++) {
      const at = body[i].indexOf("@example");
      if (at < 0) continue;
      const lines: string[] = [];
      const inline = body[i].slice(at + "@example".length).trim();
      if (inline !== "") lines.push(inline.replace(/\s*\*\/?$/, ""));
      let j = i + 1;
      for (; j < body.length; j++) {
        if (/^\s*@\w/.test(body[j])) break;
        lines.push(body[j]);
      }
      const trimmed = lines.map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
      if (trimmed.length > 0) out.push({ file, line: startLine + i, lines: trimmed, skip });
      i = j - 1;
    }
  }
  return out;
}

/** The index of the ` // ` that starts the line's comment (outside string literals), or -1. */
export function commentStart(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== null) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "/" && line[i + 1] === "/") return i;
  }
  return -1;
}

const STATEMENT = /^(const|let|var|if|for|while|function|class|import|export|return|throw|await\s+\w+\s*=)\b/;

/** A line split into code and (for an expression line) the result text to check. */
export interface ExampleLine {
  code: string;
  expected: string | null;
}

/** Strip a remark after the result: `[2, 4]  (a copy)` gives `[2, 4]`; an `array(...)` keeps its own parentheses. */
export function stripRemark(text: string): string {
  const t = text.trim();
  if (t.startsWith("array(")) {
    let depth = 0;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === "(") depth++;
      else if (t[i] === ")" && --depth === 0) return t.slice(0, i + 1);
    }
    return t;
  }
  if (t.startsWith("throws ")) return t;
  return t.replace(/\s+\(.*\)$/, "");
}

/**
 * Split an example line into its code and the result it claims (null when it claims none).
 *
 * @example
 * splitLine("np.arange(3) // array([0, 1, 2])") // { code: "np.arange(3)", expected: "array([0, 1, 2])" }
 */
export function splitLine(line: string): ExampleLine {
  const at = commentStart(line);
  if (at < 0) return { code: line, expected: null };
  const code = line.slice(0, at).trimEnd();
  const comment = line.slice(at + 2).trim();
  if (code === "" || STATEMENT.test(code.trim()) || code.endsWith(";") || comment === "") return { code, expected: null };
  return { code, expected: stripRemark(comment) };
}

/** Printed arrays: a line break with its indentation counts as one space. */
function flat(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

const TYPED = /^(Int8|Uint8|Int16|Uint16|Int32|Uint32|Float32|Float64|BigInt64|BigUint64)Array\s*(\(\d+\))?\s*(\[.*\])$/;

/**
 * Parse a JS literal result (numbers incl. NaN and Infinity, booleans, null, strings, arrays,
 * objects with bare keys) without running code.
 *
 * @example
 * parseLiteral("{ a: [1, NaN], b: 'x' }") // { a: [1, NaN], b: "x" }
 */
export function parseLiteral(text: string): unknown {
  let i = 0;
  const s = text;
  const ws = (): void => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`not a JS literal: ${text}`);
  };
  const value = (): unknown => {
    ws();
    const ch = s[i];
    if (ch === "[") {
      i++;
      const arr: unknown[] = [];
      ws();
      if (s[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (s[i] === ",") {
          i++;
          ws();
          if (s[i] === "]") {
            i++;
            return arr;
          }
          continue;
        }
        if (s[i] === "]") {
          i++;
          return arr;
        }
        fail();
      }
    }
    if (ch === "{") {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (s[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        let key: string;
        if (s[i] === '"' || s[i] === "'") key = value() as string;
        else {
          const m = /^[A-Za-z_$][\w$]*/.exec(s.slice(i));
          if (m === null) return fail();
          key = m[0];
          i += key.length;
        }
        ws();
        if (s[i] !== ":") fail();
        i++;
        obj[key] = value();
        ws();
        if (s[i] === ",") {
          i++;
          ws();
          if (s[i] === "}") {
            i++;
            return obj;
          }
          continue;
        }
        if (s[i] === "}") {
          i++;
          return obj;
        }
        fail();
      }
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let out = "";
      while (j < s.length && s[j] !== ch) {
        if (s[j] === "\\") {
          j++;
          out += s[j] === "n" ? "\n" : s[j];
        } else out += s[j];
        j++;
      }
      if (j >= s.length) fail();
      i = j + 1;
      return out;
    }
    const m = /^(-?Infinity|NaN|true|false|null|undefined|-?\d+n|[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?)/i.exec(s.slice(i));
    if (m === null) return fail();
    i += m[0].length;
    const w = m[0];
    if (w === "true") return true;
    if (w === "false") return false;
    if (w === "null") return null;
    if (w === "undefined") return undefined;
    if (w.endsWith("n")) return BigInt(w.slice(0, -1));
    return Number(w);
  };
  const v = value();
  ws();
  if (i !== s.length) fail();
  return v;
}

/** How a value differs from the claimed result: null when it agrees, else a description. */
export function compareResult(value: unknown, expected: string, repr: (a: NDArray) => string): string | null {
  if (value instanceof NDArray) {
    if (expected.startsWith("array(")) {
      const got = flat(repr(value));
      return got === flat(expected) ? null : `repr is ${got}`;
    }
    if (expected.startsWith("[")) {
      const got = flat(String(value));
      return got === flat(expected) ? null : `str is ${got}`;
    }
    return `an NDArray, printed ${flat(repr(value))}`;
  }
  if (Array.isArray(value) && value.some((v) => v instanceof NDArray) && expected.startsWith("[")) {
    // a JS array of arrays (NumPy's tuple of arrays): each printed by its repr
    const got = `[${value.map((v) => (v instanceof NDArray ? flat(repr(v)) : inspect(v))).join(", ")}]`;
    return got === flat(expected) ? null : `printed ${got}`;
  }
  const typed = TYPED.exec(expected);
  if (typed !== null && ArrayBuffer.isView(value)) {
    const want = parseLiteral(typed[3]) as unknown[];
    const name = `${typed[1]}Array`;
    const got = Array.from(value as unknown as ArrayLike<unknown>);
    return value.constructor.name === name && deepEqual(got, want) ? null : `${inspect(value)}`;
  }
  let want: unknown;
  try {
    want = parseLiteral(expected);
  } catch (e) {
    return (e as Error).message;
  }
  if (typeof value === "string" && typeof want === "string" && want.includes("...")) {
    return elided(want).test(value) ? null : inspect(value);
  }
  return deepEqual(value, want) ? null : inspect(value, { depth: 6 });
}

/** Deep equality with NaN equal to NaN and -0 equal to 0 (results are written as JS literals). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b) || a === b;
}

/**
 * The JS body that runs a block: each checked line becomes `await __check(n, async () => (code), expected)`,
 * a `throws` line `await __throws(n, async () => { code }, text)`, other lines run as written.
 */
export function blockProgram(lines: readonly string[]): string {
  return lines
    .map((raw, n) => {
      const { code, expected } = splitLine(raw);
      if (expected === null) return code;
      const body = code.replace(/;\s*$/, "");
      if (expected.startsWith("throws")) return `await __throws(${n}, async () => { ${body}; }, ${JSON.stringify(expected)});`;
      const cut = lastStatementEnd(body);
      const [before, expr] = cut < 0 ? ["", body] : [body.slice(0, cut + 1), body.slice(cut + 1)];
      return `${before} await __check(${n}, async () => (${expr.trim()}), ${JSON.stringify(expected)});`;
    })
    .join("\n");
}

/**
 * The index of the last `;` outside brackets and strings (the line's statements before its final
 * expression), or -1.
 *
 * @example
 * lastStatementEnd("np.random.seed(0); np.random.rand()") // 17
 */
export function lastStatementEnd(code: string): number {
  let depth = 0;
  let quote: string | null = null;
  let last = -1;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (quote !== null) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === ";" && depth === 0) last = i;
  }
  return last;
}

/**
 * A string result with `...` in it: each `...` stands for any text (as a doctest's ELLIPSIS), the
 * rest must match exactly.
 *
 * @example
 * elided("<b ...>x</b>").test('<b class="c">x</b>') // true
 */
export function elided(want: string): RegExp {
  const parts = want.split("...").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*")}$`);
}
