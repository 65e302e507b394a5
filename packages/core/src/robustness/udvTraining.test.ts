/**
 * Robustness of the udv layer's training side: the model factories, the training driver and the
 * experiments, driven with malformed and extreme arguments (see udvData.test.ts for the rest).
 */
import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '../errors.js';

import * as udv from '../udv/index.js';
import * as network from '../udv/experiments/network.js';
import * as radiusSweep from '../udv/experiments/radiusSweep.js';
import * as runs from '../udv/experiments/runs.js';
import * as sweep from '../udv/experiments/sweep.js';
import * as lowRankMetrics from '../udv/lowRankMetrics.js';
import * as burerMonteiro from '../udv/models/burerMonteiro.js';
import * as deepFactorization from '../udv/models/deepFactorization.js';
import * as nuclearNorm from '../udv/models/nuclearNorm.js';
import * as udvModel from '../udv/models/udv.js';
import * as operator from '../udv/measurements/operator.js';
import * as problem from '../udv/measurements/problem.js';
import * as problems from '../udv/problems.js';
import * as training from '../udv/training.js';
import { type RobustnessSpec, checkRobustness, exportsDefinedBy, robustnessCoverage } from '../testing/index.js';

const square = () => udv.completionProblem({ rows: 4, columns: 4, rank: 1, observed: 10, seed: 1, noise: 0, symmetric: true });

/**
 * A model binds to a small problem and trains a few steps to a finite result, or refuses with a
 * typed error an option that does not fit that problem (a width above its size, a scale beyond
 * the doubles): options a factory cannot judge before it sees the problem.
 */
function expectTrainable(result: unknown): void {
  let trained: udv.TrainingResult<unknown>;
  try {
    trained = udv.trainFactorization(square(), result as udv.FactorizationModel<unknown>, { seed: 1, maxIterations: 5 });
  } catch (error) {
    expect(error).toBeInstanceOf(FactorflowInputError);
    return;
  }
  expect(trained.X.every(Number.isFinite)).toBe(true);
  expect(Number.isFinite(trained.loss)).toBe(true);
}

/** truth and truthRank are `| null` in a problem, as are several fields of a run summary: null is a value there. */
const PROBLEM_NULLABLE = { 'problem.truth': { nullable: true }, 'problem.truthRank': { nullable: true } };
const SUMMARY_NULLABLE = (path: string) =>
  Object.fromEntries(['radius', 'xi', 'testError', 'tailRatio', 'exactZerosInD', 'deadColumns', 'truthRank'].map((field) => [`${path}.${field}`, { nullable: true }]));

const run = () => udv.runModel(square(), { model: 'udv', radius: 'data', normalization: 'ball' }, { eta: 1e-3, xi: 1e-2, seed: 1, maxIterations: 3 });
const summary = () => udv.summaryOf(run());

const specs: Record<string, RobustnessSpec> = {
  udv: { parameters: ['options'], valid: () => [{ radius: 2, width: 2, symmetric: true, normalization: 'sphere' }], check: expectTrainable },
  burerMonteiro: { parameters: ['options'], valid: () => [{ width: 2, symmetric: true }], check: expectTrainable },
  deepFactorization: { parameters: ['options'], valid: () => [{ width: 2 }], check: expectTrainable },
  nuclearNorm: {
    parameters: ['options'],
    valid: () => [{ decay: 0.5, settleTolerance: 1e-4, stageIterations: 10, floor: 1e-6 }],
    paths: { 'options.stageIterations': { maxWork: 100 } },
    check: expectTrainable,
  },
  trainFactorization: {
    parameters: ['problem', 'model', 'options'],
    valid: () => [square(), udv.udv({ width: 2 }), { seed: 1, eta: 1e-3, xi: 1e-2, maxIterations: 20, lossTolerance: 1e-8, record: 5 }],
    paths: {
      ...PROBLEM_NULLABLE,
      'options.maxIterations': { maxWork: 200 },
      // The factory's name labels the model; the driver reads the bound model's.
      'model.name': { anyKind: true },
    },
    check: (result) => expect((result as udv.TrainingResult<unknown>).X.every(Number.isFinite)).toBe(true),
    // A diverged run reports the loss that left the doubles as +Infinity (documented).
    infinite: ['diverged.loss'],
    numRuns: 20,
  },
  dataScale: { parameters: ['problem'], valid: () => [square()], paths: PROBLEM_NULLABLE },
  dataRadius: { parameters: ['problem'], valid: () => [square()], paths: PROBLEM_NULLABLE },
  runModel: {
    parameters: ['problem', 'spec', 'options'],
    valid: () => [square(), { model: 'udv', radius: 'data', normalization: 'ball' }, { eta: 1e-3, xi: 1e-2, seed: 1, maxIterations: 3 }],
    // radius is a number or 'data'.
    paths: { ...PROBLEM_NULLABLE, 'options.maxIterations': { maxWork: 200 }, 'spec.radius': { anyKind: true } },
    infinite: ['result.diverged.loss'],
    numRuns: 20,
  },
  summaryOf: {
    parameters: ['run'],
    valid: () => [run()],
    // A summary leaves out the training result and the spectrum, so their contents are not its concern.
    paths: { ...SUMMARY_NULLABLE('run'), 'run.result': { anyKind: true }, 'run.singularValues': { anyKind: true } },
  },
  modelLabel: { parameters: ['row'], valid: () => [{ model: 'udv', radius: 2 }], paths: { 'row.radius': { nullable: true } } },
  sweepCells: { parameters: ['models'], valid: () => [['udv', 'nuclear']] },
  runSweep: {
    parameters: ['setup', 'options'],
    valid: () => ['a', { seed: 1, maxIterations: 1, models: ['nuclear'], onRow: () => undefined }],
    paths: { setup: {}, 'options.maxIterations': { maxWork: 1 } },
    numRuns: 10,
  },
  formatSweepTable: { parameters: ['rows'], valid: () => [[summary()]] },
  runRadiusSweep: {
    parameters: ['setup', 'options'],
    valid: () => ['a', { seed: 1, maxIterations: 1, eta: 1e-3, onRow: () => undefined }],
    paths: { setup: {}, 'options.maxIterations': { maxWork: 1 } },
    numRuns: 10,
  },
  formatRadiusTable: {
    parameters: ['report'],
    valid: () => [{ setup: 'a', description: 'd', seed: 1, maxIterations: 1, eta: 1e-3, dataRadius: 2, factors: [1], xis: [1e-2], rows: [summary()] }],
    // The table is drawn from factors, xis, dataRadius and rows alone; the other fields describe the run.
    paths: Object.fromEntries(['setup', 'description', 'seed', 'maxIterations', 'eta'].map((field) => [`report.${field}`, { anyKind: true }])),
  },
  runNetworkExperiment: {
    parameters: ['settings', 'seed'],
    valid: () => [{ outputs: 3, inputs: 4, teacherRank: 1, samples: 10, noise: 0.01, eta: 1e-3, xi: 1e-2, maxIterations: 5 }, 1],
    paths: { 'settings.maxIterations': { maxWork: 200 } },
    numRuns: 20,
  },
};

describe('robustness of udv: models, training, experiments', () => {
  it('has a spec for every export of the modules it covers, and the two udv files cover the layer', () => {
    const covered = [network, radiusSweep, runs, sweep, burerMonteiro, deepFactorization, nuclearNorm, udvModel, training];
    expect(robustnessCoverage(exportsDefinedBy(udv, ...covered), specs)).toEqual({ missing: [], stale: [], unexplained: [] });
    const functions = Object.keys(udv).filter((name) => typeof udv[name as keyof typeof udv] === 'function');
    expect(Object.keys(exportsDefinedBy(udv, ...covered, operator, problem, problems, lowRankMetrics)).filter((name) => functions.includes(name)).sort()).toEqual(functions.sort());
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, udv[name as keyof typeof udv] as (...args: never[]) => unknown, spec));
  }
});
