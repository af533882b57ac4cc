/**
 * The checker's errors on a rewritten operator, in the user's words: `x + "a"` is checked as
 * `np.add(x, "a")`, whose error is TypeScript's "No overload matches this call" naming both of
 * np.add's overloads. At a rewritten operator that becomes one line naming the operator, the
 * ufunc and the operand that does not fit, as NumPy's UFuncTypeError does at run time.
 */
import ts from "typescript";
import type { RewrittenOperator } from "./rewrite.js";

const NO_OVERLOAD = 2769;
const BAD_ARGUMENT = 2345;
const NO_PROPERTY = 2339;
const MISFIT = /Argument of type '(.*)' is not assignable to parameter of type '(ArrayLike|number|UFuncOptions)'/g;

/** `d` reworded when it sits on a rewritten operator; otherwise `d` itself. */
export function explainDiagnostic(d: ts.Diagnostic, operators: readonly RewrittenOperator[], file: ts.SourceFile): ts.Diagnostic {
  if (d.code === NO_PROPERTY) return explainSubscript(d, operators, file);
  if (d.code !== NO_OVERLOAD && d.code !== BAD_ARGUMENT) return d;
  const value = explainSetValue(d, operators, file);
  if (value) return value;
  // the operator itself, else the innermost rewritten operator whose expression holds the error
  const start = d.start ?? -1;
  const ufuncs = operators.filter((o) => o.operator !== "[");
  const op =
    ufuncs.find((o) => o.start === start) ??
    ufuncs.filter((o) => o.exprStart <= start && start < o.exprEnd).sort((p, q) => q.exprStart - p.exprStart || p.exprEnd - q.exprEnd)[0];
  if (!op) return d;
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const misfits = [...text.matchAll(MISFIT)].filter((m) => m[2] === "ArrayLike").map((m) => m[1]);
  const operand = misfits.length ? misfits[misfits.length - 1] : undefined;
  if (!operand) return d;
  const stringy = /^(string|".*"|'.*'|`.*`)$/.test(operand);
  const hint = stringy ? "; to put an array into text, write a template literal (`${x}`) or String(x)" : "";
  const messageText =
    `operator '${op.operator}' (np.${op.ufunc}) cannot be applied to an NDArray and '${operand}': ` +
    `its operands must be NDArrays, numbers, booleans or nested arrays of them${hint}`;
  return { ...d, messageText, start: op.start, length: op.length };
}

/**
 * `a[0][1]` on an array of unknown rank: `a[0]` is typed `NDArray | number | boolean | bigint` (an element on 1-D), which has no
 * subscript; TypeScript says "Property 'get' does not exist on type 'number'".
 */
function explainSubscript(d: ts.Diagnostic, operators: readonly RewrittenOperator[], file: ts.SourceFile): ts.Diagnostic {
  const op = operators.find((o) => o.operator === "[" && o.start === d.start);
  if (!op) return d;
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const m = /Property '(get|set)' does not exist on type '([^']*)'/.exec(text);
  if (!m) return d;
  const receiver = file.text.slice(op.exprStart, op.start).trim();
  const messageText =
    `${receiver} may be a number or a boolean (its type is '${m[2]}': an element when the array is 1-D, and this array's rank is not known to the types), which has no subscript: ` +
    `index once with NumPy's tuple index (a[0, 1], a[0, "1:3"]), narrow the array once (np.asrank(a, 2), or a as NDArray<2>), or write (${receiver} as NDArray)[...]`;
  return { ...d, messageText };
}

/** `a["1:3"] = "s"`: checked as `a.set("1:3", "s")`, whose error names set's parameter tuple. */
function explainSetValue(d: ts.Diagnostic, operators: readonly RewrittenOperator[], file: ts.SourceFile): ts.Diagnostic | undefined {
  const start = d.start ?? -1;
  const op = operators
    .filter((o) => o.operator === "[" && o.ufunc === "set" && o.exprStart <= start && start < o.exprEnd + 1)
    .sort((p, q) => q.exprStart - p.exprStart)[0];
  if (!op) return undefined;
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const m = /Type '(.*)' is not assignable to type 'SetValue'/.exec(text);
  if (!m) return undefined;
  const target = file.text.slice(op.exprStart, op.exprEnd);
  const messageText = `cannot assign '${m[1]}' to ${target}: the value must be a number, a boolean, an NDArray or nested arrays of them`;
  return { ...d, messageText };
}
