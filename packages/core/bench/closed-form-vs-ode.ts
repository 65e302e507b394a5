/**
 * `npm run bench` (core): the closed form of Proposition 1 against the adaptive integrator at equal
 * accuracy, and the cost of symmetricEigen, at growing n. Prints tables; asserts nothing.
 *
 * Setup: Y = Q diag(10, 8, 6, 4, 2, 0, ..., 0) Q^T with a seeded random orthogonal Q,
 * U0 = alpha^{1/2} U0bar with U0bar Gaussian (r = n and r = 5), alpha = 1e-6, 200 times evenly
 * spaced on [0, 8] (the last transition, sigma = 2, ends near t = log(1e6 * 2 / eps) / 4 ~ 5).
 *
 * Accuracy: the integrator runs at the loosest rtol in 1e-8, 1e-9, ... whose trajectory agrees with
 * the closed form to 1e-10 * ||Y|| at every time (searched at n = 10, then used for every n). Both
 * routes are independently validated: the closed form against a high-precision mpmath reference
 * (fixtures/), the integrator against exact solutions (src/ode.test.ts).
 *
 * Cases whose integrator run would take more than BUDGET_SECONDS are estimated from the measured
 * cost of one right-hand side evaluation times the number of evaluations at n = 50, and marked so.
 */
import { performance } from 'node:perf_hooks';

import { Matrix, QrDecomposition } from 'ml-matrix';

import { closedFormTrajectory, gaussianInit, integrateGradientFlow, symmetricEigen } from '../src/index.js';

const ALPHA = 1e-6;
const TIMES = Float64Array.from({ length: 200 }, (_, i) => (8 * i) / 199);
const BUDGET_SECONDS = 120;
const SIGMA = [10, 8, 6, 4, 2];

function target(n: number, seed: number): Matrix {
  const Q = new QrDecomposition(gaussianInit(n, n, 1, seed)).orthogonalMatrix;
  const lambda = Array.from({ length: n }, (_, i) => SIGMA[i] ?? 0);
  const Y = Q.mmul(Matrix.diag(lambda)).mmul(Q.transpose());
  return Y.add(Y.transpose()).div(2);
}

function seconds<T>(run: () => T, minimumSeconds = 0.2): { value: T; seconds: number } {
  let repetitions = 0;
  let value: T;
  const start = performance.now();
  do {
    value = run();
    repetitions++;
  } while ((performance.now() - start) / 1000 < minimumSeconds && repetitions < 50);
  return { value, seconds: (performance.now() - start) / 1000 / repetitions };
}

function worstGap(a: Matrix[], b: Matrix[]): number {
  return Math.max(...a.map((matrix, i) => matrix.clone().sub(b[i]).abs().max()));
}

function format(value: number, digits = 3): string {
  if (value >= 1e5) return value.toExponential(1);
  return value >= 100 ? value.toFixed(0) : value.toPrecision(digits);
}

function calibrateTolerance(): number {
  const Y = target(10, 1);
  const U0 = gaussianInit(10, 10, ALPHA, 2);
  const exact = closedFormTrajectory(Y, { U0 }, TIMES, { spectrum: false }).W;
  for (const rtol of [1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13]) {
    const integrated = integrateGradientFlow(Y, U0, { times: TIMES, rtol }).W;
    if (worstGap(integrated, exact) <= 1e-10 * 10) return rtol;
  }
  return 1e-13;
}

const rtol = calibrateTolerance();
console.log(`\nClosed form (Prop. 1) vs Dormand-Prince 5(4) with dense output, alpha = ${ALPHA}, 200 times on [0, 8]`);
console.log(`integrator rtol = ${rtol} (loosest with max |W_ode - W_closed| <= 1e-10 ||Y|| at n = 10)\n`);
console.log('| n | r | closed form, 200 pts (s) | ODE, 200 pts (s) | ratio | W(t=8) closed (ms) | W(t=8) ODE (ms) | ratio | max gap / ||Y|| | ODE steps |');
console.log('|---|---|---|---|---|---|---|---|---|---|');

/** Cost of one right-hand side evaluation (Y U - U U^T U), from a run over a tiny interval. */
function fieldCost(Y: Matrix, U0: Matrix): number {
  const run = seconds(() => integrateGradientFlow(Y, U0, { times: [1e-9], rtol }), 0.2);
  return run.seconds / Math.max(run.value.evaluations, 1);
}

let evaluationsAt50 = 0;
for (const n of [10, 50, 200, 500]) {
  for (const r of n === 10 ? [n] : [n, 5]) {
    const Y = target(n, n);
    const U0 = gaussianInit(n, r, ALPHA, n + r);
    const closed = seconds(() => closedFormTrajectory(Y, { U0 }, TIMES, { spectrum: false }));
    const single = seconds(() => closedFormTrajectory(Y, { U0 }, [8], { spectrum: false }));
    const estimate = evaluationsAt50 * fieldCost(Y, U0);
    const cells =
      evaluationsAt50 > 0 && estimate > BUDGET_SECONDS
        ? {
            ode: `~${format(estimate)} (est.)`,
            ratio: `~${format(estimate / closed.seconds)}`,
            singleOde: `~${format(estimate * 1000)} (est.)`,
            singleRatio: `~${format(estimate / single.seconds)}`,
            gap: '-',
            steps: '-',
          }
        : (() => {
            const ode = seconds(() => integrateGradientFlow(Y, U0, { times: TIMES, rtol }), 0);
            const odeSingle = seconds(() => integrateGradientFlow(Y, U0, { times: [8], rtol }), 0);
            if (n === 50 && r === n) evaluationsAt50 = ode.value.evaluations;
            return {
              ode: format(ode.seconds),
              ratio: format(ode.seconds / closed.seconds),
              singleOde: format(odeSingle.seconds * 1000),
              singleRatio: format(odeSingle.seconds / single.seconds),
              gap: (worstGap(ode.value.W, closed.value.W) / 10).toExponential(1),
              steps: String(ode.value.steps),
            };
          })();
    console.log(
      `| ${n} | ${r} | ${format(closed.seconds)} | ${cells.ode} | ${cells.ratio} | ${format(single.seconds * 1000)} | ${cells.singleOde} | ${cells.singleRatio} | ${cells.gap} | ${cells.steps} |`,
    );
  }
}

console.log('\nsymmetricEigen alone (ml-matrix tred2/tql2 after rescaling)\n');
console.log('| n | time (ms) | growth vs previous n | implied exponent |');
console.log('|---|---|---|---|');
let previous: { n: number; seconds: number } | null = null;
for (const n of [50, 100, 200, 500]) {
  const Y = target(n, 7 * n);
  const timing = seconds(() => symmetricEigen(Y), 0.5);
  const growth = previous ? timing.seconds / previous.seconds : null;
  const exponent = previous && growth ? Math.log(growth) / Math.log(n / previous.n) : null;
  console.log(`| ${n} | ${format(timing.seconds * 1000)} | ${growth ? format(growth) : '-'} | ${exponent ? exponent.toFixed(2) : '-'} |`);
  previous = { n, seconds: timing.seconds };
}
