import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { blockedQrInto, diagonalStackedQrInto, householderQrInto } from './qr.js';
import { scaledNorm } from './dense.js';
import { createRandom } from '../random.js';
import { PROPERTY_SEED } from '../testing/arbitraries.js';

const EPS = Number.EPSILON;

function gaussian(length: number, seed: number, scale = 1): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => scale * random.normal());
}

/** The former kernel of riccati.ts (R only, dense, column-major), kept as the reference the structured one replaces. */
function formerHouseholderR(a: Float64Array, m: number, c: number): Float64Array {
  const v = new Float64Array(m);
  for (let j = 0; j < c; j++) {
    const column = j * m;
    const norm = scaledNorm(a, column + j, column + m);
    if (norm === 0) continue;
    const beta = a[column + j] >= 0 ? -norm : norm;
    for (let i = j; i < m; i++) v[i] = a[column + i] - (i === j ? beta : 0);
    const vNorm = scaledNorm(v, j, m);
    for (let i = j; i < m; i++) v[i] /= vNorm;
    for (let k = j + 1; k < c; k++) {
      const other = k * m;
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i] * a[other + i];
      for (let i = j; i < m; i++) a[other + i] -= 2 * dot * v[i];
    }
    a[column + j] = beta;
    for (let i = j + 1; i < m; i++) a[column + i] = 0;
  }
  return a;
}

/** The upper triangle of a column-major m x c factorization as a column-major c x c array. */
function upper(a: Float64Array, m: number, c: number): Float64Array {
  const r = new Float64Array(c * c);
  for (let j = 0; j < c; j++) for (let i = 0; i <= j; i++) r[j * c + i] = a[j * m + i];
  return r;
}

/** [diag(d); C] as a dense column-major (r + n) x r matrix. */
function stacked(d: Float64Array, lower: Float64Array, n: number, r: number): Float64Array {
  const m = n + r;
  const a = new Float64Array(m * r);
  for (let j = 0; j < r; j++) {
    a[j * m + j] = d[j];
    for (let i = 0; i < n; i++) a[j * m + r + i] = lower[j * n + i];
  }
  return a;
}

/** max over columns j of |X_j - Y_j| / ||A_j|| : columnwise backward-stable agreement of two R factors. */
function columnwiseGap(x: Float64Array, y: Float64Array, a: Float64Array, m: number, c: number): number {
  let gap = 0;
  for (let j = 0; j < c; j++) {
    const size = scaledNorm(a, j * m, (j + 1) * m);
    for (let i = 0; i <= j; i++) gap = Math.max(gap, Math.abs(x[j * c + i] - y[j * c + i]) / size);
  }
  return gap;
}

/**
 * max over columns j of ||(Q R)_j - A_j||_inf / ||A_j||, with Q R formed column by column from the
 * stored R and reflectors (start from R_j and apply the reflectors in reverse order).
 */
function reconstructionGap(qr: Float64Array, heads: Float64Array, a: Float64Array, m: number, c: number): number {
  const x = new Float64Array(m);
  let gap = 0;
  for (let j = 0; j < c; j++) {
    x.fill(0);
    for (let i = 0; i <= j; i++) x[i] = qr[j * m + i];
    for (let k = j; k >= 0; k--) {
      let dot = heads[k] * x[k];
      for (let i = k + 1; i < m; i++) dot += qr[k * m + i] * x[i];
      x[k] -= 2 * dot * heads[k];
      for (let i = k + 1; i < m; i++) x[i] -= 2 * dot * qr[k * m + i];
    }
    const size = scaledNorm(a, j * m, (j + 1) * m);
    for (let i = 0; i < m; i++) gap = Math.max(gap, Math.abs(x[i] - a[j * m + i]) / size);
  }
  return gap;
}

describe('householderQrInto', () => {
  it('recovers a known R exactly up to row signs: A = Q0 R0 with Q0 of entries +-1/2 (exact) and integer R0', () => {
    // Q0 = diag(H, H) with H the 4 x 4 Hadamard matrix / 2: orthogonal, every entry a double.
    const h = [1, 1, 1, 1, 1, -1, 1, -1, 1, 1, -1, -1, 1, -1, -1, 1];
    const m = 8;
    const q0 = (i: number, k: number) => (Math.floor(i / 4) === Math.floor(k / 4) ? h[(i % 4) * 4 + (k % 4)] / 2 : 0);
    for (const c of [1, 3, 5, 8]) {
      const random = createRandom(c);
      const r0 = new Float64Array(c * c);
      for (let j = 0; j < c; j++) for (let i = 0; i <= j; i++) r0[j * c + i] = (i === j ? 1 : 0) + Math.floor(random.uniform() * 19) - 9 || 7;
      const a = new Float64Array(m * c);
      for (let j = 0; j < c; j++) for (let i = 0; i < m; i++) for (let k = 0; k <= j; k++) a[j * m + i] += q0(i, k) * r0[j * c + k];
      const r = upper(householderQrInto(a.slice(), m, c, new Float64Array(c)), m, c);
      for (let i = 0; i < c; i++) {
        const sign = Math.sign(r[i * c + i]) * Math.sign(r0[i * c + i]);
        for (let j = i; j < c; j++) {
          expect(Math.abs(sign * r[j * c + i] - r0[j * c + i]), `c=${c} R[${i}][${j}]`).toBeLessThanOrEqual(4 * m * EPS * scaledNorm(r0, j * c, (j + 1) * c));
        }
      }
    }
  });

  it('reproduces A from R and the stored reflectors to 8 m eps ||A_j|| per column (seeded Gaussian, tall and square)', () => {
    for (const [m, c, seed] of [[1, 1, 1], [6, 6, 2], [40, 13, 3], [97, 97, 4]]) {
      const a = gaussian(m * c, seed);
      const heads = new Float64Array(c);
      const qr = householderQrInto(a.slice(), m, c, heads);
      expect(reconstructionGap(qr, heads, a, m, c), `m=${m} seed=${seed}`).toBeLessThanOrEqual(8 * m * EPS);
    }
  });
  it('keeps a reflector unit for a subnormal column: the next column keeps its norm (sqrt 3) and its R entries', () => {
    // Column 1 = (3, 4, 0) 2^-1074 (subnormal; R_11 = -5 2^-1074 exactly), column 2 = (1, 1, 1).
    // Q is orthogonal, so ||R_:2|| = ||A_:2|| = sqrt(3), and R_12 = (3 + 4) / 5 up to the sign of R_11.
    const tiny = Number.MIN_VALUE;
    const a = Float64Array.from([3 * tiny, 4 * tiny, 0, 1, 1, 1]);
    const r = householderQrInto(a, 3, 2, new Float64Array(2));
    expect(Math.abs(r[0])).toBe(5 * tiny);
    expect(Math.abs(Math.hypot(r[3], r[4]) - Math.sqrt(3))).toBeLessThanOrEqual(8 * EPS);
    expect(Math.abs(Math.sign(r[0]) * r[3] - 7 / 5)).toBeLessThanOrEqual(8 * EPS);
  });
});

describe('blockedQrInto', () => {
  const panel = 32;
  const c = 130;
  const huge = 2 ** 996;

  it('recovers a known R = R0 D up to row signs across five panels, with columns near 1e300 and a subnormal column heading a panel', () => {
    // A = Q0 R0 D, m = 320, Q0 = diag(H4 / 2 (16 times), H256 / 16) with H Sylvester-Hadamard
    // matrices: orthogonal with entries +-2^-k, so every entry of A is an exact double and the QR of
    // A is Q0 (R0 D) up to the signs of the rows of R. R0 is integer with diagonal +-1024, so well
    // conditioned; D holds powers of 2: columns 32 and 77 near 1e300, column 64 (heading the third
    // panel, the first column of the dense block) subnormal, e_64 R0_64,64 2^-1066. Reflectors 0..63
    // live in rows 0..63, so that column reaches its panel exactly, and its reflector must come out
    // unit (formed from x / max|x|) for the coupling of every later column to it, R_64,k, to be right.
    const m = 320;
    const tiny = 64;
    const hadamard = (size: number, i: number, k: number) => ((popcount(i & k) % 2 === 0 ? 1 : -1) / Math.sqrt(size));
    const q0 = (i: number, k: number) =>
      i < tiny ? (Math.floor(i / 4) === Math.floor(k / 4) ? hadamard(4, i % 4, k % 4) : 0) : k >= tiny ? hadamard(256, i - tiny, k - tiny) : 0;
    const scale = (j: number) => (j === tiny ? 2 ** -1066 : j === 32 || j === 77 ? huge : 2 ** ((j % 7) - 3));
    const random = createRandom(21);
    const rExact = new Float64Array(c * c);
    for (let j = 0; j < c; j++) {
      for (let i = 0; i <= j; i++) {
        if (j === tiny && i < j) continue;
        const entry = i === j ? (random.uniform() < 0.5 ? -1024 : 1024) : Math.floor(random.uniform() * 19) - 9;
        rExact[j * c + i] = entry * scale(j);
      }
    }
    const a = new Float64Array(m * c);
    for (let j = 0; j < c; j++) for (let i = 0; i < m; i++) for (let k = 0; k <= j; k++) a[j * m + i] += q0(i, k) * rExact[j * c + k];
    expect(Math.abs(a[tiny * m + tiny])).toBe(2 ** -1060);
    const heads = new Float64Array(c);
    const qr = blockedQrInto(a.slice(), m, c, heads, panel);
    const r = upper(qr, m, c);
    expect(Math.abs(r[tiny * c + tiny])).toBe(2 ** -1056);
    for (let j = 0; j < c; j++) {
      const size = scaledNorm(rExact, j * c, (j + 1) * c);
      for (let i = 0; i <= j; i++) {
        const sign = Math.sign(r[i * c + i]) * Math.sign(rExact[i * c + i]);
        expect(Math.abs(sign * r[j * c + i] - rExact[j * c + i]), `R[${i}][${j}]`).toBeLessThanOrEqual(4 * m * EPS * size);
      }
    }
    for (let j = 0; j < c; j++) expect(Math.abs(Math.hypot(heads[j], ...qr.subarray(j * m + j + 1, (j + 1) * m)) - 1), `||v_${j}||`).toBeLessThanOrEqual(4 * EPS);
  });

  it('agrees with the column-by-column factorization and reproduces A, on Gaussian columns scaled from 2^-1000 to 2^996 (m = 300)', () => {
    const m = 300;
    const a = gaussian(m * c, 2021);
    const scale = (j: number) => (j === 64 ? 2 ** -1000 : j === 32 || j === 77 ? huge : 2 ** ((j % 7) - 3));
    for (let j = 0; j < c; j++) for (let i = 0; i < m; i++) a[j * m + i] *= scale(j);
    const blockedHeads = new Float64Array(c);
    const blocked = blockedQrInto(a.slice(), m, c, blockedHeads, panel);
    // A panel as wide as A is the column-by-column factorization alone.
    const unblocked = blockedQrInto(a.slice(), m, c, new Float64Array(c), c);
    // Both are backward stable columnwise (Higham, Theorem 19.4).
    expect(columnwiseGap(upper(blocked, m, c), upper(unblocked, m, c), a, m, c)).toBeLessThanOrEqual(16 * m * EPS);
    expect(reconstructionGap(blocked, blockedHeads, a, m, c)).toBeLessThanOrEqual(8 * m * EPS);
    // householderQrInto dispatches a matrix this wide to the blocked code.
    const dispatchedHeads = new Float64Array(c);
    const dispatched = householderQrInto(a.slice(), m, c, dispatchedHeads);
    expect(reconstructionGap(dispatched, dispatchedHeads, a, m, c)).toBeLessThanOrEqual(8 * m * EPS);
  });
});

/** Number of set bits, for the entries (-1)^popcount(i & k) of a Sylvester-Hadamard matrix. */
function popcount(x: number): number {
  let count = 0;
  for (let y = x; y !== 0; y &= y - 1) count++;
  return count;
}

describe('diagonalStackedQrInto', () => {
  it('gives R of an exactly known case: [diag(3, 5); diag(4, 12)] has R = diag(-5, -13)', () => {
    const rFactor = diagonalStackedQrInto(Float64Array.of(3, 5), Float64Array.of(4, 0, 0, 12), 2, 2, new Float64Array(4));
    expect(Array.from(rFactor)).toEqual([-5, 0, 0, -13]);
    // [diag(1, 1); [[0, 1], [0, 0]]]: R = [[-1, 0], [0, -sqrt 2]], with R_01 = 0 in its row-major place.
    const coupled = diagonalStackedQrInto(Float64Array.of(1, 1), Float64Array.of(0, 0, 1, 0), 2, 2, new Float64Array(4));
    expect(Array.from(coupled)).toEqual([-1, 0, 0, -Math.SQRT2]);
    // [diag(3, 1); [[4, 4], [0, 0]]]: R_00 = -5, R_01 = -(4 * 4) / 5 = -3.2, R_11 = -sqrt(1 + 16 - 10.24) = -2.6 (rounded).
    const upperEntry = diagonalStackedQrInto(Float64Array.of(3, 1), Float64Array.of(4, 0, 4, 0), 2, 2, new Float64Array(4));
    expect(upperEntry[0]).toBe(-5);
    expect(upperEntry[1]).toBeCloseTo(-3.2, 14);
    expect(upperEntry[2]).toBe(0);
    expect(Math.abs(upperEntry[3])).toBeCloseTo(2.6, 14);
  });

  it('agrees with the former dense kernel and the dense QR on the same stacked matrix, over 300 decades of scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -300, max: 0 }),
        fc.integer({ min: -100, max: 150 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (n, r, diagonalDecade, lowerDecade, seed) => {
          // As in the closed form: 0 < D^{-1} <= 1 (down to underflow) and C up to sqrt(2t) ||L||.
          const random = createRandom(seed);
          const d = Float64Array.from({ length: r }, () => 10 ** (diagonalDecade * random.uniform()));
          const lower = gaussian(n * r, seed + 1, 10 ** lowerDecade);
          const m = n + r;
          const dense = stacked(d, lower, n, r);
          // Row-major R, transposed to the column-major layout of the other two.
          const rowMajor = diagonalStackedQrInto(d, lower.slice(), n, r, new Float64Array(r * r));
          const structured = rowMajor.map((_, index) => rowMajor[(index % r) * r + Math.floor(index / r)]);
          const former = upper(formerHouseholderR(dense.slice(), m, r), m, r);
          const general = upper(householderQrInto(dense.slice(), m, r, new Float64Array(r)), m, r);
          // Each is backward stable columnwise (Higham, Theorem 19.4): within a small multiple of m eps ||A_j||.
          expect(columnwiseGap(structured, former, dense, m, r)).toBeLessThanOrEqual(16 * m * EPS);
          expect(columnwiseGap(structured, general, dense, m, r)).toBeLessThanOrEqual(16 * m * EPS);
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});
