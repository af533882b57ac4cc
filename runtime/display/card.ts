/**
 * The HTML card of an array: dtype, shape, strides in bytes, the six flags, whether it owns its
 * memory or is a view (of which owner, reaching which bytes [lo, hi) of a buffer of N bytes),
 * nbytes, and the values. Static markup, inline styles, theme variables (runtime/display/html.ts).
 */
import type { NDArray } from "../core/ndarray.js";
import { flagEntries } from "../core/flags.js";
import { escapeHtml, humanBytes, ROW, THEME, tupleText } from "./html.js";
import { valuesHtml } from "./values.js";
import { bufferBytes, byteRange } from "./walk.js";

const LABEL = `padding:1px 10px 1px 0;color:${THEME.muted};text-align:left;vertical-align:top;font-weight:normal;white-space:nowrap;border:none`;
const VALUE = `padding:1px 0;text-align:left;font-family:${THEME.mono};border:none`;

/**
 * The flags as small chips: a filled chip for True, an outlined (struck) one for False.
 *
 * @example
 * flagChips([["OWNDATA", true]]) // '<span class="flag flag-on" title="OWNDATA : True" ...>OWNDATA</span>'
 */
export function flagChips(entries: readonly [string, boolean][]): string {
  return entries
    .map(([name, on]) => {
      const style = on
        ? `background:${THEME.accent};color:#fff;border:1px solid ${THEME.accent}`
        : `color:${THEME.faint};border:1px solid ${THEME.border};text-decoration:line-through`;
      return `<span class="flag flag-${on ? "on" : "off"}" title="${name} : ${on ? "True" : "False"}" style="${style};border-radius:3px;padding:0 4px;margin:0 3px 2px 0;font-size:80%;display:inline-block;font-family:${THEME.mono}">${name}</span>`;
    })
    .join("");
}

/**
 * The memory line: owner, or view of which owner, and the bytes reached.
 *
 * @example
 * memoryText(np.arange(10).get("2:8:2")) // "view of array (10,) int32 — reaches bytes [8, 28) of its buffer of 40 bytes"
 */
export function memoryText(a: NDArray): string {
  const [lo, hi] = byteRange(a);
  const n = bufferBytes(a);
  const reach = a.size === 0 ? "reaches no bytes" : `reaches bytes [${lo}, ${hi})`;
  if (a.base === null) return `owner \u2014 ${reach} of its buffer of ${n} bytes`;
  return `view of array ${tupleText(a.base.shape)} ${a.base.dtype} \u2014 ${reach} of its buffer of ${n} bytes`;
}

/**
 * The card.
 *
 * @example
 * arrayCardHtml(np.arange(6).reshape(2, 3).T)
 * // '<div class="strided-card" ...>... view of array (6,) int32 — reaches bytes [0, 24) of its buffer of 24 bytes ...'
 */
export function arrayCardHtml(a: NDArray): string {
  const row = (label: string, value: string, cls: string): string =>
    `<tr class="${cls}" style="${ROW}"><th style="${LABEL}">${label}</th><td style="${VALUE}">${value}</td></tr>`;
  const kind = a.base === null ? "owner" : "view";
  const meta =
    row("dtype", `${escapeHtml(a.dtype)} <span style="color:${THEME.muted}">(itemsize ${a.itemsize})</span>`, "dtype") +
    row("shape", `${tupleText(a.shape)} <span style="color:${THEME.muted}">(ndim ${a.ndim}, size ${a.size})</span>`, "shape") +
    row("strides", `${tupleText(a.strides)} <span style="color:${THEME.muted}">bytes</span>`, "strides") +
    row("memory", escapeHtml(memoryText(a)), "memory") +
    row("nbytes", `${a.nbytes}${a.nbytes >= 1024 ? ` <span style="color:${THEME.muted}">(${humanBytes(a.nbytes)})</span>` : ""}`, "nbytes") +
    row("flags", flagChips(flagEntries(a.flags)), "flags");
  const badge = `<span style="background:${kind === "owner" ? THEME.ok : THEME.accent2};color:#fff;border-radius:3px;padding:0 5px;font-size:80%;margin-left:6px">${kind}</span>`;
  return (
    `<div class="strided-card strided-${kind}" style="font-family:${THEME.ui};font-size:13px;color:${THEME.fg};background:${THEME.bg};border:1px solid ${THEME.border};border-radius:4px;padding:6px 10px;display:inline-block;max-width:100%;box-sizing:border-box">` +
    `<div style="margin-bottom:4px"><b style="font-family:${THEME.mono}">ndarray</b> <span style="font-family:${THEME.mono}">${tupleText(a.shape)} ${escapeHtml(a.dtype)}</span>${badge}</div>` +
    `<table style="border-collapse:collapse;margin-bottom:4px">${meta}</table>` +
    `<div class="strided-values-box" style="max-width:640px;max-height:260px;overflow:auto">${valuesHtml(a)}</div>` +
    `</div>`
  );
}
