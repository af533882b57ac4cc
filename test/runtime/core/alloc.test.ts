import { describe, expect, it } from "vitest";
import { allocate, allocateUnfilled, allocationStats, WASM_MIN_BYTES } from "../../../runtime/core/alloc.js";
import { allocationOf, inWasmMemory } from "../../../runtime/wasm/heap.js";
import { wasm } from "../../../runtime/wasm/instance.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { MemoryError } from "../../../runtime/core/errors.js";

const ITEMSIZE: Record<DType, number> = { bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8, float32: 4, float64: 8 };

describe("allocateUnfilled", () => {
  // sizes on both sides of the 64-byte on-heap limit, and size 0 / 1
  const cases: [DType, number][] = [
    ["float64", 0], ["float64", 1], ["float64", 8], ["float64", 9], ["float64", 1000],
    ["int32", 16], ["int32", 17], ["uint8", 64], ["uint8", 65], ["bool", 3], ["int16", 5000], ["float32", 100],
  ];
  it.each(cases)("%s x %i: the dtype's typed array, an allocation of its own (an ArrayBuffer at offset 0, or a wasm region), counted", (dtype, n) => {
    const before = allocationStats();
    const d = allocateUnfilled(dtype, n, [n]);
    const after = allocationStats();
    expect(d.length).toBe(n);
    expect(d.BYTES_PER_ELEMENT).toBe(ITEMSIZE[dtype]);
    const al = allocationOf(d);
    expect(al.start).toBe(d.byteOffset);
    expect(al.bytes).toBe(n * ITEMSIZE[dtype]); // not a slice of Node's shared pool
    if (!inWasmMemory(d.buffer)) {
      expect(d.byteOffset).toBe(0);
      expect(d.buffer.byteLength).toBe(n * ITEMSIZE[dtype]);
    }
    // in wasm memory exactly when wasm is available and the buffer is large enough (wasm/heap.ts)
    expect(inWasmMemory(d.buffer)).toBe(wasm() !== null && n * ITEMSIZE[dtype] >= WASM_MIN_BYTES);
    expect(after.bytes - before.bytes).toBe(n * ITEMSIZE[dtype]);
    expect(after.buffers - before.buffers).toBe(1);
  });

  it("two unfilled arrays never share an allocation (show.memory groups by allocation)", () => {
    for (const n of [1, 8, 9, 100, 1000, 100000]) {
      const a = allocateUnfilled("float64", n, [n]);
      const b = allocateUnfilled("float64", n, [n]);
      expect(allocationOf(a).key).not.toBe(allocationOf(b).key);
      if (a.buffer === b.buffer) expect(a.byteOffset + a.byteLength <= b.byteOffset || b.byteOffset + b.byteLength <= a.byteOffset).toBe(true);
    }
  });

  it("is writable and reads back what was written", () => {
    const d = allocateUnfilled("float64", 1000, [1000]);
    for (let i = 0; i < d.length; i++) d[i] = i * 0.5;
    expect(d[999]).toBe(499.5);
  });

  it("fails like allocate, naming the bytes, for sizes that cannot fit", () => {
    expect(() => allocateUnfilled("float64", 1e12, [1e12])).toThrow(MemoryError);
    expect(() => allocateUnfilled("float64", 1e12, [1e12])).toThrow("Unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64");
    expect(() => allocateUnfilled("int32", -1, [-1])).toThrow(MemoryError);
  });
});

describe("allocate", () => {
  it.each([1, 9, 1000, 100000])("zero-fills %i float64 elements even when the allocator reuses memory", (n) => {
    // dirty unfilled buffers first, so a reused block would show through
    for (let k = 0; k < 3; k++) (allocateUnfilled("float64", n, [n]) as Float64Array).fill(7);
    const d = allocate("float64", n, [n]);
    expect(d.every((x) => x === 0)).toBe(true);
  });
});
