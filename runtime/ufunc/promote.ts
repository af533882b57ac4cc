/**
 * Type resolution for ufuncs: casting rules, NEP 50 weak scalars, and NumPy's loop search.
 *
 * Rules (NumPy 2, NEP 50; numpy/core/src/umath/ufunc_type_resolution.c, convert_datatype.c):
 * - can_cast(from, to, "safe") holds when every value of `from` is a value of `to`;
 *   "same_kind" also allows casts that keep or raise the kind in the order b < u < i < f;
 *   "unsafe" allows anything; "no"/"equiv" only the same dtype.
 * - A plain JS number or bigint is a *weak* scalar: next to an array it takes the array's kind
 *   when it can (an integer beside an integer array takes that array's dtype and must fit:
 *   `Python integer 300 out of bounds for uint8`; any number beside a float array takes the
 *   float dtype); a non-integer number beside an integer or bool array is float64; an integer
 *   beside a bool array, or alone, is int32 (our default int) when it fits, else int64 (a bigint,
 *   or a safe integer number), uint64 for a bigint in [2^63, 2^64), float64 for a number past 2^53.
 * - The loop is the first entry of the ufunc's loop list (NumPy's order `? b B h H i I l L f d`,
 *   l/L being our int64/uint64) to which every input casts safely: int32 with uint32 is int64,
 *   int64 with uint64 is float64, as in NumPy.
 * - Integer inputs to true_divide use the float64 loop (NumPy's TrueDivisionTypeResolver).
 * Cost: O(loops) per call, a handful of table look-ups.
 */
import { BIG_RANGE, DTYPES, DEFAULT_FLOAT, DEFAULT_INT, type DType } from "../core/dtype.js";
import { UFuncTypeError, ValueError } from "../core/errors.js";
import { OverflowError } from "./errors.js";

/** NumPy's casting rules, from strictest to loosest. */
export type Casting = "no" | "equiv" | "safe" | "same_kind" | "unsafe";

/** The order NumPy lists its loops in, restricted to our dtypes. */
export const LOOP_ORDER: readonly DType[] = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"];

const SAFE: Record<DType, readonly DType[]> = {
  bool: LOOP_ORDER,
  int8: ["int8", "int16", "int32", "int64", "float32", "float64"],
  uint8: ["uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"],
  int16: ["int16", "int32", "int64", "float32", "float64"],
  uint16: ["uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"],
  int32: ["int32", "int64", "float64"],
  uint32: ["uint32", "int64", "uint64", "float64"],
  int64: ["int64", "float64"],
  uint64: ["uint64", "float64"],
  float32: ["float32", "float64"],
  float64: ["float64"],
};

const KIND_ORDER = { b: 0, u: 1, i: 2, f: 4 } as const;

/**
 * NumPy's `np.can_cast(from, to, casting)` for our dtypes.
 *
 * @example
 * canCast("int32", "float64", "safe")      // true
 * canCast("float64", "float32", "same_kind") // true
 * canCast("float64", "int32", "same_kind")   // false
 */
export function canCast(from: DType, to: DType, casting: Casting): boolean {
  if (from === to) return true;
  switch (casting) {
    case "no":
    case "equiv":
      return false;
    case "safe":
      return SAFE[from].includes(to);
    case "same_kind":
      return SAFE[from].includes(to) || KIND_ORDER[DTYPES[from].kind] <= KIND_ORDER[DTYPES[to].kind];
    case "unsafe":
      return true;
  }
}

/**
 * NumPy's `np.promote_types(a, b)` for our dtypes.
 *
 * @example
 * promoteTypes("int8", "uint8")   // "int16"
 * promoteTypes("int32", "uint32") // "int64"
 * promoteTypes("int64", "uint64") // "float64"
 * promoteTypes("int16", "float32") // "float32"
 */
export function promoteTypes(a: DType, b: DType): DType {
  for (const t of LOOP_ORDER) if (SAFE[a].includes(t) && SAFE[b].includes(t)) return t;
  return "float64";
}

/** One operand as the type resolver sees it: an array's dtype, or a weak JS number or bigint. */
export type TypeOperand = { dtype: DType } | { weak: number | bigint };

/** Whether an integer value (a number or a bigint) fits an integer dtype (always, for float and bool dtypes). @example fitsInteger(300, "uint8") // false */
export function fitsInteger(value: number | bigint, dtype: DType): boolean {
  if (dtype === "bool" || dtype === "float32" || dtype === "float64") return true;
  const [lo, hi] = BIG_RANGE[dtype];
  if (typeof value === "bigint") return value >= lo && value <= hi;
  return value >= Number(lo) && (dtype === "int64" || dtype === "uint64" ? value < Number(hi) + 1 : value <= Number(hi)); // 2^63 and 2^64 are exact doubles
}

/** Whether a weak scalar is integer-valued (every bigint is). @example isIntegral(2.5) // false */
export const isIntegral = (v: number | bigint): boolean => typeof v === "bigint" || Number.isInteger(v);

/**
 * The dtype of an integer scalar on its own (np.array's rule, create/array.ts): int32 when a
 * number fits it, else int64 (a bigint, or a number up to 2^53), uint64 for a bigint in
 * [2^63, 2^64), float64 for a larger number; a bigint past uint64 is NumPy's OverflowError.
 *
 * @example
 * scalarIntDType(7) // "int32"
 * scalarIntDType(2 ** 40) // "int64"
 * scalarIntDType(2n ** 63n) // "uint64"
 */
export function scalarIntDType(v: number | bigint): DType {
  if (typeof v === "number") return fitsInteger(v, "int32") ? DEFAULT_INT : Number.isSafeInteger(v) ? "int64" : DEFAULT_FLOAT;
  if (fitsInteger(v, "int64")) return "int64";
  if (fitsInteger(v, "uint64")) return "uint64";
  throw new OverflowError(`Python int too large to convert to C long: ${v}n`);
}

/**
 * The dtype a weak scalar takes beside the strong dtypes `others` (NEP 50). Throws NumPy 2's
 * OverflowError when an integer does not fit the integer dtype it must take, unless
 * `allowOutOfRange` (comparisons, which NumPy 2 answers exactly).
 *
 * @example
 * weakScalarDType(2, ["int8"])     // "int8"
 * weakScalarDType(2.5, ["int8"])   // "float64"
 * weakScalarDType(300, ["uint8"])  // throws OverflowError: Python integer 300 out of bounds for uint8
 */
export function weakScalarDType(value: number | bigint, others: readonly DType[], allowOutOfRange = false): DType {
  const isInt = isIntegral(value);
  if (others.length === 0) return isInt ? scalarIntDType(value) : DEFAULT_FLOAT;
  const strong = others.reduce(promoteTypes);
  const kind = DTYPES[strong].kind;
  if (kind === "f") return strong;
  if (!isInt) return DEFAULT_FLOAT;
  if (kind === "b") return scalarIntDType(value);
  if (!fitsInteger(value, strong) && !allowOutOfRange) {
    throw new OverflowError(`Python integer ${value} out of bounds for ${strong}`);
  }
  return strong;
}

/** What a ufunc's type resolution decided. */
export interface Resolved {
  /** The dtype every input is cast to for the loop. */
  readonly loopIn: DType;
  /** The dtype the loop writes. */
  readonly loopOut: DType;
  /** The dtype each operand enters resolution with (weak scalars resolved). */
  readonly inDTypes: readonly DType[];
}

/** How a ufunc's loops are laid out: input dtypes allowed, and the output of each. */
export interface LoopTable {
  readonly name: string;
  /** Input dtypes that have a loop, in NumPy's order. */
  readonly loops: readonly DType[];
  /** The loop's output dtype for input dtype t ("bool" for comparisons). */
  readonly out: (t: DType) => DType;
  /** Integer inputs go to float64 (true_divide). */
  readonly intToFloat?: boolean;
  /** logical_and/or/xor: a same-dtype loop only when every input is an array of that one dtype, else the bool loop (NumPy's logical promoter). */
  readonly logical?: boolean;
  /** Comparisons accept out-of-range weak integers (NumPy 2 answers them exactly). */
  readonly comparison?: boolean;
  /** NumPy's error when no loop fits (e.g. boolean subtract). */
  readonly noLoopMessage?: (types: readonly DType[]) => string | undefined;
}

const dt = (t: DType): string => `dtype('${t}')`;

/**
 * Resolve the loop of a ufunc for the given operands (NumPy's linear loop search after NEP 50).
 * `dtype` forces the loop whose output is that dtype; inputs must then cast under `casting`,
 * and weak numbers are converted as NumPy 1.24 (weak promotion) does it, through Python's int()
 * for an integer loop: a fraction truncates, NaN and infinities raise before any cast check
 * (`np.add(f32, Infinity, { dtype: "int16" })`: OverflowError, cannot convert float infinity to integer).
 *
 * @example
 * const r = resolveLoop(UFUNCS.add, [{ dtype: "int32" }, { weak: 2.5 }]);
 * [r.loopIn, r.loopOut] // ["float64", "float64"]
 */
export function resolveLoop(table: LoopTable, ops: readonly TypeOperand[], dtype?: DType, casting: Casting = "same_kind"): Resolved {
  const strong: DType[] = [];
  for (const o of ops) if ("dtype" in o) strong.push(o.dtype);
  // comparisons answer out-of-range integers exactly (NumPy 2); true_divide and the logical ufuncs
  // convert a weak integer straight to their float64 / bool loop, so its range does not matter there
  const anyRange = table.comparison === true || table.intToFloat === true || table.logical === true;
  if (dtype !== undefined) {
    const noLoop = (): never => {
      throw new UFuncTypeError(`No loop matching the specified signature and casting was found for ufunc ${table.name}`);
    };
    // comparisons and logical ufuncs: every loop writes bool, so only dtype bool has a loop
    if (table.loops.every((t) => table.out(t) === "bool")) {
      if (dtype !== "bool") noLoop();
      return resolveLoop(table, ops, undefined, casting);
    }
    const loop = table.loops.find((t) => table.out(t) === dtype) ?? noLoop();
    // weak scalars are converted to the loop dtype, not cast-checked; an integer must fit it, and
    // NumPy says so before it checks the arrays' casts (np.minimum(f32, 10**16, dtype=int16))
    const inDTypes = ops.map((o) => ("dtype" in o ? o.dtype : weakScalarDType(o.weak, strong, true)));
    for (const o of ops) {
      // a weak float into an integer loop goes through Python's int(): NaN and infinities have none
      if ("weak" in o && !anyRange && typeof o.weak === "number" && !Number.isFinite(o.weak) && (DTYPES[loop].kind === "i" || DTYPES[loop].kind === "u")) {
        if (Number.isNaN(o.weak)) throw new ValueError("cannot convert float NaN to integer");
        throw new OverflowError("cannot convert float infinity to integer");
      }
      if ("weak" in o && !anyRange && isIntegral(o.weak) && !fitsInteger(o.weak, loop)) {
        throw new OverflowError(`Python integer ${o.weak} out of bounds for ${loop}`);
      }
    }
    inDTypes.forEach((t, i) => {
      if ("dtype" in ops[i] && !canCast(t, loop, casting)) {
        throw new UFuncTypeError(`Cannot cast ufunc '${table.name}' input ${i} from ${dt(t)} to ${dt(loop)} with casting rule '${casting}'`);
      }
    });
    return { loopIn: loop, loopOut: table.out(loop), inDTypes };
  }
  const inDTypes = ops.map((o) => ("dtype" in o ? o.dtype : weakScalarDType(o.weak, strong, anyRange)));
  const refused = table.noLoopMessage?.(inDTypes);
  if (refused !== undefined) throw new TypeError(refused);
  if (table.logical === true) {
    const same = ops.every((o) => "dtype" in o && o.dtype === inDTypes[0]);
    return same ? { loopIn: inDTypes[0], loopOut: "bool", inDTypes } : { loopIn: "bool", loopOut: "bool", inDTypes };
  }
  const allInt = inDTypes.every((t) => DTYPES[t].kind !== "f");
  const candidates = table.intToFloat && allInt ? ["float64" as DType] : table.loops;
  for (const t of candidates) {
    if (inDTypes.every((d) => SAFE[d].includes(t))) return { loopIn: t, loopOut: table.out(t), inDTypes };
  }
  throw new UFuncTypeError(
    `ufunc '${table.name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
  );
}
