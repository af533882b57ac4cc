/**
 * Test helper: build an array with a given layout from C-order values WITHOUT np.array (so these
 * tests do not depend on the creation module), and the matching NumPy expression.
 * Layouts: "C", "F" (Fortran order), "neg" (axis 0 reversed: negative stride), "step" (every
 * other element along axis 0 of a twice-as-long owner: non-contiguous).
 */
import { DTYPES, type DType } from "../../../runtime/core/dtype.js";
import { newArray } from "../../../runtime/core/make.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
export { mulberry32 as prng } from "../../support/prng.js";

export type Layout = "C" | "F" | "neg" | "step";

/** Python that turns a case {dtype, shape, layout, values} into the same NumPy array (defines `build(c)`). */
export const PY_BUILD = String.raw`
def build(c):
    def v(x):
        if isinstance(x, str) and x.startswith("int:"): return int(x[4:])
        if isinstance(x, str): return float(x) if x != "-0" else -0.0
        return x
    dt = np.bool_ if c["dtype"] == "bool" else getattr(np, c["dtype"])
    a = np.array([v(x) for x in c["values"]], dtype=dt).reshape(tuple(c["shape"]))
    if a.ndim == 0: return a
    if c["layout"] == "F": return np.asfortranarray(a)
    if c["layout"] == "neg": return np.ascontiguousarray(a[::-1])[::-1]
    if c["layout"] == "step":
        big = np.zeros((a.shape[0] * 2,) + a.shape[1:], dtype=dt)
        big[::2] = a
        return big[::2]
    return a
`;

/** Our array for the case (values in C order; "nan", "inf", "-inf", "-0" strings for specials; "int:123" an exact integer for int64/uint64). */
export function buildArray(dtype: DType, shape: number[], layout: Layout, values: (number | string)[]): NDArray {
  const big = dtype === "int64" || dtype === "uint64";
  const vals = values.map((v) =>
    big ? BigInt(typeof v === "string" ? v.slice(4) : v) : v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v === "-0" ? -0 : Number(v),
  );
  const nd = shape.length;
  const it = DTYPES[dtype].itemsize;
  const lay: Layout = nd === 0 ? "C" : layout;
  const ownerShape = lay === "step" ? [shape[0] * 2, ...shape.slice(1)] : shape;
  const owner = newArray(ownerShape, dtype, lay === "F" ? "F" : "C");
  let strides = owner.strides.slice();
  let offset = 0;
  if (lay === "neg") {
    strides = strides.map((s, j) => (j === 0 ? -s : s));
    offset = shape[0] > 0 ? (shape[0] - 1) * owner.strides[0] : 0;
  } else if (lay === "step") {
    strides = strides.map((s, j) => (j === 0 ? 2 * s : s));
  }
  const a = lay === "C" || lay === "F" ? owner : new NDArray({ data: owner.data, dtype, shape, strides, offset, base: owner, writeable: true });
  const cstr = new Array<number>(nd).fill(1);
  for (let j = nd - 2; j >= 0; j--) cstr[j] = cstr[j + 1] * shape[j + 1];
  for (let i = 0; i < vals.length; i++) {
    let k = offset / it;
    let rem = i;
    for (let j = 0; j < nd; j++) {
      const q = Math.floor(rem / cstr[j]);
      rem -= q * cstr[j];
      k += (q * strides[j]) / it;
    }
    (a.data as unknown as (number | bigint)[])[k] = vals[i];
  }
  return a;
}
