/** Shared by the NumPy-syntax tests: one in-process cell session, and helpers to run cells. */
import { createCellSession, type StridedCellSession } from "../../../../kernel/session/index.js";
import type { EvalOutcome } from "../../../../kernel/session/contract.js";
import { MemoryPublisher, OPTS } from "../memory-publisher.js";
import { unJsonFloats, type NumpyAnswer } from "../../../support/numpy.js";

let session: StridedCellSession | undefined;

/** The session (made and warmed on first use). */
export async function cellSession(): Promise<StridedCellSession> {
  if (!session) {
    session = await createCellSession({ notebookDir: process.cwd() });
    await session.ready();
  }
  return session;
}

/** Run one cell. */
export async function run(code: string): Promise<EvalOutcome> {
  return (await cellSession()).execute(code, new MemoryPublisher(), OPTS);
}

/** Run a cell that must succeed; its value. */
export async function value(code: string): Promise<unknown> {
  const r = await run(code);
  if (r.status !== "ok") throw new Error(`cell failed: ${code}\n${r.ename}: ${r.evalue}\n${r.traceback.join("\n")}`);
  return r.value;
}

/** Run a cell that must fail; its error. */
export async function failure(code: string): Promise<{ ename: string; evalue: string; traceback: string[] }> {
  const r = await run(code);
  if (r.status !== "error") throw new Error(`expected an error from: ${code}\ngot ${String(r.value)}`);
  return r;
}

interface ArrayView {
  dtype: string;
  shape: number[];
  tolist(): unknown;
  flags: { owndata: boolean };
}

function isArrayView(v: unknown): v is ArrayView {
  return typeof v === "object" && v !== null && "shape" in v && "tolist" in v && "dtype" in v;
}

/** A result as plain data: arrays by dtype, shape, values and whether they own their data. */
export function plain(v: unknown): unknown {
  if (isArrayView(v)) return { dtype: v.dtype, shape: [...v.shape], values: v.tolist(), owndata: v.flags.owndata };
  return v;
}

/** The arrays every table starts from: C order, F order, a negative-stride view, size 0, size 1, float, bool. */
export const SETUP = [
  "const x = np.arange(4);",
  "const y = np.array([1, 2, 3, 4]);",
  "const f = np.array([0.5, -1.5, 2.25, 3]);",
  "const a = np.arange(12).reshape(3, 4);",
  "const F = np.asfortranarray(np.arange(6).reshape(2, 3));",
  "const r = np.arange(8).get(\"::-2\");",
  "const e = np.zeros([0], { dtype: \"int32\" });",
  "const s1 = np.array([7]);",
  "const b = np.array([true, false, true, false]);",
].join("\n");

/** The kernel's answer to `cell` in the NumPy driver's encoding; an error as its name, with its message when `withMessage`. */
export async function kernelAnswer(cell: string, withMessage: boolean): Promise<{ ok: unknown } | { error: string }> {
  const r = await run(cell);
  if (r.status === "error") return { error: withMessage ? `${r.ename}: ${r.evalue}` : r.ename };
  return { ok: plain(r.value) };
}

/** NumPy's answer in the same encoding as kernelAnswer. */
export function numpyAnswer(a: NumpyAnswer, withMessage: boolean): { ok: unknown } | { error: string } {
  if ("error" in a) return { error: withMessage ? `${a.error}: ${a.message}` : a.error };
  const v = a.ok as Record<string, unknown> | unknown;
  if (v && typeof v === "object" && "__ndarray__" in v) {
    const arr = v as unknown as { dtype: string; shape: number[]; values: unknown; owndata: boolean };
    return { ok: { dtype: arr.dtype, shape: arr.shape, values: unJsonFloats(arr.values), owndata: arr.owndata } };
  }
  return { ok: unJsonFloats(v) };
}
