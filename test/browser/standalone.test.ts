/**
 * Every view (array card, flags, show.memory, show.layout, timeit) in one standalone HTML page,
 * opened in headless Chromium: each table and SVG must have a non-zero size and the page must log
 * no errors. Screenshots go to test-artifacts/ (light and dark JupyterLab variables).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { newArray, viewOf } from "../../runtime/core/make.js";
import { arrayBundle, flagsBundle } from "../../runtime/display/index.js";
import { show } from "../../runtime/show/index.js";
import { TimeitResult } from "../../runtime/timeit/result.js";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { missingFile, missingPythonModules, PYTHON, requirement } from "../support/requirements.js";
import { CHROMIUM, isTemplateAsset, launch, render, unexpectedConsoleErrors } from "./chromium.js";
import { DISPLAY } from "../../runtime/display/protocol.js";

const ok = requirement(missingFile(CHROMIUM, "Chromium"), "browser rendering of the rich views");
const ARTIFACTS = resolve(__dirname, "../../test-artifacts");

/** 0..n-1 as an int32 array of shape `shape`. */
function arange(shape: number[], dtype: "int32" | "float64" = "int32", order: "C" | "F" = "C") {
  const a = newArray(shape, dtype, order);
  for (let i = 0; i < a.data.length; i++) a.data[i] = dtype === "float64" ? i / 4 : i;
  return a;
}

/** The views' mime bundles, in page order. */
function bundles(): Record<string, string>[] {
  const a = arange([12]);
  const v = viewOf(a, [4], [12], 0); // a[::3]
  const c = arange([4]);
  const m = arange([3, 4]);
  const t = viewOf(m, [4, 3], [4, 16], 0); // m.T
  const big = arange([50, 40], "float64");
  const cube = arange([2, 3, 4]);
  const r = new TimeitResult({ loops: 1000, repeat: 7, all_runs: [1.2e-3, 1.25e-3, 1.3e-3, 1.22e-3, 6e-3, 1.24e-3, 1.23e-3].map((x) => x * 1000), bytesAllocated: 8000 * 7000, buffersAllocated: 7000 });
  return [
    arrayBundle(a),
    arrayBundle(t),
    arrayBundle(big),
    arrayBundle(cube),
    arrayBundle(arange([40], "float64")),
    flagsBundle(t.flags),
    show.memory({ a, v, c, "<script>alert(1)</script>": viewOf(a, [6], [8], 4) })[DISPLAY](),
    show.memory({ big, row: viewOf(big, [40], [8], 8 * 40 * 3), col: viewOf(big, [50], [320], 16) })[DISPLAY](),
    show.layout(m, "m")[DISPLAY](),
    show.layout(t, "m.T")[DISPLAY](),
    r[DISPLAY](),
  ];
}

function page(dark: boolean): string {
  const parts = bundles().map((b) => b["text/html"]);
  const vars = dark
    ? "--jp-layout-color1:#111;--jp-layout-color2:#2a2a2a;--jp-content-font-color1:#eee;--jp-content-font-color2:#bbb;--jp-content-font-color3:#888;--jp-border-color2:#444;"
    : "";
  return `<!doctype html><html><head><meta charset="utf-8"><title>views</title></head><body style="${vars}background:${dark ? "#111" : "#fff"};margin:16px">${parts.map((p) => `<div style="margin:12px 0">${p}</div>`).join("")}</body></html>`;
}

describe.skipIf(!ok)("the views in Chromium (standalone page)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([["light", false], ["dark", true]] as const)("render with no errors and non-zero sizes (%s)", async (theme, dark) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `views-standalone-${theme}.html`);
    writeFileSync(file, page(dark));
    const { page: p, rendered } = await render(browser, pathToFileURL(file).href, join(ARTIFACTS, `views-standalone-${theme}.png`));
    expect(rendered.pageErrors).toEqual([]);
    expect(rendered.consoleErrors).toEqual([]);
    expect(rendered.tables.length).toBeGreaterThanOrEqual(9);
    expect(rendered.svgs.length).toBe(5);
    for (const b of [...rendered.tables, ...rendered.svgs]) {
      expect(b.width, `${b.tag}.${b.cls}`).toBeGreaterThan(0);
      expect(b.height, `${b.tag}.${b.cls}`).toBeGreaterThan(0);
    }
    // the escaped name is text, not a script element
    expect(await p.$$eval("script", (s) => s.length)).toBe(0);
    expect(await p.textContent("body")).toContain("<script>alert(1)</script>");
    const blocks = await p.$$("body > div");
    for (let i = 0; i < blocks.length; i++) await blocks[i].screenshot({ path: join(ARTIFACTS, `views-standalone-${theme}-${i}.png`) });
    await p.close();
  });
});

describe.skipIf(!ok)("the pictures as standalone image/svg+xml (what a front end shows in an <img>)", () => {
  it("load as images with their own size and draw in the fallback colours", async () => {
    const svgs = bundles().map((b) => b["image/svg+xml"]).filter((x): x is string => typeof x === "string");
    expect(svgs).toHaveLength(4);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, "views-svg-images.html");
    const imgs = svgs.map((svg, i) => `<p><img id="img${i}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"></p>`).join("");
    writeFileSync(file, `<!doctype html><html><body style="margin:16px">${imgs}</body></html>`);
    const browser = await launch();
    try {
      const { page: p, rendered } = await render(browser, pathToFileURL(file).href, join(ARTIFACTS, "views-svg-images.png"));
      expect(rendered.pageErrors).toEqual([]);
      expect(rendered.consoleErrors).toEqual([]);
      const sizes = await p.$$eval("img", (els) => els.map((e) => [(e as HTMLImageElement).complete, (e as HTMLImageElement).naturalWidth, (e as HTMLImageElement).naturalHeight]));
      for (const [complete, w, h] of sizes) {
        expect(complete).toBe(true);
        expect(w).toBeGreaterThan(100);
        expect(h).toBeGreaterThan(20);
      }
    } finally {
      await browser.close();
    }
  });
});

const nbOk = ok && requirement(missingPythonModules(["nbconvert"]), "nbconvert rendering of the rich views");

describe.skipIf(!nbOk)("the views through nbconvert --to html (outputs made by the runtime, no kernel)", () => {
  it("keep their tables and SVGs, sized, with no errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "strided-nbconvert-"));
    try {
      const nb = {
        cells: bundles().map((data, i) => ({ cell_type: "code", id: `c${i}`, metadata: {}, execution_count: i + 1, source: `view ${i}`, outputs: [{ output_type: "execute_result", execution_count: i + 1, metadata: {}, data }] })),
        metadata: { kernelspec: { name: "strided", display_name: "TypeScript (strided arrays)", language: "typescript" }, language_info: { name: "typescript" } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      writeFileSync(join(dir, "views.ipynb"), JSON.stringify(nb));
      const conv = spawnSync(PYTHON, ["-m", "nbconvert", "--to", "html", join(dir, "views.ipynb")], { encoding: "utf8", timeout: 120_000 });
      expect(conv.status, conv.stderr).toBe(0);
      const html = readFileSync(join(dir, "views.html"), "utf8");
      expect(html).toContain("strided-card");
      mkdirSync(ARTIFACTS, { recursive: true });
      const browser = await launch();
      try {
        const { page: p, rendered } = await render(browser, pathToFileURL(join(dir, "views.html")).href, join(ARTIFACTS, "views-nbconvert.png"));
        expect(rendered.pageErrors).toEqual([]);
        expect(unexpectedConsoleErrors(rendered)).toEqual([]);
        expect(rendered.failedRequests.filter((u) => !isTemplateAsset(u))).toEqual([]);
        for (const [sel, n] of [[".strided-card", 5], [".strided-flags", 1], [".strided-show-memory svg", 2], [".strided-show-layout svg", 2], [".strided-timeit svg", 1]] as const) {
          const boxes = await p.$$eval(sel, (els) => els.map((e) => e.getBoundingClientRect()).map((r) => r.width * r.height));
          expect(boxes, sel).toHaveLength(n);
          for (const area of boxes) expect(area, sel).toBeGreaterThan(0);
        }
        expect([...rendered.tables, ...rendered.svgs].filter((b) => b.width === 0 || b.height === 0)).toEqual([]);
        expect(await p.$$eval("script", (els) => els.filter((e) => (e.textContent ?? "").includes("alert(1)")).length)).toBe(0);
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
