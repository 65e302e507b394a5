import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../errors.js';
import { spectralInit } from '../flow/initialization.js';
import { prepareTarget } from '../linalg/spectral.js';
import { type IncrementalLearningReport, incrementalLearningReport } from './incrementalLearning.js';
import { theorem3Plan } from './theorem3.js';
import { EXAMPLE_U0, EXAMPLE_Y } from '../testing/fixtures.js';

const Y = EXAMPLE_Y;
const U0 = EXAMPLE_U0;
const epsilon = 0.5;
const atAlphaMax = incrementalLearningReport({ Y, U0bar: U0, epsilon });

/** Every path in a JSON value whose value is null, as `a.b[2].c`. */
function nullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nullPaths(item, path === '' ? key : `${path}.${key}`));
  return [];
}

/** Round-trips through JSON and checks nothing was lost (no Infinity, NaN, typed array or undefined). */
function expectJsonSafe(report: IncrementalLearningReport): void {
  const text = JSON.stringify(report);
  expect(JSON.parse(text)).toEqual(report);
  expect(text).not.toMatch(/Infinity|NaN/);
}

function expectMeasuredContainsEveryInterval(report: IncrementalLearningReport, theorem: 'theorem3' | 'theorem4'): void {
  expect(report.ranks.length).toBeGreaterThan(0);
  for (const rank of report.ranks) {
    const check = rank[theorem];
    expect(check, `k = ${rank.k}`).not.toBeNull();
    if (check === null) continue;
    expect(check.interval.nonEmpty).toBe(true);
    expect(check.contained, `k = ${rank.k}: I_k inside a measured window`).toBe(true);
    // Independently of the `contained` flag: some measured window covers I_k.
    const { start, end } = check.interval;
    const covering = rank.measured.filter((w) => w.start <= start && (w.end === null || (end !== null && end <= w.end)));
    expect(covering.length, `k = ${rank.k}`).toBeGreaterThan(0);
    if (check.lengthRatio !== null) expect(check.lengthRatio).toBeGreaterThanOrEqual(1);
  }
}

describe('incrementalLearningReport on the example files', () => {
  it('plans Theorem 4 at alpha_max with the hypotheses named', () => {
    const { theorem4 } = atAlphaMax;
    expect(atAlphaMax.n).toBe(5);
    expect(atAlphaMax.r).toBe(5);
    expect(theorem4.sigmaY.map((s) => Number(s.toFixed(10)))).toEqual([10, 8, 6, 4, 2]);
    expect(theorem4.separationRatio).toBeCloseTo(0.8, 12);
    // M = max(sigma_max(U0)^2, 1 / sigma_min(U0)^2) for the example shape (singular values 1.1978..., 0.6264...).
    expect(theorem4.M).toBeCloseTo(1 / 0.6264095190920316 ** 2, 10);
    expect(theorem4.alphaMax).not.toBeNull();
    expect(theorem4.alpha).toBe(theorem4.alphaMax);
    expect(Math.log(theorem4.alphaMax ?? 0)).toBeCloseTo(theorem4.logAlphaMax ?? 0, 10);
    expect(theorem4.hypotheses.map((h) => h.name)).toEqual(['distinct-singular-values', 'init-invertible', 'alpha-small', 'alpha-separation']);
    // The separation condition binds, so alpha_max is a supremum and one I_k is a single point.
    expect(theorem4.alphaMaxAttained).toBe(false);
    expect(theorem4.intervals.filter((i) => i.end === i.start)).toHaveLength(1);
    expect(theorem4.intervals.map((i) => i.k)).toEqual([1, 2, 3, 4, 5]);
    expect(theorem4.intervals[4].end).toBeNull();
  });

  it('finds that the generic example shape is not a spectral initialization', () => {
    expect(atAlphaMax.theorem3.applicable).toBe(false);
    expect(atAlphaMax.theorem3.commutator).toBeGreaterThan(1e-3);
    expect(atAlphaMax.theorem3.plan).toBeNull();
    expect(atAlphaMax.theorem3.reason).toContain('not a spectral initialization');
    expect(atAlphaMax.ranks.every((rank) => rank.theorem3 === null)).toBe(true);
  });

  it('measures at alpha_max and every measured window contains the guaranteed I_k', () => {
    expect(atAlphaMax.measured?.alpha).toBe(atAlphaMax.theorem4.alphaMax);
    expect(atAlphaMax.measured?.alphaSource).toBe('theorem-4-alpha-max');
    expect(atAlphaMax.notMeasured).toBeNull();
    expect(atAlphaMax.ranks.map((rank) => rank.k)).toEqual([1, 2, 3, 4, 5]);
    expectMeasuredContainsEveryInterval(atAlphaMax, 'theorem4');
    // Ranks are learned in order: the windows start later for larger k.
    const starts = atAlphaMax.ranks.map((rank) => rank.measured[0].start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(atAlphaMax.ranks[4].measured.at(-1)?.end).toBeNull();
  });

  it('measures at a given alpha, where every hypothesis holds strictly', () => {
    const alpha = (atAlphaMax.theorem4.alphaMax ?? 0) / 100;
    const report = incrementalLearningReport({ Y, U0bar: U0, epsilon, alpha });
    expect(report.theorem4.hypothesesHold).toBe(true);
    // Core recomputes alpha as exp(ln alpha): equal up to rounding; the measurement uses the given value exactly.
    expect((report.theorem4.alpha ?? 0) / alpha).toBeCloseTo(1, 12);
    expect(report.measured?.alpha).toBe(alpha);
    expect(report.measured?.alphaSource).toBe('given');
    expectMeasuredContainsEveryInterval(report, 'theorem4');
    for (const rank of report.ranks.slice(0, 4)) {
      expect(rank.theorem4?.lengthRatio).toBeGreaterThan(1);
      expect(rank.theorem4?.lengthRatio).toBeCloseTo((rank.measuredLength ?? 0) / (rank.theorem4?.length ?? 1), 12);
    }
    // A smaller scale delays learning: every measured window starts later than at alpha_max.
    report.ranks.forEach((rank, i) => expect(rank.measured[0].start).toBeGreaterThan(atAlphaMax.ranks[i].measured[0].start));
  });

  it('is JSON-safe, with null only at documented places', () => {
    expectJsonSafe(atAlphaMax);
    const point = atAlphaMax.theorem4.intervals.find((i) => i.end === i.start)?.k;
    const K = 5;
    const last = (k: number): number => atAlphaMax.ranks[k - 1].measured.length - 1;
    const expected = [
      // Unbounded ends (+infinity) for k = K, and what they make undefined.
      `theorem4.intervals[${K - 1}].end`,
      `measured.perRank[${K - 1}].windows[${last(K)}].end`,
      `ranks[${K - 1}].measured[${last(K)}].end`,
      `ranks[${K - 1}].measuredLength`,
      `ranks[${K - 1}].theorem4.interval.end`,
      `ranks[${K - 1}].theorem4.length`,
      `ranks[${K - 1}].theorem4.lengthRatio`,
      // The single-point I_k at the unattained alpha_max: no ratio of lengths.
      `ranks[${(point ?? 0) - 1}].theorem4.lengthRatio`,
      // Objects absent because Theorem 3 does not apply, and the absent "why not measured".
      'theorem3.plan',
      'notMeasured',
      ...atAlphaMax.ranks.map((_, i) => `ranks[${i}].theorem3`),
      // A generic start determines W(t) for every t: no time limit, no warning.
      'measured.conditioning.reliableUntil',
      'measured.conditioning.warning',
    ];
    expect(nullPaths(JSON.parse(JSON.stringify(atAlphaMax))).sort()).toEqual(expected.sort());
  });
});

describe('incrementalLearningReport with a spectral initialization', () => {
  const sigma0 = [1, 0.5, 2, 1.5, 0.8];
  const spectral = spectralInit(Y, sigma0, 1).to2DArray();
  const report = incrementalLearningReport({ Y, U0bar: spectral, epsilon });

  it('recognizes it, recovers sigma_{i,0} and plans Theorem 3 at the same alpha as Theorem 4', () => {
    expect(report.theorem3.applicable).toBe(true);
    expect(report.theorem3.commutator).toBeLessThan(1e-13);
    report.theorem3.sigma0.forEach((value, i) => expect(value).toBeCloseTo(sigma0[i], 12));
    const plan = report.theorem3.plan;
    expect(plan).not.toBeNull();
    expect(plan?.alpha).toBe(report.theorem4.alpha);
    const direct = theorem3Plan({ sigmaY: [10, 8, 6, 4, 2], sigma0, epsilon, alpha: report.theorem4.alpha ?? 1 });
    expect(plan?.cEpsilon).toBeCloseTo(direct.cEpsilon ?? 0, 12);
    plan?.intervals.forEach((interval, i) => expect(interval.start).toBeCloseTo(direct.intervals[i].start, 9));
  });

  it('checks both theorems against the measured windows', () => {
    expectMeasuredContainsEveryInterval(report, 'theorem4');
    expectMeasuredContainsEveryInterval(report, 'theorem3');
    expectJsonSafe(report);
  });

  it('falls back to Theorem 3 alpha_max when Theorem 4 has none (rank-deficient spectral start, Y with a zero eigenvalue)', () => {
    const target = [
      [3, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ];
    const start = [
      [1, 0],
      [0, 0.5],
      [0, 0],
    ];
    const deficient = incrementalLearningReport({ Y: target, U0bar: start, epsilon: 0.25 });
    expect(deficient.theorem4.alphaMax).toBeNull();
    expect(deficient.theorem4.hypotheses.find((h) => h.name === 'init-invertible')?.holds).toBe(false);
    expect(deficient.theorem3.applicable).toBe(true);
    expect(deficient.theorem3.sigma0.map((s) => Number(s.toFixed(12)))).toEqual([1, 0.25, 0]);
    expect(deficient.measured?.alphaSource).toBe('theorem-3-alpha-max');
    expect(deficient.measured?.alpha).toBe(deficient.theorem3.plan?.alphaMax);
    expect(deficient.ranks).toHaveLength(2);
    expect(deficient.ranks.every((rank) => rank.theorem4 === null)).toBe(true);
    expectMeasuredContainsEveryInterval(deficient, 'theorem3');
    expectJsonSafe(deficient);
  });
});

describe('incrementalLearningReport when the hypotheses fail', () => {
  const narrow = U0.map((row) => row.slice(0, 3));

  it('reports the failing hypothesis and says why nothing is measured', () => {
    const report = incrementalLearningReport({ Y, U0bar: narrow, epsilon });
    expect(report.r).toBe(3);
    expect(report.theorem4.alphaMax).toBeNull();
    expect(report.theorem4.M).toBeNull();
    expect(report.theorem4.hypotheses.find((h) => h.name === 'init-invertible')?.holds).toBe(false);
    expect(report.measured).toBeNull();
    expect(report.ranks).toEqual([]);
    expect(report.notMeasured).toContain('init-invertible');
    expect(report.notMeasured).toContain('--alpha');
    expectJsonSafe(report);
  });

  it('still measures the windows at a given alpha', () => {
    const report = incrementalLearningReport({ Y, U0bar: narrow, epsilon, alpha: 1e-20 });
    expect(report.measured?.alpha).toBe(1e-20);
    expect(report.ranks).toHaveLength(5);
    expect(report.ranks.every((rank) => rank.theorem4 === null)).toBe(true);
    // Rank 3 shape: W(t) has rank <= 3, so Y_hat_4 and Y_hat_5 are never within 0.5 (sigma_4 = 4 is missing).
    expect(report.ranks[3].measured).toEqual([]);
    expect(report.ranks[4].measured).toEqual([]);
    // Ranks 1-3 are still learned one at a time, the last for good.
    for (const k of [1, 2, 3]) expect(report.ranks[k - 1].measured.length, `k = ${k}`).toBeGreaterThan(0);
    expect(report.ranks[2].measured.at(-1)?.end).toBeNull();
    expectJsonSafe(report);
  });
});

describe('incrementalLearningReport input errors', () => {
  it('rejects an epsilon outside the range of Theorem 4', () => {
    expect(() => incrementalLearningReport({ Y, U0bar: U0, epsilon: 1.5 })).toThrowError(FactorflowInputError);
    expect(() => incrementalLearningReport({ Y, U0bar: U0, epsilon: 1.5 })).toThrowError(/epsilon: the theorem needs 0 < epsilon <= min\(sigma_\{K,Y\}, 1\)/);
  });

  it('rejects a shape with the wrong number of rows and a non-positive alpha', () => {
    expect(() => incrementalLearningReport({ Y, U0bar: U0.slice(0, 4), epsilon })).toThrowError(/U0bar: has 4 rows but Y is 5 x 5/);
    expect(() => incrementalLearningReport({ Y, U0bar: U0, epsilon, alpha: 0 })).toThrowError(/alpha: the initialization scale must be a finite number > 0/);
  });
});

describe('incrementalLearningReport on a prepared target', () => {
  it('gives the report of the matrix itself', () => {
    expect(incrementalLearningReport({ Y: prepareTarget(Y), U0bar: U0, epsilon })).toEqual(atAlphaMax);
  });
});

describe('incrementalLearningReport on a start that rounding leaves undetermined', () => {
  it('carries the conditioning warning of the measured windows (the CLI prints it)', () => {
    // Y = Q diag(2, 1) Q^T and U0bar = Q diag(1e-20, 1): the component along lambda = 2 is below the
    // rounding error of the change of basis, so the windows after its possible saturation are undetermined.
    const c = Math.SQRT1_2;
    const Q = [
      [c, -c],
      [c, c],
    ];
    const Yrotated = [
      [1.5, 0.5],
      [0.5, 1.5],
    ];
    const shape = Q.map((row) => [row[0] * 1e-20, row[1]]);
    const report = incrementalLearningReport({ Y: Yrotated, U0bar: shape, epsilon: 0.5, alpha: 1e-6 });
    expect(report.measured?.conditioning.droppedDirections.map((direction) => direction.index)).toEqual([0]);
    expect(report.measured?.conditioning.warning).toMatch(/lambda = 2\.000/);
    expect(atAlphaMax.measured?.conditioning.warning).toBeNull();
  });
});
