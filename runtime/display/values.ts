/**
 * The values of an array as HTML: a row (1-D), a grid (2-D), or grids labelled with their leading
 * indices (n-D), summarised past NumPy's threshold with its `...` and edgeitems (np.set_printoptions
 * applies), and capped so a huge array never makes a huge page (at most MAX_BLOCKS grids; the grid
 * scrolls in a fixed box). Each value is written by NumPy's formatter for the values shown
 * (runtime/print), so the cells read as the repr does (`1.5e+08` style kicks in for all at once).
 */
import type { NDArray } from "../core/ndarray.js";
import { makeFormatter, type ElementFormatter } from "../print/formatters.js";
import { printOptions } from "../print/options.js";
import { escapeHtml, ROW, THEME } from "./html.js";
import { axisPicks, valueAt, type Pick } from "./walk.js";

/** Largest number of 2-D blocks drawn for an n-D array. */
export const MAX_BLOCKS = 8;

/** A long 1-D row wraps into rows of this many cells (the row header gives the first index). */
export const WRAP = 16;

// font and white-space are set once on the table; cells carry only what does not inherit
const TABLE = `border-collapse:collapse;margin:2px 0;font-family:${THEME.mono};white-space:nowrap`;
const CELL = `padding:1px 6px;text-align:right;border:1px solid ${THEME.border}`;
const HEAD = `padding:0 6px;text-align:right;color:${THEME.faint};font-size:85%;font-weight:normal;border:none`;
const GAP = `padding:1px 6px;text-align:center;color:${THEME.faint};border:1px dashed ${THEME.border}`;

function cell(a: NDArray, index: readonly number[], fmt: ElementFormatter): string {
  const v = valueAt(a, index);
  return `<td class="v" style="${CELL}">${escapeHtml(fmt(typeof v === "boolean" ? Number(v) : v).trim())}</td>`;
}

/** A 2-D grid of a's last two axes (or a row for 1-D) at the given leading index. */
function grid(a: NDArray, lead: readonly number[], summarise: boolean, fmt: ElementFormatter, edge: number, visit?: (index: number[]) => void): string {
  const nd = a.ndim;
  const rows: Pick[] = nd >= 2 ? axisPicks(a.shape[nd - 2], summarise, edge) : [0];
  const cols: Pick[] = axisPicks(a.shape[nd - 1], summarise, edge);
  if (visit) {
    for (const r of rows) for (const c of cols) if (r !== "gap" && c !== "gap") visit(nd >= 2 ? [...lead, r, c] : [...lead, c]);
    return "";
  }
  if (nd === 1 && cols.length > WRAP) return wrappedRow(a, lead, cols as number[], fmt);
  const colHead = cols.map((c) => `<th style="${HEAD}">${c === "gap" ? "" : c}</th>`).join("");
  const head = `<tr style="${ROW}">${nd >= 2 ? `<th style="${HEAD}"></th>` : ""}${colHead}</tr>`;
  const body = rows
    .map((r) => {
      const rowHead = nd >= 2 ? `<th style="${HEAD}">${r === "gap" ? "\u22ee" : r}</th>` : "";
      const tds = cols
        .map((c) => {
          if (r === "gap" || c === "gap") return `<td class="gap" style="${GAP}">${r === "gap" && c === "gap" ? "\u22f1" : r === "gap" ? "\u22ee" : "\u2026"}</td>`;
          return cell(a, nd >= 2 ? [...lead, r, c] : [...lead, c], fmt);
        })
        .join("");
      return `<tr style="${ROW}">${rowHead}${tds}</tr>`;
    })
    .join("");
  return `<table class="strided-values" style="${TABLE}">${head}${body}</table>`;
}

/** A long unsummarised 1-D array as rows of WRAP cells, each row headed by its first index. */
function wrappedRow(a: NDArray, lead: readonly number[], cols: readonly number[], fmt: ElementFormatter): string {
  const head = `<tr style="${ROW}"><th style="${HEAD}"></th>${Array.from({ length: WRAP }, (_, k) => `<th style="${HEAD}">+${k}</th>`).join("")}</tr>`;
  let body = "";
  for (let start = 0; start < cols.length; start += WRAP) {
    const tds = cols.slice(start, start + WRAP).map((c) => cell(a, [...lead, c], fmt)).join("");
    body += `<tr style="${ROW}"><th style="${HEAD}">${cols[start]}</th>${tds}</tr>`;
  }
  return `<table class="strided-values" style="${TABLE}">${head}${body}</table>`;
}

/** Every leading index (axes 0..ndim-3) a summarised view shows, with gaps, in C order. */
function leadingPicks(a: NDArray, summarise: boolean, edge: number): Pick[][] {
  let out: Pick[][] = [[]];
  for (let k = 0; k < a.ndim - 2; k++) {
    const picks = axisPicks(a.shape[k], summarise, edge);
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
  const opts = printOptions();
  const summarise = a.size > opts.threshold;
  const edge = opts.edgeitems;
  const leads = a.ndim <= 2 ? [[]] : leadingPicks(a, summarise, edge);
  const drawn = leads.filter((l) => !l.includes("gap")).slice(0, MAX_BLOCKS) as number[][];
  // NumPy's formatter is chosen from the values shown
  const shown: (number | bigint)[] = [];
  const collect = (index: number[]): void => {
    const v = valueAt(a, index);
    shown.push(typeof v === "boolean" ? Number(v) : v);
  };
  if (a.ndim === 0) collect([]);
  else for (const lead of drawn) grid(a, lead, summarise, String, edge, collect);
  const fmt = makeFormatter(shown, a.dtype, opts, a.ndim === 0);
  if (a.ndim === 0) return `<table class="strided-values" style="${TABLE}"><tr style="${ROW}">${cell(a, [], fmt)}</tr></table>`;
  if (a.ndim <= 2) return grid(a, [], summarise, fmt, edge);
  const blocks: string[] = [];
  let shownBlocks = 0;
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i];
    if (shownBlocks >= MAX_BLOCKS) {
      const rest = leads.slice(i).filter((l) => !l.includes("gap")).length;
      if (rest > 0) blocks.push(`<div style="color:${THEME.muted};font-size:90%">\u2026 ${rest} more block${rest === 1 ? "" : "s"} not drawn</div>`);
      break;
    }
    const label = `[${lead.map((p) => (p === "gap" ? "\u2026" : String(p))).join(", ")}, :, :]`;
    if (lead.includes("gap")) {
      blocks.push(`<div class="gap" style="color:${THEME.faint};font-family:${THEME.mono}">${escapeHtml(label)}</div>`);
      continue;
    }
    blocks.push(`<div style="color:${THEME.muted};font-family:${THEME.mono};font-size:85%;margin-top:4px">${escapeHtml(label)}</div>` + grid(a, lead as number[], summarise, fmt, edge));
    shownBlocks++;
  }
  return blocks.join("");
}
