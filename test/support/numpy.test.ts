import { describe, expect, it } from "vitest";
import { numpyBatch } from "./numpy.js";
import { missingPythonModules, requirement } from "./requirements.js";

const ok = requirement(missingPythonModules(["numpy"]), "differential harness self-test");

describe.skipIf(!ok)("numpyBatch", () => {
  it("encodes arrays with layout and raises as errors", async () => {
    const res = await numpyBatch(
      "def run(c):\n    if c == 'bad': np.arange(12).reshape(5)\n    return np.arange(6, dtype='int32').reshape(2, 3).T",
      ["good", "bad"],
    );
    expect(res[0]).toEqual({
      ok: expect.objectContaining({ dtype: "int32", shape: [3, 2], strides: [4, 12], values: [[0, 3], [1, 4], [2, 5]], f_contiguous: true, owndata: false }),
    });
    expect(res[1]).toEqual({ error: "ValueError", message: "cannot reshape array of size 12 into shape (5,)" });
  });
});
