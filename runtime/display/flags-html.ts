/**
 * `a.flags` as a small HTML table: NumPy's six flag names and True/False, coloured.
 */
import { flagEntries, type Flags } from "../core/flags.js";
import { ROW, THEME } from "./html.js";

/**
 * The table.
 *
 * @example
 * flagsHtml(np.zeros(3).flags) // '<table class="strided-flags" ...><tr ...><th ...>C_CONTIGUOUS</th><td ...>True</td></tr>...</table>'
 */
export function flagsHtml(f: Flags): string {
  const tr = flagEntries(f)
    .map(
      ([name, on]) =>
        `<tr style="${ROW}"><th style="text-align:left;padding:1px 12px 1px 0;font-weight:normal;color:${THEME.muted};border:none">${name}</th>` +
        `<td class="flag-${on ? "on" : "off"}" style="padding:1px 0;border:none;font-weight:bold;color:${on ? THEME.ok : THEME.faint}">${on ? "True" : "False"}</td></tr>`,
    )
    .join("");
  return `<table class="strided-flags" style="border-collapse:collapse;font-family:${THEME.mono};font-size:13px;color:${THEME.fg}">${tr}</table>`;
}
