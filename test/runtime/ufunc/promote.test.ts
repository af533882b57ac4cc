import { describe, expect, it } from "vitest";
import { canCast, promoteTypes, resolveLoop, weakScalarDType } from "../../../runtime/ufunc/promote.js";
import { UFUNCS } from "../../../runtime/ufunc/defs.js";
import type { DType } from "../../../runtime/core/dtype.js";

describe("promoteTypes (NumPy's table)", () => {
  it.each([
    ["bool", "bool", "bool"],
    ["bool", "int8", "int8"],
    ["int8", "uint8", "int16"],
    ["uint8", "int16", "int16"],
    ["uint16", "int16", "int32"],
    ["int32", "uint32", "int64"],
    ["uint32", "int8", "int64"],
    ["int64", "uint64", "float64"],
    ["uint8", "uint64", "uint64"],
    ["int64", "float32", "float64"],
    ["bool", "uint64", "uint64"],
    ["uint8", "uint32", "uint32"],
    ["int16", "float32", "float32"],
    ["int32", "float32", "float64"],
    ["float32", "float64", "float64"],
  ] as [DType, DType, DType][])("%s + %s -> %s", (a, b, r) => {
    expect(promoteTypes(a, b)).toBe(r);
    expect(promoteTypes(b, a)).toBe(r);
  });
});

describe("canCast", () => {
  it.each([
    ["int32", "float64", "safe", true],
    ["int32", "float32", "safe", false],
    ["int32", "float32", "same_kind", true],
    ["float64", "int32", "same_kind", false],
    ["float64", "int32", "unsafe", true],
    ["uint32", "int8", "same_kind", true],
    ["int8", "uint32", "same_kind", false],
    ["int8", "bool", "same_kind", false],
    ["bool", "float32", "no", false],
    ["float32", "float32", "no", true],
  ] as const)("%s -> %s under %s: %s", (f, t, c, r) => {
    expect(canCast(f, t, c)).toBe(r);
  });
});

describe("NEP 50 weak scalars", () => {
  it.each([
    [2, ["int32"], "int32"],
    [2, ["uint8"], "uint8"],
    [2.5, ["int32"], "float64"],
    [2.5, ["float32"], "float32"],
    [2, ["float32"], "float32"],
    [1, ["bool"], "int32"],
    [1.5, ["bool"], "float64"],
    [7, [], "int32"],
    [0.5, [], "float64"],
  ] as [number, DType[], DType][])("%s beside %j is %s", (v, others, r) => {
    expect(weakScalarDType(v, others)).toBe(r);
  });
  it("an integer that does not fit raises NumPy 2's OverflowError", () => {
    expect(() => weakScalarDType(300, ["uint8"])).toThrow("Python integer 300 out of bounds for uint8");
    expect(() => weakScalarDType(-1, ["uint32"])).toThrow("Python integer -1 out of bounds for uint32");
    expect(weakScalarDType(300, ["uint8"], true)).toBe("uint8");
  });
  it("with dtype=, a weak integer must fit the loop, checked before the arrays' casts (NumPy 1.24, weak promotion)", () => {
    // np.minimum(np.float32 array, 10**16, dtype=np.int16): OverflowError, not the float32 -> int16 cast error
    const big = 10 ** 16;
    expect(() => resolveLoop(UFUNCS.minimum, [{ dtype: "float32" }, { weak: big }], "int16")).toThrow(`Python integer ${big} out of bounds for int16`);
    expect(() => resolveLoop(UFUNCS.minimum, [{ weak: big }, { dtype: "float32" }], "int16")).toThrow(`Python integer ${big} out of bounds for int16`);
    // a fitting one leaves the cast error; the array's own dtype does not matter when dtype= picks a float loop
    expect(() => resolveLoop(UFUNCS.minimum, [{ dtype: "float32" }, { weak: 3 }], "int16")).toThrow("Cannot cast ufunc 'minimum' input 0 from dtype('float32') to dtype('int16')");
    expect(resolveLoop(UFUNCS.minimum, [{ dtype: "int8" }, { weak: big }], "float32").loopIn).toBe("float32");
  });
});

describe("loop resolution", () => {
  it.each([
    ["add", [{ dtype: "int32" }, { weak: 2 }], "int32", "int32"],
    ["add", [{ dtype: "int32" }, { weak: 2.5 }], "float64", "float64"],
    ["add", [{ dtype: "float32" }, { weak: 2.5 }], "float32", "float32"],
    ["add", [{ dtype: "bool" }, { dtype: "bool" }], "bool", "bool"],
    ["true_divide", [{ dtype: "int32" }, { dtype: "int32" }], "float64", "float64"],
    ["true_divide", [{ dtype: "int8" }, { dtype: "float32" }], "float32", "float32"],
    ["less", [{ dtype: "int16" }, { dtype: "float32" }], "float32", "bool"],
    ["sqrt", [{ dtype: "int8" }], "float32", "float32"],
    ["sqrt", [{ dtype: "int32" }], "float64", "float64"],
    ["logical_and", [{ dtype: "int8" }, { weak: 3 }], "bool", "bool"],
    ["logical_and", [{ dtype: "int8" }, { dtype: "int8" }], "int8", "bool"],
  ] as const)("%s(%j) loops in %s -> %s", (name, ops, loopIn, loopOut) => {
    const r = resolveLoop(UFUNCS[name], ops);
    expect([r.loopIn, r.loopOut]).toEqual([loopIn, loopOut]);
  });
  it("raises NumPy's errors", () => {
    expect(() => resolveLoop(UFUNCS.subtract, [{ dtype: "bool" }, { dtype: "bool" }])).toThrow("numpy boolean subtract");
    expect(() => resolveLoop(UFUNCS.negative, [{ dtype: "bool" }])).toThrow("The numpy boolean negative");
    expect(() => resolveLoop(UFUNCS.bitwise_and, [{ dtype: "float64" }, { dtype: "int32" }])).toThrow("ufunc 'bitwise_and' not supported for the input types");
    expect(() => resolveLoop(UFUNCS.add, [{ dtype: "float64" }, { dtype: "float64" }], "int32")).toThrow(
      "Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
    expect(() => resolveLoop(UFUNCS.less, [{ dtype: "int8" }, { dtype: "int8" }], "int32")).toThrow("No loop matching the specified signature");
  });
});
