/**
 * A verified eigenbasis of a symmetric Y: enclosures of its exact eigenvalues and of its exact
 * eigenvectors' coordinates, so that the certified windows (theorems/certified) can use Y's
 * eigenbasis Phi of Min & Vidal (2025), Proposition 1, eq. (5)-(6), when Y is not diagonal.
 *
 * The computed eigenvectors Q (linalg/eigenpairs.ts) are neither exactly orthonormal nor exactly
 * eigenvectors. Three classical bounds turn them into a proof about ONE exact orthogonal V with
 * Y = V diag(lambda) V^T:
 *
 * 1. Polar factor (Higham, Functions of Matrices, SIAM 2008, Chapter 8: Q = P (Q^T Q)^{1/2}). With
 *    Q^T Q = I + E, ||E||_2 <= e < 1 (E enclosed by an outward-rounded product), P = Q (I + E)^{-1/2}
 *    is exactly orthogonal (P^T P = (I + E)^{-1/2} (I + E) (I + E)^{-1/2} = I) and P = Q (I + H) with
 *    H = (I + E)^{-1/2} - I symmetric; its eigenvalues are (1 + mu)^{-1/2} - 1 for mu in [-e, e], so
 *    ||H||_2 <= h = (1 - e)^{-1/2} - 1 = e / (sqrt(1 - e) (1 + sqrt(1 - e))), about e / 2.
 * 2. Eigenvalues (Weyl's inequality, Golub & Van Loan, Matrix Computations, 4th ed., Section 8.1.2;
 *    then the Kato-Temple inequality, Parlett, The Symmetric Eigenvalue Problem, Chapter 10, proved
 *    below). B = P^T Y P is orthogonally similar to Y, so it has Y's eigenvalues. B = (I + H) A (I + H)
 *    with A = Q^T Y Q enclosed, so ||B - A||_2 <= delta = ||A||_2 (2h + h^2). With D = diag(d), d the
 *    midpoints of A's diagonal and F = B - D, ||F||_2 <= ||A - D||_2 + delta (||A - D||_2 bounded by
 *    the Perron root of |A - D|), and Weyl puts the i-th largest eigenvalue of B in d_(i) +- ||F||_2.
 *    When these intervals are pairwise disjoint each holds exactly one eigenvalue, and Kato-Temple
 *    narrows it: for a unit x with rho = x^T B x,
 *    r = (B - rho) x and lambda the only eigenvalue in (alpha, beta), every eigenvalue mu satisfies
 *    (mu - lambda)(mu - beta) >= 0 and (mu - alpha)(mu - lambda) >= 0, and x^T (B - a)(B - b) x =
 *    ||r||^2 + (rho - a)(rho - b) for all a, b, hence rho - ||r||^2 / (beta - rho) <= lambda <=
 *    rho + ||r||^2 / (rho - alpha). Here x = e_i, rho = B_ii in A_ii +- delta, alpha and beta the
 *    Weyl ends of the neighbours, and ||r|| <= ||(B - d_i) e_i|| <= ||(A - d_i) e_i|| + delta.
 * 3. Eigenvectors (Davis & Kahan, SIAM J. Numer. Anal. 7 (1970), the sin-theta theorem for one
 *    vector). For a unit u, any mu and the eigenvector x_i of B: writing u = sum c_j x_j,
 *    ||(B - mu) u||^2 = sum c_j^2 (lambda_j - mu)^2 >= gap^2 sin^2(theta) with gap = min over j != i of
 *    |lambda_j - mu|, so sin(theta_i) <= s_i = ||(B - d_i) e_i|| / gap_i with u = e_i, mu = d_i, gap_i
 *    from the neighbours' enclosures. With x_i signed so that x_i^T e_i = cos(theta_i) > 0 (s_i < 1),
 *    ||x_i - e_i||^2 = 2 (1 - cos theta_i) = 2 sin^2 theta_i / (1 + cos theta_i), so
 *    ||x_i - e_i||_2 <= t_i = s_i sqrt(2 / (1 + sqrt(1 - s_i^2))) (at most sqrt(2) s_i, about s_i).
 *
 * Then V = P X, X = [x_1 .. x_n], is orthogonal, Y V = P B X = V diag(lambda), and V^T U =
 * X^T (I + H) Q^T U is enclosed from an enclosure of Q^T U (projectOnto). Everything is
 * outward rounded (rounding.ts, productEnclosure.ts), so the claims hold for the stored doubles of Y.
 *
 * Limits: eigenvalues closer than about n eps ||Y||_2 (clusters, repeated eigenvalues, a repeated
 * zero) cannot be separated, and the answer is then a reason, never an enclosure; the
 * eigenvector bounds grow like n eps ||Y||_2 / gap. Y diagonal is the exact case (V a permutation),
 * with point enclosures and an exact projection.
 */
import { symmetricEigenpairs } from '../eigenpairs.js';
import { type IntervalMatrix, magnitude, nonnegativeSpectralBound, pointMatrix, symmetricNormBound, zeroMatrix } from './intervalMatrix.js';
import { midRadius, productEnclosure } from './productEnclosure.js';
import { down, up } from './rounding.js';

/** Enclosures of the eigenvalues and eigenvectors of a symmetric Y (see the module comment). */
export interface VerifiedEigenbasis {
  readonly n: number;
  /** Enclosures of the exact eigenvalues of Y, decreasing, pairwise disjoint: lambda_i in [lo[i], hi[i]]. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** True when Y is diagonal (V a permutation): then lo = hi exactly and the projections are exact. */
  readonly exact: boolean;
  /** The float basis Q, row-major, column j for eigenvalue j (a permutation matrix when exact). */
  readonly vectors: Float64Array;
  /** h >= ||(Q^T Q)^{-1/2} - I||_2, the distance of Q to its polar factor P (0 when exact). */
  readonly polarError: number;
  /** t_i >= ||x_i - e_i||_2, V = P X (0 when exact). */
  readonly vectorError: Float64Array;
}

/**
 * Encloses the eigenvalues of a symmetric Y and fixes one exactly orthogonal eigenbasis V of it,
 * Y = V diag(lambda) V^T, lambda decreasing: the eigendecomposition Y = Phi diag(lambda) Phi^T of
 * Min & Vidal (2025), Proposition 1 (eq. (5)-(6)), with Phi = V proved rather than computed. The
 * method (polar factor, Weyl, Kato-Temple, Davis-Kahan) and its limits are in the module comment.
 * Cost O(n^3): one eigendecomposition and three enclosed products (productEnclosure).
 *
 * @param Y - n x n row-major, exactly symmetric, finite (the caller validates; checked here).
 * @param n - the order, a positive integer.
 * @returns the basis, or the reason none can be proved (eigenvalues not proved distinct, an
 *   eigenvector not resolved by its gap, an overflow).
 * @throws Error when Y is not a finite, exactly symmetric n x n matrix (an internal error).
 */
export function verifiedEigenbasis(Y: Float64Array, n: number): VerifiedEigenbasis | string {
  requireSymmetric(Y, n);
  const diagonal = diagonalBasis(Y, n);
  if (diagonal !== null) return diagonal;
  const { values, phi } = symmetricEigenpairs(Y, n);
  if (!values.every(Number.isFinite)) return 'an eigenvalue of Y is beyond the largest double: rescale Y';
  const Qt = transposed(phi, n, n);

  const gram = productEnclosure(Qt, phi, n, n, n);
  for (let i = 0; i < n; i++) {
    gram.lo[i * n + i] = down(gram.lo[i * n + i] - 1);
    gram.hi[i * n + i] = up(gram.hi[i * n + i] - 1);
  }
  // E is tiny, so the Perron bound of |E| (no eigendecomposition) loses nothing that matters.
  const e = nonnegativeSpectralBound(magnitude(gram), n);
  if (!(e < 0.5)) return `the computed eigenvectors of Y are not orthonormal enough to be corrected (||Q^T Q - I||_2 <= ${e.toExponential(2)}, not below 1/2)`;
  const h = polarBound(e);

  const QtY = midRadius(productEnclosure(Qt, Y, n, n, n));
  const A = productEnclosure(QtY.mid, phi, n, n, n, QtY.radius);
  const d = Float64Array.from({ length: n }, (_, i) => 0.5 * A.lo[i * n + i] + 0.5 * A.hi[i * n + i]);
  const shifted = { rows: n, columns: n, lo: A.lo.slice(), hi: A.hi.slice() };
  for (let i = 0; i < n; i++) {
    shifted.lo[i * n + i] = down(A.lo[i * n + i] - d[i]);
    shifted.hi[i * n + i] = up(A.hi[i * n + i] - d[i]);
  }
  const absShifted = magnitude(shifted);
  // ||A - D||_2 <= rho(|A - D|) (Perron-Frobenius): A - D is tiny and mostly rounding radius, which
  // symmetricNormBound would also bound by a Perron root, at the cost of a second eigendecomposition.
  const offNorm = nonnegativeSpectralBound(absShifted, n);
  // ||A||_2 <= max |d_i| + ||A - D||_2 (Weyl), so no bound of ||Y|| is needed.
  const normA = up(d.reduce((m, value) => Math.max(m, Math.abs(value)), 0) + offNorm);
  const delta = up(normA * up(h * up(2 + h)));
  const f = up(offNorm + delta);
  if (!Number.isFinite(f)) return 'the enclosure of Q^T Y Q overflowed: rescale Y';
  const weylLo = d.map((value) => down(value - f));
  const weylHi = d.map((value) => up(value + f));
  for (let i = 0; i + 1 < n; i++) {
    if (!(weylHi[i + 1] < weylLo[i])) {
      return (
        `eigenvalues ${i + 1} and ${i + 2} of Y (about ${d[i].toPrecision(17)} and ${d[i + 1].toPrecision(17)}) are not proved distinct: ` +
        `each is known to +-${f.toExponential(2)} (clusters and repeated eigenvalues are outside this certificate)`
      );
    }
  }

  const residual = Float64Array.from({ length: n }, (_, i) => up(columnNormBound(absShifted, n, n, i) + delta));
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rhoLo = down(A.lo[i * n + i] - delta);
    const rhoHi = up(A.hi[i * n + i] + delta);
    const squared = up(residual[i] * residual[i]);
    // The largest eigenvalue has no beta (beta = +infinity gives lambda >= rho), the smallest no alpha.
    const beta = i === 0 ? null : weylLo[i - 1];
    const alpha = i === n - 1 ? null : weylHi[i + 1];
    const lower = beta === null ? rhoLo : rhoHi < beta ? down(rhoLo - up(squared / down(beta - rhoHi))) : weylLo[i];
    const upper = alpha === null ? rhoHi : rhoLo > alpha ? up(rhoHi + up(squared / down(rhoLo - alpha))) : weylHi[i];
    lo[i] = Math.max(weylLo[i], lower);
    hi[i] = Math.min(weylHi[i], upper);
  }

  const vectorError = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const above = i === 0 ? Number.POSITIVE_INFINITY : down(lo[i - 1] - d[i]);
    const below = i === n - 1 ? Number.POSITIVE_INFINITY : down(d[i] - hi[i + 1]);
    const s = up(residual[i] / Math.min(above, below));
    if (!(s < 1)) {
      return `eigenvector ${i + 1} of Y is not resolved: its residual ${residual[i].toExponential(2)} is not below its gap ${Math.min(above, below).toExponential(2)} (clusters are outside this certificate)`;
    }
    vectorError[i] = unitVectorDistance(s);
  }
  return { n, lo, hi, exact: false, vectors: phi, polarError: h, vectorError };
}

/**
 * An enclosure of V^T U (n x r) for the one orthogonal V that {@link verifiedEigenbasis} fixed (the
 * same V on every call, so a scaled U gives the scaled enclosure): Phi^T U0 of Min & Vidal (2025),
 * Proposition 1 (eq. (5)-(6)). With W = Q^T U enclosed, x_i = e_i + y_i, ||y_i|| <= t_i and
 * ||H|| <= h: (V^T U)_ic = x_i^T (I + H) w_c = W_ic + e_i^T H w_c + y_i^T (I + H) w_c, so it lies in
 * W_ic +- (h + t_i (1 + h)) ||w_c||_2, every operation rounded outward. Exact (a row permutation)
 * when the basis is.
 *
 * @param basis - from {@link verifiedEigenbasis}.
 * @param U - n x r row-major, finite.
 * @param r - its number of columns, a positive integer.
 * @throws Error when U is not n x r or not finite (an internal error: callers validate).
 */
export function projectOnto(basis: VerifiedEigenbasis, U: Float64Array, r: number): IntervalMatrix {
  const { n } = basis;
  requireShape(U, n, r, 'U');
  if (basis.exact) {
    const rows = permutationRows(basis);
    const out = new Float64Array(n * r);
    rows.forEach((row, j) => out.set(U.subarray(row * r, (row + 1) * r), j * r));
    return pointMatrix(out, n, r);
  }
  const W = productEnclosure(transposed(basis.vectors, n, n), U, n, n, r);
  const norms = columnNorms(W);
  const h = basis.polarError;
  const out = zeroMatrix(n, r);
  for (let i = 0; i < n; i++) {
    const factor = up(h + up(basis.vectorError[i] * up(1 + h)));
    for (let c = 0; c < r; c++) {
      const radius = up(factor * norms[c]);
      out.lo[i * r + c] = down(W.lo[i * r + c] - radius);
      out.hi[i * r + c] = up(W.hi[i * r + c] + radius);
    }
  }
  return out;
}

/**
 * An enclosure of V^T M V for a symmetric n x n M and the V of {@link verifiedEigenbasis}: Phi^T W0 Phi
 * of Min & Vidal (2025), Proposition 1 (eq. (5)-(6)). With G = Q^T M Q enclosed,
 * V^T M V = X^T (G + K) X, K = (I + H) G (I + H) - G, ||K|| <= ||G|| (2h + h^2), and
 * x_i^T G x_j = G_ij + y_i^T G e_j + e_i^T G y_j + y_i^T G y_j, so entry (i, j) lies in
 * G_ij +- (t_i ||G e_j|| + t_j ||G e_i|| + t_i t_j ||G|| + ||G|| (2h + h^2)). Exact when the basis is.
 *
 * @param basis - from {@link verifiedEigenbasis}.
 * @param M - n x n row-major, exactly symmetric, finite.
 * @throws Error when M is not a finite symmetric n x n matrix (an internal error: callers validate).
 */
export function projectSymmetric(basis: VerifiedEigenbasis, M: Float64Array): IntervalMatrix {
  const { n } = basis;
  requireSymmetric(M, n);
  if (basis.exact) {
    const rows = permutationRows(basis);
    const out = new Float64Array(n * n);
    rows.forEach((a, i) => rows.forEach((b, j) => (out[i * n + j] = M[a * n + b])));
    return pointMatrix(out, n, n);
  }
  const QtM = midRadius(productEnclosure(transposed(basis.vectors, n, n), M, n, n, n));
  const G = productEnclosure(QtM.mid, basis.vectors, n, n, n, QtM.radius);
  const norms = columnNorms(G);
  const normG = symmetricNormBound(G);
  const h = basis.polarError;
  const t = basis.vectorError;
  const polar = up(normG * up(h * up(2 + h)));
  const out = zeroMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const radius = up(up(up(t[i] * norms[j]) + up(t[j] * norms[i])) + up(up(up(t[i] * t[j]) * normG) + polar));
      out.lo[i * n + j] = down(G.lo[i * n + j] - radius);
      out.hi[i * n + j] = up(G.hi[i * n + j] + radius);
    }
  }
  return out;
}

/** The exact basis of a diagonal Y (every off-diagonal entry 0 or -0): eigenvalues sorted decreasing, ties in index order. */
function diagonalBasis(Y: Float64Array, n: number): VerifiedEigenbasis | null {
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && Y[i * n + j] !== 0) return null;
  // The same stable order as the structural decomposition of a diagonal Y (linalg/spectral.ts), so
  // the eigenvalues and the permuted start are bit for bit those of the diagonal route.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Y[b * n + b] - Y[a * n + a]);
  const values = Float64Array.from(order, (i) => Y[i * n + i]);
  const vectors = new Float64Array(n * n);
  order.forEach((row, j) => (vectors[row * n + j] = 1));
  return { n, lo: values, hi: values.slice(), exact: true, vectors, polarError: 0, vectorError: new Float64Array(n) };
}

/** For an exact basis: the row of the 1 in each column of the permutation matrix. */
function permutationRows(basis: VerifiedEigenbasis): Int32Array {
  const { n, vectors } = basis;
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (vectors[i * n + j] === 1) rows[j] = i;
  return rows;
}

/** h >= (1 - e)^{-1/2} - 1 = e / (sqrt(1 - e) (1 + sqrt(1 - e))) for 0 <= e < 1, rounded up. */
function polarBound(e: number): number {
  const root = down(Math.sqrt(down(1 - e)));
  return up(e / down(root * down(1 + root)));
}

/** t >= s sqrt(2 / (1 + sqrt(1 - s^2))) for 0 <= s < 1, rounded up (module comment, step 3). */
function unitVectorDistance(s: number): number {
  const root = down(Math.sqrt(Math.max(0, down(1 - up(s * s)))));
  return up(s * up(Math.sqrt(up(2 / down(1 + root)))));
}

/** The transpose of a rows x columns row-major double matrix. */
function transposed(a: Float64Array, rows: number, columns: number): Float64Array {
  const out = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) out[j * rows + i] = a[i * columns + j];
  return out;
}

/** Upper bounds of the 2-norms of the columns of an interval matrix. */
function columnNorms(a: IntervalMatrix): Float64Array {
  const m = magnitude(a);
  return Float64Array.from({ length: a.columns }, (_, c) => columnNormBound(m, a.rows, a.columns, c));
}

/**
 * An upper bound of the 2-norm of column c of a nonnegative row-major matrix m, rounded up. The
 * column is divided by a power of two near its largest entry first, so that no square overflows
 * or is lost to underflow (at the ends of the double range a plain sum of squares gives Infinity,
 * or sqrt(n 2^-1074) ~ 1e-161 for a column of 1e-300s).
 */
function columnNormBound(m: Float64Array, rows: number, columns: number, c: number): number {
  let largest = 0;
  for (let i = 0; i < rows; i++) largest = Math.max(largest, m[i * columns + c]);
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  const scale = 2 ** Math.max(-1074, Math.min(1023, Math.ceil(Math.log2(largest))));
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const scaled = up(m[i * columns + c] / scale);
    sum = up(sum + up(scaled * scaled));
  }
  return up(scale * up(Math.sqrt(sum)));
}

function requireShape(data: Float64Array, rows: number, columns: number, name: string): void {
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(columns) || columns < 1 || data.length !== rows * columns) {
    throw new Error(`verifiedEigenbasis: ${name} must be ${rows} x ${columns} (an internal error; please report it)`);
  }
  if (!data.every(Number.isFinite)) throw new Error(`verifiedEigenbasis: ${name} has a non-finite entry (an internal error; please report it)`);
}

function requireSymmetric(data: Float64Array, n: number): void {
  requireShape(data, n, n, 'the matrix');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (data[i * n + j] !== data[j * n + i]) throw new Error('verifiedEigenbasis: the matrix is not exactly symmetric (an internal error; please report it)');
    }
  }
}
