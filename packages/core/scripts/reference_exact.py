"""Exact conversions between doubles and mpmath, and the deterministic double-precision
inputs of the fixture (plain IEEE arithmetic, so the bits are the same on every platform).

Part of closed_form_reference.py (see its docstring); Python standard library and mpmath only.
"""
import math
import os
import random
from fractions import Fraction
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
