"""NumPy's side of the size sweep (bench/runtime/sweep.ts): the cases of sweep-cases.ts, same names.

Server mode: reads `case n min_time repeats` per line, answers the best seconds per call as JSON
(timeit, autoranged like %timeit, min over repeats)."""
import json, sys, timeit
import numpy as np

def rand(n, seed):
    # uniform floats in (0, 1) like the JS side's (not the same numbers: speed does not depend on them)
    return np.random.default_rng(seed).random(n)

def squareish(n):
    r = int(n ** 0.5)
    while n % r:
        r -= 1
    return r, n // r

def make(name, n):
    a = rand(n, 1); b = rand(n, 2); c = np.zeros(n)
    if name == "add_out": return lambda: np.add(a, b, out=c)
    if name == "add_alloc": return lambda: np.add(a, b)
    if name == "mul_scalar_out": return lambda: np.multiply(a, 2.5, out=c)
    if name == "mul_scalar": return lambda: a * 2.5
    if name == "sqrt": return lambda: np.sqrt(a)
    if name == "less": return lambda: a < b
    if name == "sum": return lambda: np.sum(a)
    if name == "max": return lambda: np.max(a)
    if name == "add_where":
        m = rand(n, 3) < 0.5
        return lambda: np.add(a, b, out=c, where=m)
    if name == "less_f32":
        a32 = a.astype(np.float32); b32 = b.astype(np.float32)
        return lambda: a32 < b32
    if name == "sum_f32":
        a32 = a.astype(np.float32)
        return lambda: np.sum(a32)
    if name == "astype_f32": return lambda: a.astype(np.float32)
    if name == "copy_T":
        r, k = squareish(n)
        A = a.reshape(r, k)
        return lambda: A.T.copy()
    if name == "add_T":
        r, k = squareish(n)
        A = a.reshape(r, k); B = b.reshape(r, k)
        return lambda: A.T + B.T
    if name == "sum_axis0":
        r, k = squareish(n)
        A = a.reshape(r, k)
        return lambda: A.sum(axis=0)
    raise KeyError(name)

def best(f, min_time, repeats):
    t = timeit.Timer(f)
    n = 1
    while True:
        dt = t.timeit(n)
        if dt >= min_time:
            break
        n *= 10
    return min(t.repeat(repeat=repeats, number=n)) / n

cache = {}
for line in sys.stdin:
    name, n, min_time, repeats = line.split()
    key = (name, int(n))
    if key not in cache:
        cache.clear()
        cache[key] = make(name, int(n))
    print(json.dumps(best(cache[key], float(min_time), int(repeats))), flush=True)
