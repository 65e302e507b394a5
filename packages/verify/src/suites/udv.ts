import fc from 'fast-check';

import { NETWORK_DEFAULTS, SWEEP_XIS, completionProblem, runModel, runNetworkExperiment } from '@factorflow/core';

import { seed32 } from '../arbitraries.js';
import { generate } from '../property.js';
import { type InstanceOutcome, type Suite, instanceSeed, median, metricValues } from '../suite.js';

/** Iterations per training run: enough to fit these small problems to f / f(0) ~ 1e-6. */
const ITERATIONS = 5000;

const completionInstance = fc.record({
  n: fc.integer({ min: 12, max: 20 }),
  rank: fc.integer({ min: 1, max: 3 }),
  symmetric: fc.boolean(),
  /** Observations per degree of freedom of a rank-r matrix. */
  oversampling: fc.double({ min: 2, max: 3.5, noNaN: true }),
  eta: fc.constantFrom(1e-3, 1e-2),
  xi: fc.constantFrom(...SWEEP_XIS),
  problemSeed: seed32,
  initSeed: seed32,
});

type CompletionInstance = typeof completionInstance extends fc.Arbitrary<infer T> ? T : never;

function degreesOfFreedom({ n, rank, symmetric }: CompletionInstance): number {
  return symmetric ? rank * n - (rank * (rank - 1)) / 2 : rank * (2 * n - rank);
}

function fraction(outcomes: readonly InstanceOutcome[], name: string, where?: (outcome: InstanceOutcome) => boolean): string {
  const selected = outcomes.filter((outcome) => name in outcome.metrics && (where?.(outcome) ?? true));
  const hits = selected.filter((outcome) => outcome.metrics[name] === 1).length;
  return `${hits}/${selected.length}`;
}

/**
 * The claim of Hou, Sra & Yurtsever (2025) that U D V^T reaches truly low-rank solutions whatever
 * the step size and initialization scale, on small random completion problems, with plain
 * Burer-Monteiro beside it. Exploratory: the paper's claim is an empirical one, so a miss is a
 * finding about the claim (or our reading of the model), not a bug.
 */
export const udvLowRankSuite: Suite = {
  name: 'udv-low-rank',
  package: '@factorflow/core',
  claim:
    'Hou et al. (2025): projected GD on U D V^T (radius a = ||X*||_F^{1/3}) ends exactly rank r* (sigma_{r*+1} < 1e-10 sigma_1) for every eta, xi; Burer-Monteiro U V^T only approximately; small completion problems, 5000 steps',
  failureIsBug: false,
  instanceCount: (requested) => Math.max(1, Math.ceil(requested / 4)),
  runInstance(seed, index): InstanceOutcome {
    const own = instanceSeed(seed, this.name, index);
    const value = generate(completionInstance, own);
    const { n, rank, symmetric, eta, xi } = value;
    // At most 60% of the entries, so that the test error on unobserved entries means something.
    const observed = Math.min(Math.floor(0.6 * (symmetric ? (n * (n + 1)) / 2 : n * n)), Math.round(value.oversampling * degreesOfFreedom(value)));
    const problem = completionProblem({ rows: n, columns: n, rank, observed, symmetric, seed: value.problemSeed });
    const options = { eta, xi, seed: value.initSeed, maxIterations: ITERATIONS };
    const factorized = runModel(problem, { model: 'udv', radius: 'data' }, options);
    const plain = runModel(problem, { model: 'bm' }, options);
    const exact = factorized.rank.exact === rank;
    const label = `n=${n}, r=${rank}, ${symmetric ? 'symmetric' : 'asymmetric'}, ${observed} observed, eta=${eta}, xi=${xi}`;
    return {
      passed: exact,
      metrics: {
        xi,
        udvExact: exact ? 1 : 0,
        udvApproximate: factorized.rank.approximate === rank ? 1 : 0,
        udvZeros: (factorized.exactZerosInD ?? 0) > 0 ? 1 : 0,
        udvTestError: factorized.testError ?? 0,
        udvLoss: factorized.relativeLoss,
        bmExact: plain.rank.exact === rank ? 1 : 0,
        bmApproximate: plain.rank.approximate === rank ? 1 : 0,
        bmTestError: plain.testError ?? 0,
        bmDiverged: plain.stop === 'diverged' ? 1 : 0,
      },
      detail: exact
        ? undefined
        : `seed ${own}: ${label}: udv rank ${factorized.rank.approximate}/${factorized.rank.numerical}/${factorized.rank.exact} at 1e-3/1e-6/1e-10 (r* = ${rank}), ${factorized.exactZerosInD} zeros in d, ${factorized.deadColumns} dead columns, f/f(0) ${factorized.relativeLoss.toExponential(1)}, test error ${(factorized.testError ?? 0).toExponential(1)}`,
    };
  },
  summarize(outcomes) {
    const exactRate = outcomes.length === 0 ? 0 : metricValues(outcomes, 'udvExact').filter((value) => value === 1).length / outcomes.length;
    const byXi = SWEEP_XIS.map((xi) => `xi=${xi}: ${fraction(outcomes, 'bmApproximate', (outcome) => outcome.metrics.xi === xi)}`).join(', ');
    return {
      metric: exactRate,
      metricName: 'fraction where udv is exactly rank r* (1e-10); a test of the paper, not a bug',
      findings: [
        `udv (a = ||X*||_F^{1/3}): exactly rank r* ${fraction(outcomes, 'udvExact')}, rank r* at 1e-3 ${fraction(outcomes, 'udvApproximate')}, some exact zero in d ${fraction(outcomes, 'udvZeros')}; median test error ${median(metricValues(outcomes, 'udvTestError')).toExponential(1)}, median f/f(0) ${median(metricValues(outcomes, 'udvLoss')).toExponential(1)}`,
        `Burer-Monteiro: exactly rank r* ${fraction(outcomes, 'bmExact')}, rank r* at 1e-3 ${fraction(outcomes, 'bmApproximate')} (by xi: ${byXi}), diverged ${fraction(outcomes, 'bmDiverged')}; median test error ${median(metricValues(outcomes, 'bmTestError')).toExponential(1)}`,
      ],
    };
  },
};

const networkInstance = fc.record({
  outputs: fc.integer({ min: 8, max: 16 }),
  inputs: fc.integer({ min: 10, max: 20 }),
  teacherRank: fc.integer({ min: 1, max: 3 }),
  samples: fc.integer({ min: 60, max: 120 }),
  seed: seed32,
});

/**
 * The constrained linear network with a diagonal middle layer (udv on a teacher-student
 * regression) against the plain two-layer linear network: how many hidden units stay active, and
 * what pruning to the teacher's rank costs each. Exploratory.
 */
export const udvNetworkSuite: Suite = {
  name: 'udv-network',
  package: '@factorflow/core',
  claim:
    'Hou et al. (2025): the linear network sum_j v_j w_j u_j^T x with sum ||u_j||^2, sum ||v_j||^2 <= a^2, w_j >= 0 keeps only rank(teacher) active units; pruning the plain two-layer network to that rank by SVD costs accuracy',
  failureIsBug: false,
  instanceCount: (requested) => Math.max(1, Math.ceil(requested / 8)),
  runInstance(seed, index): InstanceOutcome {
    const own = instanceSeed(seed, this.name, index);
    const value = generate(networkInstance, own);
    const [constrained, plain] = runNetworkExperiment({ ...NETWORK_DEFAULTS, ...value, maxIterations: 3000 }, value.seed);
    const matched = constrained.activeUnits === value.teacherRank;
    return {
      passed: matched,
      metrics: {
        activeUnits: constrained.activeUnits,
        width: Math.min(value.outputs, value.inputs),
        constrainedExactRank: constrained.rank.exact === value.teacherRank ? 1 : 0,
        constrainedPruningCost: constrained.prunedTestError / constrained.testError,
        plainPruningCost: plain.prunedTestError / plain.testError,
        constrainedError: constrained.testError,
        plainError: plain.testError,
      },
      detail: matched
        ? undefined
        : `seed ${own}: ${value.outputs}x${value.inputs}, teacher rank ${value.teacherRank}, ${value.samples} samples: ${constrained.activeUnits} active units of ${Math.min(value.outputs, value.inputs)}, rank ${constrained.rank.approximate}/${constrained.rank.numerical}/${constrained.rank.exact} at 1e-3/1e-6/1e-10`,
    };
  },
  summarize(outcomes) {
    const matched = outcomes.filter((outcome) => outcome.passed).length;
    return {
      metric: outcomes.length === 0 ? 0 : matched / outcomes.length,
      metricName: 'fraction where the constrained network keeps exactly rank(teacher) units',
      findings: [
        `constrained network: active units median ${median(metricValues(outcomes, 'activeUnits'))} of width median ${median(metricValues(outcomes, 'width'))}; exactly rank(teacher) (1e-10) ${fraction(outcomes, 'constrainedExactRank')}; test error median ${median(metricValues(outcomes, 'constrainedError')).toExponential(1)}`,
        `pruning to rank(teacher) by SVD multiplies the test error by a median ${median(metricValues(outcomes, 'constrainedPruningCost')).toFixed(3)} (constrained) and ${median(metricValues(outcomes, 'plainPruningCost')).toFixed(3)} (plain, test error median ${median(metricValues(outcomes, 'plainError')).toExponential(1)})`,
      ],
    };
  },
};
