import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { type Initialization, closedFormTrajectory, spectralNorm } from '@factorflow/core';

import { type InstanceOutcome, type Suite, median, metricValues } from '../suite.js';

interface ReferenceCase {
  readonly name: string;
  readonly Y: number[][];
  readonly init: Initialization;
  readonly times: number[];
  readonly W: number[][][];
}

/** Core's fixture: the literal eq. (5) in 400-19,400 digit mpmath arithmetic (packages/core/scripts). */
const FIXTURE = new URL('../../../core/fixtures/closed-form-reference.json', import.meta.url);

let cached: ReferenceCase[] | null = null;
function cases(): ReferenceCase[] {
  if (cached === null) {
    const path = fileURLToPath(FIXTURE);
    cached = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { cases: ReferenceCase[] }).cases : [];
  }
  return cached;
}

/**
 * Proposition 1 (Min & Vidal 2025, eq. (5)) against an independent high-precision evaluation of
 * the literal formula: one instance per fixture case (sigma_1 t up to 1e4, alpha down to 1e-12,
 * r < n, zero, negative and repeated eigenvalues). Deterministic: the seed is not used.
 */
export const referenceSuite: Suite = {
  name: 'reference',
  package: '@factorflow/core',
  claim: 'Prop. 1: stable closed form = literal eq. (5) evaluated in 400-19,400 digit arithmetic, to 1e-10 ||Y||',
  failureIsBug: true,
  instanceCount: () => cases().length,
  runInstance(_seed, index): InstanceOutcome {
    const reference = cases()[index];
    const scale = spectralNorm(reference.Y);
    const { W } = closedFormTrajectory(reference.Y, reference.init, reference.times, { spectrum: false });
    const error = Math.max(...W.map((matrix, i) => matrix.clone().sub(reference.W[i]).abs().max() / scale));
    const passed = error <= 1e-10;
    return { passed, metrics: { error }, detail: passed ? undefined : `${reference.name}: |W - W_ref| / ||Y|| = ${error.toExponential(2)}` };
  },
  summarize(outcomes) {
    const errors = metricValues(outcomes, 'error');
    return {
      metric: Math.max(...errors),
      metricName: 'worst |W - W_ref| / ||Y||',
      findings: [`${errors.length} fixture cases, median error ${median(errors).toExponential(1)} of ||Y||`],
    };
  },
};
