/**
 * Householder QR on column-major Float64Array (column j at a[j * m .. (j + 1) * m)), the layout
 * in which a reflection is a unit-stride dot product and update: a dense factorization, and the
 * structured one the stable closed form of Proposition 1 (Min & Vidal 2025, eq. (5)) needs at
 * every time, whose top block is diagonal.
 *
 * Both scale their norms by the largest entry and normalize each reflector, so no square of an
 * entry is ever formed and entries near the overflow threshold stay finite (the closed form's
 * stacked matrix holds sqrt(2t) for t up to 1e300 time scales). The reflector of column j is
 * v = (x - beta e_1) / ||x - beta e_1|| with beta = -sign(x_1) ||x||, so ||x - beta e_1||^2 =
 * 2 ||x|| (||x|| + |x_1|) exactly and is taken as sqrt(2 ||x||) sqrt(||x|| + |x_1|), which cannot
 * overflow either (Golub & Van Loan, Matrix Computations, 4th ed., Section 5.1.2 and Algorithm 5.2.1).
 */
import { compactWYFactorInto } from './compactWY.js';
import { gramInto, productInto } from './product.js';

/**
 * The largest magnitude of x0 and a[from..to), and the norm of that vector over it (in [1, sqrt(n)]):
 * scaled by the largest entry first (as LAPACK's dnrm2), in two passes.
 */
function headedNorm(x0: number, a: Float64Array, from: number, to: number): { largest: number; scaledNorm: number } {
  let largest = Math.abs(x0);
  for (let i = from; i < to; i++) {
    const size = Math.abs(a[i]);
    if (size > largest) largest = size;
  }
  if (largest === 0) return { largest, scaledNorm: 0 };
  const head = x0 / largest;
  let sum = head * head;
  for (let i = from; i < to; i++) {
    const scaled = a[i] / largest;
    sum += scaled * scaled;
  }
  return { largest, scaledNorm: Math.sqrt(sum) };
}

/**
 * Turns x = (x0, a[from..to)) into its normalized reflector in place (the tail in a, the head
 * returned in `head[0]`) and returns beta, the entry of R it produces; 0 when x = 0 (no reflection).
 * The reflector is formed from x / max|x|: for a subnormal x, ||x|| and ||x - beta e_1|| would
 * carry only the few digits the subnormals have, and v would not be a unit vector.
 */
function reflectorOf(x0: number, a: Float64Array, from: number, to: number, head: Float64Array): number {
  const { largest, scaledNorm } = headedNorm(x0, a, from, to);
  if (largest === 0) {
    head[0] = 0;
    return 0;
  }
  const scaledHead = x0 / largest;
  const scaledBeta = scaledHead >= 0 ? -scaledNorm : scaledNorm;
  const length = Math.sqrt(2 * scaledNorm) * Math.sqrt(scaledNorm + Math.abs(scaledHead));
  head[0] = (scaledHead - scaledBeta) / length;
  for (let i = from; i < to; i++) a[i] = a[i] / largest / length;
  return scaledBeta * largest;
}

/**
 * Applies I - 2 v v^T, v = (v0, a[vFrom..vFrom + length)), to the columns (y0_k, a[yFrom_k..))
 * of a for k in [first, last), with column stride `stride`; the heads y0_k are at heads[k * headStride + headOffset].
 * Columns go two at a time so that each entry of v is loaded once per pair.
 */
function reflectColumns(
  a: Float64Array,
  v0: number,
  vFrom: number,
  length: number,
  first: number,
  last: number,
  stride: number,
  tailOffset: number,
  heads: Float64Array,
  headStride: number,
  headOffset: number,
): void {
  let k = first;
  for (; k + 1 < last; k += 2) {
    const y = k * stride + tailOffset;
    const z = y + stride;
    const hy = k * headStride + headOffset;
    const hz = hy + headStride;
    let dotY = v0 * heads[hy];
    let dotZ = v0 * heads[hz];
    for (let i = 0; i < length; i++) {
      const vi = a[vFrom + i];
      dotY += vi * a[y + i];
      dotZ += vi * a[z + i];
    }
    dotY *= 2;
    dotZ *= 2;
    heads[hy] -= dotY * v0;
    heads[hz] -= dotZ * v0;
    for (let i = 0; i < length; i++) {
      const vi = a[vFrom + i];
      a[y + i] -= dotY * vi;
      a[z + i] -= dotZ * vi;
    }
  }
  if (k < last) {
    const y = k * stride + tailOffset;
    const hy = k * headStride + headOffset;
    let dot = v0 * heads[hy];
    for (let i = 0; i < length; i++) dot += a[vFrom + i] * a[y + i];
    dot *= 2;
    heads[hy] -= dot * v0;
    for (let i = 0; i < length; i++) a[y + i] -= dot * a[vFrom + i];
  }
}

/** Scratch for a reflector's head, so a factorization allocates nothing. */
const headScratch = new Float64Array(1);

/**
 * Householder QR A = Q R of a column-major m x c matrix (m >= c), in place (LAPACK dgeqrf's
 * content): R in the upper triangle, and below the diagonal of column j the tail of the unit
 * reflector v_j whose head is `heads[j]`, Q = (I - 2 v_0 v_0^T) ... (I - 2 v_{c-1} v_{c-1}^T).
 * The dense kernel of the stable closed form's QR (Min & Vidal 2025, eq. (5); see riccati.ts).
 * From BLOCKED_MIN_COLUMNS columns on it runs blocked ({@link blockedQrInto}), whose reflectors
 * agree with the column-by-column ones up to rounding. Internal helper, no validation.
 *
 * @param a - A, column-major m x c; overwritten as above.
 * @param m - rows.
 * @param c - columns, at most m.
 * @param heads - length >= c, receives the reflectors' heads (0 where a column was already 0).
 * @returns a.
 * @throws nothing.
 * @example
 * ```ts
 * householderQrInto(Float64Array.of(3, 4), 2, 1, new Float64Array(1)); // R = [-5], v = (2, 1) / sqrt 5
 * ```
 */
export function householderQrInto(a: Float64Array, m: number, c: number, heads: Float64Array): Float64Array {
  if (c >= BLOCKED_MIN_COLUMNS) return blockedQrInto(a, m, c, heads, PANEL_COLUMNS);
  factorColumns(a, m, 0, c, heads);
  return a;
}

/**
 * Columns [first, last) of the factorization of {@link householderQrInto}, one reflection at a time,
 * applied to those columns only (level 2): the whole factorization for first = 0, last = c, and a
 * panel of the blocked one.
 */
function factorColumns(a: Float64Array, m: number, first: number, last: number, heads: Float64Array): void {
  for (let j = first; j < last; j++) {
    const diagonal = j * m + j;
    const beta = reflectorOf(a[diagonal], a, diagonal + 1, (j + 1) * m, headScratch);
    const v0 = headScratch[0];
    heads[j] = v0;
    a[diagonal] = beta;
    // Row j of the trailing columns is the head each reflection meets; their tails start below it.
    if (v0 !== 0) reflectColumns(a, v0, diagonal + 1, m - j - 1, j + 1, last, m, j + 1, a, m, j);
  }
}

/**
 * Columns per panel of the blocked factorization, and the number of columns from which it runs,
 * both measured on square Gaussian matrices: 16 columns ran fastest or within noise of the fastest
 * (12 to 32) at n = 50, 200 and 500, while 8 or 64 ran up to 1.7x slower (too little work in the
 * product, too much in the level-2 panel); blocking ran slower than column by column up to n = 24,
 * level at 32, and 1.4x faster at 50, 3.7x at 200, 4.9x at 500.
 */
const PANEL_COLUMNS = 16;
const BLOCKED_MIN_COLUMNS = 32;

/**
 * Scratch of the blocked factorizations, grown on demand and reused: V^T of a dense panel and the
 * trailing columns (dense only), the Gram matrix V^T V and T, the two nb-wide intermediate
 * products, and the heads of the structured factorization's reflectors.
 */
let reflectorRows = new Float64Array(0);
let trailingRows = new Float64Array(0);
let factorPair = new Float64Array(0);
let products = new Float64Array(0);
let stackedHeads = new Float64Array(0);

/**
 * {@link householderQrInto} blocked as LAPACK's dgeqrf: a panel of `panel` columns is factored
 * column by column, its reflectors gathered as Q_panel = H_0 ... H_{nb-1} = I - V T V^T (T upper
 * triangular, formed as dlarft does for H = I - 2 v v^T), and the trailing columns updated as
 * dlarfb does, A := (I - V T^T V^T) A, by three matrix products (linalg/product.ts), so most of the
 * flops run in the product kernel instead of one reflection at a time. The reflectors are the
 * panel's, each formed from x / max|x| (reflectorOf), so they stay unit for subnormal or huge
 * columns. Each entry of V^T A is at most the norm of its column of A (v_j is unit) and the update
 * V T^T V^T A = (I - Q_panel^T) A has columns at most twice as long as A's, so columns near 1e300
 * stay finite as they do column by column. Same output as {@link householderQrInto} up to rounding
 * (the QR of the stable closed form, Min & Vidal 2025, eq. (5)). Internal helper, no validation.
 *
 * @param a - A, column-major m x c; overwritten with R and the reflectors' tails.
 * @param m - rows.
 * @param c - columns, at most m.
 * @param heads - length >= c, receives the reflectors' heads.
 * @param panel - columns per panel, at least 1.
 * @returns a.
 * @throws nothing.
 * @example
 * ```ts
 * blockedQrInto(Float64Array.of(3, 4), 2, 1, new Float64Array(1), 32); // R = [-5], v = (2, 1) / sqrt 5
 * ```
 */
export function blockedQrInto(a: Float64Array, m: number, c: number, heads: Float64Array, panel: number): Float64Array {
  for (let j0 = 0; j0 < c; j0 += panel) {
    const j1 = Math.min(j0 + panel, c);
    factorColumns(a, m, j0, j1, heads);
    if (j1 < c) updateTrailing(a, m, c, heads, j0, j1);
  }
  return a;
}

/**
 * Applies Q_panel^T of the reflectors of columns [j0, j1) to columns [j1, c), rows [j0, m): V^T is
 * gathered (zero above each head) and the trailing columns copied to rows, as {@link reflectBlock} needs.
 */
function updateTrailing(a: Float64Array, m: number, c: number, heads: Float64Array, j0: number, j1: number): void {
  const width = j1 - j0;
  const rows = m - j0;
  const trailing = c - j1;
  if (reflectorRows.length < width * rows) reflectorRows = new Float64Array(width * rows);
  if (trailingRows.length < trailing * rows) trailingRows = new Float64Array(trailing * rows);
  const vt = reflectorRows.subarray(0, width * rows);
  // Row i of V^T: zero above the head, the head, then the tail stored below the diagonal.
  for (let i = 0; i < width; i++) {
    const row = i * rows;
    const column = (j0 + i) * m;
    vt.fill(0, row, row + i);
    vt[row + i] = heads[j0 + i];
    vt.set(a.subarray(column + j0 + i + 1, column + m), row + i + 1);
  }
  const at = trailingRows.subarray(0, trailing * rows);
  for (let k = 0; k < trailing; k++) at.set(a.subarray((j1 + k) * m + j0, (j1 + k + 1) * m), k * rows);
  reflectBlock(vt, width, rows, null, at, trailing);
  for (let k = 0; k < trailing; k++) a.set(at.subarray(k * rows, (k + 1) * rows), (j1 + k) * m + j0);
}

/**
 * The block reflection both blocked factorizations share (LAPACK dlarft then dlarfb): with V^T
 * row-major width x rows and the trailing columns as the rows of A^T (trailing x rows), forms T of
 * H_0 ... H_{w-1} = I - V T V^T and applies Q_panel^T = I - V T^T V^T as A^T := A^T - ((A^T V) T) V^T
 * by three products. V may have more rows than `vt` holds: `offRows` lists, per reflector, one
 * more entry on a row of its own (where no other reflector nor any trailing column is nonzero), which
 * adds its square to the diagonal of V^T V and nothing else. Returns (A^T V) T, trailing x width:
 * minus its entry (k, i) times that extra entry of v_i is what the reflection puts on that row of column k.
 */
function reflectBlock(vt: Float64Array, width: number, rows: number, offRows: Float64Array | null, at: Float64Array, trailing: number): Float64Array {
  if (factorPair.length < 2 * width * width) factorPair = new Float64Array(2 * width * width);
  if (products.length < 2 * trailing * width) products = new Float64Array(2 * trailing * width);
  const vtv = factorPair.subarray(0, width * width);
  const t = factorPair.subarray(width * width, 2 * width * width);
  gramInto(vt, width, rows, 'rows', vtv);
  if (offRows !== null) for (let i = 0; i < width; i++) vtv[i * width + i] += offRows[i] * offRows[i];
  // Unit reflectors, H_j = I - 2 v_j v_j^T; a zero one (v = 0) has a zero row and column in V^T V, so
  // it adds nothing to V T V^T whatever T holds there.
  compactWYFactorInto(vtv, width, 2, 0, t);
  const atv = products.subarray(0, trailing * width);
  const atvt = products.subarray(trailing * width, 2 * trailing * width);
  productInto(at, vt, atv, trailing, width, rows, { transposeB: true });
  productInto(atv, t, atvt, trailing, width, width);
  productInto(atvt, vt, at, trailing, rows, width, { alpha: -1, beta: 1 });
  return atvt;
}

/**
 * R of the QR of the stacked (r + n) x r matrix [diag(d); C], the matrix [D^{-1}; C] of the stable
 * closed form of Proposition 1 (Min & Vidal 2025, eq. (5); riccati.ts, step 3), exploiting its
 * diagonal top block: reflector j acts on row j and the n rows of C only, since the top rows below
 * j are still zero in every column but their own. Costs 2 n r^2 + O(r^2) flops against the dense
 * factorization's 2 (n + r) r^2 - 2 r^3 / 3. From STACKED_BLOCKED_MIN_COLUMNS columns on it runs
 * blocked ({@link blockedStackedQrInto}), whose R agrees with the column-by-column one up to
 * rounding. Allocates nothing once its scratch has grown. Internal helper, no validation.
 *
 * @param d - the diagonal of the top block, length r.
 * @param c - C, column-major n x r; overwritten with the reflectors' tails.
 * @param n - rows of C.
 * @param r - columns.
 * @param rFactor - receives R, row-major r x r (rFactor[i * r + j] = R_ij, zero below the diagonal),
 *   the layout in which F = B R^{-1} is solved by rows.
 * @returns rFactor.
 * @throws nothing.
 * @example
 * ```ts
 * diagonalStackedQrInto(Float64Array.of(3), Float64Array.of(4), 1, 1, new Float64Array(1)); // [-5]
 * ```
 */
export function diagonalStackedQrInto(d: Float64Array, c: Float64Array, n: number, r: number, rFactor: Float64Array): Float64Array {
  if (stackedHeads.length < r) stackedHeads = new Float64Array(r);
  const panel = r >= STACKED_BLOCKED_MIN_COLUMNS ? PANEL_COLUMNS : r;
  return blockedStackedQrInto(d, c, n, r, rFactor, stackedHeads, panel);
}

/**
 * Columns from which {@link diagonalStackedQrInto} runs blocked (panels of PANEL_COLUMNS), measured
 * on stacked matrices with n = r, d uniform in (0, 1) and Gaussian C: blocking ran level with column by
 * column at r = 24, 1.2x faster at 28 and 32, 2.2x at 64, 5x at 200 and 5.6x at 500; panels of 8 to
 * 24 were within 15% of each other up to r = 200, and 16 ran fastest at 500.
 */
const STACKED_BLOCKED_MIN_COLUMNS = 32;

/**
 * {@link diagonalStackedQrInto} blocked as {@link blockedQrInto} is: a panel of `panel` columns is
 * factored column by column, then its reflectors are applied to the trailing columns at once. Reflector
 * j is v_j = (head h_j on top row j; tail in column j of C), and before the panel's update every
 * trailing column is zero on the panel's top rows (R_jk is written only by reflector j), so
 * V^T A = tails^T C_trailing, V^T V = diag(h^2) + tails^T tails (the heads sit on distinct rows),
 * and the update is C_trailing -= tails T^T (V^T A) with R_jk = -h_j (T^T V^T A)_jk: the tails and
 * the trailing columns are the rows of C's row-major view already, so nothing is copied. A panel as
 * wide as r is the column-by-column factorization. The QR of the stable closed form (Min & Vidal
 * 2025, eq. (5)). Internal helper, no validation.
 *
 * @param d - the diagonal of the top block, length r.
 * @param c - C, column-major n x r; overwritten with the reflectors' tails.
 * @param n - rows of C.
 * @param r - columns.
 * @param rFactor - receives R, row-major r x r, as in {@link diagonalStackedQrInto}.
 * @param heads - length >= r, receives the reflectors' heads (0 where a column was already 0).
 * @param panel - columns per panel, at least 1.
 * @returns rFactor.
 * @throws nothing.
 * @example
 * ```ts
 * blockedStackedQrInto(Float64Array.of(3), Float64Array.of(4), 1, 1, new Float64Array(1), new Float64Array(1), 16); // [-5]
 * ```
 */
export function blockedStackedQrInto(
  d: Float64Array,
  c: Float64Array,
  n: number,
  r: number,
  rFactor: Float64Array,
  heads: Float64Array,
  panel: number,
): Float64Array {
  rFactor.fill(0, 0, r * r);
  for (let j0 = 0; j0 < r; j0 += panel) {
    const j1 = Math.min(j0 + panel, r);
    for (let j = j0; j < j1; j++) {
      const beta = reflectorOf(d[j], c, j * n, (j + 1) * n, headScratch);
      const v0 = headScratch[0];
      heads[j] = v0;
      rFactor[j * r + j] = beta;
      // Row j of R (entries R_jk, k > j, zero until now) is where the reflection's heads land.
      if (v0 !== 0) reflectColumns(c, v0, j * n, n, j + 1, j1, n, 0, rFactor, 1, j * r);
    }
    if (j1 < r) updateStackedTrailing(c, n, r, rFactor, heads, j0, j1);
  }
  return rFactor;
}

/** Applies Q_panel^T of the structured reflectors of columns [j0, j1) to columns [j1, r) (see {@link blockedStackedQrInto}). */
function updateStackedTrailing(c: Float64Array, n: number, r: number, rFactor: Float64Array, heads: Float64Array, j0: number, j1: number): void {
  const width = j1 - j0;
  const trailing = r - j1;
  const atvt = reflectBlock(c.subarray(j0 * n, j1 * n), width, n, heads.subarray(j0, j1), c.subarray(j1 * n, r * n), trailing);
  for (let i = 0; i < width; i++) {
    const head = heads[j0 + i];
    const row = (j0 + i) * r + j1;
    // Subtracted from the 0 R_jk holds, as column by column, so a zero entry comes out +0, not -0.
    for (let k = 0; k < trailing; k++) rFactor[row + k] -= head * atvt[k * width + i];
  }
}
