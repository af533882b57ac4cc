/**
 * One pass of the NumPy-syntax rewrite over a checked cell: every operator, compound assignment
 * or subscript whose operand is an array (its type holds the runtime's `NDArray`, or it was
 * rewritten earlier in this pass) becomes the direct call NumPy makes:
 *
 *   x + y        -> np.add(x, y)               -x          -> np.negative(x)
 *   x < 3        -> np.less(x, 3)              a["1:3"]    -> a.get("1:3")
 *   a == 0       -> np.equal(a, 0)             (`===` stays identity; `a == null` stays JS)
 *   x += y       -> np.add(x, y, { out: x })   (in place, also for a `const x`)
 *   s += x       -> s = np.add(s, x)           (s not an array: NumPy rebinds s)
 *   a[i] = v     -> a.set(i, v)                a[i] += v   -> __strided_syntax__.updateAt(np.add, a, [i], v)
 *   a[1, 2]      -> a.get(1, 2)                (JavaScript's comma operator becomes NumPy's tuple index)
 *
 * Operands keep their text and position (edits.ts), so the checker's later errors land on what
 * the user typed. Rule: children are rewritten before parents, so `(x + y) * 2` is one pass.
 * A pass cannot see through a declaration made in the same pass (`const z = x + y; z * 2`): the
 * driver (check.ts) re-checks and runs another pass until nothing changes.
 * Cost: one walk of the cell, one cached type lookup per operand of an operator or subscript.
 */
import ts from "typescript";
import { parseIndex } from "../../../runtime/indexing/parse.js";
import { SYNTAX_HELPER } from "./augment.js";
import type { Edit } from "./edits.js";
import { BINARY_UFUNCS, COMPOUND_UFUNCS, UNARY_UFUNCS, UNSUPPORTED } from "./operators.js";

const NO_MATMUL: ReadonlySet<number> = new Set();

/** An error the rewrite itself finds (a bad index string, an unsupported form), in pass coordinates. */
export interface SyntaxProblem {
  start: number;
  length: number;
  message: string;
}

/** A rewritten operator or subscript (operator "[", ufunc "get" or "set"): where its token is (pass coordinates) and what it was. */
export interface RewrittenOperator {
  start: number;
  length: number;
  /** The whole expression the operator was in. */
  exprStart: number;
  exprEnd: number;
  operator: string;
  ufunc: string;
}

export interface PassResult {
  edits: Edit[];
  problems: SyntaxProblem[];
  operators: RewrittenOperator[];
}

/** Does `type` hold the runtime's NDArray (itself, or in a union)? */
export type ArrayTest = (type: ts.Type) => boolean;

/** A test for NDArray types of one program: the class declared in `ndarrayFile`. */
export function arrayTest(ndarrayFile: (fileName: string) => boolean): ArrayTest {
  const cache = new Map<ts.Type, boolean>();
  const test = (t: ts.Type): boolean => {
    let r = cache.get(t);
    if (r !== undefined) return r;
    if (t.isUnionOrIntersection()) r = t.types.some(test);
    else if (t.flags & ts.TypeFlags.TypeParameter) {
      const constraint = t.getConstraint();
      r = constraint !== undefined && test(constraint);
    } else {
      const sym = t.getSymbol();
      r = sym?.name === "NDArray" && (sym.declarations ?? []).some((d) => ndarrayFile(d.getSourceFile().fileName));
    }
    cache.set(t, r);
    return r;
  };
  return test;
}

const isEquality = (k: ts.SyntaxKind): boolean => k === ts.SyntaxKind.EqualsEqualsToken || k === ts.SyntaxKind.ExclamationEqualsToken;

const isAssignment = (k: ts.SyntaxKind): boolean => k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;

const LITERALS = new Set([
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.BigIntLiteral,
]);

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** Run one pass over `sf`. */
export function rewritePass(sf: ts.SourceFile, checker: ts.TypeChecker, isArrayType: ArrayTest, matmulAt: ReadonlySet<number> = NO_MATMUL): PassResult {
  const edits: Edit[] = [];
  const problems: SyntaxProblem[] = [];
  const operators: RewrittenOperator[] = [];
  /** Nodes rewritten in this pass into calls returning arrays: true when always an array (not `NDArray | number`). */
  const made = new Map<ts.Node, boolean>();
  /** Names declared in this pass from such nodes without a type annotation (`const z = x + y`), so
   * `z * 2` later in the cell is rewritten in the same pass instead of needing another check. */
  const madeNames = new Map<ts.Symbol, boolean>();
  const madeName = (e: ts.Expression): boolean | undefined => {
    if (!ts.isIdentifier(e) || !madeNames.size) return undefined;
    const sym = checker.getSymbolAtLocation(e);
    return sym ? madeNames.get(sym) : undefined;
  };

  /** `x == null` / `x != undefined`: JavaScript's nullish test, never NumPy's equal. */
  const isNullish = (e: ts.Expression): boolean => {
    const inner = skipParens(e);
    if (inner.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(inner) && inner.text === "undefined") || ts.isVoidExpression(inner)) return true;
    return (checker.getTypeAtLocation(inner).flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0;
  };
  const isArray = (e: ts.Expression): boolean => {
    const inner = skipParens(e);
    if (LITERALS.has(inner.kind)) return false; // no type lookup for `2`, `"s"`, `true`
    if (made.has(inner) || madeName(inner) !== undefined) return true;
    return isArrayType(checker.getTypeAtLocation(inner));
  };
  /** An assignment target's declared type (the checker gives `any` for a `const` target). */
  const isArrayTarget = (e: ts.Expression): boolean => {
    const known = madeName(e);
    if (known !== undefined) return known;
    const name = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) ? e.name : undefined;
    const sym = name && checker.getSymbolAtLocation(name);
    const t = sym ? checker.getTypeOfSymbol(sym) : checker.getTypeAtLocation(e);
    // in place only when the target always holds an array; `let t: NDArray | number` is rebound
    const members = t.isUnion() ? t.types.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))) : [t];
    return members.length > 0 && members.every(isArrayType);
  };
  const open = (node: ts.Node, text: string, anchor: number): void => {
    edits.push({ start: node.getStart(sf), end: node.getStart(sf), text, side: "open", anchor });
  };
  const close = (node: ts.Node, text: string, anchor?: number): void => {
    edits.push({ start: node.end, end: node.end, text, side: "close", anchor: anchor ?? node.end });
  };
  const replace = (token: ts.Node, text: string): void => {
    edits.push({ start: token.getStart(sf), end: token.end, text });
  };
  const problem = (node: ts.Node, message: string): void => {
    problems.push({ start: node.getStart(sf), length: node.end - node.getStart(sf), message });
  };
  const operator = (token: ts.Node, ufunc: string): void => {
    const expr = token.parent;
    operators.push({ start: token.getStart(sf), length: token.end - token.getStart(sf), exprStart: expr.getStart(sf), exprEnd: expr.end, operator: token.getText(sf), ufunc });
  };

  /** `a[i]` on an array whose index is not one of its own member names. */
  const isArraySubscript = (e: ts.Expression): e is ts.ElementAccessExpression => {
    if (!ts.isElementAccessExpression(e) || !isArray(e.expression)) return false;
    const arg = e.argumentExpression;
    if (ts.isStringLiteralLike(arg) || ts.isNumericLiteral(arg)) {
      const objType = checker.getTypeAtLocation(e.expression);
      if (!objType.isUnion() && checker.getPropertyOfType(objType, arg.text)) return false;
    }
    const t = checker.getTypeAtLocation(arg);
    return !(t.flags & ts.TypeFlags.ESSymbolLike);
  };

  /** Check each string literal of an index (`a["1:3"]`, `a[0, "::2"]`) with the runtime's own parser. */
  const checkIndexString = (arg: ts.Expression): void => {
    if (ts.isBinaryExpression(arg) && arg.operatorToken.kind === ts.SyntaxKind.CommaToken) {
      checkIndexString(arg.left);
      checkIndexString(arg.right);
      return;
    }
    if (!ts.isStringLiteralLike(arg)) return;
    try {
      parseIndex(arg.text);
    } catch (e) {
      problem(arg, (e as Error).message.replace(/a\.get\(("[^"]*")\)/g, "a[$1]"));
    }
  };

  const bracketTokens = (e: ts.ElementAccessExpression): { open: ts.Node; close: ts.Node } => {
    const kids = e.getChildren(sf);
    const openTok = kids.find((k) => k.kind === ts.SyntaxKind.OpenBracketToken);
    const closeTok = kids.find((k) => k.kind === ts.SyntaxKind.CloseBracketToken);
    if (!openTok || !closeTok) throw new Error("an element access without brackets (a bug in the NumPy-syntax rewrite)");
    return { open: openTok, close: closeTok };
  };

  /** `a[i]` read: `a.get(i)` (`a?.[i]` -> `a?.get(i)`). */
  const rewriteGet = (e: ts.ElementAccessExpression): void => {
    visit(e.expression);
    visit(e.argumentExpression);
    checkIndexString(e.argumentExpression);
    const b = bracketTokens(e);
    operators.push({ start: b.open.getStart(sf), length: 1, exprStart: e.getStart(sf), exprEnd: e.end, operator: "[", ufunc: "get" });
    replace(b.open, e.questionDotToken ? "get(" : ".get(");
    replace(b.close, ")");
    // a view for sure only with one index string holding ':', '...' or 'None' (get's first overload)
    const arg = e.argumentExpression;
    made.set(e, !e.questionDotToken && ts.isStringLiteralLike(arg) && /:|\.\.\.|None/.test(arg.text));
  };

  /** A plain name or a chain of names (`x`, `this.a.b`): safe to evaluate twice, on one line. */
  const isSimpleTarget = (e: ts.Expression): boolean => {
    if (e.getText(sf).includes("\n")) return false;
    if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) return true;
    return ts.isPropertyAccessExpression(e) && !e.questionDotToken && isSimpleTarget(e.expression);
  };

  const visitAssignment = (node: ts.BinaryExpression): boolean => {
    const kind = node.operatorToken.kind;
    const left = skipParens(node.left);
    if (kind === ts.SyntaxKind.EqualsToken) {
      if (!isArraySubscriptTarget(left)) return false;
      // a[i] = v -> a.set(i, v)
      visit(left.expression);
      visit(left.argumentExpression);
      visit(node.right);
      checkIndexString(left.argumentExpression);
      const b = bracketTokens(left);
      operators.push({ start: b.open.getStart(sf), length: 1, exprStart: left.getStart(sf), exprEnd: left.end, operator: "[", ufunc: "set" });
      replace(b.open, ".set(");
      replace(b.close, "");
      replace(node.operatorToken, ",");
      close(node.right, ")");
      return true;
    }
    const ufunc = COMPOUND_UFUNCS.get(kind);
    if (!ufunc) {
      const hint = UNSUPPORTED.get(kind);
      if (hint && (isArray(node.left) || isArray(node.right))) {
        visitChildren(node);
        problem(node.operatorToken, `operator '${node.operatorToken.getText(sf)}' cannot be applied to an NDArray: ${hint}`);
        return true;
      }
      return false;
    }
    if (isArraySubscriptTarget(left)) {
      // a[i] += v -> __strided_syntax__.updateAt(np.add, a, [i], v)
      visit(left.expression);
      visit(left.argumentExpression);
      visit(node.right);
      checkIndexString(left.argumentExpression);
      const b = bracketTokens(left);
      open(left, `${SYNTAX_HELPER}.updateAt(np.${ufunc}, `, node.operatorToken.getStart(sf));
      replace(b.open, ", [");
      replace(b.close, "]");
      replace(node.operatorToken, ",");
      close(node.right, ")");
      operator(node.operatorToken, ufunc);
      made.set(node, false);
      return true;
    }
    const leftIsArray = isArrayTarget(left);
    if (!leftIsArray && !isArray(node.left) && !isArray(node.right)) return false;
    visit(node.left);
    visit(node.right);
    if (!isSimpleTarget(left)) {
      problem(node.left, `an in-place '${node.operatorToken.getText(sf)}' on an array needs a name or a property (x, obj.x) or a subscript (a["1:3"]) on its left`);
      return true;
    }
    const target = left.getText(sf);
    if (leftIsArray) {
      // x += y -> np.add(x, y, { out: x }), in place as NumPy's __iadd__
      open(node.left, `np.${ufunc}(`, node.operatorToken.getStart(sf));
      replace(node.operatorToken, ",");
      close(node.right, `, { out: ${target} })`, node.operatorToken.getStart(sf));
    } else {
      // s += x with s not an array: NumPy rebinds s to the new array
      replace(node.operatorToken, `= np.${ufunc}(${target},`);
      close(node.right, ")");
    }
    operator(node.operatorToken, ufunc);
    made.set(node, true);
    return true;
  };

  const isArraySubscriptTarget = (e: ts.Expression): e is ts.ElementAccessExpression => ts.isElementAccessExpression(e) && !e.questionDotToken && isArraySubscript(e);

  const visitChildren = (node: ts.Node): void => {
    ts.forEachChild(node, visit);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node)) {
      visitChildren(node);
      const init = node.initializer && skipParens(node.initializer);
      const kind = init && made.get(init);
      if (kind !== undefined && !node.type && ts.isIdentifier(node.name)) {
        const sym = checker.getSymbolAtLocation(node.name);
        if (sym) madeNames.set(sym, kind);
      }
      return;
    }
    if (ts.isBinaryExpression(node)) {
      if (isAssignment(node.operatorToken.kind) && visitAssignment(node)) return;
      visitChildren(node);
      // a `*` that the user typed as `@` (python-operators.ts): np.matmul, on arrays only
      const matmul = node.operatorToken.kind === ts.SyntaxKind.AsteriskToken && matmulAt.has(node.operatorToken.getStart(sf));
      const ufunc = matmul ? "matmul" : BINARY_UFUNCS.get(node.operatorToken.kind);
      if (matmul && !isArray(node.left) && !isArray(node.right)) {
        problem(node.operatorToken, "operator '@' (np.matmul) needs an NDArray operand: for numbers write *");
        return;
      }
      if (ufunc && (isArray(node.left) || isArray(node.right)) && !(isEquality(node.operatorToken.kind) && (isNullish(node.left) || isNullish(node.right)))) {
        open(node.left, `np.${ufunc}(`, node.operatorToken.getStart(sf));
        replace(node.operatorToken, ",");
        close(node.right, ")", node.operatorToken.getStart(sf));
        operator(node.operatorToken, ufunc);
        if (matmul) operators[operators.length - 1].operator = "@";
        made.set(node, true);
      } else if (!ufunc && UNSUPPORTED.has(node.operatorToken.kind) && (isArray(node.left) || isArray(node.right))) {
        problem(node.operatorToken, `operator '${node.operatorToken.getText(sf)}' cannot be applied to an NDArray: ${UNSUPPORTED.get(node.operatorToken.kind)}`);
      }
      return;
    }
    if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      const operand = node.operand;
      const kind = node.operator;
      const increments = kind === ts.SyntaxKind.PlusPlusToken || kind === ts.SyntaxKind.MinusMinusToken;
      if (increments && (isArrayTarget(skipParens(operand)) || (ts.isElementAccessExpression(skipParens(operand)) && isArraySubscript(skipParens(operand))))) {
        problem(node, `operator '${ts.tokenToString(kind)}' cannot be applied to an NDArray or its elements: ${UNSUPPORTED.get(kind)}`);
        return;
      }
      visitChildren(node);
      if (!ts.isPrefixUnaryExpression(node) || !isArray(operand)) return;
      const ufunc = UNARY_UFUNCS.get(kind);
      if (ufunc) {
        const tokenStart = node.getStart(sf);
        edits.push({ start: tokenStart, end: tokenStart + 1, text: `np.${ufunc}(` });
        close(operand, ")", tokenStart);
        operators.push({ start: tokenStart, length: 1, exprStart: tokenStart, exprEnd: node.end, operator: ts.tokenToString(kind) ?? "", ufunc });
        made.set(node, true);
      } else if (kind === ts.SyntaxKind.PlusToken) {
        problem(node, `operator '+' cannot be applied to an NDArray: ${UNSUPPORTED.get(kind)}`);
      }
      return;
    }
    if (ts.isElementAccessExpression(node) && isArraySubscript(node)) {
      rewriteGet(node);
      return;
    }
    visitChildren(node);
  };

  visit(sf);
  return { edits, problems, operators };
}
