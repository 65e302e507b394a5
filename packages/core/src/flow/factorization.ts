/**
 * The t-independent factorizations behind the stable closed form of Proposition 1 (Min & Vidal
 * 2025, eq. (5)): W0 = L L^T by pivoted Cholesky, the change of basis Phi^T U0, and the pivoted LQ
 * factor of it. Each carries a first-order bound on its own rounding error, so that a rank decision
 * drops a component only when it cannot be told apart from that error, never because it is small.
 *
 * Why a bound per row and not one tolerance: the flow amplifies the component of W0 along
 * eigenvector i by e^{2 lambda_i t}, so a component of 1e-300 relative to ||U0|| is a mode that
 * will be learned, and has to be kept whenever it was computed exactly (a diagonal Y makes Phi a
 * permutation and the change of basis exact). Rounding noise in an empty direction would grow the
 * same way into a mode the initial condition does not have, so it has to be dropped. A global
 * threshold (the former 16 n eps ||U0||_F) does both wrong at once for graded inputs; a bound on
 * the actual rounding error of each row does neither.
 *
 * All bounds use the unit roundoff u = eps / 2 and gamma_m = m u / (1 - m u), the relative error
 * of m successive roundings (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed.,
 * Lemma 3.1), and are first order in u.
 */
import { basisProduct, scaledNorm } from '../linalg/dense.js';

const UNIT_ROUNDOFF = Number.EPSILON / 2;

/** gamma_m = m u / (1 - m u): the relative error of a sum of m rounded terms (Higham, Lemma 3.1). */
function gamma(m: number): number {
  return (m * UNIT_ROUNDOFF) / (1 - m * UNIT_ROUNDOFF);
}

/** The change of basis U~ = Phi^T U0 with a bound on the rounding error of each row. */
export interface BasisChange {
  /** fl(Phi^T U0), row-major n x r. */
  readonly projected: Float64Array;
  /** Bound on the error of row i against the components of U0 along eigenvector i of Y; 0 for a row formed exactly. */
  readonly noise: Float64Array;
  /** Every column of Phi is a signed unit vector (Y diagonal up to order): U~ is exact. */
  readonly exact: boolean;
}

/**
 * U~ = Phi^T U0 (Min & Vidal 2025, Proposition 1, W0~ = Phi^T W0 Phi = U~ U~^T) with a bound on
 * how far each row may be from the components of U0 along the eigenvectors of Y.
 *
 * Derivation, two parts:
 *
 * - Rounding of the product: `basisProduct` forms entry (i, j) as a sum of the m_i products
 *   phi_ki u_kj with phi_ki != 0 (zero weights are skipped or add an exact 0), so whatever the
 *   order of summation its error is at most
 *   gamma_{m_i} sum_k |phi_ki| |u_kj| (Higham, eq. (3.5)); over the row, by the triangle
 *   inequality, at most gamma_{m_i} ||(|Phi|^T |U0|)_{i,:}||_2.
 * - Error of Phi itself: a computed eigenvector matrix is orthogonal, and the eigenvectors of Y,
 *   only to within a small multiple of n eps (Householder tridiagonalization and QL are backward
 *   stable: Golub & Van Loan, Matrix Computations, 4th ed., Section 8.3.6). Column i can therefore
 *   misplace up to that fraction of U0 into row i: c n eps ||U0||_F, with c = 16 (the margin the
 *   former global tolerance had, under which every verification suite was run).
 *
 * A column of Phi that is a signed unit vector (m_i = 1, weight +-1; every column when Y is
 * diagonal, Phi then being a permutation) makes row i exact on both counts: the unit vector is an
 * exact eigenvector of Y, no multiplication by +-1 rounds, and a sum of one term is that term.
 * When Phi was built from Y's structure (`exactVectors`, e.g. the lift [[0, Y], [Y^T, 0]] of a
 * diagonal rectangular Y, with columns (e_i +- e_j) / sqrt 2), its entries are the exact ones
 * rounded once, so the second part is only that relative unit roundoff per term:
 * gamma_{m_i + 1} ||(|Phi|^T |U0|)_{i,:}||_2, relative to the row's own terms, and a graded
 * component is kept whatever its size.
 *
 * @param phi - eigenvectors of Y, row-major n x n. @param u0 - U0, row-major n x r.
 * @param exactVectors - Phi came from Y's structure, not from an eigensolver (`SymmetricEigenData.exactVectors`).
 * @returns fl(Phi^T U0), the per-row bounds, and whether every row is exact.
 * @throws nothing (internal: the caller has validated the shapes).
 * @example
 * ```ts
 * basisChange(Float64Array.of(0, 1, 1, 0), 2, Float64Array.of(1, 1e-300), 1); // rows swapped, noise [0, 0], exact
 * ```
 */
export function basisChange(phi: Float64Array, n: number, u0: Float64Array, r: number, exactVectors = false): BasisChange {
  const projected = basisProduct(phi, n, u0, r, true);
  const terms = new Int32Array(n);
  const unit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const weight = phi[k * n + i];
      if (weight === 0) continue;
      terms[i]++;
      unit[i] = Math.abs(weight) === 1 ? 1 : 0;
    }
  }
  const exactRow = (i: number): boolean => terms[i] <= 1 && (terms[i] === 0 || unit[i] === 1);
  const noise = new Float64Array(n);
  let exact = true;
  for (let i = 0; i < n; i++) exact &&= exactRow(i);
  if (exact) return { projected, noise, exact };
  const magnitudes = basisProduct(phi.map(Math.abs), n, u0.map(Math.abs), r, true);
  const eigenvectorError = exactVectors ? 0 : 16 * n * Number.EPSILON * scaledNorm(u0, 0, u0.length);
  const products = exactVectors ? 1 : 0;
  for (let i = 0; i < n; i++) {
    if (!exactRow(i)) noise[i] = gamma(terms[i] + products) * scaledNorm(magnitudes, i * r, (i + 1) * r) + eigenvectorError;
  }
  return { projected, noise, exact };
}

/** A pivoted lower factor L = U~ T (T orthogonal) and what its rank decisions left out. */
export interface LowerFactor {
  /** L, row-major n x rank, L[i, j] = 0 for i < pivots[j]. */
  readonly factor: Float64Array;
  /** Pivot row p_j of each column, strictly increasing. */
  readonly pivots: Int32Array;
  /**
   * For each row that was examined and not made a pivot: an upper bound on the component of U~
   * orthogonal to the earlier pivot rows that rounding may have hidden there (0 when that
   * component was computed exactly as 0). 0 for pivots and for rows after the last column was used.
   */
  readonly hidden: Float64Array;
  /** The part of each row's noise bound that the LQ's own reflections added (beyond the basis change). */
  readonly reflectionNoise: Float64Array;
}

/**
 * The pivoted LQ factorization of step 1 of the stable closed form (riccati.ts): an orthogonal T
 * with U~ T = [L, 0], L lower trapezoidal with strictly increasing pivot rows, rows visited in
 * the order of decreasing lambda so that each column's leading entry sits at its fastest mode.
 *
 * Row i becomes a pivot when the part of it not yet spanned by earlier pivots, x = U~[i, j..r),
 * exceeds its noise bound; it is then moved to column j by a column swap (exact) to the entry of
 * largest magnitude, and a Householder reflection zeroes the rest of x only if the rest is not
 * already zero. So a U~ with one non-zero per row (a diagonal U0 under a diagonal Y, graded down to
 * 1e-300 or not) is factored without a single rounding.
 *
 * Noise bound: rows start with the basis-change bound; applying a reflection of length m to a
 * later row y adds at most (10 m + 40) u ||y||_2. Derivation, first order in u: the computed unit
 * vector v^ differs from the exact one by at most (2 m + 8) u (two scaled norms of m terms, one
 * subtraction without cancellation because beta has the sign opposite to x_j, one division), so
 * the reflector I - 2 v^ v^^T differs from the exact one by 4 (2 m + 8) u; the dot product v^ . y
 * errs by gamma_m ||y||, entering twice; the update y - 2 d v^ rounds twice per entry, at most
 * 5 u ||y||. Total (8 m + 32 + 2 m + 5) u <= (10 m + 40) u. A row with v^ . y = 0 exactly is left
 * unchanged, exactly. Later reflections are orthogonal and do not amplify earlier errors, so
 * the computed remaining part of row i differs from the exact remaining part of U~ by at most the
 * accumulated bound, and a remaining norm at or below it is indistinguishable from 0.
 *
 * @param projected - U~, row-major n x r (not modified).
 * @param noise - per-row bound on the error of U~ (from {@link basisChange}; not modified).
 * @returns L with its pivots, what each dropped row may hide, and the reflections' share of each bound.
 * @throws nothing (internal).
 * @example
 * ```ts
 * pivotedLowerFactor(Float64Array.of(0, 1e-300, 1, 0), 2, 2, new Float64Array(2)).pivots; // [0, 1]: nothing dropped
 * ```
 */
export function pivotedLowerFactor(projected: Float64Array, n: number, r: number, noise: Float64Array): LowerFactor {
  const work = Float64Array.from(projected);
  const bound = Float64Array.from(noise);
  const hidden = new Float64Array(n);
  const pivots: number[] = [];
  const reflector = new Float64Array(r);
  for (let i = 0; i < n && pivots.length < r; i++) {
    const j = pivots.length;
    const row = i * r;
    const norm = scaledNorm(work, row + j, row + r);
    if (norm <= bound[i]) {
      hidden[i] = norm + bound[i];
      for (let c = j; c < r; c++) work[row + c] = 0;
      continue;
    }
    let largest = j;
    for (let c = j + 1; c < r; c++) if (Math.abs(work[row + c]) > Math.abs(work[row + largest])) largest = c;
    if (largest !== j) {
      for (let k = i; k < n; k++) {
        const base = k * r;
        [work[base + j], work[base + largest]] = [work[base + largest], work[base + j]];
      }
    }
    let alone = true;
    for (let c = j + 1; c < r; c++) if (work[row + c] !== 0) alone = false;
    if (!alone) reflect(work, n, r, i, j, norm, reflector, bound);
    pivots.push(i);
  }
  const rank = pivots.length;
  const factor = new Float64Array(n * rank);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < rank; j++) factor[i * rank + j] = i < pivots[j] ? 0 : work[i * r + j];
  }
  const reflectionNoise = bound.map((value, i) => value - noise[i]);
  return { factor, pivots: Int32Array.from(pivots), hidden, reflectionNoise };
}

/** Householder reflection mapping work[i, j..r) to (beta, 0, ..., 0), applied to rows i+1..n-1 with their noise. */
function reflect(
  work: Float64Array,
  n: number,
  r: number,
  i: number,
  j: number,
  norm: number,
  reflector: Float64Array,
  bound: Float64Array,
): void {
  const row = i * r;
  const beta = work[row + j] >= 0 ? -norm : norm;
  for (let c = j; c < r; c++) reflector[c] = work[row + c] - (c === j ? beta : 0);
  const reflectorNorm = scaledNorm(reflector, j, r);
  for (let c = j; c < r; c++) reflector[c] /= reflectorNorm;
  const perUnitNorm = (10 * (r - j) + 40) * UNIT_ROUNDOFF;
  // Rows in pairs: each row's sums run in the same order as alone, but the two rows' chains of
  // dependent additions overlap (the factor's hot loop).
  let k = i + 1;
  for (; k + 1 < n; k += 2) {
    const base = k * r;
    const next = base + r;
    let dot = 0;
    let squares = 0;
    let dotNext = 0;
    let squaresNext = 0;
    for (let c = j; c < r; c++) {
      const weight = reflector[c];
      const entry = work[base + c];
      const entryNext = work[next + c];
      dot += entry * weight;
      squares += entry * entry;
      dotNext += entryNext * weight;
      squaresNext += entryNext * entryNext;
    }
    reflectRow(work, j, r, k, dot, squares, reflector, bound, perUnitNorm);
    reflectRow(work, j, r, k + 1, dotNext, squaresNext, reflector, bound, perUnitNorm);
  }
  for (; k < n; k++) {
    const base = k * r;
    let dot = 0;
    let squares = 0;
    for (let c = j; c < r; c++) {
      const entry = work[base + c];
      dot += entry * reflector[c];
      squares += entry * entry;
    }
    reflectRow(work, j, r, k, dot, squares, reflector, bound, perUnitNorm);
  }
  work[row + j] = beta;
  for (let c = j + 1; c < r; c++) work[row + c] = 0;
}

/**
 * Row k of `work` minus 2 dot v (v the unit reflector) over columns j..r, with its noise bound
 * grown by perUnitNorm ||row||; a row with dot = 0 exactly is left unchanged, exactly.
 */
function reflectRow(work: Float64Array, j: number, r: number, k: number, dot: number, squares: number, reflector: Float64Array, bound: Float64Array, perUnitNorm: number): void {
  if (dot === 0) return;
  const base = k * r;
  bound[k] += perUnitNorm * rowNorm(work, base + j, base + r, squares);
  const scale = 2 * dot;
  for (let c = j; c < r; c++) work[base + c] -= scale * reflector[c];
}

/**
 * Below this sum of squares some squares may have underflowed by more than rounding: each lost
 * square is under 2^-1022, so above 2^-900 the r of them change it by under r 2^-122
 * relatively, far below the unit roundoff.
 */
const SAFE_SQUARES = 2 ** -900;

/**
 * ||values[from..to)||_2 given the plain sum of its squares: its square root when no square
 * overflowed or underflowed beyond rounding (one pass saved per row and reflection, the hot loop of
 * the factor), else the overflow-free scaledNorm (graded rows down to 1e-300 reach this branch).
 */
function rowNorm(values: Float64Array, from: number, to: number, squares: number): number {
  return squares >= SAFE_SQUARES && squares < Infinity ? Math.sqrt(squares) : scaledNorm(values, from, to);
}

/** W0 = L L^T + residual, from {@link pivotedCholesky}. */
export interface CholeskyFactor {
  /** L, row-major n x rank, in the basis W0 was given in. */
  readonly factor: Float64Array;
  readonly rank: number;
  /**
   * For each row left out: an upper bound on the norm of that row of a factor of the residual
   * W0 - L L^T, i.e. how much of W0 may be hidden there (sqrt of the residual diagonal plus its
   * rounding bound). 0 for pivot rows, and for rows whose residual was computed without rounding
   * and is <= 0.
   */
  readonly hidden: Float64Array;
  /**
   * The diagonal of the bound on the backward error E of the factorization, L L^T = W0 + E
   * (Higham, Theorem 10.14): gamma_{k+1} (sum_c L_ic^2 + |d_i|) for row i, 0 for a row from which
   * nothing was subtracted (its entries of L are exact).
   */
  readonly rounding: Float64Array;
}

/**
 * Cholesky factorization with diagonal pivoting of a symmetric PSD W0 (row-major n x n, validated
 * PSD up to rounding by the caller): W0 = L L^T (Min & Vidal 2025, Proposition 1's W0 = U0 U0^T).
 *
 * Each step takes as pivot the largest remaining Schur diagonal d_i among the rows whose d_i
 * exceeds its rounding bound, so a pivot is never negative or rounding, and the factor is
 * accurate for graded W0 (diagonal pivoting keeps |L_ij| <= L_jj). The rounding bound of d_i is
 * the diagonal of the backward error of the factorization, |Delta W0| <= gamma_{k+1} (|L| |L^T| +
 * |S|) (Higham, Theorem 10.14), with k the number of non-zero terms subtracted from d_i:
 * gamma_{k+1} (sum_c L_ic^2 + |d_i|), and 0 when nothing was subtracted (d_i = W0_ii exactly). A
 * tiny positive diagonal that no rounding touched (diag(1, 1e-300)) is therefore kept, and a
 * negative d_i (a PSD W0 that is singular, or negative at rounding level) is never a pivot.
 *
 * @param w0 - W0, row-major n x n (not modified).
 * @returns L (n x rank, in W0's basis), its rank, what each row left out may hide, and the rounding
 *   bound of each row.
 * @throws nothing (internal: the caller has checked W0 symmetric, finite and PSD up to rounding).
 * @example
 * ```ts
 * pivotedCholesky(Float64Array.of(1, 0, 0, 1e-300), 2).rank; // 2
 * ```
 */
export function pivotedCholesky(w0: Float64Array, n: number): CholeskyFactor {
  const schur = new Float64Array(n);
  for (let i = 0; i < n; i++) schur[i] = w0[i * n + i];
  const subtracted = new Float64Array(n);
  const terms = new Int32Array(n);
  const isPivot = new Uint8Array(n);
  const lower = new Float64Array(n * n);
  const rounding = (i: number): number => (terms[i] === 0 ? 0 : gamma(terms[i] + 1) * (subtracted[i] + Math.abs(schur[i])));
  let rank = 0;
  for (; rank < n; rank++) {
    let pivot = -1;
    for (let i = 0; i < n; i++) {
      if (!isPivot[i] && schur[i] > rounding(i) && (pivot < 0 || schur[i] > schur[pivot])) pivot = i;
    }
    if (pivot < 0) break;
    isPivot[pivot] = 1;
    const root = Math.sqrt(schur[pivot]);
    lower[pivot * n + rank] = root;
    for (let i = 0; i < n; i++) {
      if (isPivot[i]) continue;
      let sum = w0[i * n + pivot];
      for (let c = 0; c < rank; c++) sum -= lower[i * n + c] * lower[pivot * n + c];
      const entry = sum / root;
      lower[i * n + rank] = entry;
      if (entry === 0) continue;
      schur[i] -= entry * entry;
      subtracted[i] += entry * entry;
      terms[i]++;
    }
  }
  const factor = new Float64Array(n * rank);
  for (let i = 0; i < n; i++) for (let j = 0; j < rank; j++) factor[i * rank + j] = lower[i * n + j];
  const hidden = Float64Array.from({ length: n }, (_, i) => (isPivot[i] ? 0 : Math.sqrt(Math.max(schur[i], 0) + rounding(i))));
  return { factor, rank, hidden, rounding: Float64Array.from({ length: n }, (_, i) => rounding(i)) };
}
