/**
 * The allocating fast paths of applyUFunc for int32/float32 (two contiguous arrays of one dtype;
 * a contiguous array with a JS number) give what the general path gives: same dtype, shape,
 * strides and bits, for arithmetic that wraps or rounds and for comparisons. The general path is
 * forced with an explicit `casting: "same_kind"` (any option skips the fast paths).
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";

type Op = "add" | "subtract" | "multiply" | "true_divide" | "less" | "greater_equal" | "equal" | "maximum";
const OPS: Op[] = ["add", "subtract", "multiply", "true_divide", "less", "greater_equal", "equal", "maximum"];
const call = (op: Op, x: unknown, y: unknown, general: boolean): NDArray =>
  (np[op] as (a: unknown, b: unknown, o?: object) => NDArray)(x, y, general ? { casting: "same_kind" } : undefined);

function same(fast: NDArray, slow: NDArray): void {
  expect([fast.dtype, fast.shape, fast.strides]).toEqual([slow.dtype, slow.shape, slow.strides]);
  expect(new Uint8Array(fast.tobytes())).toEqual(new Uint8Array(slow.tobytes()));
}

const i32 = np.array([2147483647, -2147483648, -1, 0, 1, 65536, -65537, 46341, 7, -9, 12, 3, 100000, -5, 8, 1 << 30, 31, 2, 4], { dtype: "int32" });
const f32 = np.array([0, -0, Infinity, -Infinity, NaN, 1.401298464324817e-45, 3.4028234663852886e38, 0.1, -2.5, 1e-3, 7, 1e6, -1e-38, 3, 5, 0.5, 9, 1, 2], { dtype: "float32" });

describe("int32/float32 fast paths agree with the general path", () => {
  for (const [name, a] of [["int32", i32], ["float32", f32]] as const) {
    const shaped = a.get(":16").reshape(4, 4);
    it.each(OPS)(`${name} arrays, %s`, (op) => {
      same(call(op, a, a.get("::-1").copy(), false), call(op, a, a.get("::-1").copy(), true));
      same(call(op, shaped, shaped.T.copy(), false), call(op, shaped, shaped.T.copy(), true));
    });
    it.each(OPS)(`${name} array with numbers, %s`, (op) => {
      for (const v of [0, 1, -1, 3, 2147483647, -2147483648, 2.5, -0.1, 1e300, NaN, Infinity, 2 ** 40]) {
        for (const [x, y] of [[a, v], [v, a], [shaped, v], [v, shaped]] as const) {
          let fast: NDArray | Error, slow: NDArray | Error;
          try { fast = call(op, x, y, false); } catch (e) { fast = e as Error; }
          try { slow = call(op, x, y, true); } catch (e) { slow = e as Error; }
          if (slow instanceof Error || fast instanceof Error) expect(String(fast)).toBe(String(slow));
          else same(fast, slow);
        }
      }
    });
  }
});
