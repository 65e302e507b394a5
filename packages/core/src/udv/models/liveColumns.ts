/**
 * Live columns of the factored models X = U diag(d) V^T (Hou, Sra & Yurtsever 2025, our reading of
 * the abstract) and X = U V^T (Burer-Monteiro): a column c with U[:, c] and V[:, c] identically zero
 * contributes nothing to X and gets a zero gradient (each gradient column is G or G^T times a factor
 * column, scaled by d_c, and grad d_c = U[:, c]^T G V[:, c]), so it stays dead. Evaluating only the
 * live columns, packed contiguously, is exact and costs O(m live) instead of O(m k); under udv's
 * projections most columns die (flushed to zero once subnormal), which makes long runs cheap.
 */

/** The factors of X = U diag(d) V^T as views into p or its gradient: d null without a diagonal, V === U when symmetric. */
export interface FactorViews {
  readonly U: Float64Array;
  readonly d: Float64Array | null;
  readonly V: Float64Array;
}

/** Scratch for {@link evaluateOnLiveColumns}: the live column indices and packed factors and gradients. */
interface LiveColumns {
  readonly rows: number;
  readonly columns: number;
  readonly width: number;
  readonly symmetric: boolean;
  readonly live: Int32Array;
  readonly factors: FactorViews;
  readonly gradient: FactorViews;
}

/** Buffers for a model with factors U (rows x width), V (columns x width, = U when symmetric) and, with `diagonal`, d. */
export function liveColumnBuffers(rows: number, columns: number, width: number, symmetric: boolean, diagonal: boolean): LiveColumns {
  const U = new Float64Array(rows * width);
  const gradU = new Float64Array(rows * width);
  return {
    rows,
    columns,
    width,
    symmetric,
    live: new Int32Array(width),
    factors: { U, d: diagonal ? new Float64Array(width) : null, V: symmetric ? U : new Float64Array(columns * width) },
    gradient: { U: gradU, d: diagonal ? new Float64Array(width) : null, V: symmetric ? gradU : new Float64Array(columns * width) },
  };
}

/** Whether column c of a row-major rows x k factor is exactly zero (-0 included). */
export function isZeroColumn(factor: Float64Array, rows: number, k: number, c: number): boolean {
  for (let i = 0; i < rows; i++) if (factor[i * k + c] !== 0) return false;
  return true;
}

/**
 * The columns c with U[:, c] or V[:, c] (V null: symmetric) not identically zero, written to
 * `live`; returns their number.
 */
export function liveColumns(U: Float64Array, rowsU: number, V: Float64Array | null, rowsV: number, k: number, live: Int32Array): number {
  let count = 0;
  for (let c = 0; c < k; c++) {
    if (!isZeroColumn(U, rowsU, k, c) || (V !== null && !isZeroColumn(V, rowsV, k, c))) live[count++] = c;
  }
  return count;
}

/** target (n x count) = the live columns of source (n x k). */
function packColumns(source: Float64Array, n: number, k: number, live: Int32Array, count: number, target: Float64Array): void {
  for (let i = 0; i < n; i++) for (let a = 0; a < count; a++) target[i * count + a] = source[i * k + live[a]];
}

/** target (n x k) = source (n x count) in the live columns, 0 elsewhere. */
function unpackColumns(source: Float64Array, n: number, k: number, live: Int32Array, count: number, target: Float64Array): void {
  target.fill(0, 0, n * k);
  for (let i = 0; i < n; i++) for (let a = 0; a < count; a++) target[i * k + live[a]] = source[i * count + a];
}

/**
 * f and its gradient by `evaluate` (which takes factors and gradient views of a given width) on the
 * live columns only: directly when every column is live, otherwise on packed copies, with the dead
 * columns' gradient set to exactly 0. d is packed as a 1 x k row.
 */
export function evaluateOnLiveColumns(
  buffers: LiveColumns,
  factors: FactorViews,
  gradient: FactorViews,
  evaluate: (factors: FactorViews, gradient: FactorViews, width: number) => number,
): number {
  const { rows, columns, width: k, symmetric, live } = buffers;
  const count = liveColumns(factors.U, rows, symmetric ? null : factors.V, columns, k, live);
  if (count === k) return evaluate(factors, gradient, k);
  const packed = buffers.factors;
  const packedGradient = buffers.gradient;
  packColumns(factors.U, rows, k, live, count, packed.U);
  if (factors.d !== null && packed.d !== null) packColumns(factors.d, 1, k, live, count, packed.d);
  if (!symmetric) packColumns(factors.V, columns, k, live, count, packed.V);
  const loss = evaluate(packed, packedGradient, count);
  unpackColumns(packedGradient.U, rows, k, live, count, gradient.U);
  if (gradient.d !== null && packedGradient.d !== null) unpackColumns(packedGradient.d, 1, k, live, count, gradient.d);
  if (!symmetric) unpackColumns(packedGradient.V, columns, k, live, count, gradient.V);
  return loss;
}
