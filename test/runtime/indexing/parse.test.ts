import { describe, expect, it } from "vitest";
import { parseIndex } from "../../../runtime/indexing/parse.js";
import { adjustSlice } from "../../../runtime/indexing/slice.js";

describe("parseIndex", () => {
  const ok: [string, unknown][] = [
    ["1:3", [{ kind: "slice", start: 1, stop: 3, step: null }]],
    ["::-1, 1", [{ kind: "slice", start: null, stop: null, step: -1 }, { kind: "int", value: 1 }]],
    ["..., None", [{ kind: "ellipsis" }, { kind: "newaxis" }]],
    ["-1", [{ kind: "int", value: -1 }]],
    [" : , ::2 ", [{ kind: "slice", start: null, stop: null, step: null }, { kind: "slice", start: null, stop: null, step: 2 }]],
    ["1,", [{ kind: "int", value: 1 }]],
    ["np.newaxis", [{ kind: "newaxis" }]],
    ["+2:-1:", [{ kind: "slice", start: 2, stop: -1, step: null }]],
  ];
  it.each(ok)("%j", (text, want) => expect(parseIndex(text)).toEqual(want));

  const bad = ["1:x", "a", "1:2:3:4", "1,,2", "", "[0, 1]", "1.5"];
  it.each(bad)("%j is an IndexError naming the part and showing an example", (text) => {
    expect(() => parseIndex(text)).toThrow(/invalid index '.*' in '.*'.*for example a\.get\("1:3, ::-1"\)/);
  });
});

describe("adjustSlice (CPython's PySlice_AdjustIndices)", () => {
  const cases: [number | null, number | null, number | null, number, { start: number; step: number; length: number }][] = [
    [null, null, null, 5, { start: 0, step: 1, length: 5 }],
    [null, null, -1, 5, { start: 4, step: -1, length: 5 }],
    [1, 100, 2, 5, { start: 1, step: 2, length: 2 }],
    [-100, 100, 1, 5, { start: 0, step: 1, length: 5 }],
    [100, -100, -1, 5, { start: 4, step: -1, length: 5 }],
    [3, 1, 1, 5, { start: 3, step: 1, length: 0 }],
    [-2, null, null, 5, { start: 3, step: 1, length: 2 }],
    [null, null, 3, 0, { start: 0, step: 3, length: 0 }],
    [0, 0, -3, 1, { start: 0, step: -3, length: 0 }],
  ];
  it.each(cases)("%s:%s:%s of %s", (a, b, c, n, want) => expect(adjustSlice(a, b, c, n)).toEqual(want));
  it("step 0 is NumPy's ValueError", () => expect(() => adjustSlice(null, null, 0, 3)).toThrow("slice step cannot be zero"));
});
