import { describe, expect, it } from 'vitest';

import { foundBug, formatReport } from './report.js';
import { runInstanceSafely, type SuiteRun } from './runner.js';
import { instanceSeed, type Suite } from './suite.js';

/** An exploratory suite (failures are findings) whose instance 1 throws. */
const flaky: Suite = {
  name: 'flaky',
  package: '@factorflow/core',
  claim: 'a suite for testing the runner',
  failureIsBug: false,
  instanceCount: (requested) => requested,
  runInstance(_seed, index) {
    if (index === 1) throw new TypeError("Cannot read properties of undefined (reading '0')");
    return { passed: true, metrics: { value: index } };
  },
  summarize: () => ({ metric: 0, metricName: 'none', findings: [] }),
};

describe('runInstanceSafely', () => {
  it('passes outcomes through and turns a throw into a crashed failure naming the seed', () => {
    expect(runInstanceSafely(flaky, 7, 0)).toEqual({ passed: true, metrics: { value: 0 } });
    const crashed = runInstanceSafely(flaky, 7, 1);
    expect(crashed.passed).toBe(false);
    expect(crashed.crashed).toBe(true);
    expect(crashed.detail).toContain(`seed ${instanceSeed(7, 'flaky', 1)} (instance 1): crashed: Cannot read properties`);
  });

  it('makes a crash a bug even in an exploratory suite, printed as CRASHED', () => {
    const run: SuiteRun = { suite: flaky, outcomes: [0, 1, 2].map((index) => runInstanceSafely(flaky, 7, index)), seconds: 0 };
    expect(foundBug([run])).toBe(true);
    const text = formatReport([run], { seed: 7, instances: 3, workers: 1, wallSeconds: 0 });
    expect(text).toMatch(/CRASHED: seed \d+ \(instance 1\)/);
    expect(text.trim().split('\n').at(-1)).toBe('suites: 0 passed, 1 failed');
    // The table's 'passed' column is explained, and the exploratory suite named as such.
    expect(text).toContain("passed: instances on which the suite's claim held.");
    expect(text).toMatch(/Exploratory \(a shortfall is a finding about the paper, not a failure\): flaky\./);
    const healthy: SuiteRun = { ...run, outcomes: [run.outcomes[0], run.outcomes[2]] };
    expect(foundBug([healthy])).toBe(false);
  });
});
