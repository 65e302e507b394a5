#!/usr/bin/env python3
"""High-precision eigenpairs of rotated symmetric matrices, for the tests of the verified eigenbasis
(packages/core/src/linalg/interval/verifiedEigenbasis.test.ts, issue 20).

Each case is Y = Q diag(s) Q^T built in plain IEEE double arithmetic (reference_exact.y_random_q: Q a
seeded random orthogonal matrix, Y made exactly symmetric), and a seeded U (n x r). The reference is
about the STORED doubles of Y, read as exact binary rationals: mpmath's eigsy at 60 digits gives
their eigenvalues lambda (decreasing) and unit eigenvectors V, each column signed to agree with the
nominal column of Q (v_i . q_i > 0); then V^T U is formed at the same precision.

Self-checks (the script exits with status 1 and SELF-CHECK FAILURE otherwise): the residual
max |Y V - V diag(lambda)| and max |V^T V - I| are below 1e-50 max|lambda|, and for the cases the
certificate must resolve, every |v_i . q_i| is above 1/2 (the sign is not a coin toss) and the
smallest gap is above 1e-12, so the eigenvectors are accurate to 1e-50 / 1e-12 = 1e-38 relative.

Output: every reference number as a pair [down, up] of doubles with down <= exact <= up, found
from the 60-digit value widened by 1e-35 of the matrix's scale (far above the error just
bounded), so a test can check containment without trusting a rounding.

Cases: n = 2..12 with gaps from 1e-3 to O(1), one zero and negative eigenvalues; a graded spectrum
1e2 .. 1e-8 with a zero; a near-cluster with gap 1e-10; and two clusters below the resolution of a
double computation (an exactly repeated nominal eigenvalue, and a gap of 1e-15) for which the
certificate must answer a reason.

Run:   python3 packages/core/scripts/eigenbasis_reference.py   (writes fixtures/eigenbasis-reference.json)
Python standard library and mpmath only; a few seconds.
"""
import json
import math
import os
import random
import sys

import mpmath
from mpmath import mp, mpf

from reference_exact import mat_mp, random_orthogonal, to_double, u0_gaussian, y_random_q

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "eigenbasis-reference.json")
DPS = 60
WIDEN = mpf("1e-35")


def fail(message):
    print("SELF-CHECK FAILURE: " + message, file=sys.stderr)
    sys.exit(1)


def spread(n, seed):
    """n decreasing eigenvalues: positives with steps in [0.2, 1] and one gap of 1e-3 (n >= 4),
    an exact 0, and negatives below it (n >= 3)."""
    rng = random.Random(seed)
    positives = (n + 1) // 2 if n >= 3 else 1
    values = [4.0]
    for i in range(1, positives):
        values.append(values[-1] - (1e-3 if i == 1 and n >= 4 else 0.2 + 0.8 * rng.random()))
    values.append(0.0)
    while len(values) < n:
        values.append((values[-1] if values[-1] < 0 else 0.0) - 0.2 - 0.8 * rng.random())
    return values


def cases():
    out = []
    for n in [2, 3, 4, 5, 6, 7, 8, 10, 12]:
        out.append(dict(name="spread-n%d" % n, s=spread(n, 100 + n), seed=200 + n, r=1 + n % 3, resolvable=True))
    out.append(dict(name="graded", s=[10.0 ** (2 - i) for i in range(11)] + [0.0], seed=301, r=3, resolvable=True))
    out.append(dict(name="near-cluster-1e-10", s=[3.0, 1.0 + 1e-10, 1.0, 0.5, 0.0, -2.0], seed=302, r=2, resolvable=True))
    out.append(dict(name="repeated", s=[2.0, 1.0, 1.0, -1.0], seed=303, r=2, resolvable=False))
    out.append(dict(name="cluster-1e-15", s=[2.0, 1.0 + 1e-15, 1.0, 0.0, -1.0], seed=304, r=2, resolvable=False))
    return out


def bracket(x, scale):
    """[down, up] doubles around the mpf x, widened by WIDEN * scale."""
    lo, hi = x - WIDEN * scale, x + WIDEN * scale
    d, u = to_double(lo), to_double(hi)
    if mpf(d) > lo:
        d = math.nextafter(d, -math.inf)
    if mpf(u) < hi:
        u = math.nextafter(u, math.inf)
    return [d, u]


def run(case):
    s, seed = case["s"], case["seed"]
    n = len(s)
    Y = y_random_q(s, seed)
    Q = random_orthogonal(n, random.Random(seed))  # the Q inside y_random_q (same seed, same draws)
    U = u0_gaussian(n, case["r"], 1.0, 400 + seed, quantize=False)
    with mp.workdps(DPS):
        Ym = mat_mp(Y)
        E, V = mp.eigsy(Ym)
        order = sorted(range(n), key=lambda i: -E[i])
        lam = [E[i] for i in order]
        V = mp.matrix([[V[k, i] for i in order] for k in range(n)])
        scale = max(abs(v) for v in lam)
        residual = max(abs(v) for v in (Ym * V - V * mp.diag(lam)))
        orthogonality = max(abs(v) for v in (V.T * V - mp.eye(n)))
        if residual > mpf("1e-50") * scale or orthogonality > mpf("1e-50"):
            fail("%s: residual %s, orthogonality %s" % (case["name"], mp.nstr(residual, 3), mp.nstr(orthogonality, 3)))
        gap = min(lam[i] - lam[i + 1] for i in range(n - 1))
        agreement = []
        for i in range(n):
            dot = sum(V[k, i] * mpf(Q[k][i]) for k in range(n))
            if dot < 0:
                for k in range(n):
                    V[k, i] = -V[k, i]
            agreement.append(abs(dot))
        if case["resolvable"] and (min(agreement) < 0.5 or gap < mpf("1e-12")):
            fail("%s: eigenvectors not clearly signed (min |v.q| %s) or gap %s too small" % (case["name"], mp.nstr(min(agreement), 3), mp.nstr(gap, 3)))
        Um = mat_mp(U)
        VTU = V.T * Um
        uscale = max(abs(v) for v in Um)
        result = dict(
            name=case["name"],
            description="Y = Q diag(s) Q^T in double (y_random_q, seed %d), U from u0_gaussian(seed %d, not quantized)" % (seed, 400 + seed),
            nominal=s,
            resolvable=case["resolvable"],
            Y=Y,
            U=U,
            eigenvalues=[bracket(v, scale) for v in lam],
            gap=float(gap),
            V=[[float(V[k, i]) for i in range(n)] for k in range(n)],
            VTU=[[bracket(VTU[i, c], uscale * math.sqrt(n)) for c in range(case["r"])] for i in range(n)],
        )
        print(case["name"], "gap", mp.nstr(gap, 3), "residual", mp.nstr(residual, 3), file=sys.stderr)
        return result


def main():
    results = [run(case) for case in cases()]
    with open(OUT, "w") as handle:
        json.dump(dict(generator="packages/core/scripts/eigenbasis_reference.py", mpmath=mpmath.__version__, digits=DPS, cases=results), handle, separators=(",", ":"))
        handle.write("\n")


if __name__ == "__main__":
    main()
