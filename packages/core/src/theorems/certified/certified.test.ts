import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../../errors.js';
import { bestRankK, spectralNorm } from '../../linalg/spectral.js';
import { randomOrthogonal, symmetricWithSpectrum } from '../../linalg/orthogonal.js';
import { gaussianInit } from '../../random.js';
import { riccatiClosedForm } from '../../flow/riccati.js';
import { certifiedAlphaMax } from './certifiedAlphaMax.js';
import { certifiedWindows } from './certifiedWindows.js';
import { certifyWindow } from './certifyWindow.js';
import { distanceBounds } from './enclosure.js';
import { certificationProblem } from './problem.js';

const Y = [
  [10, 0],
  [0, 2],
];
const U0 = [
  [1e-4, 2e-5],
  [1e-5, 1e-4],
];

describe('certifyWindow', () => {
  it('reports a proved violation before the window, with a lower bound the flow does exceed there', () => {
    const certificate = certifyWindow(Y, { U0 }, 0.5, 1, { start: 0, end: 0.5 });
    expect(certificate.certified).toBe(false);
    expect(certificate.reason?.kind).toBe('violated');
    if (certificate.reason?.kind !== 'violated') return;
    const { at, lowerBound } = certificate.reason;
    expect(lowerBound).toBeGreaterThan(0.5);
    const distance = spectralNorm(riccatiClosedForm(Y, { U0 }, at).sub(bestRankK(Y, 1)));
    expect(distance).toBeGreaterThanOrEqual(lowerBound * (1 - 1e-12));
  });

  it('answers unproved at once where the claim is within rounding of epsilon (epsilon = sigma_2, k = 1, t large)', () => {
    // ||W(t) - Y_hat_1||_2 -> sigma_2 = 2 from below, at rate e^{-4t}: at t = 20 it is 2 to ~1e-35,
    // true but not provable in doubles; the old bisection spent its whole budget here.
    const certificate = certifyWindow(Y, { U0 }, 2, 1, { start: 20, end: 21 });
    expect(certificate.certified).toBe(false);
    expect(certificate.reason?.kind).toBe('unproved');
    expect(certificate.reason?.kind === 'unproved' && certificate.reason.detail).toMatch(/within rounding of epsilon/);
    expect(certificate.evaluations).toBeLessThan(5);
    const distance = spectralNorm(riccatiClosedForm(Y, { U0 }, 20).sub(bestRankK(Y, 1)));
    expect(Math.abs(distance - 2)).toBeLessThan(1e-14);
  });

  it('names the argument of bad input', () => {
    const cases: [() => unknown, string][] = [
      [() => certifyWindow(Y, { U0 }, 0.5, 1, { start: 2, end: 1 }), 'interval.end'],
      [() => certifyWindow(Y, { U0 }, 0.5, 1, { start: -1, end: 1 }), 'interval.start'],
      [() => certifyWindow(Y, { U0 }, 0.5, 3, { start: 1, end: 2 }), 'k'],
      [() => certifyWindow(Y, { U0 }, 0, 1, { start: 1, end: 2 }), 'epsilon'],
      [() => certifyWindow(Y, { U0 }, 0.5, 1, { start: 1, end: 2 }, { maxEvaluations: 0 }), 'options.maxEvaluations'],
    ];
    for (const [call, argument] of cases) {
      expect(call).toThrow(FactorflowInputError);
      try {
        call();
      } catch (error) {
        expect((error as FactorflowInputError).argument).toBe(argument);
      }
    }
  });
});

describe('certifiedWindows', () => {
  it('gives the same certified windows from W0 as from its factor U0', () => {
    const W0 = [
      [1e-8 + 4e-10, 1e-9 + 2e-9],
      [1e-9 + 2e-9, 1e-10 + 1e-8],
    ];
    const fromU0 = certifiedWindows(Y, { U0 }, 0.5);
    const fromW0 = certifiedWindows(Y, { W0 }, 0.5);
    for (const [a, b] of fromU0.perRank.map((rank, i) => [rank, fromW0.perRank[i]] as const)) {
      expect(b.certified.length).toBe(a.certified.length);
      b.certified.forEach((w, i) => {
        expect(w.start).toBeCloseTo(a.certified[i].start, 3);
        expect(b.coverage).toBeGreaterThan(0.999);
      });
    }
  });
});

describe('the weak case: k = K with epsilon = sigma_K (Y = diag(10, 2), epsilon = 2, k = 2)', () => {
  // ||W(t) - Y||_2 = 2 - w_22(t) for a long stretch after mode 1 is learned, w_22 ~ alpha e^{4t}: within
  // ~1e-7 of epsilon, far less than W moves in a resolution-long piece while mode 1 is still settling.
  const U0 = [
    [1e-4, 2e-5],
    [1e-5, 1e-4],
  ];

  it('gives that stretch up at a bounded cost and certifies the window from where the margin allows, inside epsilon', () => {
    const result = certifiedWindows(Y, { U0 }, 2);
    const rank = result.perRank[1];
    expect(rank.measured).toHaveLength(1);
    expect(rank.coverage).toBeGreaterThan(0.9);
    expect(rank.stopped).toBeNull();
    expect(result.evaluations).toBeLessThan(1000);
    const { start } = rank.certified[0];
    for (let i = 0; i <= 200; i++) {
      const t = start + i * 0.05;
      expect(spectralNorm(riccatiClosedForm(Y, { U0 }, t).sub(bestRankK(Y, 2)))).toBeLessThanOrEqual(2);
    }
  });

  it('says where a budget too small for a window ran out', () => {
    const rank = certifiedWindows(Y, { U0 }, 2, { maxEvaluations: 20 }).perRank[1];
    expect(rank.stopped).toMatch(/^the budget of 20 evaluations per window ran out at t = [\d.]+: the rest of the window/);
  });
});

describe('distanceBounds', () => {
  it('gives the same bounds from a reused anchor as from a fresh one, and ignores an anchor at another time', () => {
    const { model } = certificationProblem(Y, { U0 });
    if (model === null) throw new Error('diagonal Y must give a model');
    for (const [a, b] of [
      [1.5, 2.5],
      [2, 2.25],
      [3, 4.5],
    ]) {
      const parent = distanceBounds(model, 1, a, b, { wantLower: true });
      const half = 0.5 * a + 0.5 * b;
      const fresh = distanceBounds(model, 1, a, half, { wantLower: true });
      const reused = distanceBounds(model, 1, a, half, { wantLower: true, anchor: parent.anchor });
      expect(reused.upper).toBe(fresh.upper);
      expect(reused.lower).toBe(fresh.lower);
      expect(reused.anchor).toBe(parent.anchor);
      // An anchor at a different time must not be used for the right half.
      const right = distanceBounds(model, 1, half, b, { anchor: parent.anchor });
      expect(right.upper).toBe(distanceBounds(model, 1, half, b).upper);
      expect(right.anchor?.t).toBe(half);
    }
  });
});

describe('rank-deficient start', () => {
  it('certifies a U0 whose third row is exactly the sum of the first two, with the closed form inside epsilon', () => {
    const Y3 = [
      [10, 0, 0],
      [0, 5, 0],
      [0, 0, 2],
    ];
    const s = 2 ** -12;
    const deficient = [
      [3 * s, s, -2 * s],
      [s, 2 * s, s],
      [4 * s, 3 * s, -s],
    ];
    const result = certifiedWindows(Y3, { U0: deficient }, 0.5);
    expect(result.method).not.toMatch(/not certified/);
    for (const rank of result.perRank.slice(0, 2)) {
      expect(rank.measured.length).toBe(1);
      expect(rank.coverage).toBeGreaterThan(0.999);
      for (const window of rank.certified) {
        const end = Number.isFinite(window.end) ? window.end : window.start + 20;
        for (let i = 0; i <= 100; i++) {
          const t = window.start + ((end - window.start) * i) / 100;
          expect(spectralNorm(riccatiClosedForm(Y3, { U0: deficient }, t).sub(bestRankK(Y3, rank.k)))).toBeLessThanOrEqual(0.5);
        }
      }
    }
    // W0 has rank 2: the third mode is never learned, so no window of rank 3.
    expect(result.perRank[2].measured).toEqual([]);
  });
});

describe('rotated Y (a verified eigenbasis)', () => {
  const Q = randomOrthogonal(3, 31);
  const rotated = symmetricWithSpectrum(Q, [10, 5, 2]);
  const U0r = gaussianInit(3, 3, 1e-8, 32);

  it('certifies from U0 and from W0 = U0 U0^T alike, with the closed form of the stored Y inside epsilon', () => {
    const fromU0 = certifiedWindows(rotated, { U0: U0r }, 0.5);
    const fromW0 = certifiedWindows(rotated, { W0: U0r.mmul(U0r.transpose()) }, 0.5);
    expect(fromU0.method).toMatch(/verified eigenbasis/);
    for (const [a, b] of fromU0.perRank.map((rank, i) => [rank, fromW0.perRank[i]] as const)) {
      expect(a.measured.length).toBe(1);
      expect(a.coverage).toBeGreaterThan(0.99);
      expect(b.coverage).toBeGreaterThan(0.99);
      expect(b.certified[0].start).toBeCloseTo(a.certified[0].start, 3);
      for (const window of a.certified) {
        const end = Number.isFinite(window.end) ? window.end : window.start + 20;
        for (let i = 0; i <= 50; i++) {
          const t = window.start + ((end - window.start) * i) / 50;
          expect(spectralNorm(riccatiClosedForm(rotated, { U0: U0r }, t).sub(bestRankK(rotated, a.k)))).toBeLessThanOrEqual(0.5);
        }
      }
    }
  });

  it('answers unproved, never certified, when a repeated eigenvalue leaves the eigenbasis unresolved', () => {
    const repeated = symmetricWithSpectrum(Q, [10, 5, 5]);
    const result = certifiedWindows(repeated, { U0: U0r }, 0.5);
    expect(result.method).toMatch(/^not certified: Y's eigenbasis could not be verified: eigenvalues 2 and 3/);
    expect(result.perRank.every((rank) => rank.certified.length === 0)).toBe(true);
    const certificate = certifyWindow(repeated, { U0: U0r }, 0.5, 1, { start: 2, end: 3 });
    expect(certificate.certified).toBe(false);
    expect(certificate.reason?.kind).toBe('unproved');
  });

  it('certifies a U0 whose columns are exactly dependent through its exact column factor, with the closed form inside epsilon', () => {
    const s = 2 ** -14;
    // Third column = first + second, exactly in doubles: W0 = C (I + X^T X) C^T with C the first two columns.
    const deficient = [
      [3 * s, s, 4 * s],
      [s, 2 * s, 3 * s],
      [-2 * s, s, -s],
    ];
    const result = certifiedWindows(rotated, { U0: deficient }, 0.5);
    expect(result.method).toMatch(/verified eigenbasis/);
    for (const rank of result.perRank.slice(0, 2)) {
      expect(rank.measured).toHaveLength(1);
      expect(rank.coverage).toBeGreaterThan(0.99);
      for (const window of rank.certified) {
        const end = Number.isFinite(window.end) ? window.end : window.start + 20;
        for (let i = 0; i <= 50; i++) {
          const t = window.start + ((end - window.start) * i) / 50;
          expect(spectralNorm(riccatiClosedForm(rotated, { U0: deficient }, t).sub(bestRankK(rotated, rank.k)))).toBeLessThanOrEqual(0.5);
        }
      }
    }
    // W0 has rank 2: the third mode is never learned.
    expect(result.perRank[2].measured).toEqual([]);
  });

  it('answers unproved when the columns are dependent numerically but not exactly', () => {
    const s = 2 ** -14;
    const nearly = [
      [3 * s, s, 4 * s * (1 + 2 ** -40)],
      [s, 2 * s, 3 * s],
      [-2 * s, s, -s],
    ];
    const certificate = certifyWindow(rotated, { U0: nearly }, 0.5, 1, { start: 1, end: 2 });
    expect(certificate.certified).toBe(false);
    expect(certificate.reason?.kind === 'unproved' && certificate.reason.detail).toMatch(/numerical rank 2 < min\(n, r\) = 3 but its stored columns are not exactly of that rank/);
  });

  it('certifiedAlphaMax: a certified alpha within 10x of the measured one, and every window certified there', () => {
    const two = symmetricWithSpectrum(randomOrthogonal(2, 33), [10, 2]);
    const U0bar = [
      [1, 0.2],
      [0.1, 1],
    ];
    const found = certifiedAlphaMax(two, U0bar, 0.5, { relativeTolerance: 0.05 });
    expect(found.unproved).toBeNull();
    if (found.alpha === null || found.measuredAlphaMax === null) throw new Error('alpha must be found');
    expect(found.alpha).toBeLessThanOrEqual(found.measuredAlphaMax * 1.05);
    expect(found.alpha).toBeGreaterThan(found.measuredAlphaMax / 10);
    const U0 = U0bar.map((row) => row.map((value) => value * Math.sqrt(found.alpha as number)));
    expect(certifiedWindows(two, { U0 }, 0.5).perRank.every((rank) => rank.certified.length > 0)).toBe(true);
  });
});
