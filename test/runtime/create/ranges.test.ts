import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";

describe("arange", () => {
  const cases: [string, (number | { dtype: "float32" })[], string, number[]][] = [
    ["stop", [4], "int32", [0, 1, 2, 3]],
    ["start, stop", [2, 5], "int32", [2, 3, 4]],
    ["negative step", [5, 0, -2], "int32", [5, 3, 1]],
    ["empty range", [5, 1], "int32", []],
    ["float step", [1, 2, 0.25], "float64", [1, 1.25, 1.5, 1.75]],
    ["float stop counts ceil", [0, 1.1], "float64", [0, 1]],
    ["length is ceil((stop-start)/step)", [0, 0.3, 0.1], "float64", [0, 0.1, 0.2]],
    // NumPy 1.24's values: start + i*delta rounded in float32 at each step
    ["float32 arithmetic", [0, 1, 0.1, { dtype: "float32" }], "float32", [0.0, 0.10000000149011612, 0.20000000298023224, 0.30000001192092896, 0.4000000059604645, 0.5, 0.6000000238418579, 0.699999988079071, 0.800000011920929, 0.9000000357627869]],
  ];
  it.each(cases)("%s", (_n, args, dtype, values) => {
    const a = np.arange(...(args as number[]));
    expect(a.dtype).toBe(dtype);
    expect(a.tolist()).toEqual(values);
  });
  it("a zero step is NumPy's ZeroDivisionError", () => {
    expect(() => np.arange(0, 1, 0)).toThrow("division by zero");
  });
});

describe("linspace", () => {
  const cases: [string, [number, number, number?, { endpoint?: boolean; dtype?: "int32" }?], number[]][] = [
    ["5 points", [0, 1, 5], [0, 0.25, 0.5, 0.75, 1]],
    ["no endpoint", [0, 1, 4, { endpoint: false }], [0, 0.25, 0.5, 0.75]],
    ["one point", [2, 3, 1], [2]],
    ["zero points", [2, 3, 0], []],
    ["the end is exactly stop", [0, 0.3, 3], [0, 0.15, 0.3]],
    ["integer dtype floors", [0, 10, 5, { dtype: "int32" }], [0, 2, 5, 7, 10]],
    ["descending", [1, -1, 3], [1, 0, -1]],
  ];
  it.each(cases)("%s", (_n, args, values) => {
    expect(np.linspace(...args).tolist()).toEqual(values);
  });
  it("defaults to 50 samples and refuses negative counts", () => {
    expect(np.linspace(0, 1).shape).toEqual([50]);
    expect(() => np.linspace(0, 1, -1)).toThrow("Number of samples, -1, must be non-negative.");
  });
});

describe("eye", () => {
  const cases: [string, () => ReturnType<typeof np.eye>, unknown][] = [
    ["square", () => np.eye(2), [[1, 0], [0, 1]]],
    ["wide, k=1", () => np.eye(2, 3, { k: 1 }), [[0, 1, 0], [0, 0, 1]]],
    ["k below", () => np.eye(3, { k: -1, dtype: "int32" }), [[0, 0, 0], [1, 0, 0], [0, 1, 0]]],
    ["k past the edge", () => np.eye(2, { k: 5 }), [[0, 0], [0, 0]]],
    ["empty", () => np.eye(0), []],
    ["F order", () => np.eye(2, 3, { order: "F" }), [[1, 0, 0], [0, 1, 0]]],
  ];
  it.each(cases)("%s", (_n, make, values) => expect(make().tolist()).toEqual(values));
});
