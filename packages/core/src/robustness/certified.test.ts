/**
 * Robustness of the certified windows (theorems/certified): certifyWindow, certifiedWindows and
 * certifiedAlphaMax driven with malformed and extreme arguments. Besides the contract (a result or
 * a typed error naming the argument, never a silent NaN), every result is checked for what a
 * certificate promises: certified pieces cover the interval in order, their bounds are <= epsilon,
 * and certified windows lie inside the measured ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import * as theorems from '../theorems/index.js';
import * as certify from '../theorems/certified/certifyWindow.js';
import * as windows from '../theorems/certified/certifiedWindows.js';
import * as alphaMax from '../theorems/certified/certifiedAlphaMax.js';
import { type RobustnessSpec, checkRobustness, exportsDefinedBy, robustnessCoverage } from '../testing/index.js';

const Y2 = () => [
  [10, 0],
  [0, 8],
];
const U0 = () => [
  [1e-4, 2e-5],
  [1e-5, 1e-4],
];

function expectCertificate(result: unknown): void {
  const certificate = result as theorems.WindowCertificate;
  if (!certificate.certified) {
    expect(certificate.reason).not.toBeNull();
    return;
  }
  expect(certificate.reason).toBeNull();
  expect(certificate.bound).toBeLessThanOrEqual(certificate.epsilon);
  let at = certificate.interval.start;
  for (const piece of certificate.pieces) {
    expect(piece.start).toBe(at);
    expect(piece.upperBound).toBeLessThanOrEqual(certificate.epsilon);
    at = piece.end;
  }
  expect(at).toBe(certificate.interval.end);
}

function expectWindows(result: unknown): void {
  const { perRank } = result as theorems.CertifiedWindows;
  for (const rank of perRank) {
    expect(rank.coverage).toBeGreaterThanOrEqual(0);
    expect(rank.coverage).toBeLessThanOrEqual(1);
    for (const w of rank.certified) expect(rank.measured.some((m) => m.start <= w.start && w.end <= m.end)).toBe(true);
  }
}

/** Rescaled problems: Y by 4^e, U0 by 2^e (the same flow at time 4^-e t); the interval scales with it. */
const rescaled = fc.integer({ min: -200, max: 200 }).map((exponent) => ({
  Y: Y2().map((row) => row.map((x) => x * 4 ** exponent)),
  U0: U0().map((row) => row.map((x) => x * 2 ** exponent)),
  scale: 4 ** -exponent,
}));

const specs: Record<string, RobustnessSpec> = {
  certifyWindow: {
    parameters: ['Y', 'init', 'epsilon', 'k', 'interval', 'options'],
    valid: () => [Y2(), { U0: U0() }, 0.5, 1, { start: 1.2, end: 1.4 }, { maxEvaluations: 200 }],
    paths: { 'options.maxEvaluations': { maxWork: 1e4 } },
    infinite: ['interval.end', 'pieces[].end'],
    check: expectCertificate,
    cases: rescaled.map(({ Y, U0: start, scale }) => [Y, { U0: start }, 0.5 * scale ** -1, 1, { start: 1.2 * scale, end: 1.4 * scale }, { maxEvaluations: 200 }]),
    numRuns: 20,
  },
  certifiedWindows: {
    parameters: ['Y', 'init', 'epsilon', 'options'],
    valid: () => [Y2(), { U0: U0() }, 0.5, { measured: { gridSize: 64 }, maxEvaluations: 200 }],
    paths: { 'options.maxEvaluations': { maxWork: 1e4 }, 'options.measured.gridSize': { maxWork: 4096 } },
    infinite: ['perRank[].measured[].end', 'perRank[].certified[].end'],
    check: expectWindows,
    numRuns: 10,
  },
  certifiedAlphaMax: {
    parameters: ['Y', 'U0bar', 'epsilon', 'options'],
    valid: () => [Y2(), [[1, 0.2], [0.1, 1]], 0.5, { relativeTolerance: 0.5 }],
    check: (result) => {
      const found = result as theorems.CertifiedAlphaMax;
      if (found.alpha !== null && found.measuredAlphaMax !== null) expect(found.alpha).toBeLessThanOrEqual(found.measuredAlphaMax * (1 + found.relativeTolerance));
      for (const step of found.steps) expect(step.alpha).toBeGreaterThan(0);
    },
    numRuns: 5,
  },
};

describe('robustness of the certified windows', () => {
  it('has a spec for every export', () => {
    expect(robustnessCoverage(exportsDefinedBy(theorems, certify, windows, alphaMax), specs)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, theorems[name as keyof typeof theorems] as (...args: never[]) => unknown, spec), 120_000);
  }
});
