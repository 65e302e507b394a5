/**
 * The matrix product on row-major Float64Array: C = alpha op(A) op(B) + beta C (BLAS dgemm) and
 * the symmetric rank-k product A A^T / A^T A (dsyrk) that W = U U^T (Min & Vidal 2025, eq. (3))
 * is formed with.
 *
 * Why this shape: a naive triple loop (and ml-matrix's mmul) re-reads B from memory for every row
 * of A and keeps one accumulator, so it runs at a few percent of one core. Here op(A) and op(B)
 * are copied, a block at a time, into contiguous panels (packing makes every transpose the same
 * unit-stride loop, and a panel stays in cache while it is reused), and a 4 x 4 block of C is
 * accumulated in sixteen locals that V8 keeps in registers: 16 multiply-adds per 8 loads instead
 * of 1 per 2. Each entry of C is still a sequential sum over k within a depth block, so the usual
 * bound |fl(AB) - AB| <= gamma_k |A| |B| (Higham, Lemma 3.1 and eq. (3.13)) holds, and zero terms
 * add nothing (a zero product is exact), as the per-row bounds of flow/factorization.ts assume.
 *
 * Products of more than a few register blocks run the same algorithm in WebAssembly SIMD
 * (productWasm.ts), which gives the same bits about 5x faster; this JS kernel is the fallback
 * where WebAssembly SIMD is unavailable, and runs the smallest products, where copying into the
 * module's memory costs more than it saves.
 */
import { mirrorUpper, wasmProduct } from './productWasm.js';

/** Rows and columns of the register block of C. */
const MR = 4;
const NR = 4;
/**
 * Depth of a packed block: a 4 x 256 panel of op(B) (8 KiB) stays in L1 while op(A) streams past
 * it. Where depth blocks start decides the rounding, so product.wat uses the same value.
 */
const KC = 256;
/** Rows of op(A) per packed block (64 x 256 doubles = 128 KiB, in L2). */
const MC = 64;
/** m n k from which the WebAssembly kernel is used: measured, 4 x 4 x 4 ran faster in JS, 5 x 5 x 5 1.3x faster in wasm. */
const WASM_MIN_WORK = 100;

/** Shape and options of {@link productInto}; op(A) is m x k, op(B) is k x n, C is m x n. */
export interface ProductOptions {
  /** Use A^T: A is stored row-major k x m. */
  readonly transposeA?: boolean;
  /** Use B^T: B is stored row-major n x k. */
  readonly transposeB?: boolean;
  /** Scale of the product (1). */
  readonly alpha?: number;
  /** Scale of the previous C (0: C is overwritten and never read, so it may hold anything). */
  readonly beta?: number;
}

/** Packing buffers, grown on demand and reused, so repeated products allocate nothing. */
const packedA = new Float64Array(MC * KC);
let packedB = new Float64Array(KC * NR * 64);
/** The register block of an edge of C, where only part of it is written back. */
const edgeBlock = new Float64Array(MR * NR);

/**
 * C = alpha op(A) op(B) + beta C on row-major arrays, in place (BLAS dgemm), with
 * op(A) m x k and op(B) k x n: the kernel behind every dense product of the closed form of
 * Proposition 1 (Min & Vidal 2025, eq. (5)) and of the gradient-flow routes (eq. (2)).
 * Internal helper, no validation: shapes are the caller's.
 *
 * @param a - A, row-major m x k (k x m when `transposeA`).
 * @param b - B, row-major k x n (n x k when `transposeB`).
 * @param c - C, row-major m x n, overwritten with the result.
 * @param m - rows of op(A) and C.
 * @param n - columns of op(B) and C.
 * @param k - columns of op(A), rows of op(B).
 * @param options - transposes and the scalars alpha, beta.
 * @returns c.
 * @throws nothing.
 * @example
 * ```ts
 * productInto(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), new Float64Array(4), 2, 2, 2); // [19, 22, 43, 50]
 * ```
 */
export function productInto(a: Float64Array, b: Float64Array, c: Float64Array, m: number, n: number, k: number, options: ProductOptions = {}): Float64Array {
  const { transposeA = false, transposeB = false, alpha = 1, beta = 0 } = options;
  if (m === 0 || n === 0 || k === 0 || alpha === 0) {
    scaleInto(c, m * n, beta);
    return c;
  }
  if (beta !== 0) scaleInto(c, m * n, beta);
  blockedProduct(a, b, c, m, n, k, transposeA, transposeB, alpha, false, beta === 0);
  return c;
}

/**
 * The Gram matrix A A^T (`of: 'rows'`, rows x rows) or A^T A (`of: 'columns'`, columns x columns)
 * of a row-major rows x columns array, into `out` (BLAS dsyrk): W = U U^T of Min & Vidal (2025),
 * eq. (3), and the Gram matrices of the gradient-flow routes. Only blocks on and above the
 * diagonal are computed and then mirrored, so the result is symmetric bit for bit and the
 * symmetric fast paths apply to it. Internal helper, no validation.
 *
 * @param a - row-major rows x columns.
 * @param rows - rows of a.
 * @param columns - columns of a.
 * @param of - Gram matrix of the rows or of the columns.
 * @param out - receives the result (row-major, square).
 * @returns out.
 * @throws nothing.
 * @example
 * ```ts
 * gramInto(Float64Array.of(1, 2, 3, 4), 2, 2, 'rows', new Float64Array(4)); // [5, 11, 11, 25]
 * ```
 */
export function gramInto(a: Float64Array, rows: number, columns: number, of: 'rows' | 'columns', out: Float64Array): Float64Array {
  const [size, depth, transposeA] = of === 'rows' ? [rows, columns, false] : [columns, rows, true];
  if (size === 0 || depth === 0) return out.fill(0, 0, size * size);
  // op(A) op(A)^T: the right factor is the same array read the other way round.
  blockedProduct(a, a, out, size, size, depth, transposeA, !transposeA, 1, true, true);
  return out;
}

/** C = beta C, with beta = 0 clearing C whatever it held (BLAS convention: NaN * 0 is not read). */
function scaleInto(c: Float64Array, length: number, beta: number): void {
  if (beta === 0) c.fill(0, 0, length);
  else if (beta !== 1) for (let i = 0; i < length; i++) c[i] *= beta;
}

/**
 * C += alpha op(A) op(B) by packed blocks, or C = alpha op(A) op(B) with `overwrite` (C's old
 * contents never read: the WebAssembly route then skips copying C in). With `upperOnly` (square C)
 * a row block skips the register blocks left of the diagonal, and the strict upper
 * triangle is then mirrored onto them.
 */
function blockedProduct(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  transposeA: boolean,
  transposeB: boolean,
  alpha: number,
  upperOnly: boolean,
  overwrite: boolean,
): void {
  if (m * n * k >= WASM_MIN_WORK && wasmProduct(a, b, c, m, n, k, transposeA, transposeB, alpha, upperOnly, overwrite)) return;
  if (overwrite) c.fill(0, 0, m * n);
  const paddedN = Math.ceil(n / NR) * NR;
  if (packedB.length < KC * paddedN) packedB = new Float64Array(KC * paddedN);
  for (let p0 = 0; p0 < k; p0 += KC) {
    const depth = Math.min(KC, k - p0);
    packB(b, packedB, transposeB, n, k, p0, depth);
    for (let i0 = 0; i0 < m; i0 += MC) {
      const height = Math.min(MC, m - i0);
      packA(a, packedA, transposeA, m, k, i0, height, p0, depth);
      for (let ir = 0; ir < height; ir += MR) {
        const start = upperOnly ? i0 + ir - ((i0 + ir) % NR) : 0;
        for (let jr = start; jr < n; jr += NR) {
          microKernel(packedA, ir * depth, packedB, jr * depth, depth, c, n, i0 + ir, jr, Math.min(MR, height - ir), Math.min(NR, n - jr), alpha);
        }
      }
    }
  }
  if (upperOnly) mirrorUpper(c, m);
}

/** op(A)[i0.., p0..] into MR-row slivers, each stored depth-major (MR values per depth step), zero padded. */
function packA(a: Float64Array, out: Float64Array, transposeA: boolean, m: number, k: number, i0: number, height: number, p0: number, depth: number): void {
  for (let ir = 0; ir < height; ir += MR) {
    const base = ir * depth;
    for (let ii = 0; ii < MR; ii++) {
      const i = i0 + ir + ii;
      if (ir + ii >= height) {
        for (let p = 0; p < depth; p++) out[base + p * MR + ii] = 0;
      } else if (transposeA) {
        for (let p = 0; p < depth; p++) out[base + p * MR + ii] = a[(p0 + p) * m + i];
      } else {
        const row = i * k + p0;
        for (let p = 0; p < depth; p++) out[base + p * MR + ii] = a[row + p];
      }
    }
  }
}

/** op(B)[p0.., :] into NR-column slivers, each stored depth-major, zero padded. */
function packB(b: Float64Array, out: Float64Array, transposeB: boolean, n: number, k: number, p0: number, depth: number): void {
  for (let jr = 0; jr < n; jr += NR) {
    const base = jr * depth;
    for (let jj = 0; jj < NR; jj++) {
      const j = jr + jj;
      if (j >= n) {
        for (let p = 0; p < depth; p++) out[base + p * NR + jj] = 0;
      } else if (transposeB) {
        const row = j * k + p0;
        for (let p = 0; p < depth; p++) out[base + p * NR + jj] = b[row + p];
      } else {
        for (let p = 0; p < depth; p++) out[base + p * NR + jj] = b[(p0 + p) * n + j];
      }
    }
  }
}

/** C[i.., j..] += alpha (4 x depth sliver)(depth x 4 sliver), writing the rows x columns that exist. */
function microKernel(
  pa: Float64Array,
  offsetA: number,
  pb: Float64Array,
  offsetB: number,
  depth: number,
  c: Float64Array,
  ldc: number,
  i: number,
  j: number,
  rows: number,
  columns: number,
  alpha: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let pA = offsetA;
  let pB = offsetB;
  for (let p = 0; p < depth; p++, pA += MR, pB += NR) {
    const a0 = pa[pA], a1 = pa[pA + 1], a2 = pa[pA + 2], a3 = pa[pA + 3];
    const b0 = pb[pB], b1 = pb[pB + 1], b2 = pb[pB + 2], b3 = pb[pB + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (rows === MR && columns === NR) {
    let o = i * ldc + j;
    c[o] += alpha * c00; c[o + 1] += alpha * c01; c[o + 2] += alpha * c02; c[o + 3] += alpha * c03;
    o += ldc;
    c[o] += alpha * c10; c[o + 1] += alpha * c11; c[o + 2] += alpha * c12; c[o + 3] += alpha * c13;
    o += ldc;
    c[o] += alpha * c20; c[o + 1] += alpha * c21; c[o + 2] += alpha * c22; c[o + 3] += alpha * c23;
    o += ldc;
    c[o] += alpha * c30; c[o + 1] += alpha * c31; c[o + 2] += alpha * c32; c[o + 3] += alpha * c33;
    return;
  }
  const block = edgeBlock;
  block[0] = c00; block[1] = c01; block[2] = c02; block[3] = c03;
  block[4] = c10; block[5] = c11; block[6] = c12; block[7] = c13;
  block[8] = c20; block[9] = c21; block[10] = c22; block[11] = c23;
  block[12] = c30; block[13] = c31; block[14] = c32; block[15] = c33;
  for (let ii = 0; ii < rows; ii++) {
    for (let jj = 0; jj < columns; jj++) c[(i + ii) * ldc + j + jj] += alpha * block[ii * NR + jj];
  }
}
