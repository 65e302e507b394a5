"""Reference values for riccati.graded.test.ts: the literal closed form of Proposition 1,
W(t) = E W0 (I + G W0)^{-1} E with E = diag(e^{lambda t}), G = diag((e^{2 lambda t} - 1) / lambda),
for a diagonal Y (Phi = I) and a graded W0 that is not diagonal, at 400 digits on the exact doubles.

Run: python3 graded_reference.py (mpmath only).
"""
from mpmath import diag, exp, expm1, eye, matrix, mp, mpf, nstr

mp.dps = 400


def closed_form(lam, W0, t):
    n = len(lam)
    W0 = matrix([[mpf(x) for x in row] for row in W0])
    E = diag([exp(mpf(l) * t) for l in lam])
    G = diag([expm1(2 * mpf(l) * t) / mpf(l) for l in lam])
    return E * W0 * (eye(n) + G * W0) ** -1 * E


if __name__ == '__main__':
    # Y = diag(1, 2); W0 = [[1, 1e-10], [1e-10, 1e-15]] (PD, small eigenvalue 9.9999e-16).
    for t in [5.0, 8.8, 12.0, 40.0]:
        W = closed_form([1, 2], [[1.0, 1e-10], [1e-10, 1e-15]], mpf(t))
        print(t, nstr(W[0, 0], 20), nstr(W[0, 1], 20), nstr(W[1, 1], 20))
