/**
 * Which JavaScript operator on an array calls which NumPy ufunc (NumPy's own operator table,
 * `ndarray.__add__` -> `np.add` ...), `==`/`!=` included (`ndarray.__eq__` is `np.equal`, so
 * `a[a == 0] = 9` works). `===`, `!==`, `&&`, `||`, `??` keep JavaScript's meaning (identity,
 * truthiness), so `b.base === a` reads as Python's `b.base is a`; `x == null` keeps JavaScript's
 * meaning too (rewrite.ts never rewrites an equality with a `null`/`undefined` operand).
 */
import ts from "typescript";

const K = ts.SyntaxKind;

/** Binary operators -> ufunc names. */
export const BINARY_UFUNCS: ReadonlyMap<ts.SyntaxKind, string> = new Map([
  [K.PlusToken, "add"],
  [K.MinusToken, "subtract"],
  [K.AsteriskToken, "multiply"],
  [K.SlashToken, "true_divide"],
  [K.AsteriskAsteriskToken, "power"],
  [K.PercentToken, "remainder"],
  [K.LessThanToken, "less"],
  [K.LessThanEqualsToken, "less_equal"],
  [K.GreaterThanToken, "greater"],
  [K.GreaterThanEqualsToken, "greater_equal"],
  [K.EqualsEqualsToken, "equal"],
  [K.ExclamationEqualsToken, "not_equal"],
  [K.AmpersandToken, "bitwise_and"],
  [K.BarToken, "bitwise_or"],
  [K.CaretToken, "bitwise_xor"],
]);

/** Compound assignments -> ufunc names (in place, as NumPy's `__iadd__`). */
export const COMPOUND_UFUNCS: ReadonlyMap<ts.SyntaxKind, string> = new Map([
  [K.PlusEqualsToken, "add"],
  [K.MinusEqualsToken, "subtract"],
  [K.AsteriskEqualsToken, "multiply"],
  [K.SlashEqualsToken, "true_divide"],
  [K.AsteriskAsteriskEqualsToken, "power"],
  [K.PercentEqualsToken, "remainder"],
  [K.AmpersandEqualsToken, "bitwise_and"],
  [K.BarEqualsToken, "bitwise_or"],
  [K.CaretEqualsToken, "bitwise_xor"],
]);

/** Prefix operators -> ufunc names. */
export const UNARY_UFUNCS: ReadonlyMap<ts.SyntaxKind, string> = new Map([
  [K.MinusToken, "negative"],
  [K.TildeToken, "invert"],
]);

/** Operators with no NumPy meaning on arrays here, and what to write instead. */
export const UNSUPPORTED: ReadonlyMap<ts.SyntaxKind, string> = new Map([
  [K.LessThanLessThanToken, "NumPy's left_shift is not in np: shift the elements with a JS loop"],
  [K.GreaterThanGreaterThanToken, "NumPy's right_shift is not in np: shift the elements with a JS loop"],
  [K.GreaterThanGreaterThanGreaterThanToken, "'>>>' has no NumPy meaning"],
  [K.LessThanLessThanEqualsToken, "NumPy's left_shift is not in np"],
  [K.GreaterThanGreaterThanEqualsToken, "NumPy's right_shift is not in np"],
  [K.GreaterThanGreaterThanGreaterThanEqualsToken, "'>>>=' has no NumPy meaning"],
  [K.PlusPlusToken, "write x += 1 (in place, as NumPy)"],
  [K.MinusMinusToken, "write x -= 1 (in place, as NumPy)"],
  [K.PlusToken, "unary + would turn the array into NaN: write x.copy()"],
]);
