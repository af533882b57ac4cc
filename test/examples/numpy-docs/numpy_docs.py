"""NumPy 1.24's own docstring examples for issue 10's routines: extracted, run, translated.

Run by test/examples/numpy-docs.test.ts with Debian's /usr/bin/python3 (argv[1]: a scratch
folder, the working directory of the examples that write files). Prints one JSON document:

  [{"routine": "where", "examples": [{"source": python, "ts": cell | null, "skip": reason | null,
    "expected": {"stdout": text, "value": canonical | null, "error": "Type: message" | null}}]}]

Each docstring is parsed with doctest.DocTestParser into its examples (source/want pairs); the
`want` text is ignored: every example is run here, in order, in one namespace per docstring (as
doctest does), and what NumPy prints now is recorded. Each docstring is run twice; an example
whose output differs between the runs (random numbers without a seed) is skipped.

The translation to a TypeScript cell is mechanical and follows API.md: keyword arguments become
one options object, tuples become arrays, slices become index strings (`a["1:3"]`), `None` /
`np.newaxis` become `None` inside index strings, True/False/None become true/false/null,
`x // y` becomes np.floor_divide, `print` becomes console.log. A Python float literal with an
integer value (`1.0`) has no JavaScript spelling (API.md: write { dtype: "float64" } where NumPy
would infer float from 1.0), so a list literal holding one becomes `np.array(list, { dtype:
"float64" })` and np.array/asarray/arange/full/linspace get `dtype: "float64"`.
Constructs with no mechanical translation are skipped with the reason; so is every later example
that uses a name bound by a skipped one.
"""
import ast
import contextlib
import doctest
import io
import json
import math
import os
import sys
import warnings

import numpy as np

# (routine as reported, Python object path). Issue 10's list.
ROUTINES = [
    "where", "nonzero", "argwhere", "flatnonzero", "count_nonzero", "sort", "argsort",
    "searchsorted", "unique", "isin", "cumsum", "cumprod", "diff", "median", "percentile",
    "quantile", "average", "ptp", "nansum", "nanmean", "nanmin", "nanmax", "nanstd", "nanvar",
    "isnan", "isinf", "isfinite", "allclose", "isclose", "array_equal", "array_equiv", "clip",
    "round", "around", "floor", "ceil", "trunc", "rint", "sign", "log2", "log10", "log1p",
    "expm1", "exp2", "hypot", "floor_divide", "fmod", "arcsin", "arccos", "arctan", "arctan2",
    "logical_and", "logical_or", "logical_not", "logical_xor", "outer", "inner", "trace",
    "diagonal", "diag", "tri", "tril", "triu", "identity", "vander", "moveaxis", "rollaxis",
    "flip", "fliplr", "flipud", "roll", "vstack", "hstack", "dstack", "column_stack", "split",
    "array_split", "hsplit", "vsplit", "dsplit", "tile", "repeat", "append", "insert", "delete",
    "resize", "block", "atleast_1d", "atleast_2d", "atleast_3d", "broadcast_arrays", "meshgrid",
    "indices", "ix_", "fromfunction", "logspace", "geomspace", "frombuffer", "take",
    "ndarray.fill", "ndarray.put", "ndarray.view", "ndarray.tobytes", "savetxt", "loadtxt",
    "random.Generator.choice", "random.Generator.permutation", "random.Generator.shuffle",
    "random.Generator.normal", "random.Generator.uniform", "random.Generator.integers",
]


def routine_object(path):
    obj = np
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


# ---------------------------------------------------------------- running the Python examples

def canon(v):
    """A value as the comparison sees it (the TypeScript side builds the same form)."""
    if v is None:
        return None
    if isinstance(v, np.ndarray):
        return {"array": repr(v)}
    if isinstance(v, (bool, np.bool_)):
        return {"bool": bool(v)}
    if isinstance(v, (int, np.integer)):
        return {"num": str(int(v))}
    if isinstance(v, (float, np.floating)):
        return {"num": repr(float(v))}
    if isinstance(v, (tuple, list)):
        return {"seq": [canon(x) for x in v]}
    if isinstance(v, np.dtype):
        return {"dtype": v.name}
    if isinstance(v, type) and issubclass(v, np.generic):
        return {"dtype": np.dtype(v).name}
    if isinstance(v, str):
        return {"str": v}
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    return {"other": repr(v)}


def run_example(source, globs):
    out = io.StringIO()
    result = {"stdout": "", "value": None, "error": None}
    try:
        tree = ast.parse(source)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        head = ast.Module(body=tree.body[:-1] if last else tree.body, type_ignores=[])
        with contextlib.redirect_stdout(out), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(head, "<example>", "exec"), globs)
            if last is not None:
                value = eval(compile(ast.Expression(body=last.value), "<example>", "eval"), globs)
                if value is not None:
                    result["value"] = canon(value)
                    result["shown"] = repr(value)
    except Exception as e:  # noqa: BLE001 - the example's own error is the result
        result["error"] = f"{type(e).__name__}: {e}"
    result["stdout"] = out.getvalue()
    return result


# Random numbers: NumPy's examples draw from fresh entropy (`default_rng()`, np.random.rand
# without a seed), so both sides get the same seed: `default_rng()` becomes `default_rng(SEED)`
# in the example, and the legacy generator is seeded with SEED before each docstring (the test
# runs SETUP before the docstring's cells).
SEED = 12345
SETUP = f"np.random.seed({SEED})"


def seeded(source):
    return source.replace("default_rng()", f"default_rng({SEED})")


def run_docstring(examples):
    globs = {"np": np}
    np.random.seed(SEED)
    results = []
    for ex in examples:
        results.append(run_example(seeded(ex.source), globs))
    return results


# ---------------------------------------------------------------- translating to TypeScript

class Skip(Exception):
    pass


JS_RESERVED = {"new", "function", "var", "default", "delete", "in", "this", "switch", "case", "void",
               "typeof", "instanceof", "do", "catch", "finally", "throw", "const", "let", "enum",
               "export", "extends", "super", "interface", "package", "private", "protected", "public",
               "static", "yield", "arguments", "eval", "undefined", "NaN", "Infinity", "print"}

DTYPE_NAMES = {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"}
# Python spellings of dtypes -> ours. `int`, np.int_, np.intp are NumPy's default integer: int32 here (README).
DTYPE_ALIASES = {
    "int": "int32", "float": "float64", "bool": "bool", "int_": "int32", "intp": "int32", "float_": "float64",
    "bool_": "bool", "double": "float64", "single": "float32", "uint": "uint32",
    "i1": "int8", "i2": "int16", "i4": "int32", "i8": "int64", "u1": "uint8", "u2": "uint16", "u4": "uint32",
    "u8": "uint64", "f4": "float32", "f8": "float64", "f": "float32", "d": "float64", "b1": "bool", "?": "bool",
    "<i4": "int32", "<i8": "int64", "<f8": "float64", "<f4": "float32", "<u1": "uint8", "<u4": "uint32", "<u8": "uint64",
    "<i2": "int16", "<u2": "uint16", "B": "uint8", "b": "int8", "h": "int16", "H": "uint16", "i": "int32", "I": "uint32",
    "l": "int32", "L": "uint32", "q": "int64", "Q": "uint64",
}
# The test runs the cells of one example that needs two cells (see Translator.target) one after the other.
CELL_BREAK = "//@cell"
# The runtime's np names (argv[2], a JSON list from the test): other np.X are beyond issue 10.
NP_NAMES = set()
FLOAT_INFER = {"array", "asarray", "arange", "full", "linspace"}
CONSTANTS = {"nan": "np.nan", "inf": "np.inf", "pi": "np.pi", "e": "np.e", "NaN": "np.nan", "NAN": "np.nan",
             "Inf": "np.inf", "infty": "np.inf", "Infinity": "np.inf", "PINF": "np.inf", "NINF": "-np.inf",
             "newaxis": "np.newaxis", "euler_gamma": "np.euler_gamma"}


def int_float(node):
    """Does this literal (or list/tuple literal) hold a float with an integer value, like 1.0?"""
    if isinstance(node, ast.Constant) and isinstance(node.value, float):
        return math.isfinite(node.value) and node.value == int(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return int_float(node.operand)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(int_float(e) for e in node.elts)
    return False


def any_float(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, float):
        return True
    if isinstance(node, ast.UnaryOp):
        return any_float(node.operand)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(any_float(e) for e in node.elts)
    return False


def name(n):
    return f"{n}_" if n in JS_RESERVED else n


class Translator:
    def __init__(self, tuples=frozenset()):
        self.tuples = tuples  # names bound to a tuple of arrays by earlier examples
        self.declared = set()  # names declared in the current cell
        self.reads_self = False

    # -- expressions
    def expr(self, n, ctx=None):
        m = getattr(self, "e_" + type(n).__name__, None)
        if m is None:
            raise Skip(f"Python construct {type(n).__name__}")
        return m(n) if ctx is None else m(n, ctx)

    def is_tuple(self, n):
        return tuple_call(n) or (isinstance(n, ast.Name) and n.id in self.tuples)

    def e_Constant(self, n):
        v = n.value
        if v is True:
            return "true"
        if v is False:
            return "false"
        if v is None:
            return "null"
        if isinstance(v, bool):
            raise Skip("bool")
        if isinstance(v, int):
            return str(v) if abs(v) <= 2**53 else f"{v}n"
        if isinstance(v, float):
            if math.isnan(v):
                return "np.nan"
            if math.isinf(v):
                return "np.inf" if v > 0 else "-np.inf"
            r = repr(v)
            return r[:-2] if r.endswith(".0") else r
        if isinstance(v, str):
            return json.dumps(v)
        if isinstance(v, complex):
            raise Skip("complex numbers")
        if isinstance(v, bytes):  # Python bytes are a JS Uint8Array (as a.tobytes() returns one)
            return f"Uint8Array.from([{', '.join(str(b) for b in v)}])"
        if v is Ellipsis:
            raise Skip("Ellipsis outside an index")
        raise Skip(f"constant {v!r}")

    def e_Name(self, n):
        if n.id in ("int", "float", "bool", "complex", "str", "object", "len", "range", "list", "tuple", "dict",
                    "set", "sum", "min", "max", "abs", "sorted", "zip", "map", "enumerate", "isinstance", "type",
                    "repr", "iter", "next", "open", "round", "any", "all", "divmod", "pow", "id", "hash", "reversed",
                    "slice", "format", "bytes", "bytearray", "memoryview", "chr", "ord", "hex", "filter", "vars"):
            raise Skip(f"Python built-in `{n.id}`")
        return name(n.id)

    def e_Attribute(self, n):
        if isinstance(n.value, ast.Name) and n.value.id == "np":
            if n.attr not in NP_NAMES and n.attr not in CONSTANTS and n.attr not in DTYPE_ALIASES:
                raise Skip(f"np.{n.attr} is not in the runtime (not one of issue 10's routines)")
            if n.attr in CONSTANTS:
                return CONSTANTS[n.attr]
            if n.attr in ("ma", "char", "rec", "polynomial", "fft", "linalg", "emath", "lib", "testing", "matrix", "longlong", "ulonglong", "longdouble", "float16", "half", "complex64", "complex128", "complex_", "cdouble", "csingle", "str_", "bytes_", "object_", "void", "datetime64", "timedelta64", "dtype", "seterr", "errstate", "set_printoptions", "printoptions", "iinfo", "finfo"):
                raise Skip(f"np.{n.attr}")
            if n.attr in DTYPE_ALIASES and n.attr not in DTYPE_NAMES:
                return json.dumps(DTYPE_ALIASES[n.attr])
        if n.attr in ("flat", "real", "imag", "ctypes", "__array_interface__", "item", "itemset", "tostring"):
            raise Skip(f"`.{n.attr}`")
        return f"{self.expr(n.value)}.{n.attr}"

    def dtype(self, n):
        if isinstance(n, ast.Name) and n.id in DTYPE_ALIASES:
            return json.dumps(DTYPE_ALIASES[n.id])
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            s = n.value
            if s in DTYPE_NAMES:
                return json.dumps(s)
            if s in DTYPE_ALIASES:
                return json.dumps(DTYPE_ALIASES[s])
            raise Skip(f"dtype {s!r} (string, complex, structured or byte-order dtypes)")
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "np":
            if n.attr in DTYPE_NAMES:
                return f"np.{n.attr}"
            if n.attr in DTYPE_ALIASES:
                return json.dumps(DTYPE_ALIASES[n.attr])
            raise Skip(f"dtype np.{n.attr}")
        if isinstance(n, ast.Constant) and n.value is None:
            return "null"
        if isinstance(n, (ast.List, ast.Dict, ast.Tuple)):
            raise Skip("structured dtype")
        return self.expr(n)

    def e_List(self, n):
        if any(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in n.elts):
            raise Skip("arrays of Python strings (string dtypes)")
        return "[" + ", ".join(self.expr(e) for e in n.elts) + "]"

    e_Tuple = e_List

    def array_like(self, n):
        """A list literal given where NumPy makes an array: 1.0 must stay float."""
        if isinstance(n, (ast.List, ast.Tuple)) and int_float(n):
            return f"np.array({self.expr(n)}, {{ dtype: \"float64\" }})"
        return self.expr(n)

    def e_BinOp(self, n):
        if isinstance(n.op, ast.Mult) and (isinstance(n.left, (ast.List, ast.Tuple)) or isinstance(n.right, (ast.List, ast.Tuple))):
            raise Skip("Python list repetition")
        left, right = self.expr(n.left), self.expr(n.right)
        op = type(n.op).__name__
        if op == "FloorDiv":
            return f"np.floor_divide({left}, {right})"
        if op == "MatMult":
            return f"np.matmul({left}, {right})"
        sym = {"Add": "+", "Sub": "-", "Mult": "*", "Div": "/", "Pow": "**", "Mod": "%", "BitAnd": "&",
               "BitOr": "|", "BitXor": "^", "LShift": "<<", "RShift": ">>"}[op]
        return f"({left} {sym} {right})"

    def e_UnaryOp(self, n):
        op = type(n.op).__name__
        inner = self.expr(n.operand)
        if op == "USub":
            return f"-{inner}" if not inner.startswith("-") else f"-({inner})"
        if op == "UAdd":
            return inner
        if op == "Not":
            return f"!({inner})"
        return f"~{inner}"

    def e_BoolOp(self, n):
        sym = " && " if isinstance(n.op, ast.And) else " || "
        return "(" + sym.join(self.expr(v) for v in n.values) + ")"

    def e_Compare(self, n):
        if len(n.ops) != 1:
            raise Skip("chained comparison")
        op = type(n.ops[0]).__name__
        sym = {"Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=", "Eq": "==", "NotEq": "!=", "Is": "===", "IsNot": "!=="}.get(op)
        if sym is None:
            raise Skip(f"Python operator {op}")
        return f"({self.expr(n.left)} {sym} {self.expr(n.comparators[0])})"

    def e_IfExp(self, n):
        return f"({self.expr(n.test)} ? {self.expr(n.body)} : {self.expr(n.orelse)})"

    def e_Lambda(self, n):
        a = n.args
        if a.vararg or a.kwarg or a.kwonlyargs or a.defaults:
            raise Skip("lambda with defaults or *args")
        params = ", ".join(f"{name(p.arg)}: NDArray" for p in a.args)
        return f"(({params}) => {self.expr(n.body)})"

    def e_Starred(self, n):
        return "..." + self.expr(n.value)

    def e_Call(self, n):
        f = n.func
        if isinstance(f, ast.Name) and f.id == "StringIO" and len(n.args) == 1 and not n.keywords:
            # a text file object holding s: np.loadtxt takes its lines as a list of strings
            return f"{self.expr(n.args[0])}.split(\"\\n\")"
        if isinstance(f, ast.Name) and f.id == "print":
            if n.keywords:
                raise Skip("print with keywords")
            return "console.log(" + ", ".join(self.expr(a) for a in n.args) + ")"
        fname = f.attr if isinstance(f, ast.Attribute) else None
        is_np = isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "np"
        args = []
        for i, a in enumerate(n.args):
            if fname in ("astype", "view") and i == 0 and not is_np:
                args.append(self.dtype(a))
            else:
                args.append(self.array_like(a))
        opts = []
        for k in n.keywords:
            if k.arg is None:
                raise Skip("**kwargs")
            v = self.dtype(k.value) if k.arg == "dtype" else self.array_like(k.value)
            opts.append(f"{k.arg}: {v}")
        infer = is_np and fname in FLOAT_INFER and not any(k.arg == "dtype" for k in n.keywords)
        if infer and any(any_float(a) and int_float(a) for a in n.args) and not any(
                isinstance(a, ast.Constant) and isinstance(a.value, float) and not int_float(a) for a in n.args):
            opts.append('dtype: "float64"')
            if fname in ("array", "asarray"):  # the list itself is passed as is, the dtype says float
                args[0] = self.expr(n.args[0])
        if opts:
            args.append("{ " + ", ".join(opts) + " }")
        return f"{self.expr(f)}(" + ", ".join(args) + ")"

    # -- subscripts
    def index_part(self, p):
        """(static text, None) for a literal part, (None, expression) for a computed one."""
        def bound(b):
            if b is None:
                return ""
            if isinstance(b, ast.Constant) and isinstance(b.value, int) and not isinstance(b.value, bool):
                return str(b.value)
            if isinstance(b, ast.UnaryOp) and isinstance(b.op, ast.USub) and isinstance(b.operand, ast.Constant) and isinstance(b.operand.value, int):
                return f"-{b.operand.value}"
            return None
        if isinstance(p, ast.Slice):
            parts = [bound(p.lower), bound(p.upper), bound(p.step)]
            if any(x is None for x in parts):
                dyn = ["" if b is None else "${" + self.expr(b) + "}" for b in (p.lower, p.upper, p.step)]
                text = f"{dyn[0]}:{dyn[1]}" + (f":{dyn[2]}" if p.step is not None else "")
                return None, "`" + text + "`"
            return (f"{parts[0]}:{parts[1]}" + (f":{parts[2]}" if p.step is not None else "")), None
        if isinstance(p, ast.Constant) and p.value is Ellipsis:
            return "...", None
        if (isinstance(p, ast.Constant) and p.value is None) or (isinstance(p, ast.Attribute) and p.attr == "newaxis"):
            return "None", None
        b = bound(p)
        if b is not None:
            return b, None
        return None, self.expr(p)

    def e_Subscript(self, n):
        target = self.expr(n.value)
        s = n.slice
        if self.is_tuple(s):  # a Python tuple as the index is NumPy's multi-index; tuples are JS arrays
            return f"{target}.get(...{self.expr(s)})"
        parts = list(s.elts) if isinstance(s, ast.Tuple) else [s]
        if isinstance(s, ast.Tuple) and len(parts) == 0:
            raise Skip("empty tuple index")
        done = [self.index_part(p) for p in parts]
        if all(t is not None for t, _ in done):
            texts = [t for t, _ in done]
            if all(t.lstrip("-").isdigit() for t in texts):
                return f"{target}[{', '.join(texts)}]"
            return f"{target}[{json.dumps(', '.join(texts))}]"
        items = [json.dumps(t) if t is not None else e for t, e in done]
        return f"{target}[{', '.join(items)}]"

    # -- statements
    def target(self, t, value):
        if isinstance(t, ast.Name):
            nm = name(t.id)
            if self.reads_self:  # `a = np.array(a)`: the new `let a` would shadow the old one in its own initialiser
                self.declared.add(nm)
                return f"let {nm}_rebound = {value};\n{CELL_BREAK}\nlet {nm} = {nm}_rebound;"
            if nm in self.declared:
                return f"{nm} = {value};"
            self.declared.add(nm)
            return f"let {nm} = {value};"
        if isinstance(t, (ast.Tuple, ast.List)):
            if not all(isinstance(e, ast.Name) for e in t.elts):
                raise Skip("nested unpacking")
            names = [name(e.id) for e in t.elts]
            if any(x in self.declared for x in names):
                raise Skip("unpacking into a name declared in the same example")
            self.declared.update(names)
            return f"let [{', '.join(names)}] = {value};"
        if isinstance(t, (ast.Subscript, ast.Attribute)):
            return f"{self.expr(t)} = {value};"
        raise Skip(f"assignment to {type(t).__name__}")

    def stmt(self, s, last):
        if isinstance(s, ast.Assign):
            value = self.array_like(s.value)
            stored = names_in(ast.Module(body=s.targets, type_ignores=[]), ast.Store)
            self.reads_self = bool(stored & names_in(s.value, ast.Load))
            if len(s.targets) == 1:
                return self.target(s.targets[0], value)
            first = s.targets[-1]
            out = [self.target(first, value)]
            for t in reversed(s.targets[:-1]):
                out.append(self.target(t, self.expr(first)))
            return " ".join(out)
        if isinstance(s, ast.AugAssign):
            op = type(s.op).__name__
            sym = {"Add": "+=", "Sub": "-=", "Mult": "*=", "Div": "/=", "Pow": "**=", "Mod": "%=", "BitAnd": "&=", "BitOr": "|=", "BitXor": "^="}.get(op)
            if sym is None:
                raise Skip(f"augmented assignment {op}")
            return f"{self.expr(s.target)} {sym} {self.expr(s.value)};"
        if isinstance(s, ast.Expr):
            return self.expr(s.value) + ("" if last else ";")
        if isinstance(s, ast.Assert):
            return f"if (!({self.expr(s.test)})) throw new Error(\"AssertionError\");"
        if isinstance(s, ast.Import) and all(a.name == "numpy" and a.asname == "np" for a in s.names):
            return ""
        if isinstance(s, ast.ImportFrom) and s.module == "io" and [a.name for a in s.names] == ["StringIO"]:
            return ""
        raise Skip(f"Python statement {type(s).__name__}")

    def cell(self, source):
        self.declared = set()
        tree = ast.parse(source)
        lines = [self.stmt(s, i == len(tree.body) - 1) for i, s in enumerate(tree.body)]
        return "\n".join(x for x in lines if x)


TUPLE_FUNCS = {"nonzero", "ix_", "unravel_index", "broadcast_arrays", "meshgrid", "atleast_1d", "atleast_2d", "atleast_3d"}


def tuple_call(n):
    """Is `n` a call that returns a Python tuple of arrays (np.nonzero(x), x.nonzero(), np.where(c), np.ix_(...))?"""
    if not isinstance(n, ast.Call) or not isinstance(n.func, ast.Attribute):
        return False
    f = n.func.attr
    return f in ("nonzero", "ix_", "unravel_index") or (f == "where" and len(n.args) == 1 and not n.keywords)


def names_in(tree, ctx):
    found = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ctx)}
    if ctx is ast.Store:  # imports, functions and classes bind names too
        for n in ast.walk(tree):
            if isinstance(n, (ast.Import, ast.ImportFrom)):
                found |= {(a.asname or a.name).split(".")[0] for a in n.names}
            elif isinstance(n, (ast.FunctionDef, ast.ClassDef)):
                found.add(n.name)
    return found


def translate_docstring(examples):
    out = []
    tainted = set()
    tuples = set()
    for ex in examples:
        tree = ast.parse(ex.source)
        bound, used = names_in(tree, ast.Store), names_in(tree, ast.Load)
        skip, ts = None, None
        if any(ex.options.get(f) for f in (doctest.SKIP,)):
            skip = "marked `doctest: +SKIP` in NumPy's docs"
        elif used & tainted:
            skip = f"uses `{sorted(used & tainted)[0]}`, bound by a skipped example"
        elif any(isinstance(n, (ast.ImportFrom, ast.Import)) and not all(a.name == "numpy" for a in n.names)
                 and not (isinstance(n, ast.ImportFrom) and n.module == "io") for n in ast.walk(tree)):
            skip = "imports a Python module"
        else:
            try:
                ts = Translator(frozenset(tuples)).cell(seeded(ex.source))
            except Skip as e:
                skip = str(e)
        for st in tree.body:  # names bound to a tuple of arrays (for a[t] -> a.get(...t))
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                (tuples.add if tuple_call(st.value) else tuples.discard)(st.targets[0].id)
        if skip is not None:
            tainted |= bound
            for n in ast.walk(tree):  # `rng.shuffle(arr)` with a skipped `rng`: arr's contents are unknown too
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id in tainted:
                    tainted |= {a.id for a in n.args if isinstance(a, ast.Name)}
        else:
            tainted -= bound
        out.append((ts, skip))
    return out


def main():
    NP_NAMES.update(json.loads(sys.argv[2]))
    os.chdir(sys.argv[1])
    parser = doctest.DocTestParser()
    report = []
    for path in ROUTINES:
        examples = parser.get_examples(routine_object(path).__doc__ or "")
        first, second = run_docstring(examples), run_docstring(examples)
        items = []
        for ex, (ts, skip), r1, r2 in zip(examples, translate_docstring(examples), first, second):
            if skip is None and r1 != r2:
                skip = "NumPy itself prints something else on each run (no seed)"
            if ts == "" and skip is None:
                skip = "noop"
            items.append({"source": ex.source.rstrip("\n"), "ts": None if skip else ts, "skip": skip, "expected": r1})
        report.append({"setup": SETUP, "routine": path.replace("random.Generator.", "Generator."), "examples": items})
    json.dump(report, sys.stdout, indent=None)


if __name__ == "__main__":
    main()
