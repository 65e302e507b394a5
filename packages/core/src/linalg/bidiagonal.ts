/**
 * Singular values of a real matrix without its singular vectors: Householder reduction to upper
 * bidiagonal form B (Golub & Kahan 1965; Golub & Van Loan, Matrix Computations, 4th ed.,
 * Algorithm 5.4.2), then the singular values of B by dqds (dqds.ts, LAPACK dlasq1's method). Should
 * dqds give up on a block, the block's Golub-Kahan tridiagonal
 *
 *   T = tridiag(0; d_1, e_1, d_2, e_2, ..., e_{c-1}, d_c),
 *
 * a symmetric permutation of [[0, B^T], [B, 0]] whose eigenvalues are +-sigma_i(B), goes to the
 * implicit QL iteration of tridiagonal.ts instead (as LAPACK's dbdsqr falls back to QR sweeps).
 *
 * Why not ml-matrix's SingularValueDecomposition: it lost accuracy when products of entries
 * underflow (a largest singular value 5% off with subnormal entries; callers had to flush entries
 * below 1e-60 of the largest first), and it is not exact on a diagonal matrix after that rescaling.
 * Here every Householder vector is scaled before it is squared, scaling is by a power of two, and
 * 1 x 1 blocks of B are returned as they are. On one Float64Array without vector updates it is also
 * faster (bench/singular-values.ts measures by how much), which matters because the closed form's
 * spectrum, the squared singular values of an n x r factor, is taken at every time the explorer draws
 * (bench/kernels.ts times this phase against numpy's).
 */
import { dqdsSquaredSingularValues } from './dqds.js';
import { implicitQl } from './tridiagonal.js';

/**
 * Singular values, decreasing, of the rows x columns matrix stored row-major in `data` (min(rows,
 * columns) of them). Internal kernel: the caller guarantees finiteness and positive sizes.
 *
 * Backward stable: each sigma_i is within a small multiple of min(rows, columns) eps sigma_1 of the
 * exact one (Weyl's inequality for singular values), at every scale from the smallest normal double
 * to the largest, since the matrix is scaled by a power of two to max |entry| in [1, 2) first.
 * Exact for a diagonal matrix (and any matrix whose bidiagonal form is diagonal).
 *
 * @param data - row-major entries, not modified.
 * @param rows - number of rows, >= 1.
 * @param columns - number of columns, >= 1.
 * @returns Float64Array of min(rows, columns) values, sigma_1 >= sigma_2 >= ... >= 0.
 * @throws Error on a non-finite entry (an internal error: callers validate).
 */
export function singularValuesOf(data: Float64Array, rows: number, columns: number): Float64Array {
  const long = Math.max(rows, columns);
  const short = Math.min(rows, columns);
  const values = new Float64Array(short);
  let largest = 0;
  for (let i = 0; i < rows * columns; i++) largest = Math.max(largest, Math.abs(data[i]));
  if (!Number.isFinite(largest)) throw new Error(`singularValuesOf: a ${rows} x ${columns} matrix with a non-finite entry (an internal error; please report it)`);
  if (largest === 0) return values;
  // A power of two, so that scaling and unscaling are exact.
  const scale = 2 ** Math.floor(Math.log2(largest));
  // Column-major long x short: a row-major rows x columns array is already A^T column-major, so
  // a wide matrix is copied as is and a tall one is transposed (sigma(A) = sigma(A^T)).
  const work = new Float64Array(long * short);
  if (rows < columns) {
    for (let i = 0; i < work.length; i++) work[i] = data[i] / scale;
  } else {
    for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) work[j * long + i] = data[i * columns + j] / scale;
  }
  const { diagonal, superDiagonal } = bidiagonalize(work, long, short);
  // ||B||_2 <= 2 max_k (|d_k| + |e_k|), EISPACK's norm estimate; couplings below eps of it are
  // rounding, and dropping them moves no singular value by more than the bound above.
  let norm = 0;
  for (let k = 0; k < short; k++) norm = Math.max(norm, Math.abs(diagonal[k]) + (k < short - 1 ? Math.abs(superDiagonal[k]) : 0));
  const floor = Number.EPSILON * norm;
  // B splits at every zero e_k into independent blocks; a 1 x 1 block is its own singular value,
  // exactly, so a diagonal matrix comes back bit for bit.
  let found = 0;
  for (let start = 0; start < short; ) {
    let end = start;
    while (end < short - 1 && Math.abs(superDiagonal[end]) > floor) end++;
    const size = end - start + 1;
    if (size === 1) {
      values[found++] = Math.abs(diagonal[start]);
    } else {
      for (const value of blockSingularValues(diagonal, superDiagonal, start, size, floor)) values[found++] = value;
    }
    start = end + 1;
  }
  values.sort().reverse();
  for (let i = 0; i < short; i++) values[i] *= scale;
  return values;
}

/**
 * Singular values of the unreduced bidiagonal block starting at `start`: by dqds (dqds.ts), or, in
 * the rare case that it does not converge within its budget, as the +sigma half of the eigenvalues of
 * the block's 2 size x 2 size Golub-Kahan tridiagonal by implicit QL.
 */
function blockSingularValues(diagonal: Float64Array, superDiagonal: Float64Array, start: number, size: number, floor: number): Float64Array {
  const squared = new Float64Array(size);
  if (dqdsSquaredSingularValues(diagonal, superDiagonal, start, size, squared, 0)) return squared.map(Math.sqrt);
  const offDiagonal = new Float64Array(2 * size);
  for (let k = 0; k < size; k++) {
    offDiagonal[2 * k] = diagonal[start + k];
    if (k < size - 1) offDiagonal[2 * k + 1] = superDiagonal[start + k];
  }
  const eigenvalues = new Float64Array(2 * size);
  implicitQl(eigenvalues, offDiagonal, floor);
  eigenvalues.sort().reverse();
  // A zero singular value can come out as a rounding-sized negative.
  return eigenvalues.subarray(0, size).map((value) => Math.max(value, 0));
}

/**
 * Householder bidiagonalization in place of the column-major m x c matrix `a` (m >= c): returns the
 * diagonal d_1..d_c and superdiagonal e_1..e_{c-1} of B = U^T A V. Reflected-away entries are left
 * as they are (they are never read again).
 *
 * Step k's right reflection A <- A (I - 2 w w^T) is held back and applied column by column in the
 * same pass as step k + 1's left reflection (`fusedColumns`): each column is loaded once for both
 * and its dot product with v taken as it is updated, four columns at a time, so each step sweeps the
 * trailing matrix three times (A w, the fused update and dot, the left update) instead of four
 * (measured 1.3-2x faster than the unfused two-column form at n = 50..500, with the same results to
 * 3e-15 sigma_1). A
 * column or row whose part to be zeroed is already zero is not reflected, so a diagonal matrix
 * comes through untouched. The reflectors scale x before normalizing (`householderVector`): a
 * vector of subnormal entries still gives a unit v.
 */
function bidiagonalize(a: Float64Array, m: number, c: number): { diagonal: Float64Array; superDiagonal: Float64Array } {
  const diagonal = new Float64Array(c);
  const superDiagonal = new Float64Array(Math.max(c - 1, 0));
  // The held-back right reflection: w[j - k] for column j at step k, and dots = 2 A w by row.
  const w = new Float64Array(c);
  const dots = new Float64Array(m);
  let held = false;
  for (let k = 0; k < c; k++) {
    const at = k * m + k;
    if (held) {
      const weight = w[0];
      for (let i = k; i < m; i++) a[k * m + i] -= dots[i] * weight;
    }
    // Left reflector: zero column k below the diagonal; v overwrites the column from row k.
    diagonal[k] = householderVector(a, at, (k + 1) * m);
    fusedColumns(a, m, k, c, held ? w : null, dots, a[at] !== 0);
    held = false;
    if (k >= c - 1) continue;
    // Right reflector: zero row k right of the superdiagonal (nothing to do for the last pair).
    const width = c - k - 1;
    for (let j = 0; j < width; j++) w[j] = a[(k + 1 + j) * m + k];
    superDiagonal[k] = householderVector(w, 0, width);
    if (w[0] === 0) continue;
    rowDots(a, m, k + 1, width, w, dots);
    // The update of column k + 1 + j is dots * 2 w[j]; w[0] becomes column k + 1's weight at step k + 1.
    for (let j = 0; j < width; j++) w[j] *= 2;
    held = true;
  }
  return { diagonal, superDiagonal };
}

/** dots[i] = sum_j a[first + j][i] w[j] over the `width` columns from `first`, rows first..m - 1, four columns per sweep. */
function rowDots(a: Float64Array, m: number, first: number, width: number, w: Float64Array, dots: Float64Array): void {
  dots.fill(0, first, m);
  let j = 0;
  for (; j + 3 < width; j += 4) {
    const x0 = (first + j) * m;
    const x1 = x0 + m;
    const x2 = x1 + m;
    const x3 = x2 + m;
    const [w0, w1, w2, w3] = [w[j], w[j + 1], w[j + 2], w[j + 3]];
    for (let i = first; i < m; i++) dots[i] += a[x0 + i] * w0 + a[x1 + i] * w1 + (a[x2 + i] * w2 + a[x3 + i] * w3);
  }
  for (; j + 1 < width; j += 2) {
    const x = (first + j) * m;
    const y = x + m;
    const wx = w[j];
    const wy = w[j + 1];
    for (let i = first; i < m; i++) dots[i] += a[x + i] * wx + a[y + i] * wy;
  }
  if (j < width) {
    const x = (first + j) * m;
    const wx = w[j];
    for (let i = first; i < m; i++) dots[i] += a[x + i] * wx;
  }
}

/**
 * Columns k + 1..c - 1, rows k..m - 1: first the held-back right reflection (column j loses
 * dots * weights[j - k]; none when `weights` is null), then step k's left reflection by the unit v
 * stored in column k from row k (none when `reflect` is false). Four columns at a time share each
 * load of v and dots and run four independent dot products; the rest go one by one.
 */
function fusedColumns(a: Float64Array, m: number, k: number, c: number, weights: Float64Array | null, dots: Float64Array, reflect: boolean): void {
  if (weights === null && !reflect) return;
  const v = k * m + k;
  const length = m - k;
  let j = k + 1;
  for (; j + 3 < c; j += 4) {
    const y0 = j * m + k;
    const y1 = y0 + m;
    const y2 = y1 + m;
    const y3 = y2 + m;
    const [w0, w1, w2, w3] = weights === null ? [0, 0, 0, 0] : [weights[j - k], weights[j + 1 - k], weights[j + 2 - k], weights[j + 3 - k]];
    let [dot0, dot1, dot2, dot3] = [0, 0, 0, 0];
    // With no held-back update the weights are 0 and the subtraction leaves every entry as it is.
    for (let i = 0; i < length; i++) {
      const row = dots[k + i];
      const e0 = a[y0 + i] - row * w0;
      const e1 = a[y1 + i] - row * w1;
      const e2 = a[y2 + i] - row * w2;
      const e3 = a[y3 + i] - row * w3;
      a[y0 + i] = e0;
      a[y1 + i] = e1;
      a[y2 + i] = e2;
      a[y3 + i] = e3;
      const vi = a[v + i];
      dot0 += vi * e0;
      dot1 += vi * e1;
      dot2 += vi * e2;
      dot3 += vi * e3;
    }
    if (!reflect) continue;
    [dot0, dot1, dot2, dot3] = [2 * dot0, 2 * dot1, 2 * dot2, 2 * dot3];
    for (let i = 0; i < length; i++) {
      const vi = a[v + i];
      a[y0 + i] -= dot0 * vi;
      a[y1 + i] -= dot1 * vi;
      a[y2 + i] -= dot2 * vi;
      a[y3 + i] -= dot3 * vi;
    }
  }
  for (; j < c; j++) {
    const y = j * m + k;
    const weight = weights === null ? 0 : weights[j - k];
    let dot = 0;
    for (let i = 0; i < length; i++) {
      const entry = a[y + i] - dots[k + i] * weight;
      a[y + i] = entry;
      dot += a[v + i] * entry;
    }
    if (!reflect) continue;
    dot *= 2;
    for (let i = 0; i < length; i++) a[y + i] -= dot * a[v + i];
  }
}

/**
 * Turns x = v[from..to) into the unit Householder vector of H = I - 2 v v^T with H x = beta e_1,
 * and returns beta = -sign(x_1) ||x||. When x_2.. are already zero, returns x_1 and zeroes v
 * (H = I). The vector is scaled by max |x_i| before squaring, so no entry under- or overflows.
 */
function householderVector(v: Float64Array, from: number, to: number): number {
  const head = v[from];
  let tailMax = 0;
  for (let i = from + 1; i < to; i++) tailMax = Math.max(tailMax, Math.abs(v[i]));
  if (tailMax === 0) {
    v.fill(0, from, to);
    return head;
  }
  const largest = Math.max(tailMax, Math.abs(head));
  let squaredNorm = 0;
  for (let i = from; i < to; i++) {
    v[i] /= largest;
    squaredNorm += v[i] * v[i];
  }
  const norm = Math.sqrt(squaredNorm);
  // beta = -sign(x_1) ||x||: adding, never subtracting, |x_1| avoids cancellation in v_1.
  const beta = v[from] >= 0 ? -norm : norm;
  v[from] -= beta;
  // v^T v = 2 ||x|| (||x|| + |x_1|) in the scaled units.
  const length = Math.sqrt(2 * norm * (norm + Math.abs(head / largest)));
  for (let i = from; i < to; i++) v[i] /= length;
  return beta * largest;
}
