/**
 * inspect_request (Shift-Tab): quick info and the JSDoc of the symbol at the cursor, as
 * text/plain and text/markdown. The doc comments with their `@example` come from the modules
 * that implement the names (the runtime's `np.*`, kernel/session/globals.ts).
 */
import ts from "typescript";
import type { InspectResult } from "../contract.js";
import { tokenAt, type CellHost } from "../typecheck/host.js";

function tagText(tag: ts.JSDocTagInfo): string {
  return ts.displayPartsToString(tag.text ?? []);
}

/** Inspect `code` (already free of magics) at UTF-16 offset `cursor`. */
export function inspect(host: CellHost, code: string, cursor: number): InspectResult {
  host.setCell(code);
  const at = (pos: number): ts.QuickInfo | undefined => (pos < 0 ? undefined : host.service.getQuickInfoAtPosition(host.cellFile, pos));
  // Front ends send the cursor just after the name (`np.zeros|`): look there, then one before.
  // Inside a call's parentheses (`np.zeros(3, |`): the function being called.
  // Right after a dot (`np.lib.|`, `arr.|`): the name before it (TypeScript answers `any` for the missing member).
  const callee = calleeEnd(code, cursor);
  const afterDot = /[\w$)\]]\.$/.test(code.slice(Math.max(0, cursor - 2), cursor));
  let info = afterDot ? at(cursor - 2) : (at(cursor) ?? at(cursor - 1) ?? (callee > 0 ? at(callee - 1) : undefined));
  if (!info) return { found: false, data: {} };
  // A name of the lib or @types/node, parsed without its doc comment (startup snapshot): read its file with them, ask again.
  if (!info.documentation?.length && !info.tags?.length && host.readDocsAt(info.textSpan.start)) info = at(info.textSpan.start) ?? info;
  const signature = ts.displayPartsToString(info.displayParts);
  let doc = ts.displayPartsToString(info.documentation);
  let tags = info.tags ?? [];
  if (!doc && !tags.length) {
    // `declare const display: typeof …display`: the docs are on the implementation.
    const d = docsOfType(host, info.textSpan.start);
    doc = d.doc;
    tags = d.tags;
  }
  const examples = tags.filter((t) => t.name === "example").map(tagText);
  const other = tags.filter((t) => t.name !== "example").map((t) => `@${t.name} ${tagText(t)}`.trim());
  const plain = [signature, doc, ...other, ...examples.map((e) => `Example:\n${e}`)].filter(Boolean).join("\n\n");
  const markdown = [
    "```typescript\n" + signature + "\n```",
    doc,
    ...other,
    ...examples.map((e) => "Example:\n```typescript\n" + e + "\n```"),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { found: true, data: { "text/plain": plain, "text/markdown": markdown } };
}

/** The end of the name before the innermost unclosed `(` left of `cursor`, or -1. */
export function calleeEnd(code: string, cursor: number): number {
  let depth = 0;
  for (let i = cursor - 1; i >= 0; i--) {
    const c = code[i];
    if (c === ")") depth++;
    else if (c === "(") {
      if (depth === 0) {
        let j = i;
        while (j > 0 && /\s/.test(code[j - 1])) j--;
        return j;
      }
      depth--;
    } else if (c === "\n" && depth === 0 && i < cursor - 1 && code[i + 1] !== " ") return -1;
  }
  return -1;
}

function docsOfType(host: CellHost, pos: number): { doc: string; tags: ts.JSDocTagInfo[] } {
  const program = host.program();
  const sf = program.getSourceFile(host.cellFile);
  if (!sf) return { doc: "", tags: [] };
  const checker = program.getTypeChecker();
  const node = tokenAt(sf, pos);
  if (!node) return { doc: "", tags: [] };
  const found = (sym: ts.Symbol | undefined): { doc: string; tags: ts.JSDocTagInfo[] } | undefined => {
    if (!sym) return undefined;
    const doc = ts.displayPartsToString(sym.getDocumentationComment(checker));
    const tags = sym.getJsDocTags(checker);
    return doc || tags.length ? { doc, tags } : undefined;
  };
  // An ambient `declare const x: typeof import("m").x`: the docs are on m's x.
  for (const d of checker.getSymbolAtLocation(node)?.declarations ?? []) {
    if (ts.isVariableDeclaration(d) && d.type && ts.isImportTypeNode(d.type) && d.type.qualifier) {
      const q = d.type.qualifier;
      const r = found(checker.getSymbolAtLocation(ts.isQualifiedName(q) ? q.right : q));
      if (r) return r;
    }
  }
  return found(checker.getTypeAtLocation(node).getSymbol()) ?? { doc: "", tags: [] };
}

