/**
 * `np.s_` and `np.index_exp`: index expressions built with NumPy's subscript syntax, to keep in a
 * variable and use later with `a.get(...)` / `a.set(...)`.
 *
 * Decision (JavaScript has no slice objects): the subscript is written as the index string
 * itself, `np.s_["1:3, ::2"]`, and checked at once with the index parser (parse.ts), so a typo
 * fails where it is written. `np.s_[...]` gives that string back (`a.get(np.s_["1:3"])` is
 * `a.get("1:3")`); `np.index_exp[...]` gives the list of its comma-separated parts, always a list
 * as NumPy's index_exp always gives a tuple (`a.get(...np.index_exp["1:3, 0"])`). Cost: one
 * parse per access (cached by the parser).
 */
import { parseIndex } from "./parse.js";
import { subscriptable } from "./subscript.js";

/** The type of `np.s_`: an index string holding `:`, `...` or `None` stays a view index for `a.get`. */
export interface IndexExpression {
  readonly [key: `${string}:${string}`]: `${string}:${string}`;
  readonly [key: `${string}...${string}`]: `${string}...${string}`;
  readonly [key: `${string}None${string}`]: `${string}None${string}`;
  readonly [key: string]: string;
}

/** Split an index string at its top-level commas (after checking it parses). */
function parts(key: string): string[] {
  parseIndex(key);
  const pieces = key.split(",").map((p) => p.trim());
  if (pieces.length > 1 && pieces[pieces.length - 1] === "") pieces.pop();
  return pieces;
}

/**
 * NumPy's `np.s_`: `np.s_["1:3, ::2"]` is the index string `"1:3, ::2"`, checked, for `a.get`.
 *
 * @example
 * const sl = np.s_["::2, 1"];
 * sl // "::2, 1"
 * np.arange(12).reshape(3, 4).get(sl) // array([1, 9])
 */
export const s_: IndexExpression = subscriptable("np.s_", (key) => {
  parseIndex(key);
  return key;
}) as IndexExpression;

/**
 * NumPy's `np.index_exp`: the parts of an index string as a list (NumPy's tuple), for `a.get(...)`.
 *
 * @example
 * np.index_exp["1:3, 0"] // ["1:3", "0"]
 * np.index_exp["2::2"] // ["2::2"]
 * np.arange(12).reshape(3, 4).get(...np.index_exp["1:, 0"]) // array([4, 8])
 */
export const index_exp: { readonly [key: string]: string[] } = subscriptable("np.index_exp", parts);

