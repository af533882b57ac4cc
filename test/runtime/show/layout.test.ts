/**
 * show.layout: the index stored at each slot, the C walk's step numbers in memory order, strides,
 * and what np.ascontiguousarray would do, for C, F, negative strides, size 0, size 1 and 0-d.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { setScopeProvider, show } from "../../../runtime/show/index.js";
import { MAX_CELLS } from "../../../runtime/show/layout.js";

/** The slots line of the text: "(0,0)#0 (1,0)#3 ..." */
const slots = (a: NDArray): string => show.layout(a).text.split("\n").find((l) => l.startsWith("memory slots: "))!.slice(14);

describe("slots in memory order", () => {
  const m = np.arange(12).reshape(3, 4);
  it.each([
    ["C (3, 4)", m, "(0,0)#0 (0,1)#1 (0,2)#2 (0,3)#3 (1,0)#4 (1,1)#5 (1,2)#6 (1,3)#7 (2,0)#8 (2,1)#9 (2,2)#10 (2,3)#11"],
    ["F: m.T (4, 3)", m.T, "(0,0)#0 (1,0)#3 (2,0)#6 (3,0)#9 (0,1)#1 (1,1)#4 (2,1)#7 (3,1)#10 (0,2)#2 (1,2)#5 (2,2)#8 (3,2)#11"],
    ["negative stride a[::-1]", np.arange(3).get("::-1"), "(2)#2 (1)#1 (0)#0"],
    ["every other a[::2] of 6 (whole buffer drawn)", np.arange(6).get("::2"), "(0)#0 -- (1)#1 -- (2)#2 --"],
    ["size 1 a[1:2] of 3", np.arange(3).get("1:2"), "-- (0)#0 --"],
    ["size 0 a[1:1] of 3", np.arange(3).get("1:1"), "-- -- --"],
    ["0-d a[1, ...] of 3", np.arange(3).get("1, ..."), "-- ()#0 --"],
  ] as [string, NDArray, string][])("%s", (_n, a, want) => {
    expect(slots(a)).toBe(want);
  });

  it("a big array draws at most MAX_CELLS slots of the range it reaches", () => {
    const big = np.zeros(10_000).get("100:");
    const fig = show.layout(big);
    expect((fig.svg.match(/class="slot slot-reached"/g) ?? []).length).toBe(MAX_CELLS);
    expect(fig.svg).toContain(`first ${MAX_CELLS} slots, ${9900 - MAX_CELLS} more not drawn`);
    expect(fig.svg).toContain(`bytes [800, ${800 + 8 * MAX_CELLS}) of 80000`);
    expect(slots(big).startsWith("(0)#0 (1)#1")).toBe(true);
  });

  it("forward steps arc above, backward jumps below", () => {
    const svg = show.layout(m.T).svg;
    // walk of m.T in memory: #0 #3 #6 #9 #1 ...: steps 0→1, 1→2, 3→4 ... are forward jumps of 4 slots; 3→4 goes back
    // 8 forward in m.T's own strip, plus 11 in the strip of its C-contiguous copy
    expect((svg.match(/walk-forward/g) ?? []).length).toBe(8 + 11);
    expect((svg.match(/walk-back/g) ?? []).length).toBe(3);
    expect((show.layout(m).svg.match(/walk-back/g) ?? []).length).toBe(0);
  });
});

describe("names from the notebook's scope", () => {
  it("show.layout names the array by its binding; show.memory() draws every bound array", () => {
    const a = np.arange(6);
    const view = a.get("::2");
    setScopeProvider(() => ({ a, view, n: 3 }));
    try {
      expect(show.layout(view).text.startsWith("view: shape (3,) int32")).toBe(true);
      const fig = show.memory();
      expect(fig.text).toContain("buffer 1 (24 bytes): a, view");
      expect(fig.text).toContain("view shares memory with a");
    } finally {
      setScopeProvider(null);
    }
    expect(show.layout(view).text.startsWith("a: shape (3,)")).toBe(true);
  });
});

describe("notes", () => {
  it.each([
    ["C owner", np.arange(12).reshape(3, 4), "np.ascontiguousarray(a) returns a itself: already C-contiguous, no copy"],
    ["F view", np.arange(12).reshape(3, 4).T, "np.ascontiguousarray(a) copies: a new buffer of 48 bytes with strides (12, 4), walked left to right"],
    ["stepped", np.arange(10).get("::2"), "np.ascontiguousarray(a) copies: a new buffer of 20 bytes with strides (4,), walked left to right"],
    ["0-d", np.arange(3).get("1, ..."), "np.ascontiguousarray(a) returns a 1-d view of shape (1,) (it makes 0-d arrays 1-d)"],
  ] as [string, NDArray, string][])("%s", (_n, a, note) => {
    expect(show.layout(a).text).toContain(note);
    // the picture draws the copy exactly when there is one
    expect(show.layout(a).svg.includes(": a new buffer")).toBe(note.includes("copies"));
  });

  it("states strides in bytes and elements per axis", () => {
    const t = show.layout(np.arange(12).reshape(3, 4).T, "m.T").text;
    expect(t).toContain("m.T: shape (4, 3) int32, strides (4, 16) bytes = (1, 4) elements, offset 0 bytes");
    expect(t).toContain("axis 0: index +1 moves 4 bytes (1 element)");
    expect(t).toContain("axis 1: index +1 moves 16 bytes (4 elements)");
    expect(t).toContain("C_CONTIGUOUS False, F_CONTIGUOUS True, a view of 48 bytes");
  });

  it("escapes the name and rejects non-arrays", () => {
    expect(show.layout(np.arange(3), "<b>x</b>").svg).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(() => show.layout(3 as unknown as NDArray)).toThrow("show.layout expects an array, got number");
  });
});
