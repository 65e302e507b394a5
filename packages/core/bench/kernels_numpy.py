"""numpy side of bench/kernels.ts: the same kernels and the same closed form, timed on the same inputs.

Usage: python3 kernels_numpy.py DIR, where DIR holds spec.json and the float64 inputs written by
kernels.ts. Prints one JSON object: the numpy version, the CPU seconds of each case (best of the
repetitions, time.process_time as kernels.ts times its own side), for the closed form the six
largest eigenvalues of W at the last time (kernels.ts compares them with its own), and where the
time goes ("phases", the names bench/phases.ts uses): for the eigendecomposition LAPACK's own
phases as dsyevd (numpy's eigh) runs them, through scipy: dsytrd, divide and conquer on T through
dstevd, and Q applied to T's eigenvectors by dormqr on the reflectors as dormtr does; for the closed
form each call of prepare and factor_at timed alone. Thread counts are pinned by the
caller's environment (OPENBLAS_NUM_THREADS=1).

The closed form is evaluated as factorflow evaluates it (Min & Vidal 2025, Proposition 1, in the
stable form of packages/core/src/flow/riccati.ts): Y's eigendecomposition and the lower factor
L = (Phi^T U0) T once, then per time the QR of [D^{-1}; C], F = B R^{-1}, W = (Phi F)(Phi F)^T and
the eigenvalues of W as squared singular values of F. For a Gaussian U0 the pivot rows of the
factor are the first r rows, so L is Phi^T U0 times the Q of a QR of its top r x r block transposed.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.linalg import lapack, solve_triangular


def best_seconds(run, budget, min_runs, warm_budget):
    """Best time of repeated runs and the last result: at least one, more until `budget` seconds have
    passed, and at least `min_runs` while they take under `warm_budget` seconds in all (kernels.ts
    says why: first runs pay for fresh memory)."""
    best = float("inf")
    spent = 0.0
    runs = 0
    value = None
    while runs == 0 or spent < budget or (runs < min_runs and spent < warm_budget):
        start = time.process_time()
        value = run()
        elapsed = time.process_time() - start
        best = min(best, elapsed)
        spent += elapsed
        runs += 1
    return best, value


def eigen_of(Y):
    values, vectors = np.linalg.eigh(Y)
    order = np.argsort(-values, kind="stable")
    return values[order], vectors[:, order]


def factor_of(phi, U0):
    projected = phi.T @ U0
    r = U0.shape[1]
    q, _ = np.linalg.qr(projected[:r].T)
    return projected @ q


def prepare(Y, U0):
    lam, phi = eigen_of(Y)
    return lam, phi, factor_of(phi, U0)


def stacked_qr(lam, L, t):
    """R of [D^{-1}; C] and B: the stable form's step 3 QR (numpy's QR is dense)."""
    r = L.shape[1]
    positive = np.maximum(lam, 0.0)
    pivot = positive[:r]
    # Rows above a pivot are 0 in L; clamping their exponent at 0 keeps exp finite there.
    S = np.exp(np.minimum(positive[:, None] - pivot[None, :], 0.0) * t) * L
    rate = np.abs(lam)
    x = 2.0 * rate * t
    with np.errstate(divide="ignore", invalid="ignore"):
        gamma = np.where(x < 1e-8, 2.0 * t * (1.0 - x / 2.0 + x * x / 6.0), -np.expm1(-x) / rate)
    B = np.exp(np.minimum(lam, 0.0) * t)[:, None] * S
    C = np.sqrt(gamma)[:, None] * S
    stacked = np.vstack([np.diag(np.exp(-pivot * t)), C])
    return np.linalg.qr(stacked, mode="r"), B


def solve_factor(R, B):
    return solve_triangular(R, B.T, trans="T", lower=False).T


def factor_at(lam, L, t):
    return solve_factor(*stacked_qr(lam, L, t))


def assemble(phi, F):
    G = phi @ F
    return G @ G.T


def trajectory(Y, U0, times):
    # Every W is kept, as closedFormTrajectory returns one per time: keeping only the last would
    # let numpy reuse the memory that ours must fill anew (at n = 500 that, not arithmetic, dominates).
    lam, phi, L = prepare(Y, U0)
    matrices, spectrum = [], None
    for t in times:
        F = factor_at(lam, L, t)
        matrices.append(assemble(phi, F))
        spectrum = np.linalg.svd(F, compute_uv=False) ** 2
    return matrices[-1], spectrum


def one_time(Y, U0, t):
    lam, phi, L = prepare(Y, U0)
    return assemble(phi, factor_at(lam, L, t))


def best_phases(run_pass, budget):
    """Each phase's smallest total over repeated passes (at least one, more until `budget` seconds)."""
    best = {}
    spent = 0.0
    while True:
        into = {}
        start = time.process_time()
        run_pass(into)
        spent += time.process_time() - start
        for name, seconds in into.items():
            best[name] = min(best.get(name, float("inf")), seconds)
        if spent >= budget:
            return best


def timed(into, name, run):
    start = time.process_time()
    value = run()
    into[name] = into.get(name, 0.0) + time.process_time() - start
    return value


def eigen_phases(A, budget):
    def run_pass(into):
        c, d, e, tau, _ = timed(into, "tridiagonalization", lambda: lapack.dsytrd(A, lower=1))
        _, z, _ = timed(into, "divide and conquer", lambda: lapack.dstevd(d, e, compute_v=1))
        # dormtr (lower) is dormqr on the reflectors stored below the subdiagonal, applied to rows 2..n.
        n = A.shape[0]
        timed(into, "applying Q", lambda: lapack.dormqr("L", "N", c[1:, :-1], tau, z[1:, :], max(1, 64 * n)))

    return best_phases(run_pass, budget)


def closed_form_phases(Y, U0, times, spectrum, budget):
    def run_pass(into):
        lam, phi = timed(into, "eigendecomposition", lambda: eigen_of(Y))
        L = timed(into, "factor", lambda: factor_of(phi, U0))
        for t in times:
            R, B = timed(into, "structured QR", lambda: stacked_qr(lam, L, t))
            F = timed(into, "triangular solve", lambda: solve_factor(R, B))
            timed(into, "assemble W", lambda: assemble(phi, F))
            if spectrum:
                timed(into, "singular values", lambda: np.linalg.svd(F, compute_uv=False))

    return best_phases(run_pass, budget)


def main():
    directory = Path(sys.argv[1])
    spec = json.loads((directory / "spec.json").read_text())
    budget = spec["budget"]
    min_runs, warm_budget = spec["minRuns"], spec["warmBudget"]

    def read(name, rows, columns):
        return np.fromfile(directory / name, dtype=np.float64).reshape(rows, columns)

    out = {"numpy": np.__version__, "cases": []}
    for case in spec["cases"]:
        n, r = case["n"], case["r"]
        kind = case["kind"]
        result = {"kind": kind, "n": n, "r": r}
        if kind == "eigen":
            A = read(case["a"], n, n)
            result["seconds"] = best_seconds(lambda: np.linalg.eigh(A), budget, min_runs, warm_budget)[0]
            result["phases"] = eigen_phases(A, budget)
        elif kind == "product":
            A, B = read(case["a"], n, n), read(case["b"], n, n)
            result["seconds"] = best_seconds(lambda: A @ B, budget, min_runs, warm_budget)[0]
        elif kind == "qr":
            A = read(case["a"], n, n)
            # 'raw' is LAPACK dgeqrf alone: R and the reflectors, as householderQrInto returns them.
            result["seconds"] = best_seconds(lambda: np.linalg.qr(A, mode="raw"), budget, min_runs, warm_budget)[0]
        elif kind == "trajectory":
            Y, U0 = read(case["y"], n, n), read(case["u0"], n, r)
            times = np.array(case["times"])
            result["seconds"], (_, spectrum) = best_seconds(lambda: trajectory(Y, U0, times), budget, min_runs, warm_budget)
            result["check"] = spectrum[:6].tolist()
            result["phases"] = closed_form_phases(Y, U0, times, True, budget)
        elif kind == "one-time":
            Y, U0 = read(case["y"], n, n), read(case["u0"], n, r)
            result["seconds"], W = best_seconds(lambda: one_time(Y, U0, case["t"]), budget, min_runs, warm_budget)
            result["check"] = np.linalg.eigvalsh(W)[::-1][:6].tolist()
            result["phases"] = closed_form_phases(Y, U0, [case["t"]], False, budget)
        out["cases"].append(result)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
