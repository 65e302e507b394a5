/**
 * Dense interval matrices (row-major lower and upper ends) with outward-rounded products, a
 * verified inverse and rigorous upper bounds of spectral norms: the verified linear algebra the
 * certified windows (theorems/certified) stand on. See rounding.ts for why every bound holds.
 */
import { symmetricEigenpairs } from '../eigenpairs.js';
import { down, up } from './rounding.js';

/** A rows x columns matrix of intervals [lo, hi], row-major. */
export interface IntervalMatrix {
  readonly rows: number;
  readonly columns: number;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** The interval matrix whose entries are the given doubles exactly. */
export function pointMatrix(data: Float64Array, rows: number, columns: number): IntervalMatrix {
  return { rows, columns, lo: data.slice(), hi: data.slice() };
}

/** An interval matrix of zeros. */
export function zeroMatrix(rows: number, columns: number): IntervalMatrix {
  return { rows, columns, lo: new Float64Array(rows * columns), hi: new Float64Array(rows * columns) };
}

/** Encloses A B (or A B^T when `transposeB`) for interval matrices. */
export function intervalProduct(a: IntervalMatrix, b: IntervalMatrix, transposeB = false): IntervalMatrix {
  const m = a.rows;
  const inner = a.columns;
  const p = transposeB ? b.rows : b.columns;
  const out = zeroMatrix(m, p);
  const { lo: alo, hi: ahi } = a;
  const { lo: blo, hi: bhi } = b;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      let slo = 0;
      let shi = 0;
      for (let k = 0; k < inner; k++) {
        const x0 = alo[i * inner + k];
        const x1 = ahi[i * inner + k];
        const at = transposeB ? j * inner + k : k * p + j;
        const y0 = blo[at];
        const y1 = bhi[at];
        if ((x0 === 0 && x1 === 0) || (y0 === 0 && y1 === 0)) continue;
        let low: number;
        let high: number;
        // A point factor (x0 = x1) has two candidate products, not four; most factors here are points.
        if (x0 === x1) {
          const p1 = x0 * y0;
          const p2 = x0 * y1;
          low = Math.min(p1, p2);
          high = Math.max(p1, p2);
        } else {
          const p1 = x0 * y0;
          const p2 = x0 * y1;
          const p3 = x1 * y0;
          const p4 = x1 * y1;
          low = Math.min(p1, p2, p3, p4);
          high = Math.max(p1, p2, p3, p4);
        }
        slo = down(slo + down(low));
        shi = up(shi + up(high));
      }
      out.lo[i * p + j] = slo;
      out.hi[i * p + j] = shi;
    }
  }
  return out;
}

/** The largest |x| over each entry's interval, rounded up (row-major). */
export function magnitude(a: IntervalMatrix): Float64Array {
  return a.lo.map((lo, i) => Math.max(Math.abs(lo), Math.abs(a.hi[i])));
}

/**
 * An upper bound of ||A||_2 for every symmetric A with |A_ij| <= N_ij: the spectral radius of the
 * symmetric majorant max(N, N^T), bounded by Collatz-Wielandt, rho <= max_i (N x)_i / x_i for
 * every x > 0. A few power steps make x close to the Perron vector, so the bound is tight; the
 * bound itself is computed rounding up.
 */
export function nonnegativeSpectralBound(entries: Float64Array, n: number): number {
  const nonnegative = entries.slice();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const value = Math.max(nonnegative[i * n + j], nonnegative[j * n + i]);
      nonnegative[i * n + j] = value;
      nonnegative[j * n + i] = value;
    }
  }
  // Power steps on N + s I (s half the largest row sum): the shift breaks the oscillation of a
  // bipartite N, whose eigenvalues +-rho have the same modulus.
  let shift = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += nonnegative[i * n + j];
    shift = Math.max(shift, 0.5 * sum);
  }
  const x = new Float64Array(n).fill(1);
  const next = new Float64Array(n);
  for (let step = 0; step < 16; step++) {
    let largest = 0;
    for (let i = 0; i < n; i++) {
      let sum = shift * x[i];
      for (let j = 0; j < n; j++) sum += nonnegative[i * n + j] * x[j];
      next[i] = sum;
      largest = Math.max(largest, sum);
    }
    if (!(largest > 0) || !Number.isFinite(largest)) break;
    // Entries are kept away from 0 so that every ratio below is finite.
    for (let i = 0; i < n; i++) x[i] = Math.max(next[i] / largest, 1e-3);
  }
  let bound = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum = up(sum + up(nonnegative[i * n + j] * x[j]));
    bound = Math.max(bound, up(sum / x[i]));
  }
  return bound;
}

/** Upper bounds of the spectral norm and of the largest eigenvalue. */
export interface SpectralBounds {
  /** >= ||A||_2. */
  readonly norm: number;
  /** >= lambda_max(A). */
  readonly largest: number;
}

/**
 * Upper bounds of ||A||_2 and lambda_max(A) for every symmetric matrix A in a symmetric interval
 * matrix (the matrices enclosed are symmetric, so entry (i, j)'s interval holds A_ji as well):
 * with M the midpoints and R >= |A - M| the radii, ||A - M||_2 <= rho(R), bounded by
 * {@link nonnegativeSpectralBound} (Weyl); M is bounded by a computed eigendecomposition
 * M ~ V diag(d) V^T made rigorous: M = V diag(d) V^T + F exactly for F = M - V diag(d) V^T
 * (enclosed), ||V diag(d) V^T||_2 <= max|d| ||V^T V||_2 and V diag(d) V^T <= max(d, 0) V V^T, both
 * norms bounded through the entrywise magnitudes of V^T V - I and F. Tight to a few n ulps of
 * ||M||_2. Infinity when an entry is unbounded or not a number.
 */
export function symmetricSpectralBounds(a: IntervalMatrix): SpectralBounds {
  const n = a.rows;
  const mid = new Float64Array(n * n);
  const radius = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const lo = a.lo[i * n + j];
      const hi = a.hi[i * n + j];
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { norm: Number.POSITIVE_INFINITY, largest: Number.POSITIVE_INFINITY };
      const m = 0.5 * lo + 0.5 * hi;
      const r = Math.max(up(hi - m), up(m - lo));
      mid[i * n + j] = mid[j * n + i] = m;
      radius[i * n + j] = radius[j * n + i] = r;
    }
  }
  const spread = nonnegativeSpectralBound(radius, n);
  const point = pointSpectralBounds(mid, n);
  return { norm: up(point.norm + spread), largest: up(point.largest + spread) };
}

/** An upper bound of ||A||_2 over a symmetric interval matrix (see {@link symmetricSpectralBounds}). */
export function symmetricNormBound(a: IntervalMatrix): number {
  return symmetricSpectralBounds(a).norm;
}

/** The bounds of {@link symmetricSpectralBounds} for an exactly symmetric double matrix M. */
function pointSpectralBounds(mid: Float64Array, n: number): SpectralBounds {
  const scale = mid.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
  if (scale === 0) return { norm: 0, largest: 0 };
  const { values, phi } = symmetricEigenpairs(mid, n);
  if (!values.every(Number.isFinite)) return { norm: Number.POSITIVE_INFINITY, largest: Number.POSITIVE_INFINITY };
  const V = pointMatrix(phi, n, n);
  const gram = intervalProduct(transpose(V), V);
  for (let i = 0; i < n; i++) {
    gram.lo[i * n + i] = down(gram.lo[i * n + i] - 1);
    gram.hi[i * n + i] = up(gram.hi[i * n + i] - 1);
  }
  const scaledV = zeroMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = phi[i * n + j] * values[j];
      scaledV.lo[i * n + j] = down(value);
      scaledV.hi[i * n + j] = up(value);
    }
  }
  const reconstruction = intervalProduct(scaledV, V, true);
  const residual = zeroMatrix(n, n);
  for (let i = 0; i < n * n; i++) {
    residual.lo[i] = down(mid[i] - reconstruction.hi[i]);
    residual.hi[i] = up(mid[i] - reconstruction.lo[i]);
  }
  const vNormSquared = up(1 + nonnegativeSpectralBound(symmetrizedMagnitude(gram), n));
  const error = nonnegativeSpectralBound(symmetrizedMagnitude(residual), n);
  const largestMagnitude = values.reduce((m, value) => Math.max(m, Math.abs(value)), 0);
  return { norm: up(up(largestMagnitude * vNormSquared) + error), largest: up(up(Math.max(...values, 0) * vNormSquared) + error) };
}

/** max(|A_ij|, |A_ji|) over the intervals: a symmetric entrywise bound of a matrix known to be symmetric. */
function symmetrizedMagnitude(a: IntervalMatrix): Float64Array {
  const n = a.rows;
  const m = magnitude(a);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const value = Math.max(m[i * n + j], m[j * n + i]);
      m[i * n + j] = value;
      m[j * n + i] = value;
    }
  }
  return m;
}

/** The transpose of an interval matrix. */
export function transpose(a: IntervalMatrix): IntervalMatrix {
  const out = zeroMatrix(a.columns, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) {
      out.lo[j * a.rows + i] = a.lo[i * a.columns + j];
      out.hi[j * a.rows + i] = a.hi[i * a.columns + j];
    }
  }
  return out;
}

/**
 * The inverse of a square double matrix by Gauss-Jordan elimination with partial pivoting; null
 * when a pivot vanishes. Only an approximation: the verified routines below bound its error.
 */
export function approximateInverse(a: Float64Array, n: number): Float64Array | null {
  const work = a.slice();
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inverse[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(work[i * n + col]) > Math.abs(work[pivot * n + col])) pivot = i;
    const value = work[pivot * n + col];
    if (value === 0 || !Number.isFinite(value)) return null;
    if (pivot !== col) {
      for (let j = 0; j < n; j++) {
        [work[col * n + j], work[pivot * n + j]] = [work[pivot * n + j], work[col * n + j]];
        [inverse[col * n + j], inverse[pivot * n + j]] = [inverse[pivot * n + j], inverse[col * n + j]];
      }
    }
    for (let j = 0; j < n; j++) {
      work[col * n + j] /= value;
      inverse[col * n + j] /= value;
    }
    for (let i = 0; i < n; i++) {
      const factor = work[i * n + col];
      if (i === col || factor === 0) continue;
      for (let j = 0; j < n; j++) {
        work[i * n + j] -= factor * work[col * n + j];
        inverse[i * n + j] -= factor * inverse[col * n + j];
      }
    }
  }
  return inverse.every(Number.isFinite) ? inverse : null;
}

/** Encloses I - R A for a double matrix R and an interval matrix A. */
export function residualOfInverse(r: Float64Array, a: IntervalMatrix): IntervalMatrix {
  const n = a.rows;
  const product = intervalProduct(pointMatrix(r, n, n), a);
  const out = zeroMatrix(n, n);
  for (let i = 0; i < n * n; i++) {
    const identity = i % (n + 1) === 0 ? 1 : 0;
    out.lo[i] = down(identity - product.hi[i]);
    out.hi[i] = up(identity - product.lo[i]);
  }
  return out;
}

/** ||A||_inf ('rows': largest row sum of magnitudes) or ||A||_1 ('columns') over the interval matrix, rounded up. */
export function normBound(a: IntervalMatrix, along: 'rows' | 'columns'): number {
  const m = magnitude(a);
  const sums = new Float64Array(along === 'rows' ? a.rows : a.columns);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.columns; j++) {
      const at = along === 'rows' ? i : j;
      sums[at] = up(sums[at] + m[i * a.columns + j]);
    }
  }
  return sums.reduce((largest, value) => Math.max(largest, value), 0);
}

/**
 * An interval matrix containing A^{-1} for every A in the square interval matrix `a`, or null when
 * that cannot be proved. With R ~ mid(A)^{-1} and E = I - R A (enclosed), ||E||_inf = beta < 1 gives
 * A^{-1} = (I - E)^{-1} R = R + E R + E^2 (I - E)^{-1} R: the first-order part E R is enclosed
 * entrywise (an interval product, so each entry's width follows A's widths, as the true
 * sensitivity A^{-1} dA A^{-1} does), and the rest is bounded in every entry by
 * ||E^2 (I - E)^{-1} R||_inf <= beta^2 ||R||_inf / (1 - beta). A radius beta ||R||_inf / (1 - beta)
 * on every entry alone would hold too, but for a wide A it is uniform: entries of A^{-1} far
 * smaller than its norm would lose all their digits.
 */
export function verifiedInverse(a: IntervalMatrix): IntervalMatrix | null {
  const n = a.rows;
  const mid = a.lo.map((lo, i) => 0.5 * lo + 0.5 * a.hi[i]);
  const r = approximateInverse(mid, n);
  if (r === null) return null;
  const residual = residualOfInverse(r, a);
  const beta = normBound(residual, 'rows');
  if (!(beta < 1)) return null;
  const R = pointMatrix(r, n, n);
  const first = intervalProduct(residual, R);
  const radius = up(up(up(beta * beta) * normBound(R, 'rows')) / down(1 - beta));
  return {
    rows: n,
    columns: n,
    lo: r.map((value, i) => down(down(value + first.lo[i]) - radius)),
    hi: r.map((value, i) => up(up(value + first.hi[i]) + radius)),
  };
}
