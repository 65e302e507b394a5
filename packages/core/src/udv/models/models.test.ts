import { describe, expect, it } from 'vitest';

import { burerMonteiro } from './burerMonteiro.js';
import { deepFactorization } from './deepFactorization.js';
import type { BoundModel, FactorizationModel } from './model.js';
import { nuclearNorm } from './nuclearNorm.js';
import { udv } from './udv.js';
import { createRandom } from '../../random.js';
import type { LeastSquaresProblem } from '../measurements/problem.js';
import { completionProblem, regressionProblem, sensingProblem } from '../problems.js';
import { trainFactorization } from '../training.js';

const SEED = 0x7ac7;

/** Small instances of every operator kind; the symmetric one takes the pair kernels. */
function problems(): [string, LeastSquaresProblem][] {
  return [
    ['completion', completionProblem({ rows: 6, columns: 5, rank: 2, observed: 14, seed: SEED })],
    ['symmetric completion', completionProblem({ rows: 6, columns: 6, rank: 2, observed: 12, seed: SEED, symmetric: true })],
    ['sensing', sensingProblem({ size: 5, rank: 2, measurements: 12, seed: SEED })],
    ['regression', regressionProblem({ outputs: 4, inputs: 6, rank: 2, samples: 7, seed: SEED })],
  ];
}

function models(problem: LeastSquaresProblem): [string, FactorizationModel<unknown>][] {
  const square = problem.operator.rows === problem.operator.columns;
  const list: [string, FactorizationModel<unknown>][] = [
    ['udv', udv({ width: 3, radius: 2, symmetric: false })],
    ['burer-monteiro', burerMonteiro({ width: 3, symmetric: false })],
    ['deep-3', deepFactorization({ width: 3 })],
    ['nuclear-norm', nuclearNorm()],
  ];
  if (square) list.push(['symmetric udv', udv({ width: 3, radius: 2, symmetric: true })], ['symmetric burer-monteiro', burerMonteiro({ width: 3, symmetric: true })]);
  return list;
}

/** A generic point: the model's initialization at scale 0.6 plus a seeded perturbation, d > 0 for udv. */
function randomPoint(bound: BoundModel<unknown>, seed: number): Float64Array {
  const parameters = bound.initialize(0.6, seed);
  const random = createRandom(seed + 1);
  for (let index = 0; index < parameters.length; index++) parameters[index] += 0.3 * random.normal();
  return parameters;
}

/**
 * max over coordinates of |central difference - gradient|, relative to the gradient's largest
 * entry. Step h = 1e-5 (1 + |p_i|): truncation error h^2 f''' / 6 ~ 1e-10 and rounding
 * eps f / h ~ 1e-11 for these O(1)-to-O(100) losses, both far below the 1e-6 bound.
 */
function gradientError(bound: BoundModel<unknown>, parameters: Float64Array): number {
  const gradient = new Float64Array(parameters.length);
  bound.lossAndGradient(parameters, gradient);
  let scale = 0;
  for (const value of gradient) scale = Math.max(scale, Math.abs(value));
  let worst = 0;
  const probe = parameters.slice();
  for (let index = 0; index < parameters.length; index++) {
    const h = 1e-5 * (1 + Math.abs(parameters[index]));
    probe[index] = parameters[index] + h;
    const up = bound.loss(probe);
    probe[index] = parameters[index] - h;
    const down = bound.loss(probe);
    probe[index] = parameters[index];
    worst = Math.max(worst, Math.abs((up - down) / (2 * h) - gradient[index]));
  }
  return worst / scale;
}

describe('loss and gradient of every model', () => {
  it('match central finite differences on every operator kind (relative error < 1e-6)', () => {
    for (const [problemName, problem] of problems()) {
      for (const [modelName, model] of models(problem)) {
        const bound = model.bind(problem);
        const error = gradientError(bound, randomPoint(bound, SEED));
        expect(error, `seed ${SEED}, ${modelName} on ${problemName}`).toBeLessThan(1e-6);
      }
    }
  });

  it('match finite differences with dead (all-zero) columns, which are evaluated packed', () => {
    for (const [problemName, problem] of problems().filter(([name]) => name.includes('completion'))) {
      for (const symmetric of problem.symmetric ? [true, false] : [false]) {
        for (const model of [udv({ width: 4, radius: 2, symmetric }), burerMonteiro({ width: 4, symmetric })]) {
          const bound = model.bind(problem);
          const parameters = randomPoint(bound, SEED + 2);
          const { rows, columns } = problem.operator;
          // Kill column 1 of U and V (V follows U's block and, for udv, d).
          for (let i = 0; i < rows; i++) parameters[i * 4 + 1] = 0;
          if (!symmetric) {
            const offset = bound.parameterCount - columns * 4;
            for (let j = 0; j < columns; j++) parameters[offset + j * 4 + 1] = 0;
          }
          const gradient = new Float64Array(parameters.length);
          bound.lossAndGradient(parameters, gradient);
          const message = `seed ${SEED}, ${bound.name} symmetric=${symmetric} on ${problemName}`;
          for (let i = 0; i < rows; i++) expect(gradient[i * 4 + 1], message).toBe(0);
          expect(gradientError(bound, parameters), message).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('the loss is 1/2 ||A(X) - b||^2 of the product', () => {
    const problem = completionProblem({ rows: 5, columns: 5, rank: 1, observed: 10, seed: SEED });
    for (const [name, model] of models(problem)) {
      const bound = model.bind(problem);
      const parameters = randomPoint(bound, SEED + 3);
      const X = bound.product(parameters);
      const { rowIndex, columnIndex } = problem.operator as { rowIndex: Int32Array; columnIndex: Int32Array };
      let expected = 0;
      for (let l = 0; l < rowIndex.length; l++) expected += 0.5 * (X[rowIndex[l] * 5 + columnIndex[l]] - problem.observations[l]) ** 2;
      expect(bound.loss(parameters), `seed ${SEED}, ${name}`).toBeCloseTo(expected, 10);
    }
  });
});

describe('udv projection', () => {
  const problem = completionProblem({ rows: 6, columns: 5, rank: 2, observed: 14, seed: SEED });
  const bound = udv({ width: 3, radius: 2 }).bind(problem);
  const sizeU = 6 * 3;
  const norm = (values: Float64Array) => Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));

  it('maps into ||U||_F <= radius, ||V||_F <= radius, d >= 0 with exact zeros', () => {
    const parameters = randomPoint(bound, SEED);
    for (let index = 0; index < parameters.length; index++) parameters[index] *= 10;
    parameters[sizeU] = -3;
    parameters[sizeU + 1] = 4;
    bound.project(parameters, 1, 0);
    expect(norm(parameters.subarray(0, sizeU))).toBeLessThanOrEqual(2 * (1 + 1e-15));
    expect(norm(parameters.subarray(sizeU + 3))).toBeLessThanOrEqual(2 * (1 + 1e-15));
    expect(norm(parameters.subarray(0, sizeU))).toBeCloseTo(2, 14);
    expect(Object.is(parameters[sizeU], 0)).toBe(true);
    expect(parameters[sizeU + 1]).toBe(4);
  });

  it('leaves a point strictly inside the feasible set unchanged, bit for bit', () => {
    const parameters = randomPoint(bound, SEED + 1);
    const U = parameters.subarray(0, sizeU);
    const V = parameters.subarray(sizeU + 3);
    U.set(U.map((value) => value / norm(U)));
    V.set(V.map((value) => (1.5 * value) / norm(V)));
    for (let c = 0; c < 3; c++) parameters[sizeU + c] = 0.5 + c;
    const before = parameters.slice();
    bound.project(parameters, 1, 0);
    expect(Array.from(parameters)).toEqual(Array.from(before));
  });

  it("with normalization 'sphere' rescales U and V onto ||.||_F = radius, from inside too", () => {
    const sphere = udv({ width: 3, radius: 2, normalization: 'sphere' }).bind(problem);
    const parameters = randomPoint(sphere, SEED + 2);
    for (let index = 0; index < parameters.length; index++) parameters[index] *= 1e-3;
    const direction = parameters.slice(0, sizeU);
    sphere.project(parameters, 1, 0);
    expect(norm(parameters.subarray(0, sizeU))).toBeCloseTo(2, 14);
    expect(norm(parameters.subarray(sizeU + 3))).toBeCloseTo(2, 14);
    const scale = parameters[0] / direction[0];
    direction.forEach((value, index) => expect(parameters[index]).toBeCloseTo(value * scale, 12));
  });

  it('keeps every trained iterate feasible', () => {
    const result = trainFactorization(problem, udv({ width: 3, radius: 2 }), { seed: SEED, eta: 0.05, xi: 1, maxIterations: 50 });
    const { U, d, V } = result.factors;
    expect(norm(U)).toBeLessThanOrEqual(2 * (1 + 1e-15));
    expect(norm(V as Float64Array)).toBeLessThanOrEqual(2 * (1 + 1e-15));
    expect(Array.from(d).every((value) => value >= 0)).toBe(true);
  });
});
