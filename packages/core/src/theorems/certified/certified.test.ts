import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../../errors.js';
import { bestRankK, spectralNorm } from '../../linalg/spectral.js';
import { riccatiClosedForm } from '../../flow/riccati.js';
import { certifiedWindows } from './certifiedWindows.js';
import { certifyWindow } from './certifyWindow.js';

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
