/**
 * Robustness of @factorflow/verify, driven by core's robustness contract from here. The suites'
 * own methods (runInstance, summarize) are exercised by each suite's tests and by runSuites.
 */
import { FactorflowInputError, FactorflowNumericalError } from '@factorflow/core';
import { type RobustnessSpec, checkRobustness, robustnessCoverage } from '@factorflow/core/testing';
import { InputError } from '@factorflow/harness';
import * as verify from '@factorflow/verify';
import { describe, expect, it } from 'vitest';

const options = { errors: [FactorflowInputError, FactorflowNumericalError, InputError] };
const SUITE = 'corollary-2';

/** A finished run as runSuites returns it, without running one. */
const run = () => ({ suite: verify.suiteByName(SUITE), outcomes: [{ passed: true, metrics: { deviation: 1e-15 } }, { passed: false, metrics: {}, detail: 'seed 7' }], seconds: 0.25 });

const specs: Record<string, RobustnessSpec> = {
  instanceSeed: {
    parameters: ['seed', 'suite', 'index'],
    valid: () => [20251124, 'theorem-3', 3],
    paths: { suite: { freeText: true } },
    check: (value) => expect(Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 32).toBe(true),
  },
  suiteByName: { parameters: ['name'], valid: () => [SUITE], paths: { name: { freeText: true } } },
  runSuites: {
    parameters: ['suites', 'options'],
    valid: () => [[verify.suiteByName(SUITE)], { instances: 1, seed: 1, workers: 1, onProgress: () => undefined }],
    paths: { 'options.instances': { maxWork: 2 }, 'options.workers': { maxWork: 1 } },
    async: true,
    numRuns: 10,
  },
  formatReport: { parameters: ['runs', 'options'], valid: () => [[run()], { seed: 1, instances: 2, workers: 1, wallSeconds: 0.5 }] },
  reportJson: {
    parameters: ['runs', 'options'],
    valid: () => [[run()], { seed: 1, instances: 2 }],
    check: (value) => expect(JSON.parse(JSON.stringify(value))).toEqual(value),
  },
  foundBug: { parameters: ['runs'], valid: () => [[run()]] },
};

describe('robustness of @factorflow/verify', () => {
  it('has a spec for every export', () => {
    expect(robustnessCoverage(verify, specs)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, verify[name as keyof typeof verify] as (...args: never[]) => unknown, spec, options));
  }
});
