/**
 * The "printing, random, files" section of `np` (runtime/np.ts) exposes NumPy's names, wired to
 * the modules that implement them.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { load, save } from "../../../runtime/npy/index.js";
import { array2string, array_repr, array_str, get_printoptions, set_printoptions } from "../../../runtime/print/index.js";
import { random } from "../../../runtime/random/index.js";

describe("np's printing, random and files names", () => {
  it.each<[string, unknown, unknown]>([
    ["random", np.random, random],
    ["save", np.save, save],
    ["load", np.load, load],
    ["array2string", np.array2string, array2string],
    ["array_repr", np.array_repr, array_repr],
    ["array_str", np.array_str, array_str],
    ["set_printoptions", np.set_printoptions, set_printoptions],
    ["get_printoptions", np.get_printoptions, get_printoptions],
  ])("np.%s", (_name, got, want) => {
    expect(got).toBe(want);
  });
  it("np.random has NumPy's legacy and Generator names", () => {
    for (const name of ["seed", "rand", "randn", "randint", "random", "random_sample", "standard_normal", "normal", "uniform", "shuffle", "permutation", "choice", "get_state", "set_state", "default_rng"]) {
      expect(typeof (np.random as Record<string, unknown>)[name], name).toBe("function");
    }
  });
  it("an int32 bound past 2**31 names the default-dtype difference", () => {
    expect(() => np.random.randint(0, 2 ** 32)).toThrow(/high is out of bounds for int32 \(int32 is this runtime's default integer/);
  });
});
