/** The structure names API.md section 3 promises on `np` and on every array. */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";

describe("np has the structure half of API.md section 3", () => {
  const fns = [
    "array", "asarray", "arange", "linspace", "zeros", "ones", "empty", "full", "eye", "zeros_like", "ones_like", "empty_like", "full_like", "copy",
    "reshape", "ravel", "transpose", "swapaxes", "expand_dims", "squeeze", "broadcast_to", "ascontiguousarray", "asfortranarray", "concatenate", "stack",
    "shares_memory", "may_share_memory", "byte_bounds",
  ] as const;
  it.each(fns)("np.%s is a function", (name) => expect(typeof np[name]).toBe("function"));
  it("np.lib.stride_tricks.as_strided", () => expect(typeof np.lib.stride_tricks.as_strided).toBe("function"));

  const a = np.arange(6).reshape(2, 3);
  const methods = ["get", "set", "item", "tolist", "fill", "reshape", "ravel", "flatten", "copy", "astype", "transpose", "swapaxes", "squeeze"] as const;
  it.each(methods)("a.%s is a method", (name) => expect(typeof a[name]).toBe("function"));
  it("attributes", () => {
    expect(a.shape).toEqual([2, 3]);
    expect(a.ndim).toBe(2);
    expect(a.size).toBe(6);
    expect(a.dtype).toBe("int32");
    expect(a.itemsize).toBe(4);
    expect(a.nbytes).toBe(24);
    expect(a.strides).toEqual([12, 4]);
    expect(a.base).not.toBe(null); // a view of the arange
    expect(a.T.base).toBe(a.base);
    expect(a.data).toBeInstanceOf(Int32Array);
    expect(a.offset).toBe(0);
    expect(a.get(1).offset).toBe(12); // a.get(1) on a 2-D array is typed NDArray<1>: no cast
    expect(a.flags.c_contiguous).toBe(true);
  });
});
