"""The fixture's cases: the matrix cases and the scalar Corollary 2 rows.

Part of closed_form_reference.py (see its docstring); Python standard library and mpmath only.
"""
import math
from mpmath import mp, mpf
from reference_closed_form import sigma_w_mp
from reference_exact import CHECK_DIGITS, LN10, SELF_CHECK_TOL, exact, fail, gram_double, mp_log_double, to_double, u0_gaussian, y_exact_dyadic, y_random_q

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
