/**
 * The .npy header and file round trips (runtime/npy). Header texts and file sizes are what
 * NumPy 1.24's np.save writes for the same arrays (checked with io.BytesIO).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DType } from "../../../runtime/core/dtype.js";
import { readFlat } from "../../../runtime/core/iterate.js";
import { decodeHeader, encodeHeader } from "../../../runtime/npy/header.js";
import { fromNpyBytes, load, npyBytes, save } from "../../../runtime/npy/index.js";
import { buildArray, type Layout } from "./layout.js";

const dir = mkdtempSync(join(tmpdir(), "strided-npy-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("header", () => {
  it.each<[string, DType, number[], Layout, number, string]>([
    ["1-D float64", "float64", [3], "C", 152, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"],
    ["F-order float32", "float32", [2, 3], "F", 152, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }"],
    ["0-d", "float64", [], "C", 136, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }"],
    ["size 0 bool", "bool", [0], "C", 128, "{'descr': '|b1', 'fortran_order': False, 'shape': (0,), }"],
    ["non-contiguous is written in C order", "int16", [2, 2], "step", 136, "{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }"],
    ["negative strides too", "uint8", [3], "neg", 131, "{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }"],
  ])("%s", (_name, dtype, shape, layout, size, dict) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const bytes = npyBytes(buildArray(dtype, shape, layout, Array.from({ length: n }, (_, i) => i % 2)));
    expect(bytes.length).toBe(size);
    const { header, dataOffset } = decodeHeader(bytes);
    expect(dataOffset % 64).toBe(0);
    expect(Buffer.from(bytes.subarray(10, dataOffset)).toString("latin1").trimEnd()).toBe(dict);
    expect(header.shape).toEqual(shape);
  });

  it("reads versions 2.0 and 3.0 (4-byte header length)", () => {
    const v1 = encodeHeader({ descr: "<i4", fortran_order: false, shape: [2] });
    const text = Buffer.from(v1.subarray(10)).toString("latin1");
    for (const major of [2, 3]) {
      const head = Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]), Buffer.alloc(4), Buffer.from(text, "latin1")]);
      head.writeUInt32LE(text.length, 8);
      const file = Buffer.concat([head, Buffer.from(new Int32Array([7, -8]).buffer)]);
      const a = fromNpyBytes(new Uint8Array(file));
      expect([a.dtype, ...readFlat(a)]).toEqual(["int32", 7, -8]);
    }
  });

  it.each<[string, Uint8Array, RegExp]>([
    ["bad magic", new Uint8Array([1, 2, 3, 4, 5, 6, 1, 0, 0, 0]), /not a \.npy file/],
    ["version 9", new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 9, 0, 0, 0]), /we only support format version/],
    ["truncated data", encodeHeader({ descr: "<f8", fortran_order: false, shape: [4] }), /file too short: shape \(4,\) with dtype '<f8' needs 32 bytes of data, the file has 0/],
  ])("refuses %s", (_name, bytes, msg) => {
    expect(() => fromNpyBytes(bytes)).toThrow(msg);
  });
});

describe("save and load", () => {
  it.each<[DType, number[], Layout]>([
    ["float64", [2, 3], "C"],
    ["float64", [2, 3], "F"],
    ["int32", [3, 2], "neg"],
    ["uint32", [4], "step"],
    ["bool", [1], "C"],
    ["float32", [], "C"],
    ["int8", [0, 2], "C"],
  ])("%s %j %s round-trips, keeping Fortran order", (dtype, shape, layout) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const a = buildArray(dtype, shape, layout, Array.from({ length: n }, (_, i) => (dtype === "bool" ? 1 : i * 3 - 2 + (dtype.startsWith("u") ? 2 : 0))));
    const path = join(dir, `rt_${dtype}_${layout}`);
    save(path, a); // ".npy" is appended, as NumPy does
    const b = load(`${path}.npy`);
    expect([b.dtype, ...b.shape]).toEqual([a.dtype, ...a.shape]);
    expect(Array.from(readFlat(b) as ArrayLike<number>)).toEqual(Array.from(readFlat(a) as ArrayLike<number>));
    if (layout === "F") expect(b.strides).toEqual([8, 16]);
  });

  it("saves array-likes through asarray, as NumPy does", () => {
    const path = join(dir, "list.npy");
    save(path, [
      [1, 2],
      [3, 4],
    ]);
    const b = load(path);
    expect([b.dtype, ...b.shape, ...readFlat(b)]).toEqual(["int32", 2, 2, 1, 2, 3, 4]);
  });

  it("reads big-endian data", () => {
    const text = "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }";
    const head = encodeHeader({ descr: ">f8", fortran_order: false, shape: [1] });
    expect(Buffer.from(head).toString("latin1")).toContain(text);
    const be = Buffer.alloc(8);
    be.writeDoubleBE(1.5);
    const path = join(dir, "be.npy");
    writeFileSync(path, Buffer.concat([head, be]));
    expect(Array.from(readFlat(load(path)) as ArrayLike<number>)).toEqual([1.5]);
    expect(readFileSync(path).length).toBe(136);
  });
});
