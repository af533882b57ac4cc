/**
 * The values of an array as HTML: a row (1-D), a grid (2-D), or grids labelled with their leading
 * indices (n-D), summarised past NumPy's threshold with its `...` and edgeitems, and capped so a
 * huge array never makes a huge page (at most MAX_BLOCKS grids; the grid scrolls in a fixed box).
 */
import type { NDArray } from "../core/ndarray.js";
import { escapeHtml, ROW, THEME } from "./html.js";
import { axisPicks, THRESHOLD, valueAt, type Pick } from "./walk.js";

/** Largest number of 2-D blocks drawn for an n-D array. */
export const MAX_BLOCKS = 8;

/**
 * One element as text (booleans as True/False; floats with up to 8 significant digits and a
 * trailing `.` when whole, as NumPy prints them).
 *
 * @example
 * formatValue(1, "float64")  // "1."
 * formatValue(0.1 + 0.2, "float64") // "0.3"
 * formatValue(true, "bool")  // "True"
 */
export function formatValue(v: number | boolean, dtype: string): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (dtype !== "float32" && dtype !== "float64") return String(v);
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1e8) return `${Object.is(v, -0) ? "-0" : v}.`;
  // NumPy switches to scientific notation at 1e8 and below 1e-4
  if (a >= 1e8 || (a < 1e-4 && a !== 0)) {
    const [m, e] = v.toExponential(7).split("e");
    const mant = m.replace(/0+$/, "").replace(/\.$/, ".");
    const exp = Number(e);
    return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(Number(v.toPrecision(8)));
}

const CELL = `padding:1px 6px;text-align:right;border:1px solid ${THEME.border};font-family:${THEME.mono};white-space:nowrap`;
const HEAD = `padding:0 6px;text-align:right;color:${THEME.faint};font-size:85%;font-family:${THEME.mono};font-weight:normal;border:none`;
const GAP = `padding:1px 6px;text-align:center;color:${THEME.faint};border:1px dashed ${THEME.border};font-family:${THEME.mono}`;

function cell(a: NDArray, index: readonly number[]): string {
  return `<td class="v" style="${CELL}">${escapeHtml(formatValue(valueAt(a, index), a.dtype))}</td>`;
}

/** A 2-D grid of a's last two axes (or a row for 1-D) at the given leading index. */
function grid(a: NDArray, lead: readonly number[], summarise: boolean): string {
  const nd = a.ndim;
  const rows: Pick[] = nd >= 2 ? axisPicks(a.shape[nd - 2], summarise) : [0];
  const cols: Pick[] = axisPicks(a.shape[nd - 1], summarise);
  const colHead = cols.map((c) => `<th style="${HEAD}">${c === "gap" ? "" : c}</th>`).join("");
  const head = `<tr style="${ROW}">${nd >= 2 ? `<th style="${HEAD}"></th>` : ""}${colHead}</tr>`;
  const body = rows
    .map((r) => {
      const rowHead = nd >= 2 ? `<th style="${HEAD}">${r === "gap" ? "\u22ee" : r}</th>` : "";
      const tds = cols
        .map((c) => {
          if (r === "gap" || c === "gap") return `<td class="gap" style="${GAP}">${r === "gap" && c === "gap" ? "\u22f1" : r === "gap" ? "\u22ee" : "\u2026"}</td>`;
          return cell(a, nd >= 2 ? [...lead, r, c] : [...lead, c]);
        })
        .join("");
      return `<tr style="${ROW}">${rowHead}${tds}</tr>`;
    })
    .join("");
  return `<table class="strided-values" style="border-collapse:collapse;margin:2px 0">${head}${body}</table>`;
}

/** Every leading index (axes 0..ndim-3) a summarised view shows, with gaps, in C order. */
function leadingPicks(a: NDArray, summarise: boolean): Pick[][] {
  let out: Pick[][] = [[]];
  for (let k = 0; k < a.ndim - 2; k++) {
    const picks = axisPicks(a.shape[k], summarise);
    const next: Pick[][] = [];
    for (const prefix of out) {
      if (prefix.includes("gap")) {
        next.push([...prefix, "gap"]);
        continue;
      }
      for (const p of picks) next.push([...prefix, p]);
    }
    out = next;
  }
  return out;
}

/**
 * The values block of the card.
 *
 * @example
 * valuesHtml(np.arange(3)) // '<table class="strided-values" ...><td class="v" ...>0</td>...'
 */
export function valuesHtml(a: NDArray): string {
  if (a.size === 0) return `<div style="color:${THEME.muted};font-family:${THEME.mono}">[] (no elements)</div>`;
  if (a.ndim === 0) return `<table class="strided-values" style="border-collapse:collapse"><tr style="${ROW}">${cell(a, [])}</tr></table>`;
  const summarise = a.size > THRESHOLD;
  if (a.ndim <= 2) return grid(a, [], summarise);
  const blocks: string[] = [];
  const leads = leadingPicks(a, summarise);
  let shown = 0;
  for (const lead of leads) {
    if (shown >= MAX_BLOCKS) {
      const rest = leads.length - shown;
      blocks.push(`<div style="color:${THEME.muted};font-size:90%">\u2026 ${rest} more block${rest === 1 ? "" : "s"} not drawn</div>`);
      break;
    }
    const label = `[${lead.map((p) => (p === "gap" ? "\u2026" : String(p))).join(", ")}, :, :]`;
    if (lead.includes("gap")) {
      blocks.push(`<div class="gap" style="color:${THEME.faint};font-family:${THEME.mono}">${escapeHtml(label)}</div>`);
      continue;
    }
    blocks.push(`<div style="color:${THEME.muted};font-family:${THEME.mono};font-size:85%;margin-top:4px">${escapeHtml(label)}</div>` + grid(a, lead as number[], summarise));
    shown++;
  }
  return blocks.join("");
}
