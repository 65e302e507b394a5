#!/usr/bin/env python3
"""High-precision eigenvalues of symmetric tridiagonal matrices, for the tests of the divide-and-conquer
eigensolver (packages/core/src/linalg/divideConquer.test.ts and eigenpairs.test.ts, issue 21).

Each case is a tridiagonal T given by its diagonal d and couplings e as doubles; they are exact
binary rationals, and mpmath (eigsy, no code of this repository) computes the spectrum of exactly that
T at enough digits for its smallest eigenvalues (400 for the graded case, whose entries fall over 190
decades). The stored eigenvalues are the nearest doubles, increasing.

Cases, chosen for what makes divide and conquer hard:
- Wilkinson's W21+ and W41+ (d_i = |m - i|, e_i = 1): pairs of eigenvalues agree to 1e-14 and beyond.
- glued Wilkinson matrices: copies of W21+ joined by a small coupling, so every eigenvalue comes in a
  cluster as wide as the glue (massive deflation of close poles);
- a block structure with exact zero blocks (zero diagonal and couplings in the middle);
- a zero diagonal with unit couplings (eigenvalues 2 cos(k pi / (n + 1)), in +- pairs);
- clusters: d constant on runs of 10 with couplings 1e-9;
- a graded matrix (d_i = 10^(-5 i), e_i = 10^(-5 i - 2.5)) over 190 decades;
- a seeded random tridiagonal (Irwin-Hall sums of Python's Mersenne Twister).

Run:   python3 packages/core/scripts/tridiagonal_reference.py   (writes fixtures/tridiagonal-reference.json)
Python standard library and mpmath only.
"""
import json
import os
import random

from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "tridiagonal-reference.json")


def wilkinson(n):
    m = (n - 1) // 2
    return [float(abs(m - i)) for i in range(n)], [1.0] * (n - 1)


def glued(copies, block, glue, tail=()):
    d, e = [], []
    for c in range(copies):
        bd, be = block
        if c > 0:
            e.append(glue)
        d.extend(bd)
        e.extend(be)
    for value in tail:
        e.append(glue)
        d.append(value)
    return d, e


def zero_blocks():
    d = [float((i * 7) % 5 - 2) for i in range(25)] + [0.0] * 10 + [float((i * 3) % 7 - 3) for i in range(25)]
    e = [1.0 + (i % 3) for i in range(24)] + [0.0] * 11 + [0.5 * (1 + i % 4) for i in range(24)]
    return d, e


def clusters():
    n = 60
    return [float(i // 10) for i in range(n)], [1e-9] * (n - 1)


def graded():
    n = 40
    return [10.0 ** (-5 * i) for i in range(n)], [10.0 ** (-5 * i - 2.5) for i in range(n - 1)]


def random_tridiagonal(n, seed):
    rng = random.Random(seed)

    def normal():
        return sum(rng.random() for _ in range(12)) - 6.0

    return [normal() for _ in range(n)], [normal() for _ in range(n - 1)]


def eigenvalues(d, e, digits):
    mp.dps = digits
    n = len(d)
    T = mp.matrix(n, n)
    for i in range(n):
        T[i, i] = mpf(d[i])
    for i in range(n - 1):
        T[i, i + 1] = T[i + 1, i] = mpf(e[i])
    values = mp.eigsy(T, eigvals_only=True)
    return sorted(float(v) for v in values)


CASES = [
    ("wilkinson-21", wilkinson(21), 60),
    ("wilkinson-41", wilkinson(41), 60),
    ("glued-wilkinson-64", glued(3, wilkinson(21), 2.0 ** -34, tail=(10.0,)), 60),
    ("glued-wilkinson-126", glued(6, wilkinson(21), 1e-14), 60),
    ("zero-blocks-60", zero_blocks(), 60),
    ("zero-diagonal-50", ([0.0] * 50, [1.0] * 49), 60),
    ("clusters-60", clusters(), 60),
    ("graded-40", graded(), 400),
    ("random-80", random_tridiagonal(80, 2021), 60),
]


def main():
    cases = []
    for name, (d, e), digits in CASES:
        cases.append({"name": name, "diagonal": d, "offDiagonal": e, "eigenvalues": eigenvalues(d, e, digits)})
    with open(OUT, "w") as handle:
        json.dump({"generator": "packages/core/scripts/tridiagonal_reference.py", "cases": cases}, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
