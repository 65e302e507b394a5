#!/usr/bin/env python3
"""High-precision reference values for the closed-form solution of the matrix
Riccati ODE of symmetric matrix factorisation (Min & Vidal 2025, Prop. 1).

    W' = W Y + Y W - 2 W^2,   W(0) = W0 = U0 U0^T  (PSD),   Y = Y^T.

Closed form (literal eq. (5)-(6), extended to every real eigenvalue):

    W(t) = Phi S(t) Wt0 (I + G(t) Wt0)^{-1} S(t) Phi^T,     Wt0 = Phi^T W0 Phi,
    S = diag(exp(lambda_i t)),  G = diag(g_i),  g_i = expm1(2 lambda_i t)/lambda_i
    (g_i = 2t if lambda_i == 0 exactly).

Every double written to the fixture as an input (Y, U0/W0, alpha, t) is treated
as an exact binary rational; the formula is evaluated with mpmath at a working
precision large enough to absorb its catastrophic cancellation, and the result
is rounded (correctly) to binary64.

This file is deliberately independent of the TypeScript implementation: it
uses only the Python standard library and mpmath (no numpy, no repo code).

Run:   python3 packages/core/scripts/closed_form_reference.py
       (writes packages/core/fixtures/closed-form-reference.json; pass
        --out PATH to write elsewhere, --quick to skip the ODE-residual check)
"""

import json
import math
import os
import random
import sys
import time
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "fixtures", "closed-form-reference.json")
GENERATOR = "packages/core/scripts/closed_form_reference.py"

EXTRA_DIGITS = 400      # digits on top of the cancellation estimate
CHECK_DIGITS = 30       # second evaluation at dps + CHECK_DIGITS
SELF_CHECK_TOL = mpf("1e-30")
EIG_DPS_CAP = 450       # eigenvalues of W(t) are computed at min(dps, cap)
LN10 = math.log(10.0)


class ReferenceError_(Exception):
    pass


def fail(msg):
    raise ReferenceError_(msg)


# ---------------------------------------------------------------------------
# exact conversions
# ---------------------------------------------------------------------------

def to_double(x):
    """Correctly rounded (nearest-even) binary64 value of an mpf, including the
    subnormal range; +0.0 for values that underflow or are zero (no -0.0)."""
    x = mpf(x)
    if x == 0:
        return 0.0
    sign, man, exp, bc = x._mpf_
    if not isinstance(man, int):
        man = int(man)
    # |x| = man * 2^exp, 2^(exp+bc-1) <= |x| < 2^(exp+bc)
    if exp + bc < -1080:          # far below half the smallest subnormal
        return 0.0
    if exp + bc > 1030:
        fail("overflow converting %s to double" % mp.nstr(x, 10))
    if exp >= 0:
        v = float(man << exp)
    else:
        v = man / (1 << (-exp))   # CPython int/int true division is correctly rounded
    if sign:
        v = -v
    return v + 0.0                # turn -0.0 into 0.0


def exact(x):
    """mpf holding the exact value of a double (needs no more than 53 bits)."""
    return mpf(float(x))


def mat_mp(A):
    return mp.matrix([[exact(v) for v in row] for row in A])


def mat_to_list(M, rows=None, cols=None):
    rows = M.rows if rows is None else rows
    cols = M.cols if cols is None else cols
    return [[M[i, j] for j in range(cols)] for i in range(rows)]


def max_abs(M):
    return max([abs(v) for v in M] + [mpf(0)])


# ---------------------------------------------------------------------------
# deterministic double-precision input construction (plain IEEE arithmetic:
# +,-,*,/,sqrt only, so bit-identical on every platform)
# ---------------------------------------------------------------------------

def normal_ish(rng):
    """Approximately N(0,1): Irwin-Hall sum of 12 uniforms (pure arithmetic,
    avoids libm so the bits do not depend on the platform)."""
    return sum(rng.random() for _ in range(12)) - 6.0


def random_orthogonal(n, rng):
    """Orthonormal columns by two passes of modified Gram-Schmidt in double."""
    A = [[normal_ish(rng) for _ in range(n)] for _ in range(n)]
    cols = []
    for j in range(n):
        v = [A[i][j] for i in range(n)]
        for _ in range(2):
            for q in cols:
                d = 0.0
                for i in range(n):
                    d += q[i] * v[i]
                v = [v[i] - d * q[i] for i in range(n)]
        nv = math.sqrt(sum(x * x for x in v))
        cols.append([x / nv for x in v])
    return [[cols[j][i] for j in range(n)] for i in range(n)]


def symmetrize_upper(A):
    n = len(A)
    B = [list(r) for r in A]
    for i in range(n):
        for j in range(i):
            B[i][j] = B[j][i]
    return B


def y_random_q(lam, seed):
    """Y = Q diag(lam) Q^T in double, Q seeded random orthogonal, then made
    exactly symmetric by copying the upper triangle."""
    n = len(lam)
    rng = random.Random(seed)
    Q = random_orthogonal(n, rng)
    Y = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += Q[i][k] * lam[k] * Q[j][k]
            Y[i][j] = s
    return symmetrize_upper(Y)


def householder_frac(v):
    n = len(v)
    s = sum(x * x for x in v)
    return [[Fraction(int(i == j)) - Fraction(2 * v[i] * v[j], s) for j in range(n)]
            for i in range(n)]


def matmul_frac(A, B):
    return [[sum(A[i][k] * B[k][j] for k in range(len(B))) for j in range(len(B[0]))]
            for i in range(len(A))]


def y_exact_dyadic(lam):
    """n = 5: Y = Q diag(lam) Q^T with Q = H1 H2 H3 a product of Householder
    reflections with dyadic entries (|v|^2 = 8), so Y is exactly representable
    in binary64 and its eigenvalues are EXACTLY lam (exact zeros/repeats)."""
    assert len(lam) == 5
    Q = householder_frac([2, 1, 1, 1, 1])
    Q = matmul_frac(Q, householder_frac([1, -1, 2, 1, -1]))
    Q = matmul_frac(Q, householder_frac([1, 1, -1, 2, 1]))
    n = 5
    Y = [[sum(Q[i][k] * Fraction(lam[k]) * Q[j][k] for k in range(n)) for j in range(n)]
         for i in range(n)]
    out = []
    for row in Y:
        r = []
        for v in row:
            f = float(v)
            if Fraction(f) != v:
                fail("dyadic Y entry not exactly representable")
            r.append(f)
        out.append(r)
    return out


def u0_gaussian(n, r, alpha, seed, quantize=True):
    """U0 = sqrt(alpha) * Ubar with Ubar ~ approx. N(0,1) entries.

    quantize=True rounds all entries to a common grid 2^-k with integer
    numerators |m| < 2^24, so that every entry of U0 U0^T is EXACTLY
    representable in binary64 (products < 2^48, sums of <= 6 of them < 2^51).
    Then W0 = U0 U0^T computed in double equals the exact product, which
    matters for r < n (exact rank deficiency)."""
    rng = random.Random(seed)
    sa = math.sqrt(alpha)
    U = [[sa * normal_ish(rng) for _ in range(r)] for _ in range(n)]
    if not quantize:
        return U
    m = max(abs(v) for row in U for v in row)
    k = 0
    while m * 2.0 ** (k + 1) < 2.0 ** 24:
        k += 1
    while m * 2.0 ** k >= 2.0 ** 24:
        k -= 1
    Uq = [[round(v * 2.0 ** k) * 2.0 ** -k for v in row] for row in U]
    W0d = gram_double(Uq)
    for i in range(n):
        for j in range(n):
            ex = sum(Fraction(Uq[i][l]) * Fraction(Uq[j][l]) for l in range(r))
            if Fraction(W0d[i][j]) != ex:
                fail("quantised U0 U0^T is not exact in double")
    return Uq


def gram_double(U):
    n, r = len(U), len(U[0])
    W = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for l in range(r):
                s += U[i][l] * U[j][l]
            W[i][j] = s
    return symmetrize_upper(W)


def mp_log_double(x):
    """log of a double, rounded to double via mpmath (platform independent)."""
    with mp.workdps(50):
        return mp.log(exact(x))


# ---------------------------------------------------------------------------
# linear algebra at arbitrary precision
# ---------------------------------------------------------------------------

def inverse_lu(M):
    """Inverse by Gauss-Jordan with partial pivoting. No 'numerically
    singular' tolerance (mpmath's LU refuses matrices whose pivots are tiny
    relative to the norm, which is exactly the regime of interest here)."""
    n = M.rows
    A = [[M[i, j] for j in range(n)] + [mpf(1) if i == k else mpf(0) for k in range(n)]
         for i in range(n)]
    for c in range(n):
        p = max(range(c, n), key=lambda i: abs(A[i][c]))
        if A[p][c] == 0:
            fail("exactly singular pivot")
        A[c], A[p] = A[p], A[c]
        piv = A[c][c]
        for i in range(c + 1, n):
            f = A[i][c] / piv
            if f:
                Ac = A[c]
                A[i] = [A[i][k] - f * Ac[k] for k in range(2 * n)]
    for c in range(n - 1, -1, -1):
        piv = A[c][c]
        A[c] = [v / piv for v in A[c]]
        for i in range(c):
            f = A[i][c]
            if f:
                Ac = A[c]
                A[i] = [A[i][k] - f * Ac[k] for k in range(2 * n)]
    return mp.matrix([[A[i][n + j] for j in range(n)] for i in range(n)])


def eig_sym(M):
    """Eigen-decomposition of a symmetric mp.matrix at the current precision."""
    E, Q = mp.eigsy(M)
    return [E[i] for i in range(M.rows)], Q


def is_diagonal(Y):
    n = len(Y)
    return all(Y[i][j] == 0.0 for i in range(n) for j in range(n) if i != j)


# ---------------------------------------------------------------------------
# the closed form
# ---------------------------------------------------------------------------

class Decomp:
    """Y = Phi diag(lam) Phi^T, computed at `prec` digits (exact if Y diagonal)."""

    def __init__(self, Y, prec):
        n = len(Y)
        self.n = n
        self.prec = prec
        with mp.workdps(prec):
            Ym = mat_mp(Y)
            if is_diagonal(Y):
                self.lam = [exact(Y[i][i]) for i in range(n)]
                self.Phi = mp.eye(n)
                self.exact = True
            else:
                self.lam, self.Phi = eig_sym(Ym)
                self.exact = False
            L = mp.diag(self.lam)
            self.residual = max_abs(Ym * self.Phi - self.Phi * L)
            self.orth = max_abs(self.Phi.T * self.Phi - mp.eye(n))
        self.sigma1 = max(abs(l) for l in self.lam)


def closed_form(dec, Wt0_fn, t, dps, h=0):
    """Literal eq. (5)-(6) at `dps` digits, at time t + h (h an mpf offset, so that a finite
    difference is not rounded to a double). Wt0_fn() returns Phi^T W0 Phi."""
    n = dec.n
    with mp.workdps(dps):
        tt = exact(t) + h
        Wt0 = Wt0_fn()
        s = [mp.exp(l * tt) for l in dec.lam]
        g = [(mp.expm1(2 * l * tt) / l) if l != 0 else 2 * tt for l in dec.lam]
        M = mp.matrix(n, n)
        for i in range(n):
            for j in range(n):
                M[i, j] = (1 if i == j else 0) + g[i] * Wt0[i, j]
        Z = Wt0 * inverse_lu(M)                 # Wt0 (I + G Wt0)^{-1}
        Wt = mp.matrix(n, n)
        for i in range(n):
            for j in range(n):
                Wt[i, j] = s[i] * Z[i, j] * s[j]
        return dec.Phi * Wt * dec.Phi.T


def cancellation_digits(lam_nominal, t, rank_deficient):
    """A priori estimate of the digits the literal formula can lose: the
    entries of G span a factor of about exp(2 (max(lam,0) - min(lam,0)) t).
    For rank-deficient W0 the information sits in the identity term of
    I + G Wt0 and the observed loss occasionally exceeds that bound (up to
    ~1.1x), so a 1.25 safety factor is used.  The a posteriori check below
    is what actually certifies the result; this only avoids retries."""
    lmax = max(max(lam_nominal), 0.0)
    lmin = min(min(lam_nominal), 0.0)
    f = 1.25 if rank_deficient else 1.0
    return int(math.ceil(f * 2.0 * (lmax - lmin) * t / LN10))


# ---------------------------------------------------------------------------
# one fixture case
# ---------------------------------------------------------------------------

def eigenvalues_desc(W, dps):
    with mp.workdps(dps):
        n = W.rows
        S = mp.matrix(n, n)
        for i in range(n):
            for j in range(n):
                S[i, j] = (W[i, j] + W[j, i]) / 2
        E, _ = eig_sym(S)
    return sorted(E, reverse=True)


def run_case(spec, ode_check=True, log=print):
    name = spec["name"]
    Y = spec["Y"]
    n = len(Y)
    init = spec["init"]
    times = spec["times"]
    lam_nom = spec["lam_nominal"]

    if "U0" in init:
        rank_deficient = len(init["U0"][0]) < n
    else:
        with mp.workdps(120):
            e = eigenvalues_desc(mat_mp(init["W0"]), 120)
            rank_deficient = e[-1] < e[0] * mpf(10) ** -60
    dps_list = [max(60, cancellation_digits(lam_nom, t, rank_deficient) + EXTRA_DIGITS)
                for t in times]
    t0 = time.time()

    def decompose(prec):
        d = Decomp(Y, prec)
        if d.residual > mpf(10) ** (-(prec - 10)) * d.sigma1 or \
                d.orth > mpf(10) ** (-(prec - 10)):
            fail("%s: eigendecomposition residual too large" % name)
        return d

    # Phi, lambda accurate far beyond every working precision used below
    prec_phi = max(dps_list) + CHECK_DIGITS + 60 + 100
    dec = decompose(prec_phi)
    sigma1 = dec.sigma1

    with mp.workdps(prec_phi):
        if "U0" in init:
            U0m = mat_mp(init["U0"])
            W0exact = U0m * U0m.T                 # exact: products of doubles
        else:
            W0exact = mat_mp(init["W0"])
            U0m = None
        # PSD check of W0 (exact input) at high precision
        e0 = eigenvalues_desc(W0exact, 120)
        if "W0" in init and spec.get("w0_must_be_pd") and not (e0[-1] > 0):
            fail("%s: W0 not positive definite" % name)
        if "W0" in init and e0[-1] < -mpf(10) ** -100:
            fail("%s: W0 not PSD" % name)

    def wt0_factory():
        if U0m is not None:
            def f():
                B = dec.Phi.T * U0m
                return B * B.T
        else:
            def f():
                return dec.Phi.T * W0exact * dec.Phi
        return f
    wt0 = wt0_factory()

    Ym = mat_mp(Y)
    out_W, out_eig, used_dps = [], [], []
    worst_rel = mpf(0)
    worst_sym = mpf(0)
    worst_ode = mpf(0)
    w0_err = None
    for t, dps in zip(times, dps_list):
        attempt = 0
        while True:
            Wa = closed_form(dec, wt0, t, dps)
            Wb = closed_form(dec, wt0, t, dps + CHECK_DIGITS)
            with mp.workdps(dps + CHECK_DIGITS):
                rel = max_abs(Wa - Wb) / sigma1
                sym = max_abs(Wb - Wb.T) / sigma1
            ok = rel <= SELF_CHECK_TOL and sym <= SELF_CHECK_TOL
            if ok:
                da = [[to_double(Wa[i, j]) for j in range(n)] for i in range(n)]
                db = [[to_double(Wb[i, j]) for j in range(n)] for i in range(n)]
                edps = min(dps, EIG_DPS_CAP)
                ea = [to_double(v) for v in eigenvalues_desc(Wa, edps)]
                eb = [to_double(v) for v in eigenvalues_desc(Wb, edps)]
                ok = da == db and ea == eb
            else:
                da = db = ea = eb = None
            if ok:
                break
            attempt += 1
            log("  %s t=%r: dps %d not sufficient (rel %s, sym %s, rounding stable %s/%s), retrying"
                % (name, t, dps, mp.nstr(rel, 3), mp.nstr(sym, 3),
                   "n/a" if da is None else da == db, "n/a" if ea is None else ea == eb))
            if attempt > 2:
                fail("%s t=%r: self-check failed: rel diff %s (tol %s)"
                     % (name, t, mp.nstr(rel, 5), mp.nstr(SELF_CHECK_TOL, 3)))
            dps = int(dps * 1.5) + 100
            if dps + CHECK_DIGITS + 60 + 100 > prec_phi:
                prec_phi = dps + CHECK_DIGITS + 60 + 100
                dec = decompose(prec_phi)
        worst_rel = max(worst_rel, rel)
        worst_sym = max(worst_sym, sym)
        if t == 0:
            with mp.workdps(dps + CHECK_DIGITS):
                w0_err = max_abs(Wb - W0exact) / sigma1
            if w0_err > SELF_CHECK_TOL:
                fail("%s: W(0) != W0 (rel %s)" % (name, mp.nstr(w0_err, 3)))
            if dec.exact:
                # Phi = I exactly: W(0) must reproduce W0 bit for bit
                with mp.workdps(dps + CHECK_DIGITS):
                    if max_abs(Wb - W0exact) != 0:
                        fail("%s: W(0) != W0 exactly for diagonal Y" % name)
        if any(v < 0 for v in eb):
            fail("%s t=%r: negative eigenvalue %r of W(t)" % (name, t, min(eb)))
        if ode_check:
            # independent check against the ORIGINAL Y (not Phi/lambda):
            # central difference of the closed form vs. the ODE right-hand side
            hd = dps + CHECK_DIGITS + 60
            with mp.workdps(hd):
                h = mpf(10) ** -25 / sigma1
                Wp = closed_form(dec, wt0, t, hd, h)
                Wm = closed_form(dec, wt0, t, hd, -h)
                dW = (Wp - Wm) / (2 * h)
                rhs = Wb * Ym + Ym * Wb - 2 * Wb * Wb
                res = max_abs(dW - rhs) / (sigma1 * sigma1)
            if res > mpf("1e-25"):
                fail("%s t=%r: ODE residual %s" % (name, t, mp.nstr(res, 3)))
            worst_ode = max(worst_ode, res)
        out_W.append(db)
        out_eig.append(eb)
        used_dps.append(dps)

    if dec.exact and "U0" in init:
        # Y diagonal: if U0 is diagonal too, W(t) must be diagonal with the
        # scalar eq. (12)/(13) on the diagonal (a = U0_ii^2), bit for bit.
        U = init["U0"]
        if all(U[i][j] == 0.0 for i in range(n) for j in range(len(U[0])) if i != j):
            for t, Wd in zip(times, out_W):
                for i in range(n):
                    for j in range(n):
                        if i != j and Wd[i][j] != 0.0:
                            fail("%s: off-diagonal entry not exactly zero" % name)
                    with mp.workdps(max(used_dps) + 60):
                        a = exact(U[i][i]) ** 2 if i < len(U[0]) else mpf(0)
                        ref = to_double(sigma_w_mp(dec.lam[i], a, exact(t)))
                    if ref != Wd[i][i]:
                        fail("%s: diagonal differs from the scalar formula" % name)
            log("  %s: diagonal == scalar eq. (12)/(13) bit for bit, off-diagonal exactly 0" % name)
    with mp.workdps(60):
        eigY = [to_double(v) for v in sorted(dec.lam, reverse=True)]
    elapsed = time.time() - t0
    stats = dict(rel=worst_rel, sym=worst_sym, ode=worst_ode, w0=w0_err,
                 phi_res=dec.residual / sigma1, phi_orth=dec.orth,
                 prec_phi=prec_phi, seconds=elapsed)
    case = {
        "name": name,
        "description": spec["description"],
        "Y": Y,
        "init": {"U0": init["U0"]} if "U0" in init else {"W0": init["W0"]},
        "alpha": spec.get("alpha"),
        "eigenvaluesY": eigY,
        "times": times,
        "W": out_W,
        "eigenvaluesW": out_eig,
        "dps": used_dps,
        "selfCheckRelDiff": to_double(worst_rel),
        "selfCheckLog10RelDiff": (round(float(mp.log10(worst_rel)), 1)
                                  if worst_rel else None),
    }
    return case, stats


# ---------------------------------------------------------------------------
# case definitions
# ---------------------------------------------------------------------------

TAUS = [0.0, 1.0, 10.0, 100.0, 1e4]       # sigma1 * t


def make_times(lam, alpha):
    sigma1 = max(abs(l) for l in lam)
    ts = [tau / sigma1 for tau in TAUS]
    if alpha is not None and alpha < 1:
        # mid-transition times t = log(1/alpha) / (2 lambda_k), lambda_k > 0
        L = -mp_log_double(alpha)
        for lk in sorted(set(l for l in lam if l > 0), reverse=True):
            with mp.workdps(50):
                ts.append(to_double(L / (2 * exact(lk))))
    return sorted(set(ts))


def fmt(x):
    return repr(float(x))


def case_specs():
    specs = []

    def add(name, description, Y, lam, init, alpha, extra=None):
        s = dict(name=name, description=description, Y=Y, lam_nominal=lam,
                 init=init, alpha=alpha, times=make_times(lam, alpha))
        if extra:
            s.update(extra)
        specs.append(s)

    # 1. PSD Y, distinct eigenvalues, square Gaussian U0, four scales
    lam1 = [10.0, 8.0, 6.0, 4.0, 2.0]
    Y1 = y_random_q(lam1, seed=101)
    for k, alpha in enumerate([1.0, 1e-3, 1e-6, 1e-12]):
        U0 = u0_gaussian(5, 5, alpha, seed=1100 + k)
        add("psd-distinct-alpha%s" % fmt(alpha),
            "PSD Y = Q diag(10,8,6,4,2) Q^T (random orthogonal Q, seed 101, double), "
            "U0 = sqrt(alpha) Ubar, 5x5 Gaussian (seed %d), r = n = 5" % (1100 + k),
            Y1, lam1, {"U0": U0}, alpha)

    # 2. PSD Y with zero eigenvalues, r = n
    lam2 = [5.0, 3.0, 0.0, 0.0]
    Y2 = y_random_q(lam2, seed=201)
    add("psd-zero-eigs",
        "PSD Y = Q diag(5,3,0,0) Q^T (random orthogonal Q, seed 201; the exact double Y "
        "has 'zero' eigenvalues of order 1e-16), general U0 4x4 (seed 2101), alpha = 1e-6",
        Y2, lam2, {"U0": u0_gaussian(4, 4, 1e-6, seed=2101)}, 1e-6)
    lam2e = [5.0, 3.0, 1.0, 0.0, 0.0]
    Y2e = y_exact_dyadic(lam2e)
    add("psd-zero-eigs-exact",
        "PSD Y = Q diag(5,3,1,0,0) Q^T with Q a product of three dyadic Householder "
        "reflections: Y is exact in binary64 and has EXACT double zero eigenvalue; "
        "U0 5x5 Gaussian (seed 2200), alpha = 1e-6",
        Y2e, lam2e, {"U0": u0_gaussian(5, 5, 1e-6, seed=2200)}, 1e-6)

    # 3. indefinite Y, r = n
    lam3 = [4.0, 1.0, -2.0, -5.0]
    Y3 = y_random_q(lam3, seed=301)
    for k, alpha in enumerate([1e-3, 1.0]):
        add("indefinite-alpha%s" % fmt(alpha),
            "Indefinite Y = Q diag(4,1,-2,-5) Q^T (random Q, seed 301), U0 4x4 Gaussian "
            "(seed %d), r = n = 4" % (3100 + k),
            Y3, lam3, {"U0": u0_gaussian(4, 4, alpha, seed=3100 + k)}, alpha)

    # 4. r < n, PSD Y and indefinite Y with an (exact) zero eigenvalue
    lam4i = [4.0, 2.0, 0.0, -1.0, -3.0]
    Y4i = y_exact_dyadic(lam4i)
    for r in (1, 2, 3):
        for alpha in (1e-2, 1e-8):
            seed = 4000 + 10 * r + (0 if alpha == 1e-2 else 1)
            add("lowrank-psd-r%d-alpha%s" % (r, fmt(alpha)),
                "PSD Y = Q diag(10,8,6,4,2) Q^T (same Y as psd-distinct-*), U0 5x%d "
                "Gaussian (seed %d): rank-deficient W0, rank(W(t)) = %d for all t" % (r, seed, r),
                Y1, lam1, {"U0": u0_gaussian(5, r, alpha, seed=seed)}, alpha)
            seed = 4500 + 10 * r + (0 if alpha == 1e-2 else 1)
            add("lowrank-indefinite-zero-r%d-alpha%s" % (r, fmt(alpha)),
                "Indefinite Y = Q diag(4,2,0,-1,-3) Q^T with dyadic Householder Q (exact "
                "zero eigenvalue), U0 5x%d Gaussian (seed %d), rank-deficient W0" % (r, seed),
                Y4i, lam4i, {"U0": u0_gaussian(5, r, alpha, seed=seed)}, alpha)

    # 5. r > n
    lam5 = [6.0, 2.0, 1.0]
    Y5 = y_random_q(lam5, seed=501)
    add("overparam-n3-r5",
        "PSD Y = Q diag(6,2,1) Q^T (random Q, seed 501), U0 3x5 Gaussian (seed 5100), "
        "alpha = 1e-3",
        Y5, lam5, {"U0": u0_gaussian(3, 5, 1e-3, seed=5100)}, 1e-3)

    # 6. W0 given: full rank, and rank deficient
    lam6 = [6.0, 3.0, -1.0, -4.0]
    Y6 = y_random_q(lam6, seed=601)
    U6 = u0_gaussian(4, 4, 1e-4, seed=6100, quantize=False)
    W6 = gram_double(U6)
    add("w0-fullrank",
        "Indefinite Y = Q diag(6,3,-1,-4) Q^T (random Q, seed 601); W0 given: U0 U0^T "
        "computed in double from a 4x4 Gaussian U0 = 1e-2 Ubar (seed 6100), upper "
        "triangle copied to lower; exact double W0 checked positive definite",
        Y6, lam6, {"W0": W6}, 1e-4, extra={"w0_must_be_pd": True})
    U6r = u0_gaussian(4, 2, 1e-4, seed=6200)
    W6r = gram_double(U6r)
    add("w0-rank2",
        "Same Y as w0-fullrank; W0 given, rank 2: W0 = U0 U0^T with U0 4x2 (seed 6200) on "
        "a 2^-k grid so that W0 is EXACTLY rank 2 in binary64",
        Y6, lam6, {"W0": W6r}, 1e-4)

    # 7. diagonal Y, spectral rank-deficient init: zeros must stay exact
    Y7 = [[3.0, 0.0, 0.0, 0.0], [0.0, 7.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0],
          [0.0, 0.0, 0.0, 0.0]]
    s0 = [1.0, 0.0, 2.0, 0.5]
    alpha7 = 1e-6
    U7 = [[math.sqrt(alpha7 * s0[i]) if i == j else 0.0 for j in range(4)] for i in range(4)]
    add("diagonal-spectral",
        "Diagonal Y = diag(3,7,1,0) (unsorted, exact zero eigenvalue, Phi = I exactly); "
        "spectral init U0 = diag(sqrt(alpha*s0_i)) (each entry a correctly rounded double "
        "sqrt), s0 = (1,0,2,0.5): W(t) is diagonal with exact zeros, entries follow eq. (12)/(13)",
        Y7, [3.0, 7.0, 1.0, 0.0], {"U0": U7}, alpha7)

    # 8. repeated eigenvalue
    lam8 = [4.0, 4.0, 1.0]
    Y8 = y_random_q(lam8, seed=801)
    add("repeated-eig",
        "Y = Q diag(4,4,1) Q^T (random Q, seed 801; repeated eigenvalue up to double "
        "rounding), U0 3x3 Gaussian (seed 8100), alpha = 1e-3",
        Y8, lam8, {"U0": u0_gaussian(3, 3, 1e-3, seed=8100)}, 1e-3)
    Y8e = [[3.0, -1.0, -1.0], [-1.0, 3.0, -1.0], [-1.0, -1.0, 3.0]]
    add("repeated-eig-exact",
        "Y = 4 I - ones(3,3): eigenvalues exactly (4,4,1), U0 3x3 Gaussian (seed 8200), "
        "alpha = 1e-3",
        Y8e, lam8, {"U0": u0_gaussian(3, 3, 1e-3, seed=8200)}, 1e-3)

    # 9. tiny alpha, wide spread
    lam9 = [100.0, 30.0, 10.0, 3.0, 1.0, 0.1]
    Y9 = y_random_q(lam9, seed=901)
    add("wide-spread-alpha1e-12",
        "PSD Y = Q diag(100,30,10,3,1,0.1) Q^T (random Q, seed 901), U0 6x6 Gaussian "
        "(seed 9100), alpha = 1e-12",
        Y9, lam9, {"U0": u0_gaussian(6, 6, 1e-12, seed=9100)}, 1e-12)
    return specs


# ---------------------------------------------------------------------------
# scalar (Corollary 2) section
# ---------------------------------------------------------------------------

def sigma_w_mp(sY, a, t):
    """eq. (12)/(13) with a = alpha * sigma0 (all mpf, current precision)."""
    if sY == 0:
        return a / (1 + 2 * a * t)
    return a * sY * mp.exp(2 * sY * t) / (sY + a * mp.expm1(2 * sY * t))


def sigma_w(sY, s0, alpha, t, dps):
    with mp.workdps(dps):
        sY, s0, alpha, t = exact(sY), exact(s0), exact(alpha), exact(t)
        return sigma_w_mp(sY, alpha * s0, t)


def scalar_ode_residual(sY, s0, alpha, t, dps):
    """|sigma'(t) - 2 sigma (sY - sigma)| by central differences, relative."""
    with mp.workdps(dps + 60):
        sY, a, t = exact(sY), exact(alpha) * exact(s0), exact(t)
        scale = max(abs(sY), a, mpf(10) ** -300)
        h = mpf(10) ** -25 / scale
        d = (sigma_w_mp(sY, a, t + h) - sigma_w_mp(sY, a, t - h)) / (2 * h)
        sg = sigma_w_mp(sY, a, t)
        return abs(d - 2 * sg * (sY - sg)) / (scale * scale)


def scalar_cases():
    rows = []
    for sY in (10.0, 1.0, 1e-9, 0.0, -3.0):
        for s0 in (1.0, 0.3, 0.0):
            for alpha in (1.0, 1e-6, 1e-12):
                if sY == 0:
                    ts = [0.0, 1.0, 100.0, 1e4, 1e6]
                else:
                    ts = [tau / abs(sY) for tau in TAUS]
                    if sY > 0 and alpha < 1:
                        with mp.workdps(50):
                            ts.append(to_double(-mp_log_double(alpha) / (2 * exact(sY))))
                for t in sorted(set(ts)):
                    dps = 60 + int(math.ceil(2 * abs(sY) * t / LN10))
                    a = sigma_w(sY, s0, alpha, t, dps)
                    b = sigma_w(sY, s0, alpha, t, dps + CHECK_DIGITS)
                    with mp.workdps(dps + CHECK_DIGITS):
                        scale = max(abs(exact(sY)), alpha * s0, mpf(10) ** -300)
                        if abs(a - b) / scale > SELF_CHECK_TOL or to_double(a) != to_double(b):
                            fail("scalar self-check failed for %r" % ((sY, s0, alpha, t),))
                    # consistency: closed-form scalar vs. the ODE sigma' = 2 sigma (sY - sigma)
                    if scalar_ode_residual(sY, s0, alpha, t, dps) > mpf("1e-25"):
                        fail("scalar ODE residual too large for %r" % ((sY, s0, alpha, t),))
                    rows.append({"sigmaY": sY, "sigma0": s0, "alpha": alpha, "t": t,
                                 "sigmaW": to_double(b)})
    return rows


# ---------------------------------------------------------------------------
# JSON output (compact, readable, shortest round-trip doubles)
# ---------------------------------------------------------------------------

def jnum(x):
    if isinstance(x, bool) or x is None:
        return json.dumps(x)
    if isinstance(x, int):
        return str(x)
    x = float(x)
    if not math.isfinite(x):
        fail("non-finite number in output")
    return repr(x)


def jvec(v):
    return "[" + ", ".join(jnum(x) for x in v) + "]"


def jmat(M, ind):
    pad = " " * ind
    return "[\n" + ",\n".join(pad + "  " + jvec(r) for r in M) + "\n" + pad + "]"


def render(doc):
    L = []
    L.append("{")
    L.append('  "generator": %s,' % json.dumps(doc["generator"]))
    L.append('  "mpmath": %s,' % json.dumps(doc["mpmath"]))
    L.append('  "python": %s,' % json.dumps(doc["python"]))
    L.append('  "cases": [')
    cs = []
    for c in doc["cases"]:
        p = "      "
        f = []
        f.append(p + '"name": %s' % json.dumps(c["name"]))
        f.append(p + '"description": %s' % json.dumps(c["description"]))
        f.append(p + '"Y": %s' % jmat(c["Y"], 6))
        key = "U0" if "U0" in c["init"] else "W0"
        f.append(p + '"init": { "%s": %s }' % (key, jmat(c["init"][key], 6)))
        f.append(p + '"alpha": %s' % jnum(c["alpha"]))
        f.append(p + '"eigenvaluesY": %s' % jvec(c["eigenvaluesY"]))
        f.append(p + '"times": %s' % jvec(c["times"]))
        f.append(p + '"W": [\n' + ",\n".join(p + "  " + jmat(W, 8) for W in c["W"])
                 + "\n" + p + "]")
        f.append(p + '"eigenvaluesW": [\n' + ",\n".join(p + "  " + jvec(e) for e in c["eigenvaluesW"])
                 + "\n" + p + "]")
        f.append(p + '"dps": %s' % jvec(c["dps"]))
        f.append(p + '"selfCheckRelDiff": %s' % jnum(c["selfCheckRelDiff"]))
        f.append(p + '"selfCheckLog10RelDiff": %s' % jnum(c["selfCheckLog10RelDiff"]))
        cs.append("    {\n" + ",\n".join(f) + "\n    }")
    L.append(",\n".join(cs))
    L.append("  ],")
    L.append('  "scalar": [')
    L.append(",\n".join(
        '    { "sigmaY": %s, "sigma0": %s, "alpha": %s, "t": %s, "sigmaW": %s }'
        % (jnum(r["sigmaY"]), jnum(r["sigma0"]), jnum(r["alpha"]), jnum(r["t"]), jnum(r["sigmaW"]))
        for r in doc["scalar"]))
    L.append("  ]")
    L.append("}")
    return "\n".join(L) + "\n"


def main(argv):
    out = DEFAULT_OUT
    ode_check = True
    only = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--out":
            out = args.pop(0)
        elif a == "--quick":
            ode_check = False
        elif a == "--only":
            only = args.pop(0)
        else:
            fail("unknown argument %r" % a)
    T0 = time.time()
    cases = []
    worst = dict(rel=mpf(0), sym=mpf(0), ode=mpf(0), w0=mpf(0), phi_res=mpf(0))
    max_dps = 0
    for spec in case_specs():
        if only and only not in spec["name"]:
            continue
        case, st = run_case(spec, ode_check=ode_check)
        cases.append(case)
        for k in worst:
            if st[k] is not None:
                worst[k] = max(worst[k], st[k])
        max_dps = max(max_dps, max(case["dps"]))
        print("%-38s n=%d times=%2d maxdps=%6d selfcheck=%-9s sym=%-9s ode=%-9s W(0)=%-9s "
              "phi=%-9s %6.1fs" % (
                  case["name"], len(case["Y"]), len(case["times"]), max(case["dps"]),
                  mp.nstr(st["rel"], 2), mp.nstr(st["sym"], 2), mp.nstr(st["ode"], 2),
                  mp.nstr(st["w0"], 2), mp.nstr(st["phi_res"], 2), st["seconds"]),
              flush=True)
    t1 = time.time()
    scal = scalar_cases()
    print("scalar rows: %d (%.1fs)" % (len(scal), time.time() - t1))
    doc = {
        "generator": GENERATOR,
        "mpmath": mpmath.__version__,
        "python": sys.version.split()[0],
        "cases": cases,
        "scalar": scal,
    }
    text = render(doc)
    json.loads(text)  # must be valid JSON
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as fh:
        fh.write(text)
    print("max self-check rel diff %s, max asymmetry %s, max ODE residual %s, "
          "max |W(0)-W0| %s, max dps %d" % (
              mp.nstr(worst["rel"], 3), mp.nstr(worst["sym"], 3), mp.nstr(worst["ode"], 3),
              mp.nstr(worst["w0"], 3), max_dps))
    print("wrote %s (%d cases, %d scalar rows) in %.1fs" % (
        os.path.relpath(out), len(cases), len(scal), time.time() - T0))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except ReferenceError_ as e:
        sys.stderr.write("SELF-CHECK FAILURE: %s\n" % e)
        sys.exit(1)
