"""numpy side of bench/kernels.ts: the same kernels and the same closed form, timed on the same inputs.

Usage: python3 kernels_numpy.py DIR, where DIR holds spec.json and the float64 inputs written by
kernels.ts. Prints one JSON object: the numpy version, the CPU seconds of each case (best of the
repetitions, time.process_time as kernels.ts times its own side) and, for the closed form, the six largest eigenvalues of W at the last time (kernels.ts
compares them with its own). Thread counts are pinned by the caller's environment (OPENBLAS_NUM_THREADS=1).

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
from scipy.linalg import solve_triangular


def best_seconds(run, budget):
    """Best time of repeated runs (at least one, more until `budget` seconds have passed) and the last result."""
    best = float("inf")
    spent = 0.0
    value = None
    while spent < budget or best == float("inf"):
        start = time.process_time()
        value = run()
        elapsed = time.process_time() - start
        best = min(best, elapsed)
        spent += elapsed
    return best, value


def prepare(Y, U0):
    values, vectors = np.linalg.eigh(Y)
    order = np.argsort(-values, kind="stable")
    lam, phi = values[order], vectors[:, order]
    projected = phi.T @ U0
    r = U0.shape[1]
    q, _ = np.linalg.qr(projected[:r].T)
    return lam, phi, projected @ q


def factor_at(lam, L, t):
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
    R = np.linalg.qr(stacked, mode="r")
    return solve_triangular(R, B.T, trans="T", lower=False).T


def trajectory(Y, U0, times):
    lam, phi, L = prepare(Y, U0)
    spectrum = None
    for t in times:
        F = factor_at(lam, L, t)
        G = phi @ F
        W = G @ G.T
        spectrum = np.linalg.svd(F, compute_uv=False) ** 2
    return W, spectrum


def one_time(Y, U0, t):
    lam, phi, L = prepare(Y, U0)
    G = phi @ factor_at(lam, L, t)
    return G @ G.T


def main():
    directory = Path(sys.argv[1])
    spec = json.loads((directory / "spec.json").read_text())
    budget = spec["budget"]

    def read(name, rows, columns):
        return np.fromfile(directory / name, dtype=np.float64).reshape(rows, columns)

    out = {"numpy": np.__version__, "cases": []}
    for case in spec["cases"]:
        n, r = case["n"], case["r"]
        kind = case["kind"]
        result = {"kind": kind, "n": n, "r": r}
        if kind == "eigen":
            A = read(case["a"], n, n)
            result["seconds"] = best_seconds(lambda: np.linalg.eigh(A), budget)[0]
        elif kind == "product":
            A, B = read(case["a"], n, n), read(case["b"], n, n)
            result["seconds"] = best_seconds(lambda: A @ B, budget)[0]
        elif kind == "qr":
            A = read(case["a"], n, n)
            # 'raw' is LAPACK dgeqrf alone: R and the reflectors, as householderQrInto returns them.
            result["seconds"] = best_seconds(lambda: np.linalg.qr(A, mode="raw"), budget)[0]
        elif kind == "trajectory":
            Y, U0 = read(case["y"], n, n), read(case["u0"], n, r)
            times = np.array(case["times"])
            result["seconds"], (_, spectrum) = best_seconds(lambda: trajectory(Y, U0, times), budget)
            result["check"] = spectrum[:6].tolist()
        elif kind == "one-time":
            Y, U0 = read(case["y"], n, n), read(case["u0"], n, r)
            result["seconds"], W = best_seconds(lambda: one_time(Y, U0, case["t"]), budget)
            result["check"] = np.linalg.eigvalsh(W)[::-1][:6].tolist()
        out["cases"].append(result)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
