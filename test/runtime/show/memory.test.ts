/**
 * show.memory: one mark per element reached (strided steps visible), groups per buffer, sharing
 * conclusions, escaped names, bins for big buffers; sharing checked against NumPy on generated views.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { viewOf } from "../../../runtime/core/make.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { show } from "../../../runtime/show/index.js";
import { BINS } from "../../../runtime/show/memory.js";
import { sharing } from "../../../runtime/show/overlap.js";
import { caseSeed, numpyBatch } from "../../support/numpy.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { DISPLAY } from "../../../runtime/display/protocol.js";
import { caseRng } from "../../support/prng.js";

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

/** The SVG row of one array (from its <g class="array-row"> to the next </g>). */
function rowOf(svg: string, name: string): string {
  const rows = svg.split('<g class="array-row">').slice(1).map((r) => r.slice(0, r.indexOf("</g>")));
  const row = rows.find((r) => r.includes(`class="array-name" x="16" y=`) && r.includes(`>${name}</text>`));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe("marks", () => {
  const a = np.arange(12);
  it.each([
    ["a (C, 12)", a, 12],
    ["a[::3]", a.get("::3"), 4],
    ["a[::-2]", a.get("::-2"), 6],
    ["a[5:5] (size 0)", a.get("5:5"), 0],
    ["a[4:5] (size 1)", a.get("4:5"), 1],
    ["a.reshape(3, 4).T (F order)", a.reshape(3, 4).T, 12],
    ["a.reshape(3, 4)[:, 1] (column)", a.reshape(3, 4).get(":, 1"), 3],
    ["broadcast (stride 0)", np.broadcast_to(a.get(":3"), [4, 3]), 3],
  ] as [string, NDArray, number][])("%s marks each distinct element it reaches: %s", (_name, v, marks) => {
    const svg = show.memory({ a, v }).svg;
    expect(count(rowOf(svg, "v"), /class="mark"/g)).toBe(marks);
    expect(count(rowOf(svg, "a"), /class="mark"/g)).toBe(12);
  });

  it("a stepped view leaves gaps of the step: a[::3] marks bytes 0, 12, 24, 36", () => {
    const svg = show.memory({ a, v: a.get("::3") }).svg;
    const titles = [...rowOf(svg, "v").matchAll(/<title>v: bytes \[(\d+), (\d+)\)<\/title>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(titles).toEqual([[0, 4], [12, 16], [24, 28], [36, 40]]);
  });

  it("a big buffer is drawn in bins, keeping a column's steps visible", () => {
    const big = np.zeros([50, 40]);
    const col = big.get(":, 0");
    const svg = show.memory({ big, col }).svg;
    const bins = count(rowOf(svg, "col"), /class="mark-bin"/g);
    expect(bins).toBeGreaterThan(10);
    expect(bins).toBeLessThanOrEqual(BINS);
    expect(count(rowOf(svg, "big"), /class="mark-bin"/g)).toBe(BINS);
    expect(count(svg, /class="mark"/g)).toBe(0);
  });
});

describe("groups and conclusions", () => {
  it("a view shares the owner's buffer, a copy gets its own", () => {
    const a = np.arange(12);
    const v = a.get("::3");
    const c = v.copy();
    const fig = show.memory({ a, v, c });
    expect(count(fig.svg, /class="buffer-title"/g)).toBe(2);
    expect(fig.text).toContain("v shares memory with a");
    expect(fig.text).toContain("a shares memory with v");
    expect(fig.text).toContain("c shares memory with no other array shown");
    expect(fig.text).toContain("v: view of a, 4 elements, every 12 bytes, bytes [0, 40)");
    expect(fig.text).toMatch(/buffer 1 \(48 bytes\): a, v\n/);
    expect(fig.text).toContain("buffer 2 (16 bytes): c");
  });

  it("interleaved views of one buffer share no memory", () => {
    const a = np.arange(10);
    const fig = show.memory({ even: a.get("::2"), odd: a.get("1::2") });
    expect(count(fig.svg, /class="buffer-title"/g)).toBe(1);
    expect(fig.text).toContain("even shares no memory with the others shown (same buffer, disjoint bytes)");
    expect(fig.text).toContain("odd shares no memory with the others shown");
    expect(fig.text).toContain("odd: view of an array (10,) int32");
  });

  it("names are escaped everywhere", () => {
    const a = np.arange(4);
    const fig = show.memory({ "<script>alert(1)</script>": a, 'x" onload="y': a.get("1:") });
    for (const out of [fig.svg, fig.html]) {
      expect(out).not.toContain("<script>");
      expect(out).not.toContain('x" onload');
      expect(out).toContain("&lt;script&gt;");
    }
    expect(fig.text).toContain("<script>alert(1)</script>");
  });

  it("skips values that are not arrays and says so when nothing is left", () => {
    expect(show.memory({ n: 3, s: "x" }).text).toBe("no arrays to show: pass them by name, e.g. show.memory({ a, view })");
  });

  it("displays as svg, html and text", () => {
    const b = show.memory({ a: np.arange(3) })[DISPLAY]();
    expect(Object.keys(b).sort()).toEqual(["image/svg+xml", "text/html", "text/plain"]);
    expect(b["image/svg+xml"]).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="\d+" height="\d+"/);
    expect(b["text/html"]).not.toMatch(/<script|<style/);
    // CSS variables only work in style="", not in SVG presentation attributes
    const both = show.memory({ a: np.arange(3), b: np.arange(3).get("::2") }).svg + show.layout(np.arange(6).reshape(2, 3).T).svg;
    expect(both).not.toMatch(/(fill|stroke)="var\(/);
  });

  it("with no argument and no kernel it names the fix", () => {
    expect(() => show.memory()).toThrow("pass the arrays by name instead: show.memory({ a, view })");
  });
});

const ok = requirement(missingPythonModules(["numpy"]), "show.memory's sharing against np.shares_memory");

describe.skipIf(!ok)("sharing conclusions against NumPy (generated views)", () => {
  const seed = caseSeed();
  it(`agrees with np.shares_memory (SEED=${seed})`, async () => {
    const { rand, int } = caseRng(seed);
    const N = 60;
    const base = np.arange(N);
    /** A random in-bounds view: offset, shape, strides in elements. */
    const view = (): { off: number; shape: number[]; strides: number[] } => {
      for (;;) {
        const nd = int(1, 2);
        const shape = Array.from({ length: nd }, () => int(1, 6));
        const strides = Array.from({ length: nd }, () => int(-7, 7));
        const off = int(0, N - 1);
        let lo = off;
        let hi = off;
        shape.forEach((n, k) => {
          const r = (n - 1) * strides[k];
          if (r < 0) lo += r;
          else hi += r;
        });
        if (lo >= 0 && hi < N) return { off, shape, strides };
      }
    };
    const cases = Array.from({ length: 400 }, () => [view(), view()]);
    const answers = await numpyBatch(
      `from numpy.lib.stride_tricks import as_strided
def run(c):
    b = np.arange(${N}, dtype=np.int32)
    v = [as_strided(b[x["off"]:], x["shape"], [s * 4 for s in x["strides"]]) for x in c]
    return bool(np.shares_memory(v[0], v[1]))`,
      cases,
    );
    const wrong: string[] = [];
    cases.forEach((c, i) => {
      const [x, y] = c.map((v) => viewOf(base, v.shape, v.strides.map((s) => s * 4), v.off * 4));
      const want = (answers[i] as { ok: boolean }).ok ? "yes" : "no";
      const got = sharing(x, y);
      if (got !== want) wrong.push(`${JSON.stringify(c)}: ours ${got}, numpy ${want}`);
      const text = show.memory({ x, y }).text;
      if (text.includes("x shares memory with y") !== (want === "yes")) wrong.push(`${JSON.stringify(c)}: picture says ${text}`);
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
