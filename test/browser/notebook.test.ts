/**
 * The real-browser test: test/browser/fixtures/views.ipynb (every rich view) is executed by the
 * strided kernel (`node bin/strided.js run`), exported with Debian's `jupyter nbconvert --to html`,
 * and opened in headless Chromium. Every table and SVG in the outputs must render with a
 * non-zero size, the page must log no errors, the name `<script>...` must show as text, and the
 * updated display must show its new value. Screenshots: test-artifacts/views-notebook*.png.
 *
 * Network requests are refused (the test is offline): nbconvert's template links require.js and
 * MathJax from a CDN; those refusals are the only console errors tolerated, and only for http(s) URLs.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { missingFile, missingPythonModules, PYTHON, requirement } from "../support/requirements.js";
import { BIN, ensureBuilt } from "../e2e/support/kernel.js";
import { CHROMIUM, isTemplateAsset, launch, render, unexpectedConsoleErrors, type Rendered } from "./chromium.js";

const FIXTURE = resolve(__dirname, "fixtures/views.ipynb");
const ARTIFACTS = resolve(__dirname, "../../test-artifacts");
const ok = requirement(missingFile(CHROMIUM, "Chromium") ?? missingPythonModules(["nbconvert"]), "notebook views in a real browser");

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  /** A stream's text (nbformat: a string or a list of lines). */
  text?: string | string[];
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  outputs?: Output[];
}

describe.skipIf(!ok)("views.ipynb executed, converted by nbconvert, opened in Chromium", () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  let rendered: Rendered;
  let executed: { cells: Cell[] };

  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "strided-browser-"));
    copyFileSync(FIXTURE, join(dir, "views.ipynb"));
    const run = spawnSync(process.execPath, [BIN, "run", join(dir, "views.ipynb"), "--out", join(dir, "out"), "--timeout", "120"], { encoding: "utf8", timeout: 240_000 });
    if (run.status !== 0) throw new Error(`strided run failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    executed = JSON.parse(readFileSync(join(dir, "out", "views.ipynb"), "utf8")) as { cells: Cell[] };
    const conv = spawnSync(PYTHON, ["-m", "nbconvert", "--to", "html", "--output-dir", join(dir, "html"), join(dir, "out", "views.ipynb")], { encoding: "utf8", timeout: 120_000 });
    if (conv.status !== 0) throw new Error(`nbconvert failed (${conv.status}):\n${conv.stderr}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(join(dir, "html", "views.html"), join(ARTIFACTS, "views-notebook.html"));
    browser = await launch();
    ({ page, rendered } = await render(browser, pathToFileURL(join(dir, "html", "views.html")).href, join(ARTIFACTS, "views-notebook.png")));
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("every code cell ran without an error output", () => {
    const errors = executed.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`));
    expect(errors).toEqual([]);
  });

  it("the page has no script errors and no console errors except nbconvert's template assets (require.js, MathJax) that are not installed", () => {
    expect(rendered.pageErrors).toEqual([]);
    expect(unexpectedConsoleErrors(rendered)).toEqual([]);
    expect(rendered.failedRequests.filter((u) => !isTemplateAsset(u))).toEqual([]);
  });

  it.each([
    [".strided-card", 4],
    [".strided-flags", 1],
    [".strided-show-memory svg", 2],
    [".strided-show-layout svg", 2],
    [".strided-timeit", 3],
    ["table.user-table", 1],
    ["svg.user-svg", 1],
  ])("%s renders %i time(s) with a non-zero size", async (sel, n) => {
    const boxes = await page.$$eval(sel, (els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(boxes).toHaveLength(n);
    for (const [w, h] of boxes) {
      expect(w).toBeGreaterThan(0);
      expect(h).toBeGreaterThan(0);
    }
  });

  it("every table and svg on the page has a non-zero size", () => {
    const zero = [...rendered.tables, ...rendered.svgs].filter((b) => b.width === 0 || b.height === 0);
    expect(zero).toEqual([]);
    expect(rendered.svgs.length).toBeGreaterThanOrEqual(6);
  });

  it("every SVG of ours draws shapes (nothing stripped on the way to the page)", async () => {
    const counts = await page.$$eval("[class^=strided-] svg, svg[class^=strided-]", (els) => els.map((e) => e.querySelectorAll("rect, circle, path, line").length));
    expect(counts.length).toBeGreaterThanOrEqual(6);
    for (const n of counts) expect(n).toBeGreaterThan(0);
  });

  it("display.svg's picture survives nbconvert (its rect is on the page)", async () => {
    // Debian's nbconvert 6.5 passes image/svg+xml through lxml's clean_html, which drops every SVG
    // child element; a text/html copy of the SVG in the same bundle is what the page can show.
    const rects = await page.$$eval("svg.user-svg", (els) => els.map((e) => e.querySelectorAll("rect").length));
    expect(rects, "display.svg should also publish the SVG as text/html: nbconvert 6.5 empties image/svg+xml").toEqual([1]);
  });

  it("the name <script>...</script> is shown as text, never run", async () => {
    const texts = await page.$$eval(".strided-show-memory text", (els) => els.map((e) => e.textContent ?? ""));
    expect(texts.some((t) => t.includes("<script>alert('x')</script>"))).toBe(true);
    expect(await page.$$eval("script", (els) => els.filter((e) => (e.textContent ?? "").includes("alert('x')")).length)).toBe(0);
  });

  it("timeit shows the allocation: a fresh result per loop versus out=", async () => {
    const alloc = await page.$$eval(".strided-timeit .timeit-alloc", (els) => els.map((e) => e.textContent ?? ""));
    // np.add(x, y); np.add(x, y, { out: x }); %timeit -o np.ones(1000)
    expect(alloc).toEqual(["8,000 bytes (7.81 KiB) allocated per loop in 1 buffer", "no array allocated per loop", "8,000 bytes (7.81 KiB) allocated per loop in 1 buffer"]);
  });

  it("cell results carry NumPy's text beside the card: repr for arrays, str for flags", () => {
    const cells = executed.cells.filter((c) => c.cell_type === "code");
    const plain = (i: number): string => {
      const t = (cells[i].outputs ?? [])[0]?.data?.["text/plain"];
      return Array.isArray(t) ? t.join("") : String(t);
    };
    expect(plain(0)).toBe("array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11])");
    expect(plain(3)).toBe("  C_CONTIGUOUS : False\n  F_CONTIGUOUS : True\n  OWNDATA : False\n  WRITEABLE : True\n  ALIGNED : True\n  WRITEBACKIFCOPY : False\n");
    expect(plain(7)).toMatch(/^(The slowest run took [\d.]+ times longer than the fastest\. This could mean that an intermediate result is being cached\.\n)?[\d.]+ [mµn]?s \u00b1 [\d.]+ [mµn]?s per loop \(mean \u00b1 std\. dev\. of 3 runs, 200 loops each\)$/);
  });

  it("%timeit -o prints IPython's line (and the allocation) to stdout and gives the same result object as timeit(fn)", async () => {
    const cells = executed.cells.filter((c) => c.cell_type === "code");
    const outputs = cells[12].outputs ?? [];
    const stdout = outputs.filter((o) => o.output_type === "stream").map((o) => (Array.isArray(o.text) ? o.text.join("") : String(o.text))).join("");
    expect(stdout).toMatch(/[\d.]+ [mµn]?s \u00b1 [\d.]+ [mµn]?s per loop \(mean \u00b1 std\. dev\. of 2 runs, 100 loops each\)\n8,000 bytes \(7\.81 KiB\) allocated per loop in 1 buffer\n$/);
    const out = outputs.find((o) => o.output_type === "execute_result");
    const t = out?.data?.["text/plain"];
    expect(Array.isArray(t) ? t.join("") : String(t)).toMatch(/[\d.]+ [mµn]?s \u00b1 [\d.]+ [mµn]?s per loop \(mean \u00b1 std\. dev\. of 2 runs, 100 loops each\)$/);
    expect(String(out?.data?.["text/html"])).toContain("8,000 bytes (7.81 KiB) allocated per loop in 1 buffer");
  });

  it("the updated display shows the new value (5 cells), not the first (3)", async () => {
    const cells = executed.cells.filter((c) => c.cell_type === "code");
    const upd = cells[10].outputs ?? [];
    expect(upd).toHaveLength(1);
    const html = String((upd[0].data ?? {})["text/html"]);
    expect((html.match(/class="v"/g) ?? []).length).toBe(5);
  });

  it("the dark theme export renders too (JupyterLab's CSS variables)", async () => {
    const conv = spawnSync(PYTHON, ["-m", "nbconvert", "--to", "html", "--HTMLExporter.theme=dark", "--output", "views-dark", "--output-dir", join(dir, "html"), join(dir, "out", "views.ipynb")], { encoding: "utf8", timeout: 120_000 });
    expect(conv.status, conv.stderr).toBe(0);
    const dark = await render(browser, pathToFileURL(join(dir, "html", "views-dark.html")).href, join(ARTIFACTS, "views-notebook-dark.png"));
    expect(dark.rendered.pageErrors).toEqual([]);
    expect(unexpectedConsoleErrors(dark.rendered)).toEqual([]);
    // the card's text takes the theme's colour: light text on the dark page
    const color = await dark.page.$eval(".strided-card", (e) => getComputedStyle(e).color);
    const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b, color).toBeGreaterThan(3 * 150);
    await dark.page.close();
  });

  it("screenshots each output for a look", async () => {
    const outs = await page.$$(".jp-OutputArea-output");
    expect(outs.length).toBeGreaterThanOrEqual(13);
    for (let i = 0; i < outs.length; i++) await outs[i].screenshot({ path: join(ARTIFACTS, `views-notebook-${String(i).padStart(2, "0")}.png`) });
  });
});
