#!/usr/bin/env python3
"""High-precision windows of ||W(t) - Y_hat_k||_2 <= epsilon, for the tests of the certified
windows (packages/core/src/theorems/certified/certified.reference.test.ts, issue 20).

For each case (Y, U0, epsilon), W(t) is the literal closed form of Proposition 1, eq. (5)-(6)
(reference_closed_form.closed_form: mpmath, no code of the TypeScript route), at enough digits for
the cancellation it suffers; ||W(t) - Y_hat_k||_2 is the largest |eigenvalue| of the symmetric
difference (mpmath eigsy), Y_hat_k the best rank-k approximation built from Y's eigen-decomposition
at the same precision. The windows are located by a grid scan and bisection to 1e-25 relative, and
each window end gets dense samples on both sides (offsets of 1e-8 .. 1e-1 of the window length),
so that a test can check that no certified interval reaches past a true window end.

Cases: the paper's diagonal Y with a Gaussian U0 (alpha 1e-8 and a tiny alpha 1e-14), a graded U0
(rows spanning 12 orders of magnitude), a rank-deficient U0 (r < n), a spectral initialization, and
rotated targets Y = Q diag Q^T stored as doubles (a Gaussian U0; a thin U0 with r < n; a tiny alpha;
a U0 whose third column is exactly the sum of the first two),
which the certificate handles through a verified eigenbasis. For a rotated Y mpmath decomposes the
STORED doubles of Y (not Q diag Q^T) at the working precision, so the windows are those of the
matrix the certificate is given.

Run:   python3 packages/core/scripts/certified_reference.py [--only name,name]
       (writes fixtures/certified-reference.json; --only recomputes the named cases and keeps the others)
Python standard library and mpmath only.
"""
import json
import math
import os
import random
import sys

from mpmath import mp, mpf

from reference_closed_form import Decomp, closed_form, cancellation_digits
from reference_exact import mat_mp, random_orthogonal, symmetrize_upper, u0_gaussian

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "certified-reference.json")
GRID = 300
OFFSETS = [1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1]


def diag(values):
    n = len(values)
    return [[float(values[i]) if i == j else 0.0 for j in range(n)] for i in range(n)]


def cases():
    out = []
    out.append(dict(name="diagonal-gaussian", Y=diag([10, 8, 6, 4, 2]), U0=u0_gaussian(5, 5, 1e-8, 11), epsilon=0.2))
    out.append(dict(name="diagonal-tiny-alpha", Y=diag([5, 3, 2, 1]), U0=u0_gaussian(4, 4, 1e-14, 12), epsilon=0.1))
    graded = u0_gaussian(3, 3, 1e-8, 13)
    graded = [[v * s for v in row] for row, s in zip(graded, [1.0, 2.0 ** -20, 2.0 ** -40])]
    out.append(dict(name="graded-u0", Y=diag([3, 2.5, 1]), U0=graded, epsilon=0.3))
    out.append(dict(name="rank-deficient-u0", Y=diag([4, 3, 2, 1]), U0=u0_gaussian(4, 2, 1e-6, 14), epsilon=0.25))
    out.append(dict(name="spectral", Y=diag([6, 3, 1]), U0=diag([1e-5, 2e-5, 3e-5]), epsilon=0.2))
    out.append(dict(name="rotated", Y=rotated([5.0, 3.0, 2.0, 1.0], 15), U0=u0_gaussian(4, 4, 1e-8, 16), epsilon=0.2))
    out.append(dict(name="rotated-thin-u0", Y=rotated([8.0, 6.0, 3.0, 2.0, 1.0], 21), U0=u0_gaussian(5, 2, 1e-6, 22), epsilon=0.25))
    out.append(dict(name="rotated-tiny-alpha", Y=rotated([7.0, 5.0, 3.0, 1.5, 0.5], 23), U0=u0_gaussian(5, 5, 1e-12, 24), epsilon=0.1))
    # r = 3 > rank 2: the third column is the sum of the first two, exactly (quantized entries).
    thin = u0_gaussian(4, 2, 1e-8, 26)
    out.append(dict(name="rotated-dependent-columns", Y=rotated([5.0, 3.0, 2.0, 1.0], 25), U0=[row + [row[0] + row[1]] for row in thin], epsilon=0.2))
    return out


def rotated(lam, seed):
    """Q diag(lam) Q^T rounded to doubles, upper triangle mirrored (exactly symmetric)."""
    n = len(lam)
    Q = random_orthogonal(n, random.Random(seed))
    Y = [[sum(Q[i][l] * lam[l] * Q[j][l] for l in range(n)) for j in range(n)] for i in range(n)]
    return symmetrize_upper(Y)


def distances(dec, Wt0_fn, Yhat, t, dps):
    W = closed_form(dec, Wt0_fn, t, dps) if isinstance(t, float) else closed_form(dec, Wt0_fn, 0.0, dps, h=t)
    result = []
    with mp.workdps(dps):
        for Yk in Yhat:
            E, _ = mp.eigsy(W - Yk)
            result.append(max(abs(E[i]) for i in range(E.rows)))
    return result


def run(case):
    Y, U0, eps = case["Y"], case["U0"], mpf(case["epsilon"])
    n = len(Y)
    base = 60
    dec0 = Decomp(Y, base)
    lam_desc = sorted([float(v) for v in dec0.lam], reverse=True)
    K = sum(1 for v in lam_desc if v > 1e-12 * lam_desc[0])
    smallest = min(abs(v) for row in U0 for v in row if v != 0)
    horizon = 1.5 * (2 * math.log(1 / smallest) + math.log(lam_desc[0])) / (2 * lam_desc[K - 1]) + 2.0 / lam_desc[K - 1]
    dps = base + cancellation_digits(lam_desc, horizon * 2, True) + int(2 * math.log10(1 / smallest))
    dec = Decomp(Y, dps)
    with mp.workdps(dps):
        Um = mat_mp(U0)
        W0 = Um * Um.T
        Wt0 = dec.Phi.T * W0 * dec.Phi
        order = sorted(range(n), key=lambda i: -dec.lam[i])
        Yhat = []
        for k in range(1, K + 1):
            D = mp.matrix(n, n)
            for i in order[:k]:
                D[i, i] = dec.lam[i]
            Yhat.append(dec.Phi * D * dec.Phi.T)
    fn = lambda: Wt0
    f = lambda t: distances(dec, fn, Yhat, t, dps)
    grid = [horizon * i / GRID for i in range(GRID + 1)]
    values = [f(t) for t in grid]
    windows = []
    for k in range(K):
        inside = [v[k] <= eps for v in values]
        ranges = []
        start = grid[0] if inside[0] else None
        for i in range(1, len(grid)):
            if not inside[i - 1] and inside[i]:
                start = bisect(lambda t: f(t)[k] <= eps, grid[i - 1], grid[i], dps)
            if inside[i - 1] and not inside[i]:
                ranges.append([start, bisect(lambda t: f(t)[k] <= eps, grid[i - 1], grid[i], dps)])
                start = None
        if start is not None:
            ranges.append([start, None])  # open at the horizon: lasts (the tail is monotone)
        samples = []
        for a, b in ranges:
            length = (b if b is not None else horizon) - a
            for end in ([a, b] if b is not None else [a]):
                for off in OFFSETS:
                    for sign in (-1, 1):
                        t = end + sign * off * length
                        if t > 0:
                            samples.append([float(t), float(f(float(t))[k])])
            for i in range(1, 20):
                t = a + length * i / 20
                samples.append([float(t), float(f(float(t))[k])])
        windows.append(dict(k=k + 1, windows=[[float(a), None if b is None else float(b)] for a, b in ranges], samples=samples))
        print(case["name"], "k =", k + 1, windows[-1]["windows"], file=sys.stderr)
    return dict(name=case["name"], Y=Y, U0=U0, epsilon=case["epsilon"], horizon=horizon, digits=dps, perRank=windows)


def bisect(inside, a, b, dps):
    """The crossing in [a, b] (inside(a) != inside(b)) to 1e-25 relative, at mp precision."""
    with mp.workdps(dps):
        lo, hi = mpf(a), mpf(b)
        left = inside(float(a))
        while hi - lo > mpf("1e-25") * hi:
            mid = (lo + hi) / 2
            if inside(mid) == left:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2


def main():
    only = None
    if "--only" in sys.argv:
        only = set(sys.argv[sys.argv.index("--only") + 1].split(","))
    kept = {}
    if only is not None and os.path.exists(OUT):
        with open(OUT) as handle:
            kept = {case["name"]: case for case in json.load(handle)["cases"]}
    results = [run(case) if only is None or case["name"] in only else kept[case["name"]] for case in cases()]
    with open(OUT, "w") as handle:
        json.dump(dict(generator="packages/core/scripts/certified_reference.py", cases=results), handle, separators=(",", ":"))
        handle.write("\n")


if __name__ == "__main__":
    main()
