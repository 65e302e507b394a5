import { describe, expect, it } from 'vitest';

import { udvLowRankSuite, udvNetworkSuite } from './udv.js';

describe('the U D V^T suites', () => {
  it('udv-low-rank compares exact and approximate rank of udv and Burer-Monteiro on each instance', () => {
    const outcomes = [0, 1].map((index) => udvLowRankSuite.runInstance(7, index));
    for (const outcome of outcomes) {
      expect(outcome.passed).toBe(outcome.metrics.udvExact === 1);
      for (const name of ['udvExact', 'udvApproximate', 'udvZeros', 'bmExact', 'bmApproximate']) expect([0, 1]).toContain(outcome.metrics[name]);
      expect(outcome.metrics.udvLoss).toBeLessThan(1);
      if (!outcome.passed) expect(outcome.detail).toMatch(/^seed \d+: n=\d+, r=\d, /);
    }
    const summary = udvLowRankSuite.summarize(outcomes);
    expect(summary.findings[0]).toMatch(/exactly rank r\* \d\/2/);
    expect(udvLowRankSuite.failureIsBug).toBe(false);
  });

  it('udv-network reports active units and the cost of pruning both networks', () => {
    const outcome = udvNetworkSuite.runInstance(7, 0);
    expect(outcome.metrics.activeUnits).toBeGreaterThanOrEqual(1);
    expect(outcome.metrics.activeUnits).toBeLessThanOrEqual(outcome.metrics.width);
    expect(outcome.metrics.constrainedPruningCost).toBeGreaterThan(0);
    expect(udvNetworkSuite.summarize([outcome]).findings[1]).toMatch(/pruning to rank\(teacher\)/);
  });
});
