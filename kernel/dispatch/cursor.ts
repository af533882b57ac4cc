/**
 * Cursor positions: the Jupyter protocol counts Unicode code points (messaging spec 5.2+,
 * "cursor_pos is the position in unicode characters"); JavaScript strings count UTF-16 code
 * units. An astral character (emoji, U+1F600) is one code point and two code units.
 *
 * Cost: O(length of the prefix) per conversion. Positions past the end clamp to the end, and a
 * UTF-16 offset that falls inside a surrogate pair counts the whole pair as reached.
 */
import { Math } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/**
 * The UTF-16 offset of code point number `cp` in `text`.
 *
 * @example
 * codePointToUtf16("😀x", 1); // 2
 */
export function codePointToUtf16(text: string, cp: number): number {
  let cps = 0;
  let i = 0;
  while (i < text.length && cps < cp) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    cps++;
  }
  return i;
}

/**
 * The number of code points in the first `offset` UTF-16 code units of `text`.
 *
 * @example
 * utf16ToCodePoint("😀x", 2); // 1
 */
export function utf16ToCodePoint(text: string, offset: number): number {
  const end = Math.min(Math.max(offset, 0), text.length);
  let cps = 0;
  let i = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    cps++;
  }
  return cps;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
