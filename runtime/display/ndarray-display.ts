/**
 * Arrays display themselves: NDArray.prototype[Symbol.for("Jupyter.display")] returns
 * { "text/plain": NumPy's repr, "text/html": the card } (the protocol Deno's kernel uses; the
 * kernel's toMimeBundle calls it). Flags get an HTML table beside their NumPy text.
 */
import { NDArray } from "../core/ndarray.js";
import { Flags } from "../core/flags.js";
import { arrayCardHtml } from "./card.js";
import { flagsHtml } from "./flags-html.js";
import { plainText } from "./plain.js";

import { DISPLAY, type TextBundle } from "./protocol.js";
import type { Kind } from "../core/rank.js";

export type { TextBundle };

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * Jupyter's display protocol: NumPy's repr as text/plain and the array's card as text/html.
     *
     * @example
     * np.arange(3)[Symbol.for("Jupyter.display")]()["text/plain"] // "array([0, 1, 2])"
     */
    [DISPLAY](): TextBundle;
  }
}

/**
 * The bundle of an array.
 *
 * @example
 * arrayBundle(np.arange(3))["text/plain"] // "array([0, 1, 2])"
 */
export function arrayBundle(a: NDArray): TextBundle {
  return { "text/plain": plainText(a), "text/html": arrayCardHtml(a) };
}

/**
 * The bundle of `a.flags`: NumPy's text and a small table.
 *
 * @example
 * flagsBundle(np.zeros(3).flags)["text/plain"] // "  C_CONTIGUOUS : True\n  F_CONTIGUOUS : True\n  OWNDATA : True\n ..."
 */
export function flagsBundle(f: Flags): TextBundle {
  return { "text/plain": f.toString(), "text/html": flagsHtml(f) };
}

Object.defineProperty(NDArray.prototype, DISPLAY, {
  value: function (this: NDArray): TextBundle {
    return arrayBundle(this);
  },
  configurable: true,
  writable: true,
});

Object.defineProperty(Flags.prototype, DISPLAY, {
  value: function (this: Flags): TextBundle {
    return flagsBundle(this);
  },
  configurable: true,
  writable: true,
});
