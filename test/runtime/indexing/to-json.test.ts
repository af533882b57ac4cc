/** JSON.stringify(array) writes the array's elements (toJSON = tolist), never NDArray's fields or the rest of a buffer. */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/index.js";

describe("JSON.stringify of arrays", () => {
  it("writes nested element arrays, 0-d as the scalar, bool as booleans, NaN/Infinity as null", () => {
    expect(JSON.stringify(np.arange(6).reshape(2, 3))).toBe("[[0,1,2],[3,4,5]]");
    expect(JSON.stringify({ a: np.array(2.5), b: np.array([true, false]) })).toBe('{"a":2.5,"b":[true,false]}');
    expect(JSON.stringify(np.array([NaN, -Infinity, -0.5], { dtype: "float64" }))).toBe("[null,null,-0.5]");
  });

  it("a view writes its own elements in its own order, not its buffer", () => {
    const big = np.arange(100000, { dtype: "float64" }).reshape(1000, 100);
    const s = JSON.stringify(big.get(":3, ::-50"));
    expect(s).toBe("[[99,49],[199,149],[299,249]]");
    expect(JSON.stringify(big.T.get(":2, :2"))).toBe("[[0,100],[1,101]]");
  });

  it("int64 elements are bigints: JSON.stringify refuses them as it refuses any bigint", () => {
    expect(() => JSON.stringify(np.arange(3, { dtype: "int64" }))).toThrow(/BigInt/);
    expect(JSON.stringify(np.arange(3, { dtype: "int64" }).astype("float64"))).toBe("[0,1,2]");
  });
});
