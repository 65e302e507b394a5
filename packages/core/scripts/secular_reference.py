#!/usr/bin/env python3
"""High-precision roots of secular equations f(lambda) = 1 + rho sum_j z_j^2 / (d_j - lambda), for the
tests of secularRoot (packages/core/src/linalg/secular.test.ts).

Each case gives increasing poles d, weights z and rho > 0 as doubles (exact binary rationals); mpmath
finds every root of exactly that f by bisection at 120 digits (no code of this repository), and stores
lambda_i and its distance d_o - lambda_i to the nearer pole, both rounded to the nearest double. The
cases are what makes the secular equation hard: poles 2^-44 apart, weights of 1e-9 beside 1, rho far
below and far above the spread of the poles, and a larger random problem. z is normalized in double
precision, so sum z_j^2 is 1 only to rounding, as in divideConquer.ts.

Run:   python3 packages/core/scripts/secular_reference.py   (writes fixtures/secular-reference.json)
Python standard library and mpmath only.
"""
import json
import math
import os
import random

from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "secular-reference.json")
mp.dps = 120


def normalized(z):
    norm = math.sqrt(math.fsum(x * x for x in z))
    return [x / norm for x in z]


def roots(d, z, rho):
    dm = [mpf(x) for x in d]
    zm = [mpf(x) for x in z]
    r = mpf(rho)
    f = lambda lam: 1 + r * sum(zj * zj / (dj - lam) for dj, zj in zip(dm, zm))
    out = []
    k = len(d)
    for i in range(k):
        lo = dm[i]
        hi = dm[i + 1] if i < k - 1 else dm[k - 1] + r * sum(zj * zj for zj in zm) + 1
        for _ in range(600):
            mid = (lo + hi) / 2
            if f(mid) < 0:
                lo = mid
            else:
                hi = mid
        lam = (lo + hi) / 2
        near = i if i == k - 1 or lam - dm[i] <= dm[i + 1] - lam else i + 1
        out.append({"root": float(lam), "nearest": near, "gap": float(dm[near] - lam)})
    return out


def case(name, d, z, rho):
    z = normalized(z)
    return {"name": name, "poles": d, "weights": z, "rho": rho, "roots": roots(d, z, rho)}


def main():
    rng = random.Random(20261205)
    cases = [
        case("two poles 2^-44 apart", [0.5, 0.5 + 2.0 ** -44], [1.0, 1.0], 1.0),
        case("cluster of 5 poles 2^-44 apart beside 1", [0.0 + j * 2.0 ** -44 for j in range(5)] + [1.0], [1.0, 0.5, 1e-3, 0.25, 1.0, 1.0], 0.75),
        case("weights of 1e-9 beside 1", [j / 8 for j in range(8)], [1e-9, 1.0, 1e-9, 1e-9, 1.0, 1e-9, 1.0, 1e-9], 1.0),
        case("rho 1e-12 (roots hug the poles)", [j / 4 for j in range(6)], [1.0, 2.0, 0.5, 1.0, 3.0, 1.0], 1e-12),
        case("rho 1e3 (the last root far out)", [j / 4 for j in range(6)], [1.0, 2.0, 0.5, 1.0, 3.0, 1.0], 1e3),
        {"name": "random, 60 poles with 2^-40 clusters", "poles": sorted(set(round(rng.uniform(-1, 1), 3) + (2.0 ** -40) * rng.randrange(4) for _ in range(60))), "rho": 1.3},
    ]
    last = cases[-1]
    k = len(last["poles"])
    last["weights"] = normalized([rng.uniform(0.1, 1) * 10.0 ** (-rng.uniform(0, 6)) for _ in range(k)])
    last["roots"] = roots(last["poles"], last["weights"], last["rho"])
    with open(OUT, "w") as handle:
        json.dump({"source": "scripts/secular_reference.py (mpmath, 120 digits)", "cases": cases}, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
