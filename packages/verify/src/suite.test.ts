import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { generate, shrink } from './property.js';
import { instanceSeed, median } from './suite.js';
import { allSuites } from './suites/index.js';

describe('instance seeding and generation', () => {
  it('gives distinct, reproducible seeds per (seed, suite, index)', () => {
    const seeds = new Set<number>();
    for (const suite of ['a', 'b']) for (let index = 0; index < 500; index++) seeds.add(instanceSeed(7, suite, index));
    expect(seeds.size).toBe(1000);
    expect(instanceSeed(7, 'a', 3)).toBe(instanceSeed(7, 'a', 3));
    expect(instanceSeed(7, 'a', 3)).not.toBe(instanceSeed(8, 'a', 3));
  });

  it('shrinks from the very instance it generates: the failing value is found at the first run', () => {
    const arbitrary = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 });
    for (let seed = 0; seed < 50; seed++) {
      const value = generate(arbitrary, seed);
      const holds = (candidate: number[]) => candidate.length !== value.length || candidate[0] !== value[0];
      const counterexample = shrink(arbitrary, holds, seed);
      expect(counterexample, `seed ${seed}`).not.toBeNull();
      expect(JSON.parse(counterexample!)).toHaveLength(value.length);
    }
  });

  it('returns null when nothing fails', () => {
    expect(shrink(fc.integer(), () => true, 1)).toBeNull();
  });

  it('computes medians of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('every suite', () => {
  for (const suite of allSuites) {
    it(`${suite.name}: is deterministic and passes on a few instances`, () => {
      const count = Math.min(suite.instanceCount(4), 4);
      const first = Array.from({ length: count }, (_, index) => suite.runInstance(99, index));
      const again = Array.from({ length: count }, (_, index) => suite.runInstance(99, index));
      expect(again).toEqual(first);
      if (suite.failureIsBug) expect(first.every((outcome) => outcome.passed), JSON.stringify(first)).toBe(true);
      const summary = suite.summarize(first.filter((outcome) => !outcome.skipped));
      expect(summary.findings.length).toBeGreaterThan(0);
    });
  }
});
