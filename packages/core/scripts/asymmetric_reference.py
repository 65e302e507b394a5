#!/usr/bin/env python3
"""High-precision reference values for the asymmetric gradient flow (issue 19)

    U' = (Y - U V^T) V,   V' = (Y - U V^T)^T U,   X = U V^T,

from exactly balanced starts (U0^T U0 = V0^T V0 in exact arithmetic), for the test of
balancedClosedForm (packages/core/src/flow/asymmetric/closedForm.reference.test.ts).

Two routes, both independent of the TypeScript code:

1. "taylor": the ODE on (U, V) itself, integrated by a Taylor-series method in exact-rounding
   fixed-point integer arithmetic (2^-200 resolution, about 60 digits): with Ut_k = U_k h^k the
   Taylor coefficients of one step of length h obey
       (k + 1) Ut_{k+1} = h (Y Vt_k - sum_i Ut_i GVt_{k-i}),   GVt_j = sum_i Vt_i^T Vt_{j-i},
   and the same for V with Y^T and GUt. No symmetric lift, no eigendecomposition. Used up to
   sigma_1 t ~ 32, where it costs seconds; its truncation error is measured by re-running at a
   higher order (printed, and required below 1e-30 ||Y||).
2. "lift": for long times (sigma_1 t up to 1e4, where route 1 would take days), the literal closed form
   of Proposition 1 (reference_closed_form.py, mpmath at up to ~22,000 digits) for the symmetric
   lift Ysym = [[0, Y], [Y^T, 0]] built HERE and W0 = Z0 Z0^T / 2, X = 2 W_12. This is the same
   mathematics as the TypeScript route but none of its code: it relies on the lift, which the script
   checks against route 1 at every time where both run (required to agree to 1e-30 ||Y||).

Inputs are doubles made with plain IEEE arithmetic (reference_exact.py): Y = P S Q^T with P, Q
seeded Gram-Schmidt orthogonal, or an exactly rank-deficient Y = sum of dyadic outer products; the
start puts a quantized Gaussian k x r block A on permuted rows of U0 and, with sign flips, of V0,
so U0^T U0 = A^T A = V0^T V0 holds exactly in doubles.

Run:   python3 packages/core/scripts/asymmetric_reference.py   (writes fixtures/asymmetric-reference.json)
       --only NAME to run one case, --out PATH to write elsewhere.
Python standard library and mpmath only.
"""
import json
import os
import random
import sys
import time
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

from reference_closed_form import Decomp, cancellation_digits, closed_form
from reference_exact import EXTRA_DIGITS, fail, random_orthogonal, to_double, u0_gaussian

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "fixtures", "asymmetric-reference.json")
BITS = 200
ONE = 1 << BITS
CHECK = mpf("1e-30")


# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------

def y_rectangular(m, n, sigma, seed):
    """Y = P S Q^T in double, P (m x m) and Q (n x n) seeded orthogonal."""
    rng = random.Random(seed)
    P = random_orthogonal(m, rng)
    Q = random_orthogonal(n, rng)
    Y = [[0.0] * n for _ in range(m)]
    for i in range(m):
        for j in range(n):
            s = 0.0
            for k in range(len(sigma)):
                s += P[i][k] * sigma[k] * Q[j][k]
            Y[i][j] = s
    return Y


def y_dyadic(pairs):
    """sum_k x_k y_k^T / 4 with small integer vectors: exactly representable, exactly of rank len(pairs)."""
    m, n = len(pairs[0][0]), len(pairs[0][1])
    return [[sum(x[i] * y[j] for x, y in pairs) / 4.0 for j in range(n)] for i in range(m)]


def balanced_start(m, n, r, alpha, seed):
    """U0 = A on rows rowsU, V0 = diag(signs) A on rows rowsV (zeros elsewhere), A k x r, k = min(m, n, r)."""
    k = min(m, n, r)
    A = u0_gaussian(k, r, alpha, seed)
    rng = random.Random(seed + 1)
    rows_u = rng.sample(range(m), k)
    rows_v = rng.sample(range(n), k)
    U0 = [[0.0] * r for _ in range(m)]
    V0 = [[0.0] * r for _ in range(n)]
    for a in range(k):
        sign = -1.0 if rng.random() < 0.5 else 1.0
        U0[rows_u[a]] = list(A[a])
        V0[rows_v[a]] = [sign * v for v in A[a]]
    for i in range(r):
        for j in range(r):
            gu = sum(Fraction(row[i]) * Fraction(row[j]) for row in U0)
            gv = sum(Fraction(row[i]) * Fraction(row[j]) for row in V0)
            if gu != gv:
                fail("start not exactly balanced")
    return U0, V0


# ---------------------------------------------------------------------------
# route 1: Taylor series in fixed point
# ---------------------------------------------------------------------------

def to_fixed(x):
    f = Fraction(x) * ONE
    if f.denominator != 1:
        fail("input %r not exact in fixed point" % x)
    return int(f)


def taylor_step(Y, U, V, m, n, r, shift, order):
    """One step of length h = 2^-shift: U, V flat fixed-point lists (row-major)."""
    Us, Vs, GU, GV = [U], [V], [], []
    for k in range(order):
        gu = [0] * (r * r)
        gv = [0] * (r * r)
        for i in range(k + 1):
            A, B = Us[i], Us[k - i]
            C, D = Vs[i], Vs[k - i]
            for a in range(r):
                for b in range(r):
                    gu[a * r + b] += sum(A[p * r + a] * B[p * r + b] for p in range(m))
                    gv[a * r + b] += sum(C[q * r + a] * D[q * r + b] for q in range(n))
        GU.append([x >> BITS for x in gu])
        GV.append([x >> BITS for x in gv])
        nu = [0] * (m * r)
        nv = [0] * (n * r)
        Vk, Uk = Vs[k], Us[k]
        for p in range(m):
            for a in range(r):
                s = sum(Y[p][q] * Vk[q * r + a] for q in range(n))
                for i in range(k + 1):
                    G, Ui = GV[k - i], Us[i]
                    s -= sum(Ui[p * r + b] * G[b * r + a] for b in range(r))
                nu[p * r + a] = (s >> (BITS + shift)) // (k + 1)
        for q in range(n):
            for a in range(r):
                s = sum(Y[p][q] * Uk[p * r + a] for p in range(m))
                for i in range(k + 1):
                    G, Vi = GU[k - i], Vs[i]
                    s -= sum(Vi[q * r + b] * G[b * r + a] for b in range(r))
                nv[q * r + a] = (s >> (BITS + shift)) // (k + 1)
        Us.append(nu)
        Vs.append(nv)
    return [sum(c[i] for c in Us) for i in range(m * r)], [sum(c[i] for c in Vs) for i in range(n * r)]


def taylor_route(Y, U0, V0, times, shift, order):
    """X(t) (mpf, exact from the fixed-point state) at each time, a multiple of 2^-shift."""
    m, n, r = len(U0), len(V0), len(U0[0])
    Yf = [[to_fixed(v) for v in row] for row in Y]
    U = [to_fixed(v) for row in U0 for v in row]
    V = [to_fixed(v) for row in V0 for v in row]
    out, steps_done = [], 0
    for t in times:
        steps = Fraction(t) * (1 << shift)
        if steps.denominator != 1:
            fail("time %r is not a multiple of the step" % t)
        while steps_done < steps:
            U, V = taylor_step(Yf, U, V, m, n, r, shift, order)
            steps_done += 1
        # Exact integer products, then one rounding to the working precision of run() (80 digits).
        X = [[mpf(sum(U[i * r + a] * V[j * r + a] for a in range(r))) / mpf(ONE) ** 2 for j in range(n)] for i in range(m)]
        out.append(X)
    return out


# ---------------------------------------------------------------------------
# route 2: the literal closed form on the lift
# ---------------------------------------------------------------------------

def lift_route(Y, U0, V0, sigma_nominal, times):
    m, n, r = len(U0), len(V0), len(U0[0])
    N = m + n
    Ysym = [[0.0] * N for _ in range(N)]
    for i in range(m):
        for j in range(n):
            Ysym[i][m + j] = Y[i][j]
            Ysym[m + j][i] = Y[i][j]
    lam = list(sigma_nominal) + [-s for s in sigma_nominal] + [0.0] * (N - 2 * len(sigma_nominal))
    dps_list = [max(60, cancellation_digits(lam, t, True) + EXTRA_DIGITS) for t in times]
    dec = Decomp(Ysym, max(dps_list) + 30 + 160)
    if dec.residual > mpf(10) ** (-(dec.prec - 20)) * dec.sigma1:
        fail("eigendecomposition of the lift not accurate")
    Z0 = [list(row) for row in U0] + [list(row) for row in V0]

    def wt0():
        Zm = mp.matrix(Z0)
        B = dec.Phi.T * Zm
        return B * B.T / 2

    out = []
    for t, dps in zip(times, dps_list):
        Wa = closed_form(dec, wt0, t, dps)
        Wb = closed_form(dec, wt0, t, dps + 30)
        with mp.workdps(dps + 30):
            gap = max(abs(Wa[i, j] - Wb[i, j]) for i in range(N) for j in range(N)) / dec.sigma1
            if gap > CHECK:
                fail("lift self-check at t = %r: %s" % (t, mp.nstr(gap, 3)))
            out.append([[2 * Wb[i, m + j] for j in range(n)] for i in range(m)])
    return out, dps_list


# ---------------------------------------------------------------------------
# cases
# ---------------------------------------------------------------------------

def cases():
    return [
        dict(name="wide-r1-alpha1e-12", seed=1911, m=2, n=4, r=1, alpha=1e-12, sigma=[2.0, 0.75], Y=y_rectangular(2, 4, [2.0, 0.75], 1901),
             description="Y 2 x 4 = P diag(2, 0.75) Q^T (seed 1901), r = 1 < min(m, n), alpha = 1e-12",
             shift=5, taylor=[0.0, 1.0, 4.0, 8.0, 12.0, 16.0], lift=[8.0, 250.0, 5000.0]),
        dict(name="tall-r4-rank1-alpha1e-6", seed=1912, m=3, n=2, r=4, alpha=1e-6, sigma=None,
             Y=y_dyadic([([2, -1, 1], [3, 1])]),
             description="Y 3 x 2 of exact rank 1 (dyadic outer product), r = 4 > max(m, n), alpha = 1e-6",
             shift=6, taylor=[0.0, 0.5, 1.0, 2.0, 3.0, 5.0], lift=[3.0, 100.0, 2500.0]),
        dict(name="tall-r3-rank2-alpha1e-9", seed=1913, m=4, n=3, r=3, alpha=1e-9, sigma=None,
             Y=y_dyadic([([2, 0, -1, 1], [1, 2, 0]), ([0, 1, 1, -2], [1, -1, 1])]),
             description="Y 4 x 3 of exact rank 2 (two dyadic outer products), r = min(m, n) = 3, alpha = 1e-9",
             shift=6, taylor=[0.0, 1.0, 2.0, 4.0, 6.0], lift=[4.0, 300.0]),
        dict(name="wide-r2-alpha1e-2", seed=1914, m=3, n=5, r=2, alpha=1e-2, sigma=[1.5, 1.0, 0.5], Y=y_rectangular(3, 5, [1.5, 1.0, 0.5], 1904),
             description="Y 3 x 5 = P diag(1.5, 1, 0.5) Q^T (seed 1904), r = 2 < min(m, n), alpha = 1e-2",
             shift=4, taylor=[0.0, 1.0, 2.0, 5.0, 10.0, 20.0], lift=[10.0, 6000.0]),
    ]


def nominal_singular_values(Y):
    with mp.workdps(60):
        s = mp.svd_r(mp.matrix(Y), compute_uv=False)
        return [float(v) for v in s]


def singular_values(X):
    with mp.workdps(60):
        return [to_double(v) for v in sorted(mp.svd_r(mp.matrix(X), compute_uv=False), reverse=True)]


def run(case, log=print):
    with mp.workdps(80):
        return run_at_80_digits(case, log)


def run_at_80_digits(case, log):
    t0 = time.time()
    Y, m, n, r = case["Y"], case["m"], case["n"], case["r"]
    U0, V0 = balanced_start(m, n, r, case["alpha"], case["seed"])
    sigma = case["sigma"] or [v for v in nominal_singular_values(Y) if v > 1e-12]
    sigma1 = max(sigma)
    order = 24
    taylor = taylor_route(Y, U0, V0, case["taylor"], case["shift"], order)
    higher = taylor_route(Y, U0, V0, case["taylor"], case["shift"], order + 8)
    truncation = max(abs(a - b) for Xa, Xb in zip(taylor, higher) for ra, rb in zip(Xa, Xb) for a, b in zip(ra, rb)) / sigma1
    if truncation > CHECK:
        fail("%s: Taylor orders %d and %d differ by %s" % (case["name"], order, order + 8, mp.nstr(truncation, 3)))
    overlap = [t for t in case["lift"] if t in case["taylor"]]
    lift_times = sorted(set(case["lift"]))
    lifted, dps = lift_route(Y, U0, V0, sigma, lift_times)
    agreement = mpf(0)
    for t in overlap:
        Xa, Xb = higher[case["taylor"].index(t)], lifted[lift_times.index(t)]
        agreement = max(agreement, max(abs(a - b) for ra, rb in zip(Xa, Xb) for a, b in zip(ra, rb)) / sigma1)
    if not overlap or agreement > CHECK:
        fail("%s: the two routes differ by %s" % (case["name"], mp.nstr(agreement, 3)))
    times, X, routes = [], [], []
    for t, value in zip(case["taylor"], higher):
        times.append(t), X.append(value), routes.append("taylor")
    for t, value in zip(lift_times, lifted):
        if t not in case["taylor"]:
            times.append(t), X.append(value), routes.append("lift")
    log("%-26s m=%d n=%d r=%d taylor %d times (orders 24/32 differ %s), lift %d times (max dps %d), routes agree to %s, %.0fs"
        % (case["name"], m, n, r, len(case["taylor"]), mp.nstr(truncation, 2), len(lift_times), max(dps), mp.nstr(agreement, 2), time.time() - t0))
    return {
        "name": case["name"], "description": case["description"], "Y": Y, "U0": U0, "V0": V0, "alpha": case["alpha"],
        "singularValuesY": [to_double(v) for v in sorted(mp.svd_r(mp.matrix(Y), compute_uv=False), reverse=True)],
        "times": times, "routes": routes,
        "X": [[[to_double(v) for v in row] for row in value] for value in X],
        "singularValuesX": [singular_values(value) for value in X],
        "taylorTruncation": to_double(truncation), "routeAgreement": to_double(agreement),
    }


def main(argv):
    out, only = DEFAULT_OUT, None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--out":
            out = args.pop(0)
        elif a == "--only":
            only = args.pop(0)
        else:
            fail("unknown argument %r" % a)
    results = [run(c) for c in cases() if only is None or only in c["name"]]
    doc = {"generator": "packages/core/scripts/asymmetric_reference.py", "mpmath": mpmath.__version__, "python": sys.version.split()[0], "cases": results}
    with open(out, "w") as fh:
        fh.write(json.dumps(doc, indent=1) + "\n")
    print("wrote %s (%d cases)" % (os.path.relpath(out), len(results)))


if __name__ == "__main__":
    main(sys.argv[1:])
