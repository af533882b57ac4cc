/**
 * Index strings: NumPy's subscript syntax written as a string, `"1:3, ::-1"`, `"..., None"`.
 *
 * Rule: a string is split at commas into parts; each part is an integer (`-1`), a slice
 * `start:stop:step` with any field empty (`::2`, `1:`), `...`, or `None` (also `newaxis`,
 * `np.newaxis`). A trailing comma is allowed as in Python (`"1,"`). Anything else is an
 * IndexError that names the bad part and shows a valid index. Cost: O(length of the string).
 */
import { IndexError } from "../core/errors.js";

/** One component of a basic index. */
export type BasicPart =
  | { readonly kind: "int"; readonly value: number }
  | { readonly kind: "slice"; readonly start: number | null; readonly stop: number | null; readonly step: number | null }
  | { readonly kind: "ellipsis" }
  | { readonly kind: "newaxis" };

const INT = /^[+-]?\d+$/;

function badPart(part: string, whole: string): IndexError {
  return new IndexError(
    `invalid index '${part}' in '${whole}': each comma-separated part must be an integer, a slice start:stop:step, '...' or 'None' (for example a.get("1:3, ::-1") or a.get("..., None"))`,
  );
}

function parseInt10(s: string, part: string, whole: string): number | null {
  const t = s.trim();
  if (t === "") return null;
  if (!INT.test(t)) throw badPart(part, whole);
  return Number(t);
}

/**
 * Parse an index string into its parts.
 *
 * @example
 * parseIndex("1:3, ::-1") // [{ kind: "slice", start: 1, stop: 3, step: null }, { kind: "slice", start: null, stop: null, step: -1 }]
 * parseIndex("..., None") // [{ kind: "ellipsis" }, { kind: "newaxis" }]
 */
export function parseIndex(text: string): readonly BasicPart[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const parts = Object.freeze(parseUncached(text));
  if (cache.size >= 512) cache.clear();
  cache.set(text, parts);
  return parts;
}

/** Parsed index strings (cells index in loops with the same few strings). Parts are frozen, so sharing is safe. */
const cache = new Map<string, readonly BasicPart[]>();

function parseUncached(text: string): BasicPart[] {
  const pieces = text.split(",");
  if (pieces.length > 1 && pieces[pieces.length - 1].trim() === "") pieces.pop();
  const out: BasicPart[] = [];
  for (const raw of pieces) {
    const p = raw.trim();
    if (p === "...") out.push({ kind: "ellipsis" });
    else if (p === "None" || p === "newaxis" || p === "np.newaxis") out.push({ kind: "newaxis" });
    else if (INT.test(p)) out.push({ kind: "int", value: Number(p) });
    else if (p.includes(":")) {
      const f = p.split(":");
      if (f.length > 3) throw badPart(p, text);
      out.push({
        kind: "slice",
        start: parseInt10(f[0], p, text),
        stop: parseInt10(f[1], p, text),
        step: f.length === 3 ? parseInt10(f[2], p, text) : null,
      });
    } else throw badPart(p, text);
  }
  return out;
}
