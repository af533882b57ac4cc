"""NumPy's side of `npm run bench:runtime`: the same operations and sizes, timed with timeit.

Server mode: reads one case name per line on stdin and answers one line of JSON, the best seconds
per call (min over repeats, as %timeit reports its best), so the JS side can interleave rounds of
its own timings with NumPy's and both see the same machine load.
"""
import json, sys, timeit
import numpy as np

np.random.seed(0)
a = np.random.rand(1_000_000)
b = np.random.rand(1_000_000)
c = np.empty_like(a)
A = np.random.rand(1000, 1000)
B = np.random.rand(1000, 1000)
C = np.zeros((1000, 1000))
ai = np.arange(1_000_000, dtype=np.int32)
bi = np.arange(1_000_000, dtype=np.int32)
ci = np.zeros(1_000_000, dtype=np.int32)
x4 = np.random.rand(4)
y4 = np.random.rand(4)

CASES = {
    "add_alloc": lambda: np.add(a, b),
    "add_out": lambda: np.add(a, b, out=c),
    "add_transposed": lambda: np.add(A.T, B.T),
    "add_transposed_out": lambda: np.add(A.T, B.T, out=C.T),
    "add_int32_out": lambda: np.add(ai, bi, out=ci),
    "sum": lambda: np.sum(a),
    "add_4": lambda: np.add(x4, y4),
    "slice_view": lambda: a[1:3],
    "random_rand": lambda: np.random.rand(1_000_000),
}

def best(f, min_time, repeats):
    t = timeit.Timer(f)
    n = 1
    while True:
        dt = t.timeit(n)
        if dt >= min_time:
            break
        n *= 10
    return min(t.repeat(repeat=repeats, number=n)) / n

for line in sys.stdin:
    name, min_time, repeats = line.split()
    print(json.dumps(best(CASES[name], float(min_time), int(repeats))), flush=True)
