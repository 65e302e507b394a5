/**
 * Regression tests for the examples of issue 16 ("every input gets the exact answer or a typed
 * error") that concern validation, sizes, overflow in symmetrization and norms, and the udv layer:
 * one test per example, named after it. The examples about graded initial conditions, Corollary 2
 * at extreme scales, spectralInit, Theorem 4's M, alphaBounds, MAX_TIME and the CLI are pinned where
 * they are fixed (branch `graded`).
 */
import { describe, expect, it } from 'vitest';

import * as c from '../index.js';
import { thrown } from '../testing/index.js';
import { requireOptionalPositive, requirePositive } from '../validate.js';

const Y = [
  [2, 0],
  [0, 1],
];
const U0 = [
  [1e-3, 0],
  [0, 1e-3],
];
const square = () => c.completionProblem({ rows: 4, columns: 4, rank: 1, observed: 10, seed: 1, symmetric: true });

/** The call finishes in well under `ms` milliseconds, and throws a FactorflowInputError naming `argument`. */
function refusedQuickly(call: () => unknown, argument: string, ms = 200): c.FactorflowInputError {
  const started = performance.now();
  const error = thrown(call);
  expect(performance.now() - started).toBeLessThan(ms);
  expect(error.argument).toBe(argument);
  return error;
}

describe('issue 16: untyped errors on malformed input', () => {
  it('symmetricEigen([[1,0],,]) names the missing row instead of a TypeError', () => {
    // eslint-disable-next-line no-sparse-arrays
    const error = thrown(() => c.symmetricEigen([[1, 0], ,] as unknown as number[][]));
    expect(error).toMatchObject({ code: 'not-a-matrix', argument: 'Y' });
    expect(error.message).toMatch(/row 1 is missing \(the array has a hole there\)/);
  });

  it('closedFormTrajectory(..., null) is a typed error on options', () => {
    expect(thrown(() => c.closedFormTrajectory(Y, { U0 }, [1], null as never))).toMatchObject({ code: 'out-of-range', argument: 'options' });
  });

  it("theorem3Plan(null) names the argument 'input' and lists its fields", () => {
    const error = thrown(() => c.theorem3Plan(null as never));
    expect(error.argument).toBe('input');
    expect(error.message).toBe('input: expected an object { sigmaY, sigma0, epsilon, alpha? }, got null; pass the fields as one object.');
  });

  it('scalarTrajectory(null, 1) is a typed error on mode', () => {
    expect(thrown(() => c.scalarTrajectory(null as never, 1))).toMatchObject({ code: 'out-of-range', argument: 'mode' });
  });

  it('times of length -1 and of length 3e9 are refused before anything is allocated', () => {
    refusedQuickly(() => c.closedFormTrajectory(Y, { U0 }, { length: -1 } as never), 'times');
    const error = refusedQuickly(() => c.closedFormTrajectory(Y, { U0 }, new Array<number>(3e9)), 'times');
    expect(error.message).toMatch(/3\.000e\+9 entries, more than the limit of 2\^27/);
  });

  it('gaussianInit(1e6, 1e6, 1, 1) names the size and the limit', () => {
    const error = refusedQuickly(() => c.gaussianInit(1e6, 1e6, 1, 1), 'n');
    expect(error.message).toMatch(/1000000 x 1000000 matrix needs 1\.000e\+12 entries, more than the limit of 2\^27 = 134217728/);
  });

  it('gaussianInit(2**53-1, 1, 1, 1) refuses the size at once instead of hanging', () => {
    const error = refusedQuickly(() => c.gaussianInit(2 ** 53 - 1, 1, 1, 1), 'n');
    expect(error.message).toMatch(/9\.007e\+15 entries/);
  });

  it('deepFactorization({width: 1e9}) names the width and the limit when bound', () => {
    const error = refusedQuickly(() => c.trainFactorization(square(), c.deepFactorization({ width: 1e9 }), { seed: 1 }), 'width');
    expect(error.message).toMatch(/more than the limit of 2\^27/);
  });

  it('symmetricEigen([[0,1e308],[1e308,0]]) works as spectralNorm of the same matrix does', () => {
    const { values, vectors } = c.symmetricEigen([[0, 1e308], [1e308, 0]]);
    expect(values[0] / 1e308).toBeCloseTo(1, 14);
    expect(values[1] / 1e308).toBeCloseTo(-1, 14);
    expect(Math.abs(vectors.get(0, 0))).toBeCloseTo(Math.SQRT1_2, 14);
    expect(c.spectralNorm([[0, 1e308], [1e308, 0]]) / 1e308).toBeCloseTo(1, 14);
  });

  it('an eigenvalue beyond the largest double is a typed error, not "internal error; please report it"', () => {
    const error = thrown(() => c.symmetricEigen([[1e308, 1e308], [1e308, 1e308]]));
    expect(error).toMatchObject({ code: 'out-of-range', argument: 'Y' });
    expect(error.message).not.toMatch(/internal error/);
  });
});

describe('issue 16: silent NaN or Infinity', () => {
  it('effectiveRank(Float64Array.of(1e308, 1e308)) is 2', () => {
    expect(c.effectiveRank(Float64Array.of(1e308, 1e308))).toBeCloseTo(2, 14);
  });

  it('goldenSectionMinimum refuses a = NaN, a > b and b = Infinity', () => {
    const f = (x: number) => (x - 1) ** 2;
    expect(thrown(() => c.goldenSectionMinimum(f, Number.NaN, 3))).toMatchObject({ code: 'not-finite', argument: 'a' });
    expect(thrown(() => c.goldenSectionMinimum(f, 3, 0))).toMatchObject({ code: 'out-of-range', argument: 'b' });
    expect(thrown(() => c.goldenSectionMinimum(f, 0, Infinity))).toMatchObject({ code: 'not-finite', argument: 'b' });
    expect(thrown(() => c.goldenSectionMinimum(() => Number.NaN, 0, 3))).toMatchObject({ code: 'not-finite', argument: 'f' });
  });

  it('trainFactorization with an infeasible initial projects it and returns a finite loss', () => {
    const initial = new Float64Array(10).fill(0.5);
    initial[8] = -3; // d_0 < 0, outside d >= 0
    const result = c.trainFactorization(square(), c.udv({ radius: 2, width: 2 }), { seed: 1, initial, maxIterations: 0 });
    expect(Array.from(result.factors.d)).toEqual([0, 0.5]);
    expect(Number.isFinite(result.loss)).toBe(true);
    expect(initial[8]).toBe(-3); // the caller's array is copied, not modified
  });

  it('trainFactorization keeps a feasible initial bit for bit, so that resuming an earlier run continues it exactly', () => {
    for (const normalization of ['ball', 'sphere'] as const) {
      const model = () => c.udv({ radius: 1.5, width: 2, normalization });
      const whole = c.trainFactorization(square(), model(), { seed: 3, maxIterations: 30 });
      const first = c.trainFactorization(square(), model(), { seed: 3, maxIterations: 15 });
      const resumed = c.trainFactorization(square(), model(), { seed: 3, maxIterations: 15, initial: first.parameters });
      expect(Array.from(resumed.parameters), normalization).toEqual(Array.from(whole.parameters));
    }
  });

  it('trainFactorization refuses an initial whose loss is not finite instead of returning loss NaN', () => {
    const initial = new Float64Array(10).fill(1e160);
    expect(thrown(() => c.trainFactorization(square(), c.udv({ width: 2 }), { seed: 1, initial }))).toMatchObject({ code: 'out-of-range', argument: 'initial' });
  });

  it('the udv projection keeps factors with entries >= 1e154 instead of setting them to 0', () => {
    const initial = new Float64Array(10).fill(1e160);
    initial.fill(1, 8);
    const { factors } = c.trainFactorization(square(), c.udv({ radius: 2, width: 2 }), { seed: 1, initial, maxIterations: 0 });
    // U = 1e160 * ones(4, 2) projected onto ||U||_F = 2: every entry 2 / sqrt(8).
    for (const entry of factors.U) expect(entry).toBeCloseTo(2 / Math.sqrt(8), 14);
  });

  it("the udv projection rescales entries near 1e-200 in 'sphere' mode", () => {
    const initial = new Float64Array(10).fill(1e-200);
    initial.fill(1, 8);
    const { factors } = c.trainFactorization(square(), c.udv({ radius: 2, width: 2, normalization: 'sphere' }), { seed: 1, initial, maxIterations: 0 });
    for (const entry of factors.U) expect(entry).toBeCloseTo(2 / Math.sqrt(8), 14);
  });
});

describe('issue 16: malformed input silently accepted', () => {
  it('{U0, W0} given together is a typed error (U0 used to win)', () => {
    const error = thrown(() => c.riccatiClosedForm(Y, { U0, W0: [[1, 0], [0, 1]] } as never, 1));
    expect(error).toMatchObject({ code: 'out-of-range', argument: 'init' });
    expect(error.message).toMatch(/gives both U0 and W0; pass one of them/);
  });

  it("{matrices: 'no'} is a typed error", () => {
    expect(thrown(() => c.closedFormTrajectory(Y, { U0 }, [1], { matrices: 'no' as never }))).toMatchObject({ code: 'out-of-range', argument: 'options.matrices' });
  });

  it("udv({normalization: 'bogus'}) is a typed error", () => {
    const error = thrown(() => c.udv({ normalization: 'bogus' as never }));
    expect(error).toMatchObject({ code: 'out-of-range', argument: 'normalization' });
    expect(error.message).toMatch(/must be one of 'ball', 'sphere'/);
  });

  it("symmetric: 'yes' is a typed error", () => {
    const yes = 'yes' as never;
    expect(thrown(() => c.udv({ symmetric: yes }))).toMatchObject({ argument: 'symmetric' });
    expect(thrown(() => c.burerMonteiro({ symmetric: yes }))).toMatchObject({ argument: 'symmetric' });
    expect(thrown(() => c.completionProblem({ rows: 4, columns: 4, rank: 1, observed: 8, seed: 1, symmetric: yes }))).toMatchObject({ argument: 'symmetric' });
    expect(thrown(() => c.validateProblem({ ...square(), symmetric: yes }))).toMatchObject({ argument: 'problem.symmetric' });
  });
});

describe('issue 16: misleading messages', () => {
  it('Float64Array rows: the message names the typed row, not "the matrix is empty"', () => {
    const error = thrown(() => c.symmetricEigen([Float64Array.of(1, 0), Float64Array.of(0, 1)] as never));
    expect(error.message).toBe('Y: row 0 is a Float64Array, not an array of numbers; convert it with Array.from(row).');
  });

  it("the string '1': the message says it is a string, not \"entry (0, 0) is 1\"", () => {
    const error = thrown(() => c.spectralNorm([['1' as never, 0]]));
    expect(error.message).toBe("A: entry (0, 0) is the string '1'; every entry must be a number.");
  });
});

describe('issue 16: requirePositive and requireOptionalPositive', () => {
  it('give the same code for the same problem, +-Infinity included', () => {
    for (const value of [Infinity, -Infinity, Number.NaN, -1, 0, '1' as never]) {
      const required = thrown(() => requirePositive(value, 'eta'));
      const optional = thrown(() => requireOptionalPositive(value, 1, 'eta', ''));
      expect(optional.code, String(value)).toBe(required.code);
    }
    expect(thrown(() => requireOptionalPositive(Infinity, 1, 'eta', '')).code).toBe('not-finite');
  });
});

describe('issue 16 re-audit: malformed input accepted, NaN on valid input', () => {
  it('alphaHypotheses refuses a negative separation ratio rho, as alphaBounds does', () => {
    const condition = { logAlpha: -20, logBound: -5, boundName: 'c_eps', logc: -5, logC: 6, K: 2, atSupremum: false };
    for (const rho of [-1, -Infinity]) {
      expect(thrown(() => c.alphaHypotheses({ ...condition, rho }))).toMatchObject({ code: 'out-of-range', argument: 'rho' });
      expect(thrown(() => c.alphaBounds({ cEpsilon: 0.25, CEpsilon: 200, logc: Math.log(0.25), logC: Math.log(200) }, rho))).toMatchObject({ argument: 'rho' });
    }
    // rho = 0 (K = 1) and rho = Infinity stay the formula's extended reals.
    expect(c.alphaHypotheses({ ...condition, rho: 0 })[1].holds).toBe(true);
  });

  it('theorem4Constants refuses M < 1, which made c_eps = Infinity and C_eps = 0 silently', () => {
    for (const M of [0.5, 1e-300, 0]) expect(thrown(() => c.theorem4Constants(2, M, 0.5))).toMatchObject({ code: 'out-of-range', argument: 'M' });
    expect(c.theorem4Constants(2, 1, 0.5)).toMatchObject({ cEpsilon: 0.5 / 16, CEpsilon: (16 * 4) / 0.5 });
  });

  it('spectralShape of Y = 0 reports commutator 0 (Y = 0 commutes with W0), not NaN', () => {
    const shape = c.spectralShape({ Y: [[0, 0], [0, 0]], U0bar: [[1, 0.2], [0.1, 1]], epsilon: 0.5, alpha: 1e-8 });
    expect(shape.commutator).toBe(0);
    expect(shape.applicable).toBe(false);
  });
});
