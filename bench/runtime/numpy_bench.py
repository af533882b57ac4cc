"""NumPy's side of `npm run bench:runtime`: the same operations and sizes, timed with timeit.

Prints one JSON object: case name -> best seconds per call (min over repeats, as %timeit's best).
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
x4 = np.random.rand(4)
y4 = np.random.rand(4)

CASES = {
    "add_alloc": lambda: np.add(a, b),
    "add_out": lambda: np.add(a, b, out=c),
    "add_transposed": lambda: np.add(A.T, B.T),
    "add_transposed_out": lambda: np.add(A.T, B.T, out=C.T),
    "sum": lambda: np.sum(a),
    "add_4": lambda: np.add(x4, y4),
    "slice_view": lambda: a[1:3],
    "random_rand": lambda: np.random.rand(1_000_000),
}

def best(f, budget):
    t = timeit.Timer(f)
    n, _ = t.autorange()
    reps = max(3, min(7, int(budget / max(t.timeit(n) , 1e-9))))
    return min(t.repeat(repeat=reps, number=n)) / n

only = sys.argv[1].split(",") if len(sys.argv) > 1 and sys.argv[1] else list(CASES)
print(json.dumps({k: best(CASES[k], 1.0) for k in only}))
