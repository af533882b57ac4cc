/**
 * The static types that follow an array: its rank (number of axes) and its element kind, as the
 * type parameters of `NDArray<R, K>`. Types only: nothing here exists at run time.
 *
 * Rule: `R` is a number literal (`0`, `1`, `2`, ...) when the code that made the array says its
 * rank, and `number` when it cannot be known (a parameter typed `NDArray`, `np.load`, a shape
 * computed at run time). `K` is `"number"` for the numeric dtypes, `"boolean"` for bool and
 * `"bigint"` for int64/uint64 (whose elements read back as JS bigints). Plain `NDArray` is
 * `NDArray<number, Kind>`: any array. An unknown rank stays unknown through every operation: no
 * type ever claims a rank the code did not state.
 *
 * Cost: every cell is checked by a fresh checker, so these types are evaluated again in each cell
 * that uses them. Rank arithmetic is therefore table lookup (no recursion on numbers, ranks past
 * 16 become `number`), index tuples are read position by position without recursion (up to three
 * arguments, an index string of up to two parts), and the hot signatures (ufuncs, `get`,
 * reductions) infer `R` and `K` directly from `NDArray<R, K>` instead of walking an `ArrayLike`.
 * `R` and `K` are declared covariant (`out`), so the checker relates `NDArray<1>` to `NDArray` by
 * the type arguments alone; for that to hold, NDArray's members use `R` only as `NDArray<R, K>` or
 * through a table indexed by it (`AtTable<K>[R]`, `ByRank<K, E>[R]`), never in a conditional type
 * (the checker cannot prove a conditional covariant). Each table lists ranks 0 to 8 and answers
 * the honest unknown for any other rank (`number` included) through its index signature.
 *
 * Narrowing an unknown rank is one annotation: `const v = a as NDArray<1>` (unchecked), or
 * `np.asrank(a, 1)` (checked at run time: throws when `a.ndim !== 1`).
 */
import type { NDArray } from "./ndarray.js";

/** The element kind of an array: what its elements read back as in JavaScript. */
export type Kind = "number" | "boolean" | "bigint";

/** What an element of each kind reads back as. */
export interface KindValues {
  number: number;
  boolean: boolean;
  bigint: bigint;
}
/** The JS type of one element of an array of kind `K` (a union when `K` is). */
export type Elem<K extends Kind> = KindValues[K];

/** The kind of the elements of dtype `D` (a dtype name). */
export type KindOfDType<D> = D extends "bool" ? "boolean" : D extends "int64" | "uint64" ? "bigint" : D extends string ? "number" : Kind;

/** `Less[r]` is r - 1 (`never` below 0). */
type Less = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
/** `More[r]` is r + 1 (`number` past 16). */
type More = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, number];
/** `Below[r]` is every rank smaller than r. */
type Below = [never, 0, 0 | 1, 0 | 1 | 2, 0 | 1 | 2 | 3, 0 | 1 | 2 | 3 | 4, 0 | 1 | 2 | 3 | 4 | 5, 0 | 1 | 2 | 3 | 4 | 5 | 6, 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7];

/** r - 1 (`number` stays `number`). */
export type RankDown<R extends number> = number extends R ? number : R extends keyof Less ? Less[R] : number;
/** r + 1 (`number` stays `number`). */
export type RankUp<R extends number> = number extends R ? number : R extends keyof More ? More[R] : number;
/** r - n, for a literal n up to 3 (`number` when either is unknown or n is larger). */
export type RankMinus<R extends number, N extends number> =
  N extends 0 ? R : N extends 1 ? RankDown<R> : N extends 2 ? RankDown<RankDown<R>> : N extends 3 ? RankDown<RankDown<RankDown<R>>> : number;
/** r + n, for a literal n up to 3. */
export type RankPlus<R extends number, N extends number> =
  N extends 0 ? R : N extends 1 ? RankUp<R> : N extends 2 ? RankUp<RankUp<R>> : N extends 3 ? RankUp<RankUp<RankUp<R>>> : number;
/** The larger of two ranks (NumPy's broadcast rank); `number` when either is unknown or above 8. */
export type RankMax<A extends number, B extends number> =
  number extends A | B ? number : A extends B ? A : A extends keyof Below ? (B extends Below[A] ? A : B extends keyof Below ? B : number) : number;

type Scalar = number | boolean | bigint;
/**
 * An array-like's rank: 0 for a number, boolean or bigint, an array's own rank, the nesting depth
 * of JS arrays (up to 4 deep; arrays inside one JS array add one).
 */
export type RankOf<A> =
  A extends NDArray<infer R, Kind> ? R
  : A extends Scalar ? 0
  : A extends readonly (infer E)[] ? ListRank<E>
  : A extends ArrayBufferView ? 1
  : number;
type ListRank<E> =
  [E] extends [Scalar] ? 1
  : [E] extends [NDArray<infer R, Kind>] ? RankUp<R>
  : [E] extends [readonly (infer F)[]] ? ([F] extends [Scalar] ? 2 : [F] extends [readonly (infer G)[]] ? ([G] extends [Scalar] ? 3 : [G] extends [readonly Scalar[]] ? 4 : number) : number)
  : number;

/** What a JS value of this type is as an element kind. */
type ScalarKind<S> = [S] extends [number] ? "number" : [S] extends [boolean] ? "boolean" : [S] extends [bigint] ? "bigint" : Kind;
/** An array-like's element kind: a scalar's, an array's own, or the leaves' of nested JS arrays (up to 4 deep). */
export type KindOf<A> =
  A extends NDArray<number, infer K> ? K
  : A extends Scalar ? ScalarKind<A>
  : A extends readonly (infer E)[] ? ListKind<E>
  : A extends ArrayBufferView ? "number"
  : Kind;
type ListKind<E> =
  [E] extends [never] ? "number"
  : [E] extends [Scalar] ? ScalarKind<E>
  : [E] extends [NDArray<number, infer K>] ? K
  : [E] extends [readonly (infer F)[]] ? ([F] extends [Scalar] ? ScalarKind<F> : [F] extends [readonly (infer G)[]] ? ([G] extends [Scalar] ? ScalarKind<G> : [G] extends [readonly (infer H)[]] ? ScalarKind<H> : Kind) : Kind)
  : Kind;

/**
 * The element kind that creation options ask for (`{ dtype: "bool" }`, or a dtype string in their
 * place), else `F` (the default for that function: `"number"`, or the input's kind).
 */
export type KindFrom<O, F extends Kind> =
  O extends string ? KindOfDType<O>
  : O extends { dtype?: infer D } ? (D extends string ? KindOfDType<D> : F)
  : F;

/** The rank of a shape argument: a number is 1-D, a tuple has its length, a `number[]` is unknown. */
export type ShapeRank<S> = S extends number ? 1 : S extends readonly unknown[] ? S["length"] : number;

/** How many axes an `axis` argument names: 1 for a number, a tuple's length, unknown for `number[]`. */
export type AxisCount<A> = A extends number ? 1 : A extends readonly unknown[] ? A["length"] : number;

/**
 * The element kind of an arithmetic ufunc's result from its operands' kinds (NumPy's promotion,
 * coarse): bool with bool gives `BB` (bool for add/multiply/maximum, numbers for divide); bigint
 * (int64) with bool or bigint stays bigint, with numbers it may be either; anything else with a
 * number-kind array is a number. An unknown kind stays unknown.
 */
export type ArithKind<KX extends Kind, KY extends Kind, BB extends Kind = "number"> =
  Kind extends KX | KY ? Kind
  : [KX | KY] extends ["boolean"] ? BB
  : [KX | KY] extends ["number" | "boolean"] ? "number"
  : [KX | KY] extends ["bigint" | "boolean"] ? "bigint"
  : "bigint" | "number";
/** The kind of an array of kind `K` combined with a JS number (a weak scalar, NEP 50). */
export type WithNumberKind<K extends Kind> = [K] extends ["number" | "boolean"] ? "number" : Kind extends K ? Kind : "bigint" | "number";

/**
 * One index argument's effect: `"i"` an integer (removes an axis), `"n"` `None` (adds one), `"k"`
 * a slice or `...` (keeps), `"ii"`/`"ik"`/... a two-part index string, `"?"` not readable here.
 */
type Tok<A> =
  A extends number ? "i"
  : A extends null | undefined ? "n"
  : A extends string ? (string extends A ? "?" : A extends `${infer P},${infer Q}` ? (Q extends `${infer Q1},${infer Q2}` ? (Q2 extends `${string},${string}` ? ViewOrUnknown<A> : `${PartTok<P>}${PartTok<Q1>}${PartTok<Q2>}`) : `${PartTok<P>}${PartTok<Q>}`) : PartTok<A>)
  : "?";
/** A long index string: a view (of a rank not read here) when it holds a slice, `...` or `None`. */
type ViewOrUnknown<A extends string> = A extends `${string}:${string}` | `${string}...${string}` | `${string}None${string}` ? "v" : "?";
type PartTok<P extends string> =
  P extends `${string}:${string}` | `${string}...${string}` ? "k" : P extends `${string}None${string}` ? "n" : "i";

/**
 * The rank change of a token string (the tokens of every index argument in a row): how many axes
 * the integers remove and `None`s add, and whether only integers were given (then one per axis
 * gives an element). Strings of up to three tokens are listed; longer or unreadable ones are unknown.
 */
interface Effects {
  "": [0, 0, true]; i: [1, 0, true]; n: [0, 1, false]; k: [0, 0, false];
  ii: [2, 0, true]; ik: [1, 0, false]; ki: [1, 0, false]; kk: [0, 0, false]; in: [1, 1, false]; ni: [1, 1, false]; kn: [0, 1, false]; nk: [0, 1, false]; nn: [0, 2, false];
  iii: [3, 0, true]; iik: [2, 0, false]; iki: [2, 0, false]; kii: [2, 0, false]; ikk: [1, 0, false]; kik: [1, 0, false]; kki: [1, 0, false]; kkk: [0, 0, false];
  iin: [2, 1, false]; ini: [2, 1, false]; nii: [2, 1, false]; ink: [1, 1, false]; ikn: [1, 1, false]; kin: [1, 1, false]; kni: [1, 1, false]; nik: [1, 1, false]; nki: [1, 1, false];
  knk: [0, 1, false]; kkn: [0, 1, false]; nkk: [0, 1, false]; inn: [1, 2, false]; nin: [1, 2, false]; nni: [1, 2, false]; knn: [0, 2, false]; nkn: [0, 2, false]; nnk: [0, 2, false]; nnn: [0, 3, false];
}
/** Index effects that give a view: not integers only (a slice, `...`, `None`), or a long string with one. */
type ViewEffect = [number, number, false] | "v";
/**
 * What an index with effect `E` (an `Effects` row, `"v"` or `"?"`) gives on an array of known rank
 * `R`. Written as the same conditional as `ApplyUnknown` (view or not) so that the checker can
 * relate each row of `ByRank` to its index signature.
 */
type Apply<R extends number, K extends Kind, E> = E extends ViewEffect ? ViewOn<R, K, E> : IntsOn<R, K, E>;
type ViewOn<R extends number, K extends Kind, E> =
  E extends [infer M extends number, infer P extends number, boolean] ? NDArray<RankPlus<RankMinus<R, M>, P>, K> : NDArray<number, K>;
type IntsOn<R extends number, K extends Kind, E> =
  E extends [infer M extends number, number, true]
    ? RankMinus<R, M> extends infer RM extends number
      ? [RM] extends [never] ? NDArray<number, K> | KindValues[K] // more integers than axes: an IndexError at run time
      : RM extends 0 ? KindValues[K] : NDArray<RM, K>
      : never
    : NDArray<number, K> | KindValues[K];
/** The same on an array of unknown rank: a view, or (integers only, or unreadable) the honest union. */
type ApplyUnknown<K extends Kind, E> = E extends ViewEffect ? NDArray<number, K> : NDArray<number, K> | KindValues[K];
/** `ByRank<K, E>[R]`: what an index with effect `E` gives on an array of rank `R` (a table, see the head of this file). */
export interface ByRank<K extends Kind, E> {
  [rank: number]: ApplyUnknown<K, E>;
  0: Apply<0, K, E>;
  1: Apply<1, K, E>;
  2: Apply<2, K, E>;
  3: Apply<3, K, E>;
  4: Apply<4, K, E>;
  5: Apply<5, K, E>;
  6: Apply<6, K, E>;
  7: Apply<7, K, E>;
  8: Apply<8, K, E>;
}

/**
 * What `a.get(...index)` (NumPy's `a[index]`) gives on an array of rank `R` and kind `K`:
 * an element when every index is an integer and there is one per axis, else a view whose rank is
 * `R` minus the integers plus the `None`s. Up to three index parts are read (the arguments, an index
 * string's comma-separated parts: `a.get(0, ":")`, `a.get("0, :")`); a longer index holding a slice,
 * `...` or `None` is a view of unknown rank; with an unknown rank, or an index the types cannot
 * read (a `string`, a longer index), it is the honest union `NDArray<number, K> | element`.
 */
export type IndexResult<R extends number, K extends Kind, I extends readonly unknown[]> = ByRank<K, IndexEffect<I>>[R];
/** The effect of an index tuple (an `Effects` row, `"v"` or `"?"`), read from up to three parts without recursion. */
export type IndexEffect<I extends readonly unknown[]> =
  I extends readonly [] ? Effects[""]
  : I extends readonly [infer A] ? Lookup<Tok<A>>
  : I extends readonly [infer A, infer B] ? Lookup<`${Tok<A>}${Tok<B>}`>
  : I extends readonly [infer A, infer B, infer C] ? Lookup<`${Tok<A>}${Tok<B>}${Tok<C>}`>
  : "?";
type Lookup<T extends string> = T extends keyof Effects ? Effects[T] : T extends `${string}v${string}` ? "v" : "?";

/** What `a[i]` (one integer) gives on an array of rank `R`: an element on 1-D, a view of rank R-1 above (`AtTable<K>[R]`). */
export type AtIndex<R extends number, K extends Kind> = AtTable<K>[R];
/** `AtTable<K>[R]`: one integer index on rank R; the honest union when R is unknown (or 0, an IndexError). */
export interface AtTable<K extends Kind> {
  [rank: number]: NDArray<number, K> | KindValues[K];
  1: KindValues[K];
  2: NDArray<1, K>;
  3: NDArray<2, K>;
  4: NDArray<3, K>;
  5: NDArray<4, K>;
  6: NDArray<5, K>;
  7: NDArray<6, K>;
  8: NDArray<7, K>;
}

/**
 * What a reduction's second argument (an options object, or NumPy's positional `axis`) does to
 * the rank: `"scalar"` (no axis, no keepdims, no out: a JS value), a number of axes removed (0 for
 * `keepdims: true`), `"?"` an unknown number of axes, `"both"` when the types cannot tell
 * (`keepdims: boolean`).
 */
export type ReduceEffect<O> =
  O extends null | undefined ? "scalar"
  : O extends number ? 1
  : O extends readonly unknown[] ? AxisCount<O>
  : O extends { keepdims: true } ? 0
  : O extends { axis: number } ? 1
  : O extends { axis: readonly unknown[] } ? AxisCount<O["axis"]>
  : O extends { axis?: null | undefined; keepdims?: false | undefined } ? "scalar"
  : O extends { axis: number | readonly unknown[] } ? "?"
  : "both";
/** A reduction with effect `E` on rank `R` (known); the same conditionals as the table's index signature. */
type ReduceOn<R extends number, K extends Kind, E> =
  E extends "scalar" ? KindValues[K] : E extends "both" ? NDArray<number, K> | KindValues[K] : E extends number ? NDArray<RankMinus<R, E>, K> : NDArray<number, K>;
/** `ReducedByRank<K, E>[R]`: a reduction with effect `E` on an array of rank `R` (a table, see the head of this file). */
export interface ReducedByRank<K extends Kind, E> {
  [rank: number]: E extends "scalar" ? KindValues[K] : E extends "both" ? NDArray<number, K> | KindValues[K] : NDArray<number, K>;
  0: ReduceOn<0, K, E>;
  1: ReduceOn<1, K, E>;
  2: ReduceOn<2, K, E>;
  3: ReduceOn<3, K, E>;
  4: ReduceOn<4, K, E>;
  5: ReduceOn<5, K, E>;
  6: ReduceOn<6, K, E>;
  7: ReduceOn<7, K, E>;
  8: ReduceOn<8, K, E>;
}

/** What a reduction gives: `out` when given, else an array of the reduced rank, or an element of kind `K`. */
export type Reduced<R extends number, O, K extends Kind> = O extends { out: infer Out extends NDArray } ? Out : ReducedByRank<K, ReduceEffect<O>>[R];

/** `ShiftByRank<M, P>[R]`: R - M + P as a table (squeeze, fancy indexing); unknown past rank 8. */
export interface ShiftByRank<M extends number, P extends number> {
  [rank: number]: number;
  0: RankPlus<RankMinus<0, M>, P>;
  1: RankPlus<RankMinus<1, M>, P>;
  2: RankPlus<RankMinus<2, M>, P>;
  3: RankPlus<RankMinus<3, M>, P>;
  4: RankPlus<RankMinus<4, M>, P>;
  5: RankPlus<RankMinus<5, M>, P>;
  6: RankPlus<RankMinus<6, M>, P>;
  7: RankPlus<RankMinus<7, M>, P>;
  8: RankPlus<RankMinus<8, M>, P>;
}

/** The kind of a sum or product: bools add up as integers. */
export type SumKind<K extends Kind> = K extends "boolean" ? "number" : K;
