import { describe, expect, it } from 'vitest';

import { scaledNorm } from './dense.js';
import { type Kernel, KERNELS, loadOnKernel } from './onKernel.test-support.js';
import { createRandom } from '../random.js';

type QrModule = typeof import('./qr.js');

const EPS = Number.EPSILON;
/** Columns per panel of the blocked structured QR, and where diagonalStackedQrInto starts using it (qr.ts). */
const PANEL = 16;
const THRESHOLD = 32;

/** qr.ts loaded afresh on `kernel` (see onKernel.test-support.ts). */
function loadQr(kernel: Kernel): Promise<QrModule> {
  return loadOnKernel(kernel, () => import('./qr.js'));
}

interface Stacked {
  readonly d: Float64Array;
  readonly lower: Float64Array;
  readonly n: number;
  readonly r: number;
}

/**
 * A closed-form-like stacked matrix: d in (0, 1] over `decades` decades, C Gaussian, column j of both
 * scaled by scale(j), and the columns in `zero` set to 0 (d_j included).
 */
function stackedCase(n: number, r: number, seed: number, scale: (j: number) => number = () => 1, zero: readonly number[] = [], decades = 3): Stacked {
  const random = createRandom(seed);
  const d = Float64Array.from({ length: r }, (_, j) => scale(j) * 10 ** (-decades * random.uniform()));
  const lower = Float64Array.from({ length: n * r }, (_, index) => scale(Math.floor(index / n)) * random.normal());
  for (const j of zero) {
    d[j] = 0;
    lower.fill(0, j * n, (j + 1) * n);
  }
  return { d, lower, n, r };
}

/** ||[d_j e_j; C_j]||, the norm each column's errors are measured against. */
function columnNorm({ d, lower, n }: Stacked, j: number): number {
  const column = new Float64Array(n + 1);
  column[0] = d[j];
  column.set(lower.subarray(j * n, (j + 1) * n), 1);
  return scaledNorm(column, 0, n + 1);
}

/** |error| / ||A_j||, where a zero column must be reproduced exactly (any error counts as infinite). */
function relative(error: number, size: number): number {
  return size === 0 ? (error === 0 ? 0 : Number.POSITIVE_INFINITY) : error / size;
}

interface Factored {
  readonly rFactor: Float64Array;
  readonly tails: Float64Array;
  readonly heads: Float64Array;
}

function factor(qr: QrModule, a: Stacked, panel: number): Factored {
  const tails = a.lower.slice();
  const heads = new Float64Array(a.r).fill(Number.NaN);
  const rFactor = qr.blockedStackedQrInto(a.d, tails, a.n, a.r, new Float64Array(a.r * a.r).fill(Number.NaN), heads, panel);
  return { rFactor, tails, heads };
}

/**
 * max over columns j of ||(Q R)_j - A_j||_inf / ||A_j||, Q R formed from the row-major R and the
 * reflectors v_k = (head on top row k; tail in column k of C), applied in reverse order.
 */
function reconstructionGap(a: Stacked, { rFactor, tails, heads }: Factored): number {
  const { d, lower, n, r } = a;
  const top = new Float64Array(r);
  const bottom = new Float64Array(n);
  let gap = 0;
  for (let j = 0; j < r; j++) {
    top.fill(0);
    bottom.fill(0);
    for (let i = 0; i <= j; i++) top[i] = rFactor[i * r + j];
    for (let k = j; k >= 0; k--) {
      let dot = heads[k] * top[k];
      for (let i = 0; i < n; i++) dot += tails[k * n + i] * bottom[i];
      top[k] -= 2 * dot * heads[k];
      for (let i = 0; i < n; i++) bottom[i] -= 2 * dot * tails[k * n + i];
    }
    const size = columnNorm(a, j);
    for (let i = 0; i < r; i++) gap = Math.max(gap, relative(Math.abs(top[i] - (i === j ? d[j] : 0)), size));
    for (let i = 0; i < n; i++) gap = Math.max(gap, relative(Math.abs(bottom[i] - lower[j * n + i]), size));
  }
  return gap;
}

/** max over columns j of max_i |X_ij - Y_ij| / ||A_j|| (R row-major), and the same for | |X_jj| - |Y_jj| |. */
function rGaps(a: Stacked, x: Float64Array, y: Float64Array): { entries: number; diagonal: number } {
  let entries = 0;
  let diagonal = 0;
  for (let j = 0; j < a.r; j++) {
    const size = columnNorm(a, j);
    for (let i = 0; i <= j; i++) entries = Math.max(entries, relative(Math.abs(x[i * a.r + j] - y[i * a.r + j]), size));
    diagonal = Math.max(diagonal, relative(Math.abs(Math.abs(x[j * a.r + j]) - Math.abs(y[j * a.r + j])), size));
  }
  return { entries, diagonal };
}

/** Blocked and column-by-column factorizations of `a`: both backward stable, and agreeing, to c (n + r) eps columnwise. */
function expectBlockedMatches(qr: QrModule, a: Stacked, label: string): Factored {
  const bound = 8 * (a.n + a.r) * EPS;
  const blocked = factor(qr, a, PANEL);
  const unblocked = factor(qr, a, a.r);
  expect(reconstructionGap(a, blocked), `${label}: blocked ||QR - A||`).toBeLessThanOrEqual(bound);
  expect(reconstructionGap(a, unblocked), `${label}: unblocked ||QR - A||`).toBeLessThanOrEqual(bound);
  const gaps = rGaps(a, blocked.rFactor, unblocked.rFactor);
  expect(gaps.entries, `${label}: R entries`).toBeLessThanOrEqual(2 * bound);
  expect(gaps.diagonal, `${label}: |R_jj|`).toBeLessThanOrEqual(2 * bound);
  for (let j = 0; j < a.r; j++) {
    for (let i = j + 1; i < a.r; i++) expect(blocked.rFactor[i * a.r + j], `${label}: R below the diagonal`).toBe(0);
    expect(Math.abs(Math.hypot(blocked.heads[j], ...blocked.tails.subarray(j * a.n, (j + 1) * a.n)) - (blocked.heads[j] === 0 ? 0 : 1)), `${label}: ||v_${j}||`).toBeLessThanOrEqual(4 * EPS);
  }
  return blocked;
}

describe.each(KERNELS)('blockedStackedQrInto on the %s product kernel', (kernel) => {
  it('dispatches below the threshold to the column-by-column path (same bits) and from it on to panels of 16', async () => {
    const qr = await loadQr(kernel);
    for (const r of [THRESHOLD - 1, THRESHOLD, THRESHOLD + 1]) {
      for (const n of [r, 2 * r + 3]) {
        const a = stackedCase(n, r, 1000 + 7 * r + n);
        const dispatched = qr.diagonalStackedQrInto(a.d, a.lower.slice(), n, r, new Float64Array(r * r));
        const expected = factor(qr, a, r < THRESHOLD ? r : PANEL).rFactor;
        expect(Array.from(dispatched), `r = ${r}, n = ${n}, seed ${1000 + 7 * r + n}`).toEqual(Array.from(expected));
        expectBlockedMatches(qr, a, `r = ${r}, n = ${n}, seed ${1000 + 7 * r + n}`);
      }
    }
  });

  it('matches the column-by-column R to rounding and reproduces A across panel boundaries (r = 15 to 49, n from 1 to 2r)', async () => {
    const qr = await loadQr(kernel);
    for (const r of [15, 16, 17, 47, 48, 49]) {
      for (const n of [1, 3, r, 2 * r]) {
        const seed = 2000 + 100 * r + n;
        expectBlockedMatches(qr, stackedCase(n, r, seed), `r = ${r}, n = ${n}, seed ${seed}`);
      }
    }
  });

  it('leaves zero columns unreflected inside and at the edges of panels (head 0, zero row and column of R)', async () => {
    const qr = await loadQr(kernel);
    const zero = [0, 20, 31, 32, 40];
    for (const n of [5, 60]) {
      const seed = 3000 + n;
      const a = stackedCase(n, 50, seed, () => 1, zero);
      // A column with C_j = 0 but d_j != 0 reflects row j onto itself: R_jj = -d_j.
      a.lower.fill(0, 25 * n, 26 * n);
      const blocked = expectBlockedMatches(qr, a, `zero columns, n = ${n}, seed ${seed}`);
      for (const j of zero) {
        expect(blocked.heads[j], `head ${j}`).toBe(0);
        for (let k = 0; k < a.r; k++) {
          expect(blocked.rFactor[j * a.r + k], `R[${j}][${k}]`).toBe(0);
          expect(blocked.rFactor[k * a.r + j], `R[${k}][${j}]`).toBe(0);
        }
      }
      expect(blocked.rFactor[25 * a.r + 25]).toBe(-a.d[25]);
    }
  });

  it('stays backward stable columnwise on columns scaled from 2^-1000 to 2^996, with d over 300 decades', async () => {
    const qr = await loadQr(kernel);
    const scale = (j: number) => (j === 16 || j === 41 ? 2 ** -1000 : j === 5 || j === 33 || j === 60 ? 2 ** 996 : 2 ** ((j % 7) - 3));
    for (const n of [8, 70]) {
      const seed = 4000 + n;
      const a = stackedCase(n, 70, seed, scale, [], 300);
      const blocked = expectBlockedMatches(qr, a, `scaled, n = ${n}, seed ${seed}`);
      for (const value of blocked.rFactor) expect(Number.isFinite(value)).toBe(true);
    }
  });
});
