/**
 * Open HTML in headless Chromium (playwright-core driving Debian's /usr/bin/chromium) and report
 * what rendered: page errors, console errors, and the size of every table and SVG.
 */
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium. */
export const CHROMIUM = "/usr/bin/chromium";

/** Launch options that keep Chromium quiet and offline. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** One rendered element's box. */
export interface Box {
  tag: string;
  cls: string;
  width: number;
  height: number;
}

/** What a page showed. */
export interface Rendered {
  pageErrors: string[];
  consoleErrors: string[];
  tables: Box[];
  svgs: Box[];
  /** URLs the page asked for and did not get. */
  failedRequests: string[];
}

/**
 * Script and style assets of nbconvert's template (require.js and MathJax, linked from a CDN or,
 * in Debian's nbconvert, from file:///usr/share/javascript/ which exists only with libjs-* packages).
 * Not ours to test: their absence is tolerated, nothing else is.
 */
export function isTemplateAsset(url: string): boolean {
  return /^https?:/.test(url) || url.startsWith("file:///usr/share/javascript/");
}

/** Console errors other than the browser's report of a template asset that failed to load. */
export function unexpectedConsoleErrors(r: Rendered): string[] {
  const failedAssets = r.failedRequests.filter(isTemplateAsset).length;
  const loadErrors = r.consoleErrors.filter((e) => /^Failed to load resource: net::ERR_/.test(e));
  const others = r.consoleErrors.filter((e) => !/^Failed to load resource: net::ERR_/.test(e));
  return loadErrors.length <= failedAssets ? others : r.consoleErrors;
}

/** Start Chromium. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Load `url` (file:// or data) and measure; screenshot to `png` when given. */
export async function render(browser: Browser, url: string, png?: string, blockNetwork = true): Promise<{ page: Page; rendered: Rendered }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  page.on("requestfailed", (req) => failedRequests.push(req.url()));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  if (blockNetwork) {
    // offline: nbconvert's template links CDN scripts (require.js, MathJax); they are not ours to test
    await page.route(/^https?:/, (route) => route.abort());
  }
  await page.goto(url, { waitUntil: "load" });
  const boxes = (sel: string): Promise<Box[]> =>
    page.$$eval(sel, (els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { tag: e.tagName.toLowerCase(), cls: e.getAttribute("class") ?? "", width: r.width, height: r.height };
      }),
    );
  const tables = await boxes("table");
  // outermost SVGs only (not <svg> nested in <svg>)
  const svgs = (await boxes("svg")).filter((b) => b.tag === "svg");
  if (png) await page.screenshot({ path: png, fullPage: true });
  return { page, rendered: { pageErrors, consoleErrors, tables, svgs, failedRequests } };
}
