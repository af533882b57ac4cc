#!/usr/bin/env node
/**
 * Turns the handout sources (examples/src/NN-name.md) into notebooks (examples/NN-name.ipynb).
 *
 * Source format: plain Markdown; every ```ts fenced block becomes one code cell, the Markdown
 * between blocks becomes one Markdown cell. Nothing else is special, so the sources read well
 * on GitHub and diff line by line.
 *
 *   node examples/src/build.mjs           write examples/*.ipynb; a notebook whose code cells are
 *                                          unchanged keeps its stored outputs, any other has none
 *                                          (run it, see examples/README.md, to store them)
 *   node examples/src/build.mjs --check   exit 1 when a committed notebook's cells differ from its
 *                                          source (outputs are ignored): the notebooks are not stale
 *
 * Cell ids are derived from the file and the cell's position, so rebuilding changes nothing
 * that did not change in the source.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = dirname(fileURLToPath(import.meta.url));
const OUT = dirname(SRC);

/** nbformat 4 metadata every handout carries (the kernel fills in language_info.version when run). */
export const NOTEBOOK_METADATA = {
  kernelspec: { name: "strided", display_name: "TypeScript (strided arrays)", language: "typescript" },
  language_info: {
    name: "typescript",
    file_extension: ".ts",
    mimetype: "text/typescript",
    pygments_lexer: "typescript",
    codemirror_mode: { name: "javascript", typescript: true },
  },
};

/** Split a text into nbformat's list of lines, each keeping its "\n" except the last. */
function lines(text) {
  const parts = text.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? l + "\n" : l)).filter((l) => l !== "");
}

/**
 * Parse one handout source into cells: [{ cell_type: "markdown" | "code", text }].
 * @example parseSource("# T\n\n```ts\n1 + 1\n```\n") // [{cell_type:"markdown",text:"# T"},{cell_type:"code",text:"1 + 1"}]
 */
export function parseSource(text, where = "source") {
  const cells = [];
  const fence = /^```ts[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  let last = 0;
  const pushMarkdown = (md) => {
    const t = md.trim();
    if (t !== "") cells.push({ cell_type: "markdown", text: t });
  };
  for (let m; (m = fence.exec(text)) !== null; ) {
    pushMarkdown(text.slice(last, m.index));
    const code = m[1].replace(/\s+$/, "");
    if (code === "") throw new Error(`${where}: empty \`\`\`ts block at offset ${m.index}: remove it or put code in it`);
    cells.push({ cell_type: "code", text: code });
    last = m.index + m[0].length;
  }
  pushMarkdown(text.slice(last));
  const stray = cells.find((c) => c.cell_type === "markdown" && /^```ts\b/m.test(c.text));
  if (stray) throw new Error(`${where}: a \`\`\`ts block is not closed`);
  return cells;
}

/** The notebook for one source file (no outputs). */
export function buildNotebook(text, stem) {
  const prefix = stem.slice(0, 2);
  const cells = parseSource(text, `${stem}.md`).map((c, i) => {
    const id = `h${prefix}-${String(i).padStart(2, "0")}`;
    return c.cell_type === "code"
      ? { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source: lines(c.text) }
      : { cell_type: "markdown", id, metadata: {}, source: lines(c.text) };
  });
  return { cells, metadata: NOTEBOOK_METADATA, nbformat: 4, nbformat_minor: 5 };
}

/** The handout sources, in order. */
export function sources() {
  return readdirSync(SRC)
    .filter((f) => /^\d\d-.*\.md$/.test(f))
    .sort()
    .map((f) => ({ stem: basename(f, ".md"), src: join(SRC, f), ipynb: join(OUT, basename(f, ".md") + ".ipynb") }));
}

const joined = (s) => (Array.isArray(s) ? s.join("") : s);

/** Differences between a committed notebook and what its source builds (cell types and sources only). */
export function staleness(built, committed) {
  const problems = [];
  const a = built.cells;
  const b = committed.cells;
  if (a.length !== b.length) problems.push(`${b.length} cells, the source makes ${a.length}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i].cell_type !== b[i].cell_type || joined(a[i].source) !== joined(b[i].source)) {
      problems.push(`cell ${i} differs from the source: ${JSON.stringify(joined(a[i].source).slice(0, 60))}`);
      break;
    }
  }
  if (committed.metadata?.kernelspec?.name !== "strided") problems.push(`kernelspec is not "strided"`);
  return problems;
}

/**
 * When every code cell of the committed notebook has exactly the source the new build gives, copy
 * its outputs, execution counts and language_info into the new build (a Markdown-only edit needs no
 * re-run). Any code change drops them all, so stored outputs always come from one run of this code.
 */
export function keepOutputs(built, committed) {
  const code = (nb) => nb.cells.filter((c) => c.cell_type === "code");
  const a = code(built);
  const b = code(committed);
  if (a.length !== b.length || a.some((c, i) => joined(c.source) !== joined(b[i].source))) return false;
  a.forEach((c, i) => {
    c.outputs = b[i].outputs ?? [];
    c.execution_count = b[i].execution_count ?? null;
  });
  if (committed.metadata?.language_info) built.metadata = { ...built.metadata, language_info: committed.metadata.language_info };
  return true;
}

function main() {
  const check = process.argv.includes("--check");
  let bad = 0;
  for (const { stem, src, ipynb } of sources()) {
    const nb = buildNotebook(readFileSync(src, "utf8"), stem);
    if (check) {
      const problems = existsSync(ipynb) ? staleness(nb, JSON.parse(readFileSync(ipynb, "utf8"))) : ["missing"];
      if (problems.length) {
        bad++;
        console.error(`examples/${stem}.ipynb is stale (${problems.join("; ")}): run node examples/src/build.mjs, then run the notebooks`);
      }
    } else {
      const kept = existsSync(ipynb) && keepOutputs(nb, JSON.parse(readFileSync(ipynb, "utf8")));
      writeFileSync(ipynb, JSON.stringify(nb, null, 1) + "\n");
      console.log(`wrote examples/${stem}.ipynb (${nb.cells.length} cells; ${kept ? "code unchanged, stored outputs kept" : "no outputs: run it to store them"})`);
    }
  }
  process.exit(bad ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
