/**
 * Factorization-model benchmark: the cost of the U D V^T model of Hou, Sra & Yurtsever (2025) and
 * of Burer-Monteiro per iteration, and udv runs to convergence. Run from packages/core:
 *
 *   npx tsx --conditions=source bench/factorization.ts [--sweep]
 *
 * Prints markdown tables; asserts nothing.
 *
 * 1. Cost per 1000 iterations of udv (U diag(d) V^T, projected GD) and Burer-Monteiro on
 *    (a) PAPER_COMPLETION (100 x 100 symmetric PSD, rank 3, 900 observed pairs; symmetric models)
 *    and (b) ARORA_COMPLETION_2000 (100 x 100, rank 5, 2000 entries; asymmetric models), width
 *    k = 100, timed on the first 1000 iterations from the model's default initialization (the most
 *    expensive ones: no column has died yet) and on 1000 iterations after a 10,000-iteration
 *    warm-up (dead columns are skipped, so udv gets cheaper as it prunes).
 * 2. Time to convergence (relative loss 1e-8) or 1e5 iterations of udv on (a), at its defaults
 *    (radius 1, eta 1e-3, xi 1e-2) and at radius 3 and ||X*||_F^{1/3} = 4.64.
 * 3. With --sweep: udv on (a) over eta x xi (radius 1 and 3, 20,000 iterations each): exact zeros
 *    in d, dead columns of U, numerical rank and test error (about 3 minutes).
 */
import { performance } from 'node:perf_hooks';

import {
  ARORA_COMPLETION_2000,
  PAPER_COMPLETION,
  type FactorizationModel,
  type LeastSquaresProblem,
  type TrainingResult,
  type UdvFactors,
  burerMonteiro,
  completionProblem,
  exactZeros,
  spectrumReport,
  trainFactorization,
  udv,
} from '../src/index.js';

const PROBLEM_SEED = 1;
const INIT_SEED = 2;

const setups: { name: string; problem: LeastSquaresProblem }[] = [
  { name: '(a) PAPER_COMPLETION', problem: completionProblem({ ...PAPER_COMPLETION, seed: PROBLEM_SEED }) },
  { name: '(b) ARORA_COMPLETION_2000', problem: completionProblem({ ...ARORA_COMPLETION_2000, seed: PROBLEM_SEED }) },
];

function seconds<T>(run: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - start) / 1000 };
}

function format(value: number, digits = 3): string {
  return value >= 1e4 || (value !== 0 && value < 1e-2) ? value.toExponential(2) : value.toPrecision(digits);
}

/** Seconds for 1000 iterations, first from the initialization, then from the state after `warmup` iterations. */
function costPer1000(problem: LeastSquaresProblem, model: FactorizationModel<unknown>, warmup: number): number {
  // No loss tolerance can stop the timed runs early: 1e-300 is below any loss reached here.
  const options = { seed: INIT_SEED, lossTolerance: 1e-300, record: 1_000_000 };
  const initial = warmup > 0 ? trainFactorization(problem, model, { ...options, maxIterations: warmup }).parameters : undefined;
  const run = seconds(() => trainFactorization(problem, model, { ...options, maxIterations: 1000, initial }));
  return run.seconds;
}

console.log('\n## Cost per 1000 iterations (width k = 100)\n');
console.log('| setup | model | m | s / 1000 it (from init) | s / 1000 it (after 10k it) |');
console.log('|---|---|---|---|---|');
for (const { name, problem } of setups) {
  for (const model of [udv(), burerMonteiro()] as FactorizationModel<unknown>[]) {
    const fresh = costPer1000(problem, model, 0);
    const warm = costPer1000(problem, model, 10_000);
    console.log(`| ${name} | ${model.name} | ${problem.observations.length} | ${format(fresh)} | ${format(warm)} |`);
  }
}

console.log('\n## udv on (a) to relative loss 1e-8 or 1e5 iterations (eta 1e-3, xi 1e-2)\n');
console.log('| radius | seconds | iterations | stop | loss / f(0) | test error | rank (1e-10 / 1e-6 / 1e-3) | exact zeros in d | dead columns of U |');
console.log('|---|---|---|---|---|---|---|---|---|');
const paper = setups[0].problem;
const lossOfZero = 0.5 * paper.observations.reduce((sum, value) => sum + value * value, 0);
for (const radius of [1, 3, 4.64]) {
  const { value: result, seconds: elapsed } = seconds(() =>
    trainFactorization(paper, udv({ radius }), { seed: INIT_SEED, eta: 1e-3, xi: 1e-2, maxIterations: 100_000, record: 10_000 }),
  );
  console.log(`| ${radius} | ${format(elapsed)} | ${result.iterations} | ${result.stopReason} | ${summary(result)}`);
}

function summary(result: TrainingResult<UdvFactors>): string {
  const report = spectrumReport(result.X, 100, 100, { truthRank: 3, d: result.factors.d });
  const [loose, middle, strict] = report.ranks;
  const k = result.factors.d.length;
  let dead = 0;
  for (let c = 0; c < k; c++) {
    let alive = false;
    for (let i = 0; i < 100 && !alive; i++) alive = result.factors.U[i * k + c] !== 0;
    if (!alive) dead++;
  }
  return (
    `${format(result.loss / lossOfZero)} | ${format(result.history.at(-1)?.testError ?? NaN)} | ` +
    `${strict.rank} / ${middle.rank} / ${loose.rank} | ${exactZeros(result.factors.d)} | ${dead} |`
  );
}

if (process.argv.includes('--sweep')) {
  console.log('\n## udv on (a): eta x xi, 20,000 iterations\n');
  console.log('| radius | eta | xi | stop | loss / f(0) | test error | rank (1e-10 / 1e-6 / 1e-3) | exact zeros in d | dead columns of U |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const radius of [1, 3]) {
    for (const eta of [1e-4, 1e-3, 1e-2]) {
      for (const xi of [1e-3, 1e-1, 1]) {
        const result = trainFactorization(paper, udv({ radius }), { seed: INIT_SEED, eta, xi, maxIterations: 20_000, record: 20_000 });
        console.log(`| ${radius} | ${eta} | ${xi} | ${result.stopReason} | ${summary(result)}`);
      }
    }
  }
}
