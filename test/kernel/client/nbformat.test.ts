import { describe, expect, it } from "vitest";
import { OutputAccumulator, parseNotebook, type Output } from "../../../kernel/client/nbformat.js";
import { newHeader, type Message } from "../../../kernel/transport/wire.js";

function msg(type: string, content: Record<string, unknown>): Message {
  return { identities: [], header: newHeader(type, "s"), parent_header: {}, metadata: {}, content, buffers: [] };
}
const stream = (name: string, text: string) => msg("stream", { name, text });
const display = (text: string, id?: string) => msg("display_data", { data: { "text/plain": text }, metadata: {}, ...(id ? { transient: { display_id: id } } : {}) });
const update = (text: string, id: string) => msg("update_display_data", { data: { "text/plain": text }, metadata: {}, transient: { display_id: id } });
const result = (text: string, n: number) => msg("execute_result", { data: { "text/plain": text }, metadata: {}, execution_count: n });
const clear = (wait: boolean) => msg("clear_output", { wait });
const error = (ename: string, evalue: string) => msg("error", { ename, evalue, traceback: [`${ename}: ${evalue}`] });

function texts(outs: Output[]): string[] {
  return outs.map((o) => {
    switch (o.output_type) {
      case "stream": return `${o.name}:${Array.isArray(o.text) ? o.text.join("") : o.text}`;
      case "error": return `error:${o.ename}:${o.evalue}`;
      case "execute_result": return `result[${o.execution_count}]:${String(o.data["text/plain"])}`;
      default: return `display:${String(o.data["text/plain"])}`;
    }
  });
}

describe("OutputAccumulator: one cell", () => {
  const cases: { name: string; msgs: Message[]; want: string[] }[] = [
    { name: "streams of one name merge", msgs: [stream("stdout", "a"), stream("stdout", "b\n")], want: ["stdout:ab\n"] },
    { name: "streams of two names stay apart, and merge only when consecutive", msgs: [stream("stdout", "a"), stream("stderr", "e"), stream("stdout", "c")], want: ["stdout:a", "stderr:e", "stdout:c"] },
    { name: "display then result keep order and count", msgs: [display("d"), result("2", 7)], want: ["display:d", "result[7]:2"] },
    { name: "clear_output now empties the cell", msgs: [stream("stdout", "x"), clear(false), stream("stdout", "y")], want: ["stdout:y"] },
    { name: "clear_output wait keeps outputs until the next one", msgs: [stream("stdout", "x"), clear(true)], want: ["stdout:x"] },
    { name: "clear_output wait clears just before the next output", msgs: [stream("stdout", "x"), clear(true), display("d")], want: ["display:d"] },
    { name: "update_display_data replaces the earlier display, adds nothing", msgs: [display("one", "h"), stream("stdout", "s"), update("two", "h")], want: ["display:two", "stdout:s"] },
    { name: "update of an unknown display_id is ignored", msgs: [display("one", "h"), update("two", "other")], want: ["display:one"] },
    { name: "a second display with the same id updates the first too", msgs: [display("one", "h"), display("two", "h")], want: ["display:two", "display:two"] },
    { name: "error keeps ename and evalue", msgs: [stream("stdout", "before"), error("TypeError", "x is not a function")], want: ["stdout:before", "error:TypeError:x is not a function"] },
    { name: "status and execute_input are not outputs", msgs: [msg("status", { execution_state: "busy" }), msg("execute_input", { code: "1", execution_count: 1 })], want: [] },
  ];
  it.each(cases)("$name", ({ msgs, want }) => {
    const acc = new OutputAccumulator();
    const outs: Output[] = [];
    for (const m of msgs) acc.add(outs, m);
    expect(texts(outs)).toEqual(want);
  });
});

describe("OutputAccumulator: across cells", () => {
  it("an update in a later cell reaches the display of an earlier cell", () => {
    const acc = new OutputAccumulator();
    const cell1: Output[] = [];
    const cell2: Output[] = [];
    acc.add(cell1, display("old", "bar"));
    acc.add(cell2, update("new", "bar"));
    expect(texts(cell1)).toEqual(["display:new"]);
    expect(cell2).toEqual([]);
  });
  it("a cleared display is no longer updated", () => {
    const acc = new OutputAccumulator();
    const cell: Output[] = [];
    acc.add(cell, display("old", "bar"));
    const kept = cell[0];
    acc.add(cell, clear(false));
    acc.add(cell, update("new", "bar"));
    expect(cell).toEqual([]);
    expect(texts([kept])).toEqual(["display:old"]);
  });
});

describe("parseNotebook", () => {
  it.each([
    { text: "not json", err: /not JSON/ },
    { text: '{"nbformat": 3, "cells": []}', err: /nbformat 3: expected nbformat 4/ },
    { text: '{"nbformat": 4}', err: /no "cells" list/ },
    { text: '{"nbformat": 4, "cells": [{"cell_type": "sql"}]}', err: /cell 0 has no valid cell_type/ },
  ])("refuses $text", ({ text, err }) => {
    expect(() => parseNotebook(text)).toThrow(err);
  });
  it("fills missing code-cell fields", () => {
    const nb = parseNotebook('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": ["a", "b"]}]}');
    expect(nb.cells[0]).toMatchObject({ outputs: [], execution_count: null, metadata: {} });
  });
});
