/**
 * Householder reduction of a symmetric matrix to tridiagonal form, A = Q T Q^T, and the product of
 * its reflectors Q with T's eigenvectors (Golub & Van Loan, Matrix Computations, 4th ed.,
 * Algorithm 8.3.1 and Section 5.1.6).
 * Shared by the eigenvalues-only path (tridiagonal.ts) and the decomposition with vectors
 * (eigenpairs.ts).
 *
 * Only the lower triangle is read and updated: the symmetric product A v and the rank-2 update
 * B - v w^T - w v^T each touch half the block, and both walk rows of the row-major array, so every
 * inner loop is contiguous.
 */

import { compactWYFactorInto } from './compactWY.js';
import { gramInto, productInto } from './product.js';
import { symmetricBlock } from './symmetricProduct.js';

/** Column tails below this (on a matrix scaled to max |entry| = 1) are dropped rather than reflected: see `reflect`. */
const DROPPED_TAIL = 1e-150;

/** T = Q^T A Q: the diagonal, the couplings and, when kept, the reflectors whose product is Q. */
export interface Tridiagonal {
  readonly diagonal: Float64Array;
  /** offDiagonal[i] couples i and i + 1; the last entry is 0 (the layout `implicitQl` takes). */
  readonly offDiagonal: Float64Array;
  /** Row k holds reflector k's vector v in columns k + 1 .. n - 1 (H_k = I - tau_k v v^T); null when not kept. */
  readonly reflectors: Float64Array | null;
  /** tau_k = 2 / v^T v, or 0 where column k needed no reflection (H_k = I). */
  readonly taus: Float64Array;
}

/**
 * Reduces the symmetric n x n matrix in `work` (row-major, lower triangle read, scaled so that
 * max |entry| is about 1, overwritten) to tridiagonal form. Backward stable: T is the exact
 * reduction of a matrix within a small multiple of n eps ||A|| of A.
 *
 * While the trailing block has at least `blockedFrom` rows, columns are reduced in panels whose
 * update is a matrix product (`reducePanels`); the rest one column at a time, each step's rank-2
 * update B - v w^T - w v^T held back and applied in the same pass over the trailing lower triangle
 * that forms the next step's B v (`fusedPass`): one load and one store of each entry per step
 * instead of two passes (measured 2x faster than the two-pass form at n = 200 and n = 500).
 *
 * @param work - row-major n x n entries; its lower triangle is destroyed.
 * @param n - the order.
 * @param keepReflectors - whether to keep the reflectors for {@link applyReflectors}.
 * @param blockedFrom - trailing orders from which columns are reduced in panels (`reducePanels`);
 *   tests lower it to cross several panels at small n, or raise it to Infinity for the unblocked code.
 */
export function tridiagonalize(work: Float64Array, n: number, keepReflectors: boolean, blockedFrom = BLOCKED_FROM): Tridiagonal {
  const tridiagonal: Tridiagonal = {
    diagonal: new Float64Array(n),
    offDiagonal: new Float64Array(n),
    reflectors: keepReflectors ? new Float64Array(n * n) : null,
    taus: new Float64Array(n),
  };
  // A panel needs two columns after it, which the unblocked code finishes.
  const from = Math.max(blockedFrom, PANEL + 2);
  const start = n >= from ? reducePanels(work, n, from, tridiagonal) : 0;
  reduceUnblocked(work, n, start, tridiagonal);
  return tridiagonal;
}

/** Columns start .. n - 3 of `tridiagonalize`, one reflector at a time, each rank-2 update fused into the next pass. */
function reduceUnblocked(work: Float64Array, n: number, start: number, tridiagonal: Tridiagonal): void {
  const { diagonal, offDiagonal, reflectors, taus } = tridiagonal;
  // The current reflector (v, w) and the held-back update (heldV, heldW), indexed by row of A.
  let v = new Float64Array(n);
  let w = new Float64Array(n);
  let heldV = new Float64Array(n);
  let heldW = new Float64Array(n);
  let held = false;
  for (let k = start; k < n - 2; k++) {
    if (held) {
      for (let i = k; i < n; i++) work[i * n + k] -= heldV[i] * heldW[k] + heldW[i] * heldV[k];
    }
    diagonal[k] = work[k * n + k];
    const tau = reflector(work, n, k, offDiagonal, v);
    taus[k] = tau;
    if (tau === 0) {
      if (held) applyUpdate(work, n, k + 1, heldV, heldW);
      held = false;
      continue;
    }
    fusedPass(work, n, k + 1, held ? heldV : null, heldW, v, w);
    completeW(v, w, tau, k + 1, n);
    if (reflectors !== null) reflectors.set(v.subarray(k + 1, n), k * n + k + 1);
    [v, heldV] = [heldV, v];
    [w, heldW] = [heldW, w];
    held = true;
  }
  if (held) applyUpdate(work, n, Math.max(start, n - 2), heldV, heldW);
  for (let k = Math.max(start, n - 2); k < n; k++) diagonal[k] = work[k * n + k];
  if (n >= 2) offDiagonal[n - 2] = work[(n - 1) * n + n - 2];
}

/** w[from..] = tau B v - (tau^2 v^T B v / 2) v from w = B v, so that H B H = B - v w^T - w v^T. */
function completeW(v: Float64Array, w: Float64Array, tau: number, from: number, n: number): void {
  let vw = 0;
  for (let i = from; i < n; i++) {
    w[i] *= tau;
    vw += v[i] * w[i];
  }
  const half = (vw * tau) / 2;
  for (let i = from; i < n; i++) w[i] -= half * v[i];
}

/**
 * Columns per panel (LAPACK's nb); the trailing update's product has twice this depth. Measured with
 * nb = 8, 16, 24, 32 at n = 200 and 500: 16 was the fastest at both.
 */
const PANEL = 16;
/**
 * Trailing orders from which columns are reduced in panels; smaller matrices and the last trailing
 * block are finished unblocked. With the panels' B v in WebAssembly (symmetricProduct.ts), measured
 * from 128, 96, 64 and 48 rows: 96 ran 1.15x faster than 128 at n = 128, 1.06x at 200, and as fast
 * at 500; 64 and 48 were no faster, and slower at n = 80.
 */
const BLOCKED_FROM = 96;
/** Rows of the trailing update per product: bounds the wasted upper part of each diagonal block and the scratch. */
const UPDATE_ROWS = 64;

/**
 * Reduces panels of PANEL columns as LAPACK dsytrd and dlatrd do (Golub & Van Loan, Section 8.3.1,
 * blocked form): within a panel the trailing matrix is only read (B v against the panel's starting
 * matrix, corrected by the reflectors already taken, V W^T + W V^T applied to v), and the panel's
 * update B - V W^T - W V^T is applied to the trailing matrix once, as matrix products (productInto),
 * so half of the 4/3 n^3 flops run in the register-tiled kernel instead of as rank-2 updates that
 * load and store every entry per column; the other half, the products B v, run in WebAssembly SIMD on
 * one copy of the trailing block per panel (symmetricProduct.ts: 1.3x faster at n = 200, 1.8x at 500,
 * for the whole reduction). Each column is updated just before its reflector is formed,
 * so the reflectors, and their scaling by the column's largest entry, are those of the unblocked code
 * up to rounding. Returns the first column left for `reduceUnblocked`.
 */
function reducePanels(work: Float64Array, n: number, blockedFrom: number, tridiagonal: Tridiagonal): number {
  const { diagonal, offDiagonal, reflectors, taus } = tridiagonal;
  // The panel's reflectors by column, indexed by row of A: V(:, s) at s n, W(:, s) at (PANEL + s) n,
  // so that every correction below is a dot product or an axpy along a contiguous column.
  const columns = new Float64Array(2 * PANEL * n);
  const pairs = new Float64Array(n * 2 * PANEL);
  const swapped = new Float64Array(n * 2 * PANEL);
  const update = new Float64Array(UPDATE_ROWS * n);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  const correction = new Float64Array(n);
  let p = 0;
  for (; n - p >= blockedFrom; p += PANEL) {
    columns.fill(0);
    // correction[c..] holds column c of V W^T + W V^T over the panel's reflectors before c, formed in the previous step's pass.
    correction.fill(0);
    // The trailing block is only read within the panel (its columns before c are never read again).
    const block = symmetricBlock(work, n, p + 1);
    for (let t = 0; t < PANEL; t++) {
      const c = p + t;
      for (let i = c; i < n; i++) work[i * n + c] -= correction[i];
      diagonal[c] = work[c * n + c];
      const tau = reflector(work, n, c, offDiagonal, v);
      taus[c] = tau;
      if (tau === 0) {
        columnCorrection(columns, n, t, c + 1, correction);
        continue;
      }
      block.product(c + 1, v, w);
      const next = c + 1;
      panelCorrection(columns, n, t, next, v, w, correction);
      completeW(v, w, tau, next, n);
      const wNext = w[next];
      const vNext = v[next];
      for (let i = next; i < n; i++) correction[i] += v[i] * wNext + w[i] * vNext;
      columns.set(v.subarray(next, n), t * n + next);
      columns.set(w.subarray(next, n), (PANEL + t) * n + next);
      if (reflectors !== null) reflectors.set(v.subarray(next, n), c * n + next);
    }
    trailingUpdate(work, n, p + PANEL, columns, pairs, swapped, update);
  }
  return p;
}

/**
 * w[from..] -= V (W^T v) + W (V^T v) over the panel's first t reflectors (by column in `columns`), and
 * in the same passes correction[from..] = column `from` of V W^T + W V^T, the next column's update.
 * Two reflectors per pass, so that the four dot products are independent chains and w and
 * correction are loaded and stored half as often (the tridiagonalization measured 1.08x faster at n = 200 and 500 than with one at a time).
 */
function panelCorrection(columns: Float64Array, n: number, t: number, from: number, v: Float64Array, w: Float64Array, correction: Float64Array): void {
  correction.fill(0, from, n);
  let s = 0;
  for (; s + 1 < t; s += 2) {
    const v0 = s * n;
    const v1 = v0 + n;
    const w0 = (PANEL + s) * n;
    const w1 = w0 + n;
    let wv0 = 0, vv0 = 0, wv1 = 0, vv1 = 0;
    for (let i = from; i < n; i++) {
      const x = v[i];
      wv0 += columns[w0 + i] * x;
      vv0 += columns[v0 + i] * x;
      wv1 += columns[w1 + i] * x;
      vv1 += columns[v1 + i] * x;
    }
    const wNext0 = columns[w0 + from];
    const vNext0 = columns[v0 + from];
    const wNext1 = columns[w1 + from];
    const vNext1 = columns[v1 + from];
    for (let i = from; i < n; i++) {
      const a0 = columns[v0 + i];
      const b0 = columns[w0 + i];
      const a1 = columns[v1 + i];
      const b1 = columns[w1 + i];
      w[i] -= a0 * wv0 + b0 * vv0 + (a1 * wv1 + b1 * vv1);
      correction[i] += a0 * wNext0 + b0 * vNext0 + (a1 * wNext1 + b1 * vNext1);
    }
  }
  if (s < t) {
    const vs = s * n;
    const ws = (PANEL + s) * n;
    let wv = 0;
    let vv = 0;
    for (let i = from; i < n; i++) {
      wv += columns[ws + i] * v[i];
      vv += columns[vs + i] * v[i];
    }
    const wNext = columns[ws + from];
    const vNext = columns[vs + from];
    for (let i = from; i < n; i++) {
      const vi = columns[vs + i];
      const wi = columns[ws + i];
      w[i] -= vi * wv + wi * vv;
      correction[i] += vi * wNext + wi * vNext;
    }
  }
}

/** correction[from..] = column `from` of V W^T + W V^T over the panel's first t reflectors (stored by column in `columns`). */
function columnCorrection(columns: Float64Array, n: number, t: number, from: number, correction: Float64Array): void {
  correction.fill(0, from, n);
  for (let s = 0; s < t; s++) {
    const vs = s * n;
    const ws = (PANEL + s) * n;
    const wFrom = columns[ws + from];
    const vFrom = columns[vs + from];
    for (let i = from; i < n; i++) correction[i] += columns[vs + i] * wFrom + columns[ws + i] * vFrom;
  }
}

/**
 * work[from.., from..] -= V W^T + W V^T on the lower triangle, for the panel's reflectors by column in
 * `columns`: rows [V(i, :) W(i, :)] and [W(i, :) V(i, :)] are laid out in `pairs` and `swapped`, and
 * each block of rows is one product [V W] [W V]^T over the columns up to its diagonal.
 */
function trailingUpdate(work: Float64Array, n: number, from: number, columns: Float64Array, pairs: Float64Array, swapped: Float64Array, update: Float64Array): void {
  const size = n - from;
  const stride = 2 * PANEL;
  for (let r = 0; r < size; r++) {
    const row = r * stride;
    for (let s = 0; s < PANEL; s++) {
      const vs = columns[s * n + from + r];
      const ws = columns[(PANEL + s) * n + from + r];
      pairs[row + s] = vs;
      pairs[row + PANEL + s] = ws;
      swapped[row + s] = ws;
      swapped[row + PANEL + s] = vs;
    }
  }
  for (let first = 0; first < size; first += UPDATE_ROWS) {
    const end = Math.min(size, first + UPDATE_ROWS);
    productInto(pairs.subarray(first * stride, end * stride), swapped.subarray(0, end * stride), update, end - first, end, stride, { transposeB: true });
    for (let r = first; r < end; r++) {
      const row = (from + r) * n + from;
      const block = (r - first) * end;
      for (let j = 0; j <= r; j++) work[row + j] -= update[block + j];
    }
  }
}

/**
 * The reflector H = I - tau v v^T that annihilates column k below the subdiagonal (v in
 * v[k + 1 .. n - 1]); stores the coupling in offDiagonal[k] and returns tau, or 0 when the column
 * is left as it is.
 */
function reflector(work: Float64Array, n: number, k: number, offDiagonal: Float64Array, v: Float64Array): number {
  const head = work[(k + 1) * n + k];
  let tailRest = 0;
  for (let i = k + 2; i < n; i++) tailRest = Math.max(tailRest, Math.abs(work[i * n + k]));
  // Already tridiagonal in this column, or a tail so small (< 1e-150 ||A||) that dropping it moves
  // the spectrum and the eigenvectors' residual far less than rounding does, while reflecting it
  // would divide by its square.
  if (tailRest <= DROPPED_TAIL) {
    offDiagonal[k] = head;
    return 0;
  }
  const tailMax = Math.max(tailRest, Math.abs(head));
  // Scaled by the largest entry, so that squares neither overflow nor underflow (as LAPACK's dnrm2).
  let squaredNorm = 0;
  for (let i = k + 1; i < n; i++) {
    const x = work[i * n + k] / tailMax;
    v[i] = x;
    squaredNorm += x * x;
  }
  // alpha = -sign(x_0) ||x||: adding, never subtracting, |x_0| avoids cancellation in v_0.
  const norm = Math.sqrt(squaredNorm);
  const alpha = head >= 0 ? -norm : norm;
  v[k + 1] -= alpha;
  offDiagonal[k] = alpha * tailMax;
  // v^T v = 2 ||x|| (||x|| + |x_0|) >= 2, as x is scaled to max |x_i| = 1.
  return 1 / (norm * (norm + Math.abs(head / tailMax)));
}

/**
 * One pass over the lower triangle of the trailing block B = work[from.., from..]: B -= heldV heldW^T +
 * heldW heldV^T (when `heldV` is given), then out = B v with the updated entries. Rows go in pairs,
 * so that each heldV[j], heldW[j], v[j] and out[j] loaded serves two entries.
 */
function fusedPass(work: Float64Array, n: number, from: number, heldV: Float64Array | null, heldW: Float64Array, v: Float64Array, out: Float64Array): void {
  out.fill(0, from, n);
  const hV = heldV ?? heldW.fill(0, from, n);
  let i = from;
  for (; i + 1 < n; i += 2) {
    const upper = i * n;
    const lower = upper + n;
    const v0 = v[i];
    const v1 = v[i + 1];
    const hv0 = hV[i];
    const hw0 = heldW[i];
    const hv1 = hV[i + 1];
    const hw1 = heldW[i + 1];
    let sum0 = 0;
    let sum1 = 0;
    for (let j = from; j < i; j++) {
      const hvj = hV[j];
      const hwj = heldW[j];
      const vj = v[j];
      const e0 = work[upper + j] - (hv0 * hwj + hw0 * hvj);
      const e1 = work[lower + j] - (hv1 * hwj + hw1 * hvj);
      work[upper + j] = e0;
      work[lower + j] = e1;
      sum0 += e0 * vj;
      sum1 += e1 * vj;
      out[j] += e0 * v0 + e1 * v1;
    }
    const d0 = work[upper + i] - (hv0 * hw0 + hw0 * hv0);
    const e10 = work[lower + i] - (hv1 * hw0 + hw1 * hv0);
    const d1 = work[lower + i + 1] - (hv1 * hw1 + hw1 * hv1);
    work[upper + i] = d0;
    work[lower + i] = e10;
    work[lower + i + 1] = d1;
    out[i] += sum0 + d0 * v0 + e10 * v1;
    out[i + 1] += sum1 + e10 * v0 + d1 * v1;
  }
  if (i < n) {
    const row = i * n;
    const vi = v[i];
    const hv = hV[i];
    const hw = heldW[i];
    let sum = 0;
    for (let j = from; j < i; j++) {
      const entry = work[row + j] - (hv * heldW[j] + hw * hV[j]);
      work[row + j] = entry;
      sum += entry * v[j];
      out[j] += entry * vi;
    }
    const diagonalEntry = work[row + i] - (hv * hw + hw * hv);
    work[row + i] = diagonalEntry;
    out[i] += sum + diagonalEntry * vi;
  }
}

/** work[from.., from..] -= v w^T + w v^T on the lower triangle. */
function applyUpdate(work: Float64Array, n: number, from: number, v: Float64Array, w: Float64Array): void {
  for (let i = from; i < n; i++) {
    const row = i * n;
    const vi = v[i];
    const wi = w[i];
    for (let j = from; j <= i; j++) work[row + j] -= vi * w[j] + wi * v[j];
  }
}

/**
 * Reflectors per block of {@link applyReflectors}: enough depth for the product's register tiles, little
 * extra work in T. Measured with T from a Gram product: 48 and 64 ran 1.15x and 1.3x slower than 32 at n = 200.
 */
const BLOCK = 32;
/** Orders below which {@link applyReflectors} applies the reflectors one at a time. */
const SMALL = 48;

/**
 * target <- Q target for Q = H_0 H_1 ... H_{n-3} of {@link tridiagonalize} and a row-major target with
 * n rows and n columns (LAPACK dormtr): turns the eigenvectors of T into those of A = Q T Q^T, the
 * eigenbasis Phi of Min & Vidal (2025), Proposition 1.
 * Backward accumulation in blocks: H_k0 ... H_k1 = I - V T V^T (the compact WY form, Schreiber &
 * Van Loan 1989; Golub & Van Loan Section 5.1.7) is applied to rows k0 + 1 .. n - 1, which are
 * contiguous, as matrix products (productInto): V T once, then rows -= (V T) (V^T rows), so nearly all
 * of the 2 n^3 flops run in the register-tiled kernel rather than as rank-1 updates (V T, rows x
 * block, measured 1.05x faster at n = 200 and 500 than T (V^T rows), block x n). Applied to T's eigenvectors directly, this
 * costs less than forming Q (4/3 n^3) and then multiplying (2 n^3).
 */
export function applyReflectors(tridiagonal: Tridiagonal, n: number, target: Float64Array): void {
  const { reflectors, taus } = tridiagonal;
  if (reflectors === null) throw new Error('applyReflectors: the reflectors were not kept (an internal error; please report it)');
  const count = Math.max(0, n - 2);
  // Below this order the products' packing costs more than it saves (measured: 10 us at n = 5).
  if (n < SMALL) {
    const w = new Float64Array(n);
    for (let k = count - 1; k >= 0; k--) applyReflector(target, n, reflectors, taus[k], k, w);
    return;
  }
  const basis = new Float64Array(BLOCK * n);
  const triangle = new Float64Array(BLOCK * BLOCK);
  const gram = new Float64Array(BLOCK * BLOCK);
  const projected = new Float64Array(BLOCK * n);
  const scaled = new Float64Array(BLOCK * n);
  for (let end = count; end > 0; end -= BLOCK) {
    const first = Math.max(0, end - BLOCK);
    const width = end - first;
    const from = first + 1;
    const size = n - from;
    // V^T (width x size): reflector first + b in row b, zero left of its own start.
    for (let b = 0; b < width; b++) basis.set(reflectors.subarray((first + b) * n + from, (first + b + 1) * n), b * size);
    // T of the block (dlarft) from V^T V, one Gram product rather than width^2 / 2 dot products.
    gramInto(basis, width, size, 'rows', gram);
    compactWYFactorInto(gram, width, taus, first, triangle);
    const rows = target.subarray(from * n, n * n);
    // rows -= (V T) (V^T rows): V T is size x width, cheaper than T (V^T rows), width x n.
    productInto(basis, triangle, scaled, size, width, width, { transposeA: true });
    productInto(basis, rows, projected, width, n, size);
    productInto(scaled, projected, rows, size, n, width, { alpha: -1, beta: 1 });
  }
}

/** Rows k + 1 .. n - 1 of target <- H_k times them: w^T = v^T rows, then rows -= tau v w^T, along rows. */
function applyReflector(target: Float64Array, n: number, reflectors: Float64Array, tau: number, k: number, w: Float64Array): void {
  if (tau === 0) return;
  const from = k + 1;
  const base = k * n;
  w.fill(0);
  for (let i = from; i < n; i++) {
    const vi = reflectors[base + i];
    const row = i * n;
    for (let j = 0; j < n; j++) w[j] += vi * target[row + j];
  }
  for (let i = from; i < n; i++) {
    const scaled = tau * reflectors[base + i];
    const row = i * n;
    for (let j = 0; j < n; j++) target[row + j] -= scaled * w[j];
  }
}

