/**
 * Products of row-major Float64Array matrices (entry (i, j) of an r x c matrix at i * c + j), the
 * inner loops of the U D V^T layer: measurement operators, factor gradients and the problem
 * generators all reduce to these. Internal kernels: no validation.
 *
 * The accumulating loops skip zero weights: factor columns pruned to exact zeros (the point of the
 * U D V^T model) then cost nothing, and with finite data a zero weight adds nothing to a sum.
 */

/**
 * sum_c A[a + c] B[b + c] for c < k: the dot product of two factor rows. Four accumulators, so the
 * additions do not wait on each other.
 */
export function rowDot(A: Float64Array, a: number, B: Float64Array, b: number, k: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let c = 0;
  for (; c + 3 < k; c += 4) {
    s0 += A[a + c] * B[b + c];
    s1 += A[a + c + 1] * B[b + c + 1];
    s2 += A[a + c + 2] * B[b + c + 2];
    s3 += A[a + c + 3] * B[b + c + 3];
  }
  for (; c < k; c++) s0 += A[a + c] * B[b + c];
  return s0 + s1 + (s2 + s3);
}

/** target[t + c] += weight * source[s + c] for c < k: one factor row added into another. */
export function rowAxpy(target: Float64Array, t: number, weight: number, source: Float64Array, s: number, k: number): void {
  let c = 0;
  for (; c + 3 < k; c += 4) {
    target[t + c] += weight * source[s + c];
    target[t + c + 1] += weight * source[s + c + 1];
    target[t + c + 2] += weight * source[s + c + 2];
    target[t + c + 3] += weight * source[s + c + 3];
  }
  for (; c < k; c++) target[t + c] += weight * source[s + c];
}

/** out = (scale A) B for A rows x inner and B inner x k (out rows x k, overwritten). */
export function multiplyInto(A: Float64Array, B: Float64Array, rows: number, inner: number, k: number, out: Float64Array, scale = 1): void {
  out.fill(0, 0, rows * k);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < inner; j++) {
      const weight = A[i * inner + j] * scale;
      if (weight === 0) continue;
      for (let c = 0; c < k; c++) out[i * k + c] += weight * B[j * k + c];
    }
  }
}

/** out = (scale A)^T B for A inner x rows and B inner x k (out rows x k, overwritten). */
export function transposeMultiplyInto(
  A: Float64Array,
  B: Float64Array,
  inner: number,
  rows: number,
  k: number,
  out: Float64Array,
  scale = 1,
): void {
  out.fill(0, 0, rows * k);
  for (let j = 0; j < inner; j++) {
    for (let i = 0; i < rows; i++) {
      const weight = A[j * rows + i] * scale;
      if (weight === 0) continue;
      for (let c = 0; c < k; c++) out[i * k + c] += weight * B[j * k + c];
    }
  }
}

/** out = scale (L R^T) for L rows x k and R columns x k (out rows x columns, overwritten). */
export function multiplyTransposedInto(
  L: Float64Array,
  R: Float64Array,
  rows: number,
  columns: number,
  k: number,
  out: Float64Array,
  scale = 1,
): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += L[i * k + c] * R[j * k + c];
      out[i * columns + j] = sum * scale;
    }
  }
}

/** L R^T, rows x columns, for L rows x k and R columns x k: the product X of two factors. */
export function multiplyTransposed(L: Float64Array, R: Float64Array, rows: number, columns: number, k: number): Float64Array {
  const X = new Float64Array(rows * columns);
  multiplyTransposedInto(L, R, rows, columns, k, X);
  return X;
}

/** out = A^T for A rows x columns (out columns x rows, overwritten). */
export function transposeInto(A: Float64Array, rows: number, columns: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) out[j * rows + i] = A[i * columns + j];
}

/** out = U diag(d) for U rows x k (out rows x k, overwritten). */
export function scaleColumnsInto(U: Float64Array, d: Float64Array, rows: number, k: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) for (let c = 0; c < k; c++) out[i * k + c] = U[i * k + c] * d[c];
}
