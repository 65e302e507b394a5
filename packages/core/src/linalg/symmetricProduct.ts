/**
 * The symmetric matrix-vector product B v (BLAS dsymv, lower triangle read) behind the panels of
 * the tridiagonalization (householder.ts, Golub & Van Loan, Matrix Computations, 4th ed.,
 * Section 8.3.1): half of its 4/3 n^3 flops.
 *
 * Two kernels with one order of operations, so they give the same bits: `symmetricProductJs` on the
 * row-major array itself, and product.wat's `symmetricProduct` in f64x2 SIMD on a copy of the block
 * in the module's memory. A panel reads the same trailing block for all of its columns, so the copy
 * (half the block) is made once per panel and serves PANEL products.
 */
import { wasmWorkspace } from './productWasm.js';

/** Trailing orders from which the block is copied into WebAssembly memory. */
const WASM_FROM = 32;

/** A symmetric block B = work[start.., start..] (lower triangle) for repeated products B(from.., from..) v. */
export interface SymmetricBlock {
  /**
   * out[from..n) = B(from.., from..) v[from..n) for start <= from <= n. Reads only entries of
   * work[from.., from..], which must not change after the block is taken (the WebAssembly kernel
   * reads its copy, the JS kernel the array itself); columns left of `from` may. `v` and `out` must
   * be distinct arrays: the JS kernel zeroes `out` before it reads `v`.
   */
  product(from: number, v: Float64Array, out: Float64Array): void;
}

/**
 * The block work[start.., start..] of the row-major n x n `work`: in WebAssembly memory when
 * WebAssembly SIMD is available and the block has at least WASM_FROM rows, else read in place.
 * The WebAssembly copy lasts until the next matrix product (productInto shares the memory).
 */
export function symmetricBlock(work: Float64Array, n: number, start: number): SymmetricBlock {
  const m = n - start;
  const workspace = m >= WASM_FROM ? wasmWorkspace(8 * (m * m + 2 * m)) : null;
  if (workspace === null) return { product: (from, v, out) => symmetricProductJs(work, n, from, v, out) };
  const { heap, symmetricProduct } = workspace;
  for (let r = 0; r < m; r++) {
    const row = (start + r) * n + start;
    heap.set(work.subarray(row, row + r + 1), r * m);
  }
  const vAt = m * m;
  const outAt = vAt + m;
  return {
    product(from, v, out) {
      const offset = from - start;
      heap.set(v.subarray(from, n), vAt);
      symmetricProduct(8 * offset * (m + 1), m, n - from, 8 * vAt, 8 * outAt);
      out.set(heap.subarray(outAt, outAt + n - from), from);
    },
  };
}

/**
 * out[from..] = B v for the symmetric block B = work[from.., from..] (lower triangle read), in the
 * order of product.wat's `symmetricProduct`: rows four at a time, so that each v[j] and out[j]
 * loaded serves four entries; each row's sum over the columns left of its block of four kept in
 * two parts, even and odd columns (the wasm kernel's two lanes), added at the end; then the 4 x 4
 * diagonal block; the last (n - from) mod 4 rows one at a time.
 */
export function symmetricProductJs(work: Float64Array, n: number, from: number, v: Float64Array, out: Float64Array): void {
  out.fill(0, from, n);
  let i = from;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const v0 = v[i];
    const v1 = v[i + 1];
    const v2 = v[i + 2];
    const v3 = v[i + 3];
    let even0 = 0, even1 = 0, even2 = 0, even3 = 0;
    let odd0 = 0, odd1 = 0, odd2 = 0, odd3 = 0;
    // i - from is a multiple of 4, so the columns from .. i - 1 come in pairs.
    for (let j = from; j < i; j += 2) {
      const a = v[j];
      const b = v[j + 1];
      const e0 = work[r0 + j], f0 = work[r0 + j + 1];
      const e1 = work[r1 + j], f1 = work[r1 + j + 1];
      const e2 = work[r2 + j], f2 = work[r2 + j + 1];
      const e3 = work[r3 + j], f3 = work[r3 + j + 1];
      even0 += e0 * a; odd0 += f0 * b;
      even1 += e1 * a; odd1 += f1 * b;
      even2 += e2 * a; odd2 += f2 * b;
      even3 += e3 * a; odd3 += f3 * b;
      out[j] += e0 * v0 + e1 * v1 + (e2 * v2 + e3 * v3);
      out[j + 1] += f0 * v0 + f1 * v1 + (f2 * v2 + f3 * v3);
    }
    // The 4 x 4 diagonal block, from its lower triangle.
    for (let a = 0; a < 4; a++) {
      const row = r0 + a * n;
      let sum = a === 0 ? even0 + odd0 : a === 1 ? even1 + odd1 : a === 2 ? even2 + odd2 : even3 + odd3;
      for (let b = 0; b < 4; b++) sum += (b <= a ? work[row + i + b] : work[(i + b) * n + i + a]) * v[i + b];
      out[i + a] += sum;
    }
  }
  for (; i < n; i++) {
    const row = i * n;
    const vi = v[i];
    let sum = 0;
    for (let j = from; j < i; j++) {
      sum += work[row + j] * v[j];
      out[j] += work[row + j] * vi;
    }
    out[i] += sum + work[row + i] * vi;
  }
}
